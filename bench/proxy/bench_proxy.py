"""The proxy's load benchmark (bench/proxy/run starts it): wrk with 32 keep-alive clients posting 4 KiB
chat requests directly to a fake provider, then through the proxy's pass and scrub routes to the same
provider, in one run; then 1 MiB chat requests scrubbed vs direct. Prints the table and the targets."""
from __future__ import annotations

import argparse
import http.client
import json
import os
import pathlib
import re
import signal
import statistics
import subprocess
import sys
import tempfile
import time

ROOT = pathlib.Path(__file__).resolve().parents[2]
FAKE = ROOT / "bindings" / "python" / "tests" / "fake_upstream.py"
CLIENTS = 32
PLANTED = ("Jane Doe", "jane.doe", "555-1234")  # in every request chat_body makes; never past a scrub route


def chat_body(size: int) -> bytes:
    """A chat request of about `size` bytes: a system prompt, user turns with a few personal values,
    assistant turns, a tool call and its result (the mix the proxy sees from agents)."""
    turns = [{"role": "system", "content": "You are the house assistant. Answer briefly and cite the device."}]
    i = 0
    while len(json.dumps({"model": "m", "messages": turns})) < size - 200:
        i += 1
        turns.append({"role": "user", "content": f"Turn {i}: the thermostat in room {i} reads 21.5 C and the "
                      "humidity sensor says 40 percent; should the heat pump run tonight? Schedule it after 22:00."})
        turns.append({"role": "assistant", "content": f"For room {i}, keep the setpoint at 20 C overnight; the "
                      "forecast is mild and the heat pump is most efficient between 23:00 and 05:00."})
        if i % 6 == 1:
            turns.append({"role": "user", "content": f"Send the summary to Jane Doe at jane.doe{i}@example.com "
                          "or call (514) 555-1234."})
    body = json.dumps({"model": "m", "messages": turns}).encode()
    return body


def start(cmd, env=None) -> subprocess.Popen:
    return subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=env, text=True)


def wait_port(port: int, timeout: float = 15.0) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            c = http.client.HTTPConnection("127.0.0.1", port, timeout=1)
            c.request("GET", "/__stats")
            c.getresponse().read()
            c.close()
            return
        except OSError:
            time.sleep(0.1)
    raise SystemExit(f"nothing answers on port {port}")


def reseed(port: int) -> None:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/__reseed")
    c.getresponse().read()
    c.close()


def stats(port: int) -> dict:
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
    c.request("GET", "/__stats")
    data = json.loads(c.getresponse().read())
    c.close()
    return data


def cpu_seconds(pids) -> float:
    """User + system CPU time of the processes (and their worker children) so far, from /proc."""
    total = 0
    tick = os.sysconf("SC_CLK_TCK")
    seen = set()
    todo = list(pids)
    while todo:
        pid = todo.pop()
        if pid in seen:
            continue
        seen.add(pid)
        try:
            fields = pathlib.Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            total += int(fields[11]) + int(fields[12])
            todo += [int(c) for c in pathlib.Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
        except OSError:
            pass
    return total / tick


def wrk(url: str, lua: str, duration: int, threads: int) -> dict:
    return wrk_clients(url, lua, duration, CLIENTS, threads)


def wrk_clients(url: str, lua: str, duration: int, clients: int, threads: int = 1) -> dict:
    out = subprocess.run(["wrk", f"-t{threads}", f"-c{clients}", f"-d{duration}s", "--latency", "-s", lua, url],
                         capture_output=True, text=True, check=True).stdout

    def ms(label):
        m = re.search(rf"^\s+{label}\s+([\d.]+)(us|ms|s)\s*$", out, re.M)
        value = float(m.group(1))
        return value / 1000 if m.group(2) == "us" else value * 1000 if m.group(2) == "s" else value

    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", out).group(1))
    errors = re.search(r"Non-2xx or 3xx responses: (\d+)", out)
    sock = re.search(r"Socket errors: (.*)", out)
    return {"rps": rps, "p50": ms("50%"), "p99": ms("99%"), "non2xx": int(errors.group(1)) if errors else 0,
            "socket_errors": sock.group(1) if sock else ""}


def timed_posts(port: int, path: str, body: bytes, n: int) -> float:
    """Median milliseconds of n sequential POSTs on one keep-alive connection."""
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=60)
    samples = []
    for _ in range(n + 1):
        t = time.perf_counter()
        c.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        r.read()
        if r.status != 200:
            raise SystemExit(f"{path}: status {r.status}")
        samples.append((time.perf_counter() - t) * 1000)
    c.close()
    return statistics.median(samples[1:])


def first_event_ms(port: int, path: str, n: int) -> float:
    """Median milliseconds from sending a streamed chat request to reading its first SSE event."""
    body = json.dumps({"model": "m", "stream": True, "messages": [
        {"role": "user", "content": "Hello, I am Jane Doe."}]}, separators=(",", ":")).encode()
    c = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    samples = []
    for _ in range(n + 1):
        t = time.perf_counter()
        c.request("POST", path, body=body, headers={"Content-Type": "application/json"})
        r = c.getresponse()
        first = r.read1(65536)
        samples.append((time.perf_counter() - t) * 1000)
        if not first.startswith(b"data: "):
            raise SystemExit(f"{path}: no event first")
        r.read()
    c.close()
    return statistics.median(samples[1:])


def scenario_targets(runs: dict) -> list:
    """(label, figure, met) of the load targets for one provider scenario."""
    d, s = runs["direct"], runs["scrub"]
    conns = max(runs["pass"]["conns"], runs["scrub"]["conns"])
    return [("scrub throughput >= 0.8x direct", f"{s['rps'] / d['rps']:.2f}x", s["rps"] / d["rps"] >= 0.8),
            ("added median latency <= 1 ms", f"{s['p50'] - d['p50']:+.2f} ms", s["p50"] - d["p50"] <= 1.0),
            ("added p99 latency <= 5 ms", f"{s['p99'] - d['p99']:+.2f} ms", s["p99"] - d["p99"] <= 5.0),
            ("upstream connections <= one per client", f"{conns} new", conns <= CLIENTS)]


def print_table(title: str, runs: dict) -> list:
    d = runs["direct"]
    print(title)
    print(f"  {'path':8} {'req/s':>9} {'ratio':>6} {'p50 ms':>8} {'p99 ms':>8} {'+p50':>7} {'+p99':>7} "
          f"{'non-2xx':>8} {'upstream conns':>15} {'CPU us/req: provider':>21} {'proxy':>6}")
    for name, r in runs.items():
        print(f"  {name:8} {r['rps']:9.0f} {r['rps'] / d['rps']:6.2f} {r['p50']:8.2f} {r['p99']:8.2f} "
              f"{r['p50'] - d['p50']:7.2f} {r['p99'] - d['p99']:7.2f} {r['non2xx']:8d} {r.get('conns', '-'):>15} "
              f"{r['up_us']:21.0f} {r['proxy_us']:6.0f} {r['socket_errors']}")
    found = scenario_targets(runs)
    for label, figure, ok in found:
        print(f"  {'met ' if ok else 'MISS'} {label}: {figure}")
    return found


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--delay-ms", type=float, default=0.0, help="the fake provider's time to answer")
    p.add_argument("--jitter-ms", type=float, default=0.0,
                   help="also run against a second provider whose delays are drawn around --delay-ms with "
                   "this spread (seeded), so clients do not all wait in step; the constant-delay table stays")
    p.add_argument("--dist", choices=("uniform", "lognormal"), default="lognormal",
                   help="the drawn delays: uniform in D +- J, or lognormal with mean D and deviation J")
    p.add_argument("--seed", type=int, default=1)
    p.add_argument("--duration", type=int, default=8, help="seconds per wrk run")
    p.add_argument("--workers", type=int, default=0,
                   help="proxy processes (SO_REUSEPORT); 0, the proxy's default, is one per CPU available")
    p.add_argument("--threads", type=int, default=1, help="wrk threads")
    p.add_argument("--rounds", type=int, default=2, help="direct/pass/scrub rounds, interleaved; the best "
                   "of each is kept (the machine's other load hits every path alike)")
    args = p.parse_args()
    if args.jitter_ms and args.delay_ms <= 0:
        raise SystemExit("--jitter-ms needs --delay-ms > 0")

    procs = []
    planted = [a for v in PLANTED for a in ("--planted", v)]
    scenarios = [("constant", [])]
    if args.jitter_ms:
        scenarios.append(("jittered", ["--jitter-ms", str(args.jitter_ms), "--dist", args.dist,
                                       "--seed", str(args.seed)]))
    with tempfile.TemporaryDirectory() as tmp:
        try:
            ups = {}
            for name, extra in scenarios:
                up = start([sys.executable, str(FAKE), "--delay-ms", str(args.delay_ms)] + extra + planted)
                procs.append(up)
                ups[name] = (up, int(up.stdout.readline()))
                wait_port(ups[name][1])
            up, up_port = ups["constant"]
            with socket_port() as proxy_port:
                pass
            cfg = pathlib.Path(tmp, "proxy.toml")
            text = f'listen = "127.0.0.1:{proxy_port}"\nworkers = {args.workers}\nmax_body_bytes = 4_194_304\n'
            for name, (_, port) in ups.items():
                for policy in ("scrub", "pass"):
                    text += (f'\n[[route]]\nname = "{name}-{policy}"\nupstream = "http://127.0.0.1:{port}/v1"\n'
                             f'policy = "{policy}"\npaths = ["/{name}/{policy}/chat/completions"]\n')
            cfg.write_text(text)
            proxy = subprocess.Popen([sys.executable, "-m", "sanctumcore.proxy", "--config", str(cfg),
                                      "--log-level", "INFO"], stderr=subprocess.DEVNULL)  # its default: a line per request
            procs.append(proxy)
            wait_port(proxy_port)  # /__stats is forwarded (no route: 404), which is an answer

            body = chat_body(4096)
            lua = pathlib.Path(tmp, "post.lua")
            lua.write_text('wrk.method = "POST"\nwrk.headers["Content-Type"] = "application/json"\n'
                           f"wrk.body = {json.dumps(body.decode())}\n")
            base = "http://127.0.0.1"
            tables = {name: {} for name, _ in scenarios}
            non2xx = {"pass": 0, "scrub": 0}  # over every round, not only the kept ones
            leaked = 0  # scrubbed requests whose body reached the provider with a planted value
            seen_on_pass = 0  # the same count on the pass route: shows the counter sees them

            def measured(url, provider):
                """wrk's figures plus the CPU time the provider and the proxy spent per request: a figure
                the machine's other load does not move much."""
                up_cpu, proxy_cpu = cpu_seconds([provider.pid]), cpu_seconds([proxy.pid])
                r = wrk(url, str(lua), args.duration, args.threads)
                n = r["rps"] * args.duration
                r["up_us"] = (cpu_seconds([provider.pid]) - up_cpu) / n * 1e6
                r["proxy_us"] = (cpu_seconds([proxy.pid]) - proxy_cpu) / n * 1e6
                return r

            for _ in range(args.rounds):
                for scen, (provider, port) in ups.items():
                    runs = tables[scen]

                    def keep(name, r):
                        if name not in runs or r["rps"] > runs[name]["rps"]:
                            runs[name] = r

                    reseed(port)  # drawn delays: every run gets the same sequence
                    keep("direct", measured(f"{base}:{port}/v1/chat/completions", provider))
                    for policy in ("pass", "scrub"):
                        reseed(port)
                        before = stats(port)
                        r = measured(f"{base}:{proxy_port}/{scen}/{policy}/chat/completions", provider)
                        after = stats(port)
                        # new provider connections during the run, less the next stats request's own
                        r["conns"] = after["connections"] - before["connections"] - 1
                        non2xx[policy] += r["non2xx"]
                        if policy == "scrub":
                            leaked += after["planted"] - before["planted"]
                        else:
                            seen_on_pass += after["planted"] - before["planted"]
                        keep(policy, r)
            ttft_direct = first_event_ms(up_port, "/v1/chat/completions", 30)
            before = stats(up_port)["planted"]
            ttft_scrub = first_event_ms(proxy_port, "/constant/scrub/chat/completions", 30)
            leaked += stats(up_port)["planted"] - before
            big = chat_body(1 << 20)
            big_direct = timed_posts(up_port, "/v1/chat/completions", big, 10)
            big_pass = timed_posts(proxy_port, "/constant/pass/chat/completions", big, 10)
            before = stats(up_port)["planted"]
            big_scrub = timed_posts(proxy_port, "/constant/scrub/chat/completions", big, 10)
            leaked += stats(up_port)["planted"] - before
        finally:
            for proc in procs:
                proc.send_signal(signal.SIGTERM)
            for proc in procs:
                try:
                    proc.wait(10)
                except subprocess.TimeoutExpired:
                    proc.kill()

    workers = args.workers or f"auto ({len(os.sched_getaffinity(0))})"
    print(f"bench/proxy: {CLIENTS} keep-alive clients (wrk -t{args.threads}), {len(body)}-byte chat requests, "
          f"{args.duration} s per run, best of {args.rounds} interleaved rounds, proxy workers {workers}, "
          f"uvloop {'yes' if has_uvloop() else 'no'}, load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    found = print_table(f"provider delay {args.delay_ms:g} ms, constant (every client waits in step):",
                        tables["constant"])
    if args.jitter_ms:
        found += print_table(f"provider delay {args.delay_ms:g} ms mean, {args.dist} with {args.jitter_ms:g} ms "
                             f"deviation, seed {args.seed} (clients drift apart, as with a real provider):",
                             tables["jittered"])
    print(f"1 MiB request ({len(big)} bytes), median of 10, constant provider: direct {big_direct:.1f} ms, "
          f"passed {big_pass:.1f} ms, scrubbed {big_scrub:.1f} ms")
    print(f"  {'met ' if big_scrub <= 2 * big_direct else 'MISS'} 1 MiB scrubbed <= 2x direct: "
          f"{big_scrub / big_direct:.2f}x")
    print(f"first SSE event, median of 30: direct {ttft_direct:.2f} ms, scrubbed {ttft_scrub:.2f} ms")
    print(f"  {'met ' if ttft_scrub - ttft_direct <= 1.0 else 'MISS'} first streamed event within 1 ms of "
          f"direct: {ttft_scrub - ttft_direct:+.2f} ms")
    # Correctness, not speed: a run with errors or a leak measured nothing worth keeping.
    checks = [(f"no non-2xx answers through the proxy (pass {non2xx['pass']}, scrub {non2xx['scrub']})",
               non2xx["pass"] == 0 and non2xx["scrub"] == 0),
              (f"no planted value reached the provider from a scrub route ({leaked} bodies did; "
               f"{seen_on_pass} from the pass route)", leaked == 0 and seen_on_pass > 0)]
    for label, ok in checks:
        print(f"  {'ok  ' if ok else 'FAIL'} {label}")
    return 0 if all(ok for _, ok in checks) else 1


def has_uvloop() -> bool:
    try:
        import uvloop  # noqa: F401
        return True
    except ImportError:
        return False


class socket_port:
    """A free loopback port (bound and released)."""

    def __enter__(self):
        import socket
        self.s = socket.socket()
        self.s.bind(("127.0.0.1", 0))
        return self.s.getsockname()[1]

    def __exit__(self, *exc):
        self.s.close()


if __name__ == "__main__":
    sys.exit(main())
