"""Scrub-route hardening found by a new-user test: identifying and free-text headers, dot segments and
non-origin-form targets, double-encoded personal data in the URL, and the error statuses of odd requests."""
import json
import os
import tempfile
import time
import unittest

from test_proxy_http import exchange, post_head, responses
from test_proxy_pass import CHAT, ProxyFixture

IDENTIFYING = {"X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.7", "Forwarded": "for=203.0.113.7",
               "Via": "1.1 home-gw", "Cookie": "sid=abc", "True-Client-IP": "203.0.113.7",
               "CF-Connecting-IP": "203.0.113.7", "X-Client-IP": "203.0.113.7",
               "X-Cluster-Client-IP": "203.0.113.7"}


class IdentifyingHeaderTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "k", "upstream": "UP/v1", "policy": "scrub", "paths": ["/k/completions"],
               "keep_headers": ["X-Forwarded-For"]},
              {"name": "p", "upstream": "UP/v1", "policy": "pass", "paths": ["/p/completions"]}]

    def test_forwarding_headers_and_cookies_never_reach_the_provider(self):
        resp, _ = self.post("/chat/completions", CHAT, IDENTIFYING)
        self.assertEqual(resp.status, 200)
        sent = {k.lower() for k in self.up.requests[0].headers}
        for name in IDENTIFYING:
            self.assertNotIn(name.lower(), sent)

    def test_a_route_may_keep_one(self):
        resp, _ = self.post("/k/completions", CHAT, IDENTIFYING)
        self.assertEqual(resp.status, 200)
        sent = {k.lower(): v for k, v in self.up.requests[0].headers.items()}
        self.assertEqual(sent.get("x-forwarded-for"), "203.0.113.7")
        self.assertNotIn("cookie", sent)

    def test_pass_routes_forward_them_as_sent(self):
        resp, _ = self.post("/p/completions", CHAT, {"Cookie": "sid=abc"})
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[0].headers.get("Cookie"), "sid=abc")


class FreeTextHeaderTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "pass_headers": ["OpenAI-Project"]}]

    def test_personal_values_in_standard_and_provider_headers_are_refused(self):
        for name in ("User-Agent", "Accept-Language", "OpenAI-Organization", "anthropic-beta",
                     "x-stainless-package-version"):
            with self.subTest(header=name):
                resp, data = self.post("/chat/completions", CHAT, {name: "John Smith john.smith@example.com"})
                self.assertEqual(resp.status, 400, data)
                err = json.loads(data)["error"]
                self.assertEqual(err["code"], "personal_header")
                self.assertNotIn("john", data.decode().lower())
        self.assertEqual(self.up.requests, [])

    def test_sdk_headers_pass_and_the_pass_list_still_applies(self):
        sdk = {"User-Agent": "OpenAI/JS 4.77.0", "x-stainless-lang": "js", "x-stainless-os": "Linux",
               "x-stainless-arch": "x64", "x-stainless-runtime": "node", "x-stainless-runtime-version": "v20.19.2",
               "x-stainless-retry-count": "0", "anthropic-version": "2023-06-01", "Accept-Language": "*",
               "OpenAI-Project": "John Smith"}
        for _ in range(2):  # the second time from the clean-value memory
            resp, data = self.post("/chat/completions", CHAT, sdk)
            self.assertEqual(resp.status, 200, data)
        self.assertEqual(self.up.requests[-1].headers["User-Agent"], "OpenAI/JS 4.77.0")


class DotSegmentTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/api/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "p", "upstream": "UP/api/v1", "policy": "pass"}]

    def raw_post(self, target: bytes) -> list:
        return responses(exchange(self.port, post_head(target, len(CHAT), b"Connection: close\r\n") + CHAT))

    def test_targets_climbing_out_of_the_base_path_are_refused(self):
        for target in (b"/../../secret", b"/%2e%2e/%2e%2e/secret", b"/%2E./secret", b"/a/../../secret",
                       b"/a%2f..%2f..%2fsecret", b"/a%5c..%5csecret", b"/a%252f..%252fsecret", b"*",
                       b"http://evil.example/secret"):
            with self.subTest(target=target):
                got = self.raw_post(target)
                self.assertEqual([s for s, _ in got], [400], got)
                err = json.loads(got[0][1])["error"]
                self.assertEqual((err["status"], err["code"]), (400, "bad_path"))
        self.assertEqual(self.up.requests, [])

    def test_dot_segments_inside_the_path_are_removed_before_routing(self):
        for target in (b"/v1/./x/../chat/completions", b"/v1/%2e/chat/%7Efoo/../completions"):
            with self.subTest(target=target):
                got = self.raw_post(target)
                self.assertEqual([s for s, _ in got], [200], got)
        self.assertEqual([r.path for r in self.up.requests], ["/api/v1/v1/chat/completions"] * 2)
        # ... and chose the scrub route: the body was scrubbed
        self.assertNotIn(b"Jane Doe", self.up.requests[0].body)

    def test_unit(self):
        from sanctumcore.proxy.paths import BadTarget, origin_form
        self.assertEqual(origin_form("/a/b/c/./../../g?x=/../y"), "/a/g?x=/../y")
        self.assertEqual(origin_form("/a/b/.."), "/a/")
        self.assertEqual(origin_form("/v1/chat%2Fcompletions"), "/v1/chat%2Fcompletions")
        with self.assertRaises(BadTarget):
            origin_form("/..")


class DoubleEncodedTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def test_twice_encoded_personal_data_in_path_and_query_is_refused(self):
        for path, code in (("/u/john.smith%2540example.com/chat/completions", "personal_path"),
                           ("/chat/completions?user=john.smith%2540example.com", "personal_query"),
                           ("/chat/completions?user=john.smith%252540example.com", "personal_query")):
            with self.subTest(path=path):
                resp, data = self.post(path, CHAT)
                self.assertEqual(resp.status, 400, data)
                self.assertEqual(json.loads(data)["error"]["code"], code)
        self.assertEqual(self.up.requests, [])
        resp, _ = self.post("/chat/completions?note=100%2525", CHAT)
        self.assertEqual(resp.status, 200)


class ErrorStatusTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def check(self, raw, status, code=None):
        self.assertTrue(raw.startswith(b"HTTP/1.1 %d " % status), raw[:80])
        got = responses(raw)
        self.assertEqual([s for s, _ in got], [status], raw[:300])
        err = json.loads(got[0][1])["error"]
        self.assertEqual(err["status"], status)
        if code:
            self.assertEqual(err["code"], code)
        self.assertEqual(self.up.requests, [])

    def test_a_multipart_upload_on_a_scrub_route_is_415(self):
        body = b"--b\r\nContent-Disposition: form-data; name=file; filename=a.txt\r\n\r\nJane Doe\r\n--b--\r\n"
        head = post_head(b"/audio/transcriptions", len(body), b"Connection: close\r\n")
        raw = exchange(self.port, head.replace(b"application/json", b"multipart/form-data; boundary=b") + body)
        self.check(raw, 415, "not_json")
        self.assertIn(b"JSON", responses(raw)[0][1])
        raw = exchange(self.port, head.replace(b"Content-Type: application/json\r\n", b"") + body)  # untyped
        self.check(raw, 415, "not_json")

    def test_json_sent_as_curl_sends_it_is_taken(self):
        for ctype in (b"application/x-www-form-urlencoded", b"text/plain"):
            with self.subTest(ctype=ctype):
                raw = exchange(self.port, post_head(b"/chat/completions", len(CHAT), b"Connection: close\r\n")
                               .replace(b"application/json", ctype) + CHAT)
                self.assertTrue(raw.startswith(b"HTTP/1.1 200"), raw[:200])

    def test_a_transfer_coding_other_than_chunked_is_501(self):
        raw = exchange(self.port, b"POST /chat/completions HTTP/1.1\r\nHost: p\r\nTransfer-Encoding: gzip, chunked\r\n"
                                  b"\r\n%x\r\n%s\r\n0\r\n\r\n" % (len(CHAT), CHAT))
        self.check(raw, 501, "transfer_coding")

    def test_bytes_that_are_no_utf8_in_the_path_query_or_a_header_are_a_400(self):
        # The detector reads UTF-8 only: such a value went to it as it was, the core refused it, and the
        # exception reached aiohttp's error path (500 "internal error", two log lines, one status=0).
        for name, head in (("path", post_head(b"/chat/completions/J\xffohn", len(CHAT))),
                           ("query", post_head(b"/chat/completions?user=J\xe9r\xf4me", len(CHAT))),
                           ("header", post_head(b"/chat/completions", len(CHAT), b"X-User: J\xe9r\xf4me\r\n")),
                           ("referer", post_head(b"/chat/completions", len(CHAT), b"Referer: https://a.example/\xff\r\n"))):
            with self.subTest(name), self.assertLogs("sanctumcore.proxy", "INFO") as logs:
                raw = exchange(self.port, head.replace(b"Host: proxy\r\n", b"Host: proxy\r\nConnection: close\r\n") + CHAT)
                self.check(raw, 400, "unreadable")
                self.assertNotIn(b"J\xe9r", raw)
            lines = [r.getMessage() for r in logs.records]
            self.assertEqual(len(lines), 1, lines)
            self.assertIn(" status=400 ", lines[0])

    def test_oversized_header_line_and_too_many_headers_are_431(self):
        for extra in (b"X-Long: " + b"a" * 20000 + b"\r\n", b"".join(b"X-%d: 1\r\n" % i for i in range(200))):
            with self.subTest(size=len(extra)):
                raw = exchange(self.port, post_head(b"/chat/completions", len(CHAT), extra) + CHAT)
                self.check(raw, 431)


class StartupCredentialTest(unittest.TestCase):
    def run_main(self, argv):
        import contextlib
        import io
        from unittest import mock

        from sanctumcore.proxy.__main__ import main

        err = io.StringIO()
        with mock.patch("sanctumcore.proxy.__main__._run", return_value=0) as run, contextlib.redirect_stderr(err):
            code = main(argv)
        return code, err.getvalue(), run

    def test_an_unset_key_variable_stops_the_start_with_exit_2(self):
        os.environ.pop("SANCTUM_TEST_UNSET_VAR", None)
        code, err, run = self.run_main(["--upstream", "http://127.0.0.1:9", "--policy", "pass",
                                        "--api-key-env", "SANCTUM_TEST_UNSET_VAR", "--listen", "127.0.0.1:0"])
        self.assertEqual(code, 2)
        self.assertIn("SANCTUM_TEST_UNSET_VAR", err)
        run.assert_not_called()

    def test_an_unreadable_or_empty_key_file_stops_the_start(self):
        with tempfile.TemporaryDirectory() as tmp:
            empty = os.path.join(tmp, "empty")
            open(empty, "w").close()
            os.chmod(empty, 0o600)
            good = os.path.join(tmp, "good")
            with open(good, "w") as f:
                f.write("sk-secret-key\n")
            os.chmod(good, 0o640)
            # an upstream key every user may read is refused (was used without a word)
            shared = os.path.join(tmp, "shared")
            with open(shared, "w") as f:
                f.write("sk-secret-key\n")
            os.chmod(shared, 0o644)
            binary = os.path.join(tmp, "binary")
            with open(binary, "wb") as f:
                f.write(b"sk-secret\xff\n")
            os.chmod(binary, 0o600)
            for path, needle in ((os.path.join(tmp, "missing"), "cannot read api_key_file"), (empty, "empty"),
                                 (shared, "api_key_file is readable by every user"),
                                 (binary, "api_key_file is not UTF-8 text"), (good, None)):
                with self.subTest(path=os.path.basename(path)):
                    conf = os.path.join(tmp, "proxy.toml")
                    with open(conf, "w") as f:
                        f.write(f'listen = "127.0.0.1:0"\n[[route]]\nname = "r"\nupstream = "http://127.0.0.1:9"\n'
                                f'policy = "pass"\napi_key_file = "{path}"\n')
                    code, err, run = self.run_main(["--config", conf])
                    if needle is None:
                        self.assertEqual(code, 0, err)
                        run.assert_called_once()
                    else:
                        self.assertEqual(code, 2)
                        self.assertIn(needle, err)
                        self.assertNotIn("sk-secret", err)
                        run.assert_not_called()


GEMINI_BODY = json.dumps({"contents": [{"role": "user", "parts": [{"text": "I am Jane Doe, jane.doe@example.com"}]}]}).encode()


def gemini_chunk(text, finish=False):
    c = {"content": {"parts": [{"text": text}], "role": "model"}, "index": 0}
    if finish:
        c["finishReason"] = "STOP"
    return {"candidates": [c], "modelVersion": "gemini-2.0-flash"}


class GeminiJsonArrayStreamTest(ProxyFixture):
    routes = [{"name": "g", "upstream": "UP", "policy": "scrub"}]
    PATH = "/v1beta/models/gemini-2.0-flash:streamGenerateContent"

    def test_placeholders_split_across_array_elements_are_restored(self):
        items = [gemini_chunk("Hi <PERS"), gemini_chunk("ON_1> bye, mail <EMAIL_"), gemini_chunk("ADDRESS_1>.", True)]
        raw = ("[" + ",\r\n".join(json.dumps(i, indent=2) for i in items) + "]").encode()
        pieces = [raw[i:i + 5] for i in range(0, len(raw), 5)]  # splits inside strings and escapes
        self.up.answer = ("sse", 200, pieces, {"Content-Type": "application/json; charset=UTF-8"})
        resp, data = self.post(self.PATH, GEMINI_BODY)
        self.assertEqual(resp.status, 200, data[:300])
        self.assertNotIn(b"Jane Doe", self.up.requests[0].body)
        got = json.loads(data)  # still one JSON array
        text = "".join(p["text"] for e in got for c in e["candidates"] for p in c["content"]["parts"])
        self.assertEqual(text, "Hi Jane Doe bye, mail jane.doe@example.com.")
        self.assertNotIn(b"<PERS", data)
        self.assertEqual(got[-1]["candidates"][0].get("finishReason"), "STOP")

    def test_an_error_object_is_restored_whole(self):
        self.up.answer = ("json", 200, b'{"error": {"code": 400, "message": "bad <PERSON_1>"}}')
        resp, data = self.post(self.PATH, GEMINI_BODY)
        self.assertEqual(json.loads(data)["error"]["message"], "bad Jane Doe")


class InvalidUtf8StreamTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def test_an_event_with_an_invalid_byte_is_still_restored_and_unknown_ones_are_counted(self):
        events = [b'data: {"choices":[{"index":0,"delta":{"content":"Hi <PERSON_1> \xff ok"}}]}\n\n',
                  b'data: {"choices":[{"index":0,"delta":{"content":" and <PERSON_9>"}}]}\n\n', b"data: [DONE]\n\n"]
        self.up.answer = ("sse", 200, events)
        with self.assertLogs("sanctumcore.proxy", "INFO") as logs:
            resp, data = self.post("/chat/completions", CHAT)
            deadline = time.monotonic() + 5
            while not any("route=" in r.getMessage() for r in logs.records) and time.monotonic() < deadline:
                time.sleep(0.02)
        self.assertEqual(resp.status, 200)
        self.assertIn(b"Hi Jane Doe \xff ok", data)
        self.assertNotIn(b"<PERSON_1>", data)
        line = next(r.getMessage() for r in logs.records if r.getMessage().startswith("route="))
        self.assertIn("unrestored=1", line)


TOOLS_BODY = json.dumps({"model": "gpt-4o-mini", "messages": [{"role": "user", "content": "hi"}],
    "tools": [{"type": "function", "function": {"name": "mail", "description": "Mail Jane Doe at jane.doe@example.com",
               "parameters": {"type": "object", "properties": {"to": {"type": "string", "description": "recipient",
                              "enum": ["jane.doe@example.com"], "default": "jane.doe@example.com"}}}}}],
    "response_format": {"type": "json_schema", "json_schema": {"name": "r", "description": "about Jane Doe",
                        "schema": {"type": "object", "properties": {"who": {"const": "Jane Doe"}}}}}}).encode()
ANTHROPIC_TOOLS = json.dumps({"model": "claude-x", "max_tokens": 5, "stop_sequences": [], "messages": [
    {"role": "user", "content": "hi"}], "tools": [{"name": "t", "description": "Ask Jane Doe",
    "input_schema": {"type": "object", "properties": {"q": {"type": "string", "examples": ["jane.doe@example.com"]}}}}]}).encode()


class ToolDefinitionTest(ProxyFixture):
    routes = [{"name": "sys", "upstream": "UP/v1", "policy": "scrub", "scrub_system": True,
               "paths": ["/sys/chat/completions", "/sys/messages"]},
              {"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def test_with_scrub_system_tool_definitions_and_schemas_are_scrubbed(self):
        for path, body in (("/sys/chat/completions", TOOLS_BODY), ("/sys/messages", ANTHROPIC_TOOLS)):
            with self.subTest(path=path):
                resp, data = self.post(path, body)
                self.assertEqual(resp.status, 200, data)
                sent = self.up.requests[-1].body
                self.assertNotIn(b"Jane Doe", sent)
                self.assertNotIn(b"jane.doe@example.com", sent)
                self.assertIn(b'"name": "', sent)  # names and structure kept
                self.assertIn(b'"type": "object"', sent)

    def test_without_it_they_are_kept_as_written(self):
        resp, _ = self.post("/chat/completions", TOOLS_BODY)
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[0].body, TOOLS_BODY)  # nothing else in it to scrub


ATTACHMENTS = {
    "image_url": {"model": "m", "messages": [{"role": "user", "content": [{"type": "image_url", "image_url": {
        "url": "data:image/png;base64,iVBORw0KGgo="}}]}]},
    "file_data": {"model": "m", "messages": [{"role": "user", "content": [{"type": "file", "file": {
        "filename": "cv.pdf", "file_data": "data:application/pdf;base64,JVBERi0="}}]}]},
    "document": {"model": "c", "max_tokens": 5, "messages": [{"role": "user", "content": [{"type": "document",
        "source": {"type": "base64", "media_type": "application/pdf", "data": "JVBERi0="}}]}]},
    "inlineData": {"contents": [{"role": "user", "parts": [{"inlineData": {"mimeType": "image/png",
                                                                            "data": "iVBORw0KGgo="}}]}]},
}


class AttachmentTest(ProxyFixture):
    routes = [{"name": "ok", "upstream": "UP/v1", "policy": "scrub", "allow_attachments": True,
               "paths": ["/ok/chat/completions"]},
              {"name": "p", "upstream": "UP/v1", "policy": "pass", "paths": ["/p/chat/completions"]},
              {"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def test_base64_attachments_are_refused_on_scrub_routes(self):
        for name, doc in ATTACHMENTS.items():
            with self.subTest(kind=name):
                path = ("/v1beta/models/gemini-2.0-flash:generateContent" if name == "inlineData"
                        else "/chat/completions")
                resp, data = self.post(path, json.dumps(doc).encode())
                self.assertEqual(resp.status, 415, data)
                err = json.loads(data)["error"]
                self.assertEqual(err["code"], "attachment")
                self.assertIsInstance(err["offset"], int)
                self.assertIn("allow_attachments", err["message"])
        self.assertEqual(self.up.requests, [])

    def test_a_route_may_allow_them_and_pass_routes_forward_them(self):
        body = json.dumps(ATTACHMENTS["file_data"]).encode()
        for path in ("/ok/chat/completions", "/p/chat/completions"):
            resp, _ = self.post(path, body)
            self.assertEqual(resp.status, 200)
        self.assertEqual(len(self.up.requests), 2)
        self.assertIn(b"JVBERi0=", self.up.requests[0].body)

    def test_https_image_urls_are_not_attachments(self):
        body = json.dumps({"model": "m", "messages": [{"role": "user", "content": [
            {"type": "image_url", "image_url": {"url": "https://example.com/cat.png"}}]}]}).encode()
        resp, _ = self.post("/chat/completions", body)
        self.assertEqual(resp.status, 200)


if __name__ == "__main__":
    unittest.main()
