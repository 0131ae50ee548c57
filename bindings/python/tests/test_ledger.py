"""The ledger through the Python bindings: lifecycle, check, audit, tamper detection, bad input."""
import datetime as dt
import os
import sqlite3
import tempfile
import unittest

from sanctumcore import Context, Ledger, SanctumError, Status

UTC = dt.timezone.utc
T0 = dt.datetime(2026, 1, 1, tzinfo=UTC)


class LedgerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.path = os.path.join(self.tmp.name, "ledger.db")
        self.ctx = Context()
        self.led = Ledger(self.ctx, self.path, now=T0)

    def tearDown(self):
        self.ctx.close()
        self.tmp.cleanup()

    def test_lifecycle_and_check(self):
        self.led.add("openrouter", "openrouter", 90, auto_rotate_days=85, method="api",
                     locations=["keychain:openrouter", "sops:vm/env"], value="sk-or-v1-fake", actor="ops")
        self.led.add("github-pat", "github", 30, created_at="2025-11-01T00:00:00Z")
        s = self.led.show("openrouter")
        self.assertEqual(s.locations, ("keychain:openrouter", "sops:vm/env"))
        self.assertEqual(s.method, "api")
        self.assertEqual(len(s.fingerprint), 32)
        self.assertEqual(s.fingerprint, self.led.fingerprint("sk-or-v1-fake"))
        self.assertEqual([m.name for m in self.led.match("sk-or-v1-fake")], ["openrouter"])
        self.assertEqual(self.led.match("something else"), [])
        report = self.led.check(now=T0 + dt.timedelta(days=86))
        byname = {i["name"]: i for i in report["items"]}
        self.assertIn("auto_rotate_due", byname["openrouter"]["flags"])
        self.assertIn("overdue", byname["github-pat"]["flags"])
        self.assertEqual(report["overdue"], 1)
        self.led.rotate("github-pat", at=T0 + dt.timedelta(days=86), value=b"ghp_new", actor="me")
        self.assertEqual(self.led.check(now=T0 + dt.timedelta(days=87))["overdue"], 0)
        self.led.retire("github-pat")
        self.assertEqual([x.name for x in self.led.list()], ["openrouter"])
        self.assertEqual(len(self.led.list(include_retired=True)), 2)
        log = self.led.audit_log()
        self.assertEqual([e["action"] for e in log], ["add", "add", "rotate", "retire"])
        self.assertNotIn("sk-or-v1-fake", repr(log))
        v = self.led.verify()
        self.assertTrue(v["intact"], v["message"])
        self.assertEqual(v["events"], 4)

    def test_value_never_stored(self):
        self.led.add("db", "postgres", 60, value="hunter2-very-secret-value")
        self.led.close()
        for name in os.listdir(self.tmp.name):
            with open(os.path.join(self.tmp.name, name), "rb") as f:
                self.assertNotIn(b"hunter2-very-secret-value", f.read())

    def test_tampering_is_detected(self):
        for i in range(3):
            self.led.add(f"s{i}", "p", 30)
        self.led.close()
        db = sqlite3.connect(self.path)
        tables = [r[0] for r in db.execute("select name from sqlite_master where type='table'")]
        self.assertIn("events", tables)
        db.execute("PRAGMA writable_schema=OFF")
        try:
            db.execute("DROP TRIGGER IF EXISTS events_no_delete")
            for (name,) in db.execute("select name from sqlite_master where type='trigger'").fetchall():
                db.execute(f'DROP TRIGGER "{name}"')
            db.execute("DELETE FROM events WHERE seq = 2")
            db.commit()
        finally:
            db.close()
        with Ledger(Context(), self.path) as again:
            v = again.verify()
        self.assertFalse(v["intact"])
        self.assertNotEqual(v["problem"], "intact")

    def test_batch_rolls_back_on_error(self):
        with self.assertRaises(RuntimeError):
            with self.led.batch():
                self.led.add("a", "p", 10)
                raise RuntimeError("boom")
        self.assertEqual(self.led.list(), [])
        with self.led.batch():
            for i in range(50):
                self.led.add(f"k{i}", "p", 10)
        self.assertEqual(len(self.led.list()), 50)

    def test_bad_input(self):
        with self.assertRaises(SanctumError) as cm:
            self.led.show("nope")
        self.assertEqual(cm.exception.status, Status.NOT_FOUND)
        self.led.add("x", "p", 5)
        with self.assertRaises(SanctumError) as cm:
            self.led.add("x", "p", 5)
        self.assertEqual(cm.exception.status, Status.EXISTS)
        with self.assertRaises(SanctumError):
            self.led.add("y", "p", 0)
        with self.assertRaises(TypeError):
            self.led.add("y", "p", "ninety")
        with self.assertRaises(SanctumError) as cm:
            self.led.rotate("x", at="yesterday")
        self.assertEqual(cm.exception.status, Status.PARSE)
        with self.assertRaises(ValueError):
            self.led.rotate("x", at=dt.datetime(2026, 1, 1))  # naive
        with self.assertRaises(ValueError):
            Ledger(self.ctx, os.path.join(self.tmp.name, "other.db"), key=b"short")
        with open(os.path.join(self.tmp.name, "junk.db"), "wb") as f:
            f.write(b"this is not a database" * 100)
        with self.assertRaises(SanctumError):
            Ledger(self.ctx, os.path.join(self.tmp.name, "junk.db"), create=False)

    def test_wrong_key_is_refused(self):
        self.led.add("x", "p", 5)
        self.led.close()
        with self.assertRaises(SanctumError) as cm:
            Ledger(self.ctx, self.path, key=b"\x01" * 32)
        self.assertEqual(cm.exception.status, Status.CRYPTO)


if __name__ == "__main__":
    unittest.main()
