"""python -m sanctumcore.presidio on its own (serve()) has the proxy's connection limits: a client that
sends nothing, or only part of a request's headers, gives its connection back after header_timeout
(aiohttp alone keeps such a connection open for ever, so a few hundred of them exhaust the process's
file descriptors)."""
import gzip
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


class EncodedBodyTest(unittest.TestCase):
    """Bodies with a Content-Encoding: aiohttp inflates them, so one that does not inflate, or inflates past
    its decompression limit, must be answered as a bad or too large body (400, 413), not as the 500 of an
    unexpected failure with a traceback in the log."""

    @classmethod
    def setUpClass(cls):
        cls.srv = PresidioServer()

    @classmethod
    def tearDownClass(cls):
        cls.srv.close()

    def post(self, port, path, data, encoding="gzip"):
        sock = socket.create_connection(("127.0.0.1", port))
        sock.sendall(f"POST {path} HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
                     f"Content-Encoding: {encoding}\r\nConnection: close\r\nContent-Length: {len(data)}\r\n\r\n".encode() + data)
        raw = answer_and_close(sock, 10)
        sock.close()
        head, _, body = raw.partition(b"\r\n\r\n")
        return int(head.split()[1]), json.loads(body[:int(head.lower().split(b"content-length: ")[1].split()[0])])

    def test_a_body_that_does_not_inflate_is_400_on_both_services(self):
        for port, path in ((self.srv.analyzer_port, "/analyze"), (self.srv.anonymizer_port, "/anonymize")):
            with self.subTest(path=path), self.assertNoLogs(level="ERROR"):
                self.assertEqual(self.post(port, path, b'{"text": "Jane Doe", "language": "en"}'),
                                 (400, {"error": "Failed to decode JSON object"}))

    def test_a_body_inflating_past_the_limit_is_413(self):
        bomb = gzip.compress(json.dumps({"text": "a " * (20 << 20), "language": "en"}).encode())
        with self.assertNoLogs(level="ERROR"):
            self.assertEqual(self.post(self.srv.analyzer_port, "/analyze", bomb),
                             (413, {"error": "The data value transmitted exceeds the capacity limit."}))

    def test_a_gzip_body_within_the_limit_is_read(self):
        status, data = self.post(self.srv.analyzer_port, "/analyze",
                                 gzip.compress(b'{"text": "mail jane.doe@example.com", "language": "en"}'))
        self.assertEqual((status, [r["entity_type"] for r in data]), (200, ["EMAIL_ADDRESS"]))


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
