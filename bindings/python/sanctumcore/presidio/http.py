"""What both services share: JSON answers in Presidio's byte form, body reading under limits, core work
on worker threads with a timeout."""
from __future__ import annotations

import asyncio
import json
import logging
from typing import Any, Callable, Optional

from aiohttp import web
from aiohttp.web_protocol import RequestPayloadError

log = logging.getLogger("sanctumcore.presidio")

JSON = "application/json"


def json_response(payload: Any, status: int = 200, sort_keys: bool = False) -> web.Response:
    # json.dumps defaults (ASCII escapes, ", " and ": " separators) are what Presidio's Flask apps emit.
    return web.Response(body=json.dumps(payload, sort_keys=sort_keys).encode(), status=status, content_type=JSON)


def error_response(message: str, status: int) -> web.Response:
    resp = json_response({"error": message}, status)
    if status == 408:  # the rest of the body may still come: never read as a next request
        resp.force_close()
    return resp


def text_response(text: str) -> web.Response:
    # Flask answers a returned str as text/html.
    return web.Response(text=text, content_type="text/html")


# Werkzeug's descriptions, which Presidio's apps answer as {"error": description} for every HTTP error.
NOT_FOUND = ("The requested URL was not found on the server. If you entered the URL manually please check "
             "your spelling and try again.")
TOO_LARGE = "The data value transmitted exceeds the capacity limit."
UNDECODABLE = "Failed to decode JSON object"
METHOD_NOT_ALLOWED = "The method is not allowed for the requested URL."
REQUEST_TIMEOUT = ("The server closed the network connection because the browser didn't finish the request "
                   "within the specified time.")


def _allowed(app: web.Application, path: str) -> set:
    """The methods routed for path, with what Flask adds: HEAD beside GET, OPTIONS everywhere."""
    methods = set()
    for route in app.router.routes():
        info = route.resource.get_info() if route.resource is not None else {}
        if info.get("path") == path:
            methods.add(route.method)
    if "GET" in methods:
        methods.add("HEAD")
    return methods | {"OPTIONS"} if methods else methods


@web.middleware
async def flask_like(request: web.Request, handler) -> web.StreamResponse:
    """What a Flask app answers where aiohttp would answer text/plain: OPTIONS on a route is 200 with
    Allow and no body; an unknown path is 404 and a method the route lacks 405 (with Allow), both as
    Presidio's {"error": ...} JSON."""
    allowed = _allowed(request.app, request.path)
    if request.method == "OPTIONS" and allowed:
        return web.Response(status=200, content_type="text/html", headers={"Allow": ", ".join(sorted(allowed))})
    try:
        return await handler(request)
    except web.HTTPMethodNotAllowed:
        resp = error_response(METHOD_NOT_ALLOWED, 405)
        resp.headers["Allow"] = ", ".join(sorted(allowed))
        return resp
    except web.HTTPNotFound:
        return error_response(NOT_FOUND, 404)


class RequestError(Exception):
    """A request answered with {"error": message} and status."""

    def __init__(self, message: str, status: int):
        super().__init__(message)
        self.message = message
        self.status = status


async def read_json(request: web.Request, max_body: int, timeout: Optional[float] = None) -> Any:
    """The parsed body, or RequestError as Flask's request.get_json() fails (415 without a JSON content
    type, 400 for undecodable JSON, 413 above the body limit; 408 when the body is not all in within
    `timeout` seconds, as the proxy's body_timeout: a client sending its body slowly, or never, would
    otherwise hold its connection for ever). A body aiohttp cannot read (a Content-Encoding that does not
    decode, broken chunked framing) is 400 as undecodable JSON, one that inflates past aiohttp's
    decompression limit 413: neither is an internal error."""
    if request.content_type != JSON and not request.content_type.endswith("+json"):
        raise RequestError("Did not attempt to load JSON data because the request Content-Type was not "
                           "'application/json'.", 415)
    if request.content_length is not None and request.content_length > max_body:
        raise RequestError(TOO_LARGE, 413)
    body = bytearray()
    try:
        async with asyncio.timeout(timeout):
            async for chunk in request.content.iter_chunked(65536):
                body += chunk
                if len(body) > max_body:
                    raise RequestError(TOO_LARGE, 413)
    except TimeoutError:
        raise RequestError(REQUEST_TIMEOUT, 408) from None
    except RequestPayloadError as e:  # its text names the coding or the limit, never body bytes
        if "exceeds" in str(e):
            raise RequestError(TOO_LARGE, 413) from None
        raise RequestError(UNDECODABLE, 400) from None
    try:
        return json.loads(body.decode("utf-8"))
    except (UnicodeDecodeError, ValueError):
        # Never echo the body: it is the personal data being protected.
        raise RequestError(UNDECODABLE, 400) from None


class Worker:
    """Runs core calls (which release the GIL) on a thread pool, bounded by a timeout."""

    def __init__(self, executor, timeout: float):
        self.executor = executor
        self.timeout = timeout

    async def run(self, fn: Callable, *args) -> Any:
        loop = asyncio.get_running_loop()
        try:
            return await asyncio.wait_for(loop.run_in_executor(self.executor, fn, *args), self.timeout)
        except asyncio.TimeoutError:
            raise RequestError("Request timed out", 503) from None
