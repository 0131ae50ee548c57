"""The scrub policy's glue to the core: one detector per threshold, shared by every request thread
(detectors are immutable and thread-safe), and one fresh session per request."""
from __future__ import annotations

import threading

from .._core import Context
from ..detect import Detector
from ..session import Session

_lock = threading.Lock()
_ctx = None
_detectors = {}


def _detector(threshold: float) -> Detector:
    global _ctx
    with _lock:
        if _ctx is None:
            _ctx = Context()
        det = _detectors.get(threshold)
        if det is None:
            det = _detectors[threshold] = Detector(_ctx, threshold=threshold)
        return det


class Scrubber:
    """Anonymizes one request and restores its response (whole or streamed). Fails closed: any error
    from the core propagates and the caller refuses the request."""

    def __init__(self, threshold: float = 0.7):
        self._ctx = Context()
        self._session = Session(self._ctx, _detector(threshold))
        self._restorer = None

    def anonymize_request(self, body: bytes) -> bytes:
        return self._session.anonymize_request(body)

    def counts(self) -> dict:
        return dict(self._session.stats()["occurrences"])

    def restore_response(self, body: bytes) -> bytes:
        try:
            return self._session.restore_response(body)
        except Exception:
            # Not a chat document (an HTML error page, say): restore the placeholders as text.
            return self._session.restore_text(body)

    def stream_restorer(self):
        self._restorer = self._session.stream_restorer()
        return self._restorer

    def close(self) -> None:
        self._ctx.close()  # closes the session and restorer, wiping every value
