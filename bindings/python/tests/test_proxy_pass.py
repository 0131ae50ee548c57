"""The proxy's pass/local routing, configuration, limits, fallback and failure behaviour, against a fake
upstream on loopback. (Scrub routes are tested in test_proxy_scrub.py.)"""
import http.client
import json
import logging
import os
import tempfile
import threading
import time
import unittest

from fake_upstream import FakeUpstream, dead_url
from sanctumcore.proxy import ConfigError, ProxyThread, from_dict, load

CHAT = (b'{"model":"gpt-4o-mini","messages":[{"role":"user","content":"Hi, I am Jane Doe, '
        b'jane@example.com \\u00e9"}],"temperature":0.20}')


class ProxyFixture(unittest.TestCase):
    routes = None
    settings = {}

    def setUp(self):
        self.up = FakeUpstream()
        routes = self.routes or [{"name": "main", "upstream": self.up.url + "/api/v1", "policy": "pass"}]
        routes = json.loads(json.dumps(routes).replace("UP", self.up.url).replace("DOWN", dead_url()))
        self.cfg = from_dict({"listen": "127.0.0.1:0", "route": routes, **self.settings})
        self.proxy = ProxyThread(self.cfg)
        self.port = self.proxy.port

    def tearDown(self):
        self.proxy.close()
        self.up.close()

    def post(self, path, body, headers=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("POST", path, body=body, headers={"Content-Type": "application/json", **(headers or {})})
        resp = conn.getresponse()
        data = resp.read()
        conn.close()
        return resp, data


class PassRouteTest(ProxyFixture):
    def test_request_reaches_upstream_byte_identical(self):
        resp, data = self.post("/chat/completions", CHAT, {"Authorization": "Bearer client-key"})
        self.assertEqual(resp.status, 200)
        self.assertEqual(data, b'{"ok": true}')
        got = self.up.requests[0]
        self.assertEqual(got.path, "/api/v1/chat/completions")
        self.assertEqual(got.body, CHAT)
        self.assertEqual(got.headers["Authorization"], "Bearer client-key")

    def test_stream_is_relayed_unchanged(self):
        pieces = [b'data: {"choices":[{"delta":{"content":"Hel"}}]}\n\n', b'data: {"choices":[{"delta":',
                  b'{"content":"lo"}}]}\n\ndata: [DONE]\n\n']
        self.up.answer = ("sse", 200, pieces)
        resp, data = self.post("/chat/completions", CHAT)
        self.assertEqual(resp.status, 200)
        self.assertEqual(data, b"".join(pieces))

    def test_upstream_dying_mid_stream_truncates_the_client_stream(self):
        self.up.answer = ("sse-die", 200, [b'data: {"choices":[{"delta":{"content":"partial"}}]}\n\n'])
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("POST", "/chat/completions", body=CHAT)
        resp = conn.getresponse()
        self.assertEqual(resp.status, 200)
        with self.assertRaises(http.client.IncompleteRead) as cm:
            resp.read()
        self.assertIn(b"partial", cm.exception.partial)
        conn.close()

    def test_oversized_body_is_refused_before_forwarding(self):
        self.cfg.max_body_bytes = 64
        resp, data = self.post("/chat/completions", CHAT)
        self.assertEqual(resp.status, 413)
        self.assertEqual(json.loads(data)["error"]["type"], "sanctum_proxy_error")
        self.assertEqual(self.up.requests, [])

    def test_requests_without_a_body_are_forwarded(self):
        self.up.answer = ("json", 200, b'{"object":"list","data":[{"id":"gpt-4o-mini"}]}')
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        for method in ("GET", "HEAD", "OPTIONS"):
            conn.request(method, "/models", headers={"Authorization": "Bearer k"})
            resp = conn.getresponse()
            data = resp.read()
            self.assertEqual(resp.status, 200, method)
            self.assertEqual(data, b"" if method == "HEAD" else b'{"object":"list","data":[{"id":"gpt-4o-mini"}]}')
        conn.close()
        self.assertEqual([(r.method, r.path, r.body) for r in self.up.requests],
                         [(m, "/api/v1/models", b"") for m in ("GET", "HEAD", "OPTIONS")])


class ModelLookupTest(ProxyFixture):
    routes = [{"name": "raw", "upstream": "UP/raw", "policy": "pass", "paths": ["/raw/completions"]},
              {"name": "gpt", "upstream": "UP/gpt", "policy": "pass", "models": ["gpt-*"]},
              {"name": "other", "upstream": "UP/other", "policy": "pass"}]

    def test_body_is_parsed_for_its_model_only_when_the_route_table_needs_it(self):
        resp, _ = self.post("/raw/completions", b"not json: the route takes any model")
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[0].body, b"not json: the route takes any model")
        resp, _ = self.post("/chat/completions", b"not json")
        self.assertEqual(resp.status, 400)  # here the model picks the route: the body must be valid

    def test_large_body_model_lookup_runs_off_the_event_loop(self):
        proxy = self.proxy.proxy
        real, threads = proxy._model_of, []

        def spy(body):
            threads.append(threading.current_thread().name)
            return real(body)

        proxy._model_of = spy
        small = b'{"model":"gpt-4o","messages":[]}'
        big = b'{"model":"gpt-4o","messages":[{"role":"user","content":"' + b"x" * 200_000 + b'"}]}'
        for body in (small, big):
            resp, _ = self.post("/chat/completions", body)
            self.assertEqual(resp.status, 200)
        self.assertEqual([r.path for r in self.up.requests], ["/gpt/chat/completions"] * 2)
        self.assertEqual(threads[0], "sanctum-proxy")
        self.assertNotEqual(threads[1], "sanctum-proxy")

    def test_a_model_key_written_with_escapes_routes_as_the_provider_reads_it(self):
        """`"\u006dodel"` is the key `model` to every JSON reader: the lookup took only the literal
        spelling, so such a request went to the route of no model (a pass route after a scrub route)."""
        for key in (rb'"\u006dodel"', rb'"mod\u0065l"', rb'"\u006D\u006F\u0064\u0065\u006C"'):
            with self.subTest(key=key):
                n = len(self.up.requests)
                resp, _ = self.post("/chat/completions", b'{' + key + b': "gpt-4o", "messages": []}')
                self.assertEqual(resp.status, 200)
                self.assertEqual(self.up.requests[n].path, "/gpt/chat/completions")
        from sanctumcore.proxy.server import top_level_model
        self.assertIsNone(top_level_model(rb'{"a": {"\u006dodel": "gpt-4o"}, "modelx": "x"}'))

    def test_a_model_key_in_another_case_is_refused(self):
        """Go's encoding/json (Ollama) reads `"Model"` as the model, and of `"model"` and `"MODEL"` keeps
        the last: the proxy routed by the literal `model` alone (or none), so the provider could run a
        model whose route scrubs on a route that does not."""
        for body in (b'{"Model": "gpt-4o", "messages": []}', b'{"model": "x", "MODEL": "gpt-4o", "messages": []}',
                     b'{"model": "x", "\\u004dodel": "gpt-4o"}'):
            with self.subTest(body=body):
                resp, data = self.post("/chat/completions", body)
                self.assertEqual(resp.status, 400)
                self.assertEqual(json.loads(data)["error"]["code"], "ambiguous_model")
        self.assertEqual(self.up.requests, [])
        resp, _ = self.post("/chat/completions", b'{"model": "gpt-4o", "a": {"Model": "x"}, "m": "Model"}')
        self.assertEqual(resp.status, 200)  # nested keys and values are no top-level key
        self.assertEqual(self.up.requests[0].path, "/gpt/chat/completions")


class RoutingTest(ProxyFixture):
    routes = [
        {"name": "anthropic", "upstream": "UP/anthropic", "policy": "pass", "paths": ["/v1/messages"],
         "api_key_env": "SANCTUM_TEST_KEY"},
        {"name": "gpt", "upstream": "DOWN/v1", "policy": "pass", "models": ["gpt-*"], "fallback": ["spare"]},
        {"name": "spare", "upstream": "UP/spare", "policy": "pass"},
    ]

    def setUp(self):
        os.environ["SANCTUM_TEST_KEY"] = "sk-ant-route-key-never-logged"
        super().setUp()

    def tearDown(self):
        super().tearDown()
        os.environ.pop("SANCTUM_TEST_KEY", None)

    def test_path_route_injects_its_key_and_drops_the_clients(self):
        with self.assertLogs("sanctumcore.proxy", level="INFO") as logs:
            resp, _ = self.post("/v1/messages", b'{"model":"claude","messages":[]}', {"x-api-key": "client"})
            deadline = time.monotonic() + 5  # the line is written once the response has gone out
            while not logs.output and time.monotonic() < deadline:
                time.sleep(0.01)
        self.assertEqual(resp.status, 200)
        got = self.up.requests[0]
        self.assertEqual(got.path, "/anthropic/v1/messages")
        self.assertEqual(got.headers["x-api-key"], "sk-ant-route-key-never-logged")
        self.assertNotIn("Authorization", got.headers)
        line = "\n".join(logs.output)
        self.assertIn("route=anthropic policy=pass", line)
        self.assertNotIn("sk-ant", line)

    def test_unreachable_primary_falls_back(self):
        resp, _ = self.post("/chat/completions", CHAT)
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[0].path, "/spare/chat/completions")
        self.assertEqual(self.up.requests[0].body, CHAT)

    def test_no_route_is_404(self):
        cfg_routes = self.cfg.routes
        self.cfg.routes = cfg_routes[:2]
        resp, _ = self.post("/completions", b'{"model":"llama"}')
        self.assertEqual(resp.status, 404)
        self.assertEqual(self.up.requests, [])


class ConfigTest(unittest.TestCase):
    def test_file_round_trip(self):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
            f.write('listen = "127.0.0.1:5050"\nmax_body_bytes = 1000\n\n[[route]]\nname = "a"\n'
                    'upstream = "https://example.com/api/v1"\npolicy = "scrub"\nmodels = ["x/*"]\n')
        try:
            cfg = load(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual((cfg.listen_host, cfg.listen_port, cfg.max_body_bytes), ("127.0.0.1", 5050, 1000))
        self.assertEqual(cfg.routes[0].policy, "scrub")
        self.assertTrue(cfg.routes[0].matches("/chat/completions", "x/y"))
        self.assertFalse(cfg.routes[0].matches("/chat/completions", "z"))

    def test_errors_are_clear(self):
        bad = [
            ({"route": []}, "at least one"),
            ({"route": [{"name": "a", "upstream": "ftp://x", "policy": "pass"}]}, "http(s) URL"),
            ({"route": [{"name": "a", "upstream": "http://x", "policy": "yolo"}]}, "policy must be"),
            ({"route": [{"name": "a", "upstream": "http://x", "policy": "pass", "fallback": ["b"]}]}, "fallback"),
            ({"route": [{"name": "a", "upstream": "https://example.com", "policy": "local"}]}, "local"),
            ({"route": [{"name": "a", "upstream": "http://x", "policy": "pass", "colour": 1}]}, "unknown keys"),
            ({"listen": "nowhere", "route": [{"name": "a", "upstream": "http://x", "policy": "pass"}]}, "HOST:PORT"),
            # the request's path is appended to the upstream's: after a query it went into the query
            # ('/v1?api-version=1/chat/completions'), after a fragment it was lost, user info was dropped
            ({"route": [{"name": "a", "upstream": "http://x/v1?api-version=1", "policy": "pass"}]}, "query"),
            ({"route": [{"name": "a", "upstream": "http://x/v1#f", "policy": "pass"}]}, "fragment"),
            ({"route": [{"name": "a", "upstream": "http://x/v1?", "policy": "pass"}]}, "query"),
            ({"route": [{"name": "a", "upstream": "http://u:p@x/v1", "policy": "pass"}]}, "user info"),
            # a port out of range or not a number started the proxy; every request was then a 502
            ({"route": [{"name": "a", "upstream": "https://x:99999/v1", "policy": "pass"}]}, "port"),
            ({"route": [{"name": "a", "upstream": "https://x:44a/v1", "policy": "pass"}]}, "port"),
            ({"route": [{"name": "a", "upstream": "https://x:0", "policy": "pass"}]}, "port"),
            ({"listen": "[::1:4040", "route": [{"name": "a", "upstream": "http://x", "policy": "pass"}]}, "HOST:PORT"),
        ]
        for raw, needle in bad:
            with self.subTest(needle=needle):
                with self.assertRaises(ConfigError) as cm:
                    from_dict(raw)
                self.assertIn(needle, str(cm.exception))

    def test_local_route_accepts_loopback(self):
        cfg = from_dict({"route": [{"name": "l", "upstream": "http://127.0.0.1:1234/v1", "policy": "local"}]})
        self.assertEqual(cfg.routes[0].policy, "local")


if __name__ == "__main__":
    logging.basicConfig(level=logging.WARNING)
    unittest.main()
