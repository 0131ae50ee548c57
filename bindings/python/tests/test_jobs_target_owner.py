"""sanctum-jobs file, env-file and sops targets keep the owner and group of the file they rewrite: a service
reading its key through its group (root:myapp 0640) can still read the new one. The atomic rename put a
file of the job's user (root:root) in its place, and the service failed at its next start."""
import json
import os
import shutil
import stat
import tempfile
import unittest
from unittest import mock

from jobs_fakes import make_fake_programs
from sanctumcore.jobs.config import Target
from sanctumcore.jobs.targets import writer

OWNER, GROUP = 4242, 4343  # ids no account needs to have


@unittest.skipUnless(hasattr(os, "geteuid") and os.geteuid() == 0, "giving a file to another owner needs root")
class TargetOwnerTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jobs-owner-")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def planted(self, name: str, text: bytes, mode: int) -> str:
        path = os.path.join(self.dir, name)
        with open(path, "wb") as f:
            f.write(text)
        os.chown(path, OWNER, GROUP)
        os.chmod(path, mode)
        return path

    def test_the_rewritten_file_keeps_its_owner_and_group(self):
        key = self.planted("app.key", b"old-value\n", 0o640)
        env = self.planted("app.env", b"DEBUG=1\nAPI_KEY=old-value\n", 0o640)
        writer(Target("file", {"path": key, "mode": "0640"})).write(b"new-value-123456")
        writer(Target("env-file", {"path": env, "var": "API_KEY"})).write(b"new-value-123456")
        for path in (key, env):
            st = os.stat(path)
            self.assertEqual((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)), (OWNER, GROUP, 0o640), path)
        self.assertEqual(writer(Target("env-file", {"path": env, "var": "API_KEY"})).read(), b"new-value-123456")
        new = os.path.join(self.dir, "new.key")  # a file made anew belongs to the job, mode 0600
        writer(Target("file", {"path": new})).write(b"new-value-123456")
        st = os.stat(new)
        self.assertEqual((st.st_uid, stat.S_IMODE(st.st_mode)), (os.geteuid(), 0o600))
        self.assertEqual(sorted(os.listdir(self.dir)), ["app.env", "app.key", "new.key"])

    def test_a_sops_file_keeps_its_owner_and_group(self):
        bindir = os.path.join(self.dir, "bin")
        make_fake_programs(bindir)
        doc = self.planted("secrets.json", b'{"data": {"API_KEY": "x"}}', 0o640)
        env = {"FAKE_LOG": os.path.join(self.dir, "fake.log"), "FAKE_STORE": self.dir}
        with mock.patch.dict(os.environ, env):
            writer(Target("sops", {"file": doc, "key": "API_KEY", "program": os.path.join(bindir, "sops")})).write(
                b"new-value-123456")
        st = os.stat(doc)
        self.assertEqual((st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)), (OWNER, GROUP, 0o640))
        with open(doc) as f:
            self.assertNotEqual(json.load(f)["data"]["API_KEY"], "x")  # the value was set


if __name__ == "__main__":
    unittest.main()
