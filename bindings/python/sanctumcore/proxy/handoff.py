"""Handing a request over to the worker process that keeps its conversation (vault.py).

Each sanctum-proxy worker keeps the sessions it answered in its own memory, and the kernel gives a
client's next connection to any worker. A request naming a conversation this worker does not keep is
sent, as the client sent it, to the other workers in turn over Unix sockets in a directory only this
user can enter (made before the workers fork), marked with a token made at start; a worker that does
not keep it either answers "not kept" at once (nothing goes upstream), and the first that keeps it
answers: that answer is relayed to the client as it comes. The handed request carries the client's
vault digest (CLIENT: the keeping worker sees only the Unix socket's peer; the workers digest under one
secret made here). The marks are dropped from every request sent upstream (upstream.HOP_BY_HOP) and a
client's own copies of them, without the token, count for nothing.
"""
from __future__ import annotations

import asyncio
import hmac
import os
import shutil
import socket
import tempfile
from typing import Optional

import aiohttp
from aiohttp import web

from . import upstream

HEADER = "X-Sanctum-Handoff"
NOT_KEPT = "X-Sanctum-Not-Kept"  # on a handed-over request's refusal: try the next worker
CLIENT = "X-Sanctum-Client"  # on a handed-over request: the client's vault digest (hex)


def make(workers: int) -> dict:
    """Before the workers fork: {"socks": a listening Unix socket per worker, "token", "dir", "secret" (the
    vault's digest key, one for all the workers)}."""
    where = tempfile.mkdtemp(prefix="sanctum-proxy-")  # mode 0700: only this user connects
    socks = []
    try:
        for i in range(workers):
            s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
            socks.append(s)
            s.bind(os.path.join(where, f"worker-{i}.sock"))
            s.listen(128)
            s.setblocking(False)
    except OSError:
        for s in socks:
            s.close()
        shutil.rmtree(where, ignore_errors=True)
        raise
    return {"socks": socks, "token": os.urandom(16).hex(), "dir": where, "secret": os.urandom(32)}


def keep_own(share: dict, index: int) -> socket.socket:
    """After the fork: this process's copy of the other workers' listening sockets closed (their paths
    stay known). Held open, a dead worker's socket still took connections nobody read: a handoff to it
    waited for ever; closed, connecting to it is refused at once."""
    for i, s in enumerate(share["socks"]):
        if i != index:
            s.close()
    return share["socks"][index]


def remove(share: dict) -> None:
    shutil.rmtree(share["dir"], ignore_errors=True)


class Silent(Exception):
    """The worker handed to took the request and sent nothing back within the timeout."""


def timeout_for(cfg) -> float:
    """How long the worker handed to may take before its answer's first byte (and between two): the wait
    for the session and for a free upstream connection (upstream_pool_timeout each), the connect, the
    upstream's first byte (or its whole exchange, when upstream_total_timeout bounds it), and a margin."""
    upstream_part = max(cfg.upstream_timeout, cfg.upstream_total_timeout)
    return 2 * cfg.upstream_pool_timeout + cfg.upstream_connect_timeout + upstream_part + 5


class Handoff:
    def __init__(self, share: dict, index: int, timeout: float):
        """timeout: seconds without a byte from the worker handed to (it waits for the session and the
        upstream within that): then the client's answer is a 502, not a wait for ever."""
        self.own = share["socks"][index]
        self.token = share["token"]
        where = share["dir"]
        self.others = [os.path.join(where, f"worker-{i}.sock") for i in range(len(share["socks"])) if i != index]
        self.timeout = timeout
        self._clients = {}  # socket path -> aiohttp.ClientSession

    def handed(self, request) -> bool:
        """Whether this request was handed over by another worker (it carries the token)."""
        mark = request.headers.get(HEADER)
        return mark is not None and hmac.compare_digest(mark.encode(), self.token.encode())

    def digest(self, request) -> Optional[bytes]:
        """The client digest a handed-over request carries (handed() checked first)."""
        try:
            digest = bytes.fromhex(request.headers.get(CLIENT, ""))
        except ValueError:
            return None
        return digest or None

    def _client(self, path: str) -> aiohttp.ClientSession:
        c = self._clients.get(path)
        if c is None:
            c = self._clients[path] = aiohttp.ClientSession(
                connector=aiohttp.UnixConnector(path=path), auto_decompress=False,
                timeout=aiohttp.ClientTimeout(total=None, sock_connect=5, sock_read=self.timeout))
        return c

    async def forward(self, request, body: bytes, client: bytes) -> Optional[web.StreamResponse]:
        """The answer of the worker that keeps the request's conversation, relayed to the client; None
        when no other worker keeps it. client: the request's vault digest (Proxy._client)."""
        headers = [(k, v) for k, v in request.headers.items()
                   if k.lower() not in upstream.HOP_BY_HOP and k.lower() not in ("content-length", "host")]
        headers += [(HEADER, self.token), (CLIENT, client.hex())]
        for path in self.others:
            try:
                resp = await self._client(path).request(request.method, "http://worker" + request.rel_url.raw_path_qs,
                                                        data=body or None, headers=headers)
            except asyncio.TimeoutError:  # (it took the request and said nothing: it may have sent it upstream)
                raise Silent() from None
            except (aiohttp.ClientError, OSError):
                continue  # (a worker stopping)
            if resp.headers.get(NOT_KEPT):
                resp.release()
                continue
            out = web.StreamResponse(status=resp.status, headers=upstream.response_headers(resp.headers, True))
            if request.version >= (1, 1):
                out.enable_chunked_encoding()
            try:
                await out.prepare(request)
                try:
                    async for chunk in resp.content.iter_any():
                        await out.write(chunk)
                except (aiohttp.ClientError, asyncio.TimeoutError):
                    request.protocol.force_close()  # cut there, as the keeping worker cut it: never a clean end
                    return out
                await out.write_eof()
            except ConnectionError:  # the client went away
                request.protocol.force_close()
            finally:
                resp.release()
            return out
        return None

    async def close(self) -> None:
        for c in self._clients.values():
            await c.close()
        self._clients.clear()
        self.own.close()
