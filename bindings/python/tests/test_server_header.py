"""The Server header: the proxy's and the Presidio drop-in's own answers name the service, not aiohttp's
default "Python/3.x aiohttp/3.x" (a security product does not advertise its stack); a relayed answer
keeps the upstream's Server header (RFC 9110 10.2.4), and carries sanctum-proxy when the upstream sent none."""
import http.client
import socket
import threading
import unittest

from presidio_fixture import ServerCase
from sanctumcore.proxy import ProxyThread, from_dict
from test_proxy_http import exchange
from test_proxy_pass import CHAT, ProxyFixture

STACK = ("python", "aiohttp")


class ProxyServerHeaderTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "p", "upstream": "UP/v1", "policy": "pass", "paths": ["/p/completions"]}]

    def assert_ours(self, value):
        self.assertEqual(value, "sanctum-proxy")

    def test_own_answers_name_the_proxy_only(self):
        resp, _ = self.post("/nowhere", CHAT)  # no route
        self.assertGreaterEqual(resp.status, 400)
        self.assert_ours(resp.getheader("Server"))
        resp, _ = self.post("/chat/completions", b"{not json")  # refused by the core's parser
        self.assertEqual(resp.status, 400)
        self.assert_ours(resp.getheader("Server"))
        raw = exchange(self.port, b"GET /x HTTP/1.1\r\nHost: a\r\nContent-Length: zz\r\n\r\n")  # aiohttp refuses
        head = raw.partition(b"\r\n\r\n")[0].decode("latin-1").lower()
        self.assertTrue(head.startswith("http/1.1 4"), head)
        self.assertIn("\r\nserver: sanctum-proxy", head)
        for word in STACK:
            self.assertNotIn(word, head)

    def test_relayed_answers_keep_the_upstreams(self):
        for path in ("/chat/completions", "/p/completions"):
            with self.subTest(path=path):
                self.up.answer = ("json", 200, b'{"ok": true}', {"Server": "fake-llm/1.0"})
                resp, _ = self.post(path, CHAT)
                self.assertEqual(resp.status, 200)
                self.assertEqual(resp.getheader("Server"), "fake-llm/1.0")
                self.up.answer = ("sse", 200, [b'data: {"choices":[{"delta":{"content":"x"}}]}\n\n'],
                                  {"Server": "fake-llm/1.0", "Content-Type": "text/event-stream"})
                resp, _ = self.post(path, CHAT)
                self.assertEqual(resp.getheader("Server"), "fake-llm/1.0")


class BareUpstream:
    """An upstream answering every request with 200 and no Server header (aiohttp, as the fake
    upstream is, always sends one)."""

    def __init__(self):
        self.sock = socket.create_server(("127.0.0.1", 0))
        self.sock.settimeout(10)
        self.url = f"http://127.0.0.1:{self.sock.getsockname()[1]}"
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        try:
            while True:
                conn, _ = self.sock.accept()
                with conn:
                    conn.settimeout(10)
                    data = b""
                    while b"\r\n\r\n" not in data:
                        data += conn.recv(65536)
                    head, _, body = data.partition(b"\r\n\r\n")
                    length = next((int(line.split(b":", 1)[1]) for line in head.split(b"\r\n")
                                   if line.lower().startswith(b"content-length:")), 0)
                    while len(body) < length:
                        body += conn.recv(65536)
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 12\r\n"
                                 b"Connection: close\r\n\r\n{\"ok\": true}")
        except OSError:
            pass

    def close(self):
        self.sock.close()


class RelayWithoutServerTest(unittest.TestCase):
    def test_an_upstream_without_one_gets_ours_not_aiohttps(self):
        up = BareUpstream()
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "route": [
            {"name": "p", "upstream": up.url + "/v1", "policy": "pass"}]}))
        try:
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
            conn.request("POST", "/chat/completions", body=CHAT, headers={"Content-Type": "application/json"})
            resp = conn.getresponse()
            self.assertEqual(resp.read(), b'{"ok": true}')
            conn.close()
            self.assertEqual(resp.status, 200)
            self.assertEqual(resp.getheader("Server"), "sanctum-proxy")
        finally:
            proxy.close()
            up.close()


class PresidioServerHeaderTest(ServerCase):
    def test_answers_name_the_service_only(self):
        for port, method, path in ((self.srv.analyzer_port, "GET", "/health"),
                                   (self.srv.analyzer_port, "GET", "/nope"),
                                   (self.srv.anonymizer_port, "POST", "/anonymize")):
            with self.subTest(port=port, path=path):
                conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
                conn.request(method, path, body=b"{" if method == "POST" else None,
                             headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                resp.read()
                conn.close()
                self.assertEqual(resp.getheader("Server"), "sanctum-presidio")
