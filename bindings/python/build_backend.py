"""A minimal PEP 517 build backend: compiles the cffi extension (sanctumcore_build.py) and writes a wheel
(a zip with the package, the extension and a .dist-info) by hand. It needs nothing but cffi and the
stdlib, so `pip install --no-build-isolation` works offline on any python3 that has cffi."""
from __future__ import annotations

import base64
import hashlib
import os
import pathlib
import sys
import sysconfig
import tempfile
import zipfile

HERE = pathlib.Path(__file__).resolve().parent
NAME = "sanctumcore"
VERSION = "0.1.0"


def _tag() -> str:
    impl = f"cp{sys.version_info.major}{sys.version_info.minor}"
    plat = sysconfig.get_platform().replace("-", "_").replace(".", "_")
    return f"{impl}-{impl}-{plat}"


def _project() -> dict:
    import tomllib

    return tomllib.loads((HERE / "pyproject.toml").read_text()).get("project", {})


def _metadata() -> str:
    requires = "".join(f"Requires-Dist: {dep}\n" for dep in _project().get("dependencies", []))
    return (f"Metadata-Version: 2.1\nName: {NAME}\nVersion: {VERSION}\n"
            f"Summary: Python bindings for libsanctumcore\nRequires-Python: >=3.11\n{requires}")


def _entry_points() -> str:
    """The console scripts of pyproject.toml's [project.scripts], as a wheel's entry_points.txt."""
    scripts = _project().get("scripts", {})
    if not scripts:
        return ""
    return "[console_scripts]\n" + "".join(f"{name} = {target}\n" for name, target in sorted(scripts.items()))


def _record_line(arcname: str, data: bytes) -> str:
    digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
    return f"{arcname},sha256={digest},{len(data)}"


def get_requires_for_build_wheel(config_settings=None):
    return []


def get_requires_for_build_sdist(config_settings=None):
    return []


def prepare_metadata_for_build_wheel(metadata_directory, config_settings=None):
    dist = pathlib.Path(metadata_directory) / f"{NAME}-{VERSION}.dist-info"
    dist.mkdir(parents=True, exist_ok=True)
    (dist / "METADATA").write_text(_metadata())
    return dist.name


def build_wheel(wheel_directory, config_settings=None, metadata_directory=None):
    sys.path.insert(0, str(HERE))
    import sanctumcore_build

    files = {}
    for py in sorted((HERE / NAME).rglob("*.py")):
        files[py.relative_to(HERE).as_posix()] = py.read_bytes()
    with tempfile.TemporaryDirectory() as tmp:
        sanctumcore_build.ffibuilder.compile(tmpdir=tmp, verbose=False)
        for ext in pathlib.Path(tmp, NAME).glob("_native*.so"):
            files[f"{NAME}/{ext.name}"] = ext.read_bytes()
    if not any(name.endswith(".so") for name in files):
        raise RuntimeError("the cffi extension was not built")
    tag = _tag()
    dist = f"{NAME}-{VERSION}.dist-info"
    files[f"{dist}/METADATA"] = _metadata().encode()
    if _entry_points():
        files[f"{dist}/entry_points.txt"] = _entry_points().encode()
    files[f"{dist}/WHEEL"] = (f"Wheel-Version: 1.0\nGenerator: sanctumcore build_backend\n"
                              f"Root-Is-Purelib: false\nTag: {tag}\n").encode()
    record = [_record_line(name, data) for name, data in files.items()] + [f"{dist}/RECORD,,"]
    files[f"{dist}/RECORD"] = ("\n".join(record) + "\n").encode()
    wheel_name = f"{NAME}-{VERSION}-{tag}.whl"
    with zipfile.ZipFile(os.path.join(wheel_directory, wheel_name), "w", zipfile.ZIP_DEFLATED) as zf:
        for name, data in files.items():
            zf.writestr(name, data)
    return wheel_name


def build_sdist(sdist_directory, config_settings=None):
    raise NotImplementedError("sanctumcore is built from the repository; no sdist is published")
