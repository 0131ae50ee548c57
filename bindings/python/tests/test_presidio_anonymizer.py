"""sanctumcore.presidio's anonymizer against Presidio's: every operator and its parameter checks, the
engine's conflict resolution and item order/offsets, decrypt and sanctum restore through /deanonymize,
and Presidio's error codes and messages."""
import base64
import concurrent.futures
import hashlib
import json
import unittest

from cryptography.hazmat.primitives import padding
from cryptography.hazmat.primitives.ciphers import Cipher, algorithms, modes

from presidio_fixture import ServerCase

TEXT = "Hi, I am Jane Doe, mail jane.doe@example.com, call 212-555-0147."
PERSON = {"start": 9, "end": 17, "entity_type": "PERSON", "score": 0.85}
EMAIL = {"start": 24, "end": 44, "entity_type": "EMAIL_ADDRESS", "score": 1.0}
PHONE = {"start": 51, "end": 63, "entity_type": "PHONE_NUMBER", "score": 0.75}
KEY = "WmZq4t7w!z%C&F)J"


def spans(*items):
    return [dict(i) for i in items]


class Operators(ServerCase):
    def run_op(self, op, *items, text=TEXT):
        return self.anonymize_ok({"text": text, "analyzer_results": spans(*items), "anonymizers": {"DEFAULT": op}})

    def test_replace_default_and_value(self):
        out = self.anonymize_ok({"text": TEXT, "analyzer_results": spans(PERSON, EMAIL, PHONE),
                                 "anonymizers": {"PERSON": {"type": "replace", "new_value": "ANON"}}})
        self.assertEqual(out["text"], "Hi, I am ANON, mail <EMAIL_ADDRESS>, call <PHONE_NUMBER>.")
        # items last-first, offsets in the output text, Presidio's key order
        self.assertEqual(out["items"], [
            {"start": 42, "end": 56, "entity_type": "PHONE_NUMBER", "text": "<PHONE_NUMBER>", "operator": "replace"},
            {"start": 20, "end": 35, "entity_type": "EMAIL_ADDRESS", "text": "<EMAIL_ADDRESS>", "operator": "replace"},
            {"start": 9, "end": 13, "entity_type": "PERSON", "text": "ANON", "operator": "replace"}])
        self.assertEqual(list(out), ["text", "items"])

    def test_redact_keep_mask(self):
        self.assertEqual(self.run_op({"type": "redact"}, PERSON)["text"], "Hi, I am , mail jane.doe@example.com, "
                                                                          "call 212-555-0147.")
        out = self.run_op({"type": "keep"}, PERSON)
        self.assertEqual(out["text"], TEXT)
        self.assertEqual(out["items"][0]["operator"], "keep")
        mask = {"type": "mask", "masking_char": "*", "chars_to_mask": 4, "from_end": True}
        self.assertIn("call 212-555-****.", self.run_op(mask, PHONE)["text"])
        mask.update(from_end=False, chars_to_mask=100)
        self.assertIn("call ************.", self.run_op(mask, PHONE)["text"])
        mask.update(chars_to_mask=-1)
        self.assertEqual(self.run_op(mask, PHONE)["text"], TEXT)

    def test_hash(self):
        salt = "0123456789abcdef-salt"
        out = self.run_op({"type": "hash", "salt": salt}, PERSON)
        self.assertEqual(out["items"][0]["text"], hashlib.sha256(b"Jane Doe" + salt.encode()).hexdigest())
        out = self.run_op({"type": "hash", "hash_type": "sha512", "salt": salt}, PERSON)
        self.assertEqual(out["items"][0]["text"], hashlib.sha512(b"Jane Doe" + salt.encode()).hexdigest())
        # Without a salt each entity gets a random one (Presidio's salted default): not linkable.
        a, b = (self.run_op({"type": "hash"}, PERSON)["items"][0]["text"] for _ in range(2))
        self.assertEqual(len(a), 64)
        self.assertNotEqual(a, b)

    def test_encrypt_decrypt(self):
        out = self.run_op({"type": "encrypt", "key": KEY}, PHONE, PERSON)
        token = out["items"][0]["text"]
        raw = base64.urlsafe_b64decode(token)  # IV (16 bytes) + AES-CBC ciphertext, url-safe base64
        dec = Cipher(algorithms.AES(KEY.encode()), modes.CBC(raw[:16])).decryptor()
        unpadder = padding.PKCS7(128).unpadder()
        plain = unpadder.update(dec.update(raw[16:]) + dec.finalize()) + unpadder.finalize()
        self.assertEqual(plain, b"212-555-0147")
        self.assertNotEqual(token, self.run_op({"type": "encrypt", "key": KEY}, PHONE)["items"][0]["text"])
        back = self.anonymize_ok({"text": out["text"], "anonymizer_results": out["items"],
                                  "deanonymizers": {"DEFAULT": {"type": "decrypt", "key": KEY}}}, "/deanonymize")
        self.assertEqual(back["text"], TEXT)
        self.assertEqual([i["text"] for i in back["items"]], ["212-555-0147", "Jane Doe"])
        self.assertEqual([i["operator"] for i in back["items"]], ["decrypt", "decrypt"])

    def test_sanctum_placeholders_and_restore(self):
        text = "Jane Doe met John Roe; JANE DOE wrote to jane@example.com about <PERSON_1>."
        items = [{"start": 0, "end": 8, "entity_type": "PERSON", "score": 0.9},
                 {"start": 13, "end": 21, "entity_type": "PERSON", "score": 0.9},
                 {"start": 23, "end": 31, "entity_type": "PERSON", "score": 0.9},
                 {"start": 41, "end": 57, "entity_type": "EMAIL_ADDRESS", "score": 1.0},
                 {"start": 13, "end": 17, "entity_type": "TITLE", "score": 0.9}]
        out = self.anonymize_ok({"text": text, "analyzer_results": items,
                                 "anonymizers": {"DEFAULT": {"type": "sanctum"}, "TITLE": {"type": "replace"}}})
        # Numbered in text order; the same person (case-folded) keeps the number; the literal
        # "<PERSON_1>" in the input is itself replaced so it cannot come back as Jane Doe.
        self.assertEqual(out["text"], "<PERSON_1> met <PERSON_2>; <PERSON_1> wrote to <EMAIL_ADDRESS_1> about <PERSON_3>.")
        for item in out["items"]:
            self.assertEqual(out["text"][item["start"]:item["end"]], item["text"])
        self.assertNotIn("Jane", out["sanctum_mapping"])
        llm = "Dear <PERSON_1>, <PERSON_2> asked about <PERSON_3> and <EMAIL_ADDRESS_1>; <PERSON_7> is unknown."
        back = self.anonymize_ok({"text": llm, "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": out["sanctum_mapping"]}}}, "/deanonymize")
        self.assertEqual(back["text"], "Dear Jane Doe, John Roe asked about <PERSON_1> and jane@example.com; "
                                       "<PERSON_7> is unknown.")
        # A model's answer with a lone surrogate (an emoji cut by a client's string slicing) is
        # restored around it, the surrogate kept (it was a 500).
        back = self.anonymize_ok({"text": "\ud83d Dear <PERSON_1>\udc00<EMAIL_ADDRESS_1> \ud83c", "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": out["sanctum_mapping"]}}}, "/deanonymize")
        self.assertEqual(back["text"], "\ud83d Dear Jane Doe\udc00jane@example.com \ud83c")
        # A modified mapping is refused.
        raw = bytearray(base64.b64decode(out["sanctum_mapping"]))
        raw[-1] ^= 1
        self.assert_error(self.srv.anonymize({"text": llm, "deanonymizers": {"DEFAULT": {
            "type": "sanctum", "mapping": base64.b64encode(bytes(raw)).decode()}}}, "/deanonymize"),
            422, "Invalid input, mapping was not issued by this service or was modified")

    def test_lists(self):
        status, _, body = self.srv.request(self.srv.anonymizer_port, "GET", "/anonymizers")
        self.assertEqual(sorted(json.loads(body)), ["encrypt", "hash", "keep", "mask", "redact", "replace", "sanctum"])
        status, _, body = self.srv.request(self.srv.anonymizer_port, "GET", "/deanonymizers")
        self.assertEqual(sorted(json.loads(body)), ["deanonymize_keep", "decrypt", "sanctum"])
        status, _, body = self.srv.request(self.srv.anonymizer_port, "GET", "/health")
        self.assertEqual((status, body), (200, b"Presidio Anonymizer service is up"))


class Concurrency(ServerCase):
    def test_parallel_requests_keep_their_own_sessions(self):
        def one(i):
            text = f"Person{i} Smith mailed p{i}@example.com"
            items = [{"start": 0, "end": len(f"Person{i} Smith"), "entity_type": "PERSON", "score": 0.9},
                     {"start": text.index("p"), "end": len(text), "entity_type": "EMAIL_ADDRESS", "score": 1.0}]
            out = self.anonymize_ok({"text": text, "analyzer_results": items,
                                     "anonymizers": {"DEFAULT": {"type": "sanctum"}}})
            back = self.anonymize_ok({"text": out["text"], "deanonymizers": {
                "DEFAULT": {"type": "sanctum", "mapping": out["sanctum_mapping"]}}}, "/deanonymize")
            found = self.analyze_ok({"text": text, "language": "en", "entities": ["EMAIL_ADDRESS"]})
            return out["text"], back["text"], [text[r["start"]:r["end"]] for r in found], text

        with concurrent.futures.ThreadPoolExecutor(8) as pool:
            for masked, restored, emails, text in pool.map(one, range(48)):
                self.assertEqual(masked, "<PERSON_1> mailed <EMAIL_ADDRESS_1>")
                self.assertEqual(restored, text)
                self.assertEqual(emails, [text.split()[-1]])


class Overlaps(ServerCase):
    def run_spans(self, text, items):
        return self.anonymize_ok({"text": text, "analyzer_results": items})

    def test_same_type_intersecting_merge(self):
        out = self.run_spans("abcdefghij", [{"start": 1, "end": 5, "entity_type": "A", "score": 0.5},
                                            {"start": 3, "end": 8, "entity_type": "A", "score": 0.9}])
        self.assertEqual(out["text"], "a<A>ij")
        self.assertEqual(out["items"], [{"start": 1, "end": 4, "entity_type": "A", "text": "<A>", "operator": "replace"}])

    def test_contained_and_equal_spans(self):
        # B inside A (other type): dropped. Equal indices: the lower score is dropped.
        out = self.run_spans("abcdefghij", [{"start": 1, "end": 8, "entity_type": "A", "score": 0.5},
                                            {"start": 2, "end": 4, "entity_type": "B", "score": 1.0},
                                            {"start": 1, "end": 8, "entity_type": "C", "score": 0.6}])
        self.assertEqual(out["text"], "a<C>ij")

    def test_partial_overlap_of_types(self):
        # Different types overlapping partly: both operate; the later one cuts the earlier one's tail,
        # as Presidio's text builder does.
        out = self.run_spans("abcdefghij", [{"start": 1, "end": 5, "entity_type": "A", "score": 0.5},
                                            {"start": 3, "end": 8, "entity_type": "B", "score": 0.9}])
        self.assertEqual(out["text"], "a<A><B>ij")
        self.assertEqual([(i["entity_type"], i["start"], i["end"]) for i in out["items"]], [("B", 4, 7), ("A", 1, 4)])

    def test_space_separated_same_type_merge(self):
        out = self.run_spans("Jane  Doe, Jane-Doe", [
            {"start": 0, "end": 4, "entity_type": "PERSON", "score": 0.8},
            {"start": 6, "end": 9, "entity_type": "PERSON", "score": 0.8},
            {"start": 11, "end": 15, "entity_type": "PERSON", "score": 0.8},
            {"start": 16, "end": 19, "entity_type": "PERSON", "score": 0.8}])
        self.assertEqual(out["text"], "<PERSON>, <PERSON>-<PERSON>")

    def test_extra_keys_accepted(self):
        item = {"start": 0, "end": 4, "entity_type": "PERSON", "score": 0.8, "analysis_explanation": None,
                "recognition_metadata": {"recognizer_name": "x"}}
        self.assertEqual(self.run_spans("Jane", [item])["text"], "<PERSON>")


class AnonymizerErrors(ServerCase):
    def err(self, body, status, message, path="/anonymize"):
        self.assert_error(self.srv.anonymize(body, path), status, message)

    def test_presidio_errors(self):
        self.err({"text": TEXT}, 422, "Invalid input, request must contain analyzer results")
        self.err({}, 400, "Invalid request json")
        self.err({"text": TEXT, "analyzer_results": [PERSON], "anonymizers": {"DEFAULT": {"type": "custom"}}},
                 400, "Custom type anonymizer is not supported")
        self.err({"text": TEXT, "analyzer_results": [PERSON], "anonymizers": {"DEFAULT": {"type": "shuffle"}}},
                 422, "Invalid operator class 'shuffle'.")
        self.err({"text": TEXT, "analyzer_results": [PERSON], "anonymizers": {"DEFAULT": {"new_value": "x"}}},
                 422, "Invalid input, operator config must contain operator_name")
        self.err({"text": TEXT, "analyzer_results": [dict(PERSON, start=20, end=10)]}, 422,
                 "Invalid input, start index '20' must be smaller than end index '10'")
        self.err({"text": TEXT, "analyzer_results": [dict(PERSON, start=-1)]}, 422,
                 "Invalid input, result start and end must be positive")
        self.err({"text": TEXT, "analyzer_results": [{"end": 3, "entity_type": "X", "score": 1}]}, 422,
                 "Invalid input, result must contain start")
        self.err({"text": TEXT, "analyzer_results": [{"start": 0, "end": 3, "score": 1}]}, 422,
                 "Invalid input, result must contain entity_type")
        self.err({"text": TEXT, "analyzer_results": [{"start": "0", "end": 3, "entity_type": "X", "score": 1}]}, 422,
                 "Invalid parameter value for start. Expecting 'number', but got 'string'.")
        # Presidio names JSON types; a value whose Python type has no JSON name there gets its short form
        self.err({"text": TEXT, "analyzer_results": [{"start": 1.5, "end": 3, "entity_type": "X", "score": 1}]}, 422,
                 "Invalid parameter value for 'start'.")
        self.err({"text": TEXT, "analyzer_results": [{"start": 0, "end": [3], "entity_type": "X", "score": 1}]}, 422,
                 "Invalid parameter value for end. Expecting 'number', but got 'array'.")
        self.err({"text": TEXT, "analyzer_results": [{"start": 0, "end": 3, "entity_type": "X"}]}, 422,
                 "Invalid input, analyzer result must contain score")
        self.err({"text": "short", "analyzer_results": [PERSON]}, 422,
                 "Invalid analyzer result, start: 9 and end: 17, while text length is only 5.")

    def test_operator_parameter_errors(self):
        base = {"text": TEXT, "analyzer_results": [PERSON]}
        self.err(dict(base, anonymizers={"PERSON": {"type": "mask", "masking_char": "*", "from_end": True}}), 422,
                 "Expected parameter chars_to_mask")
        self.err(dict(base, anonymizers={"PERSON": {"type": "mask", "masking_char": "**", "chars_to_mask": 1,
                                                    "from_end": True}}), 422,
                 "Invalid input, masking_char must be a character")
        self.err(dict(base, anonymizers={"PERSON": {"type": "hash", "hash_type": "md5"}}), 422,
                 "Parameter hash_type value md5 is not in range of values ['sha256', 'sha512']")
        self.err(dict(base, anonymizers={"PERSON": {"type": "encrypt", "key": "short"}}), 422,
                 "Invalid input, key must be of length 128, 192 or 256 bits")
        self.err(dict(base, anonymizers={"PERSON": {"type": "encrypt"}}), 422, "Expected parameter key")
        self.err(dict(base, anonymizers={"PERSON": {"type": "replace", "new_value": 5}}), 422,
                 "Invalid parameter value for new_value. Expecting 'string', but got 'number'.")
        self.err(dict(base, anonymizers={"PERSON": {"type": "replace", "new_value": {"a": 1}}}), 422,
                 "Invalid parameter value for 'new_value'.")
        # An operator configured for a type absent from the results is never checked (as in Presidio).
        self.anonymize_ok(dict(base, anonymizers={"PHONE_NUMBER": {"type": "encrypt", "key": "short"}}))

    def test_body_errors(self):
        self.assert_error(self.srv.anonymize(None, raw=b"[1,"), 400, "Failed to decode JSON object")
        self.assert_error(self.srv.anonymize(None, raw=b"{}", content_type="text/plain"), 415,
                          "Did not attempt to load JSON data because the request Content-Type was not "
                          "'application/json'.")
        self.err({"text": TEXT, "anonymizer_results": [PERSON]}, 500, "Internal server error", "/deanonymize")
        self.err({"text": "x", "deanonymizers": {"DEFAULT": {"type": "sanctum"}}}, 422, "Expected parameter mapping",
                 "/deanonymize")


if __name__ == "__main__":
    unittest.main()
