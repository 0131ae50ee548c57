"""Sessions and stream restore through the Python bindings."""
import gc
import json
import random
import unittest

from sanctumcore import Context, Detector, SanctumError, Session, Status

REQUEST = json.dumps({"model": "m", "messages": [
    {"role": "system", "content": "You help Jane's family."},
    {"role": "user", "content": "I'm Jane Doe, mail me at jane.doe@example.com or call (514) 555-1234."},
    {"role": "assistant", "content": "Sure, Jane Doe."}]}).encode()


class SessionTest(unittest.TestCase):
    def setUp(self):
        self.ctx = Context()
        self.det = Detector(self.ctx)

    def tearDown(self):
        self.ctx.close()

    def test_request_round_trip(self):
        with Session(self.ctx, self.det) as s:
            out = s.anonymize_request(REQUEST)
            for value in (b"Jane Doe", b"jane.doe@example.com", b"555-1234"):
                self.assertNotIn(value, out)
            doc = json.loads(out)
            self.assertEqual(doc["messages"][0]["content"], "You help Jane's family.")  # system kept
            self.assertIn("<PERSON_1>", doc["messages"][1]["content"])
            self.assertIn("<PERSON_1>", doc["messages"][2]["content"])  # same value, same placeholder
            stats = s.stats()
            self.assertEqual(stats["distinct"]["PERSON"], 1)
            answer = json.dumps({"id": "x", "object": "chat.completion", "choices": [{"index": 0, "message": {
                "role": "assistant", "content": "Hello <PERSON_1>, I wrote to <EMAIL_ADDRESS_1>. <PERSON_9>?"}}]})
            restored = json.loads(s.restore_response(answer.encode()))
            text = restored["choices"][0]["message"]["content"]
            self.assertEqual(text, "Hello Jane Doe, I wrote to jane.doe@example.com. <PERSON_9>?")
            self.assertEqual(s.stats()["unknown"], 1)

    def test_text_and_str_offsets(self):
        with Session(self.ctx, self.det) as s:
            anon = s.anonymize_text("Zoë asked John Smith: is 123-45-6789 right?")
            self.assertIsInstance(anon, str)
            self.assertNotIn("123-45-6789", anon)
            self.assertEqual(s.restore_text(anon), "Zoë asked John Smith: is 123-45-6789 right?")

    def test_stream_over_random_chunking(self):
        with Session(self.ctx, self.det) as s:
            s.anonymize_text("Contact Jane Doe at jane.doe@example.com")
            events = []
            for piece in ["Hi <PER", "SON_1>, your mail <EMAIL_", "ADDRESS_1> is set", "."]:
                events.append("data: " + json.dumps({"object": "chat.completion.chunk",
                              "choices": [{"index": 0, "delta": {"content": piece}}]}) + "\n\n")
            events.append("data: [DONE]\n\n")
            stream = "".join(events).encode()
            whole = None
            rng = random.Random(4)
            for trial in range(30):
                r = s.stream_restorer()
                out = b""
                pos = 0
                while pos < len(stream):
                    step = rng.randint(1, 40)
                    out += r.feed(stream[pos:pos + step])
                    pos += step
                out += r.finish()
                r.close()
                whole = whole or out
                self.assertEqual(out, whole)
            text = "".join(json.loads(line[6:])["choices"][0]["delta"].get("content", "")
                           for line in whole.decode().split("\n") if line.startswith("data: {"))
            self.assertEqual(text, "Hi Jane Doe, your mail jane.doe@example.com is set.")

    def test_seal_and_open(self):
        key = bytes(range(32))
        with Session(self.ctx, self.det) as s:
            s.anonymize_text("call Jane Doe on (514) 555-1234")
            sealed = s.seal(key)
        self.assertNotIn(b"Jane", sealed)
        self.assertNotIn(b"555", sealed)
        with Session.open_sealed(self.ctx, key, sealed) as r:
            self.assertEqual(r.restore_text("<PERSON_1> / <PHONE_NUMBER_1>"), "Jane Doe / (514) 555-1234")
        with self.assertRaises(SanctumError) as cm:
            Session.open_sealed(self.ctx, bytes(32), sealed)
        self.assertEqual(cm.exception.status, Status.TAMPERED)
        with self.assertRaises(SanctumError):
            Session.open_sealed(self.ctx, key, b"not a vault")

    def test_seal_keys_as_any_bytes_like(self):
        """A 32-byte key read into a bytearray or a memoryview (os.readv, a mmap) was refused as 'key must
        be 32 bytes', which it was."""
        with Session(self.ctx, self.det) as s:
            s.anonymize_text("call Jane Doe")
            sealed = s.seal(bytearray(range(32)))
        with Session.open_sealed(self.ctx, memoryview(bytes(range(32))), sealed) as r:
            self.assertEqual(r.restore_text("<PERSON_1>"), "Jane Doe")
        with Session(self.ctx, self.det) as s:
            for bad in (bytes(31), "x" * 32, None):
                with self.subTest(bad=bad), self.assertRaises((ValueError, TypeError)):
                    s.seal(bad)

    def test_bad_input_fails_closed(self):
        with Session(self.ctx, self.det) as s:
            with self.assertRaises(SanctumError) as cm:
                s.anonymize_request(b'{"messages": [{"role": "user", "content": "Jane Doe"')
            self.assertEqual(cm.exception.status, Status.PARSE)
            with self.assertRaises(SanctumError) as cm:
                s.anonymize_text(b"\xff\xfe")
            self.assertEqual(cm.exception.status, Status.UTF8)
            with self.assertRaises(TypeError):
                s.anonymize_text(None)
            with self.assertRaises(ValueError):
                s.seal(b"short")

    def test_no_leak_across_100000_calls(self):
        with Session(self.ctx, self.det) as s:
            s.anonymize_text("ask Jane Doe")
            base = self.ctx.stats()["current_blocks"]
            for _ in range(100000):
                s.restore_text("<PERSON_1>")
            gc.collect()
            self.assertEqual(self.ctx.stats()["current_blocks"], base)


if __name__ == "__main__":
    unittest.main()
