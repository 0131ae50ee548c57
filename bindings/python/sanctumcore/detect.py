"""The PII detector: thread-safe, immutable once made."""
from __future__ import annotations

import dataclasses
from typing import Iterable, Optional, Sequence, Union

from ._core import Context, Handle, as_bytes, check, new_error
from ._native import ffi, lib
from .offsets import codepoint_offsets

ENTITY_TYPES = ("PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD", "US_SSN", "US_BANK_NUMBER",
                "IBAN_CODE")


def _type_code(name: str) -> int:
    if name not in ENTITY_TYPES:
        raise ValueError(f"unknown entity type {name!r}; one of {ENTITY_TYPES}")
    return ENTITY_TYPES.index(name)


@dataclasses.dataclass(frozen=True)
class Entity:
    """start/end are code-point offsets for str input and byte offsets for bytes input."""
    type: str
    start: int
    end: int
    score: float
    recognizer: str
    evidence: tuple
    text: Union[str, bytes]


def _evidence(bits: int) -> tuple:
    names = []
    for i in range(32):
        if bits & (1 << i):
            p = lib.sanctum_evidence_name(1 << i)
            if p != ffi.NULL:
                names.append(ffi.string(p).decode())
    return tuple(names)


class Detector(Handle):
    """Finds personal data in text. Immutable once made: any number of threads may detect with it at
    once. A Session holds the detector it was given: closed while a session uses it, it is freed with the
    last such session."""

    def __init__(self, ctx: Context, threshold: float = 0.7, entities: Optional[Sequence[str]] = None,
                 allow: Sequence[str] = (), deny: Sequence = (), lists: Union[str, bytes, None] = None):
        """deny: terms always reported at 1.0, each a str (a PERSON) or a (type, term) pair.
        lists: the text of an allow/deny list file (docs/pii.md)."""
        if not isinstance(threshold, (int, float)) or isinstance(threshold, bool):
            raise TypeError("threshold must be a number")
        opts = ffi.new("sanctum_detector_options *")
        lib.sanctum_detector_options_init(opts)
        opts.threshold = float(threshold)
        if entities is not None:
            mask = 0
            for name in entities:
                mask |= 1 << _type_code(name)
            opts.entities = mask
        keep = []  # the cdata the options point to must outlive the call
        allow_c = [ffi.new("char[]", as_bytes(t, "allow term")) for t in allow]
        deny_pairs = [(d, "PERSON") if isinstance(d, str) else (d[1], d[0]) for d in deny]
        deny_c = [ffi.new("char[]", as_bytes(t, "deny term")) for t, _ in deny_pairs]
        if allow_c:
            arr = ffi.new("char *[]", allow_c)
            keep.append(arr)
            opts.allow_terms = arr
            opts.allow_count = len(allow_c)
        if deny_c:
            arr = ffi.new("char *[]", deny_c)
            types = ffi.new("int32_t[]", [_type_code(t) for _, t in deny_pairs])
            keep += [arr, types]
            opts.deny_terms = arr
            opts.deny_types = types
            opts.deny_count = len(deny_c)
        out = ffi.new("sanctum_detector **")
        err = new_error()
        if lists is None:
            with ctx._using() as cp:
                check(lib.sanctum_detector_new(out, cp, opts, err), err)
        else:
            buf = as_bytes(lists, "lists")
            with ctx._using() as cp:
                check(lib.sanctum_detector_new_with_lists(out, cp, opts, buf, len(buf), err), err)
        super().__init__(ctx, out[0])

    def detect(self, text: Union[str, bytes], explain: bool = False) -> list:
        is_str = isinstance(text, str)
        buf = as_bytes(text, "text")
        outp = ffi.new("sanctum_detection **")
        err = new_error()
        with self._using() as p:  # (held until the detection is freed: it was allocated from the context)
            check(lib.sanctum_detect(outp, p, buf, len(buf), 1 if explain else 0, err), err)
            det = outp[0]
            try:
                raw = [det.entities[i] for i in range(det.count)]
                spans = [(int(e.type), int(e.start), int(e.end), float(e.score), int(e.recognizer),
                          int(e.evidence)) for e in raw]
            finally:
                lib.sanctum_free(det)
        cp = codepoint_offsets(buf, [s for _, s, *_ in spans] + [e for _, _, e, *_ in spans]) if is_str else None
        result = []
        for type_, start, end, score, rec, ev in spans:
            value = buf[start:end]
            rec_name = lib.sanctum_recognizer_name(rec)
            result.append(Entity(
                type=ENTITY_TYPES[type_] if 0 <= type_ < len(ENTITY_TYPES) else str(type_),
                start=cp[start] if is_str else start, end=cp[end] if is_str else end, score=round(score, 4),
                recognizer=ffi.string(rec_name).decode() if rec_name != ffi.NULL else "unknown",
                evidence=_evidence(ev), text=value.decode("utf-8") if is_str else value))
        return result
