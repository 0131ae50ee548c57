"""The token-pattern scanner: thread-safe, detect-only, secrets redacted unless asked otherwise."""
from __future__ import annotations

import dataclasses
import os
from typing import Iterable, Optional, Union

from ._core import Context, Handle, as_bytes, check, new_error, take_bytes
from ._native import ffi, lib

REPORT_FORMATS = {"text": 0, "jsonl": 1, "sarif": 2}


@dataclasses.dataclass(frozen=True)
class Finding:
    rule: str
    description: str
    fingerprint: str
    redacted: str
    line: int
    column: int
    offset: int
    length: int
    secret_offset: int
    secret_length: int


class Scanner(Handle):
    def __init__(self, ctx: Context, rules: Union[str, bytes, None] = None, builtin: bool = True,
                 inline_allow: bool = True, fingerprint_key: Optional[bytes] = None, redact_keep: int = 4,
                 max_findings: int = 10000):
        """rules: custom rules in the documented format (docs/scan.md), added to the built-in set
        unless builtin=False. fingerprint_key: 16..64 bytes keying the findings' fingerprints."""
        opts = ffi.new("sanctum_scan_options *")
        lib.sanctum_scan_options_init(opts)
        opts.flags = (0 if builtin else lib.SANCTUM_SCAN_NO_BUILTIN) | (0 if inline_allow else lib.SANCTUM_SCAN_NO_INLINE_ALLOW)
        opts.redact_keep = redact_keep
        opts.max_findings = max_findings
        key = None
        if fingerprint_key is not None:
            if not isinstance(fingerprint_key, bytes):
                raise TypeError("fingerprint_key must be bytes")
            key = ffi.new("uint8_t[]", fingerprint_key)
            opts.fingerprint_key = key
            opts.fingerprint_key_len = len(fingerprint_key)
        r = as_bytes(rules, "rules") if rules is not None else b""
        out = ffi.new("sanctum_scanner **")
        err = new_error()
        with ctx._using() as cp:
            check(lib.sanctum_scanner_new(out, cp, opts, r if r else ffi.NULL, len(r), err), err)
        super().__init__(ctx, out[0])

    @property
    def rules(self) -> list:
        with self._using() as p:
            n = lib.sanctum_scanner_rule_count(p)
            return [ffi.string(lib.sanctum_scanner_rule_id(p, i)).decode() for i in range(n)]

    def _scan(self, buf: bytes, path: str):
        p = as_bytes(path, "path")
        outp = ffi.new("sanctum_scan_result **")
        err = new_error()
        with self._using() as sp:
            check(lib.sanctum_scan_buffer(sp, outp, buf, len(buf), p, len(p), err), err)
        return outp[0]

    def scan(self, data: Union[str, bytes], path: str = "") -> list:
        """Findings in one buffer. path is used for path-based allow rules only."""
        with self._using():  # (held until the result is freed: it was allocated from the context)
            res = self._scan(as_bytes(data, "data"), path)
            try:
                return [Finding(rule=ffi.string(f.rule_id).decode(),
                                description=ffi.string(f.description).decode(),
                                fingerprint=ffi.string(f.fingerprint).decode(),
                                redacted=ffi.string(f.redacted).decode(), line=int(f.line), column=int(f.column),
                                offset=int(f.offset), length=int(f.length), secret_offset=int(f.secret_offset),
                                secret_length=int(f.secret_length))
                        for f in (res.findings[i] for i in range(res.count))]
            finally:
                lib.sanctum_free(res)

    def report(self, files: Iterable, fmt: str = "jsonl", baseline: Union[str, bytes, None] = None,
               redact: bool = True) -> bytes:
        """A whole report (text, jsonl or sarif) over (name, data) pairs or paths of files."""
        if fmt not in REPORT_FORMATS:
            raise ValueError(f"format must be one of {sorted(REPORT_FORMATS)}")
        b = as_bytes(baseline, "baseline") if baseline is not None else b""
        rp = ffi.new("sanctum_scan_report **")
        err = new_error()
        p = self._hold()  # (the report uses the scanner until it is freed)
        try:
            check(lib.sanctum_scan_report_new(rp, p, REPORT_FORMATS[fmt],
                                              0 if redact else lib.SANCTUM_SCAN_REPORT_NO_REDACT,
                                              b if b else ffi.NULL, len(b), err), err)
        except BaseException:
            self._release()
            raise
        rep = rp[0]
        try:
            for item in files:
                if isinstance(item, (str, os.PathLike)):
                    name = os.fspath(item)
                    with open(name, "rb") as f:
                        data = f.read()
                else:
                    name, data = item
                    data = as_bytes(data, "data")
                res = self._scan(data, name)
                try:
                    n = as_bytes(name, "file name")
                    check(lib.sanctum_scan_report_add(rep, res, data, len(data), n, len(n), ffi.NULL, err), err)
                finally:
                    lib.sanctum_free(res)
            outp = ffi.new("uint8_t **")
            lenp = ffi.new("size_t *")
            check(lib.sanctum_scan_report_take(rep, 1, outp, lenp, err), err)
            return take_bytes(outp, lenp)
        finally:
            lib.sanctum_free(rep)
            self._release()
