"""Proxy configuration: one TOML file (stdlib tomllib) or, for a single route, command-line flags.

    listen = "127.0.0.1:4040"          # loopback unless told otherwise
    max_body_bytes = 10_485_760         # larger request bodies get 413
    max_response_bytes = 67_108_864     # a larger upstream answer to restore (decoded) gets 502
    upstream_timeout = 120              # seconds without a byte from the upstream (read timeout)
    upstream_connect_timeout = 10       # seconds to connect (TCP + TLS)
    upstream_total_timeout = 0          # seconds for a whole exchange; 0 = no limit (long streams)
    upstream_max_connections = 100      # pooled keep-alive connections per upstream, per worker
    upstream_pool_timeout = 60          # seconds a request waits for one of them to be free
    backlog = 1024                      # listen backlog
    max_connections = 1024              # client connections at once per worker; more get 503, closed
    header_timeout = 10                 # seconds to receive a request's line and headers
    body_timeout = 60                   # seconds to receive a request's body
    send_timeout = 60                   # seconds a client may leave an answer's bytes unread: then closed
    keepalive_timeout = 75              # seconds an idle keep-alive connection is kept
    lingering_time = 2                  # seconds spent draining the body of a refused request
    workers = 0                         # processes sharing the listening socket; 0 = one per CPU
    conversation_ttl = 3600             # seconds a scrubbed Responses conversation's session is kept
                                        # after its last use (previous_response_id, conversation: vault.py)
    conversation_entries = 10000        # ids kept at most per worker (least recently used dropped);
                                        # 0 = none: every continued conversation is refused
    conversation_bytes = 67108864       # request bytes the kept sessions anonymized, at most per
                                        # worker (least recently used dropped; they take ~6x that)
    log_file = ""                       # default: stderr

    [[route]]
    name = "openrouter"
    upstream = "https://openrouter.ai/api/v1"   # the client's path is appended (no query, fragment or user info)
    policy = "scrub"                    # scrub | pass | local
    models = ["openrouter/*", "gpt-*"]  # glob patterns on the request's model; omitted = any
    paths = ["/chat/completions"]       # client paths this route serves, each the whole path or its
                                        # end (":streamGenerateContent"); no wildcards; omitted = any
                                        # (matched in any case, percent-decoded, ignoring repeated or
                                        # trailing slashes and ;parameters: paths.route_form)
    api_key_env = "OPENROUTER_API_KEY"  # or api_key_file = "/path" (first line); neither = client's own
    fallback = ["local-llama"]          # route names tried in order when this upstream fails (a scrub
                                        # route may not fall back to a pass route)
    threshold = 0.7                     # scrub only: detector threshold
    scrub_system = false                # scrub only: also scan system/developer text and instructions
    pass_headers = ["x-trace-user"]     # scrub only: non-standard headers forwarded even when they
                                        # look personal (any other header whose value the
                                        # detector flags is refused, User-Agent included)
    keep_headers = []                   # scrub only: forwarding/identifying headers to forward anyway
                                        # (X-Forwarded-For, X-Real-IP, Forwarded, Via, Cookie,
                                        # True-Client-IP, CF-Connecting-IP, any *-IP, *Forwarded* ... are
                                        # dropped: headers.identifying)
    allow_attachments = false           # scrub only: forward base64 attachments (file_data, input_audio,
                                        # base64 image/document sources, inlineData, data: URLs) the
                                        # detector cannot read; default: refused with 415 (fail closed)
    identities = "/etc/sanctum/identities"  # scrub only: known values ("type: value" lines) always
                                        # replaced, system prompts included (docs/mapper.md)

    [presidio]                          # optional Presidio-compatible services (sanctumcore.presidio)
    analyzer = "127.0.0.1:5002"
    anonymizer = "127.0.0.1:5001"

The model of a Gemini request is the one in its path (`/v1beta/models/MODEL:generateContent`).
"""
from __future__ import annotations

import dataclasses
import fnmatch
import functools
import ipaddress
import math
import os
import socket
import tomllib
import urllib.parse
from typing import Optional

from . import paths

POLICIES = ("scrub", "pass", "local")


class ConfigError(ValueError):
    pass


@dataclasses.dataclass
class Route:
    name: str
    upstream: str
    policy: str
    models: tuple = ()
    paths: tuple = ()
    api_key_env: Optional[str] = None
    api_key_file: Optional[str] = None
    fallback: tuple = ()
    threshold: float = 0.7
    scrub_system: bool = False
    pass_headers: tuple = ()
    keep_headers: tuple = ()
    allow_attachments: bool = False
    identities: Optional[str] = None

    def matches_path(self, path: str) -> bool:
        """path: as the client sent it (normalised by paths.origin_form), or already in route_form."""
        return not self.paths or self._entry(paths.route_form(path)) is not None

    def _entry(self, form: str) -> Optional[str]:
        """The paths entry a path in route_form matches (whole or as its end), or None."""
        for p, f in zip(self.paths, self._forms):
            if form == f or form.endswith(f):
                return p
        return None

    @functools.cached_property
    def _forms(self) -> tuple:
        return tuple(paths.route_form(p) for p in self.paths)

    def matches(self, path: str, model: Optional[str]) -> bool:
        if not self.matches_path(path):
            return False
        if self.models:
            return model is not None and any(fnmatch.fnmatchcase(model, m) for m in self.models)
        return True

    def pattern(self, path: str) -> str:
        """The route's paths entry a matching path matched ("*" when it has none): what the log shows
        instead of the client's path."""
        return (self._entry(paths.route_form(path)) if self.paths else None) or "*"

    def api_key(self) -> Optional[str]:
        """The upstream credential, read when needed (never stored in logs or errors)."""
        if self.api_key_env:
            value = os.environ.get(self.api_key_env)
            if not value:
                raise ConfigError(f"route {self.name}: environment variable {self.api_key_env} is not set")
            return value.strip()
        if self.api_key_file:
            try:
                with open(self.api_key_file, "rb") as f:
                    if os.fstat(f.fileno()).st_mode & 0o004:   # group-readable is how a service user gets it
                        raise ConfigError(f"route {self.name}: api_key_file is readable by every user: chmod o-r it")
                    return f.readline().strip().decode("utf-8")
            except OSError as e:
                raise ConfigError(f"route {self.name}: cannot read api_key_file: {e.strerror}") from None
            except UnicodeDecodeError:
                raise ConfigError(f"route {self.name}: api_key_file is not UTF-8 text") from None
        return None


def _ascii_host(upstream: str) -> str:
    """The upstream URL with an internationalised host name in its IDNA (xn--) form, as DNS, TLS and the
    Host header take it."""
    url = urllib.parse.urlsplit(upstream)
    if url.hostname is None or url.hostname.isascii():
        return upstream
    try:
        host = url.hostname.encode("idna").decode("ascii")
    except UnicodeError:
        raise ConfigError("an upstream's host name is not a valid internationalised domain name") from None
    port = f":{url.port}" if url.port is not None else ""  # (userinfo is never sent upstream: dropped)
    return urllib.parse.urlunsplit((url.scheme, host + port, url.path, url.query, url.fragment))


MAX_WORKERS = 1024  # processes (about 35 MB each): a typo's 100000 forked until memory ran out
_LIMIT_MAX = 2**31 - 1  # listen()'s backlog and the other counts are C ints; seconds: 68 years

# Top-level numeric settings: name -> (type, default, zero allowed).
LIMITS = {
    "max_body_bytes": (int, 10 * 1024 * 1024, False),
    "max_response_bytes": (int, 64 * 1024 * 1024, False),
    "upstream_timeout": (float, 120.0, False),
    "upstream_connect_timeout": (float, 10.0, False),
    "upstream_total_timeout": (float, 0.0, True),
    "upstream_max_connections": (int, 100, False),
    "upstream_pool_timeout": (float, 60.0, False),
    "backlog": (int, 1024, False),
    "max_connections": (int, 1024, False),
    "header_timeout": (float, 10.0, False),
    "body_timeout": (float, 60.0, False),
    "send_timeout": (float, 60.0, False),
    "keepalive_timeout": (float, 75.0, False),
    "lingering_time": (float, 2.0, True),
    "workers": (int, 0, True),  # 0: auto (effective_workers)
    "conversation_ttl": (float, 3600.0, False),
    "conversation_entries": (int, 10000, True),
    "conversation_bytes": (int, 64 * 1024 * 1024, False),
}


@dataclasses.dataclass
class Config:
    listen_host: str = "127.0.0.1"
    listen_port: int = 4040
    log_file: Optional[str] = None
    routes: list = dataclasses.field(default_factory=list)
    presidio: dict = dataclasses.field(default_factory=dict)  # the [presidio] table: {"analyzer": "H:P", ...}

    def __post_init__(self):
        for name, (kind, default, _) in LIMITS.items():
            setattr(self, name, kind(default))

    def route_named(self, name: str) -> Route:
        for r in self.routes:
            if r.name == name:
                return r
        raise ConfigError(f"no route named {name!r}")

    def needs_model(self, path: str) -> bool:
        """Whether choosing a route for this path depends on the request's model: a route with `models`
        serves the path before any route that takes it whatever the model."""
        form = paths.route_form(path)
        for r in self.routes:
            if r.matches_path(form):
                return bool(r.models)
        return False

    def select(self, path: str, model: Optional[str]) -> Optional[Route]:
        form = paths.route_form(path)  # (once: each route's match takes it as is)
        for r in self.routes:
            if r.matches(form, model):
                return r
        return None


def parse_listen(value: str, what: str = "listen") -> tuple:
    host, sep, port = str(value).rpartition(":")
    if not sep or not port.isdigit():
        raise ConfigError(f"{what} must be HOST:PORT, got {value!r}")
    if host.startswith("[") != host.endswith("]"):
        raise ConfigError(f"{what} must be HOST:PORT, got {value!r}")
    host = host.strip("[]")
    port_n = int(port)
    if not 0 <= port_n <= 65535:
        raise ConfigError(f"{what} port out of range: {port_n}")
    return host, port_n


def effective_workers(cfg: Config) -> int:
    """The proxy processes to run: `workers`, or with 0 (the default) one per CPU this process may run
    on (like nginx's `worker_processes auto`) when the listen port is fixed; one when the port is 0 (each
    process would get its own) or without routes (the Presidio-compatible services run in one process)."""
    if not cfg.routes:
        return 1
    if cfg.workers:
        return cfg.workers
    if cfg.listen_port == 0:
        return 1
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except (AttributeError, OSError):
        return max(1, os.cpu_count() or 1)


def set_limit(cfg: Config, name: str, value, where: str) -> None:
    kind, _, zero_ok = LIMITS[name]
    if isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0 or (value == 0 and not zero_ok):
        raise ConfigError(f"{where}: {name} must be {'non-negative' if zero_ok else 'positive'}")
    # nan passes every comparison above (a TOML float, a flag's float("nan")); inf or a count past a
    # C int ends in a worker's traceback or no limit at all
    if not math.isfinite(value) or value > _LIMIT_MAX:
        raise ConfigError(f"{where}: {name} must be a finite number up to {_LIMIT_MAX}")
    if name == "workers" and value > MAX_WORKERS:  # each is a whole proxy process
        raise ConfigError(f"{where}: workers must be at most {MAX_WORKERS} (0, the default: one per CPU)")
    setattr(cfg, name, kind(value))


def is_local_address(address: str) -> bool:
    """Whether an IP address (as getaddrinfo gives it) is on this machine or the LAN."""
    a = ipaddress.ip_address(address)
    return a.is_loopback or a.is_private or a.is_link_local


def _is_local_host(host: str) -> bool:
    try:
        infos = socket.getaddrinfo(host, None)
    except socket.gaierror:
        return False
    addrs = {info[4][0] for info in infos}
    return bool(addrs) and all(is_local_address(a) for a in addrs)


def _strings(raw: dict, key: str, where: str) -> tuple:
    value = raw.get(key, ())
    if not isinstance(value, (list, tuple)) or not all(isinstance(v, str) and v for v in value):
        raise ConfigError(f"{where}: {key} must be a list of strings")
    return tuple(value)


def make_route(raw: dict, where: str) -> Route:
    unknown = set(raw) - {f.name for f in dataclasses.fields(Route)}
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
    for key in ("name", "upstream", "policy"):
        if not isinstance(raw.get(key), str) or not raw[key]:
            raise ConfigError(f"{where}: '{key}' (string) is required")
    if raw["policy"] not in POLICIES:
        raise ConfigError(f"{where}: policy must be one of {POLICIES}, got {raw['policy']!r}")
    url = urllib.parse.urlsplit(raw["upstream"])
    if url.scheme not in ("http", "https") or not url.hostname:
        raise ConfigError(f"{where}: upstream must be an http(s) URL")
    try:
        port = url.port  # (a ValueError when it is no number or out of range)
    except ValueError:
        port = -1
    if port is not None and not 1 <= port <= 65535:
        raise ConfigError(f"{where}: upstream port must be a number from 1 to 65535")
    # The request's path is appended to the upstream's as the client sent it, query included: a query or
    # fragment in the upstream would swallow it, and user info would be dropped (keys: api_key_env).
    for part, present in (("user info", "@" in url.netloc), ("query", "?" in raw["upstream"]),
                          ("fragment", "#" in raw["upstream"])):
        if present:
            raise ConfigError(f"{where}: upstream must not carry a {part} (scheme://host[:port][/path]; the "
                              "client's query is forwarded, the key comes from api_key_env or api_key_file)")
    if raw["policy"] == "local" and not _is_local_host(url.hostname):
        raise ConfigError(f"{where}: a 'local' route's upstream must be on this machine or the LAN")
    threshold = raw.get("threshold", 0.7)
    if isinstance(threshold, bool) or not isinstance(threshold, (int, float)) or not 0.0 <= threshold <= 1.0:
        raise ConfigError(f"{where}: threshold must be a number in [0, 1]")
    if raw.get("api_key_env") and raw.get("api_key_file"):
        raise ConfigError(f"{where}: give api_key_env or api_key_file, not both")
    scrub_system = raw.get("scrub_system", False)
    if not isinstance(scrub_system, bool):
        raise ConfigError(f"{where}: scrub_system must be true or false")
    allow_attachments = raw.get("allow_attachments", False)
    if not isinstance(allow_attachments, bool):
        raise ConfigError(f"{where}: allow_attachments must be true or false")
    identities = raw.get("identities")
    if identities is not None and (not isinstance(identities, str) or not identities):
        raise ConfigError(f"{where}: identities must be a file path")
    wild = [p for p in _strings(raw, "paths", where) if any(c in p for c in "*?[")]
    if wild:  # never matched: a scrub route's requests went on to the next route (a pass route sent them as is)
        raise ConfigError(f"{where}: paths are matched whole or as the path's end, without wildcards "
                          f"(models takes globs): {wild[0]!r}")
    return Route(
        name=raw["name"], upstream=_ascii_host(raw["upstream"]).rstrip("/"), policy=raw["policy"],
        models=_strings(raw, "models", where), paths=_strings(raw, "paths", where),
        api_key_env=raw.get("api_key_env"), api_key_file=raw.get("api_key_file"),
        fallback=_strings(raw, "fallback", where), threshold=float(threshold), scrub_system=scrub_system,
        pass_headers=tuple(h.lower() for h in _strings(raw, "pass_headers", where)),
        keep_headers=tuple(h.lower() for h in _strings(raw, "keep_headers", where)),
        allow_attachments=allow_attachments, identities=identities)


def set_presidio(cfg: Config, raw: dict, where: str) -> None:
    if not isinstance(raw, dict):
        raise ConfigError(f"{where}: [presidio] must be a table")
    for key, value in raw.items():
        if key in ("analyzer", "anonymizer"):
            parse_listen(value, f"{where}: presidio.{key}")
            cfg.presidio[key] = value  # "HOST:PORT", as sanctumcore.presidio takes it
        else:
            cfg.presidio[key] = value  # options of sanctumcore.presidio, checked there


def load(path: str) -> Config:
    try:
        with open(path, "rb") as f:
            raw = tomllib.load(f)
    except OSError as e:
        raise ConfigError(f"cannot read {path}: {e.strerror}") from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(f"{path}: {e}") from None
    except UnicodeDecodeError as e:   # TOML is UTF-8; tomllib lets the codec's error through
        raise ConfigError(f"{path}: not UTF-8 (byte offset {e.start})") from None
    return from_dict(raw, path)


def from_dict(raw: dict, where: str = "config") -> Config:
    cfg = Config()
    unknown = set(raw) - set(LIMITS) - {"listen", "log_file", "route", "presidio"}
    if unknown:
        raise ConfigError(f"{where}: unknown keys {sorted(unknown)}")
    if "listen" in raw:
        cfg.listen_host, cfg.listen_port = parse_listen(raw["listen"])
    for key in LIMITS:
        if key in raw:
            set_limit(cfg, key, raw[key], where)
    cfg.log_file = raw.get("log_file") or None
    if "presidio" in raw:
        set_presidio(cfg, raw["presidio"], where)
    routes = raw.get("route", [])
    if not routes and not (cfg.presidio.get("analyzer") or cfg.presidio.get("anonymizer")):
        raise ConfigError(f"{where}: at least one [[route]] (or a [presidio] listener) is required")
    for i, r in enumerate(routes):
        cfg.routes.append(make_route(r, f"{where}: route #{i + 1}"))
    names = [r.name for r in cfg.routes]
    if len(set(names)) != len(names):
        raise ConfigError(f"{where}: route names must be unique")
    for r in cfg.routes:
        for fb in r.fallback:
            if fb not in names or fb == r.name:
                raise ConfigError(f"{where}: route {r.name}: unknown fallback {fb!r}")
            if r.policy == "scrub" and cfg.route_named(fb).policy == "pass":
                # A pass route forwards the original body: falling back to one would leak what this
                # route scrubs.
                raise ConfigError(f"{where}: route {r.name}: a scrub route cannot fall back to pass route "
                                  f"{fb!r} (it would forward the unscrubbed request); use a scrub or local route")
    return cfg
