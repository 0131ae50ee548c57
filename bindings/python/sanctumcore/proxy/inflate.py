"""Decoding an upstream answer sent gzip- or deflate-encoded although the proxy asked for identity, with
the decoded size bounded however small the encoded answer is.

gzip may hold several members one after the other (RFC 1952 2.2; what `cat a.gz b.gz` makes): each is
decoded. Bytes after the end of a deflate stream, or after a gzip member that start no other member, are
an error: zlib keeps them in `unused_data` without a bound, so a small member followed by an endless
stream held every byte of it, and what followed the first member never reached the client. `deflate`
is read with the zlib header RFC 9110 asks for, or as raw deflate (what some servers send).
"""
from __future__ import annotations

import zlib

CODINGS = frozenset(("gzip", "x-gzip", "deflate"))
_GZIP_MAGIC = b"\x1f\x8b"


class Undecodable(ValueError):
    pass


def _zlib_header(two: bytes) -> bool:
    return len(two) == 2 and two[0] & 0x0F == 8 and (two[0] << 8 | two[1]) % 31 == 0


class Inflater:
    """decode(chunk, room) yields decoded pieces, together at most room + 1 bytes (one more says the cap
    is passed); finish() raises Undecodable if the encoded data ended inside a stream or member."""

    def __init__(self, coding: str):
        self._gzip = coding != "deflate"
        self._d = None  # the decompressor of the current stream (gzip member)
        self._pending = b""  # bytes not decoded yet: a start too short to tell its flavour, or past the cap

    def _new(self, two: bytes):
        if self._gzip:
            if two != _GZIP_MAGIC:
                raise Undecodable("gzip data that starts no gzip member")
            return zlib.decompressobj(zlib.MAX_WBITS | 16)
        return zlib.decompressobj(zlib.MAX_WBITS if _zlib_header(two) else -zlib.MAX_WBITS)

    def decode(self, chunk: bytes, room: int):
        data, self._pending = self._pending + chunk if self._pending else chunk, b""
        got = 0
        while data:
            if self._d is None:
                if len(data) < 2:
                    self._pending = data
                    return
                self._d = self._new(data[:2])
            elif self._d.eof:
                if not self._gzip:
                    raise Undecodable("data after the end of the deflate stream")
                self._d = None  # another member follows
                continue
            if got > room:
                self._pending = data  # (the caller cuts the answer here)
                return
            try:
                out = self._d.decompress(data, max(1, room + 1 - got))
            except zlib.error:
                raise Undecodable("upstream data does not decode") from None
            data = self._d.unused_data if self._d.eof else self._d.unconsumed_tail
            got += len(out)
            if out:
                yield out

    def finish(self) -> None:
        if self._d is None or not self._d.eof or self._pending:
            raise Undecodable("upstream data ended inside its encoding")


def decode_whole(coding: str, data: bytes, cap: int) -> bytes:
    """The decoded answer; Undecodable, or OverflowError when it decodes to more than cap bytes."""
    inflater = Inflater(coding)
    out = b"".join(inflater.decode(data, cap))
    if len(out) > cap:
        raise OverflowError(cap)
    inflater.finish()
    return out
