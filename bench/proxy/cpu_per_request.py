"""The proxy's CPU time per request, the working figure for making it cheaper (a shared machine moves
latency a lot and CPU time little): a fake provider and one proxy process, wrk posting 4 KiB chat
requests to the pass route then the scrub route, the proxy's user+system time from /proc divided by the
requests served, beside the provider's. --profile FILE runs the proxy under cProfile and prints its top
functions per route. --delay-ms D makes the provider answer after D ms, as a real one does: the rate is
then about clients / D (640 requests a second for 32 clients at 50 ms, bursts of 32 in step), where each
request tends to be alone in its event-loop turn and pays the loop's fixed costs by itself.

    .venv/bin/python bench/proxy/cpu_per_request.py [--duration S] [--clients N] [--delay-ms D]
                                                    [--workers N] [--profile FILE]
"""
from __future__ import annotations

import argparse
import pathlib
import pstats
import signal
import subprocess
import sys
import tempfile

sys.path.insert(0, str(pathlib.Path(__file__).resolve().parent))
import bench_proxy as bp  # noqa: E402


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--duration", type=int, default=5)
    p.add_argument("--clients", type=int, default=8)
    p.add_argument("--delay-ms", type=float, default=0.0, help="the provider's time to answer")
    p.add_argument("--workers", type=int, default=1, help="the proxy's worker processes")
    p.add_argument("--size", type=int, default=4096, help="chat request size in bytes")
    p.add_argument("--log-level", default="INFO", help="the proxy's (INFO, its default, logs a line per request)")
    p.add_argument("--profile", help="write a cProfile of the proxy here (one file per route)")
    args = p.parse_args()
    body = bp.chat_body(args.size)
    print(f"proxy CPU per request: {len(body)}-byte chat requests, wrk -c{args.clients} -d{args.duration}s, "
          f"provider delay {args.delay_ms:g} ms, {args.workers} worker(s), log level {args.log_level}{', under cProfile' if args.profile else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        lua = pathlib.Path(tmp, "post.lua")
        lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                       f"wrk.body = {bp.json.dumps(body.decode())}\n")
        up = bp.start([sys.executable, str(bp.FAKE), "--delay-ms", str(args.delay_ms)])
        try:
            up_port = int(up.stdout.readline())
            bp.wait_port(up_port)
            for name in ("pass", "scrub"):
                with bp.socket_port() as port:
                    pass
                cfg = pathlib.Path(tmp, "proxy.toml")
                cfg.write_text(f'listen = "127.0.0.1:{port}"\nworkers = {args.workers}\n\n[[route]]\nname = "r"\n'
                               f'upstream = "http://127.0.0.1:{up_port}/v1"\npolicy = "{name}"\n')
                prof = f"{args.profile}.{name}" if args.profile else None
                cmd = [sys.executable] + (["-m", "cProfile", "-o", prof] if prof else []) + \
                      ["-m", "sanctumcore.proxy", "--config", str(cfg), "--log-level", args.log_level]
                proxy = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
                try:
                    bp.wait_port(port)
                    bp.wrk(f"http://127.0.0.1:{port}/v1/chat/completions", str(lua), 1, 1)  # warm up
                    before, up_before = bp.cpu_seconds([proxy.pid]), bp.cpu_seconds([up.pid])
                    r = bp.wrk_clients(f"http://127.0.0.1:{port}/v1/chat/completions", str(lua), args.duration,
                                       args.clients)
                    used = bp.cpu_seconds([proxy.pid]) - before
                    up_used = bp.cpu_seconds([up.pid]) - up_before
                    n = r["rps"] * args.duration
                    print(f"  {name:6} {used / n * 1e6:6.0f} us CPU/request ({n:.0f} requests, {r['rps']:.0f} req/s, "
                          f"p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, non-2xx {r['non2xx']}; "
                          f"provider {up_used / n * 1e6:.0f} us/request)")
                finally:
                    proxy.send_signal(signal.SIGINT)
                    proxy.wait(20)
                if prof:
                    pstats.Stats(prof).sort_stats("tottime").print_stats(25)
        finally:
            up.send_signal(signal.SIGTERM)
            up.wait(10)
    return 0


if __name__ == "__main__":
    sys.exit(main())
