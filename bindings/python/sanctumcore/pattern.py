"""Pattern sets: caller-given regexes compiled by the core's PCRE2 under its limits (length, count,
match limit), matched like Python's re.finditer. Offsets come back in code points for str input."""
from __future__ import annotations

import enum
from typing import Union

from ._core import Context, Handle, as_bytes, check, new_error
from ._native import ffi, lib
from .offsets import codepoint_offsets


class PatternFlag(enum.IntFlag):
    CASELESS = 1
    MULTILINE = 2
    DOTALL = 4

    @classmethod
    def from_python(cls, re_flags: int) -> "PatternFlag":
        """Maps Python re flag bits (re.IGNORECASE=2, re.MULTILINE=8, re.DOTALL=16); others are ignored."""
        out = cls(0)
        if re_flags & 2:
            out |= cls.CASELESS
        if re_flags & 8:
            out |= cls.MULTILINE
        if re_flags & 16:
            out |= cls.DOTALL
        return out


class PatternSet(Handle):
    def __init__(self, ctx: Context, match_limit: int = 0):
        out = ffi.new("sanctum_pattern_set **")
        err = new_error()
        with ctx._using() as cp:
            check(lib.sanctum_pattern_set_new(out, cp, match_limit, err), err)
        super().__init__(ctx, out[0])

    def add(self, regex: str, flags: int = 0) -> int:
        """Compiles regex and returns its index. Raises SanctumError (PARSE with the offset in the regex)."""
        buf = as_bytes(regex, "regex")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_pattern_set_add(p, buf, len(buf), int(flags), err), err)
            return int(lib.sanctum_pattern_set_count(p)) - 1

    def __len__(self) -> int:
        with self._using() as p:
            return int(lib.sanctum_pattern_set_count(p))

    def match(self, text: Union[str, bytes], max_matches: int = 0) -> list:
        """[(pattern index, start, end)] sorted by pattern then start; code-point offsets for str text."""
        buf = as_bytes(text, "text")
        outp = ffi.new("sanctum_pattern_matches **")
        err = new_error()
        with self._using() as p:  # (held until the matches are freed: they were allocated from the context)
            check(lib.sanctum_pattern_set_match(p, buf, len(buf), max_matches, outp, err), err)
            res = outp[0]
            try:
                raw = [(int(m.pattern), int(m.start), int(m.end))
                       for m in (res.matches[i] for i in range(res.count))]
            finally:
                lib.sanctum_free(res)
        if not isinstance(text, str):
            return raw
        cp = codepoint_offsets(buf, [s for _, s, _ in raw] + [e for _, _, e in raw])
        return [(p, cp[s], cp[e]) for p, s, e in raw]
