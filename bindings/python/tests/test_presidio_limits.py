"""python -m sanctumcore.presidio on its own (serve()) has the proxy's connection limits: a client that
sends nothing, or only part of a request's headers, gives its connection back after header_timeout
(aiohttp alone keeps such a connection open for ever, so a few hundred of them exhaust the process's
file descriptors)."""
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


if __name__ == "__main__":
    unittest.main()
