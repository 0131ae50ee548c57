"""The 06:30 job and `propagate`: a journaled state machine, because the job can die at any point and a
provider shows a new key only once.

    (api)   minting -> minted -> propagated -> verified -> recorded -> old_disabled -> old_deleted -> done
    (paste)            minted -> propagated -> verified -> recorded -> done

minting   a key name for this attempt is journaled, then the provider mints; the answer (value sealed,
          id, keyed fingerprint) is journaled and fsynced before anything else happens. A rerun in this
          state deletes any key bearing an earlier attempt's name (its value was never seen) and mints anew.
minted    the provider accepts the new key (a bounded retry for its propagation delay) before any target
          is written; then each target written, each done target journaled.
verified  the provider accepts the new key and every target reads back the new value.
recorded  ledger `rotate` with the value (fingerprint only; skipped when the ledger already holds that
          fingerprint, i.e. a crash after the ledger write) and the new key becomes `current` in the journal.
old_*     the old key disabled, then deleted (404: already gone).
done      sweep: keys named by us for this secret that are neither current nor pending are deleted; the
          rotation (and its sealed value) is dropped from the journal.

The broad sweep (every key of ours but the current one) runs only when `current` is proven: set by a
rotation of ours (it carries the key's fingerprint) and that fingerprint is the one the ledger holds now.
A lost journal (current from the configuration) or a stale one (restored from a backup) proves nothing.

Every boundary calls step(); SANCTUM_JOBS_TEST_KILL_AFTER=N makes the process SIGKILL itself at the N-th
(tests only)."""
from __future__ import annotations

import datetime as dt
import os
import re
import secrets as _secrets
import signal
import time

from .. import Context, SanctumError
from . import providers
from .journal import Journal
from .ledgerio import open_ledger
from .targets import writer
from .util import FAILED, OK, REDACT, REPORTED, JobError, Message, log, redacted

UTC = dt.timezone.utc
_steps = 0


def step(label: str) -> None:
    global _steps
    _steps += 1
    kill_at = os.environ.get("SANCTUM_JOBS_TEST_KILL_AFTER")
    if kill_at and int(kill_at) == _steps:
        log(f"test hook: SIGKILL after step {_steps} ({label})")
        os.kill(os.getpid(), signal.SIGKILL)


def _wipe(b: bytearray) -> None:
    for i in range(len(b)):
        b[i] = 0


def _prefix(pcfg, secret: str) -> str:
    return pcfg.options.get("key_name_prefix", "sanctum-") + secret + "-"


def _ours(pcfg, secret: str, name: str) -> bool:
    """PREFIX<secret>-<UTC stamp>-<rotation id>-<attempt>: exact, so secret `a` never claims `a-b`'s keys."""
    return re.fullmatch(re.escape(_prefix(pcfg, secret)) + r"\d{8}T\d{6}Z-[0-9a-f]{8}-\d+", name) is not None


class Rotation:
    """Drives one secret's journal to `done`."""

    def __init__(self, cfg, sc, ledger, journal: Journal, provider=None, pcfg=None, now=None):
        self.cfg, self.sc, self.led, self.j = cfg, sc, ledger, journal
        self.p, self.pcfg, self.now = provider, pcfg, now
        self.writers = [writer(t) for t in sc.targets]
        self.doc = journal.load(sc.name) or {"secret": sc.name, "current": {"id": sc.current_id, "name": ""},
                                             "rotation": None}
        if not self.doc["current"].get("id") and sc.current_id:
            self.doc["current"]["id"] = sc.current_id

    @property
    def rot(self):
        return self.doc["rotation"]

    @property
    def pending(self) -> bool:
        return self.rot is not None

    def _save(self, label: str) -> None:
        self.j.save(self.sc.name, self.doc)
        step(label)

    def _now(self) -> dt.datetime:
        return self.now or dt.datetime.now(UTC)

    def begin(self, kind: str, value: bytes = b"") -> None:
        self.doc["rotation"] = {"id": _secrets.token_hex(4), "kind": kind, "started_at": self._now().isoformat(),
                                "state": "minting" if kind == "api" else "minted", "attempts": [],
                                "old": dict(self.doc["current"]), "new": None, "propagated": []}
        if kind == "paste":
            self.rot["new"] = {"id": "", "name": "", "sealed": self.j.seal(value),
                               "fingerprint": self.led.fingerprint(bytes(value)).hex()}
        self._save("rotation journaled")

    # -- provider side --------------------------------------------------------------------------
    def _sweep(self, names_only=None) -> int:
        """Deletes our keys for this secret that are neither current nor pending. With names_only, only
        keys bearing one of those names (lost mint attempts) are considered."""
        if self.p is None:
            return 0
        keep = {self.doc["current"].get("id")} | ({self.rot["new"]["id"]} if self.rot and self.rot.get("new") else set())
        keep.discard("")
        broad = names_only is None and self._current_proven()
        n = 0
        for k in self.p.list_keys():
            ours = k.name in names_only if names_only is not None else (broad and _ours(self.pcfg, self.sc.name, k.name))
            if ours and k.id not in keep:
                self.p.delete(k.id)
                n += 1
                log(f"{self.sc.name}: swept key {k.name} (neither current nor pending)")
        return n

    def _current_proven(self) -> bool:
        """True when `current` names the key in use: set by our own verified rotation (it carries that
        key's fingerprint) and the ledger's latest value is that key. A configuration's current_id (the
        journal lost) or a journal restored from a backup fails this, so the sweep spares every key."""
        cur = self.doc["current"]
        if not cur.get("id") or not cur.get("fingerprint"):
            return False
        fp = self.led.show(self.sc.name).fingerprint
        return fp is not None and fp.hex() == cur["fingerprint"]

    def _accepted(self, value: bytes) -> bool:
        """The provider accepts the new key; a new key may take a moment to be accepted everywhere."""
        tries = max(1, int(self.pcfg.options.get("check_retries", 4)))
        cap = float(self.pcfg.options.get("max_retry_wait", 60))
        for i in range(tries):
            if self.p.check(value):
                return True
            if i + 1 < tries:
                time.sleep(min(2.0 ** i, cap))
        return False

    def _mint(self) -> None:
        if self.rot["attempts"]:
            self._sweep(names_only=set(self.rot["attempts"]))
            step("lost attempts swept")
        stamp = self._now().strftime("%Y%m%dT%H%M%SZ")
        name = f"{_prefix(self.pcfg, self.sc.name)}{stamp}-{self.rot['id']}-{len(self.rot['attempts']) + 1}"
        self.rot["attempts"].append(name)
        self._save("attempt journaled")
        days = int(self.pcfg.options.get("expires_after_days", 0)) or self.led.show(self.sc.name).max_age_days + 30
        minted = self.p.mint(name, self._now() + dt.timedelta(days=days))
        try:
            step("minted, answer not yet journaled")
            self.rot["new"] = {"id": minted.id, "name": name, "sealed": self.j.seal(minted.value),
                               "fingerprint": self.led.fingerprint(bytes(minted.value)).hex(),
                               "expires_after_days": days}
            self.rot["state"] = "minted"
            self._save("minted journaled")
        finally:
            _wipe(minted.value)

    # -- the machine ----------------------------------------------------------------------------
    def run(self) -> dict:
        """Runs to done; returns a summary (no values). Raises JobError / ProviderError / SanctumError."""
        if self.rot["state"] == "minting":
            self._mint()
        value = self.j.unseal(self.rot["new"]["sealed"])
        REDACT.add(bytes(value))
        try:
            return self._after_mint(value)
        finally:
            _wipe(value)

    def _after_mint(self, value: bytearray) -> dict:
        rot, name = self.rot, self.sc.name
        summary = {"secret": name, "redacted": redacted(bytes(value).decode(errors="replace")),
                   "fingerprint": rot["new"]["fingerprint"][:16], "targets": [w.id for w in self.writers],
                   "old_retired": bool(rot["old"].get("id")), "kind": rot["kind"]}
        if rot["state"] == "minted":
            if self.p is not None and not self._accepted(bytes(value)):   # before any target holds it
                raise JobError("the provider refuses the new key; no further target was given it")
            for w in self.writers:
                if w.id in rot["propagated"]:
                    continue
                w.write(bytes(value))
                step(f"target {w.id} written")
                rot["propagated"].append(w.id)
                self._save(f"target {w.id} journaled")
            rot["state"] = "propagated"
            self._save("propagated journaled")
        if rot["state"] == "propagated":
            if self.p is not None and not self.p.check(bytes(value)):
                raise JobError("the provider refuses the new key")
            for w in self.writers:
                if w.read() != bytes(value):
                    raise JobError(f"{w.id}: read-back does not match the new value")
            rot["state"] = "verified"
            self._save("verified journaled")
        if rot["state"] == "verified":
            s = self.led.show(name)
            if s.fingerprint is None or s.fingerprint.hex() != rot["new"]["fingerprint"]:
                self.led.rotate(name, at=self.now, value=bytes(value), actor=self.cfg.actor)
                step("ledger rotated")
            else:
                log(f"{name}: the ledger already records this value (resumed after the ledger write)")
            if rot["kind"] == "api":
                self.doc["current"] = {"id": rot["new"]["id"], "name": rot["new"]["name"],
                                       "fingerprint": rot["new"]["fingerprint"]}
            rot["state"] = "recorded"
            self._save("recorded journaled")
        if rot["state"] == "recorded":
            if self.p is not None and rot["old"].get("id"):
                if not self.p.disable(rot["old"]["id"]):
                    log(f"{name}: old key already gone")
                step("old disabled")
            rot["state"] = "old_disabled"
            self._save("old disabled journaled")
        if rot["state"] == "old_disabled":
            if self.p is not None and rot["old"].get("id"):
                if not self.p.delete(rot["old"]["id"]):
                    log(f"{name}: old key already gone")
                step("old deleted")
            rot["state"] = "old_deleted"
            self._save("old deleted journaled")
        if rot["state"] == "old_deleted":
            self._sweep()
            step("swept")
            self.doc["rotation"] = None
            self._save("done journaled")
        return summary


def _due(cfg, led, now) -> dict:
    """name -> reason, for ledger secrets the rotate job should rotate now."""
    out = {}
    for item in led.check(now=now)["items"]:
        if {"auto_rotate_due", "overdue", "expired"} & set(item["flags"]):
            out[item["name"]] = f"age {item['age_days']} d ({'+'.join(item['flags'])})"
    return out


_SAFE = (JobError, providers.ProviderError, SanctumError, OSError)   # their messages never hold a value


def _describe(err: Exception) -> str:
    """Our own errors by their message; anything else (a ValueError from a target program's output, a
    UnicodeDecodeError) by its type only, since its message may quote the bytes it choked on."""
    return str(err) if isinstance(err, _SAFE) else type(err).__name__


def _fail_msg(name: str, where: str, err: Exception) -> Message:
    return Message(job="rotate", priority=5, tags=("rotating_light",), title=f"rotation of {name} failed",
                   body=f"{name}: failed at {where}: {_describe(err)}\nThe next run resumes from the journal; "
                        "docs/jobs.md says how to finish by hand if the provider stays down.",
                   items=[{"kind": "rotation_failed", "secret": name, "state": where, "error": _describe(err)}])


def _ok_msg(s: dict) -> Message:
    old = "old key disabled and deleted" if s["old_retired"] else "no previous provider key known to retire"
    how = "rotated" if s["kind"] == "api" else "propagated"
    return Message(job="rotate", priority=3, tags=("key", "white_check_mark"), title=f"{how} {s['secret']}",
                   body=f"{s['secret']}: new value {s['redacted']} (fingerprint {s['fingerprint']}) written to "
                        f"{', '.join(s['targets']) or 'no targets'}; ledger updated; {old}.",
                   items=[{"kind": how, **s}])


def preflight(cfg, names=None) -> list:
    probs = []
    for sc in cfg.secrets.values():
        if names and sc.name not in names:
            continue
        if sc.provider:
            try:
                probs += providers.make(cfg.providers[sc.provider]).preflight()
            except providers.ProviderError as e:
                probs.append(e.message)
        if not sc.targets:
            probs.append(f"secrets.{sc.name}: no targets")
        for t in sc.targets:
            probs += writer(t).preflight()
    return probs


def run_rotate(cfg, names=(), force=False, dry_run=False, now=None):
    """The rotate job: resume every pending journal, then rotate each due api secret."""
    messages, failed = [], False
    with Context() as ctx:
        led = open_ledger(ctx, cfg, read_only=dry_run, now=now)
        due = _due(cfg, led, now)
        candidates = []
        unknown = [n for n in names if n not in cfg.secrets]
        if unknown:   # a typo in `rotate NAME --force` did nothing and said so with exit 0
            raise JobError(f"no [secrets.{unknown[0]}] in the configuration")
        for sc in cfg.secrets.values():
            if names and sc.name not in names:
                continue
            try:
                secret = led.show(sc.name)
            except SanctumError:
                log(f"{sc.name}: not in the ledger; skipped")
                failed = True
                continue
            if not sc.provider:
                if names:   # named by hand: say why nothing happens
                    log(f"{sc.name}: no provider (paste and propagate: `sanctum-jobs propagate {sc.name}`); "
                        "not rotated")
                    failed = True
                continue
            if secret.method != "api":
                log(f"{sc.name}: ledger method is {secret.method}, not api; not auto-rotated")
                failed |= bool(names)
                continue
            candidates.append((sc, secret))
        if dry_run:
            probs = preflight(cfg, names)
            for p in probs:
                log("configuration: " + p)
            plan = [f"would rotate {sc.name}: {due.get(sc.name, 'forced')}" for sc, _ in candidates
                    if force or sc.name in due]
            for line in plan:
                print(line)
            return (FAILED if probs or failed else REPORTED if plan else OK), []
        journal = Journal(cfg)
        journal.lock()
        for sc in cfg.secrets.values():   # paste rotations interrupted earlier are finished too
            if (names and sc.name not in names) or sc.provider:
                continue
            try:
                r = Rotation(cfg, sc, led, journal, now=now)
            except Exception as e:   # e.g. an unreadable journal: report it, go on with the others
                failed |= _failed(sc.name, "journal", e, messages)
                continue
            if r.pending:
                failed |= _drive(r, messages)
        for sc, secret in candidates:
            try:
                failed |= _rotate_one(cfg, sc, led, journal, due, force, now, messages)
            except Exception as e:   # whatever went wrong for this secret, the others are still tried
                failed |= _failed(sc.name, "start", e, messages)
    code = FAILED if failed else (REPORTED if messages else OK)
    return code, messages


def _rotate_one(cfg, sc, led, journal, due, force, now, messages) -> bool:
    """Resumes or starts one api secret's rotation (or only sweeps, when none is due). True: it failed."""
    pcfg = cfg.providers[sc.provider]
    try:
        prov = providers.make(pcfg)
    except providers.ProviderError as e:
        messages.append(_fail_msg(sc.name, "configuration", e))
        return True
    r = Rotation(cfg, sc, led, journal, provider=prov, pcfg=pcfg, now=now)
    if r.pending:
        log(f"{sc.name}: resuming the rotation at {r.rot['state']}")
        return _drive(r, messages)
    if not (force or sc.name in due):
        try:   # daily hygiene: keys of ours left behind (e.g. a journal cleared by hand)
            r._sweep()
        except Exception as e:
            log(f"{sc.name}: sweep skipped: {_describe(e)}")
        return False
    probs = preflight(cfg, (sc.name,))
    if probs:   # never mint a key that cannot be placed
        for p in probs:
            log("configuration: " + p)
        messages.append(_fail_msg(sc.name, "configuration", JobError("; ".join(probs))))
        return True
    log(f"{sc.name}: rotating ({due.get(sc.name, 'forced')})")
    r.begin("api")
    return _drive(r, messages)


def _failed(name: str, where: str, e: Exception, messages) -> bool:
    log(f"{name}: rotation failed at {where}: {_describe(e)}")
    messages.append(_fail_msg(name, where, e))
    return True


def _drive(r: Rotation, messages) -> bool:
    """Runs one rotation; any failure is reported (our errors by message, others by type only) and the
    caller goes on with the other secrets. True: it failed."""
    try:
        messages.append(_ok_msg(r.run()))
        return False
    except Exception as e:
        return _failed(r.sc.name, r.rot["state"] if r.rot else "done", e, messages)


def run_propagate(cfg, name: str, value: bytes, dry_run=False, now=None):
    """Paste-and-propagate: the value (read once by the CLI) goes to the secret's targets through the
    same journal, atomic writes and read-backs, then into the ledger."""
    sc = cfg.secrets.get(name)
    if sc is None or not sc.targets:
        raise JobError(f"no [secrets.{name}] with targets in the configuration")
    messages = []
    with Context() as ctx:
        led = open_ledger(ctx, cfg, now=now)
        try:
            led.show(name)
        except SanctumError:
            raise JobError(f"{name} is not in the ledger") from None
        if dry_run:
            probs = [p for t in sc.targets for p in writer(t).preflight()]
            for p in probs:
                log("configuration: " + p)
            print(f"would write {name} to " + ", ".join(t.describe() for t in sc.targets))
            return (FAILED if probs else OK), []
        journal = Journal(cfg)
        journal.lock()
        r = Rotation(cfg, sc, led, journal, now=now)
        if r.pending and r.rot["kind"] == "api":
            raise JobError(f"{name}: a provider rotation is pending; finish it with `sanctum-jobs rotate {name}`")
        if r.pending:
            log(f"{name}: an interrupted rotation is pending; finishing it (the value given now is not used)")
        else:
            if not value:
                raise JobError("no value on stdin")
            REDACT.add(value)
            probs = [p for t in sc.targets for p in writer(t).preflight()]   # as rotate does before minting:
            if probs:                                                         # no target half-written
                for p in probs:
                    log("configuration: " + p)
                raise JobError(f"{name}: {len(probs)} target(s) cannot be written (above); nothing was written")
            r.begin("paste", value)
        failed = _drive(r, messages)
    return (FAILED if failed else REPORTED), messages
