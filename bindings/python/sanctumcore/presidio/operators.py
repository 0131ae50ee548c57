"""presidio-anonymizer's operators, with its parameter checks and messages: replace, redact, mask, hash
(sha256/sha512, salted), keep, encrypt/decrypt (AES-CBC, PKCS7, random IV prepended, url-safe base64),
deanonymize_keep, and ours: sanctum (numbered <TYPE_N> placeholders restorable from a sealed mapping)."""
from __future__ import annotations

import base64
import hashlib
import os

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from .http import RequestError

ANONYMIZERS = ("replace", "redact", "mask", "hash", "keep", "encrypt", "sanctum")
DEANONYMIZERS = ("decrypt", "deanonymize_keep", "sanctum")


class InvalidParam(RequestError):
    """Presidio's InvalidParamError: answered with 422."""

    def __init__(self, message: str):
        super().__init__(message, 422)


# --- Presidio's validators ---

# Presidio names the JSON types a caller sent; a Python type with no JSON name here (float, dict) gets
# its shorter message, as Presidio's does.
_JSON_TYPE_NAMES = {str: "string", bool: "boolean", int: "number", list: "array", object: "object"}


def _type_error(name: str, expected: type, value) -> InvalidParam:
    want, got = _JSON_TYPE_NAMES.get(expected), _JSON_TYPE_NAMES.get(type(value))
    if want and got:
        return InvalidParam(f"Invalid parameter value for {name}. Expecting '{want}', but got '{got}'.")
    return InvalidParam(f"Invalid parameter value for '{name}'.")


def validate_type(value, name: str, expected: type) -> None:
    if value and not isinstance(value, expected):
        raise _type_error(name, expected, value)


def validate_parameter(value, name: str, expected: type) -> None:
    if value is None:
        raise InvalidParam(f"Expected parameter {name}")
    validate_type(value, name, expected)


def validate_exists(value, entity: str, name: str) -> None:
    if value is None:
        raise InvalidParam(f"Invalid input, {entity} must contain {name}")


def validate_not_empty(value, entity: str, name: str) -> None:
    if not value:
        raise InvalidParam(f"Invalid input, {entity} must contain {name}")


# --- AES as Presidio's AESCipher does it ---

def _aes_key(params: dict) -> bytes:
    key = params.get("key")
    validate_parameter(key, "key", str)
    raw = key.encode("utf-8")
    if len(raw) * 8 not in (128, 192, 256):
        raise InvalidParam("Invalid input, key must be of length 128, 192 or 256 bits")
    return raw


def aes_encrypt(key: bytes, text: str) -> str:
    padder = padding.PKCS7(128).padder()
    data = padder.update(text.encode("utf-8")) + padder.finalize()
    iv = os.urandom(16)
    enc = Cipher(algorithms.AES(key), modes.CBC(iv)).encryptor()
    return base64.urlsafe_b64encode(iv + enc.update(data) + enc.finalize()).decode()


def aes_decrypt(key: bytes, text: str) -> str:
    raw = base64.urlsafe_b64decode(text)
    dec = Cipher(algorithms.AES(key), modes.CBC(raw[:16])).decryptor()
    unpadder = padding.PKCS7(128).unpadder()
    data = dec.update(raw[16:]) + dec.finalize()
    return (unpadder.update(data) + unpadder.finalize()).decode("utf-8")


# --- operators: validate(params) then operate(text, params, entity_type, state) ---

def _replace(text, params, entity_type, state):
    value = params.get("new_value")
    return value if value else f"<{entity_type}>"


def _replace_check(params):
    validate_type(params.get("new_value"), "new_value", str)


def _mask(text, params, entity_type, state):
    n = params["chars_to_mask"]
    n = min(len(text), n) if n > 0 else 0
    char = params["masking_char"]
    if params.get("from_end"):
        return text[:len(text) - n] + char * n
    return char * n + text[n:]


def _mask_check(params):
    char = params.get("masking_char")
    validate_parameter(char, "masking_char", str)
    if len(char) > 1:
        raise InvalidParam("Invalid input, masking_char must be a character")
    validate_parameter(params.get("chars_to_mask"), "chars_to_mask", int)
    validate_parameter(params.get("from_end"), "from_end", bool)


def _hash(text, params, entity_type, state):
    salt = params.get("salt")
    # No salt given: a random one per entity, as Presidio does since its salted-hash change.
    salt = salt.encode("utf-8") if salt else os.urandom(32)
    algo = hashlib.sha512 if params.get("hash_type", "sha256") == "sha512" else hashlib.sha256
    return algo(text.encode("utf-8") + salt).hexdigest()


def _hash_check(params):
    hash_type = params.get("hash_type", "sha256")
    validate_parameter(hash_type, "hash_type", str)
    if hash_type not in ("sha256", "sha512"):
        raise InvalidParam(f"Parameter hash_type value {hash_type} is not in range of values ['sha256', 'sha512']")
    salt = params.get("salt")
    validate_type(salt, "salt", str)
    if salt and len(salt.encode("utf-8")) < 16:
        raise InvalidParam("Invalid input, salt must be at least 16 bytes")


def _encrypt(text, params, entity_type, state):
    return aes_encrypt(_aes_key(params), text)


def _decrypt(text, params, entity_type, state):
    return aes_decrypt(_aes_key(params), text)


def _aes_check(params):
    _aes_key(params)


def _sanctum(text, params, entity_type, state):
    return state.placeholder(entity_type, text)


def _no_check(params):
    pass


ANONYMIZE_OPS = {
    "replace": (_replace_check, _replace),
    "redact": (_no_check, lambda text, params, entity_type, state: ""),
    "mask": (_mask_check, _mask),
    "hash": (_hash_check, _hash),
    "keep": (_no_check, lambda text, params, entity_type, state: text),
    "encrypt": (_aes_check, _encrypt),
    "sanctum": (_no_check, _sanctum),
}
DEANONYMIZE_OPS = {
    "decrypt": (_aes_check, _decrypt),
    "deanonymize_keep": (_no_check, lambda text, params, entity_type, state: text),
}


class OperatorConfig:
    """One entry of `anonymizers` / `deanonymizers`: {"type": name, ...params}."""

    def __init__(self, name, params: dict):
        validate_exists(name, "operator config", "operator_name")
        self.name = name
        self.params = params

    @classmethod
    def from_json(cls, data) -> "OperatorConfig":
        if not isinstance(data, dict):
            raise RequestError("Internal server error", 500)
        params = dict(data)
        name = params.pop("type", None)
        return cls(name, params)


def configs_from_json(data) -> dict:
    if data is None:
        return {}
    if not isinstance(data, dict):
        raise RequestError("Internal server error", 500)
    return {key: OperatorConfig.from_json(value) for key, value in data.items()}


def lookup(table: dict, name: str):
    ops = table.get(name)
    if ops is None:
        raise InvalidParam(f"Invalid operator class '{name}'.")
    return ops
