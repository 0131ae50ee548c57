"""Reference proxy: an OpenAI-, Anthropic- and Gemini-compatible HTTP proxy built on libsanctumcore and
aiohttp.

Run it with `sanctum-proxy --config FILE` or, for a single route,
`sanctum-proxy --listen 127.0.0.1:4040 --upstream URL --policy scrub|pass|local`
(`python -m sanctumcore.proxy` takes the same flags).
"""
from .config import Config, ConfigError, Route, from_dict, load
from .server import Proxy, ProxyThread

__all__ = ["Config", "ConfigError", "Proxy", "ProxyThread", "Route", "from_dict", "load"]
