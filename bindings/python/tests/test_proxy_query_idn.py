"""A `key=` query parameter is exempt from the personal-data check only on routes that replace it with
their own key (elsewhere it is forwarded, so checked); an internationalised upstream host is used in its
IDNA (xn--) form, in the Host header too."""
import json
import os
import unittest
import urllib.parse

from test_proxy_pass import CHAT, ProxyFixture


def query(recorded) -> dict:
    return urllib.parse.parse_qs(urllib.parse.urlsplit(recorded.path).query)


class QueryKeyTest(ProxyFixture):
    routes = [{"name": "own", "upstream": "UP/v1", "policy": "scrub", "paths": ["/own/chat/completions"]},
              {"name": "keyed", "upstream": "UP/v1", "policy": "scrub", "paths": ["/keyed/chat/completions"],
               "api_key_env": "SANCTUM_TEST_QUERY_KEY"}]

    def setUp(self):
        os.environ["SANCTUM_TEST_QUERY_KEY"] = "sk-route"
        self.addCleanup(os.environ.pop, "SANCTUM_TEST_QUERY_KEY", None)
        super().setUp()

    def test_a_forwarded_key_parameter_is_checked(self):
        resp, data = self.post("/own/chat/completions?key=john.smith%40example.com", CHAT)
        self.assertEqual(resp.status, 400, data)
        self.assertEqual(json.loads(data)["error"]["code"], "personal_query")
        resp, data = self.post("/own/chat/completions?key=AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY", CHAT)
        self.assertEqual(resp.status, 200, data)  # a real key is no personal data
        self.assertEqual(query(self.up.requests[-1])["key"], ["AIzaSyD-9tSrke72PouQMnMX-a7eZSW0jkFMBWY"])

    def test_a_replaced_key_parameter_is_stripped_not_checked(self):
        resp, data = self.post("/keyed/chat/completions?key=john.smith%40example.com&x=1", CHAT)
        self.assertEqual(resp.status, 200, data)
        self.assertEqual(query(self.up.requests[-1]), {"x": ["1"]})


class IdnUpstreamTest(unittest.TestCase):
    def test_an_idn_host_is_used_in_its_ascii_form(self):
        import yarl

        from sanctumcore.proxy import from_dict, upstream

        cfg = from_dict({"listen": "127.0.0.1:0", "route": [
            {"name": "idn", "upstream": "https://bücher.example:8443/v1/", "policy": "pass"}]})
        self.assertEqual(cfg.routes[0].upstream, "https://xn--bcher-kva.example:8443/v1")
        pool = upstream.Pool(cfg)
        url = upstream.target(cfg.routes[0].upstream, "/chat/completions", "")
        origin = pool.session(url)
        self.assertEqual(origin._host_line, "Host: xn--bcher-kva.example:8443\r\n")
        punycode = pool.session(yarl.URL("http://xn--bcher-kva.example/v1/x", encoded=True))
        self.assertEqual(punycode._host_line, "Host: xn--bcher-kva.example\r\n")


if __name__ == "__main__":
    unittest.main()
