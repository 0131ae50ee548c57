#!/bin/sh
# Proves scripts/abi-check can fail: builds copies of the library with deliberate header changes and
# checks the verdicts against the committed baseline:
#   struct member inserted (layout change)  -> FAIL
#   same change with the ABI major bumped   -> allowed
#   function removed                        -> FAIL
#   function added                          -> compatible
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
copy=$work/src
mkdir -p "$copy"
(cd "$src" && tar --exclude=./build --exclude=./.git -cf - .) | (cd "$copy" && tar -xf -)

build() {
  cmake -S "$copy" -B "$work/build" -DCMAKE_BUILD_TYPE=RelWithDebInfo -DSANCTUM_BUILD_TESTS=OFF \
    -DSANCTUM_BUILD_BENCH=OFF -DSANCTUM_WERROR=OFF >/dev/null
  cmake --build "$work/build" -j "$(nproc 2>/dev/null || echo 2)" --target sanctumcore >/dev/null
}
verdict() { # expected-exit description
  set +e
  out=$("$copy/scripts/abi-check" "$work/build/core/libsanctumcore.so" 2>&1)
  rc=$?
  set -e
  if [ "$rc" -ne "$1" ]; then
    echo "$out"
    echo "FAIL: $2: abi-check exited $rc, expected $1"
    exit 1
  fi
  echo "ok: $2 (abi-check exit $rc)"
}
header=$copy/core/include/sanctum.h
orig=$work/sanctum.h.orig
cp "$header" "$orig"

# 1. a member inserted in the middle of a public struct
sed -i 's/^    uint32_t max_depth;  /    uint32_t inserted_field;\n    uint32_t max_depth;  /' "$header"
grep -q inserted_field "$header" || { echo "FAIL: could not patch the header"; exit 1; }
build
verdict 1 "member inserted into sanctum_ctx_options"

# 2. the same change with the ABI major bumped
sed -i 's/^set(SANCTUM_ABI_MAJOR 1)/set(SANCTUM_ABI_MAJOR 2)/' "$copy/CMakeLists.txt"
build
verdict 0 "same change with SONAME bumped to .so.2"
sed -i 's/^set(SANCTUM_ABI_MAJOR 2)/set(SANCTUM_ABI_MAJOR 1)/' "$copy/CMakeLists.txt"
cp "$orig" "$header"

# 3. a function removed (renamed away)
grep -rl 'sanctum_wipe(' "$copy/core" | xargs sed -i 's/sanctum_wipe(/sanctum_wipe_renamed(/'
build
verdict 1 "sanctum_wipe removed"
grep -rl 'sanctum_wipe_renamed(' "$copy/core" | xargs sed -i 's/sanctum_wipe_renamed(/sanctum_wipe(/'
cp "$orig" "$header"

# 4. a function added
sed -i 's|^void sanctum_wipe(void \*ptr, size_t len);|void sanctum_wipe(void *ptr, size_t len);\nuint32_t sanctum_abi_probe_added(void);|' "$header"
printf '\nuint32_t sanctum_abi_probe_added(void)\n{\n    return 7;\n}\n' >>"$copy/core/src/version.c"
build
verdict 0 "function added"
echo "ok: abi-check fails on incompatible changes and passes compatible ones"
