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


if __name__ == "__main__":
    unittest.main()
