"""The proxy's HTTP/1.1 server layer on aiohttp's low-level server: per-connection limits aiohttp does
not have (a deadline for a request's line and headers, a cap on connections at once) and JSON error
bodies for requests aiohttp's parser refuses (without echoing their bytes)."""
from __future__ import annotations

import asyncio
import json
import logging
import re
from typing import Optional

from aiohttp import web, web_protocol
from aiohttp.http import HttpVersion11
from aiohttp.http_exceptions import BadHttpMessage, LineTooLong

log = logging.getLogger("sanctumcore.proxy")

REASONS = {400: "Bad Request", 404: "Not Found", 408: "Request Timeout", 411: "Length Required",
           413: "Content Too Large", 415: "Unsupported Media Type", 417: "Expectation Failed",
           422: "Unprocessable Content", 501: "Not Implemented",
           431: "Request Header Fields Too Large", 500: "Internal Server Error", 502: "Bad Gateway",
           503: "Service Unavailable", 504: "Gateway Timeout"}


# The Server header of the proxy's own answers: aiohttp's default ("Python/3.x aiohttp/3.x") would
# advertise the stack; a relayed answer keeps the upstream's (server.py, docs/proxy.md).
SERVER = "sanctum-proxy"


def error_body(status: int, message: str, offset: Optional[int] = None, code: Optional[str] = None) -> bytes:
    """The JSON every refusal carries: readable by the OpenAI and Anthropic SDKs (error.message), with the
    status and the byte offset into the request body when the core's parser refused it."""
    return json.dumps({"type": "error", "error": {
        "type": "sanctum_proxy_error", "code": code, "message": message, "status": status,
        "offset": offset}}).encode()


def error_response(status: int, message: str, offset: Optional[int] = None, code: Optional[str] = None,
                   close: bool = False) -> web.Response:
    resp = web.Response(status=status, body=error_body(status, message, offset, code),
                        content_type="application/json", headers={"Server": SERVER})
    if close:
        resp.force_close()
    return resp


def raw_error(status: int, message: str, presidio: bool = False) -> bytes:
    """A whole HTTP/1.1 response that closes the connection, for writing straight to a transport."""
    body, server = _error(status, message, presidio)
    return (f"HTTP/1.1 {status} {REASONS.get(status, 'Error')}\r\nServer: {server}\r\n"
            f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\nConnection: close\r\n\r\n"
            ).encode() + body


# On the Presidio-compatible listeners the connection's own answers are Presidio's: {"error": description}
# with Werkzeug's description of the status (what a Flask app answers), and that service's Server name.
PRESIDIO_SERVER = "sanctum-presidio"  # (sanctumcore.presidio.server.SERVER)
PRESIDIO_TEXT = {
    400: "The browser (or proxy) sent a request that this server could not understand.",
    408: "The server closed the network connection because the browser didn't finish the request within "
         "the specified time.",
    431: "One or more header fields exceeds the maximum size.",
    500: "The server encountered an internal error and was unable to complete your request. Either the "
         "server is overloaded or there is an error in the application.",
    503: "The server is temporarily unable to service your request due to maintenance downtime or capacity "
         "problems. Please try again later.",
    504: "The connection to an upstream server timed out."}


def _error(status: int, message: str, presidio: bool) -> tuple:
    """(JSON body, Server name) of a connection-level answer."""
    if presidio:
        return json.dumps({"error": PRESIDIO_TEXT.get(status, message)}).encode(), PRESIDIO_SERVER
    return error_body(status, message), SERVER


def _head_end(buf, start: int) -> int:
    """Where the first blank line (`\n\n` or `\n\r\n`, with the `\r` before it if any) at or after
    `start` ends, or -1: the end of re.search(rb"\r?\n\r?\n", buf, start), by two literal searches
    (the regex steps byte by byte, about 1.4 us a 4 KiB request)."""
    crlf = buf.find(b"\n\r\n", start)
    lf = buf.find(b"\n\n", start, len(buf) if crlf < 0 else crlf + 2)
    if lf >= 0:
        return lf + 2
    return crlf + 3 if crlf >= 0 else -1


_CONTENT_LENGTH = re.compile(rb"(?im)^content-length[ \t]*:[ \t]*([0-9]{1,18})[ \t]*\r?$")
_TRANSFER_ENCODING = re.compile(rb"(?im)^transfer-encoding[ \t]*:")


class Framing:
    """Follows the client's byte stream by its Content-Length framing, to tell whether it ends inside a
    request's line and headers (`partial`): aiohttp's parser holds such bytes without saying so, and a next
    request begun in the same packet as the one being handled would get no header deadline. Gives up
    (`partial` False: the handler's own signals remain) on a chunked body or a head past aiohttp's limits."""

    LIMIT = 1 << 17

    def __init__(self):
        self._head = bytearray()  # the bytes of a request head not yet complete
        self._body_left = 0       # body bytes of the current request still to come
        self._lost = False

    @property
    def partial(self) -> bool:
        return bool(self._head) and not self._lost

    def feed(self, data: bytes) -> None:
        i, n = 0, len(data)
        while i < n and not self._lost:
            if self._body_left:
                k = min(self._body_left, n - i)
                self._body_left -= k
                i += k
                continue
            if not self._head:
                while i < n and data[i] in (13, 10):  # empty lines before a request line are skipped
                    i += 1
                if i == n:
                    return
                end = _head_end(data, i)  # (the usual case: a whole head in one packet, not copied)
                if end < 0:
                    self._held(data[i:])
                    return
                head, i = data[i:end], end
            else:
                before = len(self._head)
                self._head += data[i:]
                end = _head_end(self._head, max(0, before - 3))
                if end < 0:
                    self._held(b"")
                    return
                i += end - before
                head = bytes(self._head[:end])
                self._head.clear()
            if b"transfer-encoding" in head.lower() and _TRANSFER_ENCODING.search(head):
                self._lost = True
                return
            length = _CONTENT_LENGTH.search(head)
            self._body_left = int(length.group(1)) if length else 0

    def _held(self, more: bytes) -> None:
        self._head += more
        if len(self._head) > self.LIMIT:
            self._lost = True
            self._head.clear()


class Protocol(web_protocol.RequestHandler):
    """aiohttp's connection handler plus: the line and headers of each request must arrive within
    header_timeout of its first byte (or of the connection's start), so slow or silent clients give their
    connection back; a client that leaves an answer unread for send_timeout is dropped; past
    max_connections a new connection gets 503 and is closed."""

    def __init__(self, manager, *, header_timeout: float, max_connections: int, send_timeout: float,
                 presidio: bool = False, **kwargs):
        super().__init__(manager, **kwargs)
        self._presidio = presidio  # answers in the Presidio services' form (_error)
        self._header_timeout = header_timeout
        self._send_timeout = send_timeout
        self._send_handle = None  # armed while the client leaves what was written unread
        self._max_connections = max_connections
        self._header_handle = None
        self._deadline = None   # when the current request's line and headers must be in (loop time)
        self._busy = False      # a request is being handled (or the connection is closing after it)
        self._partial = False   # bytes of the next request have arrived
        self._rejected = False  # over max_connections: answered 503, draining until closed
        self._handler = None    # the task handling the current request, until its answer is ready
        self._keep_alive = None  # request_finished's verdict, applied once the answer is written
        self._request = None     # the request being handled (its body done: later bytes are the next's)
        self._early = False      # bytes of the next request came while this one was handled
        self._framing = Framing()  # whether the bytes received end inside a next request's head

    def connection_made(self, transport) -> None:
        manager = self._manager
        if manager is not None and len(manager.connections) >= self._max_connections:
            # Never registered (connection_lost has nothing to undo). Answer, stop sending, and read what
            # the client still sends for a moment, so closing does not reset the answer away.
            self._manager = None
            self._rejected = True
            transport.write(raw_error(503, "too many connections", self._presidio))
            log_refusal(503)
            if transport.can_write_eof():
                transport.write_eof()
            self._loop.call_later(max(self._lingering_time, 0.1), transport.close)
            return
        super().connection_made(transport)
        self._arm()

    def pause_writing(self) -> None:
        # The transport's buffer is full: the client is not reading. If it takes nothing more within
        # send_timeout, the connection is dropped: a client that never reads would otherwise hold its
        # handler, the answer in memory and the upstream connection (one of upstream_max_connections) for
        # ever, and a few such clients would leave every other request waiting for the pool (502 busy).
        super().pause_writing()
        if self._send_handle is None:
            self._send_handle = self._loop.call_later(self._send_timeout, self._send_expired)

    def resume_writing(self) -> None:
        super().resume_writing()
        if self._send_handle is not None:
            self._send_handle.cancel()
            self._send_handle = None

    def _send_expired(self) -> None:
        self._send_handle = None
        if self.transport is not None and self._paused:
            self.transport.abort()  # (connection_lost then cancels the request, upstream included)

    def connection_lost(self, exc) -> None:
        self._disarm()
        if self._send_handle is not None:
            self._send_handle.cancel()
            self._send_handle = None
        handler, self._handler = self._handler, None
        if handler is not None and not handler.done():
            handler.cancel()  # the client is gone: stop its request, upstream included (aiohttp 3.8 does not)
        if not self._rejected:
            super().connection_lost(exc)

    def data_received(self, data: bytes) -> None:
        if self._rejected:
            return
        if data and not self._busy:
            self._partial = True
            self._arm()
        elif data and self._request is not None and self._request.content.is_eof():
            self._early = True  # the current request is all in: these bytes start the next one
        self._framing.feed(data)
        super().data_received(data)

    def request_started(self, request=None) -> None:
        self._handler = asyncio.current_task(self._loop)
        self._request = request
        self._busy = True
        self._partial = False
        self._early = False
        self._deadline = None

    def request_finished(self, keep_alive: bool) -> None:
        self._handler = None
        self._request = None
        self._keep_alive = keep_alive  # takes effect once the answer is written (finish_response)

    async def finish_response(self, request, resp, start_time) -> bool:
        # aiohttp writes an answer the handler returned after the handler ends: the connection stays
        # busy until then, else a next request sent early would get its 408 while a slow reader is
        # still taking this answer (written into its middle).
        try:
            return await super().finish_response(request, resp, start_time)
        finally:
            if self._keep_alive is not None:
                self._busy = not self._keep_alive  # a closing connection is drained, not timed
                self._keep_alive = None
                # A next request begun during this answer, or in the same packets as this request: its
                # deadline runs from now, not keepalive_timeout.
                if (self._early or self._framing.partial) and not self._busy:
                    self._partial = True
                    self._arm()

    def _arm(self) -> None:
        """The deadline of the request whose first byte (or connection) just came. The timer outlives
        its request: a keep-alive connection's requests reuse it (one timer per header_timeout, not a
        new one per request); when it fires early it is set again for the deadline that holds then."""
        if self._deadline is None and not self._busy:
            self._deadline = self._loop.time() + self._header_timeout
            if self._header_handle is None:
                self._header_handle = self._loop.call_at(self._deadline, self._header_expired)

    def _disarm(self) -> None:
        self._deadline = None
        if self._header_handle is not None:
            self._header_handle.cancel()
            self._header_handle = None

    def _header_expired(self) -> None:
        self._header_handle = None
        if self._busy or self.transport is None or self._deadline is None:
            return
        if self._loop.time() < self._deadline:  # a later request's deadline
            self._header_handle = self._loop.call_at(self._deadline, self._header_expired)
            return
        if self._partial:
            self.transport.write(raw_error(408, "request headers not received in time", self._presidio))
            log_refusal(408)
        self.force_close()

    def log_exception(self, *args, **kw) -> None:
        # A body aiohttp could not read (broken chunked framing, a Content-Encoding that does not decode)
        # was answered by its handler (400/413); aiohttp then fails the same way draining its rest and
        # would log a traceback for what is the client's error. The connection is closed all the same.
        if not isinstance(kw.get("exc_info"), web_protocol.RequestPayloadError):
            super().log_exception(*args, **kw)

    def handle_error(self, request, status: int = 500, exc=None, message=None) -> web.StreamResponse:
        # aiohttp's own page would quote the offending bytes; say only what kind of failure it was.
        if request.writer.output_size > 0:
            raise ConnectionError("response already started")
        status = parse_error_status(status, exc)
        speak_http11(request)
        if status == 500:
            log.error("internal error: %s", type(exc).__name__ if exc else "unknown")
            text = "internal error"
        elif status == 504:
            text = "timed out"
        elif status == 431:
            text = "request header line too long or too many header fields"
        else:
            text = f"malformed HTTP request ({type(exc).__name__ if exc else 'parse error'})"
        log_refusal(status)
        if self._presidio:
            body, server = _error(status, text, True)
            resp = web.Response(status=status, body=body, content_type="application/json", headers={"Server": server})
            resp.force_close()
            return resp
        return error_response(status, text, close=True)


def log_refusal(status: int) -> None:
    """The log line of an answer given before any request reached a handler (parse error, header
    deadline, too many connections): one line per answer, as for every request."""
    log.info("route=- policy=- method=- path=- status=%s entities=none ms=0", status)


def parse_error_status(status: int, exc) -> int:
    """aiohttp's parser says 400 for every refusal; a header line over the limit (or a request line: the
    parser does not say which) and too many header fields are 431 (RFC 6585 5)."""
    if status == 400 and isinstance(exc, LineTooLong):
        return 431
    if status == 400 and isinstance(exc, BadHttpMessage) and "too many headers" in str(exc.message).lower():
        return 431
    return status


def speak_http11(request) -> None:
    """aiohttp answers a request it could not parse as HTTP/1.0 (its stand-in request's version): the
    proxy speaks HTTP/1.1 (RFC 9110 2.5: a server sends its own highest version)."""
    if request.version < HttpVersion11:
        request._version = HttpVersion11  # aiohttp's own attribute; `version` reads it
        request._cache.pop("version", None)


def faulty_framing(request) -> bool:
    """An HTTP/1.0 request with a Transfer-Encoding header: RFC 9112 6.1 says its framing is faulty (an
    HTTP/1.0 hop in front may have read it by another length) and its connection is closed after it."""
    return request.version < HttpVersion11 and "Transfer-Encoding" in request.headers


class Server(web.Server):
    """aiohttp's low-level server making Protocol connections. on_count, when set, is told how many
    connections it holds at each change (balance.Acceptor shares it with the other workers)."""

    on_count = None

    def __call__(self) -> Protocol:
        return Protocol(self, loop=self._loop, **self._kwargs)

    def connection_made(self, handler, transport) -> None:
        super().connection_made(handler, transport)
        if self.on_count is not None:
            self.on_count(len(self._connections))

    def connection_lost(self, handler, exc=None) -> None:
        super().connection_lost(handler, exc)
        if self.on_count is not None:
            self.on_count(len(self._connections))


def server_kwargs(cfg, raw_bodies: bool = True) -> dict:
    """raw_bodies: request bodies as sent, never decompressed by aiohttp (the proxy forwards the client's
    Content-Encoding with them, and refuses encoded bodies on scrub routes); the Presidio-compatible
    services, which parse their bodies themselves, pass False."""
    return {"header_timeout": cfg.header_timeout, "max_connections": cfg.max_connections,
            "send_timeout": cfg.send_timeout,
            "keepalive_timeout": cfg.keepalive_timeout, "lingering_time": cfg.lingering_time,
            "access_log": None, "read_bufsize": 1 << 18, "auto_decompress": not raw_bodies}


class AppRunner(web.AppRunner):
    """Serves an aiohttp Application (the Presidio-compatible services) with the proxy's limits."""

    async def _make_server(self) -> web.Server:
        plain = await super()._make_server()
        return Server(_timed(plain.request_handler), request_factory=plain.request_factory, presidio=True,
                      **self._kwargs)


def _timed(handler):
    """The application's handler, telling its Protocol when each request starts and ends (the proxy's
    own handler does so itself): else the first request's header deadline stays armed, and a keep-alive
    connection (or a request working longer than header_timeout) is cut at header_timeout."""

    async def timed(request: web.BaseRequest) -> web.StreamResponse:
        proto = request.protocol
        proto.request_started(request)
        resp = None
        try:
            resp = await handler(request)
            if faulty_framing(request):
                resp.force_close()  # never a next request on this connection
            return resp
        except web.HTTPException as e:  # aiohttp answers it as the response
            resp = e
            raise
        finally:
            proto.request_finished(resp is not None and resp.keep_alive is not False and request.keep_alive
                                   and request.content.at_eof())

    return timed
