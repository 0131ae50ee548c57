"""Fakes for the sanctum-jobs tests: OpenRouter's key-management API (aiohttp, the documented shapes,
injectable faults), HTTP sinks that record what they receive, the programs the targets drive (sops,
security, op, systemd-creds) recording their argv and environment, and a runner for the job as a
subprocess. Tokens are generated at run time; nothing credential-shaped is committed."""
import asyncio
import datetime as dt
import hashlib
import json
import os
import secrets
import stat
import subprocess
import sys
import threading

from aiohttp import web

import sanctumcore

STAGE = os.path.dirname(os.path.dirname(os.path.abspath(sanctumcore.__file__)))
UTC = dt.timezone.utc


def rd(path):
    with open(path) as f:
        return f.read()


def or_key() -> str:
    return "sk-or-v1-" + secrets.token_hex(32)


class _Server:
    """An aiohttp app on 127.0.0.1, on its own loop in a thread."""

    def start(self):
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        async def boot():
            app = web.Application()
            self.routes(app)
            self.runner = web.AppRunner(app)
            await self.runner.setup()
            site = web.TCPSite(self.runner, "127.0.0.1", 0)
            await site.start()
            self.port = site._server.sockets[0].getsockname()[1]
            ready.set()

        self.thread = threading.Thread(target=lambda: (self.loop.run_until_complete(boot()), self.loop.run_forever()),
                                       daemon=True)
        self.thread.start()
        ready.wait(10)
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.port}"

    def stop(self):
        asyncio.run_coroutine_threadsafe(self.runner.cleanup(), self.loop).result(10)
        self.loop.call_soon_threadsafe(self.loop.stop)
        self.thread.join(10)
        self.loop.close()


def _err(status, message):
    return web.json_response({"error": {"code": status, "message": message, "metadata": None}, "user_id": None},
                             status=status)


class FakeOpenRouter(_Server):
    """keys: hash -> {"name", "key", "disabled"}. faults: list of [method, kind] consumed by the first
    matching request: "500", "lost" (mint, then drop the connection), "429" (Retry-After: 1), "404"
    (the key is deleted, then 404), "401". refuse_checks: how many `GET /key` checks of a live key are
    answered 401 first (a new key the provider does not accept yet, or at all)."""

    def __init__(self):
        self.mgmt = "fake-mgmt-" + secrets.token_hex(16)
        self.keys = {}
        self.faults = []
        self.refuse_checks = 0
        self.log = []
        self.lock = threading.Lock()

    def add_key(self, name, key=None):
        key = key or or_key()
        h = hashlib.sha256(key.encode()).hexdigest()
        with self.lock:
            self.keys[h] = {"name": name, "key": key, "disabled": False}
        return h, key

    def live(self):
        with self.lock:
            return {h: k for h, k in self.keys.items() if not k["disabled"]}

    def _fault(self, method):
        with self.lock:
            for f in self.faults:
                if f[0] == method:
                    self.faults.remove(f)
                    return f[1]
        return None

    def _data(self, h):
        k = self.keys[h]
        return {"hash": h, "name": k["name"], "label": k["key"][:12] + "..." + k["key"][-4:], "disabled": k["disabled"],
                "limit": None, "usage": 0, "created_at": "2026-01-01T00:00:00Z", "updated_at": None,
                "expires_at": k.get("expires_at")}

    def routes(self, app):
        @web.middleware
        async def auth(request, handler):
            self.log.append((request.method, request.path))
            if request.path != "/api/v1/key" and request.headers.get("Authorization") != "Bearer " + self.mgmt:
                return _err(401, "Missing or invalid authentication")
            fault = self._fault(request.method)
            if fault == "401":
                return _err(401, "Missing or invalid authentication")
            if fault == "500":
                return _err(500, "Internal Server Error")
            if fault == "429":
                r = _err(429, "Rate limit exceeded")
                r.headers["Retry-After"] = "1"
                return r
            request["fault"] = fault
            return await handler(request)

        app.middlewares.append(auth)

        async def create(request):
            body = await request.json()
            if not isinstance(body.get("name"), str) or not body["name"]:
                return _err(400, "name is required")
            h, key = self.add_key(body["name"])
            self.keys[h]["expires_at"] = body.get("expires_at")
            if request["fault"] == "lost":
                request.transport.abort()     # minted, but the answer never arrives
                await asyncio.sleep(0.2)
                return web.Response(status=500)
            return web.json_response({"data": self._data(h), "key": key}, status=201)

        async def list_keys(request):
            inc = request.query.get("include_disabled") == "true"
            off = int(request.query.get("offset", "0"))
            rows = [self._data(h) for h in sorted(self.keys) if inc or not self.keys[h]["disabled"]]
            return web.json_response({"data": rows[off:off + 100]})

        async def current(request):
            tok = request.headers.get("Authorization", "")[7:]
            with self.lock:
                if self.refuse_checks > 0:
                    self.refuse_checks -= 1
                    return _err(401, "Missing or invalid authentication")
            for h, k in self.keys.items():
                if k["key"] == tok and not k["disabled"]:
                    d = self._data(h)
                    return web.json_response({"data": {"label": d["label"], "limit": None, "usage": 0,
                                                       "is_free_tier": False, "expires_at": d["expires_at"]}})
            return _err(401, "Missing or invalid authentication")

        async def patch(request):
            h = request.match_info["hash"]
            if h not in self.keys:
                return _err(404, "API key does not exist")
            body = await request.json()
            if "disabled" in body:
                self.keys[h]["disabled"] = bool(body["disabled"])
            return web.json_response({"data": self._data(h)})

        async def delete(request):
            h = request.match_info["hash"]
            if request["fault"] == "404":
                self.keys.pop(h, None)
            if h not in self.keys:
                return _err(404, "API key does not exist")
            del self.keys[h]
            return web.json_response({"deleted": True})

        app.router.add_post("/api/v1/keys", create)
        app.router.add_get("/api/v1/keys", list_keys)
        app.router.add_get("/api/v1/key", current)
        app.router.add_patch("/api/v1/keys/{hash}", patch)
        app.router.add_delete("/api/v1/keys/{hash}", delete)


class Sinks(_Server):
    """ntfy (POST /ntfy/TOPIC), a JSON webhook (POST /hook) and signal-cli-rest-api (POST /v2/send)."""

    def __init__(self):
        self.got = {"ntfy": [], "webhook": [], "signal": []}
        self.fail_webhook = False

    def routes(self, app):
        async def ntfy(request):
            self.got["ntfy"].append({"topic": request.match_info["topic"], "title": request.headers.get("Title"),
                                     "priority": request.headers.get("Priority"), "tags": request.headers.get("Tags"),
                                     "body": await request.text()})
            return web.json_response({"id": "x"})

        async def hook(request):
            if self.fail_webhook:
                return web.Response(status=503)
            self.got["webhook"].append(await request.json())
            return web.json_response({})

        async def signal(request):
            self.got["signal"].append(await request.json())
            return web.json_response({"timestamp": 1}, status=201)

        app.router.add_post("/ntfy/{topic}", ntfy)
        app.router.add_post("/hook", hook)
        app.router.add_post("/v2/send", signal)

    def all_text(self):
        return json.dumps(self.got)


FAKE_PROGRAM = r'''#!/usr/bin/python3 -IS
# Fake %(name)s for the sanctum-jobs tests: records argv and environment, keeps values "encrypted"
# (base64 of the reversed bytes) in a store file, reads values from stdin only.
import base64, json, os, sys
prog = os.path.basename(sys.argv[0]); a = sys.argv[1:]
with open(os.environ["FAKE_LOG"], "a") as f:
    f.write(json.dumps({"prog": prog, "argv": sys.argv, "env": dict(os.environ)}) + "\n")
store_path = os.path.join(os.environ["FAKE_STORE"], prog + ".json")
try:
    store = json.load(open(store_path))
except FileNotFoundError:
    store = {}
enc = lambda v: base64.b64encode(v.encode()[::-1]).decode()
dec = lambda v: base64.b64decode(v)[::-1].decode()
def save():
    json.dump(store, open(store_path, "w"))
def opt(flag):
    return a[a.index(flag) + 1] if flag in a else ""
if prog == "sops":
    if a[:2] == ["set", "--help"]: print("--value-stdin  read the value from stdin"); sys.exit(0)
    if a[:2] == ["set", "--value-stdin"]:
        path, index = a[2], a[3]
        doc = json.load(open(path)); doc["data"][index] = enc(json.loads(sys.stdin.read()))
        json.dump(doc, open(path, "w")); sys.exit(0)
    if a[:2] == ["decrypt", "--extract"]:
        sys.stdout.write(dec(json.load(open(a[3]))["data"][a[2]])); sys.exit(0)
elif prog == "security":
    k = opt("-a") + "/" + opt("-s")
    if a[0] == "add-generic-password" and a[-1] == "-w":
        lines = sys.stdin.read().split("\n")
        if len(lines) < 2 or lines[0] != lines[1]: sys.exit(3)
        store[k] = enc(lines[0]); save(); sys.exit(0)
    if a[0] == "find-generic-password":
        if k not in store: sys.exit(44)
        print(dec(store[k])); sys.exit(0)
elif prog == "op":
    item = a[2]
    if a[:2] == ["item", "get"] and "--format" in a:
        print(json.dumps(json.loads(dec(store[item])))); sys.exit(0)
    if a[:2] == ["item", "edit"]:
        store[item] = enc(json.dumps(json.loads(sys.stdin.read()))); save(); sys.exit(0)
    if a[:2] == ["item", "get"] and "--fields" in a:
        doc = json.loads(dec(store[item]))
        print([f["value"] for f in doc["fields"] if opt("--fields") in (f["id"], f["label"])][0]); sys.exit(0)
elif prog == "systemd-creds":
    if a[0] == "encrypt":
        open(a[-1], "w").write("FAKECRED " + enc(sys.stdin.read())); sys.exit(0)
    if a[0] == "decrypt":
        sys.stdout.write(dec(open(a[2]).read().split(" ", 1)[1])); sys.exit(0)
sys.exit(64)
'''


def make_fake_programs(bindir):
    os.makedirs(bindir, exist_ok=True)
    for name in ("sops", "security", "op", "systemd-creds"):
        p = os.path.join(bindir, name)
        with open(p, "w") as f:
            f.write(FAKE_PROGRAM % {"name": name})
        os.chmod(p, os.stat(p).st_mode | stat.S_IXUSR)


def fake_store_read(store_dir, prog, key):
    import base64
    with open(os.path.join(store_dir, prog + ".json")) as f:
        return base64.b64decode(json.load(f)[key])[::-1].decode()


def fake_store_put(store_dir, prog, key, plain):
    import base64
    p = os.path.join(store_dir, prog + ".json")
    try:
        store = json.load(open(p))
    except FileNotFoundError:
        store = {}
    store[key] = base64.b64encode(plain.encode()[::-1]).decode()
    with open(p, "w") as f:
        json.dump(store, f)


def run_job(args, env_extra=None, stdin=b"", timeout=60):
    env = dict(os.environ)
    env["PYTHONPATH"] = STAGE
    env.pop("SANCTUM_JOBS_TEST_KILL_AFTER", None)
    env.update(env_extra or {})
    return subprocess.run([sys.executable, "-m", "sanctumcore.jobs", *args], input=stdin, capture_output=True,
                          env=env, timeout=timeout)
