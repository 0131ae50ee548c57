"""Serving the two Presidio services with aiohttp, embedded or alone.

    build_apps(config) -> [(host, port, aiohttp.web.Application)]

config is a PresidioConfig or a mapping with the same keys (the proxy's TOML [presidio] table):
    analyzer = "127.0.0.1:5002"     # omitted: no analyzer listener
    anonymizer = "127.0.0.1:5001"   # omitted: no anonymizer listener
    max_body_bytes = 10485760       # larger bodies: 413
    request_timeout = 30            # seconds of core work per request: then 503
    body_timeout = 60               # seconds to receive a request's body: then 408, closed
    workers = 2                     # threads running core calls (they release the GIL)
    match_limit = 1000000           # PCRE2 match limit for ad-hoc recognizers
    vault_key_file = ""             # 32 bytes (or 64 hex digits), mode 0600, sealing sanctum mappings; default: random per process
    default_operator = "replace"    # for entities with no operator: replace (Presidio's) or sanctum
"""
from __future__ import annotations

import asyncio
import concurrent.futures
import dataclasses
import os
from typing import Mapping, Optional, Union

from aiohttp import web

from .._core import Context
from . import http
from .analyzer import Analyzer
from .anonymizer import Anonymizer


class ConfigError(ValueError):
    pass


def parse_listen(value: str) -> tuple:
    host, sep, port = value.rpartition(":")
    if not sep or not host or not port.isdigit() or not 0 <= int(port) <= 65535:
        raise ConfigError(f"listen address must be HOST:PORT, not {value!r}")
    return host.strip("[]"), int(port)


@dataclasses.dataclass
class PresidioConfig:
    analyzer: Optional[str] = None
    anonymizer: Optional[str] = None
    max_body_bytes: int = 10 * 1024 * 1024
    request_timeout: float = 30.0
    body_timeout: float = 60.0
    workers: int = 2
    match_limit: int = 1_000_000
    vault_key_file: Optional[str] = None
    default_operator: str = "replace"

    @classmethod
    def from_mapping(cls, data: Mapping) -> "PresidioConfig":
        fields = {f.name for f in dataclasses.fields(cls)}
        unknown = set(data) - fields
        if unknown:
            raise ConfigError(f"unknown presidio settings: {', '.join(sorted(unknown))}")
        cfg = cls(**dict(data))
        cfg.validate()
        return cfg

    def validate(self) -> None:
        for addr in (self.analyzer, self.anonymizer):
            if addr is not None:
                parse_listen(addr)
        if self.default_operator not in ("replace", "sanctum"):
            raise ConfigError("default_operator must be replace (Presidio's) or sanctum")
        numbers = (self.max_body_bytes, self.request_timeout, self.body_timeout, self.workers, self.match_limit)
        # `not 0 < x` also refuses nan; past a C int (or inf) the server fails at start with a traceback
        if not all(0 < x <= 2**31 - 1 for x in numbers) or self.workers < 1 or self.match_limit < 1 \
                or self.max_body_bytes < 1:
            raise ConfigError("max_body_bytes, request_timeout, body_timeout, workers and match_limit must be positive "
                              "finite numbers up to 2147483647")

    def vault_key(self) -> bytes:
        """32 raw bytes, or the `sanctum` CLI's vault key file (64 hex digits and a newline), so one key
        can serve both. Refused when group or others may read it, as the CLI refuses its vault key (it
        seals mappings of personal data); errors name the file."""
        if not self.vault_key_file:
            return os.urandom(32)
        path = self.vault_key_file
        try:
            with open(path, "rb") as f:
                if os.fstat(f.fileno()).st_mode & 0o077:
                    raise ConfigError(f"vault_key_file {path} is readable by group or others: chmod 600 it")
                key = f.read(130)
        except OSError as e:
            raise ConfigError(f"vault_key_file {path}: {e.strerror}") from None
        text = key.rstrip(b"\r\n")
        if len(text) == 64 and all(c in b"0123456789abcdefABCDEF" for c in text):
            return bytes.fromhex(text.decode())
        if len(key) != 32:
            raise ConfigError(f"vault_key_file {path} must hold 32 bytes, or 64 hex digits as sanctum's vault.key")
        return key


SERVER = "sanctum-presidio"


async def _server_header(request, response) -> None:
    """Every answer names this service, not aiohttp's default ("Python/3.x aiohttp/3.x"): a security
    product does not advertise its stack."""
    response.headers["Server"] = SERVER


def build_apps(config: Union[PresidioConfig, Mapping]) -> list:
    """One aiohttp application per configured listener: [(host, port, app)]. The applications share one
    core context (its input limit is max_body_bytes) and one worker pool, closed with the last app."""
    cfg = config if isinstance(config, PresidioConfig) else PresidioConfig.from_mapping(config)
    cfg.validate()
    ctx = Context(max_input_bytes=cfg.max_body_bytes)
    pool = concurrent.futures.ThreadPoolExecutor(max_workers=cfg.workers, thread_name_prefix="presidio")
    worker = http.Worker(pool, cfg.request_timeout)
    services = []
    if cfg.analyzer:
        services.append((cfg.analyzer, Analyzer(ctx, cfg.match_limit).routes(worker, cfg.max_body_bytes, cfg.body_timeout)))
    if cfg.anonymizer:
        services.append((cfg.anonymizer, Anonymizer(ctx, cfg.vault_key(), cfg.default_operator).routes(worker, cfg.max_body_bytes, cfg.body_timeout)))
    apps, open_apps = [], [len(services)]

    async def on_cleanup(app):
        open_apps[0] -= 1
        if open_apps[0] == 0:
            pool.shutdown(wait=False)

    for addr, routes in services:
        host, port = parse_listen(addr)
        app = web.Application(client_max_size=cfg.max_body_bytes, middlewares=[http.flask_like])
        app["sanctum_ctx"] = ctx  # keeps the context alive with the app
        app.on_response_prepare.append(_server_header)
        app.add_routes(routes)
        app.on_cleanup.append(on_cleanup)
        apps.append((host, port, app))
    return apps


async def serve(config: Union[PresidioConfig, Mapping], ready=None, limits=None) -> None:
    """Serves every configured listener until cancelled. ready(list of (host, port)) is called once bound.
    limits: the proxy's connection limits (a sanctumcore.proxy Config; its defaults when None), so a silent
    or slow client gives its connection back after header_timeout, as on the proxy's listeners."""
    from ..proxy import config as proxy_config, http as proxy_http

    if limits is not None and not isinstance(config, PresidioConfig) and "body_timeout" not in config:
        config = {**config, "body_timeout": limits.body_timeout}  # the proxy's, unless set here
    limits = limits or proxy_config.Config()
    runners, bound = [], []
    try:
        for host, port, app in build_apps(config):
            runner = proxy_http.AppRunner(app, **proxy_http.server_kwargs(limits, raw_bodies=False))
            await runner.setup()
            site = web.TCPSite(runner, host, port, backlog=limits.backlog)
            await site.start()
            runners.append(runner)
            bound.append((host, runner.addresses[-1][1] if runner.addresses else port))
        if ready is not None:
            ready(bound)
        await asyncio.Event().wait()
    finally:
        for runner in runners:
            await runner.cleanup()
