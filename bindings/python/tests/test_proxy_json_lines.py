"""Answers that are not one JSON document nor SSE, on a scrub route, with values holding a quote and a
backslash (known identities): newline-delimited JSON (Ollama's native /api/chat streams one object a
line) is restored line by line as it arrives, each line still JSON; a Gemini JSON-array stream answered
with an error object is restored with its values escaped."""
import http.client
import json
import os
import tempfile
import time
import unittest

from test_proxy_pass import ProxyFixture

NAMES = ['Zoe "Q" Muller', "Back\\slash Roe"]
USER = f"I am {NAMES[0]} and {NAMES[1]}"
OLLAMA = json.dumps({"model": "gpt-oss:120b-cloud", "messages": [{"role": "user", "content": USER}]}).encode()


def ollama_line(content: str, done: bool = False) -> bytes:
    return json.dumps({"model": "m", "message": {"role": "assistant", "content": content}, "done": done}).encode() + b"\n"


class IdentitiesFixture(ProxyFixture):
    """A scrub route whose known identities are NAMES."""
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def setUp(self):
        fd, self.ids = tempfile.mkstemp(suffix=".txt")
        os.write(fd, "".join(f"person: {n}\n" for n in NAMES).encode())
        os.close(fd)
        os.chmod(self.ids, 0o600)
        self.routes = [dict(r, identities=self.ids) for r in type(self).routes]
        super().setUp()
        self.up.sse_gap = 0

    def tearDown(self):
        super().tearDown()
        os.unlink(self.ids)


class JsonLinesTest(IdentitiesFixture):
    def lines(self, pieces, ctype="application/x-ndjson"):
        self.up.answer = ("sse", 200, pieces, {"Content-Type": ctype})
        resp, data = self.post("/api/chat", OLLAMA)
        self.assertEqual(resp.status, 200)
        sent = self.up.requests[-1].body
        self.assertNotIn(b"Zoe", sent)
        self.assertNotIn(b"slash", sent)
        return data

    def test_each_line_stays_json_with_its_values_escaped(self):
        raw = ollama_line("Hi <PERSON_1>") + ollama_line(" and <PERSON_2>.") + ollama_line("", True)
        for size in (len(raw), 7, 1):
            with self.subTest(size=size):
                data = self.lines([raw[i:i + size] for i in range(0, len(raw), size)])
                docs = [json.loads(line) for line in data.split(b"\n") if line]  # every line parses
                self.assertEqual("".join(d["message"]["content"] for d in docs), f"Hi {NAMES[0]} and {NAMES[1]}.")
                self.assertTrue(docs[-1]["done"])
                self.assertTrue(data.endswith(b"\n"))

    def test_crlf_lines_and_a_last_line_without_newline(self):
        raw = ollama_line("Hi <PERSON_1>").replace(b"\n", b"\r\n") + ollama_line("<PERSON_2>", True).rstrip(b"\n")
        data = self.lines([raw])
        first, second = data.split(b"\r\n")
        self.assertEqual(json.loads(first)["message"]["content"], f"Hi {NAMES[0]}")
        self.assertEqual(json.loads(second)["message"]["content"], NAMES[1])

    def test_lines_are_relayed_as_they_come(self):
        self.up.sse_gap = 0.5
        self.up.answer = ("sse", 200, [ollama_line("Hi <PERSON_1>"), ollama_line("", True)],
                          {"Content-Type": "application/x-ndjson"})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("POST", "/api/chat", body=OLLAMA, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        started = time.monotonic()
        first = resp.readline()
        self.assertLess(time.monotonic() - started, 0.4)  # before the upstream's second line
        self.assertEqual(json.loads(first)["message"]["content"], f"Hi {NAMES[0]}")
        resp.read()
        conn.close()

    def test_a_line_that_is_no_json_is_restored_as_text(self):
        data = self.lines([b"not json <PERSON_1>\n", ollama_line("<PERSON_2>", True)])
        self.assertTrue(data.startswith(b"not json Zoe"))
        self.assertEqual(json.loads(data.split(b"\n")[1])["message"]["content"], NAMES[1])


class WholeJsonTextTest(IdentitiesFixture):
    """Whole answers the core's parser refuses but that are JSON to their client: JSON lines sent as
    application/json, duplicate keys, a byte order mark, over several lines. They were restored as plain
    text, so the quote in a value ended its string."""

    def test_values_are_escaped(self):
        cases = {
            "json lines": ollama_line("Hi <PERSON_1>") + ollama_line("<PERSON_2>", True),
            "duplicate keys": b'{"message": {"content": "Hi <PERSON_1>"}, "message": {"content": "<PERSON_2>"}}',
            "byte order mark": b'\xef\xbb\xbf{"error": {"message": "Hi <PERSON_1> <PERSON_2>"}}',
            "several lines": b'{\n  "a": "Hi <PERSON_1>",\n  "a": "<PERSON_2>"\n}\n',
        }
        for name, answer in cases.items():
            with self.subTest(name):
                self.up.answer = ("json", 200, answer)
                resp, data = self.post("/api/chat", OLLAMA)
                self.assertEqual(resp.status, 200)
                docs = data.decode("utf-8-sig").strip()
                docs = docs.split("\n") if name == "json lines" else [docs]
                text = json.dumps([json.loads(d, object_pairs_hook=list) for d in docs])  # each parses, keys kept
                self.assertIn(json.dumps(NAMES[0])[1:-1], text)
                self.assertIn(json.dumps(NAMES[1])[1:-1], text)
                self.assertNotIn("<PERSON_", text)


class GeminiArrayErrorTest(IdentitiesFixture):
    PATH = "/v1beta/models/gemini-2.0-flash:streamGenerateContent"

    def test_an_error_object_keeps_its_values_escaped(self):
        self.up.answer = ("json", 200, json.dumps({"error": {"code": 400, "message": "bad <PERSON_1>, <PERSON_2>"}}).encode())
        body = json.dumps({"contents": [{"role": "user", "parts": [{"text": USER}]}]}).encode()
        resp, data = self.post(self.PATH, body)
        self.assertEqual(json.loads(data)["error"]["message"], f"bad {NAMES[0]}, {NAMES[1]}")


if __name__ == "__main__":
    unittest.main()
