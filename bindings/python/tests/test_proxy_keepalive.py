"""The upstream client against hand-written upstreams: bytes an upstream sends while its connection sits
idle in the pool make that connection unusable (never handed to the next request); interim answers the
proxy never asked for (101 and the like) and malformed answers are a 502 saying so; waiting for a free
pooled connection has its own timeout, apart from connecting."""
import http.client
import json
import socket
import threading
import time
import unittest

from test_proxy_pass import CHAT, ProxyFixture


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

    def post(self, proxy, message=False):
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        conn.request("POST", "/chat/completions", body=CHAT, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        out = resp.status, resp.read()
        conn.close()
        return (out[0], json.loads(out[1])["error"]["message"]) if message else out


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



class InterimAnswerTest(RawProxyTest):
    def test_an_unexpected_interim_answer_is_a_502(self):
        for head in (b"HTTP/1.1 101 Switching Protocols\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
                     b"HTTP/1.1 199 Whatever\r\n\r\n"):
            with self.subTest(head=head):
                _, proxy = self.start(lambda n: [head + answer(b'{"after": "interim"}')])
                self.assertEqual(self.post(proxy, message=True), (502, "upstream raw: malformed upstream answer"))

    def test_expected_interim_answers_are_skipped(self):
        _, proxy = self.start(lambda n: [b"HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n" + answer(b'{"ok": 1}')])
        self.assertEqual(self.post(proxy), (200, b'{"ok": 1}'))

    def test_a_malformed_answer_is_named_so(self):
        _, proxy = self.start(lambda n: [b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n"])
        self.assertEqual(self.post(proxy, message=True), (502, "upstream raw: malformed upstream answer"))

    def test_an_unreachable_upstream_is_named_so(self):
        from sanctumcore.proxy import ProxyThread, from_dict
        from fake_upstream import dead_url

        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "route": [
            {"name": "raw", "upstream": dead_url() + "/v1", "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        self.assertEqual(self.post(proxy, message=True), (502, "upstream raw: unreachable"))


def post_both(fixture):
    out = []
    threads = [threading.Thread(target=lambda: out.append(fixture.post("/chat/completions", CHAT))) for _ in range(2)]
    for t in threads:
        t.start()
        time.sleep(0.05)
    for t in threads:
        t.join(20)
    return sorted((resp.status, json.loads(data)["error"]["message"] if resp.status != 200 else "")
                  for resp, data in out)


class PoolWaitTest(ProxyFixture):
    settings = {"upstream_max_connections": 1, "upstream_connect_timeout": 0.2, "upstream_pool_timeout": 5}

    def test_waiting_for_a_busy_connection_is_not_a_connect_timeout(self):
        self.up.delay = 0.6  # longer than the connect timeout: the second request waits for the first
        self.assertEqual(post_both(self), [(200, ""), (200, "")])
        self.assertEqual(len(self.up.peers), 1)


class PoolTimeoutTest(ProxyFixture):
    settings = {"upstream_max_connections": 1, "upstream_pool_timeout": 0.3}

    def test_a_pool_wait_past_its_timeout_is_a_502_saying_busy(self):
        self.up.delay = 1.0
        self.assertEqual(post_both(self), [
            (200, ""), (502, "upstream main: busy (no free connection within upstream_pool_timeout)")])


if __name__ == "__main__":
    unittest.main()
