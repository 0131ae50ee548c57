"""Forwarding to upstreams: a lean HTTP/1.1 client with a pool of keep-alive connections per upstream
origin (TLS verified with the system's CAs; answers parsed by aiohttp's C parser, timeouts as aiohttp's
client has them), and the header rules for the way out and back (RFC 9110)."""
from __future__ import annotations

import asyncio
import collections
import functools
import re
import socket
import ssl
import time
import urllib.parse
from typing import Optional

import aiohttp
import yarl
from aiohttp.client_proto import ResponseHandler
from aiohttp.helpers import TimeoutHandle
from aiohttp.http_exceptions import HttpProcessingError

from . import config

# Hop-by-hop (RFC 9110 7.6.1), plus what the proxy computes itself (Host, Content-Length).
HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "x-sanctum-handoff",
              "x-sanctum-client"}
# The workers' handoff marks (handoff.py): an upstream's copy never reaches the worker reading them.
OURS = {"x-sanctum-not-kept", "x-sanctum-handoff", "x-sanctum-client"}
CREDENTIAL_HEADERS = {"authorization", "x-api-key", "api-key", "x-goog-api-key"}

# Which request headers a scrub route checks or drops: headers.py.
URL_HEADERS = {"referer", "origin", "http-referer"}  # checked segment by segment (scrub.personal_url)

HEADER_NAME = re.compile(r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+")  # an RFC 9110 token
# A tuned model's path (/v1beta/tunedModels/NAME:generateContent) names it "tunedModels/NAME".
_GEMINI_PATH = re.compile(r"/(?:models/|(tunedModels/))([^/:?]+):(generateContent|streamGenerateContent|countTokens)\b")


def gemini_model(path: str) -> Optional[str]:
    """The model named in a Gemini API path, or None when the path is not Gemini's. An encoded colon
    (`%3A`, which Google's front end decodes) is read as one."""
    m = _GEMINI_PATH.search(_decoded_path(path))
    return (m.group(1) or "") + m.group(2) if m else None


# Every Gemini method that names its model in the path (the SDK's embedContent is :batchEmbedContents).
# (generateAnswer: the AQA model's; generateText, generateMessage, embedText, batchEmbedText and their
# token counts: the PaLM methods v1beta still serves.)
_GEMINI_MODEL_PATH = re.compile(r"/(?:models/|(tunedModels/))([^/:?]+):(?:generateContent|streamGenerateContent|"
                                r"countTokens|embedContent|batchEmbedContents|asyncBatchEmbedContent|"
                                r"batchGenerateContent|predict|predictLongRunning|generateAnswer|generateText|"
                                r"generateMessage|embedText|batchEmbedText|countTextTokens|countMessageTokens)"
                                r"(?![A-Za-z])")


def gemini_path_model(path: str) -> Optional[str]:
    """The model a Gemini API path names, for any of its methods (routing, credentials); gemini_model
    only for the chat methods, whose bodies the core walks in Gemini's format."""
    m = _GEMINI_MODEL_PATH.search(_decoded_path(path))
    return (m.group(1) or "") + m.group(2) if m else None


def gemini_json_stream(path: str) -> bool:
    """A Gemini streamGenerateContent path: without alt=sse its answer is a JSON array sent over time."""
    m = _GEMINI_PATH.search(_decoded_path(path))
    return m is not None and m.group(3) == "streamGenerateContent"


def _decoded_path(path: str) -> str:
    return urllib.parse.unquote(path) if "%" in path else path


def connection_tokens(headers) -> set:
    """Header names the Connection header lists: hop-by-hop too (RFC 9110 7.6.1)."""
    if "Connection" not in headers:
        return _NONE
    names = set()
    for value in headers.getall("Connection", ()):
        names.update(t.strip().lower() for t in value.split(",") if t.strip())
    return names


_NONE = frozenset()


def target(base: str, client_path: str, query: str) -> yarl.URL:
    """The route's base URL with the client's (still percent-encoded) path and query appended. Without
    a query the URL object is cached: it computes its host and port (urllib.parse) once, and clients
    repeat a few paths (a query may carry anything and is never kept)."""
    if not query:
        return _target(base, client_path)
    return yarl.URL(base + "/" + client_path.lstrip("/") + ("?" + query if query else ""), encoded=True)


@functools.lru_cache(maxsize=256)
def _target(base: str, client_path: str) -> yarl.URL:
    return yarl.URL(base + "/" + client_path.lstrip("/"), encoded=True)


def without_key_param(query: str) -> str:
    """The query without Gemini's `key=` credential (the route supplies its own). Only the literal name
    `key` is Gemini's credential here, as scrub.personal_query exempts it: an encoded one (`k%65y`) is
    checked and forwarded like any parameter."""
    if "key=" not in query:
        return query
    kept = [p for p in query.split("&") if not p.startswith("key=")]
    return "&".join(kept)


def outgoing_headers(client_headers, api_key: Optional[str], client_path: str, identity: bool,
                     also_drop: frozenset = frozenset()) -> dict:
    """also_drop: more names (lower case) not forwarded (a scrub route's identifying headers)."""
    listed = connection_tokens(client_headers)
    drop = HOP_BY_HOP | listed | also_drop if listed or also_drop else HOP_BY_HOP
    headers = {}
    for name, value in client_headers.items():
        low = name.lower()
        if low in drop:
            continue
        if api_key is not None and low in CREDENTIAL_HEADERS:
            continue
        if identity and low == "accept-encoding":
            continue
        headers[name] = value if name not in headers else headers[name] + ", " + value
    if api_key is not None:
        if gemini_path_model(client_path) is not None:
            headers["x-goog-api-key"] = api_key
        elif client_path.rstrip("/").endswith("/messages"):  # Anthropic Messages
            headers["x-api-key"] = api_key
        else:
            headers["Authorization"] = f"Bearer {api_key}"
    if identity:
        headers["Accept-Encoding"] = "identity"  # the proxy must read the text to restore it
    return headers


def response_headers(upstream_headers, restored: bool) -> list:
    """Upstream response headers to relay: hop-by-hop ones (and those Connection lists) dropped; when the
    body is rewritten, its length and validators no longer hold."""
    listed = connection_tokens(upstream_headers)
    drop = HOP_BY_HOP | listed if listed else HOP_BY_HOP
    drop = drop | OURS
    if restored:
        drop = drop | {"content-md5", "etag", "digest", "content-encoding"}
    return [(k, v) for k, v in upstream_headers.items() if k.lower() not in drop]


_TOKENS = set()  # header names found to be tokens (at most 1024 of up to 64 characters kept)

# Interim answers skipped while waiting for the final one (100 Continue, 102 Processing, 103 Early Hints).
INTERIM = frozenset((100, 102, 103))


class PoolBusy(aiohttp.ClientError):
    """Every connection to the upstream stayed in use for upstream_pool_timeout."""


class MalformedAnswer(aiohttp.ClientError):
    """The upstream answered, but not with an HTTP/1.1 answer the proxy may relay."""


class NotLocal(aiohttp.ClientError):
    """A local route's upstream name resolves to no address on this machine or the LAN (now)."""


class Response:
    """An upstream's answer: status, headers (CIMultiDictProxy), content (an aiohttp StreamReader) and
    content_length, as aiohttp's ClientResponse has them. release() gives the connection back to its pool
    when the body was read to its end and the connection may be kept; close() drops it."""

    __slots__ = ("status", "headers", "content", "content_length", "_origin", "_proto", "_deadline")

    def __init__(self, origin, proto, message, payload, deadline):
        self.status = message.code
        self.headers = message.headers
        self.content = payload
        length = message.headers.get("Content-Length")
        self.content_length = int(length) if length is not None and length.isdigit() else None
        self._origin, self._proto, self._deadline = origin, proto, deadline

    def release(self) -> None:
        proto, self._proto = self._proto, None
        if proto is not None:
            self._done()
            self._origin.give_back(proto, reuse=self.content.is_eof())

    def close(self) -> None:
        proto, self._proto = self._proto, None
        if proto is not None:
            self._done()
            self._origin.give_back(proto, reuse=False)

    def _done(self) -> None:
        if self._deadline is not None:
            self._deadline.cancel()


class Origin:
    """The keep-alive connections to one upstream origin (scheme, host, port): idle ones are reused
    newest first, at most `limit` are in use at once, an idle one older than the keep-alive time is
    closed instead of used. Requests are written straight to the connection and answers parsed by
    aiohttp's (C) response parser: aiohttp's ClientSession costs several times more CPU per request."""

    KEEPALIVE = 30.0

    def __init__(self, cfg, scheme: str, host: str, port: int, local: bool = False):
        self._cfg = cfg
        self._loop = None
        self._host, self._port = host, port
        self._local = local  # a local route's: connect only to addresses on this machine or the LAN
        self._ssl = ssl.create_default_context() if scheme == "https" else None  # the system's CAs
        default = 443 if scheme == "https" else 80
        host_header = f"[{host}]" if ":" in host else host
        self._host_line = ("Host: " + host_header + ("" if port == default else f":{port}") + "\r\n")
        self._idle = collections.deque()  # (protocol, monotonic time it became idle)
        self._slots = asyncio.Semaphore(cfg.upstream_max_connections) if cfg.upstream_max_connections else None
        self.closed = False

    async def _connect(self):
        loop = asyncio.get_running_loop()
        hosts = [self._host]
        if self._local:
            # The name was local when the configuration was read; a DNS answer changed since (rebinding)
            # must not take a local route's unscrubbed requests off the LAN: resolved here, and only its
            # local addresses are connected to.
            infos = await loop.getaddrinfo(self._host, self._port, type=socket.SOCK_STREAM)
            hosts = list(dict.fromkeys(i[4][0] for i in infos if config.is_local_address(i[4][0])))
            if not hosts:
                raise NotLocal("the upstream's name resolves to no address on this machine or the LAN")
        error = None
        for host in hosts:
            try:
                _, proto = await loop.create_connection(
                    lambda: ResponseHandler(loop), host, self._port, ssl=self._ssl,
                    server_hostname=self._host if self._ssl is not None else None)
                return proto
            except OSError as e:
                error = e
        raise error

    def _usable(self, proto, idle_for: float) -> bool:
        """An idle connection may carry the next request only when the upstream sent nothing while it
        was idle (give_back detached its parser: any byte lands in its tail and sets should_close), else
        a queued answer would be handed to the next request and every later one shift by one."""
        return proto.is_connected() and not proto.should_close and idle_for < self.KEEPALIVE

    def _pop_idle(self):
        """The newest usable idle connection (older or unusable ones closed), or None."""
        now = time.monotonic()
        while self._idle:
            proto, since = self._idle.pop()
            if self._usable(proto, now - since):
                return proto
            proto.close()
        return None

    async def _reuse(self):
        """A live idle connection when one is there and a slot is free (never waits), or None."""
        if not self._idle or (self._slots is not None and self._slots.locked()):
            return None
        if self._slots is not None:
            await self._slots.acquire()  # not locked: returns at once
        proto = self._pop_idle()
        if proto is None and self._slots is not None:
            self._slots.release()
        return proto

    async def _acquire(self):
        """A slot (waiting at most upstream_pool_timeout: PoolBusy), then an idle connection or a new one
        (connecting within upstream_connect_timeout): waiting for the pool is not a slow connect."""
        if self._slots is not None:
            try:
                async with asyncio.timeout(self._cfg.upstream_pool_timeout):
                    await self._slots.acquire()
            except TimeoutError:
                raise PoolBusy("no free upstream connection within upstream_pool_timeout") from None
        try:
            proto = self._pop_idle()
            if proto is None:
                async with asyncio.timeout(self._cfg.upstream_connect_timeout):
                    proto = await self._connect()
            return proto
        except BaseException:
            if self._slots is not None:
                self._slots.release()
            raise

    def give_back(self, proto, reuse: bool) -> None:
        now = time.monotonic()
        if reuse and not self.closed and proto.is_connected() and not proto.should_close and _ended(proto):
            proto._parser = None  # idle: bytes the upstream sends now are kept apart (should_close)
            self._idle.append((proto, now))
        else:
            proto.close()
        idle = self._idle
        while idle and now - idle[0][1] >= self.KEEPALIVE:  # the oldest, past their time: closed
            idle.popleft()[0].close()
        if self._slots is not None:
            self._slots.release()

    async def request(self, method: str, url: yarl.URL, headers: dict, body: Optional[bytes]) -> Response:
        """Sends one request and waits for the answer's status and headers. Raises aiohttp.ClientError
        (or a subclass of it, or OSError / asyncio.TimeoutError) when the upstream cannot be reached or
        answers badly; the connection is then closed."""
        cfg = self._cfg
        lines = [method, " ", url.raw_path_qs, " HTTP/1.1\r\n", self._host_line]
        for name, value in headers.items():
            if name not in _TOKENS:
                if HEADER_NAME.fullmatch(name) is None:
                    raise aiohttp.InvalidURL("header name that is not a token")  # never a second Host line
                if len(name) <= 64:  # (long unique names would fill it: not kept)
                    if len(_TOKENS) >= 1024:
                        _TOKENS.clear()
                    _TOKENS.add(name)
            lines += (name, ": ", value, "\r\n")
        if body is not None:
            lines += ("Content-Length: ", str(len(body)), "\r\n")
        lines.append("\r\n")
        text = "".join(lines)
        breaks = 3 + len(headers) + (body is not None)  # one per line: a value never splits the request
        if text.count("\n") != breaks or text.count("\r") != breaks:
            raise aiohttp.InvalidURL("header value with a line break")
        head = text.encode("utf-8", "surrogateescape")  # header bytes as the client sent them
        loop = self._loop
        if loop is None:  # (an Origin serves the one loop of its proxy)
            loop = self._loop = asyncio.get_running_loop()
        total = TimeoutHandle(loop, cfg.upstream_total_timeout or None)
        deadline = total.start()
        timer = total.timer()
        proto = None
        try:
            with timer:
                proto = await self._reuse()
                if proto is None:
                    proto = await self._acquire()
                # An answer without a length runs to the connection's end (HTTP/1.0 style), as in aiohttp.
                proto.set_response_params(timer=timer, skip_payload=method == "HEAD", auto_decompress=False,
                                          read_until_eof=True, read_timeout=cfg.upstream_timeout or None,
                                          read_bufsize=1 << 16)
                transport = proto.transport
                if body:
                    transport.writelines((head, body))
                else:
                    transport.write(head)
                if proto._paused:  # a large body: wait until the kernel took it
                    # The read timeout (armed by set_response_params) counts from the request's end, not
                    # during its upload: a body taking longer than upstream_timeout to send failed at once.
                    proto._drop_timeout()
                    await _drained(proto, transport, cfg.upstream_timeout or None)
                    proto._reschedule_timeout()
                while True:
                    try:
                        message, payload = await proto.read()
                    except HttpProcessingError as e:
                        raise MalformedAnswer(f"malformed upstream answer ({e.code})") from None
                    if message.code < 100:  # (the parser takes `099`): no status a client could read
                        raise MalformedAnswer(f"status code {message.code}")
                    if message.code > 199:
                        break
                    if message.code not in INTERIM:  # 101 (we never ask to upgrade) and unknown 1xx
                        raise MalformedAnswer(f"unexpected interim answer {message.code}")
            return Response(self, proto, message, payload, deadline)
        except BaseException:
            if deadline is not None:
                deadline.cancel()
            if proto is not None:
                self.give_back(proto, reuse=False)
            raise

    def close(self) -> None:
        self.closed = True
        while self._idle:
            self._idle.pop()[0].close()


async def _drained(proto, transport, timeout: Optional[float]) -> None:
    """Waits until the upstream took what was written (the transport's buffer below its low mark). An
    upstream that takes none of it for `timeout` seconds is given up (aiohttp's read timeout does not
    run while a request is written: it would hold the request and its connection for ever)."""
    while proto._paused:
        left = transport.get_write_buffer_size()
        try:
            async with asyncio.timeout(timeout):
                await proto._drain_helper()
        except TimeoutError:
            if transport.get_write_buffer_size() >= left:
                raise aiohttp.ServerTimeoutError("the upstream took none of the request for upstream_timeout") from None


def _ended(proto) -> bool:
    """Whether the answer's parser holds nothing past the answer's end. Bytes that came with the answer's
    last ones but are no whole answer of their own (`...{"a": 1}HTTP/1.1 200 OK\r\nContent-Le`) stay in the
    parser, which give_back drops: the upstream sent more than it framed, so it and the proxy no longer
    agree where answers start, and the connection is closed rather than reused. (feed_eof on a parser
    that has begun another message returns it, or raises. A HEAD answer's parser still waits for the
    body it never reads: not asked.)"""
    parser = proto._parser
    if parser is None or proto._skip_payload:
        return True
    try:
        return parser.feed_eof() is None
    except Exception:
        return False


class Pool:
    """One Origin (pooled keep-alive connections) per upstream origin, created on first use and closed
    with the proxy."""

    def __init__(self, cfg):
        self._cfg = cfg
        self._origins = {}
        self._by_base = {}  # a route's upstream base URL -> its Origin (yarl parses the port anew each time)

    def origin(self, base: str, url: yarl.URL, local: bool = False) -> Origin:
        """The Origin of url, which starts with the route's upstream base URL `base` (local: a local
        route's, connecting only to local addresses)."""
        o = self._by_base.get((base, local))
        if o is None or o.closed:
            o = self._by_base[(base, local)] = self.session(url, local)
        return o

    def session(self, url: yarl.URL, local: bool = False) -> Origin:
        key = (url.scheme, url.raw_host, url.port, local)  # raw: an IDN host in its xn-- form (Host, DNS, TLS)
        o = self._origins.get(key)
        if o is None:
            o = self._origins[key] = Origin(self._cfg, *key)
        return o

    async def close(self) -> None:
        for o in self._origins.values():
            o.close()
        self._origins.clear()
        self._by_base.clear()
