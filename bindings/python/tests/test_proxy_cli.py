"""sanctum-proxy's flags and TOML settings, and the Presidio-compatible listeners it serves."""
import contextlib
import io
import os
import signal
import socket
import sys
import tempfile
import time
import types
import unittest
import urllib.request

from aiohttp import web

from sanctumcore.proxy import ConfigError, ProxyThread, from_dict, load
from sanctumcore.proxy.__main__ import build_config, main, parser
from sanctumcore.proxy.server import presidio_apps


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class FlagsTest(unittest.TestCase):
    def test_single_route_flags_and_limits(self):
        args = parser().parse_args(["--listen", "127.0.0.1:5050", "--upstream", "https://openrouter.ai/api/v1",
                                    "--policy", "scrub", "--backlog", "2048", "--header-timeout", "3",
                                    "--max-body-bytes", "1000", "--pass-header", "X-Trace", "--workers", "2"])
        cfg = build_config(args)
        self.assertEqual((cfg.listen_port, cfg.backlog, cfg.header_timeout, cfg.max_body_bytes, cfg.workers),
                         (5050, 2048, 3.0, 1000, 2))
        self.assertEqual(cfg.routes[0].pass_headers, ("x-trace",))
        self.assertEqual(cfg.routes[0].upstream, "https://openrouter.ai/api/v1")

    def test_defaults_a_home_lab_can_leave_alone(self):
        cfg = from_dict({"route": [{"name": "a", "upstream": "http://x", "policy": "pass"}]})
        self.assertGreaterEqual(cfg.backlog, 512)
        self.assertGreaterEqual(cfg.max_connections, 512)
        self.assertEqual((cfg.listen_host, cfg.listen_port), ("127.0.0.1", 4040))

    def test_workers_default_to_one_per_cpu_on_a_fixed_port(self):
        from sanctumcore.proxy.config import effective_workers

        route = [{"name": "a", "upstream": "http://x", "policy": "pass"}]
        cpus = len(os.sched_getaffinity(0))
        self.assertEqual(from_dict({"route": route}).workers, 0)  # auto
        self.assertEqual(effective_workers(from_dict({"listen": "127.0.0.1:4041", "route": route})), cpus)
        self.assertEqual(effective_workers(from_dict({"listen": "127.0.0.1:0", "route": route})), 1)
        self.assertEqual(effective_workers(from_dict({"workers": 3, "route": route})), 3)
        presidio_only = build_config(parser().parse_args(["--presidio-analyzer", "127.0.0.1:5002"]))
        self.assertEqual(effective_workers(presidio_only), 1)

    def test_bad_settings_are_refused(self):
        for raw, needle in (({"backlog": 0}, "backlog"), ({"header_timeout": "x"}, "header_timeout"),
                            ({"colour": 1}, "unknown keys"), ({"presidio": {"analyzer": "nowhere"}}, "HOST:PORT")):
            with self.subTest(needle=needle):
                with self.assertRaises(ConfigError) as cm:
                    from_dict({**raw, "route": [{"name": "a", "upstream": "http://x", "policy": "pass"}]})
                self.assertIn(needle, str(cm.exception))
        # paths match whole or as the path's end: "/v1beta/*" never matched, so a scrub route meant for
        # Gemini let its requests fall through to the next route (here a pass route: sent unscrubbed)
        for paths in (["/v1beta/*"], ["/chat/completions", "/v1/messages?"], ["/v1/[a-z]*"]):
            with self.subTest(paths=paths):
                with self.assertRaises(ConfigError) as cm:
                    from_dict({"route": [{"name": "gem", "upstream": "http://x", "policy": "scrub", "paths": paths},
                                         {"name": "rest", "upstream": "http://y", "policy": "pass"}]})
                self.assertIn("without wildcards", str(cm.exception))
        cfg = from_dict({"route": [{"name": "gem", "upstream": "http://x", "policy": "scrub",
                                    "paths": [":streamGenerateContent"]}]})
        self.assertTrue(cfg.routes[0].matches("/v1beta/models/g:streamGenerateContent", None))

    def test_numbers_that_compare_strangely_are_refused(self):
        # nan passes `< 0` and `== 0`; inf and a backlog past a C int broke a worker at bind time
        for raw in ({"upstream_timeout": float("nan")}, {"header_timeout": float("inf")},
                    {"backlog": 99999999999}, {"max_body_bytes": 2**63}):
            with self.subTest(raw=raw):
                with self.assertRaises(ConfigError) as cm:
                    from_dict({**raw, "route": [{"name": "a", "upstream": "http://x", "policy": "pass"}]})
                self.assertIn(next(iter(raw)), str(cm.exception))
        args = parser().parse_args(["--upstream", "http://x", "--policy", "pass", "--upstream-timeout", "nan"])
        with self.assertRaises(ConfigError):
            build_config(args)

    def test_workers_past_1024_are_refused(self):
        """workers = 100000 (a typo, or a count meant for another setting) forked until the task limit or
        the memory ran out: each worker is a whole proxy process (about 35 MB)."""
        route = [{"name": "a", "upstream": "http://x", "policy": "pass"}]
        self.assertEqual(from_dict({"workers": 1024, "route": route}).workers, 1024)
        with self.assertRaises(ConfigError) as cm:
            from_dict({"workers": 100000, "route": route})
        self.assertIn("workers must be at most 1024", str(cm.exception))
        args = parser().parse_args(["--upstream", "http://x", "--policy", "pass", "--workers", "1025"])
        with self.assertRaises(ConfigError):
            build_config(args)

    def test_toml_presidio_table(self):
        with tempfile.NamedTemporaryFile("w", suffix=".toml", delete=False) as f:
            f.write('[presidio]\nanalyzer = "127.0.0.1:5002"\nanonymizer = "127.0.0.1:5001"\n\n'
                    '[[route]]\nname = "a"\nupstream = "http://x"\npolicy = "pass"\n')
        try:
            cfg = load(f.name)
        finally:
            os.unlink(f.name)
        self.assertEqual(cfg.presidio, {"analyzer": "127.0.0.1:5002", "anonymizer": "127.0.0.1:5001"})


    def test_version(self):
        # `sanctum --version` answers; sanctum-proxy and the Presidio services said "unrecognized arguments"
        import subprocess
        import sanctumcore
        for module, prog in (("sanctumcore.proxy", "sanctum-proxy"), ("sanctumcore.presidio", "sanctum-presidio")):
            with self.subTest(module=module):
                env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(sanctumcore.__file__)))}
                r = subprocess.run([sys.executable, "-m", module, "--version"], capture_output=True, text=True,
                                   timeout=30, env=env)
                self.assertEqual(r.returncode, 0, r.stderr)
                self.assertEqual(r.stdout.strip(), f"{prog} {sanctumcore.version()} (ABI {sanctumcore.abi_version()})")

    def test_a_config_file_that_is_not_utf8_is_a_clear_error(self):
        # a proxy.toml saved in Latin-1 ended sanctum-proxy in a UnicodeDecodeError traceback (exit 1)
        with tempfile.NamedTemporaryFile("wb", suffix=".toml", delete=False) as f:
            f.write(b'# caf\xe9\n[[route]]\nname = "a"\nupstream = "http://x"\npolicy = "pass"\n')
        try:
            with self.assertRaises(ConfigError) as cm:
                load(f.name)
            self.assertIn(f"{f.name}: not UTF-8 (byte offset 5)", str(cm.exception))
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                self.assertEqual(main(["--config", f.name]), 2)
            self.assertIn("not UTF-8", err.getvalue())
            self.assertNotIn("Traceback", err.getvalue())
        finally:
            os.unlink(f.name)

@contextlib.contextmanager
def presidio_module(build_apps):
    """sanctumcore.presidio.server as given (None: not importable) for the duration."""
    names = ("sanctumcore.presidio", "sanctumcore.presidio.server")
    saved = {n: sys.modules.get(n) for n in names}
    if build_apps is None:
        sys.modules["sanctumcore.presidio.server"] = None  # import raises ImportError
    else:
        pkg = types.ModuleType(names[0])
        pkg.__path__ = []
        mod = types.ModuleType(names[1])
        mod.build_apps = build_apps
        pkg.server = mod
        sys.modules.update({names[0]: pkg, names[1]: mod})
    try:
        yield
    finally:
        for n, m in saved.items():
            if m is None:
                sys.modules.pop(n, None)
            else:
                sys.modules[n] = m


class LogFileTest(unittest.TestCase):
    def test_a_log_file_that_cannot_be_opened_is_a_configuration_error(self):
        """It was an OSError traceback and exit 1 (systemd's Restart=on-failure started it again every 2 s);
        a configuration error is exit 2, naming the setting and the file."""
        from unittest import mock

        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "no-such-dir", "proxy.log")
            conf = os.path.join(tmp, "proxy.toml")
            with open(conf, "w") as f:
                f.write(f'log_file = "{path}"\nlisten = "127.0.0.1:0"\n\n'
                        '[[route]]\nname = "a"\nupstream = "http://127.0.0.1:9"\npolicy = "pass"\n')
            err = io.StringIO()
            with mock.patch("sanctumcore.proxy.__main__._run", return_value=0) as run, contextlib.redirect_stderr(err):
                code = main(["--config", conf])
        self.assertEqual(code, 2)
        self.assertIn(f"log_file {path}: No such file or directory", err.getvalue())
        run.assert_not_called()


class PresidioTest(unittest.TestCase):
    def test_missing_module_is_a_clear_error(self):
        with presidio_module(None):
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                code = main(["--upstream", "http://127.0.0.1:9/v1", "--policy", "pass",
                             "--presidio-analyzer", "127.0.0.1:5002"])
        self.assertEqual(code, 2)
        self.assertIn("sanctumcore.presidio", err.getvalue())

    def test_listeners_are_served_from_the_same_loop(self):
        port = free_port()
        seen = []

        def build_apps(settings):  # sanctumcore.presidio.server.build_apps's contract
            seen.append(dict(settings))
            app = web.Application()
            app.router.add_get("/health", lambda request: web.Response(text="ok"))
            host, _, p = settings["analyzer"].rpartition(":")
            return [(host, int(p), app)]

        cfg = from_dict({"listen": "127.0.0.1:0", "presidio": {"analyzer": f"127.0.0.1:{port}"},
                         "header_timeout": 0.3,
                         "route": [{"name": "a", "upstream": "http://127.0.0.1:9", "policy": "pass"}]})
        with presidio_module(build_apps):
            self.assertEqual(len(presidio_apps(cfg)), 1)
            proxy = ProxyThread(cfg)
            try:
                with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=5) as r:
                    self.assertEqual(r.read(), b"ok")
                with socket.create_connection(("127.0.0.1", port), timeout=3) as slow:  # the same limits
                    slow.sendall(b"GET /health HTTP/1.1\r\nHost: x\r\n")
                    self.assertTrue(slow.recv(100).startswith(b"HTTP/1.1 408"))
            finally:
                proxy.close()
        self.assertEqual(seen[-1], {"analyzer": f"127.0.0.1:{port}", "max_body_bytes": cfg.max_body_bytes,
                                    "body_timeout": cfg.body_timeout})

    def test_presidio_services_alone_without_a_proxy_route(self):
        """The real sanctumcore.presidio, served with no proxy route: no proxy listener is opened."""
        an, proxy_port = free_port(), free_port()
        cfg = build_config(parser().parse_args(["--listen", f"127.0.0.1:{proxy_port}",
                                                "--presidio-analyzer", f"127.0.0.1:{an}"]))
        self.assertEqual(cfg.routes, [])
        proxy = ProxyThread(cfg)
        try:
            req = urllib.request.Request(f"http://127.0.0.1:{an}/analyze", method="POST",
                                         data=b'{"text": "mail jane.doe@example.com", "language": "en"}',
                                         headers={"Content-Type": "application/json"})
            with urllib.request.urlopen(req, timeout=10) as r:
                found = __import__("json").loads(r.read())
            self.assertEqual([(f["entity_type"], f["start"], f["end"]) for f in found], [("EMAIL_ADDRESS", 5, 25)])
            with self.assertRaises(OSError):
                socket.create_connection(("127.0.0.1", proxy_port), timeout=2).close()
        finally:
            proxy.close()
        with self.assertRaises(ConfigError):  # neither a route nor a Presidio listener
            build_config(parser().parse_args([]))
        with self.assertRaises(ConfigError):
            from_dict({"presidio": {"max_body_bytes": 10}})


if __name__ == "__main__":
    unittest.main()


class PortInUseTest(unittest.TestCase):
    """A port another process listens on is an error at start (exit 2, one line), never a traceback and
    never a silent share of the port: with SO_REUSEPORT (workers > 1) a second proxy, say an old one with
    a pass policy, would otherwise split the connections with the first."""

    def run_module(self, *argv):
        import subprocess
        import sanctumcore
        env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(sanctumcore.__file__)))}
        proc = subprocess.Popen([sys.executable, *argv], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                env=env, start_new_session=True)
        try:
            out, err = proc.communicate(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)  # its workers too
            proc.communicate()
            self.fail(f"{argv}: still running on a port in use")
        return types.SimpleNamespace(returncode=proc.returncode, stdout=out, stderr=err)

    def listening(self, reuse_port: bool) -> socket.socket:
        s = socket.socket()
        self.addCleanup(s.close)
        if reuse_port:
            s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEPORT, 1)
        s.bind(("127.0.0.1", 0))
        s.listen()
        return s

    @unittest.skipUnless(hasattr(socket, "SO_REUSEPORT"), "no SO_REUSEPORT")
    def test_workers_do_not_join_a_port_in_use(self):
        port = self.listening(reuse_port=True).getsockname()[1]
        r = self.run_module("-m", "sanctumcore.proxy", "--listen", f"127.0.0.1:{port}", "--upstream",
                            "http://127.0.0.1:9", "--policy", "scrub", "--workers", "2")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn(f"cannot listen on 127.0.0.1:{port}", r.stderr)
        self.assertNotIn("Traceback", r.stderr)

    def test_presidio_services_on_a_port_in_use(self):
        port = self.listening(reuse_port=False).getsockname()[1]
        r = self.run_module("-m", "sanctumcore.presidio", "--analyzer", f"127.0.0.1:{port}")
        self.assertEqual(r.returncode, 2, r.stderr)
        self.assertIn("error: ", r.stderr)
        self.assertNotIn("Traceback", r.stderr)


class OpenFileLimitTest(unittest.TestCase):
    """Started with a soft open-file limit below what max_connections needs (1024 is common), sanctum-proxy
    raises it toward the hard limit: else accept() fails with EMFILE long before max_connections, asyncio
    stops accepting for a while, and a crowd of idle connections starves every other client."""

    def test_idle_connections_up_to_max_connections_do_not_starve_a_request(self):
        import resource
        import subprocess

        import sanctumcore
        from fake_upstream import FakeUpstream

        soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
        if hard != resource.RLIM_INFINITY and hard < 1024:
            self.skipTest("hard open-file limit below 1024")
        up = FakeUpstream()
        self.addCleanup(up.close)
        port = free_port()
        env = {**os.environ, "PYTHONPATH": os.path.dirname(os.path.dirname(os.path.abspath(sanctumcore.__file__)))}
        proc = subprocess.Popen(
            [sys.executable, "-m", "sanctumcore.proxy", "--listen", f"127.0.0.1:{port}", "--upstream", up.url,
             "--policy", "pass", "--workers", "1", "--max-connections", "300", "--header-timeout", "30"],
            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=env, start_new_session=True,
            preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_NOFILE, (128, hard)))
        self.addCleanup(lambda: (proc.poll() is None and os.killpg(proc.pid, signal.SIGKILL), proc.wait()))
        idle = []
        self.addCleanup(lambda: [s.close() for s in idle])
        for _ in range(100):
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        for _ in range(200):  # idle clients, fewer than max_connections, more than 128 files
            idle.append(socket.create_connection(("127.0.0.1", port), timeout=5))
        time.sleep(0.3)
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/v1/models", timeout=5) as resp:
            self.assertEqual(resp.status, 200)
