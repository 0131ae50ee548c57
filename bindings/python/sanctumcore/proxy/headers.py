"""Which client request headers a scrub route forwards, and which of them the detector checks.

Forwarding headers (X-Forwarded-For, Forwarded, Via, the CDN client-IP ones) and Cookie say who and
where the user is and are none of the provider's business: a scrub route drops them unless the route's
`keep_headers` lists them. Every other header is forwarded; its value is checked for personal data (a
refusal unless the route's `pass_headers` lists it), except the credentials (replaced by the route's key)
and the values of HTTP's own headers (Content-Type, Cache-Control, Priority, Sec-Fetch-* ...) that have
the strict shape of their tokens (SHAPED): any other value of those is checked too. Free-text ones
(User-Agent, Accept-Language, OpenAI-Organization, anthropic-beta, x-stainless-*) are checked like any
custom header.
"""
from __future__ import annotations

import functools
import re

from . import upstream

# Who and where the user is: dropped toward the provider on scrub routes unless kept.
IDENTIFYING = frozenset((
    "x-forwarded-for", "x-forwarded-host", "x-real-ip", "forwarded", "via", "cookie", "true-client-ip",
    "cf-connecting-ip", "x-client-ip", "x-cluster-client-ip", "x-envoy-external-address"))  # and identifying()

# Never checked: dropped or replaced on the way out (hop-by-hop, the credentials).
PROTOCOL = upstream.HOP_BY_HOP | upstream.CREDENTIAL_HEADERS

_T = r"[!#$%&'*+\-.^_`|~0-9A-Za-z]+"
_CODING = r"(?:gzip|x-gzip|deflate|br|zstd|compress|identity|\*)(?:\s*;\s*q=[01](?:\.[0-9]{0,3})?)?"
_CACHE = (r"(?:no-cache|no-store|no-transform|only-if-cached|must-revalidate|proxy-revalidate|public|private|"
          r"immutable|(?:max-age|s-maxage|max-stale|min-fresh|stale-if-error|stale-while-revalidate)(?:=[0-9]+)?)")


def _list(item: str) -> "re.Pattern":
    return re.compile(rf"(?i)\s*{item}(?:\s*,\s*{item})*\s*")


# Headers whose values carry only HTTP's own tokens when they have this exact shape: not run through the
# detector then. Any other value (a parameter, a quoted string: `application/json; x="John Smith"`) is.
SHAPED = {
    "content-type": re.compile(rf"(?i)\s*{_T}/{_T}(?:\s*;\s*charset=(?:{_T}|\"{_T}\"))?\s*"),
    "content-encoding": _list(_CODING),
    "accept-encoding": _list(_CODING),
    "cache-control": _list(_CACHE),
    "pragma": _list(_CACHE),
    "priority": _list(r"(?:u=[0-7]|i(?:=\?[01])?)"),
    "sec-fetch-mode": re.compile(r"[a-z-]{1,32}"),
    "sec-fetch-site": re.compile(r"[a-z-]{1,32}"),
    "sec-fetch-dest": re.compile(r"[a-z-]{1,32}"),
    "sec-fetch-user": re.compile(r"\?[01]"),
}

_TOKEN_BYTES = re.compile(upstream.HEADER_NAME.pattern.encode())


# Header names longer than this are never remembered by the caches here (names_are_tokens, _dropped,
# CleanValues) or upstream's: clients send short ones; long unique ones would only fill them.
LONGEST_NAME = 64


def names_are_tokens(raw_headers) -> bool:
    """Whether every header name (bytes, as aiohttp's raw_headers has them) is an RFC 9110 token. Names
    found good are remembered (clients send the same few; at most 1024 of up to 64 bytes kept)."""
    for name, _ in raw_headers:
        if name in _GOOD_NAMES:
            continue
        if _TOKEN_BYTES.fullmatch(name) is None:
            return False
        if len(name) > LONGEST_NAME:
            continue
        if len(_GOOD_NAMES) >= 1024:
            _GOOD_NAMES.clear()
        _GOOD_NAMES.add(name)
    return True


_GOOD_NAMES = set()


def dropped(route, names) -> frozenset:
    """Which of these header names (lower case) a scrub route never forwards."""
    return frozenset(low for low in (n.lower() for n in names) if _dropped(low, route.keep_headers))


def identifying(low: str) -> bool:
    """A forwarding or client-address header: the listed ones and any name (with `_` read as `-`, as some
    servers do) that speaks of forwarding or a client's address (X-Forwarded-Proto, X-Originating-IP,
    Fastly-Client-IP, X-ProxyUser-Ip, X_Forwarded_For ...)."""
    n = low.replace("_", "-")
    return n in IDENTIFYING or n.endswith("-ip") or any(w in n for w in _IDENTIFYING_WORDS)


_IDENTIFYING_WORDS = ("forwarded", "client-ip", "real-ip", "originating")


def _dropped(low: str, keep: tuple) -> bool:
    if len(low) > LONGEST_NAME:  # (never kept: a client sending long unique names would fill the cache)
        return _decide_dropped(low, keep)
    return _dropped_short(low, keep)


def _decide_dropped(low: str, keep: tuple) -> bool:
    return identifying(low) and low not in keep and low.replace("_", "-") not in keep


_dropped_short = functools.lru_cache(maxsize=1024)(_decide_dropped)


def to_check(name: str, value: str, route) -> bool:
    """Whether a scrub route runs this header's value through the detector."""
    low = name.lower()
    if low in PROTOCOL or low in route.pass_headers or _dropped(low, route.keep_headers):
        return False
    shape = SHAPED.get(low)
    return shape is None or shape.fullmatch(value) is None


class CleanValues:
    """Header values already found free of personal data, per route (clients repeat the same
    User-Agent and SDK headers on every request): each is checked once. Bounded: cleared when full, and
    only short names and values (a key is (route, name, value)) are kept, so a client sending long unique
    names or values cannot make each worker hold limit x the header size limit (4096 x 8 KiB)."""

    def __init__(self, limit: int = 4096, longest: int = 512):
        self._seen = set()
        self._limit = limit
        self._longest = longest

    def __contains__(self, key) -> bool:
        return key in self._seen

    def add(self, key) -> None:
        if len(key[-1]) > self._longest or len(key[-2]) > LONGEST_NAME:
            return
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
