"""sanctum-proxy (or python -m sanctumcore.proxy): run the proxy from a TOML file or single-route flags."""
from __future__ import annotations

import argparse
import asyncio
import errno
import logging
import os
import signal
import socket
import sys
import traceback

from .._core import version_line as _version_line
from . import balance, config as configmod, handoff, logs
from .server import Proxy

STOP_SIGNALS = (signal.SIGINT, signal.SIGTERM)  # stop gracefully: the requests in flight end
LIMIT_FLAGS = {name: name.replace("_", "-") for name in configmod.LIMITS}


def build_config(args) -> configmod.Config:
    if args.config:
        if args.upstream or args.policy:
            raise configmod.ConfigError("give --config or --upstream/--policy, not both")
        cfg = configmod.load(args.config)
    elif not args.upstream and not args.policy and (args.presidio_analyzer or args.presidio_anonymizer):
        cfg = configmod.Config()  # only the Presidio-compatible services (set below), no proxy route
    else:
        if not args.upstream or not args.policy:
            raise configmod.ConfigError("without --config, --upstream and --policy are required "
                                        "(or only --presidio-analyzer/--presidio-anonymizer)")
        route = {"name": "default", "upstream": args.upstream, "policy": args.policy}
        if args.api_key_env:
            route["api_key_env"] = args.api_key_env
        if args.threshold is not None:
            route["threshold"] = args.threshold
        if args.scrub_system:
            route["scrub_system"] = True
        if args.pass_header:
            route["pass_headers"] = args.pass_header
        if args.keep_header:
            route["keep_headers"] = args.keep_header
        if args.allow_attachments:
            route["allow_attachments"] = True
        cfg = configmod.from_dict({"route": [route]}, "flags")
    if args.listen:
        cfg.listen_host, cfg.listen_port = configmod.parse_listen(args.listen)
    for name in configmod.LIMITS:
        value = getattr(args, name)
        if value is not None:
            configmod.set_limit(cfg, name, value, "flags")
    if args.presidio_analyzer or args.presidio_anonymizer:
        configmod.set_presidio(cfg, {k: v for k, v in (("analyzer", args.presidio_analyzer),
                                                        ("anonymizer", args.presidio_anonymizer)) if v}, "flags")
    # sanctumcore.presidio's own options, as `python3 -m sanctumcore.presidio` takes them
    options = {k: v for k, v in (("default_operator", args.default_operator),
                                 ("vault_key_file", args.vault_key_file)) if v}
    if options:
        if not cfg.presidio.get("anonymizer"):
            raise configmod.ConfigError("--default-operator and --vault-key-file set the Presidio-compatible "
                                        "anonymizer: give --presidio-anonymizer (or [presidio] anonymizer =)")
        configmod.set_presidio(cfg, options, "flags")
    return cfg


def check_credentials(cfg: configmod.Config) -> None:
    """Every route's key is readable now (an unset variable, a missing or unreadable file, an empty key),
    so the proxy does not start only to answer 502 to every request. ConfigError names the route and the
    variable or file, never the key."""
    for route in cfg.routes:
        if (route.api_key_env or route.api_key_file) and not route.api_key():
            raise configmod.ConfigError(f"route {route.name}: the api key is empty")


def raise_open_file_limit(cfg: configmod.Config) -> None:
    """Raises the soft limit on open files (often 1024 from a login shell or systemd) toward what
    max_connections needs (each client connection may hold an upstream one too), as far as the hard
    limit allows: below it, accept() fails (EMFILE) before max_connections is reached, and asyncio
    stops accepting for a while, so a crowd of idle connections starves every other client instead of
    getting its 503."""
    try:
        import resource
    except ImportError:
        return
    listeners = 1 + sum(1 for k in ("analyzer", "anonymizer") if cfg.presidio.get(k))
    wanted = (listeners + 1) * cfg.max_connections + 256
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft == resource.RLIM_INFINITY or soft >= wanted:
        return
    new = wanted if hard == resource.RLIM_INFINITY else min(hard, wanted)
    if new > soft:
        try:
            resource.setrlimit(resource.RLIMIT_NOFILE, (new, hard))
        except (ValueError, OSError):
            return
    if new < wanted:
        logging.getLogger("sanctumcore.proxy").warning(
            "open-file limit %d is below the %d that max_connections = %d needs (raise LimitNOFILE / ulimit -Hn)",
            new, wanted, cfg.max_connections)


def log_handler(path: str) -> logging.FileHandler:
    """Appends to the log file, created readable by its owner only (0600)."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600))
    return logging.FileHandler(path)


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="sanctum-proxy", description=__doc__)
    p.add_argument("--version", action="version", version=_version_line("sanctum-proxy"))
    p.add_argument("--config", help="TOML configuration file")
    p.add_argument("--listen", help="HOST:PORT to bind (default 127.0.0.1:4040)")
    p.add_argument("--upstream", help="single route: the provider's base URL")
    p.add_argument("--policy", choices=configmod.POLICIES, help="single route: scrub, pass or local")
    p.add_argument("--api-key-env", help="single route: environment variable holding the upstream key")
    p.add_argument("--threshold", type=float, help="single route: detector threshold (default 0.7)")
    p.add_argument("--scrub-system", action="store_true", help="single route: scan system text too")
    p.add_argument("--pass-header", action="append", help="single route: a header forwarded even when it looks personal")
    p.add_argument("--allow-attachments", action="store_true",
                   help="single route: forward base64 attachments the detector cannot read (default: 415)")
    p.add_argument("--keep-header", action="append",
                   help="single route: an identifying header (X-Forwarded-For, Cookie, ...) forwarded, not dropped")
    for name, flag in LIMIT_FLAGS.items():
        kind = configmod.LIMITS[name][0]
        default = "0: one process per CPU" if name == "workers" else configmod.LIMITS[name][1]
        p.add_argument(f"--{flag}", dest=name, type=kind, help=f"default {default}")
    p.add_argument("--presidio-analyzer", metavar="HOST:PORT", help="also serve a Presidio-compatible analyzer")
    p.add_argument("--presidio-anonymizer", metavar="HOST:PORT", help="also serve a Presidio-compatible anonymizer")
    p.add_argument("--default-operator", choices=("replace", "sanctum"),
                   help="Presidio anonymizer: operator for entities a request gives none (default replace)")
    p.add_argument("--vault-key-file", metavar="FILE",
                   help="Presidio anonymizer: key sealing sanctum mappings: 32 bytes, or 64 hex digits as "
                        "sanctum's vault.key; mode 0600 (default: random per run)")
    p.add_argument("--log-level", default="INFO")
    return p


def _ended(status: int) -> str:
    if os.WIFSIGNALED(status):
        return f"killed by signal {os.WTERMSIG(status)}"
    return f"exit status {os.waitstatus_to_exitcode(status)}"


async def _serve(cfg, share, workers=(), parent=None) -> int:
    """workers: a list of the pids of the other worker processes (the first process only). When one ends while
    this one serves, the proxy stops: its share of the connections would go unserved, and its count
    (balance.py) would make every new connection wait RETRY. A worker asked to stop (exit status 0)
    stops the proxy with status 0; one that died, 1, so that systemd (Restart=on-failure) starts it again.
    parent: the first process's pid (a worker only). When it ends (killed, say), the worker stops as on
    SIGTERM, with status 1: left serving, it would hold the port and a restart could not bind it."""
    proxy = Proxy(cfg)
    await proxy.start(**share)
    log = logging.getLogger("sanctumcore.proxy")
    if cfg.routes:
        log.info("listening on %s:%s with %d route(s), pid %d", cfg.listen_host, proxy.port, len(cfg.routes),
                 os.getpid())
    for key in ("analyzer", "anonymizer"):
        if cfg.presidio.get(key):
            log.info("Presidio-compatible %s on %s, pid %d", key, cfg.presidio[key], os.getpid())
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in STOP_SIGNALS:
        loop.add_signal_handler(sig, stop.set)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, STOP_SIGNALS)  # (held while starting: main) taken now
    status = 0

    def reap() -> None:
        nonlocal status
        for pid in list(workers):
            try:
                done, how = os.waitpid(pid, os.WNOHANG)
            except ChildProcessError:
                continue
            if done:
                workers.remove(pid)  # (reaped: its pid may be another process's soon)
            if done and not stop.is_set():
                failed = not os.WIFEXITED(how) or os.WEXITSTATUS(how) != 0
                status = status or int(failed)
                (log.error if failed else log.info)(
                    "worker pid %d ended (%s): sanctum-proxy stops%s", pid, _ended(how),
                    " with status 1" if failed else "")
                stop.set()

    def orphaned(ended: bool = False) -> None:
        nonlocal status
        if (ended or os.getppid() != parent) and not stop.is_set():
            status = 1
            log.error("the first process (pid %d) ended: worker pid %d stops", parent, os.getpid())
            stop.set()

    pidfds = []  # readable when the worker ends (uvloop keeps SIGCHLD to itself)
    for pid in workers:
        try:
            pidfds.append(os.pidfd_open(pid))
            loop.add_reader(pidfds[-1], reap)
        except (AttributeError, OSError):  # (no pidfd: Linux before 5.3) a look every second
            poll = lambda: (reap(), stop.is_set() or loop.call_later(1, poll))  # noqa: E731
            loop.call_later(1, poll)
            break
    if parent is not None:
        try:
            pidfds.append(os.pidfd_open(parent))
            loop.add_reader(pidfds[-1], orphaned, True)
        except (AttributeError, OSError):  # (no pidfd, or it ended already) a look every second
            watch = lambda: (orphaned(), stop.is_set() or loop.call_later(1, watch))  # noqa: E731
            loop.call_later(1, watch)
        orphaned()  # (it ended before the watch was there: this process has another parent now)
    reap()  # (one that ended before the readers were there)
    try:
        await stop.wait()
    finally:
        for fd in pidfds:
            loop.remove_reader(fd)
            os.close(fd)
        for pid in workers:  # (not reaped: still theirs) they let their requests end beside this one's
            try:
                os.kill(pid, signal.SIGTERM)
            except OSError:
                pass
        await proxy.stop()
    return status


def _run(cfg, share=None, workers=(), parent=None) -> int:
    """share: the listening sockets the workers share, and this worker's place (Proxy.start); workers:
    the other workers' pids, parent: the first process's (_serve). Returns the exit status."""
    share = share or {}
    try:
        import uvloop  # Debian's python3-uvloop, when installed: a faster event loop
    except ImportError:
        return asyncio.run(_serve(cfg, share, workers, parent))
    with asyncio.Runner(loop_factory=uvloop.new_event_loop) as runner:
        return runner.run(_serve(cfg, share, workers, parent))


def _shared_listeners(host: str, port: int, backlog: int) -> list:
    """Listening sockets for host:port, made before the workers fork so that they all accept from the
    same queue (balance.py: connections spread evenly, where SO_REUSEPORT's hash of the addresses split
    32 connections 19/13 as often as 16/16)."""
    socks = []
    try:
        for family, kind, proto, _, addr in socket.getaddrinfo(host or None, port, type=socket.SOCK_STREAM,
                                                               flags=socket.AI_PASSIVE):
            if any(s.family == family and s.getsockname()[:2] == addr[:2] for s in socks):
                continue
            s = socket.socket(family, kind, proto)
            socks.append(s)
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # as asyncio's: TIME_WAIT is no user
            if family == socket.AF_INET6:
                s.setsockopt(socket.IPPROTO_IPV6, socket.IPV6_V6ONLY, 1)
            s.bind(addr)
            s.listen(backlog)
            s.setblocking(False)
    except OSError:
        for s in socks:
            s.close()
        raise
    return socks


def main(argv=None) -> int:
    args = parser().parse_args(argv)
    handler = logs.TurnHandler(sys.stderr)  # basicConfig's, written once per event-loop turn
    handler.setFormatter(logs.Formatter())
    logging.basicConfig(level=args.log_level.upper(), handlers=[handler])
    try:
        cfg = build_config(args)
        check_credentials(cfg)
        if cfg.presidio:
            from .server import presidio_apps  # fail now, not in a worker, when the module is missing
            presidio_apps(cfg)
    except configmod.ConfigError as e:
        print(f"sanctum-proxy: {e}", file=sys.stderr)
        return 2
    if cfg.log_file:
        try:
            logging.getLogger("sanctumcore.proxy").addHandler(log_handler(cfg.log_file))
        except OSError as e:  # (a directory missing or not writable: the configuration's error)
            print(f"sanctum-proxy: log_file {cfg.log_file}: {e.strerror or e}", file=sys.stderr)
            return 2
    raise_open_file_limit(cfg)
    workers = configmod.effective_workers(cfg)
    if workers > 1 and cfg.listen_port == 0:
        print("sanctum-proxy: workers > 1 needs a fixed listen port", file=sys.stderr)
        return 2
    children, share, mask = [], {}, None
    if workers > 1:
        # A stop signal while the processes start (systemctl stop just after start) is held until each
        # one can stop gracefully (_serve): it killed the one it reached, and a first process so killed
        # left its workers serving.
        mask = signal.pthread_sigmask(signal.SIG_BLOCK, STOP_SIGNALS)
        try:  # (no SO_REUSEPORT: a port another process listens on, an old proxy say, is refused)
            share = {"socks": _shared_listeners(cfg.listen_host, cfg.listen_port, cfg.backlog),
                     "counts": balance.Counts(workers)}
            if any(r.policy == "scrub" for r in cfg.routes):  # conversations kept by another worker
                try:
                    share["handoff"] = handoff.make(workers)
                except OSError as e:  # (no writable temporary directory) each worker alone, as documented
                    logging.getLogger("sanctumcore.proxy").warning(
                        "no handoff between workers (%s): a conversation continued on another worker than "
                        "the one that keeps it is refused", e.strerror or e)
        except OSError as e:
            print(f"sanctum-proxy: cannot listen on {cfg.listen_host}:{cfg.listen_port}: {e.strerror or e}"
                  f"{' (another sanctum-proxy still running?)' if e.errno == errno.EADDRINUSE else ''}",
                  file=sys.stderr)
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)
            return 2
        first = os.getpid()
        for index in range(1, workers):
            try:
                pid = os.fork()
            except OSError as e:  # (EAGAIN: the task limit; ENOMEM) the workers made so far are stopped
                print(f"sanctum-proxy: cannot start worker {index} of {workers}: {e.strerror or e}", file=sys.stderr)
                _stop_workers(children)
                signal.pthread_sigmask(signal.SIG_SETMASK, mask)
                return 1
            if pid == 0:  # a worker: the same proxy on the same listening sockets
                cfg.presidio = {}
                code = 1  # (an error: the first process then stops with status 1)
                try:
                    if "handoff" in share:
                        handoff.keep_own(share["handoff"], index)
                    code = _run(cfg, {**share, "index": index}, parent=first)
                except BaseException:
                    traceback.print_exc()  # (os._exit would lose it)
                finally:
                    logging.shutdown()  # its last lines (os._exit skips the exit hooks)
                    os._exit(code)
            children.append(pid)
    if "handoff" in share:
        handoff.keep_own(share["handoff"], 0)  # (the workers are forked: the first process serves socket 0)
    try:
        return _run(cfg, share, children)
    except (configmod.ConfigError, OSError) as e:
        print(f"sanctum-proxy: {e}", file=sys.stderr)
        return 2
    finally:
        _stop_workers(children)
        if "handoff" in share:
            handoff.remove(share["handoff"])
        if mask is not None:
            signal.pthread_sigmask(signal.SIG_SETMASK, mask)


def _stop_workers(pids) -> None:
    """Asks the workers still running to stop (SIGTERM) and waits for their end."""
    for pid in pids:
        try:
            os.kill(pid, signal.SIGTERM)
            os.waitpid(pid, 0)
        except OSError:
            pass


if __name__ == "__main__":
    sys.exit(main())
