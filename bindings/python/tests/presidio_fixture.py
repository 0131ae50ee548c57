"""A live sanctumcore.presidio server (analyzer + anonymizer on loopback) in a background thread, and a
client posting bodies the way LiteLLM's aiohttp client does (json.dumps, Accept: application/json)."""
import asyncio
import http.client
import json
import threading
import unittest

from sanctumcore.presidio.server import serve


class PresidioServer:
    def __init__(self, limits=None, **config):
        cfg = {"analyzer": "127.0.0.1:0", "anonymizer": "127.0.0.1:0", **config}
        self.ports = None
        self.loop = asyncio.new_event_loop()
        ready = threading.Event()

        def on_ready(bound):
            self.ports = [p for _, p in bound]
            ready.set()

        def run():
            asyncio.set_event_loop(self.loop)
            self.task = self.loop.create_task(serve(cfg, on_ready, limits))
            try:
                self.loop.run_until_complete(self.task)
            except asyncio.CancelledError:
                pass

        self.thread = threading.Thread(target=run, daemon=True)
        self.thread.start()
        if not ready.wait(10):
            raise RuntimeError("presidio server did not start")
        self.analyzer_port, self.anonymizer_port = self.ports

    def close(self):
        self.loop.call_soon_threadsafe(self.task.cancel)
        self.thread.join(10)

    def request(self, port, method, path, body=None, content_type="application/json", raw=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {"Accept": "application/json"}
        data = raw
        if body is not None:
            data = json.dumps(body).encode()
        if data is not None:
            headers["Content-Type"] = content_type
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        payload = resp.read()
        conn.close()
        return resp.status, resp.getheader("Content-Type", ""), payload

    def analyze(self, body, **kw):
        status, ctype, payload = self.request(self.analyzer_port, "POST", "/analyze", body, **kw)
        return status, ctype, json.loads(payload)

    def anonymize(self, body, path="/anonymize", **kw):
        status, ctype, payload = self.request(self.anonymizer_port, "POST", path, body, **kw)
        return status, ctype, json.loads(payload)


class ServerCase(unittest.TestCase):
    config = {}

    @classmethod
    def setUpClass(cls):
        cls.srv = PresidioServer(**cls.config)

    @classmethod
    def tearDownClass(cls):
        cls.srv.close()

    def analyze_ok(self, body):
        status, ctype, data = self.srv.analyze(body)
        self.assertEqual(status, 200, data)
        self.assertIn("application/json", ctype)
        return data

    def anonymize_ok(self, body, path="/anonymize"):
        status, ctype, data = self.srv.anonymize(body, path)
        self.assertEqual(status, 200, data)
        self.assertIn("application/json", ctype)
        return data

    def assert_error(self, result, status, message):
        got_status, ctype, data = result
        self.assertEqual(got_status, status, data)
        self.assertIn("application/json", ctype)
        self.assertEqual(data, {"error": message})
