"""The chat-walk options through the bindings: Gemini, lone surrogates, scrub_system, known identities,
JSON numbers under personal-data keys."""
import json
import os
import pathlib
import unittest

from sanctumcore import ChatDocument, Context, Detector, Identities, SanctumError, Session, Status, validate_json

EXAMPLES = pathlib.Path(os.environ.get("SANCTUM_SOURCE_DIR", pathlib.Path(__file__).resolve().parents[3])) / "examples"

IDS = "# family\nperson: Jane Roe\nphone: +1 202 555 0143\naddress: 12 Main Street, Springfield\n"


class WalkOptionsTest(unittest.TestCase):
    def setUp(self):
        self.ctx = Context()
        self.det = Detector(self.ctx)

    def tearDown(self):
        self.ctx.close()

    def test_gemini(self):
        req = (EXAMPLES / "gemini_request.json").read_bytes()
        doc = ChatDocument(self.ctx, req)
        self.assertEqual(doc.format, "gemini")
        self.assertEqual(doc.text(0).path, "$.contents[0].parts[0].text")
        with Session(self.ctx, self.det) as s:
            out = s.anonymize_request(req, "gemini")
            self.assertNotIn(b"Tomasz", out)
            self.assertIn(b'"card": "<CREDIT_CARD_1>"', out)  # a JSON number under "card"
            self.assertEqual(s.stats()["numbers"], 1)
            resp = (EXAMPLES / "gemini_response.json").read_bytes()
            back = json.loads(s.restore_response(resp))
            self.assertIn("Tomasz Nowak", back["candidates"][0]["content"]["parts"][0]["text"])
            r = s.stream_restorer("gemini")
            stream = r.feed((EXAMPLES / "gemini_stream.sse").read_bytes()) + r.finish()
            self.assertIn(b"Tomasz Nowak", stream)
            self.assertNotIn(b"<PERS", stream)

    def test_lone_surrogates(self):
        body = b'{"model":"m","messages":[{"role":"user","content":"Jane Roe \\ud83d"}]}'
        with self.assertRaises(SanctumError) as cm:
            validate_json(self.ctx, body)
        self.assertEqual(cm.exception.status, Status.UTF8)
        validate_json(self.ctx, body, allow_lone_surrogates=True)
        self.assertEqual(ChatDocument(self.ctx, body, allow_lone_surrogates=True).text(0).text, "Jane Roe \ufffd")
        with Session(self.ctx, self.det) as s:
            out = s.anonymize_request(body)
            self.assertEqual(out, b'{"model":"m","messages":[{"role":"user","content":"<PERSON_1> \\ud83d"}]}')
            self.assertEqual(s.restore_response(out), body)
        with Session(self.ctx, self.det, refuse_lone_surrogates=True) as s:
            with self.assertRaises(SanctumError):
                s.anonymize_request(body)

    def test_scrub_system(self):
        body = json.dumps({"model": "m", "messages": [{"role": "system", "content": "Help Jane Roe."},
                                                      {"role": "user", "content": "hi"}]}).encode()
        self.assertEqual([t.role for t in ChatDocument(self.ctx, body, scrub_system=True).texts()], ["system", "user"])
        with Session(self.ctx, self.det) as s:
            self.assertIn(b"Help Jane Roe.", s.anonymize_request(body))
        with Session(self.ctx, self.det, scrub_system=True) as s:
            self.assertIn(b"Help <PERSON_1>.", s.anonymize_request(body))

    def test_identities(self):
        ids = Identities(self.ctx, IDS)
        self.assertEqual(len(ids), 3)
        found = ids.detect("Roe, Jane at 12 main street springfield, (202) 555-0143")
        self.assertEqual([(e.type, e.text) for e in found],
                         [("PERSON", "Roe, Jane"), ("PERSON", "12 main street springfield"),
                          ("PHONE_NUMBER", "(202) 555-0143")])
        body = json.dumps({"model": "m", "messages": [
            {"role": "system", "content": "Household of Jane Roe, 12 Main Street, Springfield."},
            {"role": "user", "content": "call 202 555 0143"}]}).encode()
        with Session(self.ctx, self.det, identities=ids) as s:
            out = s.anonymize_request(body)
            for value in (b"Jane", b"Main", b"555"):
                self.assertNotIn(value, out)
            self.assertEqual(s.restore_response(out), body)
        with self.assertRaises(SanctumError) as cm:
            Identities(self.ctx, "person: Jane\nplanet: Mars\n")
        self.assertEqual(cm.exception.offset, 13)
        self.assertNotIn("Mars", str(cm.exception))


if __name__ == "__main__":
    unittest.main()
