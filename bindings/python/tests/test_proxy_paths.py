"""Request targets whose segments a server may read as `.`/`..` (Tomcat's `..;` path parameters, dots
encoded more than once) are refused, never forwarded."""
import json
import unittest

from test_proxy_http import exchange, post_head, responses
from test_proxy_pass import CHAT, ProxyFixture

HIDDEN = ["/v1/..;/admin", "/v1/.;/x", "/v1/..;jsessionid=1/x", "/v1/%2e%2e;/x", "/v1/%252e%252e/x",
          "/v1/%25252e%25252e/x", "/v1/%252e/x", "/v1/a%252f..;%252fb"]


class HiddenDotSegmentUnitTest(unittest.TestCase):
    def test_refused(self):
        from sanctumcore.proxy.paths import BadTarget, origin_form

        for target in HIDDEN:
            with self.subTest(target=target), self.assertRaises(BadTarget):
                origin_form(target)

    def test_ordinary_parameters_and_dots_pass(self):
        from sanctumcore.proxy.paths import origin_form

        self.assertEqual(origin_form("/v1/a;b=1/file.json"), "/v1/a;b=1/file.json")
        self.assertEqual(origin_form("/v1/...;x/%252e.txt"), "/v1/...;x/%252e.txt")


class HiddenDotSegmentTest(ProxyFixture):
    def test_refused_with_400_bad_path(self):
        for target in HIDDEN:
            with self.subTest(target=target):
                got = responses(exchange(self.port, post_head(target.encode(), len(CHAT), b"Connection: close\r\n")
                                         + CHAT))
                self.assertEqual([s for s, _ in got], [400], got)
                self.assertEqual(json.loads(got[0][1])["error"]["code"], "bad_path")
        self.assertEqual(self.up.requests, [])


PLANTED = b"jane.doe@example.com"
PERSONAL = json.dumps({"model": "gpt-4o", "messages": [
    {"role": "user", "content": "Write to jane.doe@example.com please."}]}).encode()
# Spellings of /chat/completions that servers in front of a provider commonly read as it: a trailing
# slash (or /.), repeated slashes (nginx merge_slashes), an encoded slash or backslash, a backslash (IIS),
# path parameters (Tomcat, Spring), another case (ASP.NET, Azure), an encoded colon (Gemini's method).
VARIANTS = ["/chat/completions/", "/chat/completions/.", "/chat//completions", "/chat%2Fcompletions",
            "/chat%2fcompletions", "/chat%5Ccompletions", "/chat\\completions", "/chat/completions;x=1",
            "/Chat/Completions", "/CHAT/COMPLETIONS/",
            # trailing dots and white space (IIS, Windows), a path a server cuts at a decoded ?, # or NUL,
            # letters that .NET's invariant upper case and Go's EqualFold fold to ASCII (ı, ſ, the Kelvin sign)
            "/chat/completions.", "/chat/completions%2e", "/chat/completions%20", "/chat/completions%09",
            "/chat/completions%00", "/chat/completions%00/x", "/chat/completions%3Fx=1", "/chat/completions%23x",
            "/chat/complet%C4%B1ons", "/chat/completion%C5%BF"]


class RouteFormUnitTest(unittest.TestCase):
    def test_variants_have_the_form_of_the_path(self):
        from sanctumcore.proxy.paths import route_form

        for target in VARIANTS:
            with self.subTest(target=target):
                self.assertEqual(route_form(target), "/chat/completions")
        self.assertEqual(route_form(":streamGenerateContent"), ":streamgeneratecontent")
        self.assertEqual(route_form("/v1beta/models/g%3AstreamGenerateContent"), "/v1beta/models/g:streamgeneratecontent")
        self.assertEqual(route_form("/"), "/")
        self.assertEqual(route_form("/v1/%E2%84%AAey"), "/v1/key")  # the Kelvin sign
        self.assertEqual(route_form("/v1beta/models/gemini-2.0-flash:generateContent"),
                         "/v1beta/models/gemini-2.0-flash:generatecontent")  # a dot inside a segment stays

    def test_gemini_model_seen_behind_an_encoded_colon(self):
        from sanctumcore.proxy.upstream import gemini_json_stream, gemini_model

        self.assertEqual(gemini_model("/v1beta/models/gemini-2.0-flash%3AgenerateContent"), "gemini-2.0-flash")
        self.assertTrue(gemini_json_stream("/v1beta/models/g%3astreamGenerateContent"))


class PathVariantRoutingTest(ProxyFixture):
    """A scrub route's `paths` also take the spellings of those paths a server may read as them: such a
    request went on to the catch-all pass route, and the provider got the text as written."""
    routes = [{"name": "scrubbed", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "models", "upstream": "UP/v1", "policy": "pass"}]

    def test_variants_are_scrubbed(self):
        for target in VARIANTS:
            with self.subTest(target=target):
                n = len(self.up.requests)
                resp, _ = self.post(target, PERSONAL)
                self.assertEqual(resp.status, 200)
                self.assertEqual(len(self.up.requests), n + 1)
                self.assertNotIn(PLANTED, self.up.requests[-1].body)
                self.assertIn(b"<EMAIL_ADDRESS_1>", self.up.requests[-1].body)

    def test_other_paths_still_pass(self):
        resp, _ = self.post("/chat/completions/x", PERSONAL)
        self.assertEqual(resp.status, 200)
        self.assertEqual(self.up.requests[-1].body, PERSONAL)


class GeminiEncodedColonRoutingTest(ProxyFixture):
    """A Gemini route chosen by model sees the model behind an encoded colon (`%3A`), which Google's
    front end decodes: the request fell through to the pass route."""
    routes = [{"name": "gemini", "upstream": "UP", "policy": "scrub", "models": ["gemini-*"]},
              {"name": "other", "upstream": "UP", "policy": "pass"}]

    def test_encoded_colon_is_scrubbed(self):
        body = json.dumps({"contents": [{"role": "user", "parts": [
            {"text": "Write to jane.doe@example.com please."}]}]}).encode()
        resp, _ = self.post("/v1beta/models/gemini-2.0-flash%3AgenerateContent", body)
        self.assertEqual(resp.status, 200)
        self.assertNotIn(PLANTED, self.up.requests[-1].body)


if __name__ == "__main__":
    unittest.main()
