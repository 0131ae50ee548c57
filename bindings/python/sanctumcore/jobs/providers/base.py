"""What the rotation state machine needs from a provider: mint a named key (shown once), check a key
value works, disable and delete a key by its id, and list the keys it holds (for the sweep)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Optional


class ProviderError(Exception):
    """A provider call failed. `status` is the HTTP status (0: no answer); messages never hold values."""

    def __init__(self, status: int, code: str, message: str):
        self.status, self.code, self.message = status, code, message
        super().__init__(f"{message} (HTTP {status})" if status else message)


class ProviderAuthError(ProviderError):
    """The management credential was refused: nothing will work until a human fixes it."""


@dataclasses.dataclass(frozen=True)
class RemoteKey:
    id: str            # the provider's handle (OpenRouter: the key's hash)
    name: str
    disabled: bool


@dataclasses.dataclass
class MintedKey:
    id: str
    value: bytearray   # wiped by the caller once sealed


class Provider:
    name = "provider"

    def preflight(self) -> list:
        """Configuration problems found offline (for --dry-run): a list of messages."""
        return []

    def mint(self, name: str, expires_at: Optional[dt.datetime]) -> MintedKey:
        raise NotImplementedError

    def check(self, value: bytes) -> bool:
        """True when the provider accepts this key value."""
        raise NotImplementedError

    def disable(self, key_id: str) -> bool:
        """False when the key is already gone."""
        raise NotImplementedError

    def delete(self, key_id: str) -> bool:
        """False when the key is already gone."""
        raise NotImplementedError

    def list_keys(self) -> list:
        raise NotImplementedError
