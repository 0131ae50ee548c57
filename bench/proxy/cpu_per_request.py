"""The proxy's CPU time per request, the working figure for making it cheaper (a shared machine moves
latency a lot and CPU time little): a fake provider and one proxy process, wrk posting 4 KiB chat
requests to the pass route then the scrub route, the proxy's user+system time from /proc divided by the
requests served. --profile FILE runs the proxy under cProfile and prints its top functions per route.

    .venv/bin/python bench/proxy/cpu_per_request.py [--duration S] [--clients N] [--profile FILE]
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
    p.add_argument("--size", type=int, default=4096, help="chat request size in bytes")
    p.add_argument("--log-level", default="INFO", help="the proxy's (INFO, its default, logs a line per request)")
    p.add_argument("--profile", help="write a cProfile of the proxy here (one file per route)")
    args = p.parse_args()
    body = bp.chat_body(args.size)
    print(f"proxy CPU per request: {len(body)}-byte chat requests, wrk -c{args.clients} -d{args.duration}s, "
          f"provider delay 0, 1 worker, log level {args.log_level}{', under cProfile' if args.profile else ''}")
    with tempfile.TemporaryDirectory() as tmp:
        lua = pathlib.Path(tmp, "post.lua")
        lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                       f"wrk.body = {bp.json.dumps(body.decode())}\n")
        up = bp.start([sys.executable, str(bp.FAKE)])
        try:
            up_port = int(up.stdout.readline())
            bp.wait_port(up_port)
            for name in ("pass", "scrub"):
                with bp.socket_port() as port:
                    pass
                cfg = pathlib.Path(tmp, "proxy.toml")
                cfg.write_text(f'listen = "127.0.0.1:{port}"\nworkers = 1\n\n[[route]]\nname = "r"\n'
                               f'upstream = "http://127.0.0.1:{up_port}/v1"\npolicy = "{name}"\n')
                prof = f"{args.profile}.{name}" if args.profile else None
                cmd = [sys.executable] + (["-m", "cProfile", "-o", prof] if prof else []) + \
                      ["-m", "sanctumcore.proxy", "--config", str(cfg), "--log-level", args.log_level]
                proxy = subprocess.Popen(cmd, stderr=subprocess.DEVNULL)
                try:
                    bp.wait_port(port)
                    bp.wrk(f"http://127.0.0.1:{port}/v1/chat/completions", str(lua), 1, 1)  # warm up
                    before = bp.cpu_seconds([proxy.pid])
                    r = bp.wrk_clients(f"http://127.0.0.1:{port}/v1/chat/completions", str(lua), args.duration,
                                       args.clients)
                    used = bp.cpu_seconds([proxy.pid]) - before
                    n = r["rps"] * args.duration
                    print(f"  {name:6} {used / n * 1e6:6.0f} us CPU/request ({n:.0f} requests, {r['rps']:.0f} req/s, "
                          f"non-2xx {r['non2xx']})")
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
