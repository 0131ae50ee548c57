"""UTF-8 byte offsets (what the core reports) to Python code-point offsets (str indices)."""
from __future__ import annotations

from typing import Iterable


def codepoint_offsets(buf: bytes, byte_offsets: Iterable[int]) -> dict:
    """Maps byte offsets at character boundaries of the UTF-8 buffer buf to code-point offsets, in one pass
    over the sorted offsets (each stretch between two offsets is decoded once)."""
    result, pos, cps = {}, 0, 0
    for off in sorted(set(byte_offsets)):
        if off < pos or off > len(buf):
            raise ValueError("byte offset out of range")
        cps += len(buf[pos:off].decode("utf-8", "surrogatepass"))
        pos = off
        result[off] = cps
    return result
