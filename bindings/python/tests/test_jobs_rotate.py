"""sanctum-jobs rotate / propagate against a fake OpenRouter management API: the job SIGKILLed at every
step boundary in turn and rerun, injected provider faults, and the new value's secrecy (never in a
child's argv or environment, the logs, the notifications, the ledger or the journal in clear)."""
import datetime as dt
import glob
import json
import os
import shutil
import subprocess
import sys
import tempfile
import unittest

from sanctumcore import Context, Ledger

from jobs_fakes import (FakeOpenRouter, rd, Sinks, fake_store_put, fake_store_read, make_fake_programs, or_key,
                        run_job)

UTC = dt.timezone.utc
SOPS_INDEX = '["OPENROUTER_API_KEY"]'


class Env:
    """A home lab in a temp dir: ledger, six targets holding the old key, fake programs, config."""

    def __init__(self, root, server, sinks):
        self.root, self.server, self.sinks = root, server, sinks
        d = lambda *p: os.path.join(root, *p)
        self.state, self.tdir, self.bin, self.store = d("state"), d("targets"), d("bin"), d("store")
        for x in (self.tdir, self.store):
            os.makedirs(x)
        make_fake_programs(self.bin)
        self.db = d("ledger.db")
        self.old_hash, self.old = server.add_key("manual-openrouter")
        self.decoy_hash, _ = server.add_key("other-app")
        with Context() as ctx:
            Ledger(ctx, self.db, now=dt.datetime.now(UTC) - dt.timedelta(days=90)).add(
                "openrouter", "openrouter", 90, auto_rotate_days=85, method="api", value=self.old,
                locations=["file", "env", "sops", "keychain", "1password", "systemd-creds"], actor="setup")
        with open(d("targets", "openrouter.key"), "w") as f:
            f.write(self.old + "\n")
        with open(d("targets", "proxy.env"), "w") as f:
            f.write(f"# proxy\nOTHER=1\nOPENROUTER_API_KEY={self.old}\n")
        with open(d("targets", "vm.enc.json"), "w") as f:
            json.dump({"data": {}, "sops": {"version": "fake"}}, f)
        import base64
        doc = json.loads(rd(d("targets", "vm.enc.json")))
        doc["data"][SOPS_INDEX] = base64.b64encode(self.old.encode()[::-1]).decode()
        with open(d("targets", "vm.enc.json"), "w") as f:
            json.dump(doc, f)
        fake_store_put(self.store, "security", "sanctum/openrouter", self.old)
        fake_store_put(self.store, "op", "OpenRouter", json.dumps(
            {"id": "abc", "title": "OpenRouter", "fields": [
                {"id": "username", "label": "username", "type": "STRING", "value": "me"},
                {"id": "credential", "label": "credential", "type": "CONCEALED", "value": self.old}]}))
        self.mgmt_file = d("mgmt.key")
        with open(self.mgmt_file, "w") as f:
            f.write(server.mgmt + "\n")
        os.chmod(self.mgmt_file, 0o600)
        self.notify_out = d("notify-command.txt")
        self.fake_log = d("fake-programs.log")
        self.config = d("jobs.toml")
        self.write_config()

    def write_config(self, extra_provider="", key_source=None):
        q = json.dumps
        t = self.tdir
        with open(self.config, "w") as f:
            f.write(f"""
[jobs]
state_dir = {q(self.state)}
actor = "test-jobs"
[ledger]
db = {q(self.db)}
[[notify]]
type = "webhook"
url = {q(self.sinks.url + "/hook")}
[[notify]]
type = "command"
argv = [{q(sys.executable)}, "-c", "import os,sys; open(os.environ['NOTIFY_OUT'],'a').write(sys.stdin.read())"]
[providers.openrouter]
base_url = {q(self.server.url + "/api/v1")}
{key_source or "management_key_file = " + q(self.mgmt_file)}
max_retry_wait = 2
{extra_provider}
[secrets.openrouter]
provider = "openrouter"
current_id = {q(self.old_hash)}
targets = [
  {{ type = "file", path = {q(t + "/openrouter.key")} }},
  {{ type = "env-file", path = {q(t + "/proxy.env")}, var = "OPENROUTER_API_KEY" }},
  {{ type = "sops", file = {q(t + "/vm.enc.json")}, key = {q(SOPS_INDEX)} }},
  {{ type = "keychain", service = "openrouter", account = "sanctum" }},
  {{ type = "1password", item = "OpenRouter", field = "credential", vault = "Home" }},
  {{ type = "systemd-creds", path = {q(t + "/openrouter.cred")}, name = "openrouter" }},
]
""")

    def run(self, *args, kill_after=None, stdin=b"", env_extra=None):
        env = {"PATH": self.bin + os.pathsep + os.environ.get("PATH", ""), "FAKE_LOG": self.fake_log,
               "FAKE_STORE": self.store, "NOTIFY_OUT": self.notify_out, **(env_extra or {})}
        if kill_after is not None:
            env["SANCTUM_JOBS_TEST_KILL_AFTER"] = str(kill_after)
        r = run_job([*args, "--config", self.config], env_extra=env, stdin=stdin)
        self.logs = getattr(self, "logs", b"") + r.stdout + r.stderr
        return r

    # -- what the targets hold -----------------------------------------------------------------
    def target_values(self):
        t = self.tdir
        env_line = [l for l in rd(t + "/proxy.env").splitlines() if l.startswith("OPENROUTER_API_KEY=")]
        import base64
        cred = rd(t + "/openrouter.cred").split(" ", 1)[1] if os.path.exists(t + "/openrouter.cred") else ""
        item = json.loads(fake_store_read(self.store, "op", "OpenRouter"))
        return {
            "file": rd(t + "/openrouter.key").rstrip("\n"),
            "env-file": env_line[0].split("=", 1)[1] if len(env_line) == 1 else None,
            "sops": base64.b64decode(json.loads(rd(t + "/vm.enc.json"))["data"][SOPS_INDEX])[::-1].decode(),
            "keychain": fake_store_read(self.store, "security", "sanctum/openrouter"),
            "1password": [f["value"] for f in item["fields"] if f["id"] == "credential"][0],
            "systemd-creds": base64.b64decode(cred)[::-1].decode() if cred else None,
        }

    def clear_files(self):
        """Every file the job writes that must never hold a value in clear (targets excluded)."""
        out = glob.glob(os.path.join(self.state, "**", "*"), recursive=True)
        out += glob.glob(self.db + "*") + [self.notify_out]
        return [p for p in out if os.path.isfile(p)]


class RotateTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.server = FakeOpenRouter().start()
        cls.sinks = Sinks().start()

    @classmethod
    def tearDownClass(cls):
        cls.server.stop()
        cls.sinks.stop()

    def setUp(self):
        # tmpfs when there is one: the jobs fsync a lot, and the crash-safety here is about process death
        self.tmp = tempfile.mkdtemp(prefix="jobs-rotate-", dir="/dev/shm" if os.path.isdir("/dev/shm") else None)
        self.server.keys.clear()
        self.server.faults.clear()
        self.server.refuse_checks = 0
        self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
        self.env = Env(self.tmp, self.server, self.sinks)

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def assertRotated(self, env, label=""):
        live = self.server.live()
        ours = {h: k for h, k in live.items() if h != env.decoy_hash}
        self.assertEqual(len(ours), 1, f"{label}: live keys {[k['name'] for k in ours.values()]}")
        (new_hash, new), = ours.items()
        self.assertTrue(new["name"].startswith("sanctum-openrouter-"), label)
        self.assertIn(env.decoy_hash, self.server.keys, f"{label}: someone else's key was touched")
        self.assertNotIn(env.old_hash, self.server.keys, f"{label}: old key not deleted")
        self.assertEqual(len(self.server.keys), 2, f"{label}: leftover keys {self.server.keys}")
        self.assertEqual(env.target_values(), dict.fromkeys(env.target_values(), new["key"]), label)
        self.assertIn("OTHER=1", rd(env.tdir + "/proxy.env"))
        with Context() as ctx:
            led = Ledger(ctx, env.db, create=False)
            s = led.show("openrouter")
            self.assertEqual(s.rotations, 1, label)
            self.assertEqual(s.fingerprint, led.fingerprint(new["key"]), label)
            self.assertEqual([e["action"] for e in led.audit_log("openrouter")], ["add", "rotate"], label)
            v = led.verify()
            self.assertTrue(v["intact"], f"{label}: {v['message']}")
        doc = json.loads(rd(os.path.join(env.state, "journal", "openrouter.json")))
        self.assertIsNone(doc["rotation"], label)
        self.assertEqual(doc["current"]["id"], new_hash, label)
        self.assertEqual(os.stat(os.path.join(env.state, "journal", "openrouter.json")).st_mode & 0o777, 0o600)
        return new["key"]

    def assertNeverInClear(self, env, value, label=""):
        needle = value.encode()
        for p in env.clear_files():
            with open(p, "rb") as f:
                self.assertNotIn(needle, f.read(), f"{label}: {p} holds the value in clear")
        self.assertNotIn(needle, env.logs, f"{label}: logs")
        self.assertNotIn(value, self.sinks.all_text(), f"{label}: notifications")
        if os.path.exists(env.fake_log):
            for line in rd(env.fake_log).splitlines():
                rec = json.loads(line)
                self.assertNotIn(value, json.dumps(rec["argv"]), f"{label}: argv of {rec['prog']}")
                self.assertNotIn(value, json.dumps(rec["env"]), f"{label}: environment of {rec['prog']}")

    def test_sigkill_at_every_step_then_rerun(self):
        n, seen_sealed = 1, False
        while True:
            if n > 1:
                self.tearDown()
                self.setUp()
            env = self.env
            r = env.run("rotate", kill_after=n)
            if r.returncode != -9:
                self.assertEqual(r.returncode, 1, r.stderr.decode())
                self.assertRotated(env, "no kill")
                self.assertEqual(env.run("rotate").returncode, 0, "a run after a rotation has nothing to do")
                break
            jpath = os.path.join(env.state, "journal", "openrouter.json")
            pending = {k["key"] for h, k in self.server.keys.items() if h not in (env.old_hash, env.decoy_hash)}
            if os.path.exists(jpath):
                rot = json.loads(rd(jpath))["rotation"]
                if rot and rot.get("new"):
                    seen_sealed = True
                    self.assertIn("sealed", rot["new"])
                    self.assertEqual(os.stat(jpath).st_mode & 0o777, 0o600)
                for v in pending:   # the journal as the kill left it: sealed, never clear
                    self.assertNotIn(v, rd(jpath), f"kill after step {n}: journal holds the key in clear")
            r2 = env.run("rotate")
            self.assertIn(r2.returncode, (0, 1), f"kill after step {n}: {r2.stderr.decode()}")
            new = self.assertRotated(env, f"kill after step {n}")
            for v in pending | {new}:
                self.assertNeverInClear(env, v, f"kill after step {n}")
            n += 1
        self.assertTrue(seen_sealed)
        self.assertGreaterEqual(n, 20, "fewer step boundaries than the state machine has")

    def test_faults(self):
        cases = [("500 on create", [["POST", "500"]], 2),
                 ("answer lost after mint", [["POST", "lost"]], 2),
                 ("429 with Retry-After", [["POST", "429"]], 1),
                 ("404 on delete", [["DELETE", "404"]], 1),
                 ("401", [["POST", "401"]], 2)]
        for i, (label, faults, first_code) in enumerate(cases):
            with self.subTest(label):
                if i:
                    self.tearDown()
                    self.setUp()
                env = self.env
                self.server.faults[:] = faults
                r = env.run("rotate")
                self.assertEqual(r.returncode, first_code, f"{label}: {r.stderr.decode()}")
                if first_code == 2:
                    self.assertIn("rotation of openrouter failed", self.sinks.all_text())
                    self.assertEqual(env.target_values()["file"], env.old, "targets untouched on a failed mint")
                    r = env.run("rotate")
                    self.assertEqual(r.returncode, 1, f"{label} rerun: {r.stderr.decode()}")
                new = self.assertRotated(env, label)
                self.assertNeverInClear(env, new, label)
                self.assertEqual(self.server.faults, [], f"{label}: fault not exercised")

    def test_secret_never_in_argv_env_logs_or_notifications(self):
        r = self.env.run("rotate")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        new = self.assertRotated(self.env)
        progs = {json.loads(l)["prog"] for l in rd(self.env.fake_log).splitlines()}
        self.assertEqual(progs, {"sops", "security", "op", "systemd-creds"})
        self.assertNeverInClear(self.env, new)
        self.assertNeverInClear(self.env, self.server.mgmt)
        hook = self.sinks.got["webhook"]
        self.assertEqual([m["title"] for m in hook], ["rotated openrouter"])
        self.assertIn("fingerprint", hook[0]["message"])
        self.assertIn("rotated openrouter", rd(self.env.notify_out))

    def test_temp_files_a_killed_write_left_are_removed_by_the_next_write(self):
        # A kill -9 between a target's temp file and its rename (seen with random kills) leaves
        # .NAME.XXXXXXXX.tmp beside the target; a file or env-file target's holds a key in clear, and no
        # later run removed it: the old key lived on in clear after its rotation.
        env = self.env
        t = env.tdir
        leftovers = [t + "/.openrouter.key.k1ll3d_a.tmp", t + "/.proxy.env.k1ll3d_b.tmp",
                     t + "/.openrouter.cred.k1ll3d_c.tmp", t + "/.vm.enc.k1ll3d_d.tmp.json"]
        for p in leftovers:
            with open(p, "w") as f:
                f.write(env.old + "\n")
        keep = [t + "/.openrouter.key.mine.tmp", t + "/.openrouter.key.k1ll3d_a.tmp.bak", t + "/notes.txt"]
        for p in keep:
            with open(p, "w") as f:
                f.write("not ours\n")
        r = env.run("rotate")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertRotated(env)
        self.assertEqual([p for p in leftovers if os.path.exists(p)], [])
        self.assertEqual([p for p in keep if os.path.exists(p)], keep)
        for name in os.listdir(t):
            with open(os.path.join(t, name), "rb") as f:
                self.assertNotIn(env.old.encode(), f.read(), f"{name} holds the retired key in clear")

    def test_daily_sweep_removes_only_our_leftovers(self):
        self.assertEqual(self.env.run("rotate").returncode, 1)
        new = self.assertRotated(self.env)
        orphan, _ = self.server.add_key("sanctum-openrouter-20260101T000000Z-deadbeef-1")
        other, _ = self.server.add_key("sanctum-openrouter-2-20260101T000000Z-beefdead-1")   # secret "openrouter-2"'s
        r = self.env.run("rotate")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertNotIn(orphan, self.server.keys)
        self.assertIn(other, self.server.keys)
        del self.server.keys[other]
        self.assertEqual(self.assertRotated(self.env), new)

    def test_lost_or_stale_journal_never_sweeps_the_live_key(self):
        env = self.env
        jpath = os.path.join(env.state, "journal", "openrouter.json")
        self.assertEqual(env.run("rotate").returncode, 1)
        first = self.assertRotated(env)
        stale = rd(jpath)
        os.unlink(jpath)   # the journal lost: only the configuration's current_id (the deleted first key) is left
        r = env.run("rotate")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual([k["key"] for h, k in self.server.live().items() if h != env.decoy_hash], [first],
                         "journal lost: the live key was swept")
        self.assertEqual(set(env.target_values().values()), {first})
        r = env.run("rotate", "--force", "openrouter")   # a rotation proves its own key: its sweep is broad
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        live = {h: k["key"] for h, k in self.server.live().items() if h != env.decoy_hash}
        self.assertEqual(len(live), 1, "the rotation's sweep retires the key the lost journal knew")
        (second_hash, second), = live.items()
        self.assertNotEqual(second, first)
        with open(jpath, "w") as f:   # a stale journal (restored from a backup): names a deleted key as current
            f.write(stale)
        r = env.run("rotate")
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertIn(second_hash, self.server.live(), "stale journal: the live key was swept")
        self.assertEqual(set(env.target_values().values()), {second})

    def test_refused_new_key_never_reaches_a_target(self):
        env = self.env
        env.write_config(extra_provider="check_retries = 2")
        self.server.refuse_checks = 1_000
        r = env.run("rotate")
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertIn("openrouter: failed at minted: the provider refuses the new key", self.sinks.all_text())
        before = dict.fromkeys(env.target_values(), env.old)
        before["systemd-creds"] = None   # not created before the first rotation
        self.assertEqual(env.target_values(), before, "a refused key was written")
        self.assertIn(env.old_hash, self.server.live())
        self.server.refuse_checks = 1   # accepted after a propagation delay: the bounded retry waits for it
        r = env.run("rotate")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertEqual(self.server.refuse_checks, 0)
        new = self.assertRotated(env)
        self.assertNeverInClear(env, new)

    def test_unexpected_error_reported_by_type_and_other_secrets_rotate(self):
        env = self.env
        with Context() as ctx:
            Ledger(ctx, env.db, create=False, now=dt.datetime.now(UTC) - dt.timedelta(days=90)).add(
                "openrouter-2", "openrouter", 90, auto_rotate_days=85, method="api", value=or_key(), actor="setup")
        with open(env.config, "a") as f:
            f.write(f'[secrets.openrouter-2]\nprovider = "openrouter"\n'
                    f'targets = [{{ type = "file", path = "{env.tdir}/second.key" }}]\n')
        op = os.path.join(env.bin, "op")
        with open(op, "w") as f:   # `op item get --format json` answers something that is not JSON
            f.write("#!/bin/sh\necho 'not json: secret-looking-text'\n")
        r = env.run("rotate")
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        titles = [m["title"] for m in self.sinks.got["webhook"]]
        self.assertIn("rotation of openrouter failed", titles)
        self.assertIn("rotated openrouter-2", titles)
        fail = [m for m in self.sinks.got["webhook"] if m["title"] == "rotation of openrouter failed"][0]
        self.assertEqual(fail["items"][0]["error"], "JSONDecodeError")
        self.assertNotIn("secret-looking-text", self.sinks.all_text() + env.logs.decode(errors="replace"))
        self.assertIn(rd(env.tdir + "/second.key").rstrip("\n"), [k["key"] for k in self.server.live().values()])
        make_fake_programs(env.bin)
        self.server.faults.clear()
        r = env.run("rotate")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertEqual(len(set(env.target_values().values())), 1)
        self.assertIn(env.target_values()["file"], [k["key"] for k in self.server.live().values()])
        self.assertNotIn(env.old_hash, self.server.keys)

    def test_cli_names_an_unforeseen_error_by_type_only(self):
        import contextlib
        import io
        from unittest import mock
        from sanctumcore.jobs import cli, rotate
        leak = "sk-or-v1-" + os.urandom(8).hex()
        err = io.StringIO()
        with mock.patch.object(rotate, "run_rotate", side_effect=UnicodeDecodeError("utf-8", leak.encode(), 0, 1, leak)), \
                contextlib.redirect_stderr(err):
            self.assertEqual(cli.main(["rotate", "--config", self.env.config]), 2)
        self.assertIn("unexpected UnicodeDecodeError", err.getvalue())
        self.assertNotIn(leak, err.getvalue())

    def test_rotate_as_of_now_and_force(self):
        early = (dt.datetime.now(UTC) - dt.timedelta(days=10)).strftime("%Y-%m-%dT%H:%M:%SZ")
        r = self.env.run("rotate", "--now", early)
        self.assertEqual(r.returncode, 0, r.stderr.decode())          # 80 days old then: not due
        self.assertEqual(len(self.server.keys), 2)
        r = self.env.run("rotate", "--now", early, "--force", "openrouter")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertRotated(self.env)
        self.assertEqual(self.env.run("rotate", "--now", "not a time").returncode, 2)

    def test_rotate_names_it_cannot_rotate_are_an_error(self):
        # `rotate --force openrotuer` (a typo) and `rotate --force github-pat` (a paste secret) did
        # nothing and exited 0, "nothing to report"
        env = self.env
        with Context() as ctx:
            Ledger(ctx, env.db, create=False).add("github-pat", "github", 30, method="manual")
        with open(env.config, "a") as f:
            f.write(f'[secrets.github-pat]\ntargets = [{{ type = "file", path = "{env.tdir}/gh.key" }}]\n')
        for args, needle in ((["openrotuer"], b"no [secrets.openrotuer] in the configuration"),
                             (["github-pat"], b"github-pat: no provider (paste and propagate")):
            for extra in ([], ["--dry-run"]):
                with self.subTest(args=args, extra=extra):
                    r = env.run("rotate", "--force", *extra, *args)
                    self.assertEqual(r.returncode, 2, r.stderr.decode())
                    self.assertIn(needle, r.stderr)
        self.assertEqual(len(self.server.keys), 2, "nothing minted")
        r = env.run("rotate")   # unnamed, the paste secret is simply not the job's (openrouter is due)
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertNotIn(b"no provider", r.stderr)

    def test_management_key_from_environment_is_not_inherited(self):
        self.env.write_config(key_source='management_key_env = "OR_MGMT"')
        r = self.env.run("rotate", env_extra={"OR_MGMT": self.server.mgmt})
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertRotated(self.env)
        for line in rd(self.env.fake_log).splitlines():
            self.assertNotIn("OR_MGMT", json.loads(line)["env"])
        self.assertNotIn(self.server.mgmt, rd(self.env.notify_out))

    def test_propagate_paste_killed_at_every_step(self):
        n = 1
        while True:
            if n > 1:
                self.tearDown()
                self.setUp()
            env = self.env
            with Context() as ctx:
                Ledger(ctx, env.db, create=False).add("github-pat", "github", 30, method="manual")
            with open(env.config, "a") as f:
                f.write(f'[secrets.github-pat]\ntargets = [{{ type = "env-file", path = "{env.tdir}/proxy.env", '
                        f'var = "GITHUB_TOKEN" }}]\n')
            value = "ghp_" + os.urandom(18).hex()
            r = env.run("propagate", "github-pat", kill_after=n, stdin=value.encode() + b"\n")
            killed = r.returncode == -9
            if killed:
                jpath = os.path.join(env.state, "journal", "github-pat.json")
                self.assertNotIn(value, rd(jpath), f"step {n}: journal in clear")
                if json.loads(rd(jpath))["rotation"] is not None:
                    r = env.run("propagate", "github-pat", stdin=b"")   # resumes; no value needed
                    self.assertEqual(r.returncode, 1, f"step {n}: {r.stderr.decode()}")
            else:
                self.assertEqual(r.returncode, 1, r.stderr.decode())
            self.assertIn(f"GITHUB_TOKEN={value}\n", rd(env.tdir + "/proxy.env"), f"step {n}")
            with Context() as ctx:
                led = Ledger(ctx, env.db, create=False)
                self.assertEqual(led.show("github-pat").rotations, 1, f"step {n}")
                self.assertEqual(led.show("github-pat").fingerprint, led.fingerprint(value), f"step {n}")
                self.assertTrue(led.verify()["intact"], f"step {n}")
            self.assertNeverInClear(env, value, f"step {n}")
            self.assertEqual(env.target_values()["file"], env.old, "the api secret was not touched")
            if not killed:
                break
            n += 1
        self.assertGreaterEqual(n, 8)

    def test_env_file_export_line_stays_exported(self):
        # a file a shell sources (`. /etc/default/app; exec app`) has `export VAR=...`; the line came back
        # as `VAR=new`, no longer exported, so the app started after the rotation had no key at all
        env = self.env
        with Context() as ctx:
            Ledger(ctx, env.db, create=False).add("github-pat", "github", 30, method="manual")
        path = os.path.join(env.tdir, "app.sh.env")
        with open(path, "w") as f:
            f.write("# sourced by the app's wrapper\nexport GITHUB_TOKEN=ghp_old\n  export OTHER='x y'\n")
        with open(env.config, "a") as f:
            f.write(f'[secrets.github-pat]\ntargets = [{{ type = "env-file", path = "{path}", var = "GITHUB_TOKEN" }}]\n')
        for value in ("ghp_" + os.urandom(18).hex(), "it's a $pass w0rd"):
            r = env.run("propagate", "github-pat", stdin=value.encode())
            self.assertEqual(r.returncode, 1, r.stderr.decode())
            quoted = value if "'" not in value else "'" + value.replace("'", "'\\''") + "'"
            self.assertEqual(rd(path), f"# sourced by the app's wrapper\nexport GITHUB_TOKEN={quoted}\n"
                                       "  export OTHER='x y'\n")
            out = subprocess.run(["sh", "-c", f". {path}; sh -c 'printf %s \"$GITHUB_TOKEN\"'"],
                                 capture_output=True).stdout.decode()
            self.assertEqual(out, value, "a child of the sourcing shell sees the new value")

    def test_a_target_that_is_a_symlink_is_refused_before_minting(self):
        # /etc/sanctum/proxy.env -> /srv/app/.env: the atomic rename replaced the link with a new file and
        # left /srv/app/.env (what the app reads) with the old key, which the rotation then deleted.
        env = self.env
        real = os.path.join(self.tmp, "app.env")
        link = os.path.join(env.tdir, "proxy.env")
        os.rename(link, real)
        os.symlink(real, link)
        r = env.run("rotate", "--dry-run")
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"{link} is a symbolic link (to {real})".encode(), r.stderr)
        r = env.run("rotate")
        self.assertEqual(r.returncode, 2, r.stderr.decode())
        self.assertEqual(len(self.server.keys), 2, "nothing minted")
        self.assertTrue(os.path.islink(link))
        self.assertIn(f"OPENROUTER_API_KEY={env.old}", rd(real))
        self.assertEqual(rd(os.path.join(env.tdir, "openrouter.key")).strip(), env.old, "no target written")
        # a pasted value is refused at that target too, and the link is left alone
        r = env.run("propagate", "openrouter", stdin=b"sk-or-v1-" + b"a" * 64)
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"is a symbolic link", r.stderr)
        self.assertEqual(rd(os.path.join(env.tdir, "openrouter.key")).strip(), env.old, "no target half-written")
        self.assertTrue(os.path.islink(link))
        self.assertIn(f"OPENROUTER_API_KEY={env.old}", rd(real))

    def test_a_management_key_every_user_can_read_is_refused(self):
        # the key that mints and deletes keys was read from a 0644 file without a word
        os.chmod(self.env.mgmt_file, 0o644)
        for extra in (["--dry-run"], []):
            r = self.env.run("rotate", *extra)
            self.assertEqual(r.returncode, 2, r.stderr.decode())
            self.assertIn(f"management key {self.env.mgmt_file} is readable by every user".encode(), r.stderr)
        self.assertEqual(len(self.server.keys), 2, "nothing minted")
        os.chmod(self.env.mgmt_file, 0o640)   # group-readable: how a job user is given it
        self.assertEqual(self.env.run("rotate", "--dry-run").returncode, 1, self.env.logs.decode())

    def test_dry_run_finds_missing_program(self):
        os.unlink(os.path.join(self.env.bin, "op"))
        r = self.env.run("rotate", "--dry-run")
        self.assertEqual(r.returncode, 2)
        self.assertIn(b"op is not installed", r.stderr)
        self.assertEqual(len(self.server.keys), 2, "a dry run minted nothing")
        r = self.env.run("rotate")
        self.assertEqual(r.returncode, 2, "a real run refuses too, before minting anything")
        self.assertEqual(len(self.server.keys), 2)
        self.assertIn("op is not installed", self.sinks.all_text())
        make_fake_programs(self.env.bin)
        r = self.env.run("rotate", "--dry-run")
        self.assertEqual(r.returncode, 1, r.stderr.decode())
        self.assertIn(b"would rotate openrouter", r.stdout)


if __name__ == "__main__":
    unittest.main()
