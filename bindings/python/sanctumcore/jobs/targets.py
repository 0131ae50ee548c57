"""Where a new value is written. Every write is atomic (temp file + fsync + rename, or the store's own
atomic update) and is read back by the state machine. Values reach other programs on stdin only, never
in argv or the environment; programs run in a new session, so none can prompt on a terminal."""
from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from typing import Optional

from .config import Target
from .util import JobError, atomic_write, fsync_dir, keep_owner, run

_PLAIN = re.compile(rb"[A-Za-z0-9_./+=:@,-]*")


class Writer:
    def __init__(self, target: Target):
        self.t = target
        self.o = target.options

    @property
    def id(self) -> str:
        return self.t.describe()

    def preflight(self) -> list:
        return []

    def write(self, value: bytes) -> None:
        raise NotImplementedError

    def read(self) -> Optional[bytes]:
        raise NotImplementedError

    # helpers
    def _program(self, default: str) -> str:
        return self.o.get("program", default)

    def _need_program(self, default: str) -> list:
        p = self._program(default)
        return [] if shutil.which(p) else [f"{self.id}: {p} is not installed (or not on PATH)"]

    def _need_dir(self, path: str) -> list:
        d = os.path.dirname(path)
        if not os.path.isdir(d):
            return [f"{self.id}: directory {d} does not exist"]
        if not os.access(d, os.W_OK):
            return [f"{self.id}: directory {d} is not writable by this user"]
        return []

    def _symlink(self, path: str) -> list:
        """A target that is a symbolic link is refused: the atomic rename would replace the link with a
        file and leave the file it points to (the one the service reads) with the old key, which the
        rotation then disables."""
        if os.path.islink(path):
            return [f"{self.id}: {path} is a symbolic link (to {os.path.realpath(path)}); give the path it "
                    "points to: the rename would replace the link and leave that file with the old value"]
        return []

    def _refuse_symlink(self, path: str) -> None:
        probs = self._symlink(path)
        if probs:
            raise JobError(probs[0])

    def _run(self, argv, stdin: Optional[bytes] = None, what: str = "") -> bytes:
        r = run(argv, stdin=stdin)
        if r.returncode != 0:
            raise JobError(f"{self.id}: {os.path.basename(argv[0])} {what} failed with status {r.returncode}")
        return r.stdout


def sweep_temps(d: str, prefix: str, suffix: str) -> None:
    """Removes the temp files (tempfile.mkstemp's PREFIX + 8 random characters + SUFFIX) that a write
    killed between creating and renaming its temp file left beside the target: a file or env-file
    target's holds a value in clear, and nothing else would ever remove it. Targets are written under
    the rotate lock, so no other writer of ours can be between its mkstemp and its rename."""
    pat = re.compile(re.escape(prefix) + r"[a-z0-9_]{8}" + re.escape(suffix))
    try:
        names = os.listdir(d or ".")
    except OSError:
        return
    for name in names:
        if pat.fullmatch(name):
            p = os.path.join(d, name)
            try:
                if os.path.isfile(p) and not os.path.islink(p):
                    os.unlink(p)
            except FileNotFoundError:
                pass


def _sweep_for(path: str, suffix: str = ".tmp", stem: Optional[str] = None) -> None:
    d, base = os.path.split(path)
    sweep_temps(d, "." + (base if stem is None else stem) + ".", suffix)


def _strip_nl(b: bytes) -> bytes:
    return b[:-2] if b.endswith(b"\r\n") else b[:-1] if b.endswith(b"\n") else b


def _mode(o: dict, default: int = 0o600) -> int:
    m = o.get("mode", default)
    return int(m, 8) if isinstance(m, str) else int(m)


class FileTarget(Writer):
    """A file holding only the value (mode 0600 unless `mode` says otherwise)."""

    def preflight(self):
        return self._need_dir(self.o["path"]) + self._symlink(self.o["path"])

    def write(self, value):
        self._refuse_symlink(self.o["path"])
        _sweep_for(self.o["path"])
        atomic_write(self.o["path"], value + (b"\n" if self.o.get("newline", True) else b""), _mode(self.o))

    def read(self):
        try:
            with open(self.o["path"], "rb") as f:
                return _strip_nl(f.read())
        except FileNotFoundError:
            return None


class EnvFileTarget(Writer):
    """One `VAR=value` line of an env file (systemd EnvironmentFile=, docker --env-file, .env); other
    lines and the file's mode are kept; the value is single-quoted when it is not plain."""

    def _pattern(self):
        return re.compile(rb"^\s*(export\s+)?" + re.escape(self.o["var"].encode()) + rb"=(.*)$")

    def preflight(self):
        return self._need_dir(self.o["path"]) + self._symlink(self.o["path"])

    def _lines(self):
        try:
            with open(self.o["path"], "rb") as f:
                return f.read().splitlines(), os.stat(self.o["path"]).st_mode & 0o777
        except FileNotFoundError:
            return [], _mode(self.o)

    def write(self, value):
        if b"\n" in value or b"\r" in value or b"\0" in value:
            raise JobError(f"{self.id}: the value has a line break; it cannot go in an env file")
        self._refuse_symlink(self.o["path"])
        quoted = value if _PLAIN.fullmatch(value) else b"'" + value.replace(b"'", b"'\\''") + b"'"
        line = self.o["var"].encode() + b"=" + quoted
        _sweep_for(self.o["path"])
        lines, mode = self._lines()
        pat, out, done = self._pattern(), [], False
        for ln in lines:
            m = pat.match(ln)
            if m:
                if not done:   # an `export VAR=` line (a file a shell sources) stays exported
                    out.append((b"export " if m.group(1) else b"") + line)
                    done = True
                continue
            out.append(ln)
        if not done:
            out.append(line)
        atomic_write(self.o["path"], b"\n".join(out) + b"\n", mode)

    def read(self):
        lines, _ = self._lines()
        pat = self._pattern()
        for ln in lines:
            m = pat.match(ln)
            if m:
                v = m.group(2).strip()
                if len(v) >= 2 and v[:1] == v[-1:] and v[:1] in (b"'", b'"'):
                    v = v[1:-1].replace(b"'\\''", b"'") if v[:1] == b"'" else v[1:-1]
                return v
        return None


class SopsTarget(Writer):
    """A key of a SOPS-encrypted file: `sops set --value-stdin` on a copy, then rename over the original
    (sops rewrites in place; the copy keeps the extension, which sops reads the format from)."""

    def preflight(self):
        probs = self._need_program("sops") + ([] if os.path.isfile(self.o["file"])
                                             else [f"{self.id}: {self.o['file']} does not exist"])
        probs += self._symlink(self.o["file"])
        if not probs:
            r = run([self._program("sops"), "set", "--help"])
            if b"--value-stdin" not in r.stdout + r.stderr:
                probs.append(f"{self.id}: the installed sops has no `set --value-stdin` (sops >= 3.10 needed)")
        return probs

    def write(self, value):
        path = self.o["file"]
        self._refuse_symlink(path)
        d, base = os.path.split(path)
        stem, ext = os.path.splitext(base)
        _sweep_for(path, ".tmp" + ext, stem)
        fd, tmp = tempfile.mkstemp(dir=d, prefix=f".{stem}.", suffix=".tmp" + ext)
        os.close(fd)
        try:
            shutil.copy2(path, tmp)
            keep_owner(tmp, os.stat(path))  # (copy2 keeps the mode, not the owner)
            self._run([self._program("sops"), "set", "--value-stdin", tmp, self.o["key"]],
                      stdin=json.dumps(value.decode()).encode(), what="set")
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
            fsync_dir(d)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def read(self):
        return _strip_nl(self._run([self._program("sops"), "decrypt", "--extract", self.o["key"], self.o["file"]],
                                   what="decrypt"))


class KeychainTarget(Writer):
    """A macOS Keychain generic password: `security add-generic-password -U ... -w` with -w last, so it
    prompts, and the value written twice on stdin (no terminal: new session)."""

    def preflight(self):
        return self._need_program("security")

    def write(self, value):
        self._run([self._program("security"), "add-generic-password", "-U", "-a", self.o["account"],
                   "-s", self.o["service"], "-w"], stdin=value + b"\n" + value + b"\n", what="add-generic-password")

    def read(self):
        return _strip_nl(self._run([self._program("security"), "find-generic-password", "-a", self.o["account"],
                                    "-s", self.o["service"], "-w"], what="find-generic-password"))


class OnePasswordTarget(Writer):
    """A field of a 1Password item: the item's JSON from `op item get`, the field's value replaced, and
    the JSON piped to `op item edit` (assignment arguments would put the value in argv)."""

    def _vault(self):
        return ["--vault", self.o["vault"]] if self.o.get("vault") else []

    def preflight(self):
        return self._need_program("op")

    def write(self, value):
        op = self._program("op")
        item = json.loads(self._run([op, "item", "get", self.o["item"], *self._vault(), "--format", "json"],
                                    what="item get"))
        fields = item.get("fields") or []
        hit = [f for f in fields if self.o["field"] in (f.get("id"), f.get("label"))]
        if not hit:
            raise JobError(f"{self.id}: item has no field {self.o['field']!r}")
        hit[0]["value"] = value.decode()
        self._run([op, "item", "edit", self.o["item"], *self._vault()], stdin=json.dumps(item).encode(),
                  what="item edit")

    def read(self):
        return _strip_nl(self._run([self._program("op"), "item", "get", self.o["item"], *self._vault(), "--fields",
                                    self.o["field"], "--reveal"], what="item get"))


class SystemdCredsTarget(Writer):
    """An encrypted systemd credential (for LoadCredentialEncrypted=): `systemd-creds encrypt - TMP` with
    the value on stdin, then rename over the file."""

    def preflight(self):
        return self._need_program("systemd-creds") + self._need_dir(self.o["path"]) + self._symlink(self.o["path"])

    def write(self, value):
        path = self.o["path"]
        self._refuse_symlink(path)
        d = os.path.dirname(path)
        _sweep_for(path)
        fd, tmp = tempfile.mkstemp(dir=d, prefix="." + os.path.basename(path) + ".", suffix=".tmp")
        os.close(fd)
        try:
            extra = [f"--with-key={self.o['with_key']}"] if self.o.get("with_key") else []
            self._run([self._program("systemd-creds"), "encrypt", f"--name={self.o['name']}", *extra, "-", tmp],
                      stdin=value, what="encrypt")
            os.chmod(tmp, 0o600)
            with open(tmp, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(tmp, path)
            fsync_dir(d)
        finally:
            if os.path.exists(tmp):
                os.unlink(tmp)

    def read(self):
        if not os.path.exists(self.o["path"]):
            return None
        return _strip_nl(self._run([self._program("systemd-creds"), "decrypt", f"--name={self.o['name']}",
                                    self.o["path"], "-"], what="decrypt"))


WRITERS = {"file": FileTarget, "env-file": EnvFileTarget, "sops": SopsTarget, "keychain": KeychainTarget,
           "1password": OnePasswordTarget, "systemd-creds": SystemdCredsTarget}


def writer(target: Target) -> Writer:
    return WRITERS[target.type](target)
