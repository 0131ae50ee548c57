"""sanctum-jobs: the daily secret jobs.

    sanctum-jobs scan       [--config FILE] [--dry-run]
    sanctum-jobs age-check  [--config FILE] [--dry-run] [--now TIME]
    sanctum-jobs rotate     [--config FILE] [--dry-run] [--now TIME] [--force] [NAME...]
    sanctum-jobs propagate  [--config FILE] [--dry-run] NAME        (the value on stdin, no echo)
    sanctum-jobs units      [--config FILE] [--systemd DIR] [--launchd DIR]

Exit status: 0 nothing to report, 1 something reported, 2 the job itself failed (including a
notification sink that failed). The configuration defaults to $SANCTUM_JOBS_CONFIG, else
/etc/sanctum/jobs.toml (examples/sanctum-jobs.toml shows every key; installed as
/usr/share/doc/sanctum/examples/sanctum-jobs.toml). docs/jobs.md has the details (installed as
/usr/share/doc/sanctum/jobs.md.gz)."""
from __future__ import annotations

import argparse
import getpass
import os
import sys

from .._core import version_line as _version_line
from . import config as config_mod
from .util import FAILED, OK, REDACT, JobError, log


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", default=argparse.SUPPRESS, help="TOML configuration file")
    common.add_argument("--dry-run", action="store_true", default=argparse.SUPPRESS,
                        help="check the configuration and say what would happen; change nothing, notify nobody")
    common.add_argument("--now", default=argparse.SUPPRESS, help="the time to act as of (RFC 3339; tests, back-fill)")
    # The epilog is the module's doc after its first line: `man sanctum-jobs` is made from --help, and
    # without it the page said nothing of the exit status or where the configuration is read from.
    p = argparse.ArgumentParser(prog="sanctum-jobs", parents=[common], description=__doc__.split("\n")[0],
                                epilog=__doc__.split("\n", 1)[1].strip("\n"),
                                formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--version", action="version", version=_version_line("sanctum-jobs"))
    sub = p.add_subparsers(dest="command", required=True)
    sub.add_parser("scan", parents=[common], help="scan files and git remotes for exposed tokens")
    sub.add_parser("age-check", parents=[common], help="alert on secrets past their rotation age")
    r = sub.add_parser("rotate", parents=[common], help="rotate API-managed secrets that are due")
    r.add_argument("names", nargs="*", metavar="NAME", help="only these secrets")
    r.add_argument("--force", action="store_true", help="rotate the named secrets even if not due")
    pr = sub.add_parser("propagate", parents=[common], help="write a pasted value to a secret's targets")
    pr.add_argument("name", metavar="NAME")
    u = sub.add_parser("units", parents=[common], help="write systemd units and/or launchd plists")
    u.add_argument("--systemd", metavar="DIR", default="")
    u.add_argument("--launchd", metavar="DIR", default="")
    return p


def _read_value(name: str) -> bytes:
    if sys.stdin is None:  # started with standard input closed: no value, as with an empty one
        return b""
    if sys.stdin.isatty():
        v = getpass.getpass(f"new value for {name} (not echoed): ").encode()
    else:
        v = sys.stdin.buffer.read()
        v = v[:-2] if v.endswith(b"\r\n") else v[:-1] if v.endswith(b"\n") else v
    REDACT.add(v)
    return v


def main(argv=None) -> int:
    args = _parser().parse_args(argv)
    cfg_path = getattr(args, "config", None) or os.environ.get("SANCTUM_JOBS_CONFIG", "/etc/sanctum/jobs.toml")
    dry_run = getattr(args, "dry_run", False)
    now = getattr(args, "now", None)
    try:
        cfg = config_mod.load(cfg_path)
        if now is not None:
            from .ledgerio import parse_now
            now = parse_now(now)
        if args.command == "units":
            from .units import write_units
            if not args.systemd and not args.launchd:
                raise JobError("units: give --systemd DIR and/or --launchd DIR")
            for p in write_units(cfg, args.systemd, args.launchd):
                print(p)
            return OK
        if args.command == "scan":
            from .scan import run_scan
            code, messages = run_scan(cfg, dry_run=dry_run)
        elif args.command == "age-check":
            from .agecheck import run_age_check
            code, messages = run_age_check(cfg, dry_run=dry_run, now=now)
        elif args.command == "rotate":
            from .rotate import run_rotate
            code, messages = run_rotate(cfg, names=tuple(args.names), force=args.force, dry_run=dry_run, now=now)
        else:
            from .rotate import run_propagate
            value = b"" if dry_run else _read_value(args.name)
            code, messages = run_propagate(cfg, args.name, value, dry_run=dry_run, now=now)
    except (config_mod.ConfigError, JobError) as e:
        log(f"{args.command}: {e}")
        return FAILED
    except OSError as e:  # a path of the configuration (state dir, key, ledger) and why: never a value
        where = f"{e.filename}: " if e.filename else ""
        log(f"{args.command}: {where}{e.strerror or type(e).__name__}")
        return FAILED
    except Exception as e:  # not foreseen: its type only (its message may quote a value's bytes), no traceback
        log(f"{args.command}: unexpected {type(e).__name__}")
        return FAILED
    from .notify import send
    if not send(cfg.sinks, args.command if args.command != "propagate" else "rotate", messages, dry_run=dry_run):
        return FAILED
    return code


if __name__ == "__main__":
    sys.exit(main())
