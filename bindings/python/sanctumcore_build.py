"""cffi build script for the sanctumcore extension (API mode, out-of-line).

The declarations handed to cffi are the cdef region of core/include/sanctum.h, taken verbatim: the header
keeps that region free of macros and attributes for exactly this reason. API mode compiles a small C
extension that includes the real header, so the compiler checks every declaration against it, and links
libsanctumcore.a (position-independent) so the package needs no shared library at run time.

Paths come from the environment:
  SANCTUM_SOURCE_DIR  the repository root (default: two levels up from this file)
  SANCTUM_BUILD_DIR   a CMake build directory holding core/libsanctumcore.a (default: build/release)
"""
import os
import pathlib
import re
import shlex
import subprocess

from cffi import FFI

HERE = pathlib.Path(__file__).resolve().parent
SOURCE = pathlib.Path(os.environ.get("SANCTUM_SOURCE_DIR", HERE.parent.parent)).resolve()
BUILD = pathlib.Path(os.environ.get("SANCTUM_BUILD_DIR", SOURCE / "build" / "release")).resolve()
HEADER = SOURCE / "core" / "include" / "sanctum.h"


def cdef_region(text: str) -> str:
    match = re.search(r"/\* @cdef-begin \*/(.*?)/\* @cdef-end \*/", text, re.S)
    if match is None:
        raise SystemExit(f"{HEADER}: no @cdef-begin/@cdef-end region")
    return match.group(1)


def pkg_libs(*names: str) -> list:
    try:
        out = subprocess.run(["pkg-config", "--libs", *names], check=True, capture_output=True, text=True)
    except (OSError, subprocess.CalledProcessError):
        return ["-lsodium", "-lsqlite3", "-lpcre2-8"]
    return shlex.split(out.stdout)


ffibuilder = FFI()
ffibuilder.cdef(cdef_region(HEADER.read_text()))
ffibuilder.set_source(
    "sanctumcore._native",
    '#include "sanctum.h"\n',
    include_dirs=[str(HEADER.parent)],
    extra_objects=[str(BUILD / "core" / "libsanctumcore.a")],
    extra_link_args=pkg_libs("libsodium", "sqlite3", "libpcre2-8") + ["-lpthread"],
)

if __name__ == "__main__":
    import sys

    out = sys.argv[1] if len(sys.argv) > 1 else str(BUILD / "python")
    ffibuilder.compile(tmpdir=out, verbose=False)
