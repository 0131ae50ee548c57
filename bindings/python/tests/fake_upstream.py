"""A fake LLM provider on loopback (aiohttp) for the proxy tests, the SDK test and bench/proxy. It records
every request it receives (bodies as sent, never decompressed) and the connections they came on, and
answers with what the test queued: a JSON body, an SSE stream sent in given pieces, a stream that dies
half-way, or a dropped connection.

    python3 fake_upstream.py [--port N] [--delay-ms D [--jitter-ms J --dist uniform|lognormal --seed S]]
                             [--planted VALUE]...
        # standalone (bench): fixed chat answer; GET /__stats gives {"connections": N, "requests": N,
        # "planted": N}, planted counting the bodies that held one of the --planted values; with
        # --jitter-ms each answer's delay is drawn (seeded): uniform in D +- J, or lognormal with mean D
        # and standard deviation J, the sequence starting over at each GET /__reseed
"""
from __future__ import annotations

import argparse
import asyncio
import json
import socket
import threading

from aiohttp import web

CHAT_ANSWER = json.dumps({"id": "c1", "object": "chat.completion", "model": "m", "choices": [
    {"index": 0, "message": {"role": "assistant", "content": "Hello <PERSON_1>, noted."},
     "finish_reason": "stop"}], "usage": {"prompt_tokens": 9, "completion_tokens": 4, "total_tokens": 13}}).encode()

CHAT_STREAM = [b"data: " + json.dumps({"id": "c1", "object": "chat.completion.chunk", "choices": [
    {"index": 0, "delta": {"content": piece}}]}).encode() + b"\n\n" for piece in ("Hello", " <PERSON_1>", ", noted.")]
CHAT_STREAM.append(b"data: [DONE]\n\n")


def dead_url() -> str:
    """An http URL on a loopback port nothing listens on."""
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return f"http://127.0.0.1:{s.getsockname()[1]}"


class Recorded:
    def __init__(self, method, path, headers, body):
        self.method, self.path, self.headers, self.body = method, path, headers, body
        self.answer = b""


class FakeUpstream:
    """answer: (kind, status, payload) used for every request unless `answers` (a list consumed in
    order) has one; either may also be a function (method, path, body) -> answer. kinds: json (bytes), sse (list of byte pieces), sse-die (pieces, then the connection
    drops), drop (connection closed before any answer); an optional 4th item is extra headers."""

    def __init__(self, delay: float = 0.0, port: int = 0, thread: bool = True):
        self.requests = []
        self.answers = []
        self.answer = ("json", 200, b'{"ok": true}')
        self.peers = set()
        self.reseed = None  # a function making a fresh delay function (drawn delays, standalone)
        self.abandoned = 0  # delayed requests whose connection was closed before they were answered
        self.delay = delay
        self.sse_gap = 0.002  # seconds between the pieces of a streamed answer
        self._port = port
        self.loop = None
        if thread:
            self.loop = asyncio.new_event_loop()
            self.thread = threading.Thread(target=self.loop.run_forever, daemon=True)
            self.thread.start()
            asyncio.run_coroutine_threadsafe(self.start(), self.loop).result(10)

    async def start(self):
        self.runner = web.ServerRunner(web.Server(self._handle, access_log=None, auto_decompress=False), handle_signals=False)
        await self.runner.setup()
        site = web.TCPSite(self.runner, "127.0.0.1", self._port, backlog=1024)
        await site.start()
        self.port = site._server.sockets[0].getsockname()[1]
        self.url = f"http://127.0.0.1:{self.port}"

    async def _handle(self, request):
        body = await request.content.read()  # no size limit (the bench posts 1 MiB)
        self.peers.add(request.transport.get_extra_info("peername"))
        if request.path == "/__reseed":  # the drawn delays start over: each run sees the same sequence
            if self.reseed is not None:
                self.delay = self.reseed()
            return web.json_response({"reseeded": self.reseed is not None})
        if request.path == "/__stats":
            return web.json_response({"connections": len(self.peers), "requests": len(self.requests),
                                      "planted": getattr(self.requests, "planted", 0)})
        rec = Recorded(request.method, request.path_qs, dict(request.headers), body)
        self.requests.append(rec)
        delay = self.delay() if callable(self.delay) else self.delay
        if delay:
            await asyncio.sleep(delay)
            if request.transport is None or request.transport.is_closing():
                self.abandoned += 1  # the proxy closed the connection before the answer was ready
        answer = self.answers.pop(0) if self.answers else self.answer
        if callable(answer):
            answer = answer(request.method, request.path_qs, body)
        kind, status, payload, *extra = answer
        headers = extra[0] if extra else {}
        rec.answer = payload if kind == "json" else b"".join(payload) if kind != "drop" else b""
        if kind == "json":
            return web.Response(status=status, body=payload, content_type="application/json", headers=headers)
        if kind == "drop":
            request.transport.close()
            return web.Response(status=500)
        resp = web.StreamResponse(status=status, headers={"Content-Type": "text/event-stream", **headers})
        resp.enable_chunked_encoding()
        await resp.prepare(request)
        for piece in payload:
            try:
                await resp.write(piece)
            except ConnectionResetError:  # the proxy dropped the stream (its client went away): no traceback
                self.abandoned += 1
                return resp
            await asyncio.sleep(self.sse_gap)
        if kind == "sse-die":
            request.transport.close()  # no final chunk: the stream is cut
            return resp
        await resp.write_eof()
        return resp

    def close(self):
        if self.loop is not None and not self.loop.is_closed():
            asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
            self.loop.call_soon_threadsafe(self.loop.stop)
            self.thread.join(10)
            self.loop.close()


def main() -> None:
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, default=0)
    p.add_argument("--delay-ms", type=float, default=0.0)
    p.add_argument("--jitter-ms", type=float, default=0.0)
    p.add_argument("--dist", choices=("uniform", "lognormal"), default="lognormal")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--planted", action="append", default=[], help="count bodies holding this value")
    args = p.parse_args()

    async def run():
        delay = args.delay_ms / 1000
        if args.jitter_ms:
            delay = delays(args.delay_ms, args.jitter_ms, args.dist, args.seed)
        fake = FakeUpstream(delay=delay, port=args.port, thread=False)
        if args.jitter_ms:
            fake.reseed = lambda: delays(args.delay_ms, args.jitter_ms, args.dist, args.seed)
        fake.answer = lambda method, path, body: (
            ("sse", 200, CHAT_STREAM) if b'"stream":true' in body else ("json", 200, CHAT_ANSWER))
        await fake.start()
        fake.requests = _Counter([v.encode() for v in args.planted])  # standalone: count, keep no body
        print(fake.port, flush=True)
        await asyncio.Event().wait()

    try:
        import uvloop
        uvloop.install()
    except ImportError:
        pass
    asyncio.run(run())


def delays(mean_ms: float, jitter_ms: float, dist: str, seed: int):
    """A function drawing answer delays in seconds (seeded): uniform in mean +- jitter (never below 0),
    or lognormal with that mean and standard deviation (a long right tail, as providers have)."""
    import math
    import random

    rnd = random.Random(seed)
    if dist == "uniform":
        return lambda: max(0.0, rnd.uniform(mean_ms - jitter_ms, mean_ms + jitter_ms)) / 1000
    sigma = math.sqrt(math.log(1 + (jitter_ms / mean_ms) ** 2))
    mu = math.log(mean_ms) - sigma * sigma / 2
    return lambda: rnd.lognormvariate(mu, sigma) / 1000


class _Counter(list):
    def __init__(self, planted=()):
        super().__init__()
        self.values, self.n, self.planted = planted, 0, 0

    def append(self, item):
        self.n += 1
        if any(v in item.body for v in self.values):
            self.planted += 1

    def __len__(self):
        return getattr(self, "n", 0)


if __name__ == "__main__":
    main()
