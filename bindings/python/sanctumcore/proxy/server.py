"""The proxy's HTTP server: routes each request, applies the route's policy, forwards, restores.

Policies: `scrub` anonymizes the request (nothing leaves if that fails) and restores the response, whole
or streamed; `pass` and `local` forward the request byte for byte. Fallback routes are tried, each with its
own policy, when an upstream cannot be reached or answers 5xx before anything was sent to the client.
"""
from __future__ import annotations

import http.client
import http.server
import json
import logging
import socketserver
import threading
import time
from typing import Optional

from . import upstream
from .config import Config, ConfigError, Route

log = logging.getLogger("sanctumcore.proxy")


class ProxyRefusal(Exception):
    """The request is refused with this HTTP status; nothing was sent upstream."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


def _scrubber_for(route: Route):
    from .scrub import Scrubber  # needs the native session API

    return Scrubber(threshold=route.threshold)


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server_version = "sanctum-proxy"
    sys_version = ""

    def log_message(self, fmt, *args):  # the default logs request lines; ours are in _log_request
        pass

    # ---- plumbing -------------------------------------------------------------------------------

    @property
    def cfg(self) -> Config:
        return self.server.cfg  # type: ignore[attr-defined]

    def _send_json_error(self, status: int, message: str) -> None:
        body = json.dumps({"error": {"type": "sanctum_proxy_error", "message": message}}).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def _read_body(self) -> bytes:
        if "chunked" in self.headers.get("Transfer-Encoding", "").lower():
            raise ProxyRefusal(411, "chunked request bodies are not accepted; send Content-Length")
        try:
            length = int(self.headers.get("Content-Length", "0"))
        except ValueError:
            raise ProxyRefusal(400, "invalid Content-Length") from None
        if length < 0:
            raise ProxyRefusal(400, "invalid Content-Length")
        if length > self.cfg.max_body_bytes:
            raise ProxyRefusal(413, f"request body larger than {self.cfg.max_body_bytes} bytes")
        return self.rfile.read(length)

    @staticmethod
    def _model_of(body: bytes) -> Optional[str]:
        try:
            doc = json.loads(body)
        except (ValueError, UnicodeDecodeError):
            return None
        model = doc.get("model") if isinstance(doc, dict) else None
        return model if isinstance(model, str) else None

    # ---- request handling -----------------------------------------------------------------------

    def do_GET(self):
        self._send_json_error(405, "the proxy forwards POST requests only")

    def do_POST(self):
        started = time.monotonic()
        record = {"path": self.path, "route": "-", "policy": "-", "status": 0, "entities": {}}
        try:
            body = self._read_body()
            route = self.cfg.select(self.path, self._model_of(body))
            if route is None:
                raise ProxyRefusal(404, "no route matches this path and model")
            record["status"] = self._forward_with_fallback(route, body, record)
        except ProxyRefusal as e:
            record["status"] = e.status
            self._send_json_error(e.status, e.message)
        except (BrokenPipeError, ConnectionResetError):
            record["status"] = 499  # client went away
        finally:
            record["ms"] = round((time.monotonic() - started) * 1000, 1)
            self.server.log_request_record(record)  # type: ignore[attr-defined]

    def _forward_with_fallback(self, route: Route, body: bytes, record: dict) -> int:
        chain = [route] + [self.cfg.route_named(n) for n in route.fallback]
        last = "no upstream answered"
        for attempt in chain:
            record["route"], record["policy"] = attempt.name, attempt.policy
            scrubber = None
            out = body
            if attempt.policy == "scrub":
                scrubber = _scrubber_for(attempt)
                try:
                    out = scrubber.anonymize_request(body)
                except Exception as e:  # fail closed: nothing reaches the upstream
                    scrubber.close()
                    raise ProxyRefusal(400, f"request refused: {_safe_reason(e)}") from None
                record["entities"] = scrubber.counts()
            try:
                key = attempt.api_key()
            except ConfigError as e:
                if scrubber:
                    scrubber.close()
                last = str(e)
                continue
            headers = upstream.outgoing_headers(self.headers, key, self.path, len(out),
                                                identity=scrubber is not None)
            try:
                conn, resp = upstream.send(attempt.upstream, self.path, "POST", headers, out,
                                           self.cfg.upstream_timeout)
            except upstream.UpstreamError as e:
                if scrubber:
                    scrubber.close()
                last = f"upstream {attempt.name} unreachable ({e})"
                continue
            if resp.status >= 500 and attempt is not chain[-1]:
                resp.read()
                conn.close()
                if scrubber:
                    scrubber.close()
                last = f"upstream {attempt.name} answered {resp.status}"
                continue
            try:
                self._relay(resp, scrubber)
            finally:
                conn.close()
                if scrubber:
                    scrubber.close()
            return resp.status
        raise ProxyRefusal(502, last)

    def _relay(self, resp, scrubber) -> None:
        streaming = "text/event-stream" in resp.getheader("Content-Type", "")
        self.send_response(resp.status)
        for name, value in resp.getheaders():
            if name.lower() not in upstream.HOP_BY_HOP:
                self.send_header(name, value)
        if not streaming:
            data = resp.read()
            if scrubber is not None:
                data = scrubber.restore_response(data)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
            return
        self.send_header("Transfer-Encoding", "chunked")
        self.end_headers()
        restorer = scrubber.stream_restorer() if scrubber is not None else None
        try:
            while True:
                try:
                    chunk = resp.read1(65536)
                except (OSError, http.client.HTTPException):
                    # Upstream died mid-stream: send what is restored so far, then close without the
                    # final chunk so the client sees a truncated stream, never a clean end.
                    if restorer is not None:
                        self._write_chunk(restorer.finish())
                    self.close_connection = True
                    return
                if not chunk:
                    break
                self._write_chunk(restorer.feed(chunk) if restorer is not None else chunk)
            if restorer is not None:
                self._write_chunk(restorer.finish())
            self.wfile.write(b"0\r\n\r\n")
            self.wfile.flush()
        finally:
            if restorer is not None:
                restorer.close()

    def _write_chunk(self, data: bytes) -> None:
        if data:
            self.wfile.write(b"%x\r\n%s\r\n" % (len(data), data))
            self.wfile.flush()


def _safe_reason(exc: Exception) -> str:
    """A refusal reason that carries status and offset but never request text."""
    status = getattr(exc, "status", None)
    offset = getattr(exc, "offset", None)
    message = getattr(exc, "message", None)
    if status is None:
        return type(exc).__name__
    where = f" at byte {offset}" if offset is not None else ""
    return f"{getattr(status, 'name', status)}{where}: {message}"


class ProxyServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, cfg: Config):
        self.cfg = cfg
        self._log_lock = threading.Lock()
        super().__init__((cfg.listen_host, cfg.listen_port), Handler)

    def log_request_record(self, record: dict) -> None:
        """One line per request: route, policy, status, entities replaced per type, latency. The path is
        the client's API path; no body, header or credential is ever logged."""
        entities = ",".join(f"{k}={v}" for k, v in sorted(record["entities"].items())) or "none"
        with self._log_lock:
            log.info("route=%s policy=%s path=%s status=%s entities=%s ms=%s", record["route"], record["policy"],
                     record["path"].split("?", 1)[0], record["status"], entities, record["ms"])
