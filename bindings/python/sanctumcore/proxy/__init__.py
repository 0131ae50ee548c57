"""Reference proxy: an OpenAI- and Anthropic-compatible HTTP proxy built on libsanctumcore.

Run it with `python3 -m sanctumcore.proxy --config FILE` or, for a single route,
`python3 -m sanctumcore.proxy --listen 127.0.0.1:4040 --upstream URL --policy scrub|pass`.
"""
from .config import Config, ConfigError, Route, from_dict, load
from .server import ProxyServer

__all__ = ["Config", "ConfigError", "Route", "ProxyServer", "from_dict", "load"]
