"""Review of the handle lifetime rules (sanctumcore._core._NativeOwner): the collector's finalizers."""
import os
import subprocess
import sys
import unittest

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


if __name__ == "__main__":
    unittest.main()
