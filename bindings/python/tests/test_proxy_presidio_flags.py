"""sanctum-proxy takes the Presidio anonymizer's options the README shows beside --presidio-anonymizer:
--default-operator and --vault-key-file, with the effect `python3 -m sanctumcore.presidio` gives them."""
import base64
import contextlib
import io
import json
import os
import socket
import tempfile
import unittest
import urllib.request

from sanctumcore.proxy import ProxyThread
from sanctumcore.proxy.__main__ import build_config, main, parser


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class PresidioOptionFlags(unittest.TestCase):
    def test_vault_key_file_mode_format_and_errors(self):
        # the key sealing mappings of personal data was read from a 0644 file; a missing one said only
        # "error: No such file or directory"; sanctum's own vault.key (64 hex digits) was "not 32 bytes"
        from sanctumcore.presidio.server import ConfigError, PresidioConfig
        with tempfile.TemporaryDirectory() as d:
            raw, hexed, shared = (os.path.join(d, n) for n in ("raw.key", "hex.key", "shared.key"))
            key = os.urandom(32)
            for path, data, mode in ((raw, key, 0o600), (hexed, key.hex().encode() + b"\n", 0o600),
                                     (shared, key, 0o644)):
                with open(path, "wb") as f:
                    f.write(data)
                os.chmod(path, mode)
            self.assertEqual(PresidioConfig(anonymizer="127.0.0.1:1", vault_key_file=raw).vault_key(), key)
            self.assertEqual(PresidioConfig(anonymizer="127.0.0.1:1", vault_key_file=hexed).vault_key(), key)
            for path, needle in ((shared, f"vault_key_file {shared} is readable by group or others"),
                                 (os.path.join(d, "missing"), "missing: No such file or directory")):
                with self.subTest(path=path), self.assertRaises(ConfigError) as cm:
                    PresidioConfig(anonymizer="127.0.0.1:1", vault_key_file=path).vault_key()
                self.assertIn(needle, str(cm.exception))

    def test_readme_command_line_is_accepted_and_applied(self):
        with tempfile.TemporaryDirectory() as d:
            key_file = os.path.join(d, "vault.key")
            with open(key_file, "wb") as f:
                f.write(bytes(range(32)))
            os.chmod(key_file, 0o600)
            an, proxy_port = free_port(), free_port()
            cfg = build_config(parser().parse_args([
                "--listen", f"127.0.0.1:{proxy_port}", "--presidio-anonymizer", f"127.0.0.1:{an}",
                "--default-operator", "sanctum", "--vault-key-file", key_file]))
            self.assertEqual(cfg.presidio["default_operator"], "sanctum")
            self.assertEqual(cfg.presidio["vault_key_file"], key_file)
            proxy = ProxyThread(cfg)
            try:
                text = "mail jane.doe@example.com"
                body = {"text": text, "analyzer_results": [
                    {"entity_type": "EMAIL_ADDRESS", "start": 5, "end": 25, "score": 1.0}]}  # no anonymizers
                req = urllib.request.Request(f"http://127.0.0.1:{an}/anonymize", method="POST",
                                             data=json.dumps(body).encode(),
                                             headers={"Content-Type": "application/json"})
                with urllib.request.urlopen(req, timeout=10) as r:
                    out = json.loads(r.read())
            finally:
                proxy.close()
        self.assertEqual(out["text"], "mail <EMAIL_ADDRESS_1>")  # the default operator is sanctum
        from sanctumcore._core import Context
        from sanctumcore.session import Session
        session = Session.open_sealed(Context(), bytes(range(32)), base64.b64decode(out["sanctum_mapping"]))
        try:  # sealed under the key file's key
            self.assertEqual(session.restore_text(out["text"]), text)
        finally:
            session.close()

    def test_misuse_is_a_clear_error(self):
        for argv in (["--presidio-analyzer", "127.0.0.1:5002", "--default-operator", "sanctum"],
                     ["--upstream", "http://127.0.0.1:9/v1", "--policy", "pass", "--vault-key-file", "k"]):
            err = io.StringIO()
            with contextlib.redirect_stderr(err):
                self.assertEqual(main(argv), 2)
            self.assertIn("give --presidio-anonymizer", err.getvalue())
        with contextlib.redirect_stderr(io.StringIO()), self.assertRaises(SystemExit):
            parser().parse_args(["--presidio-anonymizer", "127.0.0.1:5001", "--default-operator", "mask"])


if __name__ == "__main__":
    unittest.main()
