"""Anonymize/restore sessions: typed placeholders out, real values back, whole or streamed."""
from __future__ import annotations

import contextlib
from typing import Optional, Union

from ._core import Context, Handle, as_bytes, check, new_error, take_bytes
from ._native import ffi, lib
from .detect import ENTITY_TYPES, Detector
from .identities import Identities
from .json import format_code


def _call_out(fn, *args) -> bytes:
    outp = ffi.new("uint8_t **")
    lenp = ffi.new("size_t *")
    err = new_error()
    check(fn(*args, outp, lenp, err), err)
    return take_bytes(outp, lenp)


def _key(key) -> bytes:
    """A vault key: 32 bytes, from any bytes-like object (a str is refused: keys are not text)."""
    if isinstance(key, str) or not isinstance(key, (bytes, bytearray, memoryview)):
        raise TypeError("key must be 32 bytes (bytes-like)")
    key = bytes(key)
    if len(key) != 32:
        raise ValueError("key must be 32 bytes")
    return key


def _same_kind(result: bytes, given) -> Union[str, bytes]:
    return result.decode("utf-8") if isinstance(given, str) else result


class Session(Handle):
    """One session per request: it numbers placeholders in order of first appearance, and only it
    can restore them. It holds its detector and identities: closing them while it is open frees them
    only once it is closed."""
    _serial = True  # single-threaded in the core: calls taken one at a time

    def __init__(self, ctx: Context, detector: Optional[Detector] = None, _ptr=None, *, scrub_system: bool = False,
                 identities: Optional[Identities] = None, refuse_lone_surrogates: bool = False):
        """scrub_system: also anonymize system/developer prompts and instructions. identities: known values
        replaced everywhere, system prompts included. Unpaired \\uD800-\\uDFFF escapes (what JavaScript
        SDKs send) are accepted unless refuse_lone_surrogates."""
        self._detector = detector  # borrowed natively: held until this session is freed
        self._identities = identities  # likewise
        borrowed = tuple(h for h in (detector, identities) if h is not None)
        if _ptr is None:
            opts = ffi.new("sanctum_session_options *")
            lib.sanctum_session_options_init(opts)
            opts.scrub_system = 1 if scrub_system else 0
            opts.refuse_lone_surrogates = 1 if refuse_lone_surrogates else 0
            out = ffi.new("sanctum_session **")
            err = new_error()
            with contextlib.ExitStack() as held:  # (a borrowed handle closed meanwhile is freed only after)
                cp = held.enter_context(ctx._using())
                dp = held.enter_context(detector._using()) if detector is not None else ffi.NULL
                if identities is not None:
                    opts.identities = held.enter_context(identities._using())
                check(lib.sanctum_session_new(out, cp, dp, opts, err), err)
                super().__init__(ctx, out[0], borrowed)  # (holds them before the call lets go)
            return
        super().__init__(ctx, _ptr, borrowed)

    @classmethod
    def open_sealed(cls, ctx: Context, key: bytes, sealed: bytes) -> "Session":
        """A restore-only session from a vault sealed with seal()."""
        key = _key(key)
        data = as_bytes(sealed, "sealed")
        out = ffi.new("sanctum_session **")
        err = new_error()
        with ctx._using() as cp:
            check(lib.sanctum_session_open_sealed(out, cp, key, len(key), data, len(data), err), err)
        return cls(ctx, None, _ptr=out[0])

    def anonymize_text(self, text: Union[str, bytes]) -> Union[str, bytes]:
        buf = as_bytes(text, "text")
        with self._using() as p:
            return _same_kind(_call_out(lib.sanctum_session_anonymize_text, p, buf, len(buf)), text)

    def anonymize_request(self, body: Union[str, bytes], fmt="auto") -> bytes:
        buf = as_bytes(body, "body")
        with self._using() as p:
            return _call_out(lib.sanctum_session_anonymize_request, p, format_code(fmt), buf, len(buf))

    def restore_text(self, text: Union[str, bytes]) -> Union[str, bytes]:
        buf = as_bytes(text, "text")
        with self._using() as p:
            return _same_kind(_call_out(lib.sanctum_session_restore_text, p, buf, len(buf)), text)

    def restore_response(self, body: Union[str, bytes], fmt="auto") -> bytes:
        buf = as_bytes(body, "body")
        with self._using() as p:
            return _call_out(lib.sanctum_session_restore_response, p, format_code(fmt), buf, len(buf))

    def seal(self, key: bytes) -> bytes:
        key = _key(key)
        with self._using() as p:
            return _call_out(lib.sanctum_session_seal, p, key, len(key))

    def stats(self) -> dict:
        s = ffi.new("sanctum_session_stats *")
        s.struct_size = ffi.sizeof("sanctum_session_stats")
        with self._using() as p:
            check(lib.sanctum_session_get_stats(p, s), new_error())
        return {"distinct": {t: int(s.distinct[i]) for i, t in enumerate(ENTITY_TYPES) if s.distinct[i]},
                "occurrences": {t: int(s.occurrences[i]) for i, t in enumerate(ENTITY_TYPES) if s.occurrences[i]},
                "literals": int(s.literals), "restored": int(s.restored), "unknown": int(s.unknown),
                "malformed": int(s.malformed), "numbers": int(s.numbers)}

    def stream_restorer(self, fmt="auto") -> "StreamRestorer":
        return StreamRestorer(self, fmt)


class StreamRestorer(Handle):
    """Restores an SSE stream fed in arbitrary chunks; feed() returns what is complete so far."""
    _serial = True  # single-threaded in the core: calls taken one at a time

    def __init__(self, session: Session, fmt="auto"):
        self._session = session
        out = ffi.new("sanctum_stream_restorer **")
        err = new_error()
        with session._using() as sp:
            check(lib.sanctum_stream_restorer_new(out, sp, format_code(fmt), err), err)
        super().__init__(session._ctx, out[0], (session,))

    def feed(self, chunk: bytes) -> bytes:
        buf = as_bytes(chunk, "chunk")
        with self._using() as p:
            return _call_out(lib.sanctum_stream_restorer_feed, p, buf, len(buf))

    def finish(self) -> bytes:
        with self._using() as p:
            return _call_out(lib.sanctum_stream_restorer_finish, p)
