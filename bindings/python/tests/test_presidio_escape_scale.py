"""The sanctum operator's escaping of placeholder-shaped text between entities is linear in the text's
length: a 200 KB text with literals far apart is answered at once, with every change listed at its
place (a diff of each gap took minutes and could not be stopped)."""
import os
import threading
import unittest

from sanctumcore._core import Context
from sanctumcore.presidio.anonymizer import Anonymizer


class EscapeScaleTest(unittest.TestCase):
    def test_a_200_kb_text_is_escaped_in_one_pass(self):
        words = "the quick brown fox jumps over the lazy dog and then some more text here".split()
        filler = " ".join(words[i % len(words)] for i in range(16000))  # ~70 KB
        text = "Alice " + filler + " PERSON_1 " + filler + " <email_address_1> " + filler + " Alice."
        self.assertGreater(len(text), 200_000)
        anon = Anonymizer(Context(), os.urandom(32), "sanctum")
        body = {"text": text, "analyzer_results": [{"start": 0, "end": 5, "entity_type": "PERSON", "score": 0.9}],
                "anonymizers": {"DEFAULT": {"type": "sanctum"}}}
        out = []
        worker = threading.Thread(target=lambda: out.append(anon.anonymize(body)), daemon=True)
        worker.start()
        worker.join(60)  # generous: linear work is well under a second; the quadratic diff took minutes
        self.assertFalse(worker.is_alive(), "escaping a 200 KB text did not finish")
        result = out[0]
        self.assertEqual(result["text"], "<PERSON_1> " + filler + " <PERSON_2> " + filler + " <EMAIL_ADDRESS_1> "
                         + filler + " <PERSON_1>.")
        items = sorted((i["start"], i["entity_type"], i["text"]) for i in result["items"])
        self.assertEqual([(t, s) for _, t, s in items], [
            ("PERSON", "<PERSON_1>"), ("PERSON", "<PERSON_2>"), ("EMAIL_ADDRESS", "<EMAIL_ADDRESS_1>"),
            ("PERSON", "<PERSON_1>")])
        for item in result["items"]:
            self.assertEqual(result["text"][item["start"]:item["end"]], item["text"])
        back = anon.deanonymize({"text": result["text"], "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": result["sanctum_mapping"]}}})
        self.assertEqual(back["text"], text)

    def test_a_placeholder_the_session_did_not_issue_is_no_change(self):
        from sanctumcore.presidio.anonymizer import SanctumNumbering

        class Span:
            entity_type, start, end = "PERSON", 0, 5

        numbering = SanctumNumbering(Context(), [Span()], "Alice")
        self.addCleanup(numbering.close)
        numbering.session.anonymize_text("Alice")
        # `new` keeps <PERSON_9> where `old` had it; only the Alice placeholder is a change.
        self.assertEqual(numbering._changed("x Alice y <PERSON_9> z", "x <PERSON_1> y <PERSON_9> z"), [(2, 12)])


if __name__ == "__main__":
    unittest.main()
