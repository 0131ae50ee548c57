"""OpenRouter's key-management API (https://openrouter.ai/docs, "Management API Keys"):

    POST   /api/v1/keys          {"name", "expires_at"?, "limit"?}  -> 201 {"data": {"hash", ...}, "key": "sk-or-v1-..."}
    GET    /api/v1/keys?offset=N&include_disabled=true              -> {"data": [{"hash", "name", "disabled", ...}]}
    PATCH  /api/v1/keys/{hash}   {"disabled": true}                 -> {"data": {...}}
    DELETE /api/v1/keys/{hash}                                      -> {"deleted": true}; 404 when it does not exist
    GET    /api/v1/key           (Authorization: the key itself)    -> {"data": {"label", ...}}
    errors: {"error": {"code": int, "message": str}}

The management key is read from a systemd credential ($CREDENTIALS_DIRECTORY/NAME), a file or an
environment variable, in that order of preference. HTTP is the stdlib's urllib: a daily job makes a
handful of requests. 429 and 5xx on idempotent calls are retried (Retry-After honoured, capped); a
create is never retried blindly: a lost answer may hide a minted key, which the sweep removes."""
from __future__ import annotations

import datetime as dt
import json
import os
import time
import urllib.error
import urllib.request
from typing import Optional

from ..util import HTTP, REDACT, SECRET_ENV
from .base import MintedKey, Provider, ProviderAuthError, ProviderError, RemoteKey

PAGE = 100


class OpenRouter(Provider):
    name = "openrouter"

    def __init__(self, pcfg):
        o = pcfg.options
        self.base = o.get("base_url", "https://openrouter.ai/api/v1").rstrip("/")
        self.key_file = o.get("management_key_file", "")
        self.key_env = o.get("management_key_env", "")
        self.credential = o.get("management_key_credential", "")
        self.limit = o.get("limit")
        self.timeout = float(o.get("timeout", 30))
        self.retries = int(o.get("retries", 3))
        self.max_wait = float(o.get("max_retry_wait", 60))
        self._mkey: Optional[str] = None

    def preflight(self) -> list:
        try:
            self._management_key()
        except ProviderError as e:
            return [e.message]
        return []

    def _management_key(self) -> str:
        if self._mkey is None:
            src = None
            cred_dir = os.environ.get("CREDENTIALS_DIRECTORY", "")
            if self.credential and cred_dir and os.path.exists(os.path.join(cred_dir, self.credential)):
                src = os.path.join(cred_dir, self.credential)
            elif self.key_file:
                src = self.key_file
            if src:
                try:
                    with open(src, "rb") as f:
                        if os.fstat(f.fileno()).st_mode & 0o004:   # (group-readable is how a job user gets it)
                            raise ProviderError(0, "", f"openrouter management key {src} is readable by every "
                                                       "user: chmod o-r it (a management key mints keys)")
                        self._mkey = f.readline().strip().decode("utf-8")
                except OSError as e:
                    raise ProviderError(0, "", f"openrouter management key {src}: {e.strerror}") from None
                except UnicodeDecodeError:
                    raise ProviderError(0, "", f"openrouter management key {src}: not UTF-8 text") from None
            elif self.key_env:
                SECRET_ENV.add(self.key_env)
                self._mkey = os.environ.get(self.key_env, "").strip()
            if not self._mkey:
                raise ProviderError(0, "", "openrouter: no management key (set management_key_credential, "
                                           "management_key_file or management_key_env)")
            REDACT.add(self._mkey)
        return self._mkey

    def _call(self, method: str, path: str, body=None, bearer: Optional[str] = None, retry: bool = True):
        """retry=False (a create): only 429 is retried, since it means the request was not carried out."""
        token = bearer if bearer is not None else self._management_key()
        data = json.dumps(body).encode() if body is not None else None
        attempts = max(1, self.retries)
        for attempt in range(attempts):
            req = urllib.request.Request(self.base + path, data=data, method=method,
                                         headers={"Authorization": "Bearer " + token,
                                                  "Content-Type": "application/json",
                                                  "Accept": "application/json"})
            try:
                with HTTP.open(req, timeout=self.timeout) as resp:
                    raw = resp.read()
                    return resp.status, json.loads(raw) if raw else {}
            except urllib.error.HTTPError as e:
                status, payload = e.code, e.read()
                try:
                    err = json.loads(payload).get("error", {})
                except (ValueError, AttributeError):
                    err = {}
                msg = REDACT(str(err.get("message", "")))[:200] or e.reason
                code = str(err.get("code", status))
                retryable = status == 429 or (status >= 500 and retry)
                if retryable and attempt + 1 < attempts:
                    wait = e.headers.get("Retry-After", "")
                    delay = float(wait) if wait.replace(".", "", 1).isdigit() else 2.0 ** attempt
                    time.sleep(min(delay, self.max_wait))
                    continue
                cls = ProviderAuthError if status in (401, 403) else ProviderError
                raise cls(status, code, f"openrouter {method} {path.split('?')[0]}: {msg}") from None
            except (urllib.error.URLError, OSError, ValueError) as e:
                # No (complete) answer: for a create the key may or may not exist now.
                if retry and attempt + 1 < attempts:
                    time.sleep(min(2.0 ** attempt, self.max_wait))
                    continue
                raise ProviderError(0, "", f"openrouter {method} {path.split('?')[0]}: no answer "
                                           f"({type(e).__name__})") from None
        raise AssertionError("unreachable")

    def mint(self, name: str, expires_at: Optional[dt.datetime]) -> MintedKey:
        body = {"name": name}
        if expires_at is not None:
            body["expires_at"] = expires_at.astimezone(dt.timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
        if self.limit is not None:
            body["limit"] = self.limit
        _, out = self._call("POST", "/keys", body, retry=False)
        key, data = out.get("key"), out.get("data") or {}
        if not isinstance(key, str) or not key or not data.get("hash"):
            raise ProviderError(0, "", "openrouter POST /keys: answer without key or hash")
        REDACT.add(key)
        return MintedKey(id=str(data["hash"]), value=bytearray(key.encode()))

    def check(self, value: bytes) -> bool:
        try:
            self._call("GET", "/key", bearer=bytes(value).decode())
        except ProviderAuthError:
            return False
        return True

    def _retire(self, method: str, key_id: str, body=None) -> bool:
        try:
            self._call(method, f"/keys/{key_id}", body)
        except ProviderError as e:
            if e.status == 404:
                return False
            raise
        return True

    def disable(self, key_id: str) -> bool:
        return self._retire("PATCH", key_id, {"disabled": True})

    def delete(self, key_id: str) -> bool:
        return self._retire("DELETE", key_id)

    def list_keys(self) -> list:
        out, offset = [], 0
        while True:
            _, page = self._call("GET", f"/keys?include_disabled=true&offset={offset}")
            rows = page.get("data") or []
            out += [RemoteKey(id=str(r.get("hash", "")), name=str(r.get("name", "")), disabled=bool(r.get("disabled")))
                    for r in rows]
            if len(rows) < PAGE:
                return out
            offset += len(rows)
