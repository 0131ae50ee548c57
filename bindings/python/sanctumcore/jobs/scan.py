"""The 06:00 job: exposed token patterns in files and git configuration, through the core scanner.

Only findings whose fingerprint is not in the job's baseline are reported, and then added to it (so a
finding is reported once). A finding whose value is a tracked secret (ledger `match`, keyed fingerprint)
is reported every run, at the highest priority, until that secret is rotated. The token itself never
leaves this process: reports carry the redacted form and the fingerprint."""
from __future__ import annotations

import errno
import fnmatch
import os
import re
import stat

from .. import Context, SanctumError, Scanner
from .ledgerio import open_ledger
from .util import FAILED, OK, REPORTED, JobError, Message, atomic_write, ensure_private_dir, log, read_or_create_key

_HEX64 = re.compile(rb"[0-9a-f]{64}")


def shown(path: str) -> str:
    """A path as reports and logs show it, as `sanctum scan` prints it: control characters (a line
    break, an escape sequence) and bytes that are not UTF-8 as \\xHH, a backslash doubled. A file named
    "a\\n[urgent] all clear" in a scanned repository wrote a line of its own into the notification, and
    an undecodable name could not be encoded for a sink at all."""
    out = []
    for ch in path:
        o = ord(ch)
        if 0xDC80 <= o <= 0xDCFF:             # a byte os.fsdecode could not decode (surrogateescape)
            out.append(f"\\x{o - 0xDC00:02X}")
        elif o < 0x20 or o == 0x7F:
            out.append(f"\\x{o:02X}")
        elif 0x80 <= o <= 0x9F:               # a C1 control: its UTF-8 bytes, as sanctum scan writes it
            out.append(f"\\xC2\\x{o:02X}")
        elif ch == "\\":
            out.append("\\\\")
        else:
            out.append(ch)
    return "".join(out)


def _excluded(rel: str, patterns) -> bool:
    base = os.path.basename(rel)
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(base, p) for p in patterns)


def _inside(path: str, roots) -> bool:
    real = os.path.realpath(path)
    for r in roots:
        r = os.path.realpath(r)
        if real == r or real.startswith(r.rstrip(os.sep) + os.sep):
            return True
    return False


def _git_config(gitpath: str, roots=None):
    """The config file of a repository whose `.git` is a directory or a `gitdir:` file (worktrees,
    submodules; `commondir` followed). Git itself is never run. As `sanctum scan --git-remotes` does, a
    git directory or config resolving (gitdir, commondir, symlinks) outside every scan path is not followed
    (None, with a note): a planted `.git` file must not make the job read some other directory's files under
    this repository's name. OSError (naming the file) when a link inside the paths cannot be read."""
    gitdir, reading = gitpath, gitpath
    try:
        if os.path.isfile(gitpath):
            with open(gitpath, encoding="utf-8", errors="replace") as f:
                line = f.readline().strip()
            if not line.startswith("gitdir:"):
                return None
            gitdir = os.path.join(os.path.dirname(gitpath), line[7:].strip())
        if roots is not None and not _inside(gitdir, roots):
            log(f"scan: {shown(gitpath)}: its git config is outside the scan paths; not followed (add that directory to paths)")
            return None
        reading = os.path.join(gitdir, "commondir")
        if os.path.isfile(reading):
            with open(reading, encoding="utf-8", errors="replace") as f:
                gitdir = os.path.join(gitdir, f.readline().strip())
    except FileNotFoundError:
        return None  # removed since the walk listed it
    except OSError as e:   # a read error names no file: name the one being read
        raise OSError(e.errno, e.strerror, reading) from None
    cfg = os.path.join(gitdir, "config")
    if roots is not None and not _inside(cfg, roots):   # (realpath: a symlinked .git or config too)
        log(f"scan: {shown(gitpath)}: its git config is outside the scan paths; not followed (add that directory to paths)")
        return None
    return cfg if os.path.isfile(cfg) else None


def walk(roots, excludes, git_remotes: bool, on_error=None):
    """Yields (label, path) for every regular file under the roots (no symlinks, no .git contents) and,
    with git_remotes, each repository's git config as ROOT-relative `<repo>/.git/config`. A directory
    that cannot be listed, or a repository's git link that cannot be read, goes to on_error(OSError)
    (os.walk would skip the directory without a word)."""
    for root in roots:
        if os.path.isfile(root):
            yield root, root
            continue
        if not os.path.isdir(root):
            raise JobError(f"scan path {root} does not exist")
        for d, dirs, files in os.walk(root, followlinks=False, onerror=on_error):
            rel_d = os.path.relpath(d, root)
            if ".git" in dirs or ".git" in files:
                if git_remotes:
                    try:
                        cfg = _git_config(os.path.join(d, ".git"), roots)
                    except OSError as e:   # that repository alone fails (on_error), the walk goes on
                        if on_error is None:
                            raise
                        on_error(e)
                        cfg = None
                    if cfg:
                        yield os.path.normpath(os.path.join(root, rel_d, ".git", "config")), cfg
                if ".git" in dirs:
                    dirs.remove(".git")
            dirs[:] = sorted(x for x in dirs if not _excluded(os.path.normpath(os.path.join(rel_d, x)), excludes))
            for name in sorted(files):
                p = os.path.join(d, name)
                rel = os.path.normpath(os.path.join(rel_d, name))
                if name == ".git" or os.path.islink(p) or not os.path.isfile(p) or _excluded(rel, excludes):
                    continue
                yield p, p


def _read(path: str, limit: int):
    """The file's bytes, or None for a file not scanned: larger than limit, binary, removed since the
    walk listed it (an editor's swap file, a cache), or no longer a regular file. It is opened without
    following a symlink and without blocking, and checked to be a regular file once open: a file swapped
    after the walk for a symlink (to a file outside the paths) or a FIFO (which would hang the job for
    ever) is not read. OSError when it cannot be read."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        return None
    except OSError as e:
        if e.errno == errno.ELOOP:   # a symlink now
            return None
        raise
    with os.fdopen(fd, "rb") as f:
        st = os.fstat(f.fileno())
        if not stat.S_ISREG(st.st_mode) or st.st_size > limit:
            return None
        data = f.read(limit + 1)
    return None if len(data) > limit or b"\0" in data[:8192] else data


def _load_baseline(path: str) -> set:
    try:
        with open(path, "rb") as f:
            return {m.decode() for m in _HEX64.findall(f.read())}
    except FileNotFoundError:
        return set()


def run_scan(cfg, dry_run: bool = False):
    """Returns (exit code, messages)."""
    if dry_run and not os.path.exists(cfg.scan_key_file):
        key = os.urandom(32)   # a dry run writes nothing; without a key there is no baseline to honour either
    else:
        ensure_private_dir(cfg.state_dir)
        key = read_or_create_key(cfg.scan_key_file)
    rules = None
    if cfg.scan_rules:
        try:
            with open(cfg.scan_rules, encoding="utf-8") as f:
                rules = f.read()
        except OSError as e:
            raise JobError(f"rules {cfg.scan_rules}: cannot read: {e.strerror}") from None
        except UnicodeDecodeError as e:
            raise JobError(f"rules {cfg.scan_rules}: not UTF-8 (byte offset {e.start})") from None
    failed = False
    with Context() as ctx:
        try:
            scanner = Scanner(ctx, rules=rules, fingerprint_key=key)
        except SanctumError as e:
            raise JobError(f"scan rules: {e.message}") from None
        try:
            ledger = open_ledger(ctx, cfg, read_only=True)
        except JobError as e:
            log(f"{e}; tracked-secret matching is off for this run")
            ledger, failed = None, True
        found = {}   # fingerprint -> {rule, redacted, places, tracked}
        def unlisted(e: OSError):
            nonlocal failed
            if isinstance(e, FileNotFoundError):
                return  # removed since its parent was listed
            what = "list directory" if os.path.isdir(str(e.filename)) else "read"
            log(f"scan: cannot {what} {shown(str(e.filename))}: {e.strerror}; the other files are still scanned")
            failed = True

        for label, path in walk(cfg.scan_paths, cfg.scan_excludes, cfg.scan_git_remotes, on_error=unlisted):
            try:
                data = _read(path, cfg.scan_max_file_size)
            except OSError as e:  # one unreadable file fails the run, but never hides what the others expose
                log(f"scan: cannot read {shown(label)}: {e.strerror}; the other files are still scanned")
                failed = True
                continue
            if data is None:
                continue
            for f in scanner.scan(data, path=label):
                entry = found.setdefault(f.fingerprint, {"rule": f.rule, "redacted": f.redacted,
                                                         "fingerprint": f.fingerprint, "places": [], "tracked": []})
                entry["places"].append(f"{shown(label)}:{f.line}:{f.column}")
                if ledger is not None and not entry["tracked"]:
                    value = data[f.secret_offset:f.secret_offset + f.secret_length]
                    entry["tracked"] = sorted({s.name for s in ledger.match(value=value)})
        tracked_methods = {}
        if ledger is not None:
            for e in found.values():
                for name in e["tracked"]:
                    tracked_methods[name] = ledger.show(name).method
    try:
        baseline = _load_baseline(cfg.scan_baseline)
    except OSError as e:   # every finding counts as new this run: noisy, but none is hidden
        log(f"scan: cannot read the baseline {cfg.scan_baseline}: {e.strerror}")
        baseline, failed = set(), True
    messages = []
    for e in sorted(found.values(), key=lambda e: e["places"][0]):
        for name in e["tracked"]:
            how = (f"`sanctum-jobs rotate` (or wait for the {cfg.schedule['rotate']} job)"
                   if tracked_methods.get(name) == "api" and cfg.secrets.get(name) and cfg.secrets[name].provider
                   else f"`sanctum-jobs propagate {name}` with a new value from the provider")
            messages.append(Message(
                job="scan", priority=5, tags=("rotating_light", "key"),
                title=f"tracked secret exposed: rotate now: {name}",
                body=(f"{name} ({e['rule']}, {e['redacted']}, fingerprint {e['fingerprint'][:16]}) is exposed at "
                      + ", ".join(e["places"]) + f".\nRotate it now: {how}; then remove it from those places."),
                items=[{"kind": "tracked_exposed", "secret": name, "rule": e["rule"], "redacted": e["redacted"],
                        "fingerprint": e["fingerprint"], "places": e["places"]}]))
    new = [e for e in found.values() if not e["tracked"] and e["fingerprint"] not in baseline]
    new.sort(key=lambda e: e["places"][0])
    if new:
        lines = [f"{', '.join(e['places'])}: {e['rule']}: {e['redacted']} (fingerprint {e['fingerprint'][:16]})"
                 for e in new]
        messages.append(Message(
            job="scan", priority=4, tags=("warning",), title=f"{len(new)} new exposed token(s)",
            body="\n".join(lines) + "\nRevoke or move each, or add its fingerprint to the baseline if it is not a secret.",
            items=[{"kind": "new_finding", "rule": e["rule"], "redacted": e["redacted"],
                    "fingerprint": e["fingerprint"], "places": e["places"]} for e in new]))
    if new and not dry_run:
        merged = sorted(baseline | {e["fingerprint"] for e in new})
        try:
            atomic_write(cfg.scan_baseline, ("\n".join(merged) + "\n").encode())
        except OSError as e:   # the findings are still notified (they were lost with the run); reported again tomorrow
            log(f"scan: cannot write the baseline {cfg.scan_baseline}: {e.strerror}; these findings will be reported again")
            failed = True
    log(f"scan: {len(found)} distinct finding(s), {len(new)} new, "
        f"{sum(1 for e in found.values() if e['tracked'])} tracked secret(s) exposed")
    code = FAILED if failed else (REPORTED if messages else OK)
    return code, messages
