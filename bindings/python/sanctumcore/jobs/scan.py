"""The 06:00 job: exposed token patterns in files and git configuration, through the core scanner.

Only findings whose fingerprint is not in the job's baseline are reported, and then added to it (so a
finding is reported once). A finding whose value is a tracked secret (ledger `match`, keyed fingerprint)
is reported every run, at the highest priority, until that secret is rotated. The token itself never
leaves this process: reports carry the redacted form and the fingerprint."""
from __future__ import annotations

import fnmatch
import os
import re

from .. import Context, SanctumError, Scanner
from .ledgerio import open_ledger
from .util import FAILED, OK, REPORTED, JobError, Message, atomic_write, ensure_private_dir, log, read_or_create_key

_HEX64 = re.compile(rb"[0-9a-f]{64}")


def _excluded(rel: str, patterns) -> bool:
    base = os.path.basename(rel)
    return any(fnmatch.fnmatchcase(rel, p) or fnmatch.fnmatchcase(base, p) for p in patterns)


def _git_config(gitpath: str):
    """The config file of a repository whose `.git` is a directory or a `gitdir:` file (worktrees,
    submodules; `commondir` followed). Git itself is never run. An unreadable `commondir` is given in the
    config's place, so reading it fails that repository alone: it stopped the whole scan (an OSError out
    of the walk), and no exposure anywhere else was reported."""
    gitdir = gitpath
    if os.path.isfile(gitpath):
        try:
            with open(gitpath, encoding="utf-8", errors="replace") as f:
                line = f.readline().strip()
        except OSError:
            return None
        if not line.startswith("gitdir:"):
            return None
        gitdir = os.path.join(os.path.dirname(gitpath), line[7:].strip())
    common = os.path.join(gitdir, "commondir")
    if os.path.isfile(common):
        try:
            with open(common, encoding="utf-8", errors="replace") as f:
                gitdir = os.path.join(gitdir, f.readline().strip())
        except OSError:
            return common  # unreadable: read as the config, it fails that one file (run_scan), not the walk
    cfg = os.path.join(gitdir, "config")
    return cfg if os.path.isfile(cfg) else None


def walk(roots, excludes, git_remotes: bool, unreadable=None):
    """Yields (label, path) for every regular file under the roots (no symlinks, no .git contents) and,
    with git_remotes, each repository's git config as ROOT-relative `<repo>/.git/config`. A directory
    that cannot be listed is appended to `unreadable` as (path, reason) (os.walk skips it silently)."""

    def listing_failed(e: OSError) -> None:
        if unreadable is not None:
            unreadable.append((e.filename, e.strerror))

    for root in roots:
        if os.path.isfile(root):
            yield root, root
            continue
        if not os.path.isdir(root):
            raise JobError(f"scan path {root} does not exist")
        for d, dirs, files in os.walk(root, onerror=listing_failed, followlinks=False):
            rel_d = os.path.relpath(d, root)
            if ".git" in dirs or ".git" in files:
                if git_remotes:
                    cfg = _git_config(os.path.join(d, ".git"))
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
    """The file's bytes, or None for a file not scanned: larger than limit, binary, or removed since the
    walk listed it (an editor's swap file, a cache). OSError when it cannot be read."""
    try:
        if os.path.getsize(path) > limit:
            return None
        with open(path, "rb") as f:
            data = f.read(limit + 1)
    except FileNotFoundError:
        return None
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
        with open(cfg.scan_rules, encoding="utf-8") as f:
            rules = f.read()
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
        unreadable = []
        for label, path in walk(cfg.scan_paths, cfg.scan_excludes, cfg.scan_git_remotes, unreadable):
            try:
                data = _read(path, cfg.scan_max_file_size)
            except OSError as e:  # one unreadable file fails the run, but never hides what the others expose
                log(f"scan: cannot read {label}: {e.strerror}; the other files are still scanned")
                failed = True
                continue
            if data is None:
                continue
            for f in scanner.scan(data, path=label):
                entry = found.setdefault(f.fingerprint, {"rule": f.rule, "redacted": f.redacted,
                                                         "fingerprint": f.fingerprint, "places": [], "tracked": []})
                entry["places"].append(f"{label}:{f.line}:{f.column}")
                if ledger is not None and not entry["tracked"]:
                    value = data[f.secret_offset:f.secret_offset + f.secret_length]
                    entry["tracked"] = sorted({s.name for s in ledger.match(value=value)})
        for path, reason in unreadable:  # like an unreadable file: the run fails, the rest is reported
            log(f"scan: cannot list {path}: {reason}; the other files are still scanned")
            failed = True
        tracked_methods = {}
        if ledger is not None:
            for e in found.values():
                for name in e["tracked"]:
                    tracked_methods[name] = ledger.show(name).method
    baseline = _load_baseline(cfg.scan_baseline)
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
        atomic_write(cfg.scan_baseline, ("\n".join(merged) + "\n").encode())
    log(f"scan: {len(found)} distinct finding(s), {len(new)} new, "
        f"{sum(1 for e in found.values() if e['tracked'])} tracked secret(s) exposed")
    code = FAILED if failed else (REPORTED if messages else OK)
    return code, messages
