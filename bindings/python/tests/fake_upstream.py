"""A fake LLM provider on loopback for the proxy tests. It records every request it receives and answers
with whatever the test queued: a JSON body, an SSE stream sent in given pieces, a 5xx, or a stream that
dies half-way."""
from __future__ import annotations

import http.server
import socketserver
import threading
import time


class Recorded:
    def __init__(self, path, headers, body):
        self.path = path
        self.headers = headers
        self.body = body


class FakeUpstream:
    def __init__(self):
        self.requests = []
        self.answer = ("json", 200, b'{"ok": true}')
        fake = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):
                pass

            def do_POST(self):
                n = int(self.headers.get("Content-Length", "0"))
                body = self.rfile.read(n)
                fake.requests.append(Recorded(self.path, dict(self.headers), body))
                kind, status, payload = fake.answer
                if kind == "json":
                    self.send_response(status)
                    self.send_header("Content-Type", "application/json")
                    self.send_header("Content-Length", str(len(payload)))
                    self.end_headers()
                    self.wfile.write(payload)
                    return
                self.send_response(status)
                self.send_header("Content-Type", "text/event-stream")
                self.send_header("Transfer-Encoding", "chunked")
                self.end_headers()
                for piece in payload:
                    self.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece))
                    self.wfile.flush()
                    time.sleep(0.002)
                if kind == "sse":
                    self.wfile.write(b"0\r\n\r\n")
                else:  # "sse-die": drop the connection without ending the stream
                    self.close_connection = True
                    self.connection.shutdown(2)

        class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
            daemon_threads = True

        self.server = Server(("127.0.0.1", 0), Handler)
        self.port = self.server.server_address[1]
        self.url = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True)
        self.thread.start()

    def close(self):
        self.server.shutdown()
        self.server.server_close()
