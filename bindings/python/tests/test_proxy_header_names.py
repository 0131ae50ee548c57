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
