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

    def test_an_unlistable_directory_fails_the_run_but_the_others_are_still_reported(self):
        # os.walk skips a directory it cannot list without a word: the job reported "0 new" and exit 0
        # while a whole subtree went unscanned. Root reads any directory, so root runs the job without
        # its capabilities (setpriv), which makes a 000 directory unreadable to it too.
        locked = os.path.join(self.tree, "locked")
        os.makedirs(locked)
        with open(os.path.join(locked, "more.env"), "w") as f:
            f.write("NOTHING=here\n")
        os.chmod(locked, 0)
        prefix = []
        if os.geteuid() == 0:
            if not shutil.which("setpriv"):
                self.skipTest("root needs setpriv (util-linux) to drop the capability that reads any directory")
            prefix = ["setpriv", "--bounding-set=-all", "--inh-caps=-all"]
        env = dict(os.environ, PYTHONPATH=STAGE, NOTIFY_OUT=self.cmd_out)
        env.pop("SANCTUM_JOBS_TEST_KILL_AFTER", None)
        try:
            r = subprocess.run([*prefix, sys.executable, "-m", "sanctumcore.jobs", "scan", "--config", self.config],
                               capture_output=True, env=env, timeout=60)
        finally:
            os.chmod(locked, 0o700)   # tearDown removes the tree
        self.out = r.stdout + r.stderr
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(f"cannot list directory {locked}: Permission denied".encode(), self.out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])
        for v in (self.tracked, self.untracked):
            self.assertNotIn(v.encode(), self.out)
        self.assertNoTokens()

    @unittest.skipUnless(os.path.isfile("/proc/self/mem"), "needs Linux's /proc/self/mem (unreadable at offset 0)")
    def test_an_unreadable_worktree_link_fails_the_run_but_the_others_are_still_reported(self):
        # a worktree whose git directory's `commondir` cannot be read (a link to /proc/self/mem, which
        # read() refuses even for root) was skipped without a word: the run said it had read every
        # repository. Now that repository alone fails the run (exit 2, named); the rest is reported.
        wt, gitdir = os.path.join(self.tree, "wt"), os.path.join(self.tree, "gitdirs", "wt")
        os.makedirs(wt)
        os.makedirs(gitdir)
        with open(os.path.join(wt, ".git"), "w") as f:
            f.write(f"gitdir: {gitdir}\n")
        os.symlink("/proc/self/mem", os.path.join(gitdir, "commondir"))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(b"cannot read " + os.path.join(gitdir, "commondir").encode() + b": Input/output error", self.out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])
        self.assertNoTokens()

    def test_a_gitdir_outside_the_scan_paths_is_not_followed(self):
        # A planted `.git` file (`gitdir: /elsewhere`) made the job read /elsewhere/config and report it
        # as <repo>/.git/config; `sanctum scan --git-remotes` refuses that, and now the job does too. A
        # worktree whose gitdir and commondir stay inside the paths is still read.
        outside = os.path.join(self.tmp, "outside")
        os.makedirs(outside)
        with open(os.path.join(outside, "config"), "w") as f:
            f.write(f"[remote \"o\"]\n\turl = https://u:{github_pat()}@github.com/o/r.git\n")
        os.makedirs(os.path.join(self.tree, "planted"))
        with open(os.path.join(self.tree, "planted", ".git"), "w") as f:
            f.write(f"gitdir: {outside}\n")
        wtdir = os.path.join(self.tree, "app", ".git", "worktrees", "wt")
        os.makedirs(wtdir)
        with open(os.path.join(wtdir, "commondir"), "w") as f:
            f.write("../..\n")
        os.makedirs(os.path.join(self.tree, "wt"))
        with open(os.path.join(self.tree, "wt", ".git"), "w") as f:
            f.write("gitdir: ../app/.git/worktrees/wt\n")
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 1, self.out.decode())
        self.assertIn(b"planted/.git: its git config is outside the scan paths; not followed", self.out)
        places = [p for m in self.sinks.got["webhook"] for i in m["items"] for p in i["places"]]
        self.assertFalse(any("planted" in p for p in places), places)
        self.assertTrue(any(p.startswith(os.path.join(self.tree, "wt", ".git", "config") + ":") for p in places),
                        places)
        self.assertNoTokens()

    @unittest.skipUnless(os.path.exists("/dev/full"), "needs /dev/full")
    def test_a_stdout_sink_that_cannot_write_is_a_failed_sink(self):
        # stdout on a full disk was a traceback (exit 1, the alert lost); stdout closed was a silent
        # no-op (exit 1, the alert lost). Both are a sink that failed: exit 2, logged, others served.
        with open(self.config, "a") as f:
            f.write('[[notify]]\ntype = "stdout"\n')
        env = dict(os.environ, PYTHONPATH=STAGE, NOTIFY_OUT=self.cmd_out)
        env.pop("SANCTUM_JOBS_TEST_KILL_AFTER", None)
        argv = [sys.executable, "-m", "sanctumcore.jobs", "age-check", "--config", self.config]
        for label, extra, needle in (("full", {}, b"cannot write to standard output: No space left on device"),
                                     ("closed", {"close": True}, b"standard output is closed"),
                                     ("dry run full", {"dry": True}, b"dry run: cannot write to standard output")):
            with self.subTest(label):
                self.sinks.got = {"ntfy": [], "webhook": [], "signal": []}
                a = argv + (["--dry-run"] if extra.get("dry") else [])
                if extra.get("close"):
                    r = subprocess.run(["sh", "-c", '"$@" >&-', "sh", *a], stderr=subprocess.PIPE, env=env, timeout=60)
                else:
                    with open("/dev/full", "w") as full:
                        r = subprocess.run(a, stdout=full, stderr=subprocess.PIPE, env=env, timeout=60)
                self.assertEqual(r.returncode, 2, r.stderr.decode())
                self.assertIn(needle, r.stderr)
                self.assertNotIn(b"Traceback", r.stderr)
                if not extra.get("dry"):
                    self.assertEqual(len(self.sinks.got["ntfy"]), 2, "the other sinks are still served")

    def test_a_file_swapped_after_the_walk_is_not_followed_or_waited_on(self):
        # The walk skips symlinks and FIFOs, but the file was then opened by name: one swapped meanwhile
        # for a symlink was followed (a file outside the paths read), and a FIFO hung the job for ever.
        secret = os.path.join(self.tmp, "outside.env")
        with open(secret, "w") as f:
            f.write(f"TOKEN={self.untracked}\n")
        link, fifo = os.path.join(self.tree, "swapped-link"), os.path.join(self.tree, "swapped-fifo")
        os.symlink(secret, link)
        os.mkfifo(fifo)
        code = ("import sys; from sanctumcore.jobs.scan import _read; "
                "print([_read(p, 1 << 20) for p in sys.argv[1:]])")
        env = dict(os.environ, PYTHONPATH=STAGE)
        r = subprocess.run([sys.executable, "-c", code, link, fifo, secret], capture_output=True, env=env, timeout=20)
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode().strip(), f"[None, None, {repr(f'TOKEN={self.untracked}'.encode() + bytes([10]))}]")

    def test_file_names_cannot_write_lines_into_reports(self):
        # a file named "a\n[urgent] all clear\x1b[2J" in a scanned repository wrote a line of its own
        # (and a terminal escape) into notifications and logs; a name that is not UTF-8 broke the sinks
        # that encode their text. Shown as `sanctum scan` shows them: \xHH.
        evil = os.path.join(self.tree, "a\n[urgent] all clear\x1b[2J.env")
        with open(evil, "w") as f:
            f.write(f"T={github_pat()}\n")
        with open(os.fsencode(self.tree) + b"/caf\xe9.env", "w") as f:
            f.write(f"T={github_pat()}\n")
        with open(os.path.join(self.tree, "c\x9b[2Jd.env"), "w") as f:  # a C1 control (CSI), as its UTF-8 bytes
            f.write(f"T={github_pat()}\n")
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 1, self.out.decode(errors="replace"))
        body = self.sinks.got["webhook"][1]["message"]
        self.assertIn("a\\x0A[urgent] all clear\\x1B[2J.env:1:3: github-pat", body)
        self.assertIn("caf\\xE9.env:1:3: github-pat", body)
        self.assertIn("c\\xC2\\x9B[2Jd.env:1:3: github-pat", body)
        self.assertFalse(any(line.startswith("[urgent]") for line in body.splitlines()), body)
        self.assertNotIn("\x1b", json.dumps(self.sinks.got["ntfy"]) + body)
        self.assertEqual(len(self.sinks.got["ntfy"]), 2)
        self.assertNoTokens()

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
        # a file saved in Latin-1 was "unexpected UnicodeDecodeError", naming neither file nor place
        with open(self.config, "ab") as f:
            f.write(b"# caf\xe9\n")
        self.assertEqual(self.run_job("age-check").returncode, 2)
        self.assertIn(f"{self.config}: not UTF-8 (byte offset ".encode(), self.out)

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

    def test_target_mode_newline_and_git_remotes_types_are_checked(self):
        # mode = 640 (a TOML decimal) was chmod 01200, a key its service could not read (root's
        # read-back still matched); newline = "false" and git_remotes = "no" (strings) read as true
        original = rd(self.config)
        target = f'{{ type = "file", path = {json.dumps(os.path.join(self.tmp, "openrouter.key"))} }}'
        for old, new, needle in (
                (target, target[:-2] + ', mode = 640 }', b'mode must be a string of octal digits, as "0640"'),
                (target, target[:-2] + ', mode = "0o640" }', b"mode must be a string of octal digits"),
                (target, target[:-2] + ', mode = "1777" }', b"mode must be a string of octal digits"),
                (target, target[:-2] + ', newline = "false" }', b"newline must be true or false"),
                ("exclude = [", "git_remotes = \"no\"\nexclude = [", b"[scan]: git_remotes must be true or false")):
            with self.subTest(new=new):
                self.assertIn(old, original)
                with open(self.config, "w") as f:
                    f.write(original.replace(old, new, 1))
                self.assertEqual(self.run_job("age-check", "--dry-run").returncode, 2, self.out.decode())
                self.assertIn(needle, self.out)
        with open(self.config, "w") as f:
            f.write(original.replace(target, target[:-2] + ', mode = "0640", newline = false }', 1))
        self.assertNotEqual(self.run_job("age-check", "--dry-run").returncode, 2, self.out.decode())

    def test_baseline_or_rules_it_cannot_use_are_named_and_findings_still_notified(self):
        # a baseline in a missing directory: "unexpected FileNotFoundError" after the scan, and the
        # findings were never notified; a missing rules file: the same message, naming nothing
        original = rd(self.config)
        missing = os.path.join(self.tmp, "no-such-dir", "baseline.txt")
        with open(self.config, "w") as f:
            f.write(original.replace("[scan]\n", f"[scan]\nbaseline = {json.dumps(missing)}\n", 1))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(f"cannot write the baseline {missing}: No such file or directory".encode(), self.out)
        self.assertEqual([m["title"] for m in self.sinks.got["webhook"]],
                         ["tracked secret exposed: rotate now: openrouter", "1 new exposed token(s)"])
        self.assertNoTokens()
        rules = os.path.join(self.tmp, "extra.rules")
        with open(self.config, "w") as f:
            f.write(original.replace("[scan]\n", f"[scan]\nrules = {json.dumps(rules)}\n", 1))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"rules {rules}: cannot read: No such file or directory".encode(), self.out)

    def test_a_state_dir_it_cannot_make_is_named(self):
        # was "scan: unexpected PermissionError" (or NotADirectoryError): no path, no reason
        blocker = os.path.join(self.tmp, "a-file")
        with open(blocker, "w") as f:
            f.write("x\n")
        original = rd(self.config)
        state = os.path.join(blocker, "state")
        with open(self.config, "w") as f:
            f.write(original.replace(f"state_dir = {json.dumps(os.path.join(self.tmp, 'state'))}",
                                     f"state_dir = {json.dumps(state)}", 1))
        self.assertIn(state, rd(self.config))
        r = self.run_job("scan")
        self.assertEqual(r.returncode, 2)
        self.assertIn(f"scan: {state}: Not a directory".encode(), self.out)

    def test_sink_and_provider_urls_must_be_http(self):
        # urllib opens file:// too: a webhook at file:///... took every alert, sent nothing, and the run
        # exited 1 as if it had been delivered; a sink timeout of "10s" was "unexpected ValueError"
        original = rd(self.config)
        hook = f'url = {json.dumps(self.sinks.url + "/hook")}'
        for old, new, needle in ((hook, 'url = "file:///etc/hostname"', b"notify #2: url must be an http:// or https:// URL"),
                                 (hook, 'url = "ftp://example.net/x"', b"notify #2: url must be an http"),
                                 (hook, hook + '\ntimeout = "10s"', b"notify #2: timeout must be a number of seconds"),
                                 ("[providers.openrouter]\n", '[providers.openrouter]\nbase_url = "file:///tmp"\n',
                                  b"[providers.openrouter]: base_url must be an http:// or https:// URL")):
            with self.subTest(new=new):
                self.assertIn(old, original)
                with open(self.config, "w") as f:
                    f.write(original.replace(old, new, 1))
                self.assertEqual(self.run_job("age-check").returncode, 2, self.out.decode())
                self.assertIn(needle, self.out)

    def test_a_sink_token_that_is_not_text_fails_that_sink_only(self):
        # a token_file of binary bytes raised UnicodeDecodeError out of the sink loop: a traceback, and
        # the sinks after it (webhook, signal, the command) never got the alert
        tok = os.path.join(self.tmp, "ntfy.token")
        with open(tok, "wb") as f:
            f.write(b"\xff\xfe\x00token\n")
        os.chmod(tok, 0o640)
        original = rd(self.config)
        with open(self.config, "w") as f:
            f.write(original.replace('topic = "secrets"\n', f'topic = "secrets"\ntoken_file = {json.dumps(tok)}\n', 1))
        r = self.run_job("age-check")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(b"notify sink ntfy#1 (ntfy) failed: token_file: not UTF-8 text", self.out)
        self.assertNotIn(b"Traceback", self.out)
        self.assertEqual(self.sinks.got["ntfy"], [])
        self.assertEqual(len(self.sinks.got["signal"]), 1, "the sinks after it are still served")
        self.assertTrue(os.path.exists(self.cmd_out))

    def test_a_sink_token_every_user_can_read_fails_that_sink_only(self):
        # a 0644 token_file was used as is (the management key file and the proxy's key files are refused)
        tok = os.path.join(self.tmp, "ntfy.token")
        with open(tok, "w") as f:
            f.write("tk_secret_token\n")
        os.chmod(tok, 0o644)
        original = rd(self.config)
        with open(self.config, "w") as f:
            f.write(original.replace('topic = "secrets"\n', f'topic = "secrets"\ntoken_file = {json.dumps(tok)}\n', 1))
        r = self.run_job("age-check")
        self.assertEqual(r.returncode, 2, self.out.decode())
        self.assertIn(b"notify sink ntfy#1 (ntfy) failed: token_file: readable by every user", self.out)
        self.assertNotIn(b"tk_secret_token", self.out)
        self.assertEqual(self.sinks.got["ntfy"], [])
        self.assertEqual(len(self.sinks.got["signal"]), 1, "the sinks after it are still served")

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


class HelpTest(unittest.TestCase):
    def test_version(self):
        # `sanctum --version` answers; `sanctum-jobs --version` was a usage error (exit 2)
        import sanctumcore
        r = run_job(["--version"])
        self.assertEqual(r.returncode, 0, r.stderr.decode())
        self.assertEqual(r.stdout.decode().strip(),
                         f"sanctum-jobs {sanctumcore.version()} (ABI {sanctumcore.abi_version()})")

    def test_help_says_exit_status_config_and_docs(self):
        # `man sanctum-jobs` is help2man of --help, which was the command list alone: nothing of the
        # exit status, where the configuration is read from, or where the docs are.
        r = run_job(["--help"])
        self.assertEqual(r.returncode, 0)
        out = r.stdout.decode()
        for needle in ("Exit status: 0 nothing to report, 1 something reported, 2 the job itself failed",
                       "$SANCTUM_JOBS_CONFIG", "/etc/sanctum/jobs.toml", "/usr/share/doc/sanctum/jobs.md.gz"):
            self.assertIn(needle, " ".join(out.split()))
        root = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "..")
        with open(os.path.join(root, "packaging", "debian", "sanctum.docs")) as f:
            self.assertIn("docs/jobs.md", f.read().split())


class UnitsTest(unittest.TestCase):
    EXAMPLE = os.path.join(os.path.dirname(__file__), "..", "..", "..", "examples", "sanctum-jobs.toml")

    def test_unit_paths_that_would_widen_or_break_the_sandbox_are_refused(self):
        # read_write_paths = "/srv/app" (a string) was taken a character at a time: ReadWritePaths=-/ -a -p
        # -r -s -v, the whole system writable for every job; a target under "/etc/my app" became two
        # paths, one relative (ignored), so the rotation met a read-only target at 06:30.
        base = '[jobs]\nstate_dir = "/var/lib/sanctum-jobs"\n'
        cases = (('[units]\nread_write_paths = "/srv/app"\n', "read_write_paths must be a list of strings"),
                 ('[units]\nread_write_paths = ["srv/app"]\n', "'srv/app' cannot go in a systemd unit"),
                 ('[secrets.x]\ntargets = [{ type = "file", path = "/etc/my app/key" }]\n',
                  "path '/etc/my app' cannot go in a systemd unit"),
                 ('[secrets.x]\ntargets = [{ type = "file", path = "/etc/100%/key" }]\n', "'/etc/100%'"),
                 ('[units]\nconfig_path = "/etc/sanctum/jobs conf.toml"\n', "config_path"),
                 ('[units]\nuser = "root\\nExecStartPre=/bin/true"\n', "user must be a user name"),
                 ('[units]\nuser = 0\n', "user must be a string"))
        with tempfile.TemporaryDirectory() as tmp:
            for extra, needle in cases:
                with self.subTest(needle=needle):
                    cfg, out = os.path.join(tmp, "jobs.toml"), os.path.join(tmp, "units")
                    with open(cfg, "w") as f:
                        f.write(base + extra)
                    r = run_job(["units", "--config", cfg, "--systemd", out])
                    self.assertEqual(r.returncode, 2, r.stdout.decode() + r.stderr.decode())
                    self.assertIn(needle, r.stderr.decode())
                    self.assertFalse(os.path.exists(out), "no unit written")
            with open(cfg, "w") as f:
                f.write(base + '[units]\nread_write_paths = ["/srv/app"]\n')
            r = run_job(["units", "--config", cfg, "--systemd", out])
            self.assertEqual(r.returncode, 0, r.stderr.decode())
            self.assertIn("ReadWritePaths=-/srv/app\n", rd(os.path.join(out, "sanctum-secret-scan.service")))

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
