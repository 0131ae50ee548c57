"""The proxy's upstream client: keep-alive reuse, the connection limit, read timeouts, connections the
upstream closes, answers without a body, header values that would split a request, and a client that
hangs up while its request is upstream (the upstream request is cancelled)."""
import http.client
import os
import socket
import threading
import time
import unittest

from test_proxy_pass import CHAT, ProxyFixture


class ReuseTest(ProxyFixture):
    def test_sequential_requests_reuse_one_upstream_connection(self):
        for _ in range(5):  # a new client connection each time: the upstream one is pooled
            resp, _ = self.post("/chat/completions", CHAT)
            self.assertEqual(resp.status, 200)
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        for method in ("HEAD", "GET", "POST"):  # a HEAD answer has no body: the next one stays framed
            conn.request(method, "/models", body=CHAT if method == "POST" else None)
            resp = conn.getresponse()
            self.assertEqual((resp.status, resp.read()), (200, b"" if method == "HEAD" else b'{"ok": true}'))
        conn.close()
        self.assertEqual(len(self.up.requests), 8)
        self.assertEqual(len(self.up.peers), 1)

    def test_a_connection_the_upstream_closes_is_not_reused(self):
        self.up.answers = [("json", 200, b'{"n": 1}', {"Connection": "close"})]
        self.assertEqual(self.post("/chat/completions", CHAT)[1], b'{"n": 1}')
        time.sleep(0.1)
        resp, data = self.post("/chat/completions", CHAT)
        self.assertEqual((resp.status, data), (200, b'{"ok": true}'))
        self.assertEqual(len(self.up.peers), 2)

    def test_an_idle_connection_past_the_keep_alive_time_is_not_reused(self):
        from sanctumcore.proxy import upstream

        old = upstream.Origin.KEEPALIVE
        upstream.Origin.KEEPALIVE = 0.3
        try:
            for pause in (0, 0.1, 0.5):
                time.sleep(pause)
                self.assertEqual(self.post("/chat/completions", CHAT)[0].status, 200)
        finally:
            upstream.Origin.KEEPALIVE = old
        self.assertEqual(len(self.up.peers), 2)  # kept after 0.1 s, replaced after 0.5 s

    def test_a_post_without_a_body_carries_a_zero_length(self):
        resp, _ = self.post("/chat/completions", b"")
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[0].headers.get("Content-Length"), "0")
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", "/models")
        conn.getresponse().read()
        conn.close()
        self.assertNotIn("Content-Length", self.up.requests[1].headers)


class RawUpstreamTest(unittest.TestCase):
    """Upstreams written by hand on a socket: framings aiohttp's server never sends."""

    def serve(self, answer: bytes, close: bool):
        listener = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(listener.close)
        seen = []

        def run():
            conn, _ = listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                head, _, rest = data.partition(b"\r\n\r\n")
                length = int(next(l.split(b":")[1] for l in head.split(b"\r\n") if l.lower().startswith(b"content-length")))
                while len(rest) < length:
                    rest += conn.recv(65536)
                seen.append(head.split(b"\r\n")[0])
                conn.sendall(answer)
                if not close:
                    time.sleep(1)

        threading.Thread(target=run, daemon=True).start()
        from sanctumcore.proxy import ProxyThread, from_dict
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 5, "route": [
            {"name": "raw", "upstream": f"http://127.0.0.1:{listener.getsockname()[1]}/v1", "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
        conn.request("POST", "/chat/completions", body=CHAT)
        resp = conn.getresponse()
        out = resp.status, resp.read()
        conn.close()
        return out, seen

    def test_an_answer_without_a_length_runs_to_the_close(self):
        (status, body), seen = self.serve(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n\r\n"
                                          b'{"ok": "until close"}', close=True)
        self.assertEqual(seen, [b"POST /v1/chat/completions HTTP/1.1"])
        self.assertEqual((status, body), (200, b'{"ok": "until close"}'))

    def test_an_interim_answer_is_skipped(self):
        (status, body), _ = self.serve(b"HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\n"
                                       b"Content-Type: application/json\r\nContent-Length: 10\r\n\r\n{\"ok\": 1}\n",
                                       close=False)
        self.assertEqual((status, body), (200, b'{"ok": 1}\n'))

    def test_a_status_below_100_is_a_502(self):
        # aiohttp's parser reads `099` as 99; relayed, the client got the status line `HTTP/1.1 99 `.
        (status, body), _ = self.serve(b"HTTP/1.1 099 Odd\r\nContent-Type: application/json\r\n"
                                       b"Content-Length: 2\r\n\r\n{}", close=True)
        self.assertEqual(status, 502)
        self.assertIn(b"malformed upstream answer", body)

    def test_a_malformed_answer_is_a_502(self):
        (status, body), _ = self.serve(b"HTTP/1.1 200 OK\r\nContent-Length: x\r\n\r\n", close=True)
        self.assertEqual(status, 502)


class OverrunTest(unittest.TestCase):
    """An upstream that sends more than its answer's length, in the same packet as the answer's end."""

    def test_a_connection_with_bytes_past_the_answer_is_not_reused(self):
        listener = socket.create_server(("127.0.0.1", 0))
        self.addCleanup(listener.close)
        ok = b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 8\r\n\r\n"
        other = b"HTTP/1.1 200 OK\r\nContent-Length: 12\r\nX-For: another request\r\n\r\n{\"other\": 3}"
        scripts = [[ok + b'{"a": 1}' + other[:40], other[40:] + ok + b'{"b": 2}'],  # the first connection
                   [ok + b'{"b": 2}']]  # a new one
        connections = []

        def handle(conn, answers):
            with conn:
                data = b""
                while answers:
                    while b"\r\n\r\n" not in data:
                        chunk = conn.recv(65536)
                        if not chunk:
                            return
                        data += chunk
                    head, _, data = data.partition(b"\r\n\r\n")
                    length = int(next(l.split(b":")[1] for l in head.split(b"\r\n")
                                      if l.lower().startswith(b"content-length")))
                    while len(data) < length:
                        data += conn.recv(65536)
                    data = data[length:]
                    conn.sendall(answers.pop(0))
                time.sleep(1)

        def run():
            while True:
                try:
                    conn, _ = listener.accept()
                except OSError:
                    return
                connections.append(conn)
                threading.Thread(target=handle, args=(conn, scripts.pop(0)), daemon=True).start()

        threading.Thread(target=run, daemon=True).start()
        from sanctumcore.proxy import ProxyThread, from_dict
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 5, "route": [
            {"name": "raw", "upstream": f"http://127.0.0.1:{listener.getsockname()[1]}/v1", "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        got = []
        for _ in range(2):
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
            conn.request("POST", "/chat/completions", body=CHAT)
            resp = conn.getresponse()
            got.append((resp.status, resp.read()))
            conn.close()
        # Reused, the second request's answer was read from the middle of the other answer: a 502.
        self.assertEqual(got, [(200, b'{"a": 1}'), (200, b'{"b": 2}')])
        self.assertEqual(len(connections), 2)


class LimitTest(ProxyFixture):
    settings = {"upstream_max_connections": 2}

    def test_concurrent_requests_stay_within_the_upstream_connection_limit(self):
        self.up.delay = 0.2
        statuses = []
        threads = [threading.Thread(target=lambda: statuses.append(self.post("/chat/completions", CHAT)[0].status))
                   for _ in range(6)]
        started = time.monotonic()
        for t in threads:
            t.start()
        for t in threads:
            t.join(20)
        self.assertEqual(statuses, [200] * 6)
        self.assertLessEqual(len(self.up.peers), 2)
        self.assertGreaterEqual(time.monotonic() - started, 0.55)  # three rounds of two


class StalledClientTest(ProxyFixture):
    settings = {"upstream_max_connections": 1, "upstream_pool_timeout": 3, "send_timeout": 0.5}

    def test_a_client_that_stops_reading_is_dropped_and_frees_its_upstream_connection(self):
        # It held its handler, the answer and the upstream connection for ever: with every upstream
        # connection so held, other clients got 502 busy.
        self.up.answer = ("json", 200, b'{"data": "' + b"x" * (16 << 20) + b'"}')
        stalled = socket.socket()
        self.addCleanup(stalled.close)
        stalled.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        stalled.connect(("127.0.0.1", self.port))
        stalled.sendall(b"GET /models HTTP/1.1\r\nHost: p\r\n\r\n")  # and never reads the answer
        deadline = time.monotonic() + 5
        while not self.up.requests and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(1.5)  # the stalled write: past send_timeout
        self.up.answer = ("json", 200, b'{"ok": true}')
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        started = time.monotonic()
        conn.request("GET", "/models")
        resp = conn.getresponse()
        self.assertEqual((resp.status, resp.read()), (200, b'{"ok": true}'))
        conn.close()
        self.assertLess(time.monotonic() - started, 1.0)  # no wait for the pool
        stalled.settimeout(5)
        got = 0
        try:
            while chunk := stalled.recv(1 << 20):
                got += len(chunk)
        except ConnectionError:
            pass
        self.assertLess(got, 16 << 20)  # cut, not the whole answer


class ReadTimeoutTest(ProxyFixture):
    settings = {"upstream_timeout": 0.3}

    def test_a_silent_upstream_is_a_502_after_the_read_timeout(self):
        self.up.delay = 1.2
        started = time.monotonic()
        resp, _ = self.post("/chat/completions", CHAT)
        self.assertEqual(resp.status, 502)
        self.assertLess(time.monotonic() - started, 1.0)
        time.sleep(1.0)  # the fake's answer is done before it is closed
        self.assertEqual(self.up.abandoned, 1)


class StalledUpstreamTest(unittest.TestCase):
    def test_an_upstream_that_stops_taking_the_request_body_is_a_502_after_the_read_timeout(self):
        # aiohttp's read timeout does not run while the request is written: the request (and its
        # upstream connection) waited for ever.
        listener = socket.socket()
        self.addCleanup(listener.close)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        accepted = []
        threading.Thread(target=lambda: accepted.append(listener.accept()[0]), daemon=True).start()
        self.addCleanup(lambda: [c.close() for c in accepted])
        from sanctumcore.proxy import ProxyThread, from_dict
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 0.5, "route": [
            {"name": "p", "upstream": f"http://127.0.0.1:{listener.getsockname()[1]}/v1", "policy": "pass"}]}))
        self.addCleanup(proxy.close)
        body = b'{"x": "' + b"a" * (8 << 20) + b'"}'
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=8)
        self.addCleanup(conn.close)
        started = time.monotonic()
        conn.request("POST", "/chat/completions", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        self.assertEqual(resp.status, 502)
        resp.read()
        self.assertLess(time.monotonic() - started, 5)


class SlowUploadTest(unittest.TestCase):
    def test_a_body_taking_longer_than_the_read_timeout_to_send_is_answered(self):
        # The upstream takes the body steadily for longer than upstream_timeout, then answers at once: the
        # read timeout ran during the upload and the answer was a 502.
        listener = socket.socket()
        self.addCleanup(listener.close)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 65536)
        listener.bind(("127.0.0.1", 0))
        listener.listen()
        body = b'{"x": "' + b"a" * (24 << 20) + b'"}'

        def serve():
            conn, _ = listener.accept()
            with conn:
                data = b""
                while b"\r\n\r\n" not in data:
                    data += conn.recv(65536)
                got = len(data.partition(b"\r\n\r\n")[2])
                slow_until = time.monotonic() + 1.6  # slowly past upstream_timeout, then at full speed
                while got < len(body):
                    if time.monotonic() < slow_until:
                        time.sleep(0.05)
                    chunk = conn.recv(512 << 10)
                    if not chunk:
                        return
                    got += len(chunk)
                conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}")
                time.sleep(1)

        threading.Thread(target=serve, daemon=True).start()
        from sanctumcore.proxy import ProxyThread, from_dict
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_timeout": 1.0, "max_body_bytes": 32 << 20,
                                       "route": [{"name": "p", "policy": "pass",
                                                  "upstream": f"http://127.0.0.1:{listener.getsockname()[1]}/v1"}]}))
        self.addCleanup(proxy.close)
        conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=20)
        self.addCleanup(conn.close)
        conn.request("POST", "/chat/completions", body=body, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        data = resp.read()
        self.assertEqual((resp.status, data), (200, b"{}"), data)


class HeaderInjectionTest(ProxyFixture):
    routes = [{"name": "k", "upstream": "UP/v1", "policy": "pass", "api_key_env": "SANCTUM_TEST_SPLIT_KEY"}]

    def test_a_key_with_a_line_break_never_splits_the_request(self):
        os.environ["SANCTUM_TEST_SPLIT_KEY"] = "sk-a\r\nX-Injected: 1"
        try:
            resp, _ = self.post("/chat/completions", CHAT)
        finally:
            del os.environ["SANCTUM_TEST_SPLIT_KEY"]
        self.assertEqual(resp.status, 502)
        self.assertEqual(self.up.requests, [])


class ClientGoneTest(ProxyFixture):
    def test_a_client_hanging_up_cancels_its_upstream_request(self):
        self.up.delay = 1.0
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        s.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: p\r\nContent-Type: application/json\r\n"
                  b"Content-Length: " + str(len(CHAT)).encode() + b"\r\n\r\n" + CHAT)
        deadline = time.monotonic() + 5
        while not self.up.requests and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertEqual(len(self.up.requests), 1)
        s.close()
        deadline = time.monotonic() + 5
        while not self.up.abandoned and time.monotonic() < deadline:
            time.sleep(0.02)
        self.assertEqual(self.up.abandoned, 1)  # the upstream connection was closed before the answer
        resp, _ = self.post("/chat/completions", CHAT)  # and the proxy still serves (a new connection)
        self.assertEqual(resp.status, 200)


class TlsTrustedTest(unittest.TestCase):
    def test_an_upstream_with_a_trusted_certificate_is_used_and_its_connection_kept(self):
        import asyncio
        import shutil
        import ssl
        import subprocess
        import tempfile

        from aiohttp import web

        from fake_upstream import FakeUpstream
        from sanctumcore.proxy import ProxyThread, from_dict

        if not shutil.which("openssl"):
            self.skipTest("openssl not installed: cannot make a self-signed certificate")
        tmp = tempfile.TemporaryDirectory()
        self.addCleanup(tmp.cleanup)
        subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj",
                        "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1", "-keyout", f"{tmp.name}/k.pem",
                        "-out", f"{tmp.name}/c.pem"], check=True, capture_output=True)
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(f"{tmp.name}/c.pem", f"{tmp.name}/k.pem")
        up = FakeUpstream()  # its loop also serves the TLS listener below
        self.addCleanup(up.close)
        peers = []

        async def serve():
            async def handler(request):
                peers.append(request.transport.get_extra_info("peername"))
                return web.json_response({"ok": True, "body": len(await request.read())})
            runner = web.ServerRunner(web.Server(handler), handle_signals=False)
            await runner.setup()
            site = web.TCPSite(runner, "127.0.0.1", 0, ssl_context=tls)
            await site.start()
            return runner, site._server.sockets[0].getsockname()[1]

        runner, port = asyncio.run_coroutine_threadsafe(serve(), up.loop).result(10)
        self.addCleanup(lambda: asyncio.run_coroutine_threadsafe(runner.cleanup(), up.loop).result(10))
        old = os.environ.get("SSL_CERT_FILE")
        os.environ["SSL_CERT_FILE"] = f"{tmp.name}/c.pem"  # OpenSSL's default trust store for this test
        try:
            proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "route": [
                {"name": "tls", "upstream": f"https://127.0.0.1:{port}/v1", "policy": "pass"}]}))
            try:
                got = []
                for _ in range(2):
                    conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
                    conn.request("POST", "/chat/completions", body=CHAT)
                    resp = conn.getresponse()
                    got.append((resp.status, resp.read()))
                    conn.close()
            finally:
                proxy.close()
        finally:
            if old is None:
                del os.environ["SSL_CERT_FILE"]
            else:
                os.environ["SSL_CERT_FILE"] = old
        body = f'{{"ok": true, "body": {len(CHAT)}}}'.encode()
        self.assertEqual(got, [(200, body), (200, body)])
        self.assertEqual(len(peers), 2)
        self.assertEqual(len(set(peers)), 1)  # one TLS connection, kept alive


if __name__ == "__main__":
    unittest.main()


class LocalRebindTest(unittest.TestCase):
    """A local route's upstream is checked to be on this machine or the LAN when the configuration is read;
    its name may resolve elsewhere later (DNS rebinding, a changed record): the unscrubbed requests a
    local route (or a scrub route's local fallback) forwards must still never leave the LAN."""

    NAME = "llm.rebind.sanctum.test"

    def test_a_name_that_no_longer_resolves_locally_is_never_connected_to(self):
        from fake_upstream import FakeUpstream
        from sanctumcore.proxy import ProxyThread, from_dict

        up = FakeUpstream()
        self.addCleanup(up.close)
        answer = {"address": "127.0.0.1"}
        real = socket.getaddrinfo

        def resolve(host, port, *args, **kwargs):
            if host == self.NAME:
                return real(answer["address"], port, *args, **kwargs)
            return real(host, port, *args, **kwargs)

        socket.getaddrinfo = resolve
        self.addCleanup(setattr, socket, "getaddrinfo", real)
        proxy = ProxyThread(from_dict({"listen": "127.0.0.1:0", "upstream_connect_timeout": 2, "route": [
            {"name": "l", "upstream": f"http://{self.NAME}:{up.port}/v1", "policy": "local"}]}))
        self.addCleanup(proxy.close)

        def post():
            conn = http.client.HTTPConnection("127.0.0.1", proxy.port, timeout=10)
            conn.request("POST", "/chat/completions", body=CHAT, headers={"Connection": "close"})
            resp = conn.getresponse()
            out = resp.status, resp.read()
            conn.close()
            return out

        # The name now resolves to an address off the LAN (multicast: the kernel refuses a TCP connect to
        # it before sending anything, so this test sends nothing off the machine either way).
        answer["address"] = "224.0.0.1"
        status, body = post()
        self.assertEqual(status, 502)
        self.assertIn(b"no longer resolves to this machine or the LAN", body)
        self.assertEqual(up.requests, [])
        answer["address"] = "127.0.0.1"  # and a local answer is used as before
        self.assertEqual(post(), (200, b'{"ok": true}'))
        self.assertEqual(len(up.requests), 1)
