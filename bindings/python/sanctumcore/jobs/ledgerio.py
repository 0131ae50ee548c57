"""Opening the configured ledger from the jobs."""
from __future__ import annotations

import datetime as dt
import os

from .. import Context, Ledger, SanctumError
from ..ledger import _to_unix
from .util import JobError


def parse_now(now):
    """--now as an aware UTC datetime (RFC 3339 through the core's parser), or None for the clock."""
    if now is None or isinstance(now, dt.datetime):
        return now
    try:
        return dt.datetime.fromtimestamp(_to_unix(now), dt.timezone.utc)
    except SanctumError as e:
        raise JobError(f"--now: {e.message}") from None


def open_ledger(ctx: Context, cfg, read_only: bool = False, now=None) -> Ledger:
    if not os.path.exists(cfg.ledger_db):
        key = "" if cfg.ledger_key_file == cfg.ledger_db + ".key" else f" --key-file {cfg.ledger_key_file}"
        # the CLI's own default is another file: name this one, or `sanctum ledger add` creates that one
        raise JobError(f"ledger {cfg.ledger_db} does not exist (create it with "
                       f"`sanctum ledger --db {cfg.ledger_db}{key} add NAME --provider P --max-age-days N`)")
    try:
        return Ledger(ctx, cfg.ledger_db, key_path=cfg.ledger_key_file, create=False, read_only=read_only, now=now)
    except SanctumError as e:
        raise JobError(f"ledger {cfg.ledger_db}: {e.message}") from None
