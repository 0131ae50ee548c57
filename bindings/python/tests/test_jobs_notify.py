"""sanctum-jobs over HTTP (notification sinks, the provider's API): a redirect is an error answer. urllib
would follow a 301/302/303 to a POST with a GET without the body (an alert lost, the run reported as
sent) and carry our Authorization header (a sink's token, the management key, a new key) to wherever
the Location points."""
import http.server
import os
import tempfile
import threading
import unittest

from sanctumcore.jobs.config import ProviderConfig, Sink
from sanctumcore.jobs.providers import ProviderError, make
from sanctumcore.jobs.notify import send_one
from sanctumcore.jobs.util import JobError, Message


class Redirecting(http.server.BaseHTTPRequestHandler):
    seen = []

    def _answer(self):
        Redirecting.seen.append((self.command, self.path, self.headers.get("Authorization")))
        if self.path.startswith("/elsewhere"):
            body = b"<html>the ntfy web app</html>"
            self.send_response(200)
        else:
            body = b""
            self.send_response(int(self.path.rsplit("/", 1)[-1]))
            self.send_header("Location", f"http://127.0.0.1:{self.server.server_port}/elsewhere")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        self._answer()

    do_GET = _answer

    def log_message(self, *args):
        pass


class RedirectTest(unittest.TestCase):
    def setUp(self):
        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Redirecting)
        threading.Thread(target=self.server.serve_forever, daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_port}"
        fd, self.token_file = tempfile.mkstemp()
        os.write(fd, b"tk_notify_secret_123456\n")
        os.close(fd)
        Redirecting.seen = []

    def tearDown(self):
        self.server.shutdown()
        self.server.server_close()
        os.unlink(self.token_file)

    def test_a_redirect_is_a_failed_sink_and_is_never_followed(self):
        msg = Message(job="scan", title="tracked secret exposed", body="rotate now", priority=5)
        for code in (301, 302, 303, 307, 308):
            for sink in (Sink(type="ntfy", name="n", url=self.url, topic=str(code), token_file=self.token_file),
                         Sink(type="webhook", name="w", url=f"{self.url}/hook/{code}", token_file=self.token_file)):
                with self.subTest(code=code, sink=sink.type):
                    Redirecting.seen = []
                    with self.assertRaises(JobError) as cm:
                        send_one(sink, msg)
                    self.assertEqual(str(cm.exception), f"HTTP {code}")
                    self.assertEqual([s[0] for s in Redirecting.seen], ["POST"], Redirecting.seen)

    def test_the_provider_never_follows_a_redirect_with_a_key(self):
        prov = make(ProviderConfig(name="openrouter", options={
            "base_url": f"{self.url}/api", "management_key_file": self.token_file, "retries": 1}))
        for code in (301, 302, 307):
            with self.subTest(code=code):
                Redirecting.seen = []
                with self.assertRaises(ProviderError) as cm:
                    prov._call("GET", f"/key/{code}", bearer="sk-or-v1-new-key-0123456789")
                self.assertEqual(cm.exception.status, code)
                self.assertEqual([s[0] for s in Redirecting.seen], ["GET"], Redirecting.seen)


if __name__ == "__main__":
    unittest.main()
