"""Forwarding to upstreams with aiohttp's client: one pooled session per upstream origin (keep-alive,
TLS verified with the system's CAs), and the header rules for the way out and back (RFC 9110)."""
from __future__ import annotations

import re
import urllib.parse
from typing import Optional

import aiohttp
import yarl

# Hop-by-hop (RFC 9110 7.6.1), plus what the proxy computes itself (Host, Content-Length).
HOP_BY_HOP = {"connection", "proxy-connection", "keep-alive", "proxy-authenticate", "proxy-authorization",
              "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect"}
CREDENTIAL_HEADERS = {"authorization", "x-api-key", "api-key", "x-goog-api-key"}

# Request headers of HTTP itself and of the providers' APIs and SDKs: not checked for personal data.
# Referer, Origin and OpenRouter's HTTP-Referer / X-Title carry URLs and names the user may have typed:
# they are checked like any other header.
STANDARD_HEADERS = HOP_BY_HOP | CREDENTIAL_HEADERS | {
    "accept", "accept-encoding", "accept-language", "cache-control", "content-type", "content-encoding",
    "date", "pragma", "user-agent", "priority", "traceparent", "tracestate",
    "idempotency-key", "x-request-id", "x-client-request-id", "anthropic-version", "anthropic-beta",
    "anthropic-dangerous-direct-browser-access", "openai-organization", "openai-project", "openai-beta",
    "x-goog-api-client", "x-goog-user-project", "sec-fetch-mode",
    "sec-fetch-site", "sec-fetch-dest", "sec-ch-ua", "sec-ch-ua-mobile", "sec-ch-ua-platform"}
STANDARD_PREFIXES = ("x-stainless-",)
URL_HEADERS = {"referer", "origin", "http-referer"}  # checked segment by segment (scrub.personal_url)

_GEMINI_PATH = re.compile(r"/models/([^/:?]+):(generateContent|streamGenerateContent|countTokens)\b")


def is_standard(name: str) -> bool:
    low = name.lower()
    return low in STANDARD_HEADERS or low.startswith(STANDARD_PREFIXES)


def gemini_model(path: str) -> Optional[str]:
    """The model named in a Gemini API path, or None when the path is not Gemini's."""
    m = _GEMINI_PATH.search(path)
    return m.group(1) if m else None


def connection_tokens(headers) -> set:
    """Header names the Connection header lists: hop-by-hop too (RFC 9110 7.6.1)."""
    names = set()
    for value in headers.getall("Connection", ()):
        names.update(t.strip().lower() for t in value.split(",") if t.strip())
    return names


def target(base: str, client_path: str, query: str) -> yarl.URL:
    """The route's base URL with the client's (still percent-encoded) path and query appended."""
    return yarl.URL(base + "/" + client_path.lstrip("/") + ("?" + query if query else ""), encoded=True)


def without_key_param(query: str) -> str:
    """The query without Gemini's `key=` credential (the route supplies its own). Only the literal name
    `key` is Gemini's credential here, as scrub.personal_query exempts it: an encoded one (`k%65y`) is
    checked and forwarded like any parameter."""
    if "key=" not in query:
        return query
    kept = [p for p in query.split("&") if not p.startswith("key=")]
    return "&".join(kept)


def outgoing_headers(client_headers, api_key: Optional[str], client_path: str, identity: bool) -> dict:
    drop = HOP_BY_HOP | connection_tokens(client_headers)
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
        if gemini_model(client_path) is not None:
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
    drop = HOP_BY_HOP | connection_tokens(upstream_headers)
    if restored:
        drop = drop | {"content-md5", "etag", "digest", "content-encoding"}
    return [(k, v) for k, v in upstream_headers.items() if k.lower() not in drop]


class Pool:
    """One aiohttp.ClientSession per upstream origin, created on first use and closed with the proxy."""

    def __init__(self, cfg):
        self._cfg = cfg
        self._sessions = {}

    def session(self, url: yarl.URL) -> aiohttp.ClientSession:
        origin = (url.scheme, url.host, url.port)
        s = self._sessions.get(origin)
        if s is None or s.closed:
            cfg = self._cfg
            timeout = aiohttp.ClientTimeout(total=cfg.upstream_total_timeout or None,
                                            connect=cfg.upstream_connect_timeout,
                                            sock_read=cfg.upstream_timeout)
            connector = aiohttp.TCPConnector(limit=cfg.upstream_max_connections, limit_per_host=0,
                                             ttl_dns_cache=300, keepalive_timeout=30.0)
            # No cookie jar (clients must not share state), no default headers, bodies relayed as sent.
            s = aiohttp.ClientSession(connector=connector, timeout=timeout, auto_decompress=False,
                                      cookie_jar=aiohttp.DummyCookieJar(), trust_env=False,
                                      skip_auto_headers=("User-Agent", "Accept", "Accept-Encoding",
                                                         "Content-Type"))
            self._sessions[origin] = s
        return s

    async def close(self) -> None:
        for s in self._sessions.values():
            await s.close()
        self._sessions.clear()
