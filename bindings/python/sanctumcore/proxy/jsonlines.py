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


def is_json_lines(content_type: str) -> bool:
    return content_type.partition(";")[0].strip().lower() in MEDIA_TYPES


class LineStream:
    """feed(chunk) -> restored bytes so far; finish() -> the rest; close(). Wraps a core stream restorer
    (sanctumcore.session.StreamRestorer)."""

    def __init__(self, restorer):
        self._r = restorer
        self._buf = bytearray()

    def feed(self, chunk: bytes) -> bytes:
        self._buf += chunk
        end = self._buf.rfind(b"\n")
        if end < 0:
            return b""
        lines = bytes(self._buf[:end + 1])
        del self._buf[:end + 1]
        return b"".join(self._line(line) for line in lines.split(b"\n")[:-1])

    def _line(self, line: bytes, terminator: bytes = b"\n") -> bytes:
        if line.endswith(b"\r"):
            line, terminator = line[:-1], b"\r" + terminator
        if not line.strip():
            return line + terminator
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
