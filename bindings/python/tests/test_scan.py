"""The scanner through the Python bindings. Fake tokens are generated here at run time (random bodies,
correct checksums), so no credential-looking string is committed."""
import json
import random
import string
import unittest
import zlib

from sanctumcore import Context, SanctumError, Scanner, Status

B62 = string.digits + string.ascii_uppercase + string.ascii_lowercase


def fake_github_token(rng, valid=True):
    body = "".join(rng.choice(string.ascii_letters + string.digits) for _ in range(30))
    c = zlib.crc32(body.encode())
    cs = ""
    for _ in range(6):
        cs = B62[c % 62] + cs
        c //= 62
    if not valid:
        cs = cs[:5] + B62[(B62.index(cs[5]) + 1) % 62]
    return "ghp_" + body + cs


class ScannerTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.ctx = Context()
        cls.scanner = Scanner(cls.ctx, fingerprint_key=b"k" * 32)

    @classmethod
    def tearDownClass(cls):
        cls.ctx.close()

    def test_checksum_decides(self):
        rng = random.Random(11)
        good, bad = fake_github_token(rng), fake_github_token(rng, valid=False)
        found = self.scanner.scan(f"export GITHUB_TOKEN={good}\nOLD={bad}\n", path="deploy.sh")
        self.assertEqual([f.rule for f in found], ["github-pat"])
        f = found[0]
        self.assertEqual((f.line, f.column), (1, 21))
        self.assertNotIn(good, f.redacted)
        self.assertTrue(f.redacted.startswith("ghp_"))
        self.assertEqual(len(f.fingerprint), 64)
        self.assertGreaterEqual(len(self.scanner.rules), 100)

    def test_inline_allow_and_placeholders(self):
        good = fake_github_token(random.Random(3))
        self.assertEqual(self.scanner.scan(f"token = {good}  # sanctum:allow\n"), [])
        self.assertEqual(self.scanner.scan("api_key = '<your-token>'\nsecret: ${SECRET}\n"), [])

    def test_report_and_baseline(self):
        good = fake_github_token(random.Random(5))
        files = [("a/.env", f"GH={good}\n"), ("b/readme.md", "nothing here\n")]
        lines = self.scanner.report(files, fmt="jsonl").decode().splitlines()
        self.assertEqual(len(lines), 1)
        rec = json.loads(lines[0])
        self.assertEqual(rec["rule"], "github-pat")
        self.assertEqual(rec["file"], "a/.env")
        self.assertNotIn(good, lines[0])
        baseline = rec["fingerprint"]
        self.assertEqual(self.scanner.report(files, fmt="jsonl", baseline=baseline), b"")
        sarif = json.loads(self.scanner.report(files, fmt="sarif"))
        self.assertEqual(sarif["version"], "2.1.0")
        self.assertEqual(len(sarif["runs"][0]["results"]), 1)
        full = self.scanner.report(files, fmt="text", redact=False).decode()
        self.assertIn(good, full)

    def test_custom_rules_and_errors(self):
        rules = ("[rule]\nid = acme-key\ndescription = ACME key\n"
                 "regex = (?<secret>acme_[a-z0-9]{20})\nkeywords = acme_\n")
        with Scanner(self.ctx, rules=rules, builtin=False) as s:
            self.assertEqual(s.rules, ["acme-key"])
            self.assertEqual([f.rule for f in s.scan("k=acme_q8z1x0v7r2m5k3p9w4t6")], ["acme-key"])
        with self.assertRaises(SanctumError) as cm:
            Scanner(self.ctx, rules="[rule]\nid = broken\nregex = (unclosed\nkeywords = x\n", builtin=False)
        self.assertEqual(cm.exception.status, Status.PARSE)
        self.assertIsNotNone(cm.exception.offset)
        with self.assertRaises(TypeError):
            self.scanner.scan(12345)
        with self.assertRaises(ValueError):
            self.scanner.report([], fmt="xml")

    def test_binary_and_huge_input(self):
        self.scanner.scan(bytes(range(256)) * 1000)
        self.assertEqual(self.scanner.scan("x" * (4 << 20)), [])


if __name__ == "__main__":
    unittest.main()
