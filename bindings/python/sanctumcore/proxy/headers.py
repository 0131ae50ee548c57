"""Which client request headers a scrub route forwards, and which of them the detector checks.

Forwarding headers (X-Forwarded-For, Forwarded, Via, the CDN client-IP ones) and Cookie say who and
where the user is and are none of the provider's business: a scrub route drops them unless the route's
`keep_headers` lists them. Every other header is forwarded; its value is checked for personal data (a
refusal unless the route's `pass_headers` lists it), except the credentials (replaced by the route's key)
and the headers whose values are tokens of HTTP itself (framing, content negotiation) that carry no free
text. Free-text ones (User-Agent, Accept-Language, OpenAI-Organization, anthropic-beta, x-stainless-*)
are checked like any custom header.
"""
from __future__ import annotations

import functools
import re

from . import upstream

# Who and where the user is: dropped toward the provider on scrub routes unless kept.
IDENTIFYING = frozenset((
    "x-forwarded-for", "x-forwarded-host", "x-real-ip", "forwarded", "via", "cookie", "true-client-ip",
    "cf-connecting-ip", "x-client-ip", "x-cluster-client-ip"))

# Headers whose values are HTTP's own tokens, never user text: not run through the detector.
PROTOCOL = upstream.HOP_BY_HOP | upstream.CREDENTIAL_HEADERS | frozenset((
    "content-type", "content-encoding", "accept-encoding", "cache-control", "pragma", "priority",
    "sec-fetch-mode", "sec-fetch-site", "sec-fetch-dest"))


_TOKEN_BYTES = re.compile(upstream.HEADER_NAME.pattern.encode())


def names_are_tokens(raw_headers) -> bool:
    """Whether every header name (bytes, as aiohttp's raw_headers has them) is an RFC 9110 token."""
    return all(_TOKEN_BYTES.fullmatch(name) for name, _ in raw_headers)


def dropped(route) -> frozenset:
    """Header names (lower case) a scrub route never forwards."""
    return _dropped(route.keep_headers)


@functools.lru_cache(maxsize=64)
def _dropped(keep: tuple) -> frozenset:
    return IDENTIFYING - frozenset(keep)


def to_check(name: str, route) -> bool:
    """Whether a scrub route runs this header's value through the detector."""
    low = name.lower()
    return not (low in PROTOCOL or low in route.pass_headers or low in dropped(route))


class CleanValues:
    """Header values already found free of personal data, per route (clients repeat the same
    User-Agent and SDK headers on every request): each is checked once. Bounded: cleared when full."""

    def __init__(self, limit: int = 4096):
        self._seen = set()
        self._limit = limit

    def __contains__(self, key) -> bool:
        return key in self._seen

    def add(self, key) -> None:
        if len(self._seen) >= self._limit:
            self._seen.clear()
        self._seen.add(key)


def is_json(content_type: str, body: bytes) -> bool:
    """Whether a request body is meant as JSON: its media type is application/json or a +json type, or
    (without a Content-Type, or with curl -d's form type or text/plain) it starts like a JSON object or
    array. A multipart upload, a form or plain
    text is not, and the core would only say where its parse failed."""
    media = content_type.partition(";")[0].strip().lower()
    if media == "application/json" or media.endswith("+json"):
        return True
    if media and media not in _SNIFFED:
        return False
    return body.lstrip(b" \t\r\n")[:1] in (b"{", b"[")


# Media types a JSON body is often sent with by mistake (curl -d says form-urlencoded): the body decides.
_SNIFFED = frozenset(("application/x-www-form-urlencoded", "text/plain"))


def unsupported_coding(values) -> bool:
    """Whether Transfer-Encoding header values name a coding other than chunked (gzip, chunked, ...):
    the proxy would forward a coded body it cannot read as if it were plain (RFC 9112 6.1: 501)."""
    return any(t.strip().lower() not in ("", "chunked") for v in values for t in v.split(","))
