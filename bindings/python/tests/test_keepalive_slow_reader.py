"""A client that reads a whole (non-streamed) answer slowly and sends its next request meanwhile
(pipelining, or a request written before the last answer was read): the next request's header
deadline starts when the answer is written, so no 408 is ever written into the middle of an answer,
on the proxy and on the Presidio-compatible services alike."""
import json
import socket
import time
import unittest

from presidio_fixture import PresidioServer
from sanctumcore.proxy import config as proxy_config
from test_proxy_http import post_head
from test_proxy_pass import CHAT, ProxyFixture


def pipelined_slow_read(port, first: bytes, second: bytes, stall: float, pause: float = 0.2) -> bytes:
    """Sends `first`, lets its answer fill the socket buffers unread (`pause`), sends `second`, reads
    nothing for `stall` seconds, then reads until both answers are in or the server closes."""
    s = socket.socket()
    s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
    s.connect(("127.0.0.1", port))
    try:
        s.sendall(first)
        time.sleep(pause)
        s.sendall(second)
        time.sleep(stall)
        s.settimeout(5)
        got = b""
        while True:
            try:
                chunk = s.recv(1 << 20)
            except socket.timeout:
                break
            if not chunk:
                break
            got += chunk
            answers = whole_answers(got)
            if len(answers) == 2 and len(answers[1][1]) == answers[1][2]:
                break
        return got
    finally:
        s.close()


def whole_answers(raw: bytes) -> list:
    """(status, body, declared length) of each Content-Length framed answer (a last body may be short)."""
    out = []
    while raw.startswith(b"HTTP/1.1 "):
        head, _, rest = raw.partition(b"\r\n\r\n")
        length = next(int(v) for n, _, v in (l.partition(b":") for l in head.split(b"\r\n")[1:])
                      if n.strip().lower() == b"content-length")
        out.append((int(head[9:12]), rest[:length], length))
        raw = rest[length:]
    return out


class ProxySlowReaderTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub"}]
    settings = {"header_timeout": 0.3}

    def test_next_request_during_a_slowly_read_answer_gets_no_408_inside_it(self):
        text = "x" * (4 << 20)
        answer = {"object": "chat.completion", "choices": [{"index": 0, "message": {"role": "assistant", "content": text}}]}
        self.up.answer = ("json", 200, json.dumps(answer).encode())
        req = post_head(b"/chat/completions", len(CHAT)) + CHAT
        got = whole_answers(pipelined_slow_read(self.port, req, req, stall=1.0))
        self.assertEqual([a[0] for a in got], [200, 200])
        self.assertEqual(json.loads(got[0][1])["choices"][0]["message"]["content"], text)


class PresidioSlowReaderTest(unittest.TestCase):
    def setUp(self):
        limits = proxy_config.Config()
        limits.header_timeout = 0.3
        self.srv = PresidioServer(limits=limits)

    def tearDown(self):
        self.srv.close()

    def test_next_request_during_a_slowly_read_answer_gets_no_408_inside_it(self):
        big = json.dumps({"text": "Call Jane Roe at jane.roe@example.com. " * 20000, "language": "en"}).encode()
        small = json.dumps({"text": "Jane Roe", "language": "en"}).encode()
        got = whole_answers(pipelined_slow_read(self.srv.analyzer_port, post_head(b"/analyze", len(big)) + big,
                                                post_head(b"/analyze", len(small)) + small, stall=1.0, pause=1.0))
        self.assertEqual([a[0] for a in got], [200, 200])
        self.assertEqual(len(json.loads(got[0][1])), 40000)


class PartialNextRequestTest(ProxyFixture):
    """The start of a next request sent while the previous answer is still streaming, and then nothing:
    its header deadline runs from that answer's end (408, closed), not keepalive_timeout later. (Sent in
    the same segment as the previous request's end it is not seen: aiohttp's C parser does not say it
    holds part of a request.)"""
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "pass"}]
    settings = {"header_timeout": 0.5, "keepalive_timeout": 30}

    def test_partial_request_sent_during_an_answer_gets_its_408(self):
        self.up.answer = ("sse", 200, [b"data: {}\n\n"] * 10)
        self.up.sse_gap = 0.05
        s = socket.create_connection(("127.0.0.1", self.port), timeout=4)
        try:
            s.sendall(post_head(b"/chat/completions", len(CHAT)) + CHAT)
            time.sleep(0.15)  # the answer is streaming
            s.sendall(b"POST /chat/completions HTTP/1.1\r\nHost: p\r\n")  # and then nothing more
            got = b""
            while chunk := s.recv(65536):
                got += chunk
        except socket.timeout:
            self.fail("the connection was still open 4 s after a partial request")
        finally:
            s.close()
        self.assertTrue(got.startswith(b"HTTP/1.1 200"), got[:40])
        self.assertIn(b"HTTP/1.1 408", got)
