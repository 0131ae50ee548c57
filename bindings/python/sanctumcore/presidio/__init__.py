"""A drop-in for Microsoft Presidio's analyzer and anonymizer REST services (docs/presidio.md).

The same endpoints, request fields, answer shapes, key order, status codes and error messages as
presidio-analyzer and presidio-anonymizer, answered by the core's detector, pattern sets and sessions:
an owner replaces both containers with one process and changes nothing else.

    build_apps(config) -> [(host, port, aiohttp.web.Application)]   # embedded (the proxy)
    python3 -m sanctumcore.presidio --analyzer 127.0.0.1:5002 --anonymizer 127.0.0.1:5001
"""
from .server import PresidioConfig, build_apps

__all__ = ["PresidioConfig", "build_apps"]
