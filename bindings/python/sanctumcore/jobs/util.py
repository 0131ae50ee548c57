"""Small shared pieces: durable atomic writes, a log that cannot carry secrets, messages, children."""
from __future__ import annotations

import dataclasses
import os
import subprocess
import sys
import tempfile
import urllib.request
from typing import Optional, Sequence

# Exit codes every subcommand uses.
OK, REPORTED, FAILED = 0, 1, 2


class JobError(Exception):
    """The job itself failed (exit 2). Messages name things, never secret values."""


class Redactor:
    """Every secret value the process handles is registered here; logs and notifications pass through
    it, so a value that slipped into a message by mistake still never leaves the process."""

    def __init__(self):
        self._values = []

    def add(self, value) -> None:
        if isinstance(value, (bytes, bytearray)):
            value = bytes(value).decode("utf-8", "replace")
        if value and len(value) >= 6 and value not in self._values:
            self._values.append(value)

    def __call__(self, text: str) -> str:
        for v in self._values:
            if v in text:
                text = text.replace(v, "[redacted]")
        return text


REDACT = Redactor()


def log(msg: str) -> None:
    """One line on stderr (the journal or launchd log collects it)."""
    print("sanctum-jobs: " + REDACT(msg), file=sys.stderr, flush=True)


def write_stdout(text: str) -> None:
    """Prints text (already redacted) or raises JobError: a report on stdout that could not be written
    (stdout closed, a full disk) is a failed delivery, not a traceback, nor a silent no-op."""
    if sys.stdout is None:   # started with standard output closed: print() would drop the text
        raise JobError("standard output is closed")
    try:
        sys.stdout.write(text)
        sys.stdout.flush()
    except (OSError, ValueError) as e:
        # The text is still in the buffer: point fd 1 at /dev/null so the flush at exit does not fail again.
        try:
            fd = os.open(os.devnull, os.O_WRONLY)
            os.dup2(fd, 1)
            os.close(fd)
        except OSError:
            pass
        raise JobError(f"cannot write to standard output: {getattr(e, 'strerror', None) or e}") from None


def redacted(value: str, keep: int = 4) -> str:
    """Same shape as the scanner's: a few leading characters (never more than a quarter), then stars."""
    n = min(keep, len(value) // 4)
    return value[:n] + "*****"


def fsync_dir(path: str) -> None:
    fd = os.open(path, os.O_RDONLY | os.O_DIRECTORY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def atomic_write(path: str, data: bytes, mode: int = 0o600) -> None:
    """Temp file in the same directory (created with `mode`, never wider), fsync, rename over `path`,
    fsync the directory: after a crash the file is either the old or the new content. The file keeps
    the owner and group `path` had (as far as this user may give them), so a service reading it through
    its group (root:myapp 0640) still can."""
    d = os.path.dirname(path) or "."
    try:
        old = os.stat(path)
    except FileNotFoundError:
        old = None
    fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
    try:
        if old is not None:
            keep_owner(fd, old)
        os.fchmod(fd, mode)
        view = memoryview(data)
        while view:
            n = os.write(fd, view)
            view = view[n:]
        os.fsync(fd)
        os.close(fd)
        fd = -1
        os.replace(tmp, path)
        fsync_dir(d)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def keep_owner(target, old: os.stat_result) -> None:
    """Gives target (a path or an open fd) the owner and group of `old`, as far as this user may."""
    if (old.st_uid, old.st_gid) == (os.geteuid(), os.getegid()):
        return
    try:
        os.chown(target, old.st_uid, old.st_gid)
    except PermissionError:  # not root: the group at least, when this user is in it
        try:
            os.chown(target, -1, old.st_gid)
        except PermissionError:
            pass


def ensure_private_dir(path: str) -> None:
    os.makedirs(path, mode=0o700, exist_ok=True)


def read_or_create_key(path: str, size: int = 32) -> bytes:
    """A random key file (0600); refused if group/other can read. A new key is written whole to a temp
    file and linked into place (never over an existing one, so two runs never make two keys): a crash or
    a full disk while it is written leaves no key file at all, never an empty one every later run refuses."""
    if not os.path.exists(path):
        d = os.path.dirname(path) or "."
        fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
        try:
            os.write(fd, os.urandom(size))
            os.fsync(fd)
            os.close(fd)
            fd = -1
            try:
                os.link(tmp, path)
            except FileExistsError:
                pass  # another run made it first: use that one
            fsync_dir(d)
        finally:
            if fd >= 0:
                os.close(fd)
            os.unlink(tmp)
    st = os.stat(path)
    if st.st_mode & 0o077:
        raise JobError(f"{path} is readable by group or others: chmod 600 it")
    with open(path, "rb") as f:
        key = f.read()
    if len(key) != size:
        raise JobError(f"{path}: a key file must hold {size} bytes")
    return key


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    """A redirect is an error answer (urllib.error.HTTPError 3xx). urllib would follow a 301/302/303 to
    a POST with a GET without the body (a notification lost, counted as sent), and any redirect with
    our Authorization header (a sink's token, the management key, a new key) to wherever Location points."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        return None


HTTP = urllib.request.build_opener(_NoRedirect)  # every HTTP request of the jobs: HTTP.open(req, timeout=)


SECRET_ENV = set()   # names of variables that hold a credential (management_key_env): never inherited


def child_env() -> dict:
    """The environment children get: ours minus any variable that holds a credential (values go on stdin)."""
    return {k: v for k, v in os.environ.items() if k not in SECRET_ENV}


def run(argv: Sequence[str], stdin: Optional[bytes] = None, timeout: float = 60.0) -> subprocess.CompletedProcess:
    """Runs a program with the value (if any) on stdin only, in a new session (no controlling terminal,
    so programs that would prompt read stdin instead). Its stderr is kept for our message, never echoed
    raw (it could quote input)."""
    try:
        return subprocess.run(list(argv), input=stdin if stdin is not None else b"", capture_output=True,
                              timeout=timeout, env=child_env(), start_new_session=True, check=False)
    except FileNotFoundError:
        raise JobError(f"{argv[0]} is not installed") from None
    except subprocess.TimeoutExpired:
        raise JobError(f"{argv[0]} did not finish in {timeout:.0f} s") from None


@dataclasses.dataclass
class Message:
    """One notification. `priority` 1..5 (ntfy's scale: min, low, default, high, urgent)."""
    job: str
    title: str
    body: str
    priority: int = 3
    tags: tuple = ()
    items: list = dataclasses.field(default_factory=list)   # structured, already redacted

    def text(self) -> str:
        return f"{self.title}\n{self.body}".rstrip()
