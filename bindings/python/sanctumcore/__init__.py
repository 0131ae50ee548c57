"""Python bindings for libsanctumcore.

Everything native is reached through the cffi extension ``sanctumcore._native`` (API mode: compiled
against sanctum.h). Native handles are owned by Python objects that free them on ``close()``, on leaving a
``with`` block, or when garbage-collected.
"""
from ._core import (
    Context,
    SanctumError,
    Status,
    abi_version,
    version,
)
from .detect import Detector, Entity
from .identities import Identities
from .json import ChatDocument, ChatText, validate as validate_json
from .ledger import Ledger, Secret
from .scan import Finding, Scanner
from .session import Session, StreamRestorer

__all__ = ["ChatDocument", "ChatText", "Context", "Detector", "Entity", "Finding", "Identities", "Ledger", "SanctumError", "Scanner", "Secret", "Session", "StreamRestorer", "Status",
           "abi_version", "validate_json", "version"]
