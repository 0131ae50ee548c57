"""HTTP's own request headers (Content-Type, Cache-Control, Pragma, Priority, Sec-Fetch-*) skip the
personal-data check on scrub routes only when their value has the strict shape of their tokens; headers
naming forwarding or a client's address are dropped however they are spelled."""
import json

from test_proxy_pass import CHAT, ProxyFixture

PERSONAL = {
    "Content-Type": 'application/json; x="John Smith, john.smith@example.com, 555-867-5309"',
    "Cache-Control": 'x="john.smith@example.com 555-867-5309"',
    "Pragma": "john.smith@example.com",
    "Priority": 'u=1, x="john.smith@example.com"',
    "Sec-Fetch-Site": "john.smith@example.com",
    "Accept-Encoding": "john.smith@example.com",
}
TOKENS = {"Content-Type": "application/json; charset=utf-8", "Cache-Control": "no-cache, max-age=0",
          "Pragma": "no-cache", "Priority": "u=1, i", "Sec-Fetch-Site": "same-origin", "Sec-Fetch-Mode": "cors",
          "Sec-Fetch-Dest": "empty", "Accept-Encoding": "gzip, deflate, br"}


class ProtocolHeaderShapeTest(ProxyFixture):
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub"}]

    def test_free_text_in_protocol_headers_is_checked(self):
        for name, value in PERSONAL.items():
            with self.subTest(header=name):
                resp, data = self.post("/chat/completions", CHAT, {name: value})
                self.assertEqual(resp.status, 400, data)
                self.assertEqual(json.loads(data)["error"]["code"], "personal_header")
        self.assertEqual(self.up.requests, [])

    def test_token_values_pass_unchecked(self):
        resp, data = self.post("/chat/completions", CHAT, TOKENS)
        self.assertEqual(resp.status, 200, data)
        sent = self.up.requests[0].headers
        self.assertEqual(sent["Cache-Control"], "no-cache, max-age=0")
        self.assertEqual(sent["Priority"], "u=1, i")


CLIENT_IP = ["X-Originating-IP", "X-Original-Forwarded-For", "Forwarded-For", "X-Forwarded", "Client-IP",
             "X-ProxyUser-Ip", "Fastly-Client-IP", "X-Envoy-External-Address", "X-Forwarded-Proto",
             "X-Forwarded-Port", "X-Forwarded-Host", "X_Forwarded_For"]


class ClientAddressHeaderTest(ProxyFixture):
    """Any header naming forwarding or a client's address is dropped on scrub routes (not only a list)."""
    routes = [{"name": "s", "upstream": "UP/v1", "policy": "scrub", "paths": ["/chat/completions"]},
              {"name": "k", "upstream": "UP/v1", "policy": "scrub", "paths": ["/k/completions"],
               "keep_headers": ["X-Forwarded-Proto"]}]

    def test_client_address_headers_are_dropped(self):
        for name in CLIENT_IP:
            with self.subTest(header=name):
                resp, data = self.post("/chat/completions", CHAT, {name: "203.0.113.7", "X-Trace": "abc"})
                self.assertEqual(resp.status, 200, data)
                sent = {k.lower(): v for k, v in self.up.requests[-1].headers.items()}
                self.assertNotIn(name.lower(), sent)
                self.assertEqual(sent.get("x-trace"), "abc")  # other headers still go

    def test_keep_headers_still_applies(self):
        resp, _ = self.post("/k/completions", CHAT, {"X-Forwarded-Proto": "https", "X-Originating-IP": "203.0.113.7"})
        self.assertEqual(resp.status, 200)
        sent = {k.lower(): v for k, v in self.up.requests[-1].headers.items()}
        self.assertEqual(sent.get("x-forwarded-proto"), "https")
        self.assertNotIn("x-originating-ip", sent)
