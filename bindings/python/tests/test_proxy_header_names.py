"""Header names that are not RFC 9110 tokens (`Host : evil`, a space before the colon, which aiohttp 3.8's
parser takes as a header named "Host ") are refused with a JSON 400 on every route, never forwarded."""
import json
import socket
import unittest

from test_proxy_pass import CHAT, ProxyFixture


class HeaderNameTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "paths": ["/s/chat/completions"]},
              {"name": "p", "upstream": "UP/v1", "policy": "pass"}]

    def raw(self, path, extra: bytes):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        s.sendall(b"POST " + path.encode() + b" HTTP/1.1\r\nHost: proxy\r\nConnection: close\r\nContent-Type: application/json\r\n"
                  + extra + b"Content-Length: " + str(len(CHAT)).encode() + b"\r\n\r\n" + CHAT)
        data = b""
        while True:
            got = s.recv(65536)
            if not got:
                break
            data += got
        s.close()
        head, _, body = data.partition(b"\r\n\r\n")
        return int(head.split(b" ")[1]), body

    def test_a_space_before_the_colon_is_refused_on_every_route(self):
        for path in ("/s/chat/completions", "/chat/completions"):
            for line in (b"Host : evil.example\r\n", b"Authorization : Bearer x\r\n",
                         b"X-Forwarded-For : 203.0.113.7\r\n"):
                with self.subTest(path=path, line=line):
                    status, body = self.raw(path, line)
                    self.assertEqual(status, 400)
                    self.assertEqual(json.loads(body)["error"]["code"], "bad_header_name")
        self.assertEqual(self.up.requests, [])

    def test_token_names_still_pass(self):
        status, _ = self.raw("/chat/completions", b"X-Custom_Name.v2: 1\r\n")
        self.assertEqual(status, 200)
        self.assertEqual(len(self.up.requests), 1)


class OriginAssertTest(unittest.TestCase):
    def test_the_upstream_client_never_writes_a_name_that_is_not_a_token(self):
        import asyncio

        import aiohttp
        import yarl

        from sanctumcore.proxy import from_dict, upstream

        cfg = from_dict({"listen": "127.0.0.1:0", "route": [{"name": "p", "upstream": "http://127.0.0.1:9/v1",
                                                              "policy": "pass"}]})
        origin = upstream.Origin(cfg, "http", "127.0.0.1", 9)
        with self.assertRaises(aiohttp.InvalidURL):
            asyncio.run(origin.request("GET", yarl.URL("http://127.0.0.1:9/v1/x"), {"Host ": "evil"}, None))


if __name__ == "__main__":
    unittest.main()


class CleanValuesMemoryTest(unittest.TestCase):
    def test_long_unique_values_sent_by_a_client_are_not_held(self):
        import tracemalloc

        from sanctumcore.proxy.headers import CleanValues

        clean = CleanValues()
        tracemalloc.start()
        try:
            before = tracemalloc.get_traced_memory()[0]
            for i in range(4096):  # header values as long as aiohttp takes, each new
                clean.add(("main", "X-Trace", f"{i:08d}" + "a" * 8000))
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        self.assertLess(held, 2 << 20, "each worker would hold 4096 x 8 KB of header values")
        key = ("main", "User-Agent", "OpenAI/JS 4.104.0")
        clean.add(key)  # the values clients repeat are still remembered
        self.assertIn(key, clean)


class LongNameMemoryTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "p", "upstream": "UP/v1", "policy": "pass"}]

    def test_long_unique_header_names_sent_by_a_client_are_not_held(self):
        # The header decisions (CleanValues, the drop list's cache) and the upstream client's good names
        # kept any name: 4096 + 1024 + 1024 names of up to 8 KB, about 50 MB per worker.
        import gc
        import tracemalloc

        sock = socket.create_connection(("127.0.0.1", self.port), timeout=10)
        self.addCleanup(sock.close)

        def send(path: bytes, i: int) -> None:
            name = b"X-%d-" % i + b"n" * 4000
            sock.sendall(b"POST " + path + b" HTTP/1.1\r\nHost: p\r\nContent-Type: application/json\r\n" + name +
                         b": 1\r\nContent-Length: %d\r\n\r\n" % len(CHAT) + CHAT)
            data = b""
            while not data.endswith(b'{"ok": true}'):
                chunk = sock.recv(65536)
                self.assertTrue(chunk, data[:200])
                data += chunk

        send(b"/chat/completions", 0)
        send(b"/models", 0)
        tracemalloc.start()
        try:
            gc.collect()
            before = tracemalloc.get_traced_memory()[0]
            for i in range(1, 1201):
                send(b"/chat/completions", i)
                send(b"/models", i)
            self.up.requests.clear()  # (the fake upstream's own record of them)
            gc.collect()
            held = tracemalloc.get_traced_memory()[0] - before
        finally:
            tracemalloc.stop()
        self.assertLess(held, 2 << 20)
