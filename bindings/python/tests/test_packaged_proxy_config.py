"""The sample /etc/sanctum/proxy.toml the Debian package installs (packaging/examples/proxy.toml) loads
as shipped, and its commented [presidio] table, uncommented as README.Debian says, gives the installed
service Presidio's two listeners: a user replacing the Presidio containers on a Debian machine finds
how in the files the package gave them."""
import pathlib
import tomllib
import unittest

from sanctumcore.proxy import config

ROOT = pathlib.Path(__file__).resolve().parents[3]
SAMPLE = ROOT / "packaging" / "examples" / "proxy.toml"
README_DEBIAN = ROOT / "packaging" / "debian" / "sanctum.README.Debian"


def uncomment_presidio(text: str) -> str:
    """The sample with its '# [presidio]' block (up to the next blank line) uncommented."""
    out, inside = [], False
    for line in text.splitlines():
        if line.startswith("# [presidio]"):
            inside = True
        elif not line.strip():
            inside = False
        out.append(line[2:] if inside and line.startswith("# ") else line)
    return "\n".join(out) + "\n"


class PackagedProxyConfigTest(unittest.TestCase):
    def test_sample_loads_as_shipped(self):
        cfg = config.load(str(SAMPLE))
        self.assertEqual([r.name for r in cfg.routes], ["openrouter"])
        self.assertEqual(cfg.presidio, {})

    def test_presidio_block_uncommented_gives_presidio_listeners(self):
        text = SAMPLE.read_text()
        self.assertIn("# [presidio]", text, "the sample config shows no [presidio] table")
        cfg = config.from_dict(tomllib.loads(uncomment_presidio(text)), "proxy.toml")
        self.assertEqual(cfg.presidio.get("analyzer"), "127.0.0.1:5002")
        self.assertEqual(cfg.presidio.get("anonymizer"), "127.0.0.1:5001")
        self.assertEqual([r.name for r in cfg.routes], ["openrouter"])

    def test_readme_debian_says_how(self):
        text = README_DEBIAN.read_text()
        self.assertIn("[presidio]", text)
        self.assertIn("5002", text)


if __name__ == "__main__":
    unittest.main()
