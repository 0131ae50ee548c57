"""A hostile review of the scrub route's newer answer paths (issue 15): compressed answers (gzip members
one after the other, raw deflate, bytes after the end, the coding named twice) and newline-delimited
JSON fed in small pieces. Each case either decodes fully or is refused / cut: never a part relayed as
the whole, nor encoded bytes relayed without their Content-Encoding."""
import gzip
import http.client
import json
import time
import unittest
import zlib

from multidict import CIMultiDict

from sanctumcore.proxy import inflate, jsonlines
from test_proxy_encodings import ANSWER, CHAT, EVENTS, STREAM, text_of
from test_proxy_json_lines import NAMES, OLLAMA, IdentitiesFixture, ollama_line
from test_proxy_pass import ProxyFixture

RESTORED = "Hi Jane Doe, jane.doe@example.com"


def raw_deflate(data: bytes) -> bytes:
    c = zlib.compressobj(wbits=-zlib.MAX_WBITS)
    return c.compress(data) + c.flush()


def members(data: bytes) -> bytes:
    """data as two gzip members, cut inside a placeholder."""
    cut = data.index(b"EMAIL_") + 3
    return gzip.compress(data[:cut]) + gzip.compress(data[cut:])


class DecodedAnswerTest(ProxyFixture):
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def stream(self, pieces, coding):
        self.up.answer = ("sse", 200, pieces, {"Content-Encoding": coding})
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.request("POST", "/v1/chat/completions", body=STREAM, headers={"Content-Type": "application/json"})
        resp = conn.getresponse()
        try:
            return resp, resp.read()
        finally:
            conn.close()

    def test_gzip_members_one_after_the_other_are_all_decoded(self):
        """RFC 1952 2.2: only the first member was decoded, the rest dropped without a word."""
        self.up.answer = ("json", 200, members(ANSWER), {"Content-Encoding": "gzip"})
        resp, data = self.post("/v1/chat/completions", CHAT)
        self.assertEqual(resp.status, 200)
        self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], RESTORED)
        z = members(EVENTS)
        for size in (len(z), 3):
            with self.subTest(size=size):
                resp, data = self.stream([z[i:i + size] for i in range(0, len(z), size)], "gzip")
                self.assertEqual(text_of(data), RESTORED)
                self.assertTrue(data.endswith(b"data: [DONE]\n\n"))

    def test_bytes_after_the_end_are_refused_or_cut(self):
        """zlib keeps what follows a stream's end in unused_data without bound: a streamed answer held
        every byte after its first member, and ended cleanly as if that member were all of it."""
        for coding, z in (("gzip", gzip.compress(ANSWER) + b"trailing"), ("deflate", zlib.compress(ANSWER) + b"x")):
            with self.subTest(coding=coding, whole=True):
                self.up.answer = ("json", 200, z, {"Content-Encoding": coding})
                resp, data = self.post("/v1/chat/completions", CHAT)
                self.assertEqual(resp.status, 502)
        for coding, z in (("gzip", gzip.compress(EVENTS)), ("deflate", zlib.compress(EVENTS))):
            with self.subTest(coding=coding, whole=False):
                with self.assertRaises(http.client.IncompleteRead):
                    self.stream([z, b"\x00" * 65536, b"\x00" * 65536], coding)

    def test_raw_deflate_is_decoded(self):
        """`deflate` without its zlib header (some servers send it so): was a 502 / a cut stream."""
        self.up.answer = ("json", 200, raw_deflate(ANSWER), {"Content-Encoding": "deflate"})
        resp, data = self.post("/v1/chat/completions", CHAT)
        self.assertEqual(resp.status, 200)
        self.assertEqual(json.loads(data)["choices"][0]["message"]["content"], RESTORED)
        z = raw_deflate(EVENTS)
        resp, data = self.stream([z[i:i + 4] for i in range(0, len(z), 4)], "deflate")
        self.assertEqual(text_of(data), RESTORED)

    def test_a_coding_named_twice_is_refused(self):
        """Content-Encoding: identity, then Content-Encoding: gzip: the first was read, the gzip bytes were
        relayed as they came, and without any Content-Encoding (dropped on scrub routes): garbage."""
        z = gzip.compress(ANSWER)
        twice = CIMultiDict([("Content-Encoding", "identity"), ("Content-Encoding", "gzip")])
        self.up.answer = ("json", 200, z, twice)
        resp, data = self.post("/v1/chat/completions", CHAT)
        self.assertEqual(resp.status, 502)
        self.assertNotEqual(data, z)

    def test_head_keeps_no_length_of_an_encoded_body(self):
        """A HEAD on a scrub route had the encoded body's Content-Length without its Content-Encoding:
        the client took it for the length of the decoded body the GET would get."""
        z = gzip.compress(ANSWER * 20)
        for coding, length in (("gzip", None), ("identity", str(len(z)))):
            with self.subTest(coding=coding):
                self.up.answer = ("json", 200, z, {"Content-Encoding": coding})
                conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
                conn.request("HEAD", "/v1/chat/completions")
                resp = conn.getresponse()
                resp.read()
                conn.close()
                self.assertEqual(resp.status, 200)
                self.assertIsNone(resp.getheader("Content-Encoding"))
                self.assertEqual(resp.getheader("Content-Length"), length)

    def test_a_bomb_is_capped_whole_and_streamed(self):
        self.proxy.proxy.cfg.max_response_bytes = 1 << 20
        bomb = gzip.compress(b" " * (64 << 20))  # ~64 KB, 64 MB decoded
        self.up.answer = ("json", 200, gzip.compress(b"{") + bomb, {"Content-Encoding": "gzip"})
        started = time.monotonic()
        resp, data = self.post("/v1/chat/completions", CHAT)
        self.assertEqual(resp.status, 502)
        self.assertIn(b"max_response_bytes", data)
        resp, data = self.stream([bomb], "gzip")
        self.assertLess(len(data), 2 << 20)
        self.assertLess(time.monotonic() - started, 5)


class PassRouteBytesTest(ProxyFixture):
    """A pass route relays encoded answers as sent: no decoding, no re-encoding, the upstream's length."""
    routes = [{"name": "pass", "upstream": "UP", "policy": "pass"}]

    def test_encoded_answers_are_byte_identical(self):
        for coding, z in (("gzip", members(ANSWER)), ("deflate", raw_deflate(ANSWER)), ("br", b"\x0b\x02\x80")):
            with self.subTest(coding=coding):
                self.up.answer = ("json", 200, z, {"Content-Encoding": coding})
                resp, data = self.post("/v1/chat/completions", CHAT)
                self.assertEqual((resp.getheader("Content-Encoding"), resp.getheader("Content-Length"), data),
                                 (coding, str(len(z)), z))
        z = gzip.compress(b'{"message":{"content":"<PERSON_1>"}}\n' * 3)
        self.up.answer = ("sse", 200, [z[:7], z[7:]], {"Content-Type": "application/x-ndjson", "Content-Encoding": "gzip"})
        resp, data = self.post("/api/chat", CHAT)
        self.assertEqual((resp.getheader("Content-Encoding"), data), ("gzip", z))


class OllamaSplitPlaceholderTest(ProxyFixture):
    """Ollama streams a token a line: a placeholder split across lines (<PERS / ON_1>) came back as
    written, the core's stream restorer held back split text only in OpenAI, Anthropic and Gemini
    fields."""
    routes = [{"name": "scrub", "upstream": "UP", "policy": "scrub"}]

    def test_split_placeholders_are_restored(self):
        chat = json.dumps({"model": "llama3", "messages": [
            {"role": "user", "content": "I am Jane Doe, mail jane.doe@example.com"}]}).encode()
        parts = ("Hi <PERS", "ON_1>, <EMAIL_", "ADDRESS_1>", "")
        raw = b"".join(json.dumps({"model": "llama3", "message": {"role": "assistant", "content": p},
                                   "done": p == ""}).encode() + b"\n" for p in parts)
        for size in (len(raw), 5, 1):
            with self.subTest(size=size):
                self.up.answer = ("sse", 200, [raw[i:i + size] for i in range(0, len(raw), size)],
                                  {"Content-Type": "application/x-ndjson"})
                resp, data = self.post("/api/chat", chat)
                self.assertEqual(resp.status, 200)
                docs = [json.loads(line) for line in data.split(b"\n") if line]
                self.assertEqual("".join(d["message"]["content"] for d in docs), RESTORED)
                self.assertTrue(docs[-1]["done"])


class GeminiPathSpellingTest(ProxyFixture):
    """Routes by model with a catch-all pass route after them: a Gemini path whose model the proxy did not
    read went to the pass route unscrubbed (tuned models, the AQA model's :generateAnswer)."""
    routes = [{"name": "scrub", "upstream": "UP/s", "policy": "scrub", "models": ["gemini-*", "tunedModels/*", "aqa"]},
              {"name": "pass", "upstream": "UP/p", "policy": "pass"}]

    def test_every_spelling_reaches_the_scrub_route(self):
        body = json.dumps({"contents": [{"role": "user", "parts": [
            {"text": "I am Jane Doe, mail jane.doe@example.com"}]}]}).encode()
        for path in ("/v1beta/models/gemini-2.5-flash:generateContent",
                     "/v1beta/models/gemini-2.5-flash%3AgenerateContent",
                     "/v1beta/models/gemini-2.5-flash%3astreamGenerateContent?alt=sse",
                     "/v1beta/tunedModels/my-tune:generateContent",
                     "/v1beta/tunedModels/my-tune%3AstreamGenerateContent?alt=sse",
                     "/v1beta/models/aqa:generateAnswer"):
            with self.subTest(path=path):
                self.post(path, body)
                got = self.up.requests[-1]
                self.assertTrue(got.path.startswith("/s/"), got.path)
                self.assertNotIn(b"Jane", got.body)
                self.assertNotIn(b"jane.doe", got.body)


class InflaterTest(unittest.TestCase):
    def decode(self, coding, z, step, room=1 << 30):
        i, out = inflate.Inflater(coding), b""
        for k in range(0, len(z), step):
            out += b"".join(i.decode(z[k:k + step], room - len(out)))
        i.finish()
        return out

    def test_every_split(self):
        data = b"hello <PERSON_1> " * 50
        for step in (1, 2, 7, 4096):
            with self.subTest(step=step):
                self.assertEqual(self.decode("gzip", gzip.compress(data) * 3, step), data * 3)
                self.assertEqual(self.decode("deflate", zlib.compress(data), step), data)
                self.assertEqual(self.decode("deflate", raw_deflate(data), step), data)
                for coding, bad in (("gzip", gzip.compress(data)[:-1]), ("gzip", gzip.compress(data) + b"\x1f"),
                                    ("deflate", zlib.compress(data) + b"\x78"), ("gzip", b"")):
                    with self.assertRaises(inflate.Undecodable):
                        self.decode(coding, bad, step)

    def test_never_more_than_the_room_ahead(self):
        i = inflate.Inflater("gzip")
        got = sum(len(p) for p in i.decode(gzip.compress(b"\0" * (32 << 20)), 1000))
        self.assertLessEqual(got, 1001)


class _Echo:
    """A stand-in for the core's stream restorer: each event back as it came."""

    def feed(self, data):
        return data

    def finish(self):
        return b""

    def close(self):
        pass


class LineStreamCostTest(unittest.TestCase):
    def test_a_long_line_fed_in_small_pieces_is_scanned_once(self):
        """The buffer was searched whole for a newline on every piece: quadratic (a 16 MB line in 1 KB
        pieces scanned ~128 GB) on a line with no newline yet."""
        lines = jsonlines.LineStream(_Echo())
        piece = b"x" * 1024
        started = time.monotonic()
        for _ in range(16 * 1024):
            self.assertEqual(lines.feed(piece), b"")
        out = lines.feed(b"\n")
        self.assertLess(time.monotonic() - started, 2.0)
        self.assertEqual(len(out), 16 * 1024 * 1024 + 1)

    def test_lines_in_one_piece_keep_their_ends(self):
        raw = b'{"a":1}\n{"b":2}\n\n{"c":3}\r\n{"d":4}\n{"e":5}\n{"f":6}'
        lines = jsonlines.LineStream(_Echo())
        self.assertEqual(lines.feed(raw) + lines.finish(), raw)

    def test_lines_split_at_every_byte(self):
        lines = jsonlines.LineStream(_Echo())
        raw = b'{"a":1}\r\n\n{"b":"<PERSON_1>"}\n{"c":2}'
        out = b"".join(lines.feed(raw[i:i + 1]) for i in range(len(raw))) + lines.finish()
        self.assertEqual(out, raw)


if __name__ == "__main__":
    unittest.main()


class JsonLinesEdgesTest(IdentitiesFixture):
    """Values with a quote and a backslash (known identities) in JSON lines with a byte order mark or
    indented: the first line of a stream with a BOM was restored as text (the quote ended its string);
    a whole answer of indented JSON lines was joined into one line of several documents."""

    def test_a_byte_order_mark_on_the_first_line(self):
        raw = b"\xef\xbb\xbf" + ollama_line("Hi <PERSON_1>") + ollama_line("<PERSON_2>", True)
        for size in (len(raw), 2):
            with self.subTest(size=size):
                self.up.answer = ("sse", 200, [raw[i:i + size] for i in range(0, len(raw), size)],
                                  {"Content-Type": "application/x-ndjson"})
                resp, data = self.post("/api/chat", OLLAMA)
                self.assertTrue(data.startswith(b"\xef\xbb\xbf"))
                docs = [json.loads(line) for line in data[3:].split(b"\n") if line]
                self.assertEqual([d["message"]["content"] for d in docs], [f"Hi {NAMES[0]}", NAMES[1]])

    def test_indented_json_lines_keep_their_lines(self):
        self.up.answer = ("json", 200, b"  " + ollama_line("Hi <PERSON_1>") + b"\t" + ollama_line("<PERSON_2>", True))
        resp, data = self.post("/api/chat", OLLAMA)
        docs = [json.loads(line) for line in data.split(b"\n") if line.strip()]
        self.assertEqual([d["message"]["content"] for d in docs], [f"Hi {NAMES[0]}", NAMES[1]])


class GeminiPathAgainstBodyModelTest(ProxyFixture):
    """A path read as Gemini's names the route's model; a body naming another went along unchecked, so
    `/v1/chat/completions;/models/gemma-3:generateContent` with "model": "gpt-4o" took the pass route of
    gemma-* to a server that may drop the `;` part and run gpt-4o's chat unscrubbed."""
    routes = [{"name": "scrub", "upstream": "UP/s", "policy": "scrub", "models": ["gpt-*", "gemini-*"]},
              {"name": "pass", "upstream": "UP/p", "policy": "pass", "models": ["gemma-*"]}]

    def test_different_models_are_refused(self):
        body = json.dumps({"model": "gpt-4o", "messages": [{"role": "user", "content": "I am Jane Doe"}]}).encode()
        for path in ("/v1/chat/completions;/models/gemma-3:generateContent",
                     "/v1/chat/completions%3B/models/gemma-3%3AgenerateContent"):
            with self.subTest(path=path):
                resp, data = self.post(path, body)
                self.assertEqual(resp.status, 400, data)
                self.assertEqual(json.loads(data)["error"]["code"], "ambiguous_model")
        self.assertEqual(self.up.requests, [])

    def test_the_same_model_in_both_is_routed(self):
        body = json.dumps({"model": "models/gemini-embedding-001", "content": {"parts": [{"text": "I am Jane Doe"}]}}).encode()
        resp, _ = self.post("/v1beta/models/gemini-embedding-001:embedContent", body)
        self.assertEqual(resp.status, 200)
        self.assertTrue(self.up.requests[-1].path.startswith("/s/"))
        self.assertNotIn(b"Jane", self.up.requests[-1].body)
        body = json.dumps({"contents": [{"parts": [{"text": "hello"}]}]}).encode()
        resp, _ = self.post("/v1beta/models/gemma-3:generateContent", body)
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[-1].body, body)


class ArrayStreamCostTest(unittest.TestCase):
    """Gemini's JSON-array stream: a string not finished in a piece was matched again from its start on
    every later piece (quadratic: a 2 MB text in 1 KB pieces took minutes)."""

    def test_a_long_string_in_small_pieces(self):
        from sanctumcore.proxy import jsonarray

        arr = jsonarray.ArrayStream(_Echo(), lambda b: b)
        raw = b'[{"text": "' + b"x\\\\\\\"" * (512 * 1024) + b'"}]'
        started = time.monotonic()
        out = b"".join(arr.feed(raw[i:i + 1024]) for i in range(0, len(raw), 1024)) + arr.finish()
        self.assertLess(time.monotonic() - started, 2.0)
        self.assertEqual(json.loads(out), json.loads(raw))

    def test_escapes_split_at_every_byte(self):
        from sanctumcore.proxy import jsonarray

        raw = b'[{"a": "q\\"]}[{\\\\", "b": ["\\\\"]},\n {"c": "\\u005d"}]'
        arr = jsonarray.ArrayStream(_Echo(), lambda b: b)
        out = b"".join(arr.feed(raw[i:i + 1]) for i in range(len(raw))) + arr.finish()
        self.assertEqual(json.loads(out), json.loads(raw))
