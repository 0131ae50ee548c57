"""Answers the proxy's HTTP layer gives before any request reached the handler (a header deadline's 408,
a 503 past max_connections) are logged like the parser's 400/431: one line per answer, so an operator
sees slow or surplus clients in the log as well as the clients do."""
import socket
import time

from test_proxy_http import exchange, post_head
from test_proxy_pass import CHAT, ProxyFixture


def status_lines(logs) -> list:
    return [r.getMessage() for r in logs.records if r.getMessage().startswith("route=")]


class RefusalLogTest(ProxyFixture):
    settings = {"header_timeout": 0.5, "max_connections": 2}

    def test_header_deadline_408_is_logged_once(self):
        with self.assertLogs("sanctumcore.proxy", "INFO") as logs:
            s = socket.create_connection(("127.0.0.1", self.port), timeout=3)
            try:
                s.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: p\r\n")  # and then nothing more
                got = b""
                while chunk := s.recv(4096):
                    got += chunk
            finally:
                s.close()
            self.assertTrue(got.startswith(b"HTTP/1.1 408"), got[:40])
            idle = socket.create_connection(("127.0.0.1", self.port), timeout=3)  # silent: closed, no answer
            try:
                self.assertEqual(idle.recv(4096), b"")
            finally:
                idle.close()
        self.assertEqual(status_lines(logs), ["route=- policy=- method=- path=- status=408 entities=none ms=0"])

    def test_connection_past_the_limit_503_is_logged_once(self):
        held = [socket.create_connection(("127.0.0.1", self.port), timeout=3) for _ in range(2)]
        try:
            time.sleep(0.1)
            with self.assertLogs("sanctumcore.proxy", "INFO") as logs:
                raw = exchange(self.port, post_head(b"/chat/completions", len(CHAT)) + CHAT, wait=1)
                self.assertTrue(raw.startswith(b"HTTP/1.1 503"), raw[:40])
        finally:
            for s in held:
                s.close()
        self.assertEqual(status_lines(logs), ["route=- policy=- method=- path=- status=503 entities=none ms=0"])
