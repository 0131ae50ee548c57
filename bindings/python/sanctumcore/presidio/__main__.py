"""python3 -m sanctumcore.presidio: serve the Presidio analyzer and/or anonymizer REST services."""
from __future__ import annotations

import argparse
import asyncio
import logging
import signal
import sys

from .._core import version_line as _version_line
from .server import ConfigError, PresidioConfig, serve


async def _serve_until_stopped(cfg, ready) -> None:
    """serve() until SIGTERM or SIGINT; its runners then let the requests in flight end (up to aiohttp's
    shutdown timeout), as Presidio's own servers do: killed at once, those clients lost their answers."""
    task = asyncio.current_task()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        loop.add_signal_handler(sig, task.cancel)
    try:
        await serve(cfg, ready)
    except asyncio.CancelledError:
        pass


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m sanctumcore.presidio", description=__doc__)
    p.add_argument("--version", action="version", version=_version_line("sanctum-presidio"))
    p.add_argument("--analyzer", metavar="HOST:PORT", help="serve the analyzer here (Presidio's is 5002)")
    p.add_argument("--anonymizer", metavar="HOST:PORT", help="serve the anonymizer here (Presidio's is 5001)")
    p.add_argument("--max-body-bytes", type=int, default=PresidioConfig.max_body_bytes)
    p.add_argument("--request-timeout", type=float, default=PresidioConfig.request_timeout)
    p.add_argument("--body-timeout", type=float, default=PresidioConfig.body_timeout,
                   help="seconds to receive a request's body (then 408, connection closed)")
    p.add_argument("--workers", type=int, default=PresidioConfig.workers)
    p.add_argument("--default-operator", choices=("replace", "sanctum"), default="replace",
                   help="operator for entities the request gives none (Presidio: replace)")
    p.add_argument("--vault-key-file", help="key sealing sanctum mappings: 32 bytes, or 64 hex digits as sanctum's "
                                             "vault.key; mode 0600 (default: random per run)")
    args = p.parse_args(argv)
    if not args.analyzer and not args.anonymizer:
        p.error("give --analyzer, --anonymizer or both")
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(message)s")
    try:
        cfg = PresidioConfig(analyzer=args.analyzer, anonymizer=args.anonymizer, max_body_bytes=args.max_body_bytes,
                             request_timeout=args.request_timeout, body_timeout=args.body_timeout,
                             workers=args.workers,
                             vault_key_file=args.vault_key_file, default_operator=args.default_operator)
        cfg.validate()
        ready = lambda bound: logging.info("presidio services listening on %s",  # noqa: E731
                                           ", ".join(f"{h}:{p}" for h, p in bound))
        asyncio.run(_serve_until_stopped(cfg, ready))
    except ConfigError as e:
        print(f"error: {e}", file=sys.stderr)
        return 2
    except OSError as e:  # a port in use, an address not on this machine: a message, not a traceback
        print(f"error: {e.strerror or e}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        return 0
    return 0


if __name__ == "__main__":
    sys.exit(main())
