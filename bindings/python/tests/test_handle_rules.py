"""Review of the handle lifetime rules (sanctumcore._core._NativeOwner): the collector's finalizers, and
outputs the core allocated from a context, which must be freed before that context is."""
import os
import subprocess
import sys
import tempfile
import threading
import unittest

import sanctumcore
from sanctumcore import Context
from sanctumcore._native import lib
from sanctumcore.pattern import PatternSet

# Run in a child process: a deadlocked thread would hold the lock the test's cleanup needs.
_DEADLOCK_SCRIPT = """
import gc, sys
import sanctumcore
ctx = sanctumcore.Context()
old = gc.get_threshold()
for extra in range(40):  # (where the collector runs: after `extra` allocations of the call)
    gc.disable()
    gc.collect()
    det = sanctumcore.Detector(ctx)
    s = sanctumcore.Session(ctx, det)
    s.cycle = s  # garbage only the cyclic collector finds
    det.close()  # deferred: the session holds it
    del s
    gc.set_threshold(gc.get_count()[0] + extra)
    gc.enable()
    try:
        det.detect("x")
        sys.exit("a closed detector answered")
    except ValueError:
        pass
    finally:
        gc.set_threshold(*old)
    gc.collect()
    assert det.closed
ctx.close()
print("done")
"""


class FinalizerTest(unittest.TestCase):
    """A closed Detector still held by a Session: a call on the detector raised its ValueError while
    holding the detector's own lock, the error's allocation ran the cyclic collector, and the finalizer of
    a garbage Session borrowing that detector took the same lock to release it: the thread hung forever."""

    def test_collector_inside_a_refused_call_does_not_deadlock(self):
        env = {**os.environ, "PYTHONPATH": os.pathsep.join(p for p in sys.path if p)}
        try:
            out = subprocess.run([sys.executable, "-c", _DEADLOCK_SCRIPT], env=env, capture_output=True,
                                 text=True, timeout=15)
        except subprocess.TimeoutExpired:
            self.fail("a call on a closed handle deadlocked in the collector's finalizer")
        self.assertEqual((out.returncode, out.stdout.strip()), (0, "done"), out.stderr[-2000:])


class OutputAfterContextTest(unittest.TestCase):
    """An output the core allocated from a context (a detection, matches, scan findings, a secret list)
    was freed after the call's `with` block let go of the handle. A thread closing the context in between
    (what another thread may do whenever the GIL changes hands) freed the handle and then the context, and
    freeing the output then wrote to the freed context (alloc.c release(): account_release(ctx, n)): a
    use-after-free. Shown by closing the context from another thread right after the core call returns, and
    recording the order of the core's frees that follow."""

    def order_of_frees(self, ctx, core_fn, call):
        """The frees (sanctum_free, sanctum_ctx_free) this thread made after core_fn returned, with the
        context closed by another thread at that moment."""
        events = []

        def after(frame, event, arg):
            if event == "c_call" and arg in (lib.sanctum_free, lib.sanctum_ctx_free):
                events.append(arg.__name__)

        def first(frame, event, arg):
            if event == "c_return" and arg is core_fn:
                sys.setprofile(None)
                t = threading.Thread(target=ctx.close)
                t.start()
                t.join()
                events.append("closed")
                sys.setprofile(after)

        sys.setprofile(first)
        try:
            call()
        finally:
            sys.setprofile(None)
        self.assertIn("closed", events, "the core call was not seen")
        return events

    def assert_output_freed_first(self, ctx, core_fn, call):
        events = self.order_of_frees(ctx, core_fn, call)
        self.assertIn("sanctum_ctx_free", events)  # the context went with the call's last user
        self.assertNotIn("sanctum_free", events[events.index("sanctum_ctx_free"):],
                         f"an output was freed after its context: {events}")

    def test_detector_detect(self):
        ctx = Context()
        det = sanctumcore.Detector(ctx)
        self.assert_output_freed_first(ctx, lib.sanctum_detect, lambda: det.detect("mail jane.doe@example.com"))

    def test_identities_detect(self):
        ctx = Context()
        ids = sanctumcore.Identities(ctx, "person: Jane Roe")
        self.assert_output_freed_first(ctx, lib.sanctum_identities_detect, lambda: ids.detect("I am Jane Roe"))

    def test_pattern_match(self):
        ctx = Context()
        ps = PatternSet(ctx)
        ps.add(r"\d+")
        self.assert_output_freed_first(ctx, lib.sanctum_pattern_set_match, lambda: ps.match("a 12 b 34"))

    def test_scanner_scan(self):
        ctx = Context()
        sc = sanctumcore.Scanner(ctx)
        self.assert_output_freed_first(ctx, lib.sanctum_scan_buffer,
                                       lambda: sc.scan("token = ghp_" + "a1B2c3D4e5" * 4 + "\n"))

    def test_chat_document_write(self):
        ctx = Context()
        doc = sanctumcore.ChatDocument(ctx, b'{"messages": [{"role": "user", "content": "hi"}]}')
        doc.replace(0, "hello")
        self.assert_output_freed_first(ctx, lib.sanctum_chat_doc_write, doc.write)

    def test_ledger_list(self):
        with tempfile.TemporaryDirectory() as d:
            ctx = Context()
            led = sanctumcore.Ledger(ctx, os.path.join(d, "l.db"), key=b"k" * 32)
            led.add("github-pat", "github", 30)
            self.assert_output_freed_first(ctx, lib.sanctum_ledger_list, lambda: led.list())


class BorrowedWhileMadeTest(unittest.TestCase):
    """Session() read its detector's and identities' pointers (`.ptr`) without holding them and held them
    only after sanctum_session_new had used them: a thread closing the detector in between freed it, and
    the new session was made on freed memory. Shown by closing the detector from another thread as the
    core call starts: its blocks must still be there."""

    def test_detector_closed_as_a_session_is_made(self):
        ctx = Context()
        self.addCleanup(ctx.close)
        det = sanctumcore.Detector(ctx)
        ids = sanctumcore.Identities(ctx, "person: Jane Roe")
        freed = []

        def hook(frame, event, arg):
            if event == "c_call" and arg is lib.sanctum_session_new:
                sys.setprofile(None)
                before = ctx.stats()["current_blocks"]
                for h in (det, ids):
                    t = threading.Thread(target=h.close)
                    t.start()
                    t.join()
                freed.append(before - ctx.stats()["current_blocks"])

        sys.setprofile(hook)
        try:
            sanctumcore.Session(ctx, det, identities=ids).close()
        except ValueError:
            pass  # (refused once made: the detector is closed; what matters is what the call saw)
        finally:
            sys.setprofile(None)
        self.assertEqual(freed, [0], "the detector or identities were freed under sanctum_session_new")
        self.assertEqual(ctx.stats()["current_blocks"], 0)


class AsyncioCancelTest(unittest.TestCase):
    """asyncio's run_in_executor and cancellation: wait_for's timeout cancels the awaiting task while the
    executor thread is still in the core with the session; closing the session and its context then must
    leave the call to finish on live memory and free both after it (before the lifetime rules the close
    freed the session under the call)."""

    def test_close_after_a_cancelled_executor_call(self):
        import asyncio
        import concurrent.futures

        text = ("I am Jane Doe, mail me at jane.doe@example.com. " * 4000).encode()
        body = b'{"messages": [{"role": "user", "content": "' + text + b'"}]}'

        async def main(pool):
            ctx = Context()
            det = sanctumcore.Detector(ctx)
            s = sanctumcore.Session(ctx, det)
            call = pool.submit(s.anonymize_request, body)
            with self.assertRaises(asyncio.TimeoutError):
                await asyncio.wait_for(asyncio.wrap_future(call), 0.0005)
            running = not call.done()
            s.close()
            det.close()
            ctx.close()
            self.assertTrue(s.closed and ctx.closed)
            return ctx, call, running

        with concurrent.futures.ThreadPoolExecutor(1) as pool:
            ctx, call, running = asyncio.run(main(pool))
        self.assertTrue(running, "the call ended before the close: nothing was shown")
        out = call.result()  # (a cancelled wrapper: the thread's call itself ran to its end)
        self.assertIn(b"<PERSON_1>", out)
        self.assertNotIn(b"Jane Doe", out)
        with self.assertRaises(ValueError):
            ctx.stats()  # freed once the executor's call let go


class MadeWhileContextClosesTest(unittest.TestCase):
    """A handle made while another thread closes its context: held the context (`_own`) before the close
    and was registered with it (`_adopt`) after the close had closed the registered ones: it stayed open
    and usable after ctx.close() returned, and kept the context (and the values it anonymized) unfreed and
    unwiped until someone closed or collected it. Shown by closing the context between the two steps."""

    def test_session_made_as_its_context_closes(self):
        ctx = Context()
        det = sanctumcore.Detector(ctx)

        def hook(frame, event, arg):
            if event == "return" and frame.f_code.co_name == "_own" and frame.f_locals.get("self") is not ctx \
                    and frame.f_locals.get("borrowed") and frame.f_locals["borrowed"][0] is ctx:
                sys.setprofile(None)
                t = threading.Thread(target=ctx.close)
                t.start()
                t.join()

        sys.setprofile(hook)
        try:
            s = sanctumcore.Session(ctx, det)
        except ValueError:
            s = None  # refused: as good as closed
        finally:
            sys.setprofile(None)
        self.assertTrue(ctx.closed)
        if s is not None:
            self.assertTrue(s.closed, "a session made as its context closed stayed open")
            with self.assertRaises(ValueError):
                s.anonymize_text("I am Jane Doe")
        with self.assertRaises(ValueError):
            ctx.stats()


if __name__ == "__main__":
    unittest.main()
