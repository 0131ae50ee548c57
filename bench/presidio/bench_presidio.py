#!/usr/bin/python3
"""Throughput and latency of sanctumcore.presidio's POST /analyze, driven the way LiteLLM's presidio
guardrail drives Presidio: aiohttp clients posting {"text", "language": "en"}, N at once.

usage: /usr/bin/python3 bench/presidio/bench_presidio.py [BUILD_DIR] [--clients 8] [--seconds 5]

The server runs as its own process (`python3 -m sanctumcore.presidio`, as deployed); this process only
generates load. There is no Presidio container on this machine (no Docker, no registry for its spaCy
model), so the peer column is the figure the issue quotes for Presidio in Docker: tens to hundreds of
milliseconds for a short text."""
from __future__ import annotations

import argparse
import asyncio
import os
import pathlib
import random
import shutil
import socket
import statistics
import subprocess
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
PKG = ROOT / "bindings" / "python"


def stage(build: pathlib.Path) -> pathlib.Path:
    """The package and its cffi extension, built against BUILD_DIR's library (as run_tests.py does)."""
    out = build / "python"
    shutil.copytree(PKG / "sanctumcore", out / "sanctumcore", dirs_exist_ok=True,
                    ignore=shutil.ignore_patterns("__pycache__", "*.so"))
    os.environ["SANCTUM_BUILD_DIR"] = str(build)
    sys.path.insert(0, str(PKG))
    import sanctumcore_build
    sanctumcore_build.ffibuilder.compile(tmpdir=str(out), verbose=False)
    return out


WORDS = ("the meeting notes say we should ship the release on friday after the review of open issues and the "
         "load test results from staging look fine but the cache layer needs another pass before we merge").split()
PII = ("Jane Doe", "jane.doe@example.com", "call (212) 555-0147", "card 4111 1111 1111 1111",
       "SSN 536-22-1234", "IBAN GB82 WEST 1234 5698 7654 32", "Dr. Alan Turing", "+44 20 7946 0958")


def make_text(size: int, seed: int) -> str:
    """Chat-like prose with a personal value every ~25 words, cut to size bytes (ASCII)."""
    rng = random.Random(seed)
    parts, n = [], 0
    while n < size:
        w = rng.choice(PII) if rng.random() < 0.04 else rng.choice(WORDS)
        parts.append(w)
        n += len(w) + 1
    return " ".join(parts)[:size]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


async def wait_up(url: str, session) -> None:
    for _ in range(200):
        try:
            async with session.get(url + "/health") as r:
                if r.status == 200:
                    return
        except OSError:
            pass
        await asyncio.sleep(0.05)
    raise SystemExit("server did not start")


async def load(url: str, text: str, clients: int, seconds: float) -> tuple:
    import aiohttp
    payload = {"text": text, "language": "en"}
    latencies, errors = [], 0
    async with aiohttp.ClientSession() as session:
        await wait_up(url, session)
        async def one():
            nonlocal errors
            t = time.perf_counter()
            async with session.post(url + "/analyze", json=payload, headers={"Accept": "application/json"}) as r:
                body = await r.json()
                if r.status != 200 or not isinstance(body, list):
                    errors += 1
            return time.perf_counter() - t
        for _ in range(clients * 5):  # warm up
            await one()
        stop = time.perf_counter() + seconds

        async def client():
            while time.perf_counter() < stop:
                latencies.append(await one())
        start = time.perf_counter()
        await asyncio.gather(*(client() for _ in range(clients)))
        elapsed = time.perf_counter() - start
    return len(latencies) / elapsed, latencies, errors


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("build", nargs="?", default=str(ROOT / "build" / "release"))
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--seconds", type=float, default=5.0)
    ap.add_argument("--workers", type=int, default=2, help="server threads running core calls")
    args = ap.parse_args()
    staged = stage(pathlib.Path(args.build).resolve())
    port = free_port()
    env = dict(os.environ, PYTHONPATH=str(staged))
    server = subprocess.Popen([sys.executable, "-m", "sanctumcore.presidio", "--analyzer", f"127.0.0.1:{port}",
                               "--workers", str(args.workers)], env=env, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    print(f"POST /analyze, {args.clients} concurrent aiohttp clients, {args.seconds:g} s per size, "
          f"server: python3 -m sanctumcore.presidio --workers {args.workers} ({os.cpu_count()} CPUs, shared)")
    print(f"{'text':>6} {'clients':>7} {'req/s':>8} {'median ms':>10} {'p90 ms':>8} {'p99 ms':>8} {'errors':>6}   "
          f"peer: Presidio in Docker, 10-100+ ms per short text (issue's figure)")
    try:
        for size in (1024, 16384):
            text = make_text(size, size)
            for clients in (args.clients, 1):
                rps, lat, errors = asyncio.run(load(url, text, clients, args.seconds))
                lat.sort()
                med = statistics.median(lat) * 1e3
                p90, p99 = lat[int(len(lat) * 0.9)] * 1e3, lat[int(len(lat) * 0.99)] * 1e3
                print(f"{size // 1024:>4}Ki {clients:>7} {rps:>8.0f} {med:>10.2f} {p90:>8.2f} {p99:>8.2f} {errors:>6}   "
                      f"10 ms is {10 / med:.1f}x our median, 100 ms {100 / med:.0f}x")
    finally:
        server.terminate()
        server.wait(10)
    print(f"load average during the run: {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("No Presidio container runs here (no Docker, no registry for its images or spaCy model): the peer "
          "column is the issue's figure, not a measurement from this run. With several clients the median "
          "includes queueing behind the other requests; the 1-client row is the service time.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
