"""Compressed bodies and protocol upgrades on scrub routes: a request body with a Content-Encoding is
refused (never forwarded unscanned), whichever check comes first; an upstream answer compressed although
the proxy asked for identity is decoded and restored, whole and streamed; a WebSocket upgrade (the
Realtime API) is refused with a JSON error, an h2c upgrade (curl --http2) ignored."""
import gzip
import http.client
import json
import socket
import unittest
import zlib

from test_proxy_pass import ProxyFixture

CHAT = json.dumps({"model": "scrub-gpt", "messages": [
    {"role": "user", "content": "I am Jane Doe, mail jane.doe@example.com"}]}).encode()
STREAM = json.dumps({"model": "scrub-gpt", "stream": True, "messages": [
    {"role": "user", "content": "I am Jane Doe, mail jane.doe@example.com"}]}).encode()
ANSWER = json.dumps({"choices": [{"index": 0, "message": {
    "role": "assistant", "content": "Hi <PERSON_1>, <EMAIL_ADDRESS_1>"}}]}).encode()
EVENTS = b"".join(b"data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": p}}]}).encode() + b"\n\n"
                  for p in ("Hi <PERS", "ON_1>, <EMAIL_", "ADDRESS_1>")) + b"data: [DONE]\n\n"
CODINGS = {"gzip": gzip.compress, "x-gzip": gzip.compress, "deflate": zlib.compress}


def text_of(events: bytes) -> str:
    return "".join(json.loads(line[6:])["choices"][0]["delta"].get("content", "")
                   for line in events.decode().split("\n") if line.startswith("data: {"))


def raw_exchange(port: int, request: bytes, timeout: float = 5.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(request)
        data = b""
        while True:
            got = s.recv(65536)
            if not got:
                return data
            data += got


class CompressedRequestTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def test_encoded_bodies_are_refused_and_never_forwarded(self):
        for coding, fn in CODINGS.items():
            with self.subTest(coding=coding):
                resp, data = self.post("/v1/chat/completions", fn(CHAT), {"Content-Encoding": coding})
                self.assertEqual(resp.status, 415)
                self.assertEqual(json.loads(data)["error"]["code"], "content_encoding")
        resp, data = self.post("/v1/chat/completions", CHAT, {"Content-Encoding": "br"})  # whatever the bytes
        self.assertEqual(resp.status, 415)
        self.assertEqual(self.up.requests, [])

    def test_identity_is_taken(self):
        resp, _ = self.post("/v1/chat/completions", CHAT, {"Content-Encoding": "identity"})
        self.assertEqual(resp.status, 200)
        self.assertNotIn(b"Jane", self.up.requests[0].body)


class CompressedRequestByModelTest(ProxyFixture):
    """Routing by model reads the body before any route's checks: a compressed body was refused there
    with the core's '400 UTF8 at byte 1', which says nothing of the cause."""
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub", "models": ["scrub-*"]},
              {"name": "pass", "upstream": "UP", "policy": "pass"}]

    def test_a_compressed_body_is_a_clear_415(self):
        resp, data = self.post("/v1/chat/completions", gzip.compress(CHAT), {"Content-Encoding": "gzip"})
        self.assertEqual(resp.status, 415)
        self.assertEqual(json.loads(data)["error"]["code"], "content_encoding")
        self.assertEqual(self.up.requests, [])


class CompressedAnswerTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub", "models": ["scrub-*"]},
              {"name": "pass", "upstream": "UP", "policy": "pass"}]

    def test_the_proxy_asks_for_identity_on_scrub_routes_only(self):
        self.post("/v1/chat/completions", CHAT, {"Accept-Encoding": "gzip, br"})
        self.post("/v1/chat/completions", CHAT.replace(b"scrub-", b"pass-"), {"Accept-Encoding": "gzip, br"})
        self.assertEqual(self.up.requests[0].headers.get("Accept-Encoding"), "identity")
        self.assertEqual(self.up.requests[1].headers.get("Accept-Encoding"), "gzip, br")

    def test_whole_answers_are_decoded_and_restored(self):
        for coding, fn in CODINGS.items():
            with self.subTest(coding=coding):
                self.up.answer = ("json", 200, fn(ANSWER), {"Content-Encoding": coding})
                resp, data = self.post("/v1/chat/completions", CHAT)
                self.assertEqual(resp.status, 200)
                self.assertIsNone(resp.getheader("Content-Encoding"))
                self.assertEqual(json.loads(data)["choices"][0]["message"]["content"],
                                 "Hi Jane Doe, jane.doe@example.com")

    def test_streamed_answers_are_decoded_and_restored(self):
        """A provider that compresses its SSE stream anyway (a CDN in front of it): the stream was a 502
        'upstream stream is encoded', though its whole answers were decoded."""
        for coding, fn in CODINGS.items():
            with self.subTest(coding=coding):
                z = fn(EVENTS)
                self.up.answer = ("sse", 200, [z[i:i + 5] for i in range(0, len(z), 5)],
                                  {"Content-Encoding": coding})
                resp, data = self.post("/v1/chat/completions", STREAM)
                self.assertEqual(resp.status, 200)
                self.assertIsNone(resp.getheader("Content-Encoding"))
                self.assertEqual(text_of(data), "Hi Jane Doe, jane.doe@example.com")
                self.assertTrue(data.endswith(b"data: [DONE]\n\n"))

    def test_a_stream_that_does_not_decode_is_cut(self):
        for name, payload in (("garbage", [b"\x1f\x8b\x08\x00garbage-garbage"]),
                              ("truncated", [gzip.compress(EVENTS)[:-12]])):
            with self.subTest(name=name):
                self.up.answer = ("sse", 200, payload, {"Content-Encoding": "gzip"})
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("POST", "/v1/chat/completions", body=STREAM, headers={"Content-Type": "application/json"})
                resp = conn.getresponse()
                self.assertEqual(resp.status, 200)  # (the head went out before the bytes came)
                with self.assertRaises(http.client.IncompleteRead):  # no clean end: a truncated stream
                    resp.read()
                conn.close()

    def test_a_compressed_stream_is_capped_decoded(self):
        self.proxy.proxy.cfg.max_response_bytes = 4096
        z = gzip.compress(EVENTS[:-14] + b"data: " + b"x" * 10_000_000 + b"\n\n")  # ~10 KB, 10 MB decoded
        self.up.answer = ("sse", 200, [z], {"Content-Encoding": "gzip"})
        resp, data = self.post("/v1/chat/completions", STREAM)
        self.assertLess(len(data), 8192)
        self.assertIn(b"max_response_bytes", data)

    def test_brotli_is_refused(self):
        self.up.answer = ("sse", 200, [b"\x0b\x02\x80"], {"Content-Encoding": "br"})
        resp, data = self.post("/v1/chat/completions", STREAM)
        self.assertEqual(resp.status, 502)

    def test_pass_routes_relay_compressed_answers_as_sent(self):
        z = gzip.compress(EVENTS)
        self.up.answer = ("sse", 200, [z], {"Content-Encoding": "gzip"})
        resp, data = self.post("/v1/chat/completions", STREAM.replace(b"scrub-", b"pass-"))
        self.assertEqual(resp.getheader("Content-Encoding"), "gzip")
        self.assertEqual(data, z)


class UpgradeTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]
    HANDSHAKE = (b"GET /v1/realtime?model=gpt-4o-realtime HTTP/1.1\r\nHost: x\r\nUpgrade: websocket\r\n"
                 b"Connection: Upgrade\r\nSec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\n"
                 b"Sec-WebSocket-Version: 13\r\n\r\n")

    def test_websocket_upgrade_is_refused_on_a_scrub_route(self):
        """The Realtime API: the handshake went upstream as a plain GET (Upgrade dropped), and the client
        got back whatever the provider says to that instead of a reason."""
        data = raw_exchange(self.port, self.HANDSHAKE.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        head, _, body = data.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.1 501"), head)
        self.assertEqual(json.loads(body)["error"]["code"], "websocket")
        self.assertEqual(self.up.requests, [])

    def test_h2c_upgrade_is_ignored(self):
        """curl --http2 on http:// asks for h2c; the proxy answers in HTTP/1.1 (RFC 9110 7.8)."""
        data = raw_exchange(self.port, b"POST /v1/chat/completions HTTP/1.1\r\nHost: x\r\n"
                            b"Connection: Upgrade, HTTP2-Settings, close\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n"
                            b"Content-Type: application/json\r\nContent-Length: %d\r\n\r\n" % len(CHAT) + CHAT)
        self.assertTrue(data.startswith(b"HTTP/1.1 200"), data[:100])
        self.assertNotIn(b"Jane", self.up.requests[0].body)
        self.assertNotIn("Upgrade", self.up.requests[0].headers)


class PassUpgradeTest(ProxyFixture):
    def test_a_pass_route_forwards_the_handshake_as_before(self):
        data = raw_exchange(self.port, UpgradeTest.HANDSHAKE.replace(b"\r\n\r\n", b"\r\nConnection: close\r\n\r\n"))
        self.assertTrue(data.startswith(b"HTTP/1.1 200"), data[:100])
        self.assertEqual(len(self.up.requests), 1)


if __name__ == "__main__":
    unittest.main()
