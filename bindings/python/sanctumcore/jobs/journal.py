"""The rotation journal: one 0600 JSON file per secret under STATE_DIR/journal, replaced atomically
(temp + fsync + rename + directory fsync) at every state change. A new value is stored only sealed:
libsodium's crypto_secretbox (XSalsa20-Poly1305, through Debian's python3-nacl) under a 32-byte key in
STATE_DIR/journal.key. The core exposes sealing only for PII sessions, not for arbitrary values, hence
PyNaCl. Once a rotation is done the sealed value is dropped from the file."""
from __future__ import annotations

import base64
import fcntl
import json
import os
from typing import Optional

import nacl.exceptions
import nacl.secret

from .util import JobError, atomic_write, ensure_private_dir, read_or_create_key


class Journal:
    def __init__(self, cfg):
        self.dir = cfg.journal_dir
        ensure_private_dir(cfg.state_dir)
        ensure_private_dir(self.dir)
        self._box = nacl.secret.SecretBox(read_or_create_key(cfg.journal_key_file, nacl.secret.SecretBox.KEY_SIZE))
        self._lock_fd = None
        self._lock_path = os.path.join(cfg.state_dir, "rotate.lock")

    def lock(self) -> None:
        """One rotating process at a time (the timer and a human running it by hand)."""
        fd = os.open(self._lock_path, os.O_RDWR | os.O_CREAT, 0o600)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            os.close(fd)
            raise JobError("another rotate or propagate is running (state lock held)") from None
        self._lock_fd = fd

    def _path(self, secret: str) -> str:
        return os.path.join(self.dir, secret + ".json")

    def load(self, secret: str) -> Optional[dict]:
        try:
            with open(self._path(secret), "rb") as f:
                return json.load(f)
        except FileNotFoundError:
            return None
        except ValueError:
            raise JobError(f"journal of {secret} is not valid JSON: inspect {self._path(secret)} (docs/jobs.md)") from None

    def save(self, secret: str, doc: dict) -> None:
        atomic_write(self._path(secret), json.dumps(doc, indent=1, sort_keys=True).encode() + b"\n", 0o600)

    def seal(self, value: bytes) -> str:
        return base64.b64encode(bytes(self._box.encrypt(bytes(value)))).decode()

    def unseal(self, sealed: str) -> bytearray:
        try:
            return bytearray(self._box.decrypt(base64.b64decode(sealed)))
        except (nacl.exceptions.CryptoError, ValueError):
            raise JobError("the journal's sealed value does not open with journal.key (wrong key or altered)") from None
