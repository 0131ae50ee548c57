"""Contexts, errors and versions through the Python bindings."""
import gc
import unittest

import sanctumcore
from sanctumcore import Context, SanctumError, Status
from sanctumcore._native import ffi, lib


class VersionTest(unittest.TestCase):
    def test_versions(self):
        self.assertEqual(sanctumcore.abi_version(), 1)
        self.assertRegex(sanctumcore.version(), r"^\d+\.\d+\.\d+$")


class ContextTest(unittest.TestCase):
    def test_defaults_and_stats(self):
        with Context() as ctx:
            self.assertEqual(ctx.options(), {"memory_budget": 0, "max_input_bytes": 64 << 20, "max_depth": 1024})
            stats = ctx.stats()
            self.assertEqual(stats["current_blocks"], 0)
            self.assertEqual(stats["current_bytes"], 0)

    def test_options_are_passed(self):
        with Context(memory_budget=4096, max_input_bytes=100, max_depth=7) as ctx:
            self.assertEqual(ctx.options(), {"memory_budget": 4096, "max_input_bytes": 100, "max_depth": 7})

    def test_bad_options_raise(self):
        with self.assertRaises(SanctumError) as cm:
            Context(max_depth=0)
        self.assertEqual(cm.exception.status, Status.INVALID_ARG)
        self.assertIsNone(cm.exception.offset)
        self.assertIn("max_depth", cm.exception.message)
        with self.assertRaises(TypeError):
            Context(memory_budget=-1)
        with self.assertRaises(TypeError):
            Context(max_depth="deep")

    def test_closed_context_is_refused(self):
        ctx = Context()
        ctx.close()
        ctx.close()  # idempotent
        with self.assertRaises(ValueError):
            ctx.stats()

    def test_many_contexts_do_not_leak(self):
        for _ in range(2000):
            Context().close()
        gc.collect()


class StatusTest(unittest.TestCase):
    def test_names_match_the_library(self):
        for status in Status:
            name = ffi.string(lib.sanctum_status_name(status.value)).decode()
            expected = "SANCTUM_OK" if status is Status.OK else "SANCTUM_E_" + status.name
            self.assertEqual(name, expected)


if __name__ == "__main__":
    unittest.main()
