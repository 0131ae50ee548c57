"""Chat documents and the detector through the Python bindings, including bad input from Python."""
import gc
import pathlib
import threading
import unittest

from sanctumcore import ChatDocument, Context, Detector, SanctumError, Status, validate_json

EXAMPLES = pathlib.Path(__file__).resolve().parents[3] / "examples"


class JsonTest(unittest.TestCase):
    def setUp(self):
        self.ctx = Context()

    def tearDown(self):
        self.ctx.close()

    def test_validate_reports_offset(self):
        validate_json(self.ctx, '{"a": [1, 2.5e3, "x"]}')
        with self.assertRaises(SanctumError) as cm:
            validate_json(self.ctx, b'{"a": [1, 2,]}')
        self.assertEqual(cm.exception.status, Status.PARSE)
        self.assertEqual(cm.exception.offset, 12)
        with self.assertRaises(SanctumError) as cm:
            validate_json(self.ctx, b'"\xff"')
        self.assertEqual(cm.exception.status, Status.UTF8)
        with self.assertRaises(SanctumError):
            validate_json(self.ctx, '{"a":1,"a":2}')
        validate_json(self.ctx, '{"a":1,"a":2}', allow_duplicate_keys=True)
        with self.assertRaises(TypeError):
            validate_json(self.ctx, 42)

    def test_chat_document_rewrites_only_scan_strings(self):
        body = ('{"model":"m","messages":[{"role":"system","content":"Be terse, Jane."},'
                '{"role":"user","content":"I am Jane \\u00e9 Doe"}],"temperature":0.50}')
        with ChatDocument(self.ctx, body) as doc:
            self.assertEqual(doc.format, "openai_chat")
            self.assertEqual(doc.shape, "request")
            texts = doc.texts()
            self.assertEqual([t.text for t in texts], ["I am Jane \u00e9 Doe"])
            self.assertEqual(texts[0].role, "user")
            doc.replace(0, "I am <PERSON_1>")
            out = doc.write()
        self.assertEqual(out, body.replace('I am Jane \\u00e9 Doe', 'I am <PERSON_1>').encode())

    def test_examples_parse(self):
        files = sorted(EXAMPLES.glob("*.json"))
        self.assertTrue(files)
        for f in files:
            with self.subTest(f.name), ChatDocument(self.ctx, f.read_bytes()) as doc:
                self.assertEqual(doc.write(), f.read_bytes())

    def test_bad_input(self):
        with self.assertRaises(SanctumError) as cm:
            ChatDocument(self.ctx, b'{"messages": [')
        self.assertEqual(cm.exception.status, Status.PARSE)
        with self.assertRaises(ValueError):
            ChatDocument(self.ctx, "{}", fmt="cobol")
        with ChatDocument(self.ctx, '{"messages":[{"role":"user","content":"x"}]}') as doc:
            with self.assertRaises(IndexError):
                doc.text(5)
            with self.assertRaises(TypeError):
                doc.replace(0, 3.5)

    def test_closing_the_context_closes_children(self):
        ctx = Context()
        doc = ChatDocument(ctx, '{"messages":[{"role":"user","content":"x"}]}')
        ctx.close()
        with self.assertRaises(ValueError):
            len(doc)


class DetectorTest(unittest.TestCase):
    def setUp(self):
        self.ctx = Context()
        self.det = Detector(self.ctx)

    def tearDown(self):
        self.ctx.close()

    def test_code_point_offsets_for_str(self):
        text = "Zoë écrit à jane.doe@example.com, SSN 123-45-6789"
        ents = self.det.detect(text)
        types = {e.type: e for e in ents}
        email = types["EMAIL_ADDRESS"]
        self.assertEqual(text[email.start:email.end], "jane.doe@example.com")
        self.assertEqual(email.text, "jane.doe@example.com")
        ssn = types["US_SSN"]
        self.assertEqual(text[ssn.start:ssn.end], "123-45-6789")
        raw = self.det.detect(text.encode())
        b = {e.type: e for e in raw}["EMAIL_ADDRESS"]
        self.assertEqual(text.encode()[b.start:b.end], b"jane.doe@example.com")
        self.assertGreater(b.start, email.start)  # byte offsets pass the accented letters

    def test_explain_and_options(self):
        ents = self.det.detect("Call (514) 555-1234 today", explain=True)
        self.assertEqual(ents[0].type, "PHONE_NUMBER")
        self.assertTrue(ents[0].evidence)
        with Detector(self.ctx, entities=["EMAIL_ADDRESS"]) as only_email:
            self.assertEqual(only_email.detect("Call (514) 555-1234"), [])
        with Detector(self.ctx, deny=["Zork Blimble", ("EMAIL_ADDRESS", "z@home.lan")]) as d:
            found = {(e.type, e.text) for e in d.detect("ask Zork Blimble at z@home.lan")}
            self.assertIn(("PERSON", "Zork Blimble"), found)
            self.assertIn(("EMAIL_ADDRESS", "z@home.lan"), found)
        with Detector(self.ctx, allow=["jane@example.com"]) as d:
            self.assertEqual(d.detect("write to jane@example.com"), [])

    def test_bad_input(self):
        with self.assertRaises(SanctumError) as cm:
            self.det.detect(b"ok \xc3\x28 bad")
        self.assertEqual(cm.exception.status, Status.UTF8)
        self.assertEqual(cm.exception.offset, 3)
        with self.assertRaises(TypeError):
            self.det.detect(None)
        with self.assertRaises(SanctumError):
            Detector(self.ctx, threshold=1.5)
        with self.assertRaises(ValueError):
            Detector(self.ctx, entities=["ADDRESS"])
        with Context(max_input_bytes=1000) as small:
            with Detector(small) as d, self.assertRaises(SanctumError) as cm:
                d.detect("x" * 5000)
            self.assertEqual(cm.exception.status, Status.LIMIT)

    def test_shared_between_threads(self):
        errors = []

        def work():
            for _ in range(200):
                if [e.type for e in self.det.detect("mail jane@example.com now")] != ["EMAIL_ADDRESS"]:
                    errors.append("wrong")

        threads = [threading.Thread(target=work) for _ in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        self.assertEqual(errors, [])

    def test_no_leak_across_100000_calls(self):
        before = self.ctx.stats()["current_blocks"]
        for i in range(100000):
            self.det.detect("x")
        gc.collect()
        self.assertEqual(self.ctx.stats()["current_blocks"], before)
        self.assertGreaterEqual(self.ctx.stats()["total_blocks"], 100000)


if __name__ == "__main__":
    unittest.main()
