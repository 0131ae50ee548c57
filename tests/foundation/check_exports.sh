#!/bin/sh
# check_exports.sh LIB EXPORT_DIR: the shared library's defined dynamic symbols must all be sanctum_*
# and equal the union of the committed lists EXPORT_DIR/*.txt (one symbol per line, '#' comments).
set -eu
lib=$1
dir=$2
actual=$(mktemp)
expected=$(mktemp)
trap 'rm -f "$actual" "$expected"' EXIT
nm -D --defined-only "$lib" | awk '$2 ~ /^[TDRBVW]$/ {print $3}' | sed 's/@.*//' | sort -u >"$actual"
cat "$dir"/*.txt | sed 's/#.*//; s/[[:space:]]//g' | grep -v '^$' | sort -u >"$expected"
status=0
if grep -v '^sanctum_' "$actual"; then
  echo "FAIL: symbols above are exported but not sanctum_-prefixed"
  status=1
fi
if ! diff -u "$expected" "$actual"; then
  echo "FAIL: exported symbols differ from $dir/*.txt (- listed only, + exported only)"
  status=1
fi
[ $status -eq 0 ] && echo "ok: $(wc -l <"$actual") exported symbols, all sanctum_*, all listed"
exit $status
