"""sanctum-jobs' key files (journal.key, the scan key): a key is either there whole or not at all. A
failure while the first key is written (a full disk, a crash) must not leave an empty file that every
later run refuses ("a key file must hold 32 bytes") until someone deletes it by hand."""
import errno
import os
import shutil
import stat
import tempfile
import unittest
from unittest import mock

from sanctumcore.jobs.util import read_or_create_key


class KeyFileTest(unittest.TestCase):
    def setUp(self):
        self.dir = tempfile.mkdtemp(prefix="jobs-key-")
        self.path = os.path.join(self.dir, "journal.key")

    def tearDown(self):
        shutil.rmtree(self.dir, ignore_errors=True)

    def test_a_failed_first_write_leaves_no_key_file_and_the_next_run_makes_one(self):
        real = os.fsync
        calls = []

        def full_disk(fd):
            calls.append(fd)
            if len(calls) == 1:
                raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
            return real(fd)

        with mock.patch("os.fsync", full_disk):
            with self.assertRaises(OSError):
                read_or_create_key(self.path)
        self.assertEqual(os.listdir(self.dir), [], "no key file and no temp file left")
        key = read_or_create_key(self.path)
        self.assertEqual(len(key), 32)
        self.assertEqual(stat.S_IMODE(os.stat(self.path).st_mode), 0o600)
        self.assertEqual(read_or_create_key(self.path), key)
        self.assertEqual(os.listdir(self.dir), ["journal.key"])


if __name__ == "__main__":
    unittest.main()
