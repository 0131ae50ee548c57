#!/usr/bin/env python3
"""sanctum ledger add --value-stdin at a terminal: the value typed is not echoed, and the terminal's
echo is back on after the read, and after SIGINT or SIGTERM during it (the process still dies of
the signal). Runs the CLI on a pseudo-terminal; every wait has a deadline, so it cannot hang.
Usage: cli_tty_echo.py SANCTUM"""
import os
import select
import signal
import subprocess
import sys
import tempfile
import termios
import time

SANCTUM = sys.argv[1]
SECRET = b"AKIAFAKEFAKEFAKE7777"
DEADLINE = 10.0
fails = 0


def check(ok, what):
    global fails
    print(("ok   " if ok else "FAIL ") + what)
    fails += 0 if ok else 1


def read_until(master, want, proc):
    """What the terminal shows until want appears, the process ends, or the deadline passes."""
    out = b""
    end = time.monotonic() + DEADLINE
    while want not in out and time.monotonic() < end:
        r, _, _ = select.select([master], [], [], 0.1)
        if r:
            try:
                chunk = os.read(master, 4096)
            except OSError:
                break
            if not chunk:
                break
            out += chunk
        elif proc.poll() is not None:
            break
    return out


def start(tmp, name):
    master, slave = os.openpty()
    proc = subprocess.Popen(
        [SANCTUM, "ledger", "--db", os.path.join(tmp, "l.db"), "--now", "2026-01-10T00:00:00Z",
         "add", name, "--provider", "aws", "--max-age-days", "30", "--value-stdin"],
        stdin=slave, stdout=slave, stderr=slave, close_fds=True)
    return master, slave, proc


def echo_on(slave):
    return bool(termios.tcgetattr(slave)[3] & termios.ECHO)


def finish(proc):
    try:
        return proc.wait(timeout=DEADLINE)
    except subprocess.TimeoutExpired:
        proc.kill()
        proc.wait()
        return None


with tempfile.TemporaryDirectory() as tmp:
    # a value typed and ended with Enter, Ctrl-D
    master, slave, proc = start(tmp, "typed")
    shown = read_until(master, b"reading the value", proc)
    check(b"reading the value" in shown, "prompt shown")
    check(not echo_on(slave), "echo off while reading")
    os.write(master, SECRET + b"\n")
    os.write(master, b"\x04")
    shown += read_until(master, b"\x00never", proc)
    rc = finish(proc)
    check(rc == 0, "add exits 0 (got %r): %r" % (rc, shown))
    check(SECRET not in shown, "the value is not echoed")
    check(echo_on(slave), "echo back on after the read")
    os.close(master)
    os.close(slave)

    for sig in (signal.SIGINT, signal.SIGTERM):
        master, slave, proc = start(tmp, "sig%d" % sig)
        shown = read_until(master, b"reading the value", proc)
        check(not echo_on(slave), "echo off before %s" % sig.name)
        proc.send_signal(sig)
        rc = finish(proc)
        check(rc == -sig, "%s ends the process by the signal (got %r)" % (sig.name, rc))
        check(echo_on(slave), "echo restored after %s" % sig.name)
        os.close(master)
        os.close(slave)

sys.exit(1 if fails else 0)
