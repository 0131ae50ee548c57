"""The secret-age ledger: a SQLite record of tracked secrets (never their values), with a
tamper-evident audit trail. Times are timezone-aware UTC datetimes (ints and RFC 3339 strings are
accepted too)."""
from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import os
from typing import Optional, Sequence, Union

from ._core import Context, Handle, SanctumError, as_bytes, check, new_error
from ._native import ffi, lib

UTC = dt.timezone.utc
TimeLike = Union[dt.datetime, int, str, None]
PROBLEMS = ("intact", "bad_mac", "broken_link", "missing_event", "bad_anchor", "state_mismatch",
            "bad_sequence", "unexpected_head")


def _to_unix(t: TimeLike) -> int:
    if t is None:
        return 0
    if isinstance(t, bool):
        raise TypeError("time must be a datetime, int or RFC 3339 string")
    if isinstance(t, int):
        return t
    if isinstance(t, dt.datetime):
        if t.tzinfo is None:
            raise ValueError("naive datetime: give a timezone-aware one (UTC)")
        return int(t.timestamp())
    if isinstance(t, str):
        out = ffi.new("int64_t *")
        buf = t.encode()
        err = new_error()
        check(lib.sanctum_ledger_parse_time(out, buf, len(buf), err), err)
        return int(out[0])
    raise TypeError("time must be a datetime, int or RFC 3339 string")


def _dt(t: int) -> Optional[dt.datetime]:
    return dt.datetime.fromtimestamp(t, UTC) if t else None


def _s(p) -> str:
    return ffi.string(p).decode() if p != ffi.NULL else ""


@dataclasses.dataclass(frozen=True)
class Secret:
    name: str
    provider: str
    kind: str
    locations: tuple
    owner: str
    notes: str
    created_at: dt.datetime
    rotated_at: dt.datetime
    expires_at: Optional[dt.datetime]
    max_age_days: int
    auto_rotate_days: Optional[int]
    due_soon_days: int
    method: str
    state: str
    rotations: int
    fingerprint: Optional[bytes]


def _secret(s) -> Secret:
    locs = _s(s.locations)
    return Secret(name=_s(s.name), provider=_s(s.provider), kind=_s(s.kind),
                  locations=tuple(locs.split("\n")) if locs else (), owner=_s(s.owner), notes=_s(s.notes),
                  created_at=_dt(s.created_at), rotated_at=_dt(s.rotated_at), expires_at=_dt(s.expires_at),
                  max_age_days=int(s.max_age_days), auto_rotate_days=int(s.auto_rotate_days) or None,
                  due_soon_days=int(s.due_soon_days), method="api" if s.method == 1 else "manual",
                  state="retired" if s.state == 1 else "active", rotations=int(s.rotations),
                  fingerprint=bytes(s.fingerprint) if s.has_fingerprint else None)


def _secret_list(outp) -> list:
    try:
        return [_secret(outp[0].items[i]) for i in range(outp[0].count)]
    finally:
        lib.sanctum_free(outp[0])


class Ledger(Handle):
    _serial = True  # single-threaded in the core: calls taken one at a time

    def __init__(self, ctx: Context, path: Union[str, os.PathLike], key: Optional[bytes] = None,
                 key_path: Union[str, os.PathLike, None] = None, create: bool = True, read_only: bool = False,
                 now: TimeLike = None, busy_timeout_ms: int = 5000):
        opts = ffi.new("sanctum_ledger_options *")
        lib.sanctum_ledger_options_init(opts)
        keep = []

        def bytes_field(value, what):
            b = as_bytes(os.fsdecode(value) if isinstance(value, os.PathLike) else value, what)
            c = ffi.new("uint8_t[]", b or b"\0")
            keep.append(c)
            return c, len(b)

        opts.path, opts.path_len = bytes_field(path, "path")
        if key is not None:
            if not isinstance(key, (bytes, bytearray)) or len(key) != lib.sanctum_ledger_key_bytes():
                raise ValueError("key must be 32 bytes")
            opts.key, opts.key_len = bytes_field(bytes(key), "key")
        if key_path is not None:
            opts.key_path, opts.key_path_len = bytes_field(key_path, "key_path")
        flags = (lib.SANCTUM_LEDGER_CREATE if create else 0) | (lib.SANCTUM_LEDGER_READ_ONLY if read_only else 0)
        if now is not None:
            flags |= lib.SANCTUM_LEDGER_FIXED_NOW
            opts.now = _to_unix(now)
        opts.flags = flags
        opts.busy_timeout_ms = busy_timeout_ms
        out = ffi.new("sanctum_ledger **")
        err = new_error()
        try:
            with ctx._using() as cp:
                check(lib.sanctum_ledger_open(out, cp, opts, err), err)
        finally:
            if key is not None:
                ffi.memmove(opts.key, b"\0" * len(key), len(key))  # do not leave the key in our copy
        super().__init__(ctx, out[0])

    def add(self, name: str, provider: str, max_age_days: int, *, kind: str = "", locations: Sequence[str] = (),
            owner: str = "", notes: str = "", auto_rotate_days: Optional[int] = None, due_soon_days: int = 14,
            method: str = "manual", created_at: TimeLike = None, expires_at: TimeLike = None,
            value: Union[str, bytes, None] = None, actor: str = "") -> None:
        if method not in ("manual", "api"):
            raise ValueError("method must be 'manual' or 'api'")
        for label, n in (("max_age_days", max_age_days), ("due_soon_days", due_soon_days),
                         ("auto_rotate_days", auto_rotate_days or 0)):
            if not isinstance(n, int) or isinstance(n, bool) or n < 0:
                raise TypeError(f"{label} must be a non-negative int")
        spec = ffi.new("sanctum_ledger_spec *")
        lib.sanctum_ledger_spec_init(spec)
        spec.max_age_days = max_age_days
        spec.auto_rotate_days = auto_rotate_days or 0
        spec.due_soon_days = due_soon_days
        spec.method = 1 if method == "api" else 0
        spec.created_at = _to_unix(created_at)
        spec.expires_at = _to_unix(expires_at)
        keep = []
        for field, value_ in (("name", name), ("provider", provider), ("kind", kind),
                              ("locations", "\n".join(locations)), ("owner", owner), ("notes", notes),
                              ("value", value)):
            if value_ is None:
                continue
            b = as_bytes(value_, field)
            c = ffi.new("uint8_t[]", b or b"\0")
            keep.append(c)
            setattr(spec, field, c)
            setattr(spec, field + "_len", len(b))
        a = as_bytes(actor, "actor")
        err = new_error()
        try:
            with self._using() as p:
                check(lib.sanctum_ledger_add(p, spec, a, len(a), err), err)
        finally:
            if value is not None:
                ffi.memmove(spec.value, b"\0" * spec.value_len, spec.value_len)

    def rotate(self, name: str, at: TimeLike = None, value: Union[str, bytes, None] = None, actor: str = "") -> None:
        n, a = as_bytes(name, "name"), as_bytes(actor, "actor")
        v = as_bytes(value, "value") if value is not None else b""
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_rotate(p, n, len(n), _to_unix(at), v or ffi.NULL, len(v), a, len(a), err), err)

    def retire(self, name: str, actor: str = "") -> None:
        n, a = as_bytes(name, "name"), as_bytes(actor, "actor")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_retire(p, n, len(n), a, len(a), err), err)

    def show(self, name: str) -> Secret:
        n = as_bytes(name, "name")
        outp = ffi.new("sanctum_ledger_secret_list **")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_show(outp, p, n, len(n), err), err)
            return _secret_list(outp)[0]

    def list(self, include_retired: bool = False) -> list:
        outp = ffi.new("sanctum_ledger_secret_list **")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_list(outp, p, 1 if include_retired else 0, err), err)
            return _secret_list(outp)

    def check(self, now: TimeLike = None) -> dict:
        outp = ffi.new("sanctum_ledger_report **")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_check(outp, p, _to_unix(now), err), err)
            r = outp[0]
            try:
                items = []
                for i in range(r.count):
                    it = r.items[i]
                    flags = [f for bit, f in ((1, "overdue"), (2, "expired"), (4, "due_soon"), (8, "auto_rotate_due"))
                             if it.flags & bit]
                    items.append({"name": _s(it.name), "provider": _s(it.provider), "owner": _s(it.owner),
                                  "flags": flags, "rotated_at": _dt(it.rotated_at), "due_at": _dt(it.due_at),
                                  "auto_rotate_at": _dt(it.auto_rotate_at), "expires_at": _dt(it.expires_at),
                                  "age_days": int(it.age_days), "days_over": int(it.days_over),
                                  "days_left": int(it.days_left)})
                return {"now": _dt(r.now), "active": int(r.active), "overdue": int(r.overdue),
                        "expired": int(r.expired), "due_soon": int(r.due_soon),
                        "auto_rotate_due": int(r.auto_rotate_due), "items": items}
            finally:
                lib.sanctum_free(r)

    def audit_log(self, name: Optional[str] = None) -> list:
        outp = ffi.new("sanctum_ledger_event_list **")
        err = new_error()
        n = as_bytes(name, "name") if name is not None else None
        with self._using() as p:
            check(lib.sanctum_ledger_audit_log(outp, p, n if n is not None else ffi.NULL,
                                               len(n) if n else 0, err), err)
            try:
                return [{"seq": int(e.seq), "at": _dt(e.at), "actor": _s(e.actor), "action": _s(e.action),
                         "secret": _s(e.secret), "before": _s(e.before), "after": _s(e.after), "mac": bytes(e.mac)}
                        for e in (outp[0].items[i] for i in range(outp[0].count))]
            finally:
                lib.sanctum_free(outp[0])

    def verify(self, expected_count: int = 0, expected_head: Optional[bytes] = None) -> dict:
        """Returns {"intact", "problem", "events", "first_bad_seq", "head", "message"}; raises
        SanctumError only when the ledger cannot be checked at all."""
        rep = ffi.new("sanctum_ledger_verify_report *")
        rep.struct_size = ffi.sizeof("sanctum_ledger_verify_report")
        err = new_error()
        with self._using() as p:
            st = lib.sanctum_ledger_verify(rep, p, expected_count,
                                           expected_head if expected_head is not None else ffi.NULL, err)
        if st not in (lib.SANCTUM_OK, lib.SANCTUM_E_TAMPERED):
            check(st, err)
        problem = PROBLEMS[rep.problem] if rep.problem < len(PROBLEMS) else str(rep.problem)
        return {"intact": st == lib.SANCTUM_OK, "problem": problem, "events": int(rep.events),
                "first_bad_seq": int(rep.first_bad_seq) or None, "head": bytes(rep.head),
                "message": ffi.string(rep.message).decode()}

    def fingerprint(self, value: Union[str, bytes]) -> bytes:
        v = as_bytes(value, "value")
        out = ffi.new("uint8_t[32]")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_fingerprint(out, 32, p, v, len(v), err), err)
        return bytes(out)

    def match(self, value: Union[str, bytes, None] = None, fingerprint: Optional[bytes] = None) -> list:
        if (value is None) == (fingerprint is None):
            raise TypeError("give value or fingerprint")
        fp = fingerprint if fingerprint is not None else self.fingerprint(value)
        if not isinstance(fp, bytes) or len(fp) != 32:
            raise ValueError("fingerprint must be 32 bytes")
        outp = ffi.new("sanctum_ledger_secret_list **")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_match(outp, p, fp, 32, err), err)
            return _secret_list(outp)

    @contextlib.contextmanager
    def batch(self):
        """Every write inside joins one transaction; an exception rolls the whole batch back."""
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_ledger_batch_begin(p, err), err)
        try:
            yield self
        except BaseException:
            with self._using() as p:
                lib.sanctum_ledger_batch_rollback(p, new_error())
            raise
        with self._using() as p:
            check(lib.sanctum_ledger_batch_commit(p, err), err)
