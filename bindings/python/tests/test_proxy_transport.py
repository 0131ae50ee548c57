"""Clients other than a keep-alive HTTP/1.1 SDK, on a scrub route: HTTP/1.0 (whole and streamed answers,
the stream ended by closing), pipelined requests answered in order and each restored, Connection:
close, and an SSE event line of megabytes restored at its end."""
import json
import socket
import unittest

from test_proxy_pass import ProxyFixture

CHAT = json.dumps({"model": "m", "messages": [{"role": "user", "content": "I am Jane Doe, jane.doe@example.com"}]}).encode()
STREAM = json.dumps({"model": "m", "stream": True,
                     "messages": [{"role": "user", "content": "I am Jane Doe, jane.doe@example.com"}]}).encode()
ANSWER = json.dumps({"choices": [{"index": 0, "message": {"role": "assistant", "content": "Hi <PERSON_1>"}}]}).encode()


def event(content: str) -> bytes:
    return b"data: " + json.dumps({"choices": [{"index": 0, "delta": {"content": content}}]}).encode() + b"\n\n"


def request(body: bytes, version: bytes = b"1.1", extra: bytes = b"") -> bytes:
    return (b"POST /v1/chat/completions HTTP/" + version + b"\r\nHost: x\r\nContent-Type: application/json\r\n" + extra +
            b"Content-Length: %d\r\n\r\n" % len(body) + body)


def until_closed(port: int, data: bytes, timeout: float = 10.0) -> bytes:
    with socket.create_connection(("127.0.0.1", port), timeout=timeout) as s:
        s.sendall(data)
        got = b""
        while True:
            piece = s.recv(65536)  # (a timeout raises: the proxy must close these connections)
            if not piece:
                return got
            got += piece


class TransportTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def test_http_1_0_whole_answer(self):
        self.up.answer = ("json", 200, ANSWER)
        data = until_closed(self.port, request(CHAT, b"1.0"))
        head, _, body = data.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.0 200"), head)
        self.assertEqual(json.loads(body)["choices"][0]["message"]["content"], "Hi Jane Doe")
        self.assertNotIn(b"Jane", self.up.requests[0].body)

    def test_http_1_0_stream_is_ended_by_closing(self):
        self.up.answer = ("sse", 200, [event("Hi <PERS"), event("ON_1>!"), b"data: [DONE]\n\n"])
        data = until_closed(self.port, request(STREAM, b"1.0"))
        head, _, body = data.partition(b"\r\n\r\n")
        self.assertTrue(head.startswith(b"HTTP/1.0 200"), head)
        self.assertNotIn(b"chunked", head.lower())  # HTTP/1.0 has no chunked coding
        self.assertIn(b'"content": "Hi "', body)
        self.assertIn(b'"content": "Jane Doe!"', body)
        self.assertTrue(body.endswith(b"data: [DONE]\n\n"))

    def test_pipelined_requests_are_answered_in_order_each_restored(self):
        answers = []
        for k in range(3):
            answers.append(("json", 200, json.dumps({"n": k, "choices": [{"index": 0, "message": {
                "role": "assistant", "content": f"{k}: <PERSON_1>"}}]}).encode()))
        self.up.answers = answers + [("json", 200, b'{"data": []}')]
        data = until_closed(self.port, request(CHAT) * 3 + b"GET /v1/models HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        parts = data.split(b"HTTP/1.1 200 OK")[1:]
        self.assertEqual(len(parts), 4)
        for k in range(3):
            self.assertIn(f'"content": "{k}: Jane Doe"'.encode(), parts[k])
        self.assertIn(b'{"data": []}', parts[3])
        for rec in self.up.requests[:3]:
            self.assertNotIn(b"Jane", rec.body)

    def test_connection_close_is_honoured(self):
        self.up.answer = ("json", 200, ANSWER)
        data = until_closed(self.port, request(CHAT, extra=b"Connection: close\r\n"))
        self.assertIn(b"Connection: close", data.partition(b"\r\n\r\n")[0])
        self.assertIn(b"Hi Jane Doe", data)

    def test_a_very_long_event_line_is_restored(self):
        text = "x" * 3_000_000 + " <PERSON_1>"
        self.up.answer = ("sse", 200, [event(text), b"data: [DONE]\n\n"])
        data = until_closed(self.port, request(STREAM, extra=b"Connection: close\r\n"))
        body = data.partition(b"\r\n\r\n")[2]
        self.assertIn(b"x Jane Doe", body)
        self.assertNotIn(b"<PERSON_1>", body)


if __name__ == "__main__":
    unittest.main()
