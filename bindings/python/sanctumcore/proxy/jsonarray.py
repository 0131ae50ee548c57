"""Restoring Gemini's streamGenerateContent without `alt=sse`: the answer is one JSON array whose elements
(each a GenerateContentResponse, often pretty-printed) arrive over time. Each complete element is handed
to the core's SSE stream restorer as one `data:` event, so a placeholder split across elements
("Hi <PERS" ... "ON_1> bye") is restored exactly as in the SSE stream (the unfinished tail is carried
into the next element), and the restored events are written back as the array's elements.

Only the array's structure is scanned here (strings skipped, brackets counted); the elements themselves
are parsed by the core. An answer that is not an array (an error object) is restored whole at the end,
as a whole answer is (restore_response: a JSON document rewritten, its values JSON-escaped).
"""
from __future__ import annotations

import re

_QUOTE_OR_ESCAPE = re.compile(rb'["\\]')
_SIGNIFICANT = re.compile(rb'["\[\]{}]')
_FIRST = re.compile(rb"[^ \t\r\n]")


class ArrayStream:
    """feed(chunk) -> restored bytes so far; finish() -> the rest; close(). Wraps a core stream restorer
    (sanctumcore.session.StreamRestorer) and, for an answer that is not an array, `restore_whole`."""

    def __init__(self, restorer, restore_whole):
        self._r = restorer
        self._restore_whole = restore_whole
        self._buf = bytearray()
        self._pos = 0          # where the scan resumes in _buf
        self._depth = 0
        self._start = None     # where the open element starts in _buf
        self._mode = None      # None until the first byte: "array" or "whole"
        self._first = True     # no element written yet
        self._in_string = False  # the scan stopped inside a string (it resumes there, never from its start)

    def feed(self, chunk: bytes) -> bytes:
        self._buf += chunk
        if self._mode is None:
            m = _FIRST.search(chunk)  # (what came before was white space)
            if m is None:
                return b""
            m = _FIRST.search(self._buf)
            self._mode = "array" if self._buf[m.start():m.start() + 1] == b"[" else "whole"
        if self._mode == "whole":
            return b""
        out = []
        while True:
            if self._in_string:
                if not self._skip_string():
                    break  # the string goes on in the next chunk
                continue
            m = _SIGNIFICANT.search(self._buf, self._pos)
            if m is None:
                self._pos = len(self._buf)
                break
            c = m.group()
            self._pos = m.end()
            if c == b'"':
                self._in_string = True
                continue
            if c in (b"[", b"{"):
                self._depth += 1
                if self._depth == 2:
                    self._start = m.start()
            else:
                self._depth -= 1
                if self._depth == 1 and self._start is not None:
                    out.append(self._element(bytes(self._buf[self._start:m.end()])))
                    self._start = None
        self._trim()
        return b"".join(out)

    def _skip_string(self) -> bool:
        """Moves the scan past the string it is in; False when the string goes on in the next chunk.
        Scanned from where it stopped: a long string fed in small pieces was matched again from its
        start on every piece (quadratic)."""
        while True:
            m = _QUOTE_OR_ESCAPE.search(self._buf, self._pos)
            if m is None:
                self._pos = len(self._buf)
                return False
            if m.group() == b'"':
                self._pos = m.end()
                self._in_string = False
                return True
            if m.end() >= len(self._buf):  # an escape whose character is still to come
                self._pos = m.start()
                return False
            self._pos = m.end() + 1

    def _trim(self) -> None:
        keep = self._start if self._start is not None else self._pos
        if keep > 0:
            del self._buf[:keep]
            self._pos -= keep
            if self._start is not None:
                self._start = 0

    def _element(self, element: bytes) -> bytes:
        # Raw line breaks are JSON whitespace here (a string cannot hold one): one `data:` line each.
        one_line = element.replace(b"\r", b" ").replace(b"\n", b" ")
        return self._events(self._r.feed(b"data: " + one_line + b"\n\n"))

    def _events(self, data: bytes) -> bytes:
        out = []
        for event in data.split(b"\n\n"):
            if event.startswith(b"data: "):
                out.append((b"[" if self._first else b",\n") + event[6:])
                self._first = False
        return b"".join(out)

    def finish(self) -> bytes:
        if self._mode == "whole":
            return self._restore_whole(bytes(self._buf))
        tail = self._events(self._r.finish())
        if self._mode is None:
            return b""
        return tail + (b"[]" if self._first else b"]")

    def close(self) -> None:
        self._r.close()
