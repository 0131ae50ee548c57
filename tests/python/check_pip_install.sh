#!/bin/sh
# check_pip_install.sh PYTHON BUILD_DIR: the package installs offline with pip into a fresh virtual
# environment (cffi from the interpreter's own site-packages) and works from outside the source tree.
set -eu
py=$1
build=$2
src=$(cd "$(dirname "$0")/../.." && pwd)
venv=$(mktemp -d)
trap 'rm -rf "$venv"' EXIT
"$py" -m venv --system-site-packages "$venv"
SANCTUM_BUILD_DIR="$build" "$venv/bin/python" -m pip install --no-build-isolation --no-index -q \
  "$src/bindings/python"
cd "$venv"
"$venv/bin/python" - <<'PY'
import sanctumcore, sanctumcore.proxy
with sanctumcore.Context() as ctx:
    assert ctx.stats()["current_blocks"] == 0
assert sanctumcore.abi_version() == 1
print("ok: installed with pip, sanctumcore", sanctumcore.version())
PY
