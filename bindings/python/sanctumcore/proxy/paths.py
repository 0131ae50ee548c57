"""The client's request target, made safe to append to an upstream's base path.

Only origin-form targets (`/path?query`, RFC 9112 3.2.1) are taken: `*`, absolute-form and authority-form
are refused. Percent-encoded unreserved characters (dots included) are decoded and dot segments removed
as RFC 3986 5.2.4 says, so the upstream sees the path the route was chosen for; a `..` that would climb
above the root (and so above the upstream's base path), or a segment hiding `.`/`..` behind an encoded
slash or a backslash (`a%2f..%2f..`), repeated encoding (`%252e%252e`) or path parameters (`..;x`), is
refused rather than guessed at.

Routes are chosen on `route_form`, the spelling servers in front of providers commonly read the same:
a scrub route's `/chat/completions` must also take `/chat/completions/`, `/chat//completions`,
`/chat%2Fcompletions`, `/chat\\completions`, `/chat/completions;x`, `/Chat/Completions`,
`/chat/completions.`, `/chat/completions%20`, `/chat/completions%3Fx`, `/chat/completions%00` and
`/chat/completıons`, which would otherwise fall through to a pass route while a provider's front end may
serve them as its chat endpoint.
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
    """A segment a server might read as `.`/`..` although it is not one as written: with an encoded
    slash or a backslash between dot segments (`a%2f..%2f..`), encoded more than once (`%252e%252e`), or
    with path parameters (`..;x`, `.;`: Tomcat drops them), after up to three rounds of decoding."""
    if segment in (".", "..") or ("%" not in segment and "\\" not in segment and ";" not in segment):
        return False
    text = segment
    for _ in range(3):  # %252f too
        text = urllib.parse.unquote(text)
    return any(piece.partition(";")[0] in (".", "..") for piece in _SEPARATORS.split(text))


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
            raise BadTarget("the request path hides a dot segment (an encoded slash or dot, or ;parameters)")
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


def route_form(path: str) -> str:
    """The path as routes match it (never sent): percent-decoded once and cut at a decoded `?`, `#` or
    NUL (a server that decodes before splitting, or a C string, ends the path there), backslashes read as
    slashes, `;parameters` and trailing dots and white space dropped from each segment (IIS and Windows
    drop them), empty and `.` segments (repeated and trailing slashes) dropped, case folded as servers
    matching without case do (.NET's invariant upper case and Go's EqualFold read `ı` as `i`, `ſ` as `s`
    and the Kelvin sign as `k`). A path entry of a route (`:streamGenerateContent`, no leading slash)
    gets the same."""
    if path.isascii() and path.islower() and not path.endswith(("/", ".")) and "%" not in path \
            and "\\" not in path and ";" not in path and "//" not in path and "/." not in path and "./" not in path:
        return path  # the common case: already in this form
    text = urllib.parse.unquote(path) if "%" in path else path
    text = _PATH_END.split(text, 1)[0]
    segments = [s.partition(";")[0].rstrip(_DROPPED_TAIL) for s in text.replace("\\", "/").split("/")]
    lead = "/" if text.startswith(("/", "\\")) else ""
    return lead + "/".join(s for s in segments if s and s != ".").upper().lower()


_PATH_END = re.compile(r"[?#\x00]")
_DROPPED_TAIL = ". \t\r\n\x0b\x0c"
