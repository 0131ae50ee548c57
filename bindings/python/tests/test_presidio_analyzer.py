"""sanctumcore.presidio's analyzer against Presidio's behaviour: fields, ordering, thresholds, allow
lists, decision process, ad-hoc recognizers (patterns, deny lists, context, regex flags), batch, the GET
endpoints and every error Presidio's app answers, with its status code and message."""
import json
import os
import pathlib
import re
import signal
import subprocess
import sys
import tempfile
import threading
import time
import unittest
import urllib.request

import sanctumcore

from presidio_fixture import ServerCase
from sanctumcore.presidio.analyzer import NO_RECOGNIZERS
from sanctumcore.presidio.server import ConfigError, PresidioConfig, build_apps

TEXT = "My name is Jane Doe, email jane.doe@example.com, phone (212) 555-0147."


class AnalyzerFields(ServerCase):
    def test_order_is_score_then_start(self):
        data = self.analyze_ok({"text": "x " * 3 + TEXT + " Order 12345678 from acct", "language": "en"})
        keys = [(-r["score"], r["start"], -(r["end"] - r["start"])) for r in data]
        self.assertEqual(keys, sorted(keys))
        self.assertGreaterEqual(len(data), 3)

    def test_entities_filter_and_threshold(self):
        data = self.analyze_ok({"text": TEXT, "language": "en", "entities": ["EMAIL_ADDRESS"]})
        self.assertEqual([r["entity_type"] for r in data], ["EMAIL_ADDRESS"])
        weak = "Order 219-09-9999 shipped"  # an SSN's shape under an order word: a weak candidate
        low = self.analyze_ok({"text": weak, "language": "en"})  # Presidio's default threshold is 0
        self.assertTrue(low and all(0 < r["score"] < 0.7 for r in low))
        self.assertEqual(self.analyze_ok({"text": weak, "language": "en", "score_threshold": 0.7}), [])
        # An entity list naming only unknown types: Presidio finds no recognizer.
        self.assert_error(self.srv.analyze({"text": TEXT, "language": "en", "entities": ["IT_FISCAL_CODE"]}),
                          500, NO_RECOGNIZERS)

    def test_allow_list_exact_and_regex(self):
        base = self.analyze_ok({"text": TEXT, "language": "en"})
        self.assertIn("EMAIL_ADDRESS", [r["entity_type"] for r in base])
        exact = self.analyze_ok({"text": TEXT, "language": "en", "allow_list": ["jane.doe@example.com"]})
        self.assertNotIn("EMAIL_ADDRESS", [r["entity_type"] for r in exact])
        self.assertEqual(len(exact), len(base) - 1)
        # exact is case-sensitive, as in Presidio
        self.assertEqual(len(self.analyze_ok({"text": TEXT, "language": "en", "allow_list": ["JANE.DOE@EXAMPLE.COM"]})),
                         len(base))
        regex = self.analyze_ok({"text": TEXT, "language": "en", "allow_list": ["@example\\.com$", "^\\(212\\)"],
                                 "allow_list_match": "regex"})
        kept = {(r["entity_type"], TEXT[r["start"]:r["end"]]) for r in regex}
        self.assertIn(("PERSON", "Jane Doe"), kept)
        self.assertEqual({t for t, _ in kept}, {"PERSON"})
        self.assert_error(self.srv.analyze({"text": TEXT, "language": "en", "allow_list": ["x"],
                                            "allow_list_match": "fuzzy"}),
                          500, "allow_list_match must either be set to 'exact' or 'regex'.")

    def test_decision_process(self):
        data = self.analyze_ok({"text": TEXT, "language": "en", "return_decision_process": True,
                                "correlation_id": "abc"})
        email = next(r for r in data if r["entity_type"] == "EMAIL_ADDRESS")
        ex = email["analysis_explanation"]
        self.assertEqual(ex["recognizer"], "EmailRecognizer")
        self.assertTrue(ex["validation_result"])
        self.assertEqual(list(ex), sorted(ex))
        self.assertIn("validator", ex["textual_explanation"])

    def test_ad_hoc_patterns_deny_list_context_and_flags(self):
        rec = {"name": "Tickets", "supported_entity": "TICKET", "context": ["ticket"],
               "patterns": [{"name": "ticket", "regex": "\\b[a-z]{3}-\\d{4}\\b", "score": 0.3}]}
        deny = {"supported_entity": "TITLE", "deny_list": ["Dr.", "Mr"]}
        text = "Ticket abc-1234 for Dr. Who; see ABC-9999 later. Mr Smith said mr."
        data = self.analyze_ok({"text": text, "language": "en", "ad_hoc_recognizers": [rec, deny],
                                "return_decision_process": True})
        got = sorted((r["entity_type"], text[r["start"]:r["end"]], r["score"]) for r in data
                     if r["entity_type"] in ("TICKET", "TITLE"))
        # IGNORECASE by default (Presidio's global flags): ABC-9999 matches too, without context boost.
        self.assertEqual(got, [("TICKET", "ABC-9999", 0.3), ("TICKET", "abc-1234", 0.65),
                               ("TITLE", "Dr.", 1.0), ("TITLE", "Mr", 1.0), ("TITLE", "mr", 1.0)])
        boosted = next(r for r in data if r["entity_type"] == "TICKET" and r["score"] == 0.65)
        self.assertEqual(boosted["analysis_explanation"]["supportive_context_word"], "ticket")
        self.assertEqual(boosted["analysis_explanation"]["pattern_name"], "ticket")
        # regex_flags 0: case-sensitive; request-level context raises a match with no context before it.
        data = self.analyze_ok({"text": text, "language": "en", "ad_hoc_recognizers": [rec], "regex_flags": 0,
                                "entities": ["TICKET"], "context": ["tickets"]})
        self.assertEqual([(text[r["start"]:r["end"]], r["score"]) for r in data], [("abc-1234", 0.65)])

    def test_batch(self):
        data = self.analyze_ok({"text": [TEXT, "", "nothing here"], "language": "en"})
        self.assertEqual(len(data), 3)
        self.assertTrue(data[0])
        self.assertEqual(data[1:], [[], []])

    def test_get_endpoints(self):
        status, ctype, body = self.srv.request(self.srv.analyzer_port, "GET", "/health")
        self.assertEqual((status, body), (200, b"Presidio Analyzer service is up"))
        status, ctype, body = self.srv.request(self.srv.analyzer_port, "GET", "/supportedentities?language=en")
        self.assertEqual(sorted(json.loads(body)), sorted(["PERSON", "EMAIL_ADDRESS", "PHONE_NUMBER", "CREDIT_CARD",
                                                           "US_SSN", "US_BANK_NUMBER", "ABA_ROUTING_NUMBER",
                                                           "IBAN_CODE"]))
        status, ctype, body = self.srv.request(self.srv.analyzer_port, "GET", "/recognizers")
        self.assertIn("CreditCardRecognizer", json.loads(body))
        for path in ("/supportedentities?language=fr", "/recognizers?language=fr"):
            status, ctype, body = self.srv.request(self.srv.analyzer_port, "GET", path)
            self.assertEqual((status, json.loads(body)), (500, {"error": NO_RECOGNIZERS}))


class AnalyzerErrors(ServerCase):
    def test_presidio_errors(self):
        a = self.srv.analyze
        self.assert_error(a({"language": "en"}), 500, "No text provided")
        self.assert_error(a({"text": "", "language": "en"}), 500, "No text provided")
        self.assert_error(a({"text": [], "language": "en"}), 500, "No text provided")
        self.assert_error(a({"text": "hi"}), 500, "No language provided")
        self.assert_error(a({"text": "hi", "language": "fr"}), 500, NO_RECOGNIZERS)
        self.assert_error(a(["text"]), 500, "'list' object has no attribute 'get'")
        self.assert_error(a({"text": "hi", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X",
                                                                                     "bogus": 1}]}),
                          400, "Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                               "PatternRecognizer.__init__() got an unexpected keyword argument 'bogus'")
        self.assert_error(a({"text": "hi", "language": "en", "ad_hoc_recognizers": [
            {"supported_entity": "X", "patterns": [{"name": "p", "regex": "x"}]}]}),
            400, "Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                 "Pattern.__init__() missing 1 required positional argument: 'score'")
        self.assert_error(a({"text": "hi", "language": "en", "ad_hoc_recognizers": [{"supported_entity": "X"}]}),
                          500, "Pattern recognizer should be initialized with patterns or with deny list")
        status, _, data = a({"text": "hi", "language": "en", "ad_hoc_recognizers": [
            {"supported_entity": "X", "patterns": [{"name": "p", "regex": "ab(c", "score": 0.5}]}]})
        self.assertEqual(status, 500)
        self.assertTrue(data["error"].startswith("invalid regular expression"))
        self.assertNotIn("ab(c", data["error"])
        self.assert_error(a({"text": "hi", "language": "en", "score_threshold": "high"}), 400,
                          "Failed to parse /analyze request for AnalyzerEngine.analyze(). "
                          "'>=' not supported between instances of 'float' and 'str'")

    def test_body_errors(self):
        self.assert_error(self.srv.analyze(None, raw=b"{not json"), 400, "Failed to decode JSON object")
        self.assert_error(self.srv.analyze(None, raw=b'{"text": "a"}', content_type="text/plain"), 415,
                          "Did not attempt to load JSON data because the request Content-Type was not "
                          "'application/json'.")

    def test_lone_surrogate(self):
        # Presidio analyses a str with a lone surrogate (an emoji a JS client sliced in two): so do we,
        # with the offsets of the str it holds (the surrogate is one index).
        raw = '{"text": "\\ud83d Jane Doe mail jane.doe@example.com \\udc00 \\ud83c\\udf89 x", "language": "en"}'
        status, _, data = self.srv.analyze(None, raw=raw.encode())
        self.assertEqual(status, 200, data)
        text = json.loads(raw)["text"]
        email = [r for r in data if r["entity_type"] == "EMAIL_ADDRESS"]
        self.assertEqual([text[r["start"]:r["end"]] for r in email], ["jane.doe@example.com"])
        status, _, data = self.srv.analyze(None, raw=b'{"text": "a\\ud800b", "language": "en"}')
        self.assertEqual((status, data), (200, []))

    def test_hostile_regex_is_bounded(self):
        status, _, data = self.srv.analyze({"text": "a" * 40 + "!", "language": "en", "ad_hoc_recognizers": [
            {"supported_entity": "X", "patterns": [{"name": "p", "regex": "(a+)+$", "score": 0.5}]}]})
        self.assertEqual(status, 500)
        self.assertIn("match limit", data["error"])


class Limits(ServerCase):
    config = {"max_body_bytes": 4096, "match_limit": 20000}

    def test_body_limit(self):
        self.assert_error(self.srv.analyze({"text": "x" * 5000, "language": "en"}), 413,
                          "The data value transmitted exceeds the capacity limit.")


class BuildApps(unittest.TestCase):
    def test_listeners_are_optional(self):
        self.assertEqual([(h, p) for h, p, _ in build_apps({"analyzer": "127.0.0.1:5002"})], [("127.0.0.1", 5002)])
        self.assertEqual(len(build_apps(PresidioConfig(analyzer="127.0.0.1:1", anonymizer="[::1]:2"))), 2)
        self.assertEqual(build_apps({}), [])
        with self.assertRaises(ConfigError):
            build_apps({"analyser": "127.0.0.1:5002"})
        with self.assertRaises(ConfigError):
            build_apps({"analyzer": "5002"})

    def test_numbers_that_compare_strangely_are_refused(self):
        # nan passed `<= 0`; a body limit past a C int was an OverflowError traceback at start
        for bad in ({"request_timeout": float("nan")}, {"request_timeout": float("inf")},
                    {"max_body_bytes": 10**20}, {"workers": 2**40}):
            with self.subTest(bad=bad):
                with self.assertRaises(ConfigError):
                    PresidioConfig(analyzer="127.0.0.1:5002", **bad).validate()


class Runner(unittest.TestCase):
    def test_python_m_serves_both(self):
        env = dict(os.environ, PYTHONPATH=str(pathlib.Path(sanctumcore.__file__).parent.parent))
        proc = subprocess.Popen([sys.executable, "-m", "sanctumcore.presidio", "--analyzer", "127.0.0.1:0",
                                 "--anonymizer", "127.0.0.1:0"], env=env, stderr=subprocess.PIPE, text=True)
        try:
            line = proc.stderr.readline()
            ports = [int(p) for p in re.findall(r"127\.0\.0\.1:(\d+)", line)]
            self.assertEqual(len(ports), 2, line)
            answers = [urllib.request.urlopen(f"http://127.0.0.1:{p}/health", timeout=10).read() for p in ports]
            self.assertEqual(answers, [b"Presidio Analyzer service is up", b"Presidio Anonymizer service is up"])
        finally:
            proc.terminate()
            proc.wait(10)
            proc.stderr.close()
        no_args = subprocess.run([sys.executable, "-m", "sanctumcore.presidio"], env=env, capture_output=True)
        self.assertEqual(no_args.returncode, 2)

    def test_sigterm_lets_the_requests_in_flight_end(self):
        """SIGTERM (docker stop, systemctl stop, a rolling deploy) killed the service at once: a request
        being analysed lost its connection with no answer. Presidio's own servers end those first."""
        with tempfile.TemporaryDirectory() as tmp:
            started = os.path.join(tmp, "started")
            script = ("import os, sys, time\n"
                      "from sanctumcore.presidio import analyzer, __main__ as m\n"
                      "analyze = analyzer.Analyzer.analyze\n"
                      "def slow(self, body):\n"
                      f"    open({started!r}, 'w').close()  # (the test sends SIGTERM now)\n"
                      "    time.sleep(1.5)\n"
                      "    return analyze(self, body)\n"
                      "analyzer.Analyzer.analyze = slow\n"
                      "sys.exit(m.main(['--analyzer', '127.0.0.1:0']))\n")
            env = dict(os.environ, PYTHONPATH=str(pathlib.Path(sanctumcore.__file__).parent.parent))
            proc = subprocess.Popen([sys.executable, "-c", script], env=env, stderr=subprocess.PIPE, text=True)
            self.addCleanup(lambda: proc.poll() is None and (proc.kill(), proc.wait(10)))
            self.addCleanup(proc.stderr.close)
            port = int(re.findall(r"127\.0\.0\.1:(\d+)", proc.stderr.readline())[0])
            answer = []

            def ask():
                req = urllib.request.Request(f"http://127.0.0.1:{port}/analyze", method="POST",
                                             data=json.dumps({"text": "Call John Smith", "language": "en"}).encode(),
                                             headers={"Content-Type": "application/json"})
                try:
                    with urllib.request.urlopen(req, timeout=20) as r:
                        answer.append(r.status)
                except OSError as e:
                    answer.append(type(e).__name__)

            client = threading.Thread(target=ask)
            client.start()
            deadline = time.monotonic() + 20
            while not os.path.exists(started) and time.monotonic() < deadline:
                time.sleep(0.01)
            proc.send_signal(signal.SIGTERM)
            client.join(30)
            self.assertEqual(answer, [200])
            self.assertEqual(proc.wait(20), 0)


if __name__ == "__main__":
    unittest.main()
