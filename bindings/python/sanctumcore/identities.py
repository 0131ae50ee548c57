"""Known identities: exact values (names, addresses, e-mails, phones, account numbers) always replaced."""
from __future__ import annotations

from typing import Union

from ._core import Context, Handle, as_bytes, check, new_error
from ._native import ffi, lib
from .detect import ENTITY_TYPES, Entity
from .offsets import codepoint_offsets


class Identities(Handle):
    """Loaded from the identities file format (docs/mapper.md): one "type: value" per line. Held in wiped
    native memory; pass it to Session(identities=...), which holds it: closed while a session uses it,
    it is freed with the last such session. Any number of threads may use it at once."""

    def __init__(self, ctx: Context, text: Union[str, bytes]):
        buf = as_bytes(text, "identities")
        out = ffi.new("sanctum_identities **")
        err = new_error()
        with ctx._using() as cp:
            check(lib.sanctum_identities_load(out, cp, buf, len(buf), err), err)
        super().__init__(ctx, out[0])

    def __len__(self) -> int:
        with self._using() as p:
            return int(lib.sanctum_identities_count(p))

    def detect(self, text: Union[str, bytes]) -> list:
        """The known values in text (score 1.0, sorted, non-overlapping); offsets as Detector.detect."""
        is_str = isinstance(text, str)
        buf = as_bytes(text, "text")
        outp = ffi.new("sanctum_detection **")
        err = new_error()
        with self._using() as p:  # (held until the detection is freed: it was allocated from the context)
            check(lib.sanctum_identities_detect(outp, p, buf, len(buf), err), err)
            det = outp[0]
            try:
                spans = [(int(det.entities[i].type), int(det.entities[i].start), int(det.entities[i].end))
                         for i in range(det.count)]
            finally:
                lib.sanctum_free(det)
        cp = codepoint_offsets(buf, [s for _, s, _ in spans] + [e for _, _, e in spans]) if is_str else None
        return [Entity(type=ENTITY_TYPES[t], start=cp[s] if is_str else s, end=cp[e] if is_str else e, score=1.0,
                       recognizer="deny_list", evidence=("deny_list",),
                       text=buf[s:e].decode("utf-8") if is_str else buf[s:e]) for t, s, e in spans]
