"""Restoring a newline-delimited JSON answer (application/x-ndjson: Ollama's native /api/chat and
/api/generate stream one JSON object a line): each complete line is handed to the core's SSE stream
restorer as one `data:` event and written back as a line as soon as it is restored, so the answer still
streams and every restored value is JSON-escaped in its line (the core rewrites the object, or restores
an object it cannot read as JSON text). Restored as one text, a value with a quote or a backslash broke
the client's JSON, and the whole answer waited for its end.
"""
from __future__ import annotations

MEDIA_TYPES = frozenset(("application/x-ndjson", "application/ndjson", "application/jsonl", "application/x-jsonl",
                         "application/jsonlines", "application/x-jsonlines"))

BOM = b"\xef\xbb\xbf"


def is_json_lines(content_type: str) -> bool:
    return content_type.partition(";")[0].strip().lower() in MEDIA_TYPES


class LineStream:
    """feed(chunk) -> restored bytes so far; finish() -> the rest; close(). Wraps a core stream restorer
    (sanctumcore.session.StreamRestorer)."""

    def __init__(self, restorer):
        self._r = restorer
        self._buf = bytearray()

    def feed(self, chunk: bytes) -> bytes:
        end = chunk.rfind(b"\n")  # (in the new bytes only: a long line fed in pieces is scanned once)
        if end < 0:
            self._buf += chunk
            return b""
        self._buf += chunk[:end + 1]
        lines = bytes(self._buf)
        self._buf = bytearray(chunk[end + 1:])
        lines = lines.split(b"\n")[:-1]
        if len(lines) > 1 and all(line.strip() and not line.endswith(b"\r") and not line.startswith(BOM)
                                  for line in lines):
            # Every line ends with LF alone (the usual case): all go to the core in one call, which costs
            # about a fifth of one call a line (a stream of many tiny lines held the event loop).
            events = self._r.feed(b"".join(b"data: " + line.replace(b"\r", b" ") + b"\n\n" for line in lines))
            return self._lines(events, b"\n")
        return b"".join(self._line(line) for line in lines)

    def _line(self, line: bytes, terminator: bytes = b"\n") -> bytes:
        if line.endswith(b"\r"):
            line, terminator = line[:-1], b"\r" + terminator
        if not line.strip():
            return line + terminator
        if line.startswith(BOM):  # (a stream's first line may have one: kept, and the line read as JSON)
            return BOM + self._line(line[len(BOM):], terminator)
        # A stray CR is JSON whitespace here, but would end the `data:` line: a space instead.
        events = self._r.feed(b"data: " + line.replace(b"\r", b" ") + b"\n\n")
        return self._lines(events, terminator)

    @staticmethod
    def _lines(events: bytes, terminator: bytes) -> bytes:
        out = []
        for event in events.split(b"\n\n"):
            data = [part[6:] if part.startswith(b"data: ") else part[5:]
                    for part in event.split(b"\n") if part.startswith(b"data:")]
            if data:
                out.append(b" ".join(data) + terminator)  # (several data lines: JSON whitespace between)
        return b"".join(out)

    def finish(self) -> bytes:
        tail = self._line(bytes(self._buf), b"") if self._buf.strip() else bytes(self._buf)
        self._buf.clear()
        return tail + self._lines(self._r.finish(), b"\n")

    def close(self) -> None:
        self._r.close()
