"""Endpoints other than chat that carry user text, on a scrub route: each JSON one is scrubbed (no
planted value reaches the provider), each upload (multipart/form-data, JSONL) refused with a JSON 415
and never forwarded. Gemini methods other than generateContent name their model in the path too:
they are routed by it and get the route's key in Google's header."""
import http.client
import json
import os
import unittest

from test_proxy_pass import ProxyFixture

USER = "I am Jane Doe, mail jane.doe@example.com, phone (514) 555-1234"
PLANTED = [b"Jane", b"jane.doe", b"555-1234"]

JSON_ENDPOINTS = [  # (path, body) as the SDKs send them
    ("/v1/embeddings", {"model": "m", "input": USER}),
    ("/v1/embeddings", {"model": "m", "input": [USER, "plain words"], "encoding_format": "float"}),
    ("/v1/moderations", {"model": "m", "input": USER}),
    ("/v1/moderations", {"model": "m", "input": [{"type": "text", "text": USER}]}),
    ("/v1/completions", {"model": "m", "prompt": USER}),
    ("/v1/completions", {"model": "m", "prompt": [USER, "x"], "suffix": USER}),
    ("/v1/messages/count_tokens", {"model": "m", "messages": [{"role": "user", "content": USER}]}),
    ("/v1/messages/batches", {"requests": [{"custom_id": "a", "params": {
        "model": "m", "max_tokens": 5, "messages": [{"role": "user", "content": USER}]}}]}),
    ("/v1beta/models/m:batchEmbedContents", {"requests": [{"model": "models/m", "content": {"parts": [{"text": USER}]}}]}),
    ("/v1beta/models/m:embedContent", {"content": {"parts": [{"text": USER}]}}),
    ("/v1beta/models/m:countTokens", {"contents": [{"role": "user", "parts": [{"text": USER}]}]}),
    ("/v1/batches", {"input_file_id": "file-1", "endpoint": "/v1/chat/completions", "completion_window": "24h",
                     "metadata": {"who": USER}}),
    ("/v1/audio/speech", {"model": "tts", "input": USER, "voice": "alloy"}),
    ("/v1/images/generations", {"model": "x", "prompt": "A portrait of " + USER}),
    ("/v1/vector_stores/vs_1/search", {"query": USER}),
    ("/v1/threads/t_1/messages", {"role": "user", "content": USER}),
    ("/v1/conversations", {"items": [{"type": "message", "role": "user", "content": USER}]}),
    ("/v1/responses/input_tokens", {"model": "m", "input": USER}),
]

JSONL = (json.dumps({"custom_id": "a", "method": "POST", "url": "/v1/chat/completions",
                     "body": {"model": "m", "messages": [{"role": "user", "content": USER}]}}) + "\n").encode()
UPLOADS = [  # (path, content type, body)
    ("/v1/files", "multipart/form-data; boundary=b",
     b'--b\r\nContent-Disposition: form-data; name="purpose"\r\n\r\nbatch\r\n--b\r\nContent-Disposition: form-data; '
     b'name="file"; filename="batch.jsonl"\r\nContent-Type: application/jsonl\r\n\r\n' + JSONL + b"\r\n--b--\r\n"),
    ("/v1/uploads/up_1/parts", "multipart/form-data; boundary=b",
     b'--b\r\nContent-Disposition: form-data; name="data"; filename="p"\r\n\r\n' + JSONL + b"\r\n--b--\r\n"),
    ("/v1/audio/transcriptions", "multipart/form-data; boundary=b",
     b'--b\r\nContent-Disposition: form-data; name="prompt"\r\n\r\n' + USER.encode() + b'\r\n--b\r\n'
     b'Content-Disposition: form-data; name="file"; filename="a.wav"\r\n\r\nRIFF....\r\n--b--\r\n'),
    ("/v1/files", "application/jsonl", JSONL),
    ("/v1/files", "application/x-ndjson", JSONL + JSONL),
    ("/upload/v1beta/files", "application/octet-stream", JSONL),
]


class ScrubEndpointsTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def test_json_endpoints_are_scrubbed(self):
        for path, body in JSON_ENDPOINTS:
            with self.subTest(path=path, keys=sorted(body)):
                before = len(self.up.requests)
                resp, data = self.post(path, json.dumps(body).encode())
                self.assertEqual(resp.status, 200, data)
                self.assertEqual(len(self.up.requests), before + 1)
                sent = self.up.requests[-1].body
                for value in PLANTED:
                    self.assertNotIn(value, sent)
                self.assertIn(b"<PERSON_1>", sent)

    def test_jsonl_sent_as_json_is_refused(self):
        resp, data = self.post("/v1/files", JSONL + JSONL)
        self.assertEqual(resp.status, 400)
        self.assertIsNotNone(json.loads(data)["error"]["offset"])
        self.assertEqual(self.up.requests, [])

    def test_uploads_are_refused_with_a_json_error(self):
        for path, ctype, body in UPLOADS:
            with self.subTest(path=path, ctype=ctype):
                resp, data = self.post(path, body, {"Content-Type": ctype})
                self.assertEqual(resp.status, 415)
                self.assertEqual(json.loads(data)["error"]["code"], "not_json")
        self.assertEqual(self.up.requests, [])


class GeminiModelPathTest(ProxyFixture):
    """The SDK's embedContent posts to :batchEmbedContents. Only :generateContent, :streamGenerateContent
    and :countTokens were read for their model, so with routes by model every Gemini embedding (and
    batch) request was a 404 'no route matches', whichever route held the model."""
    routes = [{"name": "scrub", "upstream": "UP/s", "policy": "scrub", "models": ["gemini-*"],
               "api_key_env": "SANCTUM_TEST_GKEY"},
              {"name": "pass", "upstream": "UP/p", "policy": "pass", "models": ["gemma-*"]}]

    def setUp(self):
        os.environ["SANCTUM_TEST_GKEY"] = "AIza-route-key"
        super().setUp()

    def tearDown(self):
        super().tearDown()
        os.environ.pop("SANCTUM_TEST_GKEY")

    def test_embedding_methods_are_routed_by_their_path_model(self):
        body = json.dumps({"requests": [{"model": "models/x", "content": {"parts": [{"text": USER}]}}]}).encode()
        for method in ("batchEmbedContents", "embedContent", "asyncBatchEmbedContent", "batchGenerateContent"):
            with self.subTest(method=method):
                resp, data = self.post(f"/v1beta/models/gemini-embedding-001:{method}", body)
                self.assertEqual(resp.status, 200, data)
                got = self.up.requests[-1]
                self.assertTrue(got.path.startswith("/s/v1beta/"), got.path)
                self.assertEqual(got.headers.get("x-goog-api-key"), "AIza-route-key")
                self.assertNotIn("Authorization", got.headers)
                self.assertNotIn(b"Jane", got.body)
        resp, _ = self.post("/v1beta/models/gemma-3:batchEmbedContents", body)
        self.assertEqual(resp.status, 200)
        self.assertTrue(self.up.requests[-1].path.startswith("/p/v1beta/"))
        self.assertEqual(self.up.requests[-1].body, body)

    def test_other_colons_in_a_models_path_name_no_model(self):
        """OpenAI's fine-tuned model ids hold colons (GET /v1/models/ft:gpt-4o:org::id): no Gemini method."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("GET", "/v1/models/ft:gpt-4o-mini:org::abc")
        resp = conn.getresponse()
        resp.read()
        conn.close()
        self.assertEqual(resp.status, 404)  # no route without a model here (both have models)
        self.assertEqual(self.up.requests, [])


if __name__ == "__main__":
    unittest.main()
