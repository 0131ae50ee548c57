"""Where a new user of the drop-in met something real Presidio answers differently: unknown paths and
wrong methods (Presidio's {"error": ...} JSON with 404 / 405, not aiohttp's text), OPTIONS as Flask
answers it, ABA_ROUTING_NUMBER (Presidio's AbaRoutingRecognizer's type), and the sanctum operator
listing a placeholder-like literal it rewrote among the items."""
import http.client
import json

from presidio_fixture import ServerCase
from sanctumcore.presidio.http import METHOD_NOT_ALLOWED, NOT_FOUND

ROUTING = "021000021"  # a public bank routing number (JPMorgan Chase), valid ABA checksum
TEXT = f"Wire it: routing {ROUTING}, account 123456789012."


class DropIn(ServerCase):
    def call(self, port, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
        headers = {}
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            headers["Content-Type"] = "application/json"
        conn.request(method, path, body=data, headers=headers)
        resp = conn.getresponse()
        out = (resp.status, resp.getheader("Content-Type", ""), resp.getheader("Allow"), resp.read())
        conn.close()
        return out

    def assert_json_error(self, got, status, message):
        self.assertEqual(got[0], status, got)
        self.assertTrue(got[1].startswith("application/json"), got)
        self.assertEqual(json.loads(got[3]), {"error": message})

    def test_unknown_path_and_wrong_method_answer_presidio_json(self):
        for port in (self.srv.analyzer_port, self.srv.anonymizer_port):
            self.assert_json_error(self.call(port, "GET", "/nope"), 404, NOT_FOUND)
            self.assert_json_error(self.call(port, "POST", "/nope", {"text": "x"}), 404, NOT_FOUND)
            got = self.call(port, "POST", "/health", {})
            self.assert_json_error(got, 405, METHOD_NOT_ALLOWED)
            self.assertEqual(got[2], "GET, HEAD, OPTIONS")
        got = self.call(self.srv.analyzer_port, "GET", "/analyze")
        self.assert_json_error(got, 405, METHOD_NOT_ALLOWED)
        self.assertEqual(got[2], "OPTIONS, POST")
        self.assert_json_error(self.call(self.srv.anonymizer_port, "PUT", "/anonymize", {}), 405, METHOD_NOT_ALLOWED)

    def test_options_as_flask(self):
        status, ctype, allow, body = self.call(self.srv.analyzer_port, "OPTIONS", "/analyze")
        self.assertEqual((status, allow, body), (200, "OPTIONS, POST", b""))
        status, ctype, allow, body = self.call(self.srv.anonymizer_port, "OPTIONS", "/anonymizers")
        self.assertEqual((status, allow, body), (200, "GET, HEAD, OPTIONS", b""))
        self.assert_json_error(self.call(self.srv.analyzer_port, "OPTIONS", "/nope"), 404, NOT_FOUND)
        # the routes still work behind the middleware
        self.assertEqual(self.call(self.srv.analyzer_port, "GET", "/health")[3], b"Presidio Analyzer service is up")

    def test_aba_routing_number(self):
        status, _, _, body = self.call(self.srv.analyzer_port, "GET", "/supportedentities")
        self.assertIn("ABA_ROUTING_NUMBER", json.loads(body))
        found = self.analyze_ok({"text": TEXT, "language": "en", "entities": ["ABA_ROUTING_NUMBER"]})
        self.assertEqual([(r["entity_type"], TEXT[r["start"]:r["end"]]) for r in found],
                         [("ABA_ROUTING_NUMBER", ROUTING)])
        # US_BANK_NUMBER is the account, as Presidio's UsBankRecognizer; everything: both, each typed so
        found = self.analyze_ok({"text": TEXT, "language": "en", "entities": ["US_BANK_NUMBER"]})
        self.assertEqual([TEXT[r["start"]:r["end"]] for r in found], ["123456789012"])
        found = self.analyze_ok({"text": TEXT, "language": "en", "return_decision_process": True})
        by_type = {r["entity_type"]: r for r in found}
        self.assertEqual(TEXT[by_type["ABA_ROUTING_NUMBER"]["start"]:by_type["ABA_ROUTING_NUMBER"]["end"]], ROUTING)
        self.assertEqual(by_type["ABA_ROUTING_NUMBER"]["analysis_explanation"]["recognizer"], "AbaRoutingRecognizer")
        # ... and the sanctum operator numbers it and restores it
        out = self.anonymize_ok({"text": TEXT, "analyzer_results": found, "anonymizers": {"DEFAULT": {"type": "sanctum"}}})
        self.assertNotIn(ROUTING, out["text"])
        back = self.anonymize_ok({"text": out["text"], "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": out["sanctum_mapping"]}}}, "/deanonymize")
        self.assertEqual(back["text"], TEXT)

    def test_rewritten_literal_is_listed(self):
        text = "Jane Doe wrote about <PERSON_1> and person_2."
        out = self.anonymize_ok({"text": text, "anonymizers": {"DEFAULT": {"type": "sanctum"}},
                                 "analyzer_results": [{"start": 0, "end": 8, "entity_type": "PERSON", "score": 0.9}]})
        self.assertEqual(out["text"], "<PERSON_1> wrote about <PERSON_2> and <PERSON_3>.")
        # every place the text changed is an item, last first, each slicing the output exactly
        self.assertEqual([(i["start"], i["text"], i["entity_type"], i["operator"]) for i in out["items"]],
                         [(38, "<PERSON_3>", "PERSON", "sanctum"), (23, "<PERSON_2>", "PERSON", "sanctum"),
                          (0, "<PERSON_1>", "PERSON", "sanctum")])
        for item in out["items"]:
            self.assertEqual(out["text"][item["start"]:item["end"]], item["text"])
        back = self.anonymize_ok({"text": out["text"], "deanonymizers": {
            "DEFAULT": {"type": "sanctum", "mapping": out["sanctum_mapping"]}}}, "/deanonymize")
        self.assertEqual(back["text"], text)
