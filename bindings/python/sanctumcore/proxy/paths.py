"""The client's request target, made safe to append to an upstream's base path.

Only origin-form targets (`/path?query`, RFC 9112 3.2.1) are taken: `*`, absolute-form and authority-form
are refused. Percent-encoded unreserved characters (dots included) are decoded and dot segments removed
as RFC 3986 5.2.4 says, so the upstream sees the path the route was chosen for; a `..` that would climb
above the root (and so above the upstream's base path), or a segment hiding `.`/`..` behind an encoded
slash or a backslash (`a%2f..%2f..`), is refused rather than guessed at.
"""
from __future__ import annotations

import re
import urllib.parse

_PCT = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")
_SEPARATORS = re.compile(r"[/\\]")


class BadTarget(ValueError):
    """The request target is refused (the message never quotes it)."""


def _decode_unreserved(segment: str) -> str:
    def one(m):
        c = chr(int(m.group(1), 16))
        return c if c in _UNRESERVED else "%" + m.group(1).upper()
    return _PCT.sub(one, segment) if "%" in segment else segment


def _hides_dot_segment(segment: str) -> bool:
    """A segment with an encoded slash or a backslash (encoded once or more) that a server decoding it
    would split into dot segments."""
    if "%" not in segment and "\\" not in segment:
        return False
    text = segment
    for _ in range(3):  # %252f too
        text = urllib.parse.unquote(text)
    if not _SEPARATORS.search(text):
        return False
    return any(piece in (".", "..") for piece in _SEPARATORS.split(text))


def origin_form(target: str) -> str:
    """The normalised `/path?query` for a raw request target, or BadTarget."""
    path, sep, query = target.partition("?")
    if not path.startswith("/"):
        raise BadTarget("the request target must be a path (origin-form)")
    if "." not in path and "%" not in path and "\\" not in path:
        return target  # the common case: nothing to normalise
    out = []
    segments = path[1:].split("/")
    for i, raw in enumerate(segments):
        segment = _decode_unreserved(raw)
        if _hides_dot_segment(segment):
            raise BadTarget("the request path hides a dot segment behind an encoded slash")
        last = i == len(segments) - 1
        if segment == ".":
            if last:
                out.append("")
        elif segment == "..":
            if not out:
                raise BadTarget("the request path climbs above the root")
            out.pop()
            if last:
                out.append("")
        else:
            out.append(segment)
    return "/" + "/".join(out) + sep + query
