"""sanctum-jobs scan and age-check end to end: a planted tree (tokens generated here, valid checksums
where the format has one), a ledger with overdue, due-soon and fine secrets, notifications in local
fake sinks (ntfy, webhook, signal-cli-rest-api, command), exit codes; units pass systemd-analyze verify."""
import datetime as dt
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import unittest
import zlib

from sanctumcore import Context, Ledger

from jobs_fakes import STAGE, Sinks, or_key, rd, run_job

UTC = dt.timezone.utc
B62 = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz"


def github_pat() -> str:
    """ghp_ + 30 random base62 + CRC-32 of them in base62 (6 chars), as tests/scan/fakegen.c makes them."""
    body = "".join(B62[b % 62] for b in os.urandom(30))
    n, out = zlib.crc32(body.encode()), ""
    while n:
        n, r = divmod(n, 62)
        out = B62[r] + out
    return "ghp_" + body + out.rjust(6, "0")


class ScanAgeTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.sinks = Sinks().start()

    @classmethod
    def tearDownClass(cls):
        cls.sinks.stop()

    def setUp(self):
        self.tmp = tempfile.mkdtemp(prefix="jobs-scan-")
        self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
        self.sinks.fail_webhook = False
        d = lambda *p: os.path.join(self.tmp, *p)
        self.tree, self.db, self.cmd_out = d("tree"), d("ledger.db"), d("command.txt")
        now = self.now = dt.datetime.now(UTC).replace(microsecond=0)
        self.now_arg = now.strftime("%Y-%m-%dT%H:%M:%SZ")
        self.tracked = or_key()       # the openrouter key in use, planted by mistake
        self.untracked = github_pat()
        with Context() as ctx:
            led = Ledger(ctx, self.db, now=now - dt.timedelta(days=100))
            led.add("openrouter", "openrouter", 90, auto_rotate_days=85, method="api", value=self.tracked,
                    locations=["keychain:openrouter"], created_at=now - dt.timedelta(days=40))
            led.add("aws-backup", "aws", 30, method="manual", locations=["1password:AWS", "sops:vm/env"],
                    created_at=now - dt.timedelta(days=45))                          # overdue
            led.add("github-pat", "github", 90, method="manual", locations=["env:GITHUB_TOKEN"],
                    created_at=now - dt.timedelta(days=80))                          # due soon
            led.add("smtp", "fastmail", 365, method="manual", created_at=now - dt.timedelta(days=10))   # fine
        os.makedirs(d("tree", "app", ".git"))
        os.makedirs(d("tree", "node_modules"))
        with open(d("tree", "app", "settings.env"), "w") as f:
            f.write(f"OPENROUTER_API_KEY={self.tracked}\nDEBUG=1\n")
        with open(d("tree", "app", "deploy.sh"), "w") as f:
            f.write(f"curl -H 'Authorization: token {self.untracked}' https://api.github.com/user\n")
        with open(d("tree", "app", ".git", "config"), "w") as f:
            f.write(f"[remote \"origin\"]\n\turl = https://x-access-token:{self.untracked}@github.com/o/r.git\n")
        with open(d("tree", "node_modules", "ignored.js"), "w") as f:
            f.write(f"const k = '{github_pat()}';\n")
        with open(d("tree", "app", "README.md"), "w") as f:
            f.write("nothing to see here: sk-or-v1-<your key>\n")
        self.config = d("jobs.toml")
        q = json.dumps
        u = self.sinks.url
        with open(self.config, "w") as f:
            f.write(f"""
[jobs]
state_dir = {q(d("state"))}
[ledger]
db = {q(self.db)}
[scan]
paths = [{q(self.tree)}]
exclude = ["node_modules"]
[[notify]]
type = "ntfy"
url = {q(u + "/ntfy")}
topic = "secrets"
min_priority = "low"
[[notify]]
type = "webhook"
url = {q(u + "/hook")}
jobs = ["scan"]
[[notify]]
type = "signal"
url = {q(u)}
number = "+15550000000"
recipients = ["+15550000001"]
min_priority = "high"
[[notify]]
type = "command"
argv = [{q(sys.executable)}, "-c", "import os,sys; open(os.environ['NOTIFY_OUT'],'a').write(sys.stdin.read())"]
jobs = ["age-check"]
[providers.openrouter]
management_key_env = "UNSET_FOR_THIS_TEST"
[secrets.openrouter]
provider = "openrouter"
targets = [{{ type = "file", path = {q(d("openrouter.key"))} }}]
""")

    def tearDown(self):
        shutil.rmtree(self.tmp, ignore_errors=True)

    def run_job(self, *args):
        r = run_job([*args, "--config", self.config], env_extra={"NOTIFY_OUT": self.cmd_out})
        self.out = r.stdout + r.stderr
        for v in (self.tracked, self.untracked):
            self.assertNotIn(v.encode(), self.out, "a token reached the logs")
        return r

    def assertNoTokens(self):
        text = self.sinks.all_text() + (rd(self.cmd_out) if os.path.exists(self.cmd_out) else "")
        for v in (self.tracked, self.untracked):
            self.assertNotIn(v, text, "a token reached a notification")

    def test_scan_reports_tracked_exposure_first_then_new_findings_once(self):
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 1, self.out.decode())
        hook = self.sinks.got["webhook"]
        self.assertEqual(len(hook), 2)
        self.assertEqual(hook[0]["title"], "tracked secret exposed: rotate now: openrouter")
        self.assertEqual(hook[0]["priority"], 5)
        self.assertIn("settings.env:1:", hook[0]["message"])
        self.assertEqual(hook[0]["items"][0]["fingerprint"][:16] in hook[0]["message"], True)
        self.assertEqual(hook[1]["priority"], 4)
        places = [p for i in hook[1]["items"] for p in i["places"]]
        self.assertEqual(len(hook[1]["items"]), 1, "one token found twice is one finding")
        self.assertTrue(any(p.endswith("deploy.sh:1:31") for p in places), places)
        self.assertTrue(any(".git/config:" in p for p in places), "git remote URL scanned")
        self.assertFalse(any("node_modules" in p or "README" in p for p in places), places)
        self.assertEqual([m["priority"] for m in self.sinks.got["ntfy"]], ["5", "4"])
        self.assertEqual(len(self.sinks.got["signal"]), 2)      # both >= high
        self.assertFalse(os.path.exists(self.cmd_out), "the command sink takes age-check only")
        self.assertNoTokens()
        # second run: the untracked finding is in the baseline now; the tracked exposure is reported again
        self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 1)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter"])
        # once the tracked secret is gone from the tree, nothing is left to report
        os.unlink(os.path.join(self.tree, "app", "settings.env"))
        self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
        self.assertEqual(self.run_job("scan").returncode, 0)
        self.assertEqual(self.sinks.got["webhook"], [])

    @unittest.skipUnless(os.path.isfile("/proc/self/mem"), "needs Linux's /proc/self/mem (unreadable at offset 0)")
    def test_an_unreadable_file_fails_the_run_but_the_others_are_still_reported(self):
        # /proc/self/mem is a regular file that read() refuses (EIO), even for root: a file the job cannot
        # read. The exposures in the other files are still notified; the run says which file it missed.
        with open(self.config) as f:
            text = f.read()
        with open(self.config, "w") as f:
            f.write(text.replace(f"paths = [{json.dumps(self.tree)}]",
                                 f"paths = [\"/proc/self/mem\", {json.dumps(self.tree)}]"))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(b"cannot read /proc/self/mem: Input/output error", self.out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])
        self.assertNoTokens()

    @unittest.skipUnless(os.path.isfile("/proc/self/mem"), "needs Linux's /proc/self/mem (unreadable at offset 0)")
    def test_an_unreadable_worktree_link_fails_the_run_but_the_others_are_still_reported(self):
        # A worktree whose git directory's `commondir` cannot be read (here a link to /proc/self/mem, which
        # read() refuses even for root): the scan stopped there with "unexpected OSError" and reported
        # nothing at all.
        wt, gitdir = os.path.join(self.tree, "wt"), os.path.join(self.tmp, "gitdirs", "wt")
        os.makedirs(wt)
        os.makedirs(gitdir)
        with open(os.path.join(wt, ".git"), "w") as f:
            f.write(f"gitdir: {gitdir}\n")
        os.symlink("/proc/self/mem", os.path.join(gitdir, "commondir"))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(b"cannot read " + os.path.join(self.tree, "wt", ".git", "config").encode() +
                      b": Input/output error", self.out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])
        self.assertNoTokens()

    def test_a_directory_that_cannot_be_listed_fails_the_run_but_the_others_are_still_reported(self):
        # os.walk skips a directory it cannot list without a word: the run said it had scanned everything
        # (exit 1, not 2) and the exposures in that directory were never looked at. (root lists any
        # directory: listing `locked` is refused here by a sitecustomize in the job's process.)
        os.makedirs(os.path.join(self.tree, "locked"))
        hook = os.path.join(self.tmp, "hook")
        os.makedirs(hook)
        with open(os.path.join(hook, "sitecustomize.py"), "w") as f:
            f.write("import os\nreal = os.scandir\n"
                    "def scandir(path='.'):\n"
                    "    if str(path).endswith('/locked'):\n"
                    "        raise PermissionError(13, 'Permission denied', str(path))\n"
                    "    return real(path)\n"
                    "os.scandir = scandir\n")
        r = run_job(["scan", "--config", self.config], env_extra={"PYTHONPATH": hook + os.pathsep + STAGE})
        out = r.stdout + r.stderr
        self.assertEqual(r.returncode, 2, out.decode())
        self.assertIn(b"cannot list " + os.path.join(self.tree, "locked").encode() + b": Permission denied", out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])

    def test_scan_dry_run_and_failing_sink(self):
        r = self.run_job("scan", "--dry-run")
        self.assertEqual(r.returncode, 1)
        self.assertIn(b"(dry run)", self.out)
        self.assertEqual(self.sinks.got["webhook"], [])
        self.assertFalse(os.path.exists(os.path.join(self.tmp, "state")), "a dry run writes nothing")
        self.sinks.fail_webhook = True
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2, "a failed sink is a failed run")
        self.assertIn(b"notify sink webhook#2 (webhook) failed: HTTP 503", self.out)
        self.assertEqual(len(self.sinks.got["ntfy"]), 2, "the other sinks were still served")

    def test_age_check(self):
        r = self.run_job("age-check", "--now", self.now_arg)
        self.assertEqual(r.returncode, 1, self.out.decode())
        ntfy = self.sinks.got["ntfy"]
        self.assertEqual([(m["priority"], m["title"]) for m in ntfy],
                         [("4", "1 secret(s) past their rotation age"), ("2", "1 secret(s) due for rotation soon")])
        self.assertIn("aws-backup (aws) overdue: age 45 d, limit 30 d, 15 days over", ntfy[0]["body"])
        self.assertIn("sanctum-jobs propagate aws-backup", ntfy[0]["body"])
        self.assertIn("locations: 1password:AWS, sops:vm/env", ntfy[0]["body"])
        self.assertIn("github-pat (github) due_soon: age 80 d, limit 90 d, 10 days left", ntfy[1]["body"])
        self.assertNotIn("smtp", json.dumps(ntfy))
        self.assertNotIn("openrouter", json.dumps(ntfy))     # 40 days old: fine
        self.assertEqual(len(self.sinks.got["signal"]), 1, "signal takes high and above only")
        self.assertEqual(self.sinks.got["webhook"], [], "the webhook takes scan only")
        self.assertIn("past their rotation age", rd(self.cmd_out))
        self.assertNoTokens()
        # later: the api secret is overdue too and its line says the 06:30 job rotates it
        later = (self.now + dt.timedelta(days=60)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
        self.assertEqual(self.run_job("age-check", "--now", later).returncode, 1)
        self.assertIn("openrouter (openrouter) overdue", self.sinks.got["ntfy"][0]["body"])
        self.assertIn("api: the 06:30 job will rotate it", self.sinks.got["ntfy"][0]["body"])

    def test_age_check_nothing_due_and_bad_config(self):
        early = (self.now - dt.timedelta(days=44)).strftime("%Y-%m-%dT%H:%M:%SZ")
        self.assertEqual(self.run_job("age-check", "--now", early).returncode, 0)
        self.assertEqual(self.sinks.got["ntfy"], [])
        with open(self.config, "a") as f:
            f.write("[bogus]\n")
        self.assertEqual(self.run_job("age-check").returncode, 2)
        self.assertIn(b"unknown key 'bogus'", self.out)

    def test_provider_settings_are_checked_when_the_config_is_read(self):
        # a typo or a wrong type was a rotation that "failed at start: ValueError" (an urgent alert
        # blaming the provider); the job now refuses the configuration and names the key
        original = rd(self.config)
        for line, needle in (('tiemout = 5', b"unknown key 'tiemout'"),
                             ('max_retry_wait = "abc"', b"max_retry_wait must be a number"),
                             ('retries = -1', b"retries must be an integer"),
                             ('timeout = nan', b"timeout must be a number")):
            with self.subTest(line=line):
                with open(self.config, "w") as f:
                    f.write(original.replace("[providers.openrouter]\n", f"[providers.openrouter]\n{line}\n"))
                self.assertEqual(self.run_job("rotate", "--dry-run").returncode, 2)
                self.assertIn(needle, self.out)

    def test_propagate_with_stdin_closed(self):
        # `sanctum-jobs propagate NAME <&-` (a unit or script with no stdin) was "unexpected AttributeError"
        env = {**os.environ, "PYTHONPATH": STAGE, "NOTIFY_OUT": self.cmd_out}
        r = subprocess.run(["sh", "-c", 'exec "$0" -m sanctumcore.jobs propagate openrouter --config "$1" <&-',
                            sys.executable, self.config], capture_output=True, env=env, timeout=60)
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(b"no value on stdin", r.stderr)

    def test_missing_ledger_names_the_command_that_makes_it(self):
        # `sanctum ledger add` alone writes to the CLI's default ledger, not this one: the hint names it.
        os.rename(self.db, self.db + ".away")
        self.assertEqual(self.run_job("age-check").returncode, 2)
        self.assertIn(f"`sanctum ledger --db {self.db} add NAME".encode(), self.out)


class UnitsTest(unittest.TestCase):
    EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "sanctum-jobs.toml")

    def test_units_are_deterministic_and_verify(self):
        with tempfile.TemporaryDirectory() as tmp:
            a, b = os.path.join(tmp, "a"), os.path.join(tmp, "b")
            for out in (a, b):
                r = run_job(["units", "--config", self.EXAMPLE, "--systemd", out, "--launchd", out],
                            env_extra={"PATH": "/nonexistent", "http_proxy": "http://127.0.0.1:9"})
                self.assertEqual(r.returncode, 0, r.stderr.decode())
            names = sorted(os.listdir(a))
            self.assertEqual(len(names), 9)
            for n in names:
                self.assertEqual(rd(os.path.join(a, n)), rd(os.path.join(b, n)), n)
            timer = rd(os.path.join(a, "sanctum-secret-auto-rotate.timer"))
            self.assertIn("OnCalendar=*-*-* 06:30:00 America/New_York", timer)
            self.assertIn("Persistent=true", timer)
            svc = rd(os.path.join(a, "sanctum-secret-scan.service"))
            for line in ("ProtectSystem=strict", "NoNewPrivileges=yes", "CapabilityBoundingSet=",
                         "SystemCallFilter=@system-service", "StateDirectory=sanctum-jobs", "PrivateTmp=yes"):
                self.assertIn(line + "\n", svc)
            self.assertIn("LoadCredential=openrouter-management:",
                          rd(os.path.join(a, "sanctum-secret-auto-rotate.service")))
            import plistlib
            with open(os.path.join(a, "com.sanctum.openrouter-auto-rotate.plist"), "rb") as f:
                pl = plistlib.load(f)
            self.assertEqual(pl["StartCalendarInterval"], {"Hour": 6, "Minute": 30})
            self.assertEqual(pl["ProgramArguments"][1:], ["rotate", "--config", "/etc/sanctum/jobs.toml"])
            if shutil.which("systemd-analyze") is None:
                self.skipTest("systemd-analyze is not installed")
            # verify needs ExecStart= to exist: point it at this interpreter for the check
            for n in names:
                if n.endswith(".service"):
                    p = os.path.join(a, n)
                    with open(p) as f:
                        text = f.read().replace("/usr/bin/sanctum-jobs", sys.executable)
                    with open(p, "w") as f:
                        f.write(text)
            units = [os.path.join(a, n) for n in names if n.endswith((".service", ".timer"))]
            # man: pages exist once installed (tests/packaging/check_deb.sh verifies the packaged units with them)
            v = subprocess.run(["systemd-analyze", "verify", "--man=no", *units], capture_output=True, text=True, timeout=60)
            self.assertEqual(v.returncode, 0, v.stderr)
            self.assertNotIn("Unknown", v.stderr)
            for u in units:
                if u.endswith(".service"):
                    sec = subprocess.run(["systemd-analyze", "security", "--offline=yes", u], capture_output=True,
                                         text=True, timeout=60)
                    m = re.search(r"Overall exposure level for \S+: (\d+\.\d+)", sec.stdout + sec.stderr)
                    self.assertIsNotNone(m, sec.stdout + sec.stderr)
                    self.assertLessEqual(float(m.group(1)), 2.0, f"{u}: exposure {m.group(1)}")


if __name__ == "__main__":
    unittest.main()
