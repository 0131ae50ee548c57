#!/bin/sh
# check_install.sh BUILD_DIR CONSUMER_C: install to a scratch prefix, build a consumer with
# pkg-config alone, run it against the installed shared library.
set -eu
build=$1
src=$2
prefix=$(mktemp -d)
trap 'rm -rf "$prefix"' EXIT
cmake --install "$build" --prefix "$prefix" >/dev/null
pc=$(find "$prefix" -name sanctumcore.pc | head -n 1)
[ -n "$pc" ] || { echo "FAIL: no sanctumcore.pc installed"; exit 1; }
for f in include/sanctum.h bin/sanctum; do
  [ -e "$prefix/$f" ] || { echo "FAIL: $f not installed"; exit 1; }
done
ls "$(dirname "$(dirname "$pc")")"/libsanctumcore.a >/dev/null
export PKG_CONFIG_PATH="$(dirname "$pc")"
cc -std=c11 -Wall -Werror ${CONSUMER_CFLAGS:-} "$src" $(pkg-config --cflags --libs sanctumcore) -o "$prefix/consumer"
LD_LIBRARY_PATH="$(pkg-config --variable=libdir sanctumcore)" "$prefix/consumer"
"$prefix/bin/sanctum" version >/dev/null
echo "ok: installed under a scratch prefix; pkg-config consumer built and ran"
