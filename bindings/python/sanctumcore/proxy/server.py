"""The proxy: routes each request, applies the route's policy, forwards it on a pooled upstream
connection and relays the answer (restored on scrub routes, whole or streamed as it arrives).

Policies: `scrub` anonymizes the request (nothing leaves if that fails) and restores the response;
`pass` and `local` forward the request byte for byte. Requests without a body (GET /v1/models, HEAD,
OPTIONS) are forwarded on every policy. Fallback routes are tried, each with its own policy, when an
upstream cannot be reached or answers 5xx before anything was sent to the client. Every refusal is a
JSON error (http.error_body); a refused request whose body was not read closes its connection after
the answer, so bytes left in the body are never taken for another request.
"""
from __future__ import annotations

import asyncio
import logging
import re
import threading
import time
from typing import Optional

import aiohttp
import yarl
from aiohttp import web
from aiohttp.http_exceptions import HttpProcessingError
from aiohttp.web_protocol import RequestPayloadError

from . import attachments, balance, handoff as handoff_mod, headers as header_rules, http, inflate, jsonarray
from . import jsonlines, logs, paths, upstream, vault
from .config import Config, ConfigError, Route

log = logging.getLogger("sanctumcore.proxy")

NO_BODY_METHODS = frozenset(("GET", "HEAD", "OPTIONS", "TRACE", "CONNECT"))  # no Content-Length: 0 added
BIG = 128 * 1024  # bodies at least this large are scrubbed/restored off the event loop
SPARES = 64  # scrubbers made ahead per route and format, at most
SHUTDOWN_TIMEOUT = 60.0  # seconds the requests in flight have to end at shutdown (aiohttp's TCPSite's)
SPARE_DELAY = 0.001  # seconds between looks for a moment without a request starting, to make them


class Refusal(Exception):
    """The request is refused with this status; nothing (more) was sent upstream."""

    def __init__(self, status: int, message: str, offset: Optional[int] = None, code: Optional[str] = None):
        super().__init__(message)
        self.status, self.message, self.offset, self.code = status, message, offset, code


class ClientGone(Exception):
    pass


def _core_refusal(exc: Exception, what: str) -> Refusal:
    """A refusal from a core error: its status name, byte offset and message (never input text)."""
    status = getattr(exc, "status", None)
    if status is None:
        return Refusal(400, f"{what} refused ({type(exc).__name__})")
    name = getattr(status, "name", str(status))
    offset = getattr(exc, "offset", None)
    where = f" at byte {offset}" if offset is not None else ""
    # The body's size was checked against max_body_bytes (413) already: the core's limits are on its
    # structure (nesting depth, string count), so this is the request's fault as written: 400.
    return Refusal(400, f"{what} refused: {name}{where}: {getattr(exc, 'message', '')}", offset, name)


# A JSON string token (validated input), and whitespace, for finding the top-level "model" member.
_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"')
_TOKEN = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')
_WS = re.compile(rb"[ \t\r\n]*")


def top_level_model(doc: bytes) -> Optional[str]:
    """The string value of the top-level "model" member of a document the core has validated. Walks
    tokens without recursion; only key tokens that may be `model` are decoded. A top-level key that is
    `model` in another case (`"Model"`) is refused: Go's encoding/json (Ollama) matches keys without case
    and keeps the last, so the provider may run another model than the one the route was chosen for."""
    import json as _json  # decodes short string tokens, never the body

    depth, found = 0, None
    for m in _TOKEN.finditer(doc):
        token = m.group()
        c = token[:1]
        if c in (b"{", b"["):
            depth += 1
        elif c in (b"}", b"]"):
            depth -= 1
        elif depth == 1 and len(token) <= 64 and (token.lower() == b'"model"' or b"\\" in token):
            j = _WS.match(doc, m.end()).end()
            if doc[j:j + 1] != b":":
                continue  # a value, not a key
            key = _json.loads(token)
            if key.lower() != "model":
                continue
            if key != "model":
                raise Refusal(400, "the top-level model key is written in another case (a provider may read "
                              "it as the model)", code="ambiguous_model")
            v = _STRING.match(doc, _WS.match(doc, j + 1).end())
            found = _json.loads(v.group()) if v is not None else None
            found = found if isinstance(found, str) else None
    return found


def _kept_kind(request) -> Optional[str]:
    """What a request makes that the provider keeps and a later request may name: "response" (a POST
    to .../responses), "conversation" (a POST to .../conversations), or None."""
    if request.method != "POST":
        return None
    form = paths.route_form(request.rel_url.raw_path)
    return "response" if form.endswith("/responses") else "conversation" if form.endswith("/conversations") else None


class Turn:
    """A scrub request's place in the conversation vault: the kept session it continues (`named`), and
    what its answer's id names when it is kept (`kind`, _kept_kind; None: not kept)."""

    def __init__(self, store: vault.Vault, route: Route, client: bytes, named: list, kind: Optional[str],
                 wait: Optional[float] = None):
        """wait: seconds a request waits for the turn before it on the same session (then 409)."""
        self.vault, self.route, self.client, self.named, self.kind = store, route, client, named, kind
        self.wait = wait
        self.keeps = kind is not None
        self.size = 0  # request bytes anonymized with a fresh session (charged to the vault when kept)
        self.unstored = False  # a response the provider does not store (`"store": false`): not kept by its id
        self.scrubber = None
        self.conv = None  # the vault.Conversation this request uses, once it has one
        self.before = None  # the kept session's counters when this request took it

    def _key(self, kind: str, ident: str) -> tuple:
        return (self.route.name, self.client, kind, ident)

    async def resume(self):
        """The kept session this request continues, or a 400 refusal when none is kept (fail safe: a
        fresh session would number its values from 1 again, over the provider's earlier placeholders)."""
        conv = None
        for kind, ident in self.named:
            conv = self.vault.get(self._key(kind, ident))
            if conv is not None:
                break
        try:
            got = conv is not None and await conv.acquire(self.wait)
        except asyncio.TimeoutError:
            raise Refusal(409, "another request on this conversation is still being answered (waited "
                          "upstream_pool_timeout): send the next turn once it ends", code="conversation_busy") from None
        if not got:
            what = "previous_response_id" if self.named[0][0] == "response" else "conversation"
            raise Refusal(400, f"{what} names a conversation whose placeholders this proxy cannot restore: it "
                          "did not anonymize it for this client and route, or no longer keeps it (a restart, "
                          "another proxy or worker, conversation_ttl, conversation_entries or "
                          "conversation_bytes); a fresh session would number new values over the provider's "
                          "earlier placeholders. Start again with the whole history, or continue through the "
                          "proxy that answered it",
                          code="unknown_conversation")
        self.conv = conv
        self.before = conv.scrubber.summary()
        return conv.scrubber

    def keep(self, ident: Optional[str]) -> None:
        """Keeps this request's session under the provider's id for its answer (not for a response
        the provider does not store) and the conversation it named: a later request naming either
        continues it."""
        if not self.keeps or not ident or self.scrubber is None or self.scrubber.closed:
            return
        conversations = [named for kind, named in self.named if kind == "conversation"]
        if self.unstored and not conversations:
            return
        if self.conv is None:
            self.conv = vault.Conversation(self.scrubber, busy=True, size=self.size)
        if not self.unstored:
            self.vault.put(self._key(self.kind, ident), self.conv)
        for named in conversations:
            self.vault.put(self._key("conversation", named), self.conv)

    def charge(self, size: int) -> None:
        """This request anonymized `size` bytes with its session."""
        if self.conv is not None:
            self.vault.grow(self.conv, size)
        else:
            self.size += size

    def since(self, counts: dict, unrestored: int) -> tuple:
        """This request's part of a kept session's counters."""
        old, old_unrestored = self.before
        return ({t: n - old.get(t, 0) for t, n in counts.items() if n - old.get(t, 0)},
                unrestored - old_unrestored)

    def end(self) -> None:
        if self.conv is not None:
            self.conv.release()  # wiped when no key holds it
        elif self.scrubber is not None:
            self.scrubber.close()


class Proxy:
    def __init__(self, cfg: Config):
        self.cfg = cfg
        self.pool = upstream.Pool(cfg)
        self.port: Optional[int] = None
        self._runners = []
        self._acceptors = []
        self._shared_server = None  # the server fed by the acceptors (workers sharing their sockets)
        self._scrub = None
        self._spares = {}  # (route name, format) -> [Scrubber made ahead, while no request was starting]
        self._wanted = {}  # (route name, format) -> spares taken since the last refill
        self._starting = 0  # requests between their body's arrival and their send upstream
        self._refill_timer = None
        self._stopping = False
        self._identities = {}  # route name -> the core's known identities
        self._clean_paths = set()  # (route name, path) found free of personal data (bounded)
        self._clean_headers = header_rules.CleanValues()  # (route name, header name, value) found clean
        self.vault = vault.Vault(cfg.conversation_ttl, cfg.conversation_entries,
                                 max_bytes=cfg.conversation_bytes)  # sessions kept by answer id
        self.handoff = None  # handoff.Handoff: the other workers, which keep conversations of their own

    # ---- lifecycle ------------------------------------------------------------------------------

    async def start(self, reuse_port: bool = False, socks=None, counts=None, index: int = 0, handoff=None) -> None:
        """socks: listening sockets shared by sanctum-proxy's workers, served (instead of binding
        listen_host:listen_port) by balance.Acceptor as worker `index` of the balance.Counts `counts`;
        handoff: handoff.make's sockets and token, for requests continuing another worker's conversation."""
        cfg = self.cfg
        if any(r.policy == "scrub" for r in cfg.routes):
            from . import scrub  # needs the native bindings

            self._scrub = scrub
            if any(r.scrub_system for r in cfg.routes) and "scrub_system" not in scrub.features():
                raise ConfigError("scrub_system = true needs a libsanctumcore with the scrub_system option")
            for r in cfg.routes:
                if r.identities and r.name not in self._identities:
                    try:
                        self._identities[r.name] = scrub.load_identities(r.identities)
                    except OSError as e:
                        raise ConfigError(f"route {r.name}: cannot read identities: {e.strerror}") from None
                    except RuntimeError as e:
                        raise ConfigError(f"route {r.name}: {e}") from None
                    except Exception as e:  # the core's refusal: status and line offset, never a value
                        raise ConfigError(f"route {r.name}: identities refused ({_core_refusal(e, 'file').message})") from None
        self.vault.start(asyncio.get_running_loop())
        if cfg.routes:  # without routes only the Presidio-compatible services are served
            server = http.Server(self.handle, **http.server_kwargs(cfg))
            runner = web.ServerRunner(server, handle_signals=False)
            await runner.setup()
            self._runners.append(runner)
            if socks:
                loop = asyncio.get_running_loop()
                self._acceptors = [balance.Acceptor(loop, sock, server, counts, index, cfg.max_connections)
                                   for sock in socks]
                server.on_count = self._acceptors[0].set_count
                self._shared_server = server
                for a in self._acceptors:
                    a.start()
                self.port = socks[0].getsockname()[1]
            else:
                site = web.TCPSite(runner, cfg.listen_host, cfg.listen_port, backlog=cfg.backlog,
                                   reuse_port=reuse_port or None)
                await site.start()
                self.port = site._server.sockets[0].getsockname()[1]  # the bound port (0 asks for any)
            if handoff is not None:
                self.handoff = handoff_mod.Handoff(handoff, index, handoff_mod.timeout_for(cfg))
                self.vault.share_secret(handoff["secret"])  # (handed-over requests carry their digest)
                await web.SockSite(runner, self.handoff.own).start()
        for host, port, app in presidio_apps(cfg):
            r = http.AppRunner(app, handle_signals=False, **http.server_kwargs(cfg, raw_bodies=False))
            await r.setup()
            self._runners.append(r)
            await web.TCPSite(r, host, port, backlog=cfg.backlog, reuse_port=reuse_port or None).start()

    async def stop(self) -> None:
        self._stopping = True  # (no spare made from now on: a request in flight makes its own)
        for a in self._acceptors:
            a.close()
            a.sock.close()  # (this process's copy: the port refuses new clients once every worker's is closed)
        if self._shared_server is not None:  # no site to stop, whose stop() is where aiohttp 3.8 lets
            await self._shared_server.shutdown(SHUTDOWN_TIMEOUT)  # the requests in flight end
            self._shared_server = None
        if self._refill_timer is not None:
            self._refill_timer.cancel()
        for spares in self._spares.values():
            for s in spares:
                s.close()
        self._spares.clear()
        for r in self._runners:
            await r.cleanup()
        self._runners.clear()
        self.vault.close()  # every kept session wiped
        if self.handoff is not None:
            await self.handoff.close()
        await self.pool.close()

    # ---- one request ----------------------------------------------------------------------------

    async def handle(self, request: web.BaseRequest) -> web.StreamResponse:
        proto = request.protocol
        proto.request_started(request)
        started = time.monotonic()
        record = {"method": request.method, "path": "-", "route": "-", "policy": "-",
                  "status": 0, "entities": {}, "starting": False}
        resp = None
        try:
            resp = await self._handle(request, record)
            return resp
        except Refusal as e:
            record["status"] = e.status
            # A body refused before its end (or cut short) closes the connection after the answer
            # (aiohttp drains it for lingering_time first, so the client reads the answer).
            # A header name that is no token (`Content-Length : 5`) or Transfer-Encoding in HTTP/1.0 leaves
            # the framing in doubt: closed too.
            resp = http.error_response(e.status, e.message, e.offset, e.code,
                                       close=e.status in (408, 413) or e.code in ("bad_header_name", "bad_framing")
                                       or not request.content.at_eof())
            if e.code == "unknown_conversation" and self.handoff is not None and self.handoff.handed(request):
                resp.headers[handoff_mod.NOT_KEPT] = "1"  # (the worker that handed it over tries the next)
            return resp
        except asyncio.CancelledError:
            record["status"] = 499  # the client hung up (http.Protocol cancels its request)
            raise
        except ClientGone:
            record["status"] = 499
            proto.force_close()  # aiohttp then sees a closed connection and stops
            resp = web.Response(status=499, headers={"Server": http.SERVER})
            return resp
        finally:
            self._started(record)
            proto.request_finished(resp is not None and resp.keep_alive is not False and
                                   request.keep_alive and request.content.at_eof())
            record["ms"] = round((time.monotonic() - started) * 1000, 2)
            log_request(record)

    async def _handle(self, request, record) -> web.StreamResponse:
        if not header_rules.names_are_tokens(request.raw_headers):
            # aiohttp 3.8 takes `Host : x` (a space before the colon) as a header named "Host ": forwarded,
            # it would be a second Host upstream and slip past the drop list (RFC 9112 5.1: a 400).
            raise Refusal(400, "a header name is not an RFC 9110 token", code="bad_header_name")
        if http.faulty_framing(request):
            # Where the body ends is in doubt: nothing is forwarded and the connection is closed, so what
            # an HTTP/1.0 hop in front took for body is never run as a request of its own.
            raise Refusal(400, "Transfer-Encoding in an HTTP/1.0 request", code="bad_framing")
        request = safe_target(request)
        body = await self._read_body(request)
        # Starting (no spare is made meanwhile) once its body is in: waiting for a slow one (body_timeout)
        # is no work the spares would delay, and held them back while the refill looked every millisecond.
        self._starting += 1
        record["starting"] = True
        path = request.rel_url.raw_path
        model = path_model = upstream.gemini_path_model(path)
        if body and self.cfg.needs_model(path):
            if _encoded(request):  # (the core would only say the compressed bytes are no UTF-8)
                raise Refusal(415, "routing by model takes request bodies without Content-Encoding",
                              code="content_encoding")
            if not header_rules.is_json(request.headers.get("Content-Type", ""), body):
                raise Refusal(415, "routing by model takes JSON request bodies", code="not_json")
            if len(body) >= BIG:  # validating and walking a large body is kept off the event loop
                model = await finished(asyncio.get_running_loop().run_in_executor(None, self._model_of, body))
            else:
                model = self._model_of(body)
            if path_model is not None:
                # A path read as Gemini's whose body names another model (`/v1/chat/completions;/models/
                # gemma:generateContent` with "model": "gpt-4o"): a server that drops the `;` part runs the
                # body's model, which may belong to a scrub route while the path's took a pass route.
                if model is not None and model.removeprefix("models/") != path_model:
                    raise Refusal(400, "the path and the body name different models", code="ambiguous_model")
                model = path_model
        route = self.cfg.select(path, model)
        if route is None:
            raise Refusal(404, "no route matches this path and model")
        record["path"] = route.pattern(path)  # the client's path may carry personal data: never logged
        return await self._forward_with_fallback(request, route, body, record)

    def _model_of(self, body: bytes) -> Optional[str]:
        self._validate(body)  # the core decides; the walk below trusts it
        return top_level_model(body)

    @staticmethod
    def _validate(body: bytes) -> None:
        """The core's parser checks the body (a 400 refusal with its byte offset when it is malformed)."""
        from .._core import Context, SanctumError
        from ..json import validate

        from .scrub import validate_options

        ctx = Context()
        try:
            validate(ctx, body, **validate_options())
        except SanctumError as e:
            raise _core_refusal(e, "request body") from None
        finally:
            ctx.close()

    async def _read_body(self, request) -> bytes:
        if header_rules.unsupported_coding(request.headers.getall("Transfer-Encoding", ())):
            raise Refusal(501, "unsupported transfer coding (only chunked is taken)", code="transfer_coding")
        if not request.body_exists:
            return b""
        limit = self.cfg.max_body_bytes
        declared = request.content_length
        if declared is not None and declared > limit:
            raise Refusal(413, f"request body larger than {limit} bytes")
        content = request.content
        if content.is_eof() and content.exception() is None:
            # The whole body came with the headers (the usual case): no waiting, no timeout to arm.
            data = content.read_nowait(-1)
            if len(data) > limit:
                raise Refusal(413, f"request body larger than {limit} bytes")
            if declared is not None and len(data) != declared:
                raise ClientGone()
            return data
        if request.version >= (1, 1) and request.headers.get("Expect", "").lower() == "100-continue":
            await request.writer.write(b"HTTP/1.1 100 Continue\r\n\r\n")
        chunks, size = [], 0
        try:
            async with asyncio.timeout(self.cfg.body_timeout):
                while True:
                    chunk = await request.content.readany()
                    if not chunk:
                        break
                    size += len(chunk)
                    if size > limit:
                        raise Refusal(413, f"request body larger than {limit} bytes")
                    chunks.append(chunk)
        except TimeoutError:
            raise Refusal(408, "request body not received in time") from None
        except ConnectionError as e:
            raise ClientGone() from e
        except (RequestPayloadError, HttpProcessingError):  # bad chunk framing, a body cut short
            raise Refusal(400, "malformed request body framing") from None
        if declared is not None and size != declared:
            raise ClientGone()  # a short body is never forwarded
        return b"".join(chunks)

    async def _forward_with_fallback(self, request, route: Route, body: bytes, record: dict):
        chain = [route] + [self.cfg.route_named(n) for n in route.fallback]
        last = None  # the refusal if no attempt answers
        named = None  # [(kind, id)] of a stored conversation the request continues (scrub routes)
        for at, attempt in enumerate(chain):
            record["route"], record["policy"] = attempt.name, attempt.policy
            scrubber, anonymized, turn = None, False, None
            try:
                out = body
                if attempt.policy == "scrub":
                    self._check_encoding(request)
                    if body and not header_rules.is_json(request.headers.get("Content-Type", ""), body):
                        raise Refusal(415, "scrub routes take JSON request bodies", code="not_json")
                    fmt = "gemini" if upstream.gemini_model(request.rel_url.raw_path) is not None else "auto"
                    if body and not attempt.allow_attachments and attachments.has_marker(body):
                        await self._check_attachments(body, fmt)
                    self._check_request_metadata(request, attempt)
                    if named is None:
                        # A body must continue the session it names (new values numbered after the kept
                        # ones); a read (GET /responses/{id}, a cancel) takes it when kept, for restore.
                        named, required = self._named_ids(request, body)
                    kind = _kept_kind(request)
                    client = self._client(request, attempt) if named or kind else b""
                    turn = Turn(self.vault, attempt, client, named, kind, self.cfg.upstream_pool_timeout)
                    turn.unstored = kind == "response" and bool(body) and vault.not_stored(body)
                    if named and self._kept_further(chain[at + 1:], turn):
                        continue  # (begun on a fallback: its provider keeps the id, this worker its session)
                    if named:
                        kept = await self._resume(request, body, turn, required)
                        if isinstance(kept, web.StreamResponse):  # another worker keeps it, and answered
                            record["status"] = kept.status
                            return kept
                        scrubber = kept
                    if scrubber is None:
                        scrubber = self._new_scrubber(attempt, fmt)
                    turn.scrubber = scrubber
                    if body:  # (a small body is scrubbed here, without a coroutine of its own)
                        out = _now(scrubber.anonymize_request, body, "request") if len(body) < BIG else \
                            await self._cpu(scrubber.anonymize_request, body, "request")
                        anonymized = True
                        turn.charge(len(body))
                try:
                    key = attempt.api_key()
                except ConfigError as e:
                    last = Refusal(502, str(e))
                    continue
                self._started(record)
                resp = await self._send(request, attempt, out, key, scrubber is not None)
                if isinstance(resp, str):  # why it failed: unreachable, busy, a malformed answer
                    last = Refusal(502, f"upstream {attempt.name}: {resp}")
                    continue
                if resp.status >= 500 and attempt is not chain[-1]:
                    resp.release()
                    last = Refusal(502, f"upstream {attempt.name} answered {resp.status}")
                    continue
                record["status"] = resp.status
                try:
                    return await self._relay(request, resp, scrubber, record, turn)
                finally:
                    resp.release()
            finally:
                if scrubber is not None:
                    counts, unrestored = scrubber.summary()  # (one read of its counters)
                    if turn is not None and turn.before is not None:  # a kept session: this turn's part
                        counts, unrestored = turn.since(counts, unrestored)
                    record["unrestored"] = unrestored
                    if anonymized:
                        record["entities"] = counts
                    if turn is not None:
                        turn.end()  # kept (a key holds it) or wiped
                    else:
                        scrubber.close()
        raise last or Refusal(502, "no upstream answered")

    def _client(self, request, route: Route) -> bytes:
        """The request's client digest for the vault: its credentials', else its TCP peer address's
        (as the socket says: no forwarding header is believed); a request another worker handed over
        comes from that worker's Unix socket, so it carries the digest the handing worker made."""
        if self.handoff is not None and self.handoff.handed(request):
            given = self.handoff.digest(request)
            if given is not None:
                return given
        return self.vault.client(request.headers, request.rel_url.raw_query_string, request.remote,
                                 peer_always=bool(route.api_key_env or route.api_key_file))

    def _kept_further(self, later: list, turn: "Turn") -> bool:
        """Whether the conversation a request names is kept not for this attempt's route but for one
        later in its fallback chain (a conversation whose first turn the fallback answered)."""
        if any(self.vault.holds(turn._key(kind, ident)) for kind, ident in turn.named):
            return False
        return any(r.policy == "scrub" and self.vault.holds((r.name, turn.client, kind, ident))
                   for r in later for kind, ident in turn.named)

    async def _resume(self, request, body: bytes, turn: "Turn", required: bool):
        """The kept session a request names; else another worker's answer to it (handoff.py); else None
        (a fresh session) or, when the request needs the kept one, the refusal."""
        handed = self.handoff is not None and self.handoff.handed(request)
        try:
            return await turn.resume()
        except Refusal as e:
            if e.code != "unknown_conversation":  # (busy: this worker keeps it)
                raise
            if self.handoff is not None and not handed:
                try:
                    out = await self.handoff.forward(request, body, turn.client)
                except handoff_mod.Silent:
                    raise Refusal(502, "the worker keeping this conversation did not answer in time",
                                  code="handoff_timeout") from None
                if out is not None:
                    return out
            if required or handed:  # (handed over: the worker that did tries the next, then itself)
                raise e from None
            return None

    def _named_ids(self, request, body: bytes) -> tuple:
        """([(kind, id)], required): the stored conversation a scrub request to the Responses or
        Conversations API continues or reads, from its path (vault.path_ids) or its body, read once the core has validated it (only when a key that
        names one may be there); required: a request whose session must be the kept one."""
        raw = request.rel_url.raw_path
        lower = raw.lower()
        if "responses" not in lower and "conversations" not in lower:
            return [], False  # (only the Responses and Conversations APIs name stored conversations)
        named, continues = vault.path_ids(raw)
        required = continues and bool(body)
        if body and (b"previous_response_id" in body or b"conversation" in body or
                     (b"\\u" in body and (named or _kept_kind(request)))):
            self._validate(body)
            in_body = vault.named_ids(body)
            named, required = named + in_body, required or bool(in_body)
        return named, required

    async def _check_attachments(self, body: bytes, fmt: str) -> None:
        """Fail closed on base64 content the detector cannot read (attachments.py)."""
        if len(body) >= BIG:
            off = await finished(asyncio.get_running_loop().run_in_executor(
                None, attachments.offset_of_attachment, body, fmt))
        else:
            off = attachments.offset_of_attachment(body, fmt)
        if off is not None:
            raise Refusal(415, "base64 attachments cannot be scanned for personal data: this route refuses "
                          "them (allow_attachments = true forwards them)", off if off >= 0 else None, "attachment")

    def _started(self, record: dict) -> None:
        """The request has done its work before going upstream (or ended)."""
        if record["starting"]:
            record["starting"] = False
            self._starting -= 1

    def _new_scrubber(self, route: Route, fmt: str):
        """A scrubber for this request: one made ahead when there is one. Making a session costs about
        15 us, which every request of a burst waits for in turn (bench/proxy/README.md); the spares
        are made again once no request is starting."""
        key = (route.name, fmt)
        spares = self._spares.get(key)
        self._wanted[key] = self._wanted.get(key, 0) + 1
        if self._refill_timer is None:
            self._refill_timer = asyncio.get_running_loop().call_later(SPARE_DELAY, self._refill)
        if spares:
            return spares.pop()
        return self._make_scrubber(route, fmt)

    def _make_scrubber(self, route: Route, fmt: str):
        return self._scrub.Scrubber(threshold=route.threshold, scrub_system=route.scrub_system, fmt=fmt,
                                    identities=self._identities.get(route.name))

    def _refill(self) -> None:
        """Makes one spare scrubber a call (the loop serves what arrived in between), while no request
        is starting: as many per route and format as were taken since the last refill, at most SPARES."""
        loop = asyncio.get_running_loop()
        if self._stopping:
            self._refill_timer = None
            return
        if self._starting:
            self._refill_timer = loop.call_later(SPARE_DELAY, self._refill)
            return
        for key, n in list(self._wanted.items()):
            spares = self._spares.setdefault(key, [])
            if n <= 0 or len(spares) >= SPARES:
                del self._wanted[key]
                continue
            route = self.cfg.route_named(key[0])
            try:
                spares.append(self._make_scrubber(route, key[1]))
            except Exception:  # (a request makes its own, and says why it cannot)
                del self._wanted[key]
                continue
            self._wanted[key] = n - 1
            self._refill_timer = loop.call_soon(self._refill)
            return
        self._refill_timer = None

    @staticmethod
    def _check_encoding(request) -> None:
        """The core reads plain JSON: a compressed body (forwarded as sent on pass routes) is refused.
        So is a WebSocket upgrade (the Realtime API): its messages would bypass the scrubber, and the
        proxy forwards requests, not tunnels; without this the upgrade was dropped and the handshake
        forwarded as a plain GET, whose answer the client could not read as a WebSocket."""
        if _encoded(request):
            raise Refusal(415, "a scrub route takes request bodies without Content-Encoding",
                          code="content_encoding")
        for value in request.headers.getall("Upgrade", ()):
            if any(t.strip().lower().startswith("websocket") for t in value.split(",")):
                raise Refusal(501, "a scrub route cannot scan WebSocket messages (Realtime API): use a "
                              "pass or local route for them", code="websocket")

    def _check_request_metadata(self, request, route: Route) -> None:
        """Fail closed on personal data outside the body: the path, query parameters, non-standard
        headers and the URLs and title a client may send (Referer, Origin, HTTP-Referer, X-Title)."""
        ids = self._identities.get(route.name)

        def personal(check, text: str, what: str, **kw) -> bool:
            try:
                return check(text, route.threshold, ids, **kw)
            except Exception as e:  # the detector cannot read it (bytes that are no UTF-8): never forwarded
                raise Refusal(400, f"{what} cannot be checked for personal data "
                              f"({getattr(getattr(e, 'status', None), 'name', type(e).__name__)})",
                              code="unreadable") from None

        path = request.rel_url.raw_path
        if (route.name, path) not in self._clean_paths:  # clients repeat a few paths: check each once
            if personal(self._scrub.personal_url, path, "the request path"):
                raise Refusal(400, "the request path carries personal data", code="personal_path")
            if len(path) <= 256:  # (bounded: at most 1024 short paths)
                if len(self._clean_paths) >= 1024:
                    self._clean_paths.clear()
                self._clean_paths.add((route.name, path))
        query = request.rel_url.raw_query_string
        has_key = bool(route.api_key_env or route.api_key_file)  # then the client's `key=` is never sent
        if query and personal(self._scrub.personal_query, query, "the query string", key_replaced=has_key):
            raise Refusal(400, "the query string carries personal data", code="personal_query")
        clean = self._clean_headers  # (route, name, value) found clean or not to be checked: decided once
        for name, value in request.headers.items():
            key = (route.name, name, value)
            if key in clean:
                continue
            if not header_rules.to_check(name, value, route):
                if name.lower() not in header_rules.PROTOCOL:  # (lengths and credentials vary: not kept)
                    clean.add(key)
                continue
            check = self._scrub.personal_url if name.lower() in upstream.URL_HEADERS else self._scrub.looks_personal
            if personal(check, value, f"header {name}"):
                raise Refusal(400, f"header {name} carries personal data (not on the route's pass_headers)",
                              code="personal_header")
            clean.add(key)

    @staticmethod
    async def _cpu(fn, data: bytes, what: str) -> bytes:
        try:
            if len(data) >= BIG:
                return await finished(asyncio.get_running_loop().run_in_executor(None, fn, data))
            return fn(data)
        except Exception as e:  # fail closed: nothing reaches the upstream
            raise _core_refusal(e, what) from None

    async def _send(self, request, route: Route, body: bytes, key, identity: bool):
        path = request.rel_url.raw_path
        query = request.rel_url.raw_query_string
        if key is not None:
            query = upstream.without_key_param(query)
        url = upstream.target(route.upstream, path, query)
        headers = upstream.outgoing_headers(request.headers, key, path, identity,
                                            header_rules.dropped(route, request.headers.keys())
                                            if identity else frozenset())
        try:
            with_body = body or request.body_exists or request.method not in NO_BODY_METHODS
            origin = self.pool.origin(route.upstream, url, local=route.policy == "local")
            return await origin.request(request.method, url, headers, body if with_body else None)
        except upstream.PoolBusy:
            return "busy (no free connection within upstream_pool_timeout)"
        except upstream.MalformedAnswer:
            return "malformed upstream answer"
        except upstream.NotLocal:
            return "its name no longer resolves to this machine or the LAN (a local route)"
        except (aiohttp.ClientError, asyncio.TimeoutError, OSError):
            return "unreachable"

    async def _relay(self, request, resp: aiohttp.ClientResponse, scrubber, record, turn=None) -> web.StreamResponse:
        ctype = resp.headers.get("Content-Type", "")
        headers = upstream.response_headers(resp.headers, restored=scrubber is not None)
        if "Server" not in resp.headers:  # the upstream's is relayed; else ours, not aiohttp's
            headers.append(("Server", http.SERVER))
        if request.method == "HEAD":  # the upstream's length describes the GET it stands for
            out = web.StreamResponse(status=resp.status, headers=headers)
            # (Not the length of an encoded body a scrub route would decode: the client would take it
            # for the decoded body's, whose Content-Encoding is dropped.)
            if "Content-Length" in resp.headers and (scrubber is None or _coding(resp) in ("", "identity")):
                out.headers["Content-Length"] = resp.headers["Content-Length"]
            await out.prepare(request)
            await out.write_eof()
            return out
        keeps = turn is not None and turn.keeps and resp.status == 200  # its answer's id keeps the session
        if ctype[:17].lower() == "text/event-stream" or (scrubber is None and resp.status not in (204, 304)):
            return await self._relay_stream(request, resp, scrubber, headers, record,  # never buffered
                                            watch=vault.StreamId(turn.keep) if keeps else None)
        if scrubber is not None and resp.status == 200 and upstream.gemini_json_stream(request.rel_url.raw_path):
            return await self._relay_stream(request, resp, scrubber, headers, record, array=True)
        if scrubber is not None and jsonlines.is_json_lines(ctype):
            return await self._relay_stream(request, resp, scrubber, headers, record, lines=True)
        data = _whole(resp.content)  # the whole answer came with its head (the usual case): no read loop
        if data is None:
            try:
                data = await self._read_capped(resp)
            except (aiohttp.ClientError, asyncio.TimeoutError):
                raise Refusal(502, "upstream failed while answering") from None
        elif len(data) > self.cfg.max_response_bytes:
            raise self._too_large(resp)
        if scrubber is not None and data:
            data = self._decoded(resp, data, self.cfg.max_response_bytes)
            if keeps:
                turn.keep(vault.answer_id(data))
            data = _now(scrubber.restore_response, data, "response") if len(data) < BIG else \
                await self._cpu(scrubber.restore_response, data, "response")
        return web.Response(status=resp.status, body=data, headers=headers)

    async def _read_capped(self, resp) -> bytes:
        """The upstream's whole answer, refused (502) past max_response_bytes."""
        cap = self.cfg.max_response_bytes
        data = _whole(resp.content)
        if data is not None and len(data) <= cap:  # the whole answer came with its head (the usual case)
            return data
        if data is not None:
            raise self._too_large(resp)
        chunks, size = [], 0
        if resp.content_length is None or resp.content_length <= cap:
            async for chunk in resp.content.iter_any():
                size += len(chunk)
                if size > cap:
                    break
                chunks.append(chunk)
            else:
                return b"".join(chunks)
        raise self._too_large(resp)  # the rest is never read: the connection is not reused

    def _too_large(self, resp) -> Refusal:
        resp.close()
        return Refusal(502, f"upstream answer larger than {self.cfg.max_response_bytes} bytes (max_response_bytes)")

    @staticmethod
    def _decoded(resp, data: bytes, cap: int) -> bytes:
        enc = _coding(resp)
        if enc in ("", "identity"):
            return data
        if enc in inflate.CODINGS:
            try:
                return inflate.decode_whole(enc, data, cap)  # never more than the cap (and one byte to know)
            except inflate.Undecodable:
                raise Refusal(502, "upstream answer could not be decoded") from None
            except OverflowError:
                raise Refusal(502, f"upstream answer larger than {cap} bytes decoded (max_response_bytes)") from None
        raise Refusal(502, f"upstream answered with {enc} encoding; the proxy cannot restore it")

    async def _relay_stream(self, request, resp, scrubber, headers, record, array=False,
                            lines=False, watch=None) -> web.StreamResponse:
        """array: a Gemini JSON-array stream (jsonarray.ArrayStream), restored element by element; lines:
        newline-delimited JSON (jsonlines.LineStream), restored line by line; watch: a vault.StreamId fed
        the decoded stream (the response id keeps the session as soon as it is seen)."""
        inflater = None  # a gzip or deflate stream (sent although the proxy asked for identity) is decoded
        if scrubber is not None:
            enc = _coding(resp)
            if enc in inflate.CODINGS:
                inflater = inflate.Inflater(enc)
            elif enc not in ("", "identity"):
                raise Refusal(502, f"upstream stream is {enc}-encoded; the proxy cannot restore it")
        out = web.StreamResponse(status=resp.status, headers=headers)
        if scrubber is None and resp.content_length is not None:
            out.content_length = resp.content_length  # relayed as is: the length holds
        elif request.version >= (1, 1):
            out.enable_chunked_encoding()
        if scrubber is None and resp.content_length is not None:
            data = _whole(resp.content)
            if data is not None:  # all of it is here: one write, no read loop
                await out.prepare(request)
                try:
                    if len(data) != resp.content_length:  # (the parser ends a body at its length: never)
                        await out.write(data)
                        record["status"] = 502
                        request.protocol.force_close()
                        return out
                    await out.write_eof(data)
                except ConnectionError:
                    raise ClientGone() from None
                return out
        await out.prepare(request)
        restorer = scrubber.stream_restorer() if scrubber is not None else None
        if array:
            restorer = jsonarray.ArrayStream(restorer, scrubber.restore_response)
        elif lines:
            restorer = jsonlines.LineStream(restorer)
        cap, size, cut = self.cfg.max_response_bytes, 0, False
        try:
            try:
                chunks = resp.content.iter_any() if inflater is None else _inflated(resp.content.iter_any(), inflater, cap)
                async for chunk in chunks:
                    if restorer is not None and size + len(chunk) > cap:
                        # The restorer would hold and work on more: its first `cap` bytes are restored
                        # and relayed, then the stream ends cleanly with an error event.
                        data = restorer.feed(chunk[:cap - size])
                        if data:
                            await out.write(data)
                        resp.close()
                        record["status"], cut = 502, True
                        if array or lines:  # no SSE event here: the client sees a truncated answer
                            request.protocol.force_close()
                            return out
                        await out.write(b"event: error\ndata: " + http.error_body(
                            502, f"upstream stream larger than {cap} bytes (max_response_bytes)",
                            code="max_response_bytes") + b"\n\n")
                        break
                    size += len(chunk)
                    if watch is not None and not watch.done:
                        watch.feed(chunk)
                    data = restorer.feed(chunk) if restorer is not None else chunk
                    if data:
                        await out.write(data)
            except (aiohttp.ClientError, asyncio.TimeoutError):
                # The upstream died mid-stream: send what is restored so far, then drop the client's
                # connection without the final chunk, so it sees a truncated stream, never a clean end.
                if restorer is not None:
                    tail = restorer.finish()
                    if tail:
                        await out.write(tail)
                record["status"] = 502
                request.protocol.force_close()
                return out
            if restorer is not None and not cut:  # (when cut, an unfinished event is dropped)
                tail = restorer.finish()
                if tail:
                    await out.write(tail)
        except ConnectionError:
            raise ClientGone() from None
        except Exception as e:
            if restorer is None:
                raise
            # The core could not restore the stream (its limits, memory): what was restored is sent, the
            # rest never is, and the client's stream is cut (no clean end), logged as the 502 it is.
            log.error("restoring the stream failed: %s", type(e).__name__)
            record["status"] = 502
            request.protocol.force_close()
            return out
        finally:
            if restorer is not None:
                restorer.close()
        await out.write_eof()
        return out


class _Undecodable(aiohttp.ClientPayloadError):
    """An encoded upstream stream that does not decode (or ends before its end): cut like a dying one."""


async def _inflated(chunks, inflater, cap: int):
    """The decoded chunks of an encoded upstream stream (inflate.Inflater): never more than cap + 1 bytes
    decoded ahead of the relay's own size check (a small compressed answer may decode to gigabytes)."""
    got = 0
    try:
        async for chunk in chunks:
            for out in inflater.decode(chunk, cap - got):
                got += len(out)
                yield out
            if got > cap:
                return  # the relay cuts the stream at cap
        inflater.finish()
    except inflate.Undecodable as e:
        raise _Undecodable(str(e)) from None


def _coding(resp) -> str:
    """The answer's content coding, lower case; several (a list, or the header twice) joined with ", ",
    which no decoder takes: refused, never relayed undecoded without its Content-Encoding."""
    return ", ".join(v.strip() for v in resp.headers.getall("Content-Encoding", ())).strip().lower()


def _encoded(request) -> bool:
    """Whether the request body has a Content-Encoding other than identity."""
    for value in request.headers.getall("Content-Encoding", ()):
        if any(t.strip().lower() not in ("", "identity") for t in value.split(",")):
            return True
    return False


def _now(fn, data: bytes, what: str) -> bytes:
    """fn(data) on the event loop (a body under BIG), a core error refusing the request (fail closed)."""
    try:
        return fn(data)
    except Exception as e:  # nothing reaches the upstream
        raise _core_refusal(e, what) from None


def _whole(content) -> Optional[bytes]:
    """The whole of an upstream answer's body when all of it has arrived (the common case for short
    answers), else None: it is then read chunk by chunk (and a body cut short raises there)."""
    if content.is_eof() and content.exception() is None:
        return content.read_nowait(-1)
    return None


def safe_target(request):
    """The request with its target normalised (paths.origin_form), or a 400 Refusal."""
    raw = request.raw_path
    try:
        target = paths.origin_form(raw)
    except paths.BadTarget as e:
        raise Refusal(400, str(e), code="bad_path") from None
    if target == raw:
        return request
    return request.clone(rel_url=yarl.URL(target, encoded=True))


async def finished(future: asyncio.Future):
    """The result of a worker thread's future. If the awaiting task is cancelled, the thread still runs
    in the core with the request's session: wait for it to finish before the cancellation goes on (to
    the `finally` that closes that session), so the session is never freed under it."""
    try:
        return await asyncio.shield(future)
    except asyncio.CancelledError:
        while not future.done():
            try:
                await asyncio.wait([future])
            except asyncio.CancelledError:
                pass
        raise


_LINE = "route=%s policy=%s method=%s path=%s status=%s entities=%s ms=%s%s"


def log_request(record: dict) -> None:
    """One line per request: route, policy, method, path, status, entities replaced per type, latency.
    The path is the matched route's paths entry ("*" for any, "-" for none), never the client's own
    path; no body, header or credential is logged. (The record is made here, without logging's walk up
    the stack for the caller's file and line, which the proxy's format does not show.)"""
    if not log.isEnabledFor(logging.INFO):
        return
    entities = ",".join(f"{k}={v}" for k, v in sorted(record["entities"].items())) or "none"
    unrestored = record.get("unrestored")
    args = (record["route"], record["policy"], record["method"], record["path"], record["status"], entities,
            record["ms"], f" unrestored={unrestored}" if unrestored else "")
    if not logs.line(log, logging.INFO, _LINE % args):  # (sanctum-proxy's own handler: no LogRecord)
        log.handle(log.makeRecord(log.name, logging.INFO, __file__, 0, _LINE, args, None))


def presidio_apps(cfg: Config) -> list:
    """[(host, port, aiohttp.web.Application)] of the Presidio-compatible services the config asks for:
    sanctumcore.presidio.server.build_apps gets the [presidio] table (listeners as "HOST:PORT"), with
    the proxy's max_body_bytes and body_timeout unless the table sets its own."""
    if not cfg.presidio.get("analyzer") and not cfg.presidio.get("anonymizer"):
        return []
    try:
        from ..presidio.server import build_apps
    except ImportError as e:
        raise ConfigError(f"the Presidio-compatible services need sanctumcore.presidio ({e})") from None
    try:
        return list(build_apps({"max_body_bytes": cfg.max_body_bytes, "body_timeout": cfg.body_timeout,
                                **cfg.presidio}))
    except (ValueError, TypeError, OSError) as e:  # its configuration errors
        raise ConfigError(f"presidio: {e}") from None


class ProxyThread:
    """The proxy on its own event loop in a background thread (tests, embedding)."""

    def __init__(self, cfg: Config, **start):
        """start: Proxy.start's keywords."""
        self.loop = asyncio.new_event_loop()
        self.proxy = Proxy(cfg)
        self.thread = threading.Thread(target=self.loop.run_forever, name="sanctum-proxy", daemon=True)
        self.thread.start()
        try:
            asyncio.run_coroutine_threadsafe(self.proxy.start(**start), self.loop).result(30)
        except BaseException:
            self.close()
            raise
        self.port = self.proxy.port

    def close(self) -> None:
        if self.loop.is_closed():
            return
        async def stop():
            await self.proxy.stop()
            rest = [t for t in asyncio.all_tasks() if t is not asyncio.current_task()]
            for t in rest:
                t.cancel()
            await asyncio.gather(*rest, return_exceptions=True)

        try:
            asyncio.run_coroutine_threadsafe(stop(), self.loop).result(30)
        finally:
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(30)
            self.loop.close()
