"""HTTP's own request headers (Content-Type, Cache-Control, Pragma, Priority, Sec-Fetch-*) skip the
personal-data check on scrub routes only when their value has the strict shape of their tokens: free text
in a parameter or a quoted string is checked like any header."""
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
