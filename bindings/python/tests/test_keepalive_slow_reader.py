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
    """The start of a next request sent while the previous answer is still streaming, or in the same
    segment as the previous request, and then nothing: its header deadline runs from that answer's end
    (408, closed), not keepalive_timeout later (aiohttp's C parser does not say it holds part of a
    request: http.Framing follows the stream's Content-Length framing to know)."""
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


class PartialInTheSameSegmentTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "pass"}]
    settings = {"header_timeout": 0.5, "keepalive_timeout": 30}

    def test_partial_request_sent_with_the_previous_one_gets_its_408(self):
        # It was kept open keepalive_timeout (75 s by default) instead of header_timeout: a slowloris
        # client pipelining a small request and a head it never ends held each connection 7 times longer.
        self.up.delay = 0.3
        s = socket.create_connection(("127.0.0.1", self.port), timeout=4)
        started = time.monotonic()
        try:
            s.sendall(post_head(b"/chat/completions", len(CHAT)) + CHAT + b"POST /chat/completions HTTP/1.1\r\nHo")
            got = b""
            while chunk := s.recv(65536):
                got += chunk
        except socket.timeout:
            self.fail("the connection was still open 4 s after a partial request")
        finally:
            s.close()
        self.assertEqual([a[0] for a in whole_answers(got)], [200, 408])
        self.assertLess(time.monotonic() - started, 2.5)

    def test_an_idle_connection_after_whole_requests_is_kept(self):
        s = socket.create_connection(("127.0.0.1", self.port), timeout=5)
        try:
            req = post_head(b"/chat/completions", len(CHAT)) + CHAT
            s.sendall(b"\r\n" + req[:7])  # a head in two segments (after an empty line)
            time.sleep(0.05)
            s.sendall(req[7:] + req)  # and a second whole request with it
            got = b""
            while [len(a[1]) == a[2] for a in whole_answers(got)] != [True, True]:  # both whole
                got += s.recv(65536)
            time.sleep(1.2)  # idle past header_timeout: a keep-alive connection, not a partial request
            s.sendall(req)
            got = b""
            while not whole_answers(got):
                got += s.recv(65536)
            self.assertEqual(whole_answers(got)[0][0], 200)
        finally:
            s.close()


class FramingTest(unittest.TestCase):
    def framing(self, *pieces):
        from sanctumcore.proxy.http import Framing

        f = Framing()
        for piece in pieces:
            f.feed(piece)
        return f.partial

    def test_whether_the_stream_ends_inside_a_request_head(self):
        req = post_head(b"/chat/completions", len(CHAT)) + CHAT
        get = b"GET /models HTTP/1.1\r\nHost: p\r\n\r\n"
        self.assertFalse(self.framing(req))
        self.assertFalse(self.framing(req + get + req))
        self.assertTrue(self.framing(req + b"POST /x HTTP/1.1\r\nHo"))
        self.assertTrue(self.framing(req[:10]))
        self.assertFalse(self.framing(req[:10], req[10:]))
        self.assertTrue(self.framing(req[:-5], req[-5:] + b"G"))  # a body across segments, then a head
        self.assertFalse(self.framing(req, b"\r\n"))  # a stray line break after a body
        self.assertFalse(self.framing(b"GET / HTTP/1.1\nHost: p\n\n"))  # bare line feeds
        self.assertTrue(self.framing(b"GET / HTTP/1.1\nHost: p\n"))
        for i in range(1, len(get)):  # a head split anywhere, its blank line too
            self.assertFalse(self.framing(get[:i], get[i:]), i)
        # a chunked body is not followed: never said to be partial (the handler's signals remain)
        self.assertFalse(self.framing(b"POST / HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nab"))
        self.assertFalse(self.framing(b"POST / HTTP/1.1\r\ntRANSFER-eNCODING: chunked\r\n\r\n5\r\nab"))

    def test_head_end_is_where_the_blank_line_regex_ends(self):
        # http._head_end finds a head's end by literal searches: the same end as rb"\r?\n\r?\n" from
        # every start, over every string of up to 6 bytes of CR, LF and one other byte.
        import itertools
        import re

        from sanctumcore.proxy.http import _head_end

        blank = re.compile(rb"\r?\n\r?\n")
        for n in range(7):
            for t in itertools.product(b"\r\na", repeat=n):
                buf = bytes(t)
                for start in range(n + 1):
                    m = blank.search(buf, start)
                    for b in (buf, bytearray(buf)):
                        self.assertEqual(_head_end(b, start), m.end() if m else -1, (buf, start))
