"""python3 -m sanctumcore.proxy: run the proxy from a TOML file or single-route flags."""
from __future__ import annotations

import argparse
import logging
import sys

from . import config as configmod
from .server import ProxyServer


def build_config(args) -> configmod.Config:
    if args.config:
        if args.upstream or args.policy:
            raise configmod.ConfigError("give --config or --upstream/--policy, not both")
        cfg = configmod.load(args.config)
    else:
        if not args.upstream or not args.policy:
            raise configmod.ConfigError("without --config, --upstream and --policy are required")
        route = {"name": "default", "upstream": args.upstream, "policy": args.policy}
        if args.api_key_env:
            route["api_key_env"] = args.api_key_env
        if args.threshold is not None:
            route["threshold"] = args.threshold
        cfg = configmod.from_dict({"route": [route]}, "flags")
    if args.listen:
        cfg.listen_host, cfg.listen_port = configmod.parse_listen(args.listen)
    if args.max_body_bytes:
        cfg.max_body_bytes = args.max_body_bytes
    if args.upstream_timeout:
        cfg.upstream_timeout = args.upstream_timeout
    return cfg


def main(argv=None) -> int:
    p = argparse.ArgumentParser(prog="python3 -m sanctumcore.proxy", description=__doc__)
    p.add_argument("--config", help="TOML configuration file")
    p.add_argument("--listen", help="HOST:PORT to bind (default 127.0.0.1:4040)")
    p.add_argument("--upstream", help="single route: the provider's base URL")
    p.add_argument("--policy", choices=configmod.POLICIES, help="single route: scrub, pass or local")
    p.add_argument("--api-key-env", help="single route: environment variable holding the upstream key")
    p.add_argument("--threshold", type=float, help="single route: detector threshold (default 0.7)")
    p.add_argument("--max-body-bytes", type=int)
    p.add_argument("--upstream-timeout", type=float)
    p.add_argument("--log-level", default="INFO")
    args = p.parse_args(argv)
    logging.basicConfig(level=args.log_level.upper(), stream=sys.stderr,
                        format="%(asctime)s %(name)s %(levelname)s %(message)s")
    try:
        cfg = build_config(args)
    except configmod.ConfigError as e:
        print(f"sanctum proxy: {e}", file=sys.stderr)
        return 2
    if cfg.log_file:
        logging.getLogger("sanctumcore.proxy").addHandler(logging.FileHandler(cfg.log_file))
    server = ProxyServer(cfg)
    host, port = server.server_address[:2]
    logging.getLogger("sanctumcore.proxy").info("listening on %s:%s with %d route(s)", host, port,
                                                 len(cfg.routes))
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
