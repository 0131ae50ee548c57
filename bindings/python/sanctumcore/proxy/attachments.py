"""Base64 attachments on scrub routes: file_data, input_audio, Anthropic base64 sources, Gemini inlineData
and data:...;base64, URLs hold content the detector cannot read (a PDF, an image, audio). Forwarding one
would send whatever personal data it holds in clear, so a scrub route refuses the request (415) unless
the route sets `allow_attachments = true`. The core's chat walk finds them
(SANCTUM_CHAT_REFUSE_ATTACHMENTS); a body without any of their marker bytes is not walked a second time.
"""
from __future__ import annotations

from typing import Optional

_MARKERS = (b"base64", b'"data"', b"file_data", b"input_audio", b"inlineData", b"inline_data")


def has_marker(body: bytes) -> bool:
    """Whether the body holds one of the bytes an attachment needs (else it has none: no walk)."""
    for m in _MARKERS:
        if m in body:
            return True
    return False


def offset_of_attachment(body: bytes, fmt: str) -> Optional[int]:
    """The byte offset of the first base64 attachment in a (valid) chat body, -1 when the core gives
    none, or None when there is no attachment."""
    if not has_marker(body):
        return None
    from .._core import Context, SanctumError
    from ..json import ChatDocument

    ctx = Context()
    try:
        ChatDocument(ctx, body, fmt, allow_lone_surrogates=True, refuse_attachments=True).close()
    except SanctumError as e:
        if getattr(getattr(e, "status", None), "name", "") != "UNSUPPORTED":
            return None  # another refusal: the scrub itself reports it
        offset = getattr(e, "offset", None)
        return offset if offset is not None else -1
    finally:
        ctx.close()
    return None
