"""Keep-alive safety against a hand-written upstream: bytes an upstream sends while its connection sits
idle in the pool make that connection unusable (never handed to the next request), and interim answers
the proxy never asked for (101 and the like) are a 502."""
import http.client
import socket
import threading
import time
import unittest

from test_proxy_pass import CHAT


def read_request(conn):
    data = b""
    while b"\r\n\r\n" not in data:
        got = conn.recv(65536)
        if not got:
            return None
        data += got
    head, _, rest = data.partition(b"\r\n\r\n")
    length = 0
    for line in head.split(b"\r\n"):
        if line.lower().startswith(b"content-length"):
            length = int(line.split(b":")[1])
    while len(rest) < length:
        rest += conn.recv(65536)
    return head


def answer(body: bytes) -> bytes:
    return (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: %d\r\n\r\n%s"
            % (len(body), body))


class RawUpstream:
    """Each connection: for the n-th request on it, sends what `script(n)` returns (a list of byte
    strings and pauses in seconds)."""

    def __init__(self, script):
        self.listener = socket.create_server(("127.0.0.1", 0))
        self.port = self.listener.getsockname()[1]
        self.script = script
        self.connections = 0
        threading.Thread(target=self._serve, daemon=True).start()

    def _serve(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:
                return
            self.connections += 1
            threading.Thread(target=self._conn, args=(conn,), daemon=True).start()

    def _conn(self, conn):
        with conn:
            n = 0
            while read_request(conn) is not None:
                n += 1
                for step in self.script(n):
                    if isinstance(step, bytes):
                        conn.sendall(step)
                    else:
                        time.sleep(step)

    def close(self):
        self.listener.close()


class RawProxyTest(unittest.TestCase):
    def start(self, script):
        from sanctumcore.proxy import ProxyThread, from_dict

        up = RawUpstream(script)
        self.addCleanup(up.close)
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 5, "route": [
            {"name": "raw", "upstream": f"http://127.0.0.1:{up.port}/v1", "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        return up, proxy

    def post(self, proxy):
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        conn.request("POST", "/chat/completions", body=CHAT, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        out = resp.status, resp.read()
        conn.close()
        return out


class IdleDataTest(RawProxyTest):
    def test_an_answer_sent_while_idle_is_never_handed_to_the_next_request(self):
        sent = []

        def script(n):
            steps = [answer(b'{"for": %d}' % n)]
            if not sent:  # once, after the proxy pooled the connection: an answer nobody asked for
                sent.append(1)
                steps += [0.2, answer(b'{"unsolicited": true}')]
            return steps

        up, proxy = self.start(script)
        got = []
        for _ in range(3):
            got.append(self.post(proxy))
            time.sleep(0.4)
        self.assertEqual(got, [(200, b'{"for": 1}'), (200, b'{"for": 1}'), (200, b'{"for": 2}')])
        self.assertEqual(up.connections, 2)  # the first connection was dropped, the second kept

    def test_a_second_answer_in_the_same_packet_is_not_queued_for_the_next_request(self):
        up, proxy = self.start(lambda n: [answer(b'{"for": %d}' % n) + answer(b'{"extra": %d}' % n)])
        got = [self.post(proxy) for _ in range(2)]
        self.assertEqual(got, [(200, b'{"for": 1}'), (200, b'{"for": 1}')])
        self.assertEqual(up.connections, 2)


if __name__ == "__main__":
    unittest.main()
