"""Strict JSON validation and the chat-document walk with byte-exact rewriting."""
from __future__ import annotations

import dataclasses
from typing import Optional, Union

from ._core import Context, Handle, as_bytes, check, new_error, take_bytes
from ._native import ffi, lib

FORMATS = {"auto": 0, "openai_chat": 1, "anthropic": 2, "anthropic_messages": 2, "responses": 3,
           "openai_responses": 3, "gemini": 4}


def _name(fn, value: int) -> str:
    p = fn(value)
    return ffi.string(p).decode() if p != ffi.NULL else "unknown"


def format_code(fmt: Union[str, int, None]) -> int:
    if fmt is None:
        return 0
    if isinstance(fmt, int) and not isinstance(fmt, bool):
        return fmt
    if isinstance(fmt, str) and fmt in FORMATS:
        return FORMATS[fmt]
    raise ValueError(f"unknown chat format {fmt!r}; one of {sorted(FORMATS)}")


def validate(ctx: Context, data: Union[str, bytes], allow_duplicate_keys: bool = False,
             allow_lone_surrogates: bool = False) -> None:
    """Raises SanctumError (status, byte offset, message) unless data is strict RFC 8259 JSON.
    allow_lone_surrogates accepts unpaired \\uD800-\\uDFFF escapes, as the chat path does."""
    buf = as_bytes(data)
    err = new_error()
    flags = lib.SANCTUM_JSON_ALLOW_DUPLICATE_KEYS if allow_duplicate_keys else 0
    if allow_lone_surrogates:
        flags |= lib.SANCTUM_JSON_ALLOW_LONE_SURROGATES
    with ctx._using() as cp:
        check(lib.sanctum_json_validate(cp, flags, buf, len(buf), err), err)


@dataclasses.dataclass(frozen=True)
class ChatText:
    index: int
    text: str
    path: str
    role: str
    kind: str
    nested: bool
    offset: int


class ChatDocument(Handle):
    """A parsed chat request, response or stream event: its scan strings in document order, each of
    which can be given a replacement before write() puts the document back together byte-exactly."""
    _serial = True  # single-threaded in the core: calls taken one at a time

    def __init__(self, ctx: Context, data: Union[str, bytes], fmt: Union[str, int, None] = "auto", *,
                 allow_lone_surrogates: bool = False, scrub_system: bool = False,
                 refuse_attachments: bool = False):
        """scrub_system: system/developer text, instructions, tool definitions and response schemas are
        returned too (role system/developer). refuse_attachments: base64 content that cannot be scanned
        (file_data, input_audio, base64 sources, inlineData, data: URLs) is refused (SanctumError,
        status UNSUPPORTED, at the string's offset)."""
        self._input = as_bytes(data)  # the native doc borrows these bytes: keep them alive
        flags = (lib.SANCTUM_CHAT_ALLOW_LONE_SURROGATES if allow_lone_surrogates else 0) | \
            (lib.SANCTUM_CHAT_SCRUB_SYSTEM if scrub_system else 0) | \
            (lib.SANCTUM_CHAT_REFUSE_ATTACHMENTS if refuse_attachments else 0)
        out = ffi.new("sanctum_chat_doc **")
        err = new_error()
        with ctx._using() as cp:
            check(lib.sanctum_chat_doc_new_ex(out, cp, format_code(fmt), flags, self._input, len(self._input), err),
                  err)
        super().__init__(ctx, out[0])

    @property
    def format(self) -> str:
        with self._using() as p:
            return _name(lib.sanctum_chat_format_name, lib.sanctum_chat_doc_format(p))

    @property
    def shape(self) -> str:
        with self._using() as p:
            return _name(lib.sanctum_chat_shape_name, lib.sanctum_chat_doc_shape(p))

    def __len__(self) -> int:
        with self._using() as p:
            return int(lib.sanctum_chat_doc_count(p))

    def text(self, index: int) -> ChatText:
        if not isinstance(index, int) or index < 0 or index >= len(self):
            raise IndexError(index)
        t = ffi.new("sanctum_chat_text *")
        t.struct_size = ffi.sizeof("sanctum_chat_text")
        with self._using() as p:
            check(lib.sanctum_chat_doc_text(p, index, t), new_error())
        return ChatText(index=index, text=bytes(ffi.buffer(t.text, t.text_len)).decode("utf-8"),
                        path=ffi.string(t.path).decode(), role=_name(lib.sanctum_chat_role_name, t.role),
                        kind=_name(lib.sanctum_chat_kind_name, t.kind), nested=bool(t.nested),
                        offset=int(t.offset))

    def texts(self) -> list:
        return [self.text(i) for i in range(len(self))]

    def replace(self, index: int, text: Union[str, bytes]) -> None:
        if not isinstance(index, int) or index < 0 or index >= len(self):
            raise IndexError(index)
        buf = as_bytes(text, "replacement")
        err = new_error()
        with self._using() as p:
            check(lib.sanctum_chat_doc_set_replacement(p, index, buf, len(buf), err), err)

    def write(self) -> bytes:
        outp = ffi.new("uint8_t **")
        lenp = ffi.new("size_t *")
        err = new_error()
        with self._using() as p:  # (held until the output is freed: it was allocated from the context)
            check(lib.sanctum_chat_doc_write(p, outp, lenp, err), err)
            return take_bytes(outp, lenp)
