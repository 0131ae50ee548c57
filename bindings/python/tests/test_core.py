"""Contexts, errors and versions through the Python bindings."""
import concurrent.futures
import copy
import gc
import os
import pickle
import subprocess
import sys
import threading
import time
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


def _refused_validation(data: bytes) -> str:
    """(module level: run in a process pool) validates data, letting the SanctumError out."""
    with Context() as ctx:
        sanctumcore.validate_json(ctx, data)
    return "valid"


class ErrorPicklingTest(unittest.TestCase):
    """A SanctumError crosses process boundaries (multiprocessing, ProcessPoolExecutor pickle it): its
    __init__ takes three arguments, so unpickling failed and one bad input broke the whole pool."""

    def test_round_trip(self):
        with Context() as ctx, self.assertRaises(SanctumError) as cm:
            sanctumcore.validate_json(ctx, b'{"a": 1,}')
        e = pickle.loads(pickle.dumps(cm.exception))
        self.assertEqual((type(e), e.status, e.offset, e.message, str(e)),
                         (SanctumError, Status.PARSE, cm.exception.offset, cm.exception.message, str(cm.exception)))
        self.assertEqual(copy.copy(cm.exception).offset, cm.exception.offset)

    def test_raised_in_a_process_pool(self):
        with concurrent.futures.ProcessPoolExecutor(1) as pool:
            bad = pool.submit(_refused_validation, b'{"a": 1,}')
            with self.assertRaises(SanctumError) as cm:
                bad.result(timeout=60)
            self.assertEqual(cm.exception.status, Status.PARSE)
            self.assertEqual(pool.submit(_refused_validation, b"{}").result(timeout=60), "valid")


class HandleCopyTest(unittest.TestCase):
    """copy.copy of a Context made a second owner of the same native context: both freed it (a double
    free: 'corrupted double-linked list', the interpreter aborted) and closing one closed the other's
    handles. Every native owner now refuses copy, deepcopy and pickle with a TypeError."""

    SCRIPT = """
import copy, pickle, sanctumcore
ctx = sanctumcore.Context()
det = sanctumcore.Detector(ctx)
objs = [ctx, det, sanctumcore.Session(ctx, det), sanctumcore.Identities(ctx, "person: Jane Roe"),
        sanctumcore.ChatDocument(ctx, b'{"messages": []}')]
for obj in objs:
    for how in (copy.copy, copy.deepcopy, pickle.dumps):
        try:
            how(obj)
        except TypeError as e:
            assert "cannot be copied or pickled" in str(e), e
        else:
            print("copied", type(obj).__name__, how.__name__)
del objs, how
import gc; gc.collect()
print("detector still usable:", bool(det.detect("Call Jane Doe at jane@example.com")))
ctx.close()
print("done")
"""

    def test_copy_and_pickle_refused(self):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        proc = subprocess.run([sys.executable, "-c", self.SCRIPT], capture_output=True, text=True,
                              timeout=60, env=env)
        self.assertEqual(proc.returncode, 0, proc.stderr[-2000:])
        self.assertEqual(proc.stdout, "detector still usable: True\ndone\n")


class HandleLifetimeTest(unittest.TestCase):
    """A handle another one borrows natively (a Session's Detector and Identities, a StreamRestorer's
    Session), or one a thread is still in a call of, is freed only once nothing uses it: close() freed it
    at once, and the session read freed memory (valgrind: invalid reads in sc_detect_spans), the restorer
    restored nothing."""

    BODY = b'{"messages": [{"role": "user", "content": "I am Jane Doe and Jane Roe."}]}'
    CHUNK = b'data: {"choices":[{"index":0,"delta":{"content":"Hi <PERSON_1>"}}]}\n\n'

    def setUp(self):
        self.ctx = Context()
        self.addCleanup(self.ctx.close)

    def test_detector_and_identities_closed_before_the_session(self):
        det = sanctumcore.Detector(self.ctx)
        ids = sanctumcore.Identities(self.ctx, "person: Jane Roe")
        s = sanctumcore.Session(self.ctx, det, identities=ids)
        blocks = self.ctx.stats()["current_blocks"]
        det.close()
        ids.close()
        self.assertEqual(self.ctx.stats()["current_blocks"], blocks)  # nothing freed under the session
        with self.assertRaises(ValueError):
            det.detect("Jane Doe")  # closed to its own calls at once
        with self.assertRaises(ValueError):
            sanctumcore.Session(self.ctx, det)
        self.assertEqual(s.anonymize_request(self.BODY),
                         b'{"messages": [{"role": "user", "content": "I am <PERSON_1> and <PERSON_2>."}]}')
        s.close()  # the last user: the detector and identities go with it
        self.assertEqual(self.ctx.stats()["current_blocks"], 0)

    def test_session_closed_before_its_stream_restorer(self):
        det = sanctumcore.Detector(self.ctx)
        s = sanctumcore.Session(self.ctx, det)
        s.anonymize_request(self.BODY)
        r = s.stream_restorer("openai_chat")
        s.close()
        with self.assertRaises(ValueError):
            s.restore_text("<PERSON_1>")
        self.assertIn(b'"Hi Jane Doe"', r.feed(self.CHUNK))
        r.close()
        det.close()
        self.assertEqual(self.ctx.stats()["current_blocks"], 0)

    def test_close_while_another_thread_is_in_a_call(self):
        det = sanctumcore.Detector(self.ctx)
        s = sanctumcore.Session(self.ctx, det)
        body = ('{"messages": [{"role": "user", "content": "%s"}]}'
                % ("I am Jane Doe, mail jane.doe@example.com. " * 20000)).encode()
        idle = self.ctx.stats()["current_bytes"]
        got = []

        def call():
            try:
                got.append(s.anonymize_request(body))
            except ValueError as e:  # (closed before the call began: the machine was slow)
                got.append(e)

        t = threading.Thread(target=call)
        t.start()
        deadline = time.monotonic() + 10
        while self.ctx.stats()["current_bytes"] <= idle and t.is_alive() and time.monotonic() < deadline:
            time.sleep(0.0005)  # until the call holds memory of its own
        s.close()
        self.assertTrue(s.closed)
        with self.assertRaises(ValueError):
            s.anonymize_request(self.BODY)
        t.join(60)
        if isinstance(got[0], bytes):
            self.assertNotIn(b"jane.doe@example.com", got[0])
            self.assertIn(b"<EMAIL_ADDRESS_1>", got[0])
        det.close()
        self.assertEqual(self.ctx.stats()["current_blocks"], 0)

    def test_single_threaded_handles_take_one_call_at_a_time(self):
        """The core's sessions, restorers, chat documents and ledgers are single-threaded (sanctum.h): a
        Session shared by threads ran two calls at once in its mapping (helgrind: races in sc_anon_text_ex).
        Such handles now take their calls in turn; detectors and scanners still run them in parallel."""
        det = sanctumcore.Detector(self.ctx)
        s = sanctumcore.Session(self.ctx, det)
        inside, most, lock = [0], [0], threading.Lock()
        real = sanctumcore.session.lib

        class Spy:  # the native library, counting the session calls in progress at once
            def __getattr__(self, name):
                fn = getattr(real, name)
                if not name.startswith("sanctum_session_"):
                    return fn

                def counted(*args):
                    with lock:
                        inside[0] += 1
                        most[0] = max(most[0], inside[0])
                    try:
                        time.sleep(0.002)  # (a long call: another thread would come in now)
                        return fn(*args)
                    finally:
                        with lock:
                            inside[0] -= 1
                return counted

        sanctumcore.session.lib = Spy()
        self.addCleanup(setattr, sanctumcore.session, "lib", real)
        errors = []

        def work(k):
            try:
                for i in range(20):
                    out = s.anonymize_request(b'{"messages": [{"role": "user", "content": "mail u%d.%d@example.com"}]}' % (k, i))
                    self.assertNotIn(b"@example.com", out)
                    s.stats()
            except Exception as e:  # (reported below)
                errors.append(e)

        threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(60)
        self.assertEqual(errors, [])
        self.assertEqual(most[0], 1)
        self.assertEqual(s.stats()["distinct"], {"EMAIL_ADDRESS": 80})
        s.close()
        det.close()

    def test_context_closed_under_its_handles(self):
        det = sanctumcore.Detector(self.ctx)
        s = sanctumcore.Session(self.ctx, det)
        self.ctx.close()  # closes every handle made from it, then itself
        for obj in (s, det, self.ctx):
            self.assertTrue(obj.closed)
        with self.assertRaises(ValueError):
            s.anonymize_request(self.BODY)


if __name__ == "__main__":
    unittest.main()
