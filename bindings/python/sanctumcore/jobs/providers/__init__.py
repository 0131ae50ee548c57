"""Providers with a real key-management API. A second provider is one more module registered here."""
from __future__ import annotations

from .base import MintedKey, Provider, ProviderAuthError, ProviderError, RemoteKey
from .openrouter import OpenRouter

REGISTRY = {"openrouter": OpenRouter}


def make(pcfg) -> Provider:
    kind = pcfg.options.get("type", pcfg.name)
    cls = REGISTRY.get(kind)
    if cls is None:
        raise ProviderError(0, "", f"provider {pcfg.name}: no provider of type {kind!r} is known "
                                   f"(known: {', '.join(sorted(REGISTRY))})")
    return cls(pcfg)


__all__ = ["MintedKey", "Provider", "ProviderAuthError", "ProviderError", "RemoteKey", "REGISTRY", "make"]
