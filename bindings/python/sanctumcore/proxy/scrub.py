"""The scrub policy's glue to the core: one detector per threshold, shared by every request (detectors
are immutable and thread-safe), one fresh session per request, and the core options a route asks for.

Options that only newer cores have (lone surrogate escapes, Gemini's format, scrub_system) are found by
looking at what the bindings accept, so the proxy runs on either; `features()` says which are there.
"""
from __future__ import annotations

import functools
import inspect
import re
import threading
import urllib.parse
from typing import Optional

from .._core import Context, check, take_bytes
from .._native import ffi, lib
from ..detect import ENTITY_TYPES, Detector
from ..json import FORMATS
from ..session import Session

_lock = threading.Lock()
_ctx = None
_detectors = {}

# Each option: the keyword the bindings may take, and the native flag behind it.
_OPTIONS = {
    "lone_surrogates": ("allow_lone_surrogates", "SANCTUM_CHAT_ALLOW_LONE_SURROGATES"),
    "scrub_system": ("scrub_system", "SANCTUM_CHAT_SCRUB_SYSTEM"),
}


def _params(fn) -> set:
    try:
        return set(inspect.signature(fn).parameters)
    except (TypeError, ValueError):
        return set()


_SESSION_PARAMS = _params(Session.__init__)
_REQUEST_PARAMS = _params(Session.anonymize_request)


def _how(option: str) -> Optional[tuple]:
    """Where the bindings take `option`: ("session"|"request", keyword, value) or None."""
    if option == "lone_surrogates" and "refuse_lone_surrogates" in _SESSION_PARAMS:
        return ("session", "refuse_lone_surrogates", False)  # accepted unless refused
    keyword, flag = _OPTIONS[option]
    if keyword in _REQUEST_PARAMS:
        return ("request", keyword, True)
    if keyword in _SESSION_PARAMS:
        return ("session", keyword, True)
    if hasattr(lib, flag):
        if "flags" in _REQUEST_PARAMS:
            return ("request", "flags", int(getattr(lib, flag)))
        if "flags" in _SESSION_PARAMS:
            return ("session", "flags", int(getattr(lib, flag)))
    return None


def features() -> set:
    """The optional core features these bindings expose: lone_surrogates, scrub_system, gemini."""
    found = {name for name in _OPTIONS if _how(name) is not None}
    if "gemini" in FORMATS:
        found.add("gemini")
    if "identities" in _SESSION_PARAMS:
        found.add("identities")
    return found


def validate_options() -> dict:
    """Keyword arguments of sanctumcore.json.validate for what the chat path accepts."""
    from ..json import validate

    return {"allow_lone_surrogates": True} if "allow_lone_surrogates" in _params(validate) else {}


def load_identities(path: str):
    """The known identities of a file ("type: value" per line), held in the shared context's wiped
    memory for every session of the route. Errors never quote the file."""
    global _ctx
    if "identities" not in features():
        raise RuntimeError("identities need a libsanctumcore with known identities (sanctumcore.identities)")
    from ..identities import Identities

    with open(path, "rb") as f:
        data = f.read()
    with _lock:
        if _ctx is None:
            _ctx = Context()
        return Identities(_ctx, data)


def _detector(threshold: float) -> Detector:
    global _ctx
    with _lock:
        if _ctx is None:
            _ctx = Context()
        det = _detectors.get(threshold)
        if det is None:
            det = _detectors[threshold] = Detector(_ctx, threshold=threshold)
        return det


@functools.lru_cache(maxsize=None)
def _kwargs(scrub_system: bool) -> tuple:
    """(session kwargs, request kwargs) for the wanted options the bindings support (read-only)."""
    where = {"session": {}, "request": {}}
    for name, wanted in (("lone_surrogates", True), ("scrub_system", scrub_system)):
        how = _how(name)
        if how is None or not wanted:
            continue
        place, keyword, value = how
        if keyword == "flags":
            where[place]["flags"] = where[place].get("flags", 0) | value
        else:
            where[place][keyword] = value
    return where["session"], where["request"]


def looks_personal(text: str, threshold: float, identities=None) -> bool:
    """True when the detector (or the route's known identities) finds an entity in text (a header
    value, a query parameter)."""
    if not text:
        return False
    return bool(_detector(threshold).detect(text)) or (identities is not None and bool(identities.detect(text)))


_URL_SEPARATORS = re.compile(r"[/?&=#;]")


def personal_url(url: str, threshold: float, identities=None) -> bool:
    """True when a URL or path (a Referer, the request's path) carries personal data: the whole of it, or
    one of its percent-decoded segments (the detector does not see an address glued to a `/`)."""
    if looks_personal(url, threshold, identities):
        return True
    return any(looks_personal(seg, threshold, identities)
               for text in decodings(url) for seg in _URL_SEPARATORS.split(text) if seg)


def decodings(text: str, rounds: int = 3) -> list:
    """text percent-decoded once, and again while that changes it (at most `rounds` times): an address
    encoded twice (`%2540`) is seen as the detector would see it decoded."""
    out = []
    for _ in range(rounds):
        decoded = urllib.parse.unquote_plus(text)
        if decoded == text and out:
            break
        out.append(decoded)
        text = decoded
    return out


def personal_query(query: str, threshold: float, identities=None, key_replaced: bool = True) -> bool:
    """True when a query parameter (decoded name or value) carries personal data. The value of `key`,
    Gemini's credential, is not checked when the route replaces it (key_replaced: the route has its own
    key, and upstream.without_key_param strips it) and its name is written literally; an encoded name
    (`k%65y`), or any `key` on a route that forwards it, is checked like any other."""
    for part in query.split("&"):
        raw_name, _, raw_value = part.partition("=")
        if any(looks_personal(name, threshold, identities) for name in decodings(raw_name)):
            return True
        if (raw_name != "key" or not key_replaced) and any(looks_personal(v, threshold, identities) for v in decodings(raw_value)):
            return True
    return False


# Session options the lean path below fills itself; other keywords (older bindings) go through Session.
_LEAN_KEYS = frozenset(("scrub_system", "refuse_lone_surrogates", "identities"))
_session_options = {}  # (scrub_system, refuse_lone_surrogates, identities) -> filled options (read-only)


def _options_for(kw: dict):
    """The native session options for these keywords, filled once (the identities stay referenced)."""
    key = (bool(kw.get("scrub_system")), bool(kw.get("refuse_lone_surrogates")), kw.get("identities"))
    opts = _session_options.get(key)
    if opts is None:
        opts = ffi.new("sanctum_session_options *")
        lib.sanctum_session_options_init(opts)
        opts.scrub_system = 1 if key[0] else 0
        opts.refuse_lone_surrogates = 1 if key[1] else 0
        if key[2] is not None:
            opts.identities = key[2].ptr
        _session_options[key] = opts
    return opts


_JSON_START = re.compile(rb"(?:\xef\xbb\xbf)?[ \t\r\n]*[{\[]")


class Scrubber:
    """Anonymizes one request and restores its response (whole or streamed). Fails closed: any error
    from the core propagates and the caller refuses the request. The whole-body calls go straight to the
    core (one output slot per scrubber), as sanctumcore.session does with a few more objects a call; the
    request's context and session are made with two core calls, and wrapped in sanctumcore's Context
    and Session only when a stream restorer or a text restore needs them."""

    def __init__(self, threshold: float = 0.7, scrub_system: bool = False, fmt: str = "auto", identities=None):
        if scrub_system and "scrub_system" not in features():
            raise RuntimeError("scrub_system needs a libsanctumcore with SANCTUM_CHAT_SCRUB_SYSTEM")
        if fmt != "auto" and fmt not in FORMATS:
            fmt = "auto"  # a core without this format refuses the document (fail closed)
        self._fmt = fmt
        self._code = FORMATS[fmt]
        session_kw, self._request_kw = _kwargs(scrub_system)
        if identities is not None:
            session_kw = {**session_kw, "identities": identities}
        self._detector = _detector(threshold)
        self._ctx = self._session = None  # the Python wrappers, when made
        self._ctx_ptr = self._session_ptr = None
        self._slot = None  # (out pointer, out length, error, stats), made on first use
        if not session_kw.keys() <= _LEAN_KEYS:
            self._wrap(Context())
            self._session = Session(self._ctx, self._detector, **session_kw)
            self._session_ptr = self._session.ptr
            return
        opts = _options_for(session_kw)
        err = ffi.new("sanctum_error *")
        out = ffi.new("sanctum_ctx **")
        check(lib.sanctum_ctx_new(out, ffi.NULL, err), err)
        self._ctx_ptr = out[0]
        made = ffi.new("sanctum_session **")
        status = lib.sanctum_session_new(made, self._ctx_ptr, self._detector.ptr, opts, err)
        if status != lib.SANCTUM_OK:
            self.close()
            check(status, err)
        self._session_ptr = made[0]

    def _wrap(self, ctx: Context) -> None:
        self._ctx = ctx
        self._ctx_ptr = ctx.ptr

    def _wrapped(self) -> Session:
        """The session as a sanctumcore Session (closed with its context by close())."""
        if self._session is None:
            if self._session_ptr is None:
                raise ValueError("Scrubber is closed")
            self._ctx = Context.of_native(self._ctx_ptr)
            self._session = Session(self._ctx, self._detector, _ptr=self._session_ptr)
        return self._session

    def _call(self, fn, body: bytes) -> bytes:
        slot = self._slot or self._new_slot()
        outp, lenp, err = slot[0], slot[1], slot[2]
        if self._session_ptr is None:
            raise ValueError("Scrubber is closed")
        check(fn(self._session_ptr, self._code, body, len(body), outp, lenp, err), err)
        return take_bytes(outp, lenp)

    def _new_slot(self) -> tuple:
        stats = ffi.new("sanctum_session_stats *")
        stats.struct_size = ffi.sizeof("sanctum_session_stats")
        self._slot = (ffi.new("uint8_t **"), ffi.new("size_t *"), ffi.new("sanctum_error *"), stats)
        return self._slot

    def anonymize_request(self, body: bytes) -> bytes:
        if self._request_kw:  # options these bindings take per call
            return self._wrapped().anonymize_request(body, self._fmt, **self._request_kw)
        return self._call(lib.sanctum_session_anonymize_request, bytes(body))

    def summary(self) -> tuple:
        """({entity type: occurrences replaced}, unrestored) from one read of the session's counters.
        Unrestored: placeholder-shaped text in answers that was forwarded as is (not issued by this
        session, or malformed): logged as a count, never silently."""
        slot = self._slot or self._new_slot()
        s, err = slot[3], slot[2]
        if self._session_ptr is None:
            raise ValueError("Scrubber is closed")
        check(lib.sanctum_session_get_stats(self._session_ptr, s), err)
        counts = {t: n for t, n in zip(ENTITY_TYPES, ffi.unpack(s.occurrences, len(ENTITY_TYPES))) if n}
        return counts, int(s.unknown) + int(s.malformed)

    def counts(self) -> dict:
        return self.summary()[0]

    def unrestored(self) -> int:
        return self.summary()[1]

    def restore_response(self, body: bytes) -> bytes:
        body = bytes(body)
        try:
            return self._call(lib.sanctum_session_restore_response, body)
        except Exception:
            if _JSON_START.match(body):
                return self._restore_json_text(body)
            # Not a chat document (an HTML error page, say): restore the placeholders as text.
            return self._wrapped().restore_text(body)

    def _restore_json_text(self, body: bytes) -> bytes:
        """A JSON-looking answer the core's parser refused (JSON lines sent as application/json, duplicate
        keys, a byte order mark): restored line by line through the stream restorer, which escapes the
        values of a line it cannot parse as JSON; restored as plain text, a value with a quote or a
        backslash broke the client's JSON. One document over several lines is read as one line (raw line
        breaks are only whitespace there)."""
        from .jsonlines import LineStream

        bom = b"\xef\xbb\xbf" if body.startswith(b"\xef\xbb\xbf") else b""
        text = body[len(bom):]
        if not all(line.lstrip()[:1] in (b"{", b"[") for line in text.split(b"\n") if line.strip()):
            text = text.replace(b"\r", b" ").replace(b"\n", b" ")
        lines = LineStream(self._wrapped().stream_restorer(self._fmt))
        try:
            return bom + lines.feed(text) + lines.finish()
        finally:
            lines.close()

    def restore_text(self, body: bytes) -> bytes:
        return self._wrapped().restore_text(body)

    def stream_restorer(self):
        return self._wrapped().stream_restorer(self._fmt)

    @property
    def closed(self) -> bool:
        return self._session_ptr is None

    def close(self) -> None:
        """Frees the session (and any restorer) and the context, wiping every value."""
        ctx, session, ctx_ptr = self._ctx, self._session_ptr, self._ctx_ptr
        self._ctx = self._session = None
        self._ctx_ptr = self._session_ptr = None
        if ctx is not None:
            ctx.close()  # closes the session and restorers first
            return
        if session is not None:
            lib.sanctum_free(session)
        if ctx_ptr is not None:
            lib.sanctum_ctx_free(ctx_ptr)

    def __del__(self):
        try:
            self.close()
        except Exception:
            pass
