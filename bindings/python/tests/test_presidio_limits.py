"""python -m sanctumcore.presidio on its own (serve()) has the proxy's connection limits: a client that
sends nothing, or only part of a request's headers, gives its connection back after header_timeout
(aiohttp alone keeps such a connection open for ever, so a few hundred of them exhaust the process's
file descriptors)."""
import json
import socket
import time
import unittest

from presidio_fixture import PresidioServer
from sanctumcore.proxy import Config


def closed_within(sock, seconds: float) -> bool:
    """Whether the peer closes sock (reading until EOF) within `seconds`."""
    sock.settimeout(seconds)
    end = time.monotonic() + seconds
    try:
        while time.monotonic() < end:
            if not sock.recv(65536):
                return True
    except socket.timeout:
        return False
    except ConnectionError:
        return True
    return False


class StandaloneLimitsTest(unittest.TestCase):
    def setUp(self):
        limits = Config()
        limits.header_timeout = 0.5
        self.srv = PresidioServer(limits=limits)

    def tearDown(self):
        self.srv.close()

    def test_silent_and_slow_clients_are_closed_after_header_timeout(self):
        silent = socket.create_connection(("127.0.0.1", self.srv.analyzer_port))
        slow = socket.create_connection(("127.0.0.1", self.srv.anonymizer_port))
        try:
            slow.sendall(b"POST /anonymize HTTP/1.1\r\nHo")
            self.assertTrue(closed_within(silent, 5))
            self.assertTrue(closed_within(slow, 5))
        finally:
            silent.close()
            slow.close()
        status, _, body = self.srv.analyze({"text": "Call Jane at jane@example.com", "language": "en"})
        self.assertEqual(status, 200)  # a client that sends its request in time is served as before
        self.assertIn("EMAIL_ADDRESS", {r["entity_type"] for r in body})

    def test_a_keep_alive_connection_lives_past_header_timeout_and_each_request_has_its_own_deadline(self):
        import http.client
        import json

        conn = http.client.HTTPConnection("127.0.0.1", self.srv.analyzer_port, timeout=5)
        body = json.dumps({"text": "Call Jane at jane@example.com", "language": "en"})
        try:
            for _ in range(4):  # 1.2 s of requests on one connection, header_timeout 0.5 s
                conn.request("POST", "/analyze", body=body, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                self.assertEqual(resp.status, 200)
                resp.read()
                time.sleep(0.3)
            conn.sock.sendall(b"POST /analyze HTTP/1.1\r\nHo")  # then a request that never ends its headers
            self.assertTrue(closed_within(conn.sock, 5))
        finally:
            conn.close()


class ConnectionAnswerTest(unittest.TestCase):
    """The answers the connection layer gives on the Presidio listeners (a request aiohttp's parser
    refuses, the header deadline's 408) are Presidio's: {"error": ...} and Server sanctum-presidio, not
    the proxy's error JSON naming sanctum-proxy."""

    def check(self, answer: bytes, status: int):
        head, _, body = answer.partition(b"\r\n\r\n")
        lines = head.split(b"\r\n")
        self.assertTrue(lines[0].startswith(b"HTTP/1.1 %d " % status), head)
        self.assertIn(b"Server: sanctum-presidio", lines)
        self.assertEqual(list(json.loads(body)), ["error"])

    def test_parse_errors_and_the_header_deadline_answer_as_presidio(self):
        limits = Config()
        limits.header_timeout = 0.5
        srv = PresidioServer(limits=limits)
        self.addCleanup(srv.close)
        for data, status in ((b"POST /analyze HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                              b"Transfer-Encoding: chunked\r\n\r\n5\r\n{\"tex\r\nzz\r\n", 400),
                             (b"POST /analyze HTTP/1.1\r\nHo", 408)):
            with self.subTest(status=status):
                sock = socket.create_connection(("127.0.0.1", srv.analyzer_port))
                try:
                    sock.sendall(data)
                    self.check(answer_and_close(sock, 5), status)
                finally:
                    sock.close()


class FaultyFramingTest(unittest.TestCase):
    def test_transfer_encoding_in_http_1_0_closes_the_connection_after_the_answer(self):
        srv = PresidioServer()
        self.addCleanup(srv.close)
        body = b'{"text": "hello", "language": "en"}'
        sock = socket.create_connection(("127.0.0.1", srv.analyzer_port))
        try:
            sock.sendall(b"POST /analyze HTTP/1.0\r\nHost: a\r\nConnection: keep-alive\r\nContent-Type: application/json\r\n"
                         b"Transfer-Encoding: chunked\r\n\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(body), body) +
                         b"GET /health HTTP/1.1\r\nHost: a\r\n\r\n")
            answer = answer_and_close(sock, 5)
        finally:
            sock.close()
        self.assertEqual(answer.count(b"HTTP/1."), 1, answer)  # one answer, then closed: /health never ran
        self.assertNotEqual(answer, b"")


def answer_and_close(sock, seconds: float) -> bytes:
    """What the peer sends until it closes sock, or b"" when it is still open after `seconds`."""
    sock.settimeout(seconds)
    end, data = time.monotonic() + seconds, b""
    try:
        while time.monotonic() < end:
            chunk = sock.recv(65536)
            if not chunk:
                return data
            data += chunk
    except (socket.timeout, ConnectionError):
        pass
    return b""


class BodyTimeoutTest(unittest.TestCase):
    """A client that sends its headers in time and then its body slowly, or never, gets Presidio's 408
    JSON after body_timeout and its connection is closed (it held the connection and its handler for
    ever: a few hundred such clients fill max_connections and every later client gets 503)."""

    def check(self, port):
        sock = socket.create_connection(("127.0.0.1", port))
        try:
            sock.sendall(b"POST /analyze HTTP/1.1\r\nHost: a\r\nContent-Type: application/json\r\n"
                         b"Content-Length: 100\r\n\r\n{\"text\": \"Jane Doe")
            started = time.monotonic()
            answer = answer_and_close(sock, 5)
        finally:
            sock.close()
        self.assertLess(time.monotonic() - started, 4)
        head, _, body = answer.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 408 "), head)
        self.assertEqual(list(json.loads(body)), ["error"])
        self.assertNotIn(b"Jane", answer)

    def test_standalone_the_body_deadline_is_the_limits_body_timeout(self):
        limits = Config()
        limits.body_timeout = 0.5
        srv = PresidioServer(limits=limits)
        self.addCleanup(srv.close)
        self.check(srv.analyzer_port)

    def test_embedded_in_the_proxy_the_body_deadline_is_the_proxys_body_timeout(self):
        from fake_upstream import dead_url
        from sanctumcore.proxy import ProxyThread, from_dict

        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "body_timeout": 0.5, "presidio": {
            "analyzer": f"127.0.0.1:{port}"}, "route": [{"name": "r", "upstream": dead_url(), "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        self.check(port)


if __name__ == "__main__":
    unittest.main()
