"""Forwarding one request to an upstream base URL with http.client (TLS via the ssl module)."""
from __future__ import annotations

import http.client
import ssl
import urllib.parse

# Headers that belong to one hop, or that the proxy sets itself.
HOP_BY_HOP = {"connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer",
              "transfer-encoding", "upgrade", "host", "content-length"}
CREDENTIAL_HEADERS = {"authorization", "x-api-key", "api-key"}


class UpstreamError(Exception):
    """The upstream could not be reached or failed before answering (a reason to try a fallback)."""


def target(base: str, client_path: str) -> tuple:
    """(scheme, host, port, path) for the client's path appended to the route's base URL."""
    url = urllib.parse.urlsplit(base)
    path = url.path.rstrip("/") + "/" + client_path.lstrip("/")
    return url.scheme, url.hostname, url.port, path


def outgoing_headers(client_headers, api_key, client_path: str, body_len: int, identity: bool) -> dict:
    headers = {}
    for name, value in client_headers.items():
        low = name.lower()
        if low in HOP_BY_HOP:
            continue
        if api_key is not None and low in CREDENTIAL_HEADERS:
            continue
        if identity and low == "accept-encoding":
            continue
        headers[name] = value
    if api_key is not None:
        if client_path.rstrip("/").endswith("/messages"):  # Anthropic Messages
            headers["x-api-key"] = api_key
        else:
            headers["Authorization"] = f"Bearer {api_key}"
    if identity:
        headers["Accept-Encoding"] = "identity"  # the proxy must read the text to restore it
    headers["Content-Length"] = str(body_len)
    return headers


def send(base: str, client_path: str, method: str, headers: dict, body: bytes, timeout: float):
    """Sends the request; returns (connection, response). Raises UpstreamError when unreachable."""
    scheme, host, port, path = target(base, client_path)
    if scheme == "https":
        conn = http.client.HTTPSConnection(host, port, timeout=timeout, context=ssl.create_default_context())
    else:
        conn = http.client.HTTPConnection(host, port, timeout=timeout)
    try:
        conn.request(method, path, body=body, headers=headers)
        return conn, conn.getresponse()
    except (OSError, http.client.HTTPException) as e:
        conn.close()
        raise UpstreamError(f"{type(e).__name__}") from None
