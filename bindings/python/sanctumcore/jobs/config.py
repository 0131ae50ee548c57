"""The jobs' configuration: one TOML file (stdlib tomllib). examples/sanctum-jobs.toml documents every key.

Only what is needed to find things is here: paths, names, schedules. No secret value is ever read from
the configuration file itself; provider management keys come from a file, a systemd credential or an
environment variable named here."""
from __future__ import annotations

import dataclasses
import math
import os
import re
import tomllib
import urllib.parse
import zoneinfo
from typing import Optional

from .util import SECRET_ENV

JOBS = ("scan", "age-check", "rotate")
SINK_TYPES = ("ntfy", "webhook", "signal", "command", "stdout")
TARGET_TYPES = ("file", "env-file", "sops", "keychain", "1password", "systemd-creds")
PRIORITIES = {"min": 1, "low": 2, "default": 3, "high": 4, "urgent": 5}
_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$")
_TIME = re.compile(r"^([01][0-9]|2[0-3]):([0-5][0-9])$")


class ConfigError(ValueError):
    """The configuration is wrong: exit 2, found by --dry-run rather than at 06:30."""


@dataclasses.dataclass
class Sink:
    type: str
    name: str
    min_priority: int = 1
    jobs: tuple = JOBS
    url: str = ""
    topic: str = ""
    token_file: str = ""
    number: str = ""
    recipients: tuple = ()
    argv: tuple = ()
    timeout: float = 10.0


@dataclasses.dataclass
class Target:
    type: str
    options: dict

    def describe(self) -> str:
        key = {"file": "path", "env-file": "path", "sops": "file", "keychain": "service",
               "1password": "item", "systemd-creds": "path"}[self.type]
        return f"{self.type}:{self.options.get(key, '')}"


@dataclasses.dataclass
class ProviderConfig:
    name: str
    options: dict


@dataclasses.dataclass
class SecretConfig:
    name: str
    provider: str = ""           # a [providers.X] table; empty = paste-and-propagate only
    targets: tuple = ()
    current_id: str = ""         # the provider's id (OpenRouter: hash) of the key in use before our first rotation


@dataclasses.dataclass
class Config:
    path: str
    state_dir: str
    timezone: str
    actor: str
    schedule: dict
    ledger_db: str
    ledger_key_file: str
    scan_paths: tuple
    scan_git_remotes: bool
    scan_excludes: tuple
    scan_baseline: str
    scan_key_file: str
    scan_rules: str
    scan_max_file_size: int
    sinks: tuple
    providers: dict
    secrets: dict
    units: dict

    @property
    def journal_dir(self) -> str:
        return os.path.join(self.state_dir, "journal")

    @property
    def journal_key_file(self) -> str:
        return os.path.join(self.state_dir, "journal.key")


def _table(d: dict, key: str, where: str) -> dict:
    v = d.get(key, {})
    if not isinstance(v, dict):
        raise ConfigError(f"{where}: [{key}] must be a table")
    return v


def _str(d: dict, key: str, where: str, default: str = "") -> str:
    v = d.get(key, default)
    if not isinstance(v, str):
        raise ConfigError(f"{where}: {key} must be a string")
    return v


def _bool(d: dict, key: str, where: str, default: bool) -> bool:
    v = d.get(key, default)
    if not isinstance(v, bool):
        raise ConfigError(f"{where}: {key} must be true or false")
    return v


def _strs(d: dict, key: str, where: str) -> tuple:
    v = d.get(key, [])
    if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(v)


def _int(d: dict, key: str, where: str, default: int) -> int:
    v = d.get(key, default)
    if not isinstance(v, int) or isinstance(v, bool) or v < 0:
        raise ConfigError(f"{where}: {key} must be a non-negative integer")
    return v


def _unknown(d: dict, allowed, where: str) -> None:
    extra = sorted(set(d) - set(allowed))
    if extra:
        raise ConfigError(f"{where}: unknown key {extra[0]!r}")


# [providers.NAME] keys (docs/jobs.md): read when a rotation starts, so checked here, where a typo or a
# wrong type is a configuration error naming the key, not a failed rotation at 06:30.
_PROVIDER_STRS = ("type", "base_url", "management_key_credential", "management_key_file",
                  "management_key_env", "key_name_prefix")
_PROVIDER_NUMS = {  # key: (integer, smallest allowed, zero excluded)
    "expires_after_days": (True, 0, False), "retries": (True, 0, False), "check_retries": (True, 1, False),
    "max_retry_wait": (False, 0, False), "timeout": (False, 0, True), "limit": (False, 0, False)}


def _provider(name: str, d: dict) -> None:
    where = f"[providers.{name}]"
    _unknown(d, _PROVIDER_STRS + tuple(_PROVIDER_NUMS), where)
    for key in _PROVIDER_STRS:
        _str(d, key, where)
    if d.get("base_url"):
        _http_url(d["base_url"], where, "base_url")
    for key, (integer, low, no_zero) in _PROVIDER_NUMS.items():
        if key not in d:
            continue
        v = d[key]
        kinds = int if integer else (int, float)
        if isinstance(v, bool) or not isinstance(v, kinds) or not math.isfinite(v) or v < low or (no_zero and v == 0):
            what = "an integer" if integer else "a number"
            raise ConfigError(f"{where}: {key} must be {what} {'above' if no_zero else 'of at least'} {low}")


def _http_url(url: str, where: str, key: str) -> None:
    """urllib opens file://, ftp://, data: URLs too: a webhook at file:///... "delivered" every alert to
    nowhere and counted it as sent. Only http(s) with a host is a sink or a provider."""
    u = urllib.parse.urlsplit(url)
    if u.scheme not in ("http", "https") or not u.hostname:
        raise ConfigError(f"{where}: {key} must be an http:// or https:// URL")


def _sink(i: int, d: dict) -> Sink:
    where = f"notify #{i + 1}"
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: must be a table")
    _unknown(d, ("type", "name", "min_priority", "jobs", "url", "topic", "token_file", "number", "recipients",
                 "argv", "timeout"), where)
    t = _str(d, "type", where)
    if t not in SINK_TYPES:
        raise ConfigError(f"{where}: type must be one of {', '.join(SINK_TYPES)}")
    prio = _str(d, "min_priority", where, "min")
    if prio not in PRIORITIES:
        raise ConfigError(f"{where}: min_priority must be one of {', '.join(PRIORITIES)}")
    jobs = _strs(d, "jobs", where) or JOBS
    for j in jobs:
        if j not in JOBS:
            raise ConfigError(f"{where}: unknown job {j!r} in jobs")
    s = Sink(type=t, name=_str(d, "name", where, f"{t}#{i + 1}"), min_priority=PRIORITIES[prio], jobs=jobs,
             url=_str(d, "url", where), topic=_str(d, "topic", where), token_file=_str(d, "token_file", where),
             number=_str(d, "number", where), recipients=_strs(d, "recipients", where), argv=_strs(d, "argv", where),
             timeout=_timeout(d, where))
    need = {"ntfy": ("url", "topic"), "webhook": ("url",), "signal": ("url", "number", "recipients"),
            "command": ("argv",), "stdout": ()}[t]
    for k in need:
        if not getattr(s, k):
            raise ConfigError(f"{where}: type {t} needs {k}")
    if t in ("ntfy", "webhook", "signal"):
        _http_url(s.url, where, "url")
    return s


def _timeout(d: dict, where: str) -> float:
    v = d.get("timeout", 10)
    if isinstance(v, bool) or not isinstance(v, (int, float)) or not math.isfinite(v) or v <= 0:
        raise ConfigError(f"{where}: timeout must be a number of seconds above 0")
    return float(v)


_TARGET_KEYS = {
    "file": (("path",), ("mode", "newline")),
    "env-file": (("path", "var"), ("mode",)),
    "sops": (("file", "key"), ("program",)),
    "keychain": (("service", "account"), ("program", "keychain")),
    "1password": (("item", "field"), ("vault", "program")),
    "systemd-creds": (("path", "name"), ("program", "with_key")),
}


def _target(secret: str, i: int, d: dict) -> Target:
    where = f"secrets.{secret} target #{i + 1}"
    if not isinstance(d, dict):
        raise ConfigError(f"{where}: must be a table")
    t = _str(d, "type", where)
    if t not in TARGET_TYPES:
        raise ConfigError(f"{where}: type must be one of {', '.join(TARGET_TYPES)}")
    required, optional = _TARGET_KEYS[t]
    _unknown(d, ("type",) + required + optional, where)
    for k in required:
        if not _str(d, k, where):
            raise ConfigError(f"{where}: type {t} needs {k}")
    opts = {k: v for k, v in d.items() if k != "type"}
    for k in ("path", "file"):
        if k in opts and not os.path.isabs(opts[k]):
            raise ConfigError(f"{where}: {k} must be an absolute path")
    if t == "env-file" and not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", opts["var"]):
        raise ConfigError(f"{where}: var must be a shell variable name")
    if "mode" in opts:   # `mode = 640` (a decimal 640) was chmod 01200: the service could not read its key
        if not isinstance(opts["mode"], str) or not re.fullmatch(r"0?[0-7]{3}", opts["mode"]):
            raise ConfigError(f"{where}: mode must be a string of octal digits, as \"0640\" "
                              "(a TOML number 640 is decimal)")
    if "newline" in opts and not isinstance(opts["newline"], bool):   # "false" (a string) read as true
        raise ConfigError(f"{where}: newline must be true or false")
    return Target(type=t, options=opts)


def load(path: str) -> Config:
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"{path}: cannot read: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: {e}") from None
    except UnicodeDecodeError as e:   # TOML is UTF-8; tomllib lets the codec's error through
        raise ConfigError(f"{path}: not UTF-8 (byte offset {e.start})") from None
    _unknown(raw, ("jobs", "schedule", "ledger", "scan", "notify", "providers", "secrets", "units"), path)
    jobs = _table(raw, "jobs", path)
    _unknown(jobs, ("state_dir", "timezone", "actor"), "[jobs]")
    tz = _str(jobs, "timezone", "[jobs]", "UTC")
    try:
        zoneinfo.ZoneInfo(tz)
    except (ValueError, zoneinfo.ZoneInfoNotFoundError):
        raise ConfigError(f"[jobs]: timezone {tz!r} is not a known time zone (e.g. America/New_York)") from None
    state_dir = _str(jobs, "state_dir", "[jobs]", "/var/lib/sanctum-jobs")
    if not os.path.isabs(state_dir):
        raise ConfigError("[jobs]: state_dir must be an absolute path")

    sched = _table(raw, "schedule", path)
    _unknown(sched, JOBS, "[schedule]")
    schedule = {"scan": "06:00", "age-check": "06:15", "rotate": "06:30"}
    for job in JOBS:
        t = _str(sched, job, "[schedule]", schedule[job])
        if not _TIME.match(t):
            raise ConfigError(f"[schedule]: {job} must be HH:MM")
        schedule[job] = t

    led = _table(raw, "ledger", path)
    _unknown(led, ("db", "key_file"), "[ledger]")
    db = _str(led, "db", "[ledger]", os.path.join(state_dir, "ledger.db"))

    scan = _table(raw, "scan", path)
    _unknown(scan, ("paths", "git_remotes", "exclude", "baseline", "fingerprint_key_file", "rules",
                    "max_file_size"), "[scan]")
    notify = raw.get("notify", [])
    if not isinstance(notify, list):
        raise ConfigError("[[notify]] must be an array of tables")
    sinks = tuple(_sink(i, d) for i, d in enumerate(notify))

    providers = {}
    for name, d in _table(raw, "providers", path).items():
        if not isinstance(d, dict):
            raise ConfigError(f"[providers.{name}] must be a table")
        _provider(name, d)
        providers[name] = ProviderConfig(name=name, options=d)
        if isinstance(d.get("management_key_env"), str):
            SECRET_ENV.add(d["management_key_env"])   # from now on no child inherits it

    secrets = {}
    for name, d in _table(raw, "secrets", path).items():
        where = f"[secrets.{name}]"
        if not _NAME.match(name) or not isinstance(d, dict):
            raise ConfigError(f"{where}: bad secret name or not a table")
        _unknown(d, ("provider", "targets", "current_id"), where)
        prov = _str(d, "provider", where)
        if prov and prov not in providers:
            raise ConfigError(f"{where}: provider {prov!r} has no [providers.{prov}] table")
        targets = d.get("targets", [])
        if not isinstance(targets, list):
            raise ConfigError(f"{where}: targets must be an array of tables")
        secrets[name] = SecretConfig(name=name, provider=prov,
                                     targets=tuple(_target(name, i, t) for i, t in enumerate(targets)),
                                     current_id=_str(d, "current_id", where))

    units = _table(raw, "units", path)
    _unknown(units, ("exec", "user", "config_path", "launchd_log_dir", "label_prefix", "read_write_paths"), "[units]")
    for key in ("exec", "user", "config_path", "launchd_log_dir", "label_prefix"):
        _str(units, key, "[units]")
    # a string here was taken one character a path: ReadWritePaths=-/ -s -r -v, the whole system writable
    _strs(units, "read_write_paths", "[units]")
    if not re.fullmatch(r"[A-Za-z0-9_][A-Za-z0-9_.-]*|", units.get("user", "")):
        raise ConfigError("[units]: user must be a user name")
    return Config(
        path=os.path.abspath(path), state_dir=state_dir, timezone=tz,
        actor=_str(jobs, "actor", "[jobs]", "sanctum-jobs"), schedule=schedule, ledger_db=db,
        ledger_key_file=_str(led, "key_file", "[ledger]", db + ".key"),
        scan_paths=_strs(scan, "paths", "[scan]"), scan_git_remotes=_bool(scan, "git_remotes", "[scan]", True),
        scan_excludes=_strs(scan, "exclude", "[scan]"),
        scan_baseline=_str(scan, "baseline", "[scan]", os.path.join(state_dir, "scan-baseline.txt")),
        scan_key_file=_str(scan, "fingerprint_key_file", "[scan]", os.path.join(state_dir, "scan.key")),
        scan_rules=_str(scan, "rules", "[scan]"), scan_max_file_size=_int(scan, "max_file_size", "[scan]", 16 << 20),
        sinks=sinks, providers=providers, secrets=secrets, units=units)
