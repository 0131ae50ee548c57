#!/bin/sh
# The directory walk and a directory swapped for a symlink between its stat and its open (staged
# every time by swap_shim.so, LD_PRELOADed into the scan only): the walk must not follow the symlink
# out of the tree into a directory holding a token, and must say it could not open the directory.
# Usage: cli_scan_race.sh SANCTUM FAKEGEN SHIM
set -eu
SANCTUM=$1
FAKEGEN=$2
SHIM=$3
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fail() { echo "FAIL: $*"; exit 1; }

mkdir -p "$T/tree/swapme" "$T/outside"
printf 'nothing here\n' >"$T/tree/swapme/readme"
printf 'TOKEN=%s\n' "$("$FAKEGEN" github-pat valid 21)" >"$T/outside/leak.env"
set +e
# verify_asan_link_order: the asan build's runtime need not come before the shim
LD_PRELOAD="$SHIM" SANCTUM_TEST_SWAP_TO="$T/outside" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
  "$SANCTUM" scan "$T/tree" >"$T/out" 2>"$T/err"
rc=$?
set -e
[ -L "$T/tree/swapme" ] || fail "the race was not staged (exit $rc): $(cat "$T/err")"
! grep -q 'leak.env' "$T/out" || fail "the walk followed the swapped-in symlink out of the tree: $(cat "$T/out")"
[ "$rc" = 2 ] && grep -q "cannot open directory '.*swapme'" "$T/err" || fail "no word about the swapped directory: exit $rc: $(cat "$T/err")"
echo "cli_scan_race: ok"

# The same swap after the walk listed the directory's files and before they are read: a file of the
# tree is opened one directory at a time (O_NOFOLLOW), so the scan does not read outside/leak.env as
# swaplate/leak.env.
mkdir -p "$T/tree2/swaplate" "$T/outside2"
printf 'nothing here\n' >"$T/tree2/swaplate/leak.env"
printf 'TOKEN=%s\n' "$("$FAKEGEN" github-pat valid 22)" >"$T/outside2/leak.env"
set +e
LD_PRELOAD="$SHIM" SANCTUM_TEST_SWAP_LATE_TO="$T/outside2" ASAN_OPTIONS="${ASAN_OPTIONS:-}:verify_asan_link_order=0" \
  "$SANCTUM" scan "$T/tree2" >"$T/out2" 2>"$T/err2"
rc=$?
set -e
[ -L "$T/tree2/swaplate" ] || fail "the late race was not staged (exit $rc): $(cat "$T/err2")"
! grep -q 'leak.env' "$T/out2" || fail "the scan read a file through the swapped-in symlink: $(cat "$T/out2")"
[ "$rc" = 2 ] && grep -q "swaplate/leak.env" "$T/err2" || fail "no word about the unreadable file: exit $rc: $(cat "$T/err2") $(cat "$T/out2")"
echo "cli_scan_race (late): ok"
