"""sanctumcore.PatternSet (the core's pattern sets) against Python's re.finditer: the same non-empty
matches, in code points, for patterns with empty matches, alternations, lookarounds and flags, over text
with emoji, CJK and combining marks; compile errors carry the offset and never the pattern."""
import re
import unittest

from sanctumcore import Context, SanctumError, Status
from sanctumcore.pattern import PatternFlag, PatternSet

TEXTS = ["aa", "baaa", "abb", "xyy", "", "ID-東京 id-42 Id-x\u0301 😀ID-9",
         "Call 212-555-0147 or 212.555.0148\nSSN 536-22-1234\n", "abc\nABC\naBc"]
PATTERNS = [("|a", 0), ("a*", 0), ("(?=b)|b", 0), ("x*|y", 0), (r"id-\S+", re.IGNORECASE), (r"ID-\d+", 0),
            (r"\b\d{3}[-.]\d{3}[-.]\d{4}\b", 0), (r"^abc$", re.MULTILINE | re.IGNORECASE), (r"c.a", re.DOTALL),
            (r"(?<=SSN )\d{3}-\d{2}-\d{4}", 0), (r"\d*", 0), ("😀|東京", 0)]


class FinditerEquivalence(unittest.TestCase):
    def setUp(self):
        self.ctx = Context()

    def tearDown(self):
        self.ctx.close()

    def test_same_matches_as_python(self):
        for pattern, flags in PATTERNS:
            pset = PatternSet(self.ctx)
            pset.add(pattern, PatternFlag.from_python(flags))
            for text in TEXTS:
                expected = [m.span() for m in re.finditer(pattern, text, flags) if m.end() > m.start()]
                got = [(s, e) for _, s, e in pset.match(text)]
                self.assertEqual(got, expected, (pattern, text))
            pset.close()

    def test_several_patterns_sorted_by_pattern(self):
        pset = PatternSet(self.ctx)
        self.assertEqual(pset.add(r"\d+"), 0)
        self.assertEqual(pset.add("[a-z]+"), 1)
        self.assertEqual(pset.match("ab 12 cd 3"), [(0, 3, 5), (0, 9, 10), (1, 0, 2), (1, 6, 8)])
        self.assertEqual(pset.match(b"ab 12"), [(0, 3, 5), (1, 0, 2)])  # bytes in, byte offsets out
        self.assertEqual(len(pset), 2)

    def test_errors(self):
        pset = PatternSet(self.ctx)
        with self.assertRaises(SanctumError) as cm:
            pset.add("secret(value")
        self.assertEqual(cm.exception.status, Status.PARSE)
        self.assertEqual(cm.exception.offset, 12)
        self.assertNotIn("secret", cm.exception.message)
        limited = PatternSet(self.ctx, match_limit=5000)
        limited.add("(a+)+$")
        with self.assertRaises(SanctumError) as cm:
            limited.match("a" * 40 + "!")
        self.assertEqual(cm.exception.status, Status.LIMIT)


if __name__ == "__main__":
    unittest.main()
