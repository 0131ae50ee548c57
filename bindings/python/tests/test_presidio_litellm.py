"""LiteLLM's presidio guardrail against sanctumcore.presidio: the exact bodies it posts (analyze with
text + language, optional entities and ad_hoc_recognizers; anonymize with text + the analyzer's items
verbatim and no anonymizers) and the rules it applies to the answers (status below 400, a JSON content
type, a list from /analyze, no `error` key). Offsets are code points: slicing the original Python string
with them gives exactly the entity text, also after emoji, CJK and combining marks."""
import unittest

from presidio_fixture import ServerCase

# The ad-hoc recognizer file format LiteLLM loads (presidio_ad_hoc_recognizers) and sends as is.
AD_HOC_FILE = [{
    "name": "Swiss AHV Number Recognizer",
    "supported_language": "en",
    "patterns": [{"name": "AHV number (strong)", "regex": "(756\\.\\d{4}\\.\\d{4}\\.\\d{2})|(756\\d{10})",
                  "score": 0.95}],
    "context": ["AHV", "social security"],
    "supported_entity": "AHV_NUMBER",
}]

EMAIL, PHONE, CARD, IBAN = "jane.doe@example.com", "(212) 555-0147", "4111 1111 1111 1111", "GB82 WEST 1234 5698 7654 32"
# Emoji (a ZWJ sequence of astral code points), CJK, a combining diaeresis, a symbol outside the BMP:
# byte, UTF-16 and code-point offsets all differ after them.
UNICODE_TEXT = (f"👩‍👩‍👧 Zoe\u0308 from 東京 wrote: email {EMAIL}, 𝔘 call {PHONE} ☎, card {CARD} — "
                f"IBAN {IBAN} ✓ AHV 756.1234.5678.97")


class LiteLLMGuardrail:
    """What the guardrail does with the two services (litellm/proxy/guardrails/guardrail_hooks/presidio.py)."""

    def __init__(self, srv, entities=None, ad_hoc=None, language="en"):
        self.srv, self.entities, self.ad_hoc, self.language = srv, entities, ad_hoc, language

    def analyze_payload(self, text):
        payload = {"text": text, "language": self.language}
        if self.ad_hoc is not None:
            payload["ad_hoc_recognizers"] = self.ad_hoc
        if self.entities:
            payload["entities"] = list(self.entities)
        return payload

    def analyze(self, case, text):
        status, ctype, results = case.srv.analyze(self.analyze_payload(text))
        # The guardrail's acceptance rules: any of these failing makes it fail closed.
        case.assertLess(status, 400, results)
        case.assertIn("application/json", ctype)
        case.assertIsInstance(results, list)
        for item in results:
            case.assertIsInstance(item, dict)
            case.assertNotIn("error", item)
            dict(**item)  # PresidioAnalyzeResponseItem(**item)
        return results

    def anonymize(self, case, text, results):
        status, ctype, redacted = case.srv.anonymize({"text": text, "analyzer_results": results})
        case.assertLess(status, 400, redacted)
        case.assertIn("application/json", ctype)
        case.assertNotIn("error", redacted)
        case.assertIsInstance(redacted["text"], str)
        for item in redacted.get("items", []):
            case.assertIsNotNone(item.get("entity_type"))
        return redacted

    @staticmethod
    def numbered_tokens(text, results):
        """output_parse_pii: placeholders put at the analyzer's offsets in the ORIGINAL text."""
        tokens, new_text = {}, text
        ordered = sorted(results, key=lambda r: r["start"])
        for seq, r in reversed(list(enumerate(ordered, start=1))):
            token = f"<{r['entity_type']}_{seq}>"
            tokens[token] = text[r["start"]:r["end"]]
            new_text = new_text[:r["start"]] + token + new_text[r["end"]:]
        return new_text, tokens


class LiteLLMReplay(ServerCase):
    def test_plain_analyze_then_anonymize(self):
        g = LiteLLMGuardrail(self.srv)
        text = f"Hello, I am Jane Doe. Write to {EMAIL} or call {PHONE}."
        self.assertEqual(g.analyze_payload(text), {"text": text, "language": "en"})
        results = g.analyze(self, text)
        by_type = {r["entity_type"]: text[r["start"]:r["end"]] for r in results}
        self.assertEqual(by_type["EMAIL_ADDRESS"], EMAIL)
        self.assertEqual(by_type["PHONE_NUMBER"], PHONE)
        self.assertEqual(by_type["PERSON"], "Jane Doe")
        for r in results:  # Presidio's key order and shape
            self.assertEqual(list(r), ["analysis_explanation", "end", "entity_type", "score", "start"])
            self.assertIsNone(r["analysis_explanation"])
        redacted = g.anonymize(self, text, results)  # the items verbatim, no anonymizers
        self.assertEqual(redacted["text"], "Hello, I am <PERSON>. Write to <EMAIL_ADDRESS> or call <PHONE_NUMBER>.")
        self.assertEqual(sorted(i["entity_type"] for i in redacted["items"]),
                         ["EMAIL_ADDRESS", "PERSON", "PHONE_NUMBER"])

    def test_entities_and_ad_hoc_recognizers(self):
        g = LiteLLMGuardrail(self.srv, entities=["CREDIT_CARD", "EMAIL_ADDRESS", "AHV_NUMBER"], ad_hoc=AD_HOC_FILE)
        text = f"Jane Doe, {EMAIL}, card {CARD}, AHV 756.1234.5678.97"
        payload = g.analyze_payload(text)
        self.assertEqual(list(payload), ["text", "language", "ad_hoc_recognizers", "entities"])
        results = g.analyze(self, text)
        found = sorted((r["entity_type"], text[r["start"]:r["end"]]) for r in results)
        self.assertEqual(found, [("AHV_NUMBER", "756.1234.5678.97"), ("CREDIT_CARD", CARD), ("EMAIL_ADDRESS", EMAIL)])
        ahv = next(r for r in results if r["entity_type"] == "AHV_NUMBER")
        self.assertEqual(ahv["score"], 1.0)  # 0.95 raised by the context word "AHV" before it
        redacted = g.anonymize(self, text, results)
        self.assertEqual(redacted["text"], "Jane Doe, <EMAIL_ADDRESS>, card <CREDIT_CARD>, AHV <AHV_NUMBER>")

    def test_empty_result_and_clean_text(self):
        g = LiteLLMGuardrail(self.srv)
        self.assertEqual(g.analyze(self, "what is two plus two? 42, says the guide."), [])

    def test_unicode_offsets_slice_exact_entities(self):
        text = UNICODE_TEXT
        self.assertNotEqual(len(text), len(text.encode("utf-8")))
        self.assertNotEqual(len(text), len(text.encode("utf-16-le")) // 2)
        deny = {"name": "Names", "supported_entity": "PERSON", "deny_list": ["Zoe\u0308"]}
        g = LiteLLMGuardrail(self.srv, ad_hoc=AD_HOC_FILE + [deny])
        results = g.analyze(self, text)
        slices = {(r["entity_type"], text[r["start"]:r["end"]]) for r in results}
        for expected in [("EMAIL_ADDRESS", EMAIL), ("PHONE_NUMBER", PHONE), ("CREDIT_CARD", CARD),
                         ("IBAN_CODE", IBAN), ("AHV_NUMBER", "756.1234.5678.97"), ("PERSON", "Zoe\u0308")]:
            self.assertIn(expected, slices)
        # LiteLLM's numbered-token mode cuts the original text at these offsets.
        masked, tokens = LiteLLMGuardrail.numbered_tokens(text, results)
        for value in (EMAIL, PHONE, CARD, IBAN, "Zoe\u0308"):
            self.assertNotIn(value, masked)
            self.assertIn(value, tokens.values())
        self.assertTrue(masked.startswith("👩‍👩‍👧 <PERSON_1> from 東京"))
        # And the anonymizer counts offsets the same way.
        redacted = g.anonymize(self, text, results)
        for value in (EMAIL, PHONE, CARD, IBAN):
            self.assertNotIn(value, redacted["text"])
        for item in redacted["items"]:
            self.assertEqual(redacted["text"][item["start"]:item["end"]], item["text"])

    def test_batch_text_offsets(self):
        texts = ["東京 " + EMAIL, "😀😀 " + PHONE + " is my number, call me"]
        status, _, data = self.srv.analyze({"text": texts, "language": "en"})
        self.assertEqual(status, 200)
        self.assertEqual(len(data), 2)
        self.assertEqual([texts[0][r["start"]:r["end"]] for r in data[0]], [EMAIL])
        self.assertIn(PHONE, [texts[1][r["start"]:r["end"]] for r in data[1]])


class LiteLLMWithSanctumPlaceholders(ServerCase):
    config = {"default_operator": "sanctum"}

    def test_unchanged_guardrail_gets_numbered_placeholders(self):
        g = LiteLLMGuardrail(self.srv)
        text = f"Jane Doe and John Roe wrote; Jane Doe signed. Mail {EMAIL}."
        results = g.analyze(self, text)
        redacted = g.anonymize(self, text, results)
        self.assertEqual(redacted["text"], "<PERSON_1> and <PERSON_2> wrote; <PERSON_1> signed. Mail <EMAIL_ADDRESS_1>.")
        back = self.anonymize_ok({"text": "Hello <PERSON_2>, thanks <PERSON_1>", "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": redacted["sanctum_mapping"]}}}, "/deanonymize")
        self.assertEqual(back["text"], "Hello John Roe, thanks Jane Doe")


if __name__ == "__main__":
    unittest.main()
