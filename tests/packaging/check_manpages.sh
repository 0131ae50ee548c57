#!/bin/sh
# check_manpages.sh SANCTUM: packaging/man/gen-manpages makes sanctum(1) and one page per command that
# `sanctum --help` lists, each rendering with its NAME line, and sanctum(1) points to every one.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$src/packaging/man/gen-manpages" cli "$1" "$work/man1" 0.0.0-test
fail=0
cmds=$("$1" --help | awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1}')
[ -n "$cmds" ] || { echo "FAIL: no commands in sanctum --help"; exit 1; }
for page in sanctum $(for c in $cmds; do echo "sanctum-$c"; done); do
  f="$work/man1/$page.1"
  if [ ! -s "$f" ]; then echo "FAIL: $page.1 not generated"; fail=1; continue; fi
  MANWIDTH=100 MANPAGER=cat man -l "$f" >"$work/out" 2>&1
  grep -q "^ *$page  *- " "$work/out" || { echo "FAIL: $page.1 has no NAME line"; fail=1; }
  grep -q "OPTIONS\|DESCRIPTION" "$work/out" || { echo "FAIL: $page.1 has no body"; fail=1; }
done
# Each page shows its --help as written: every line of it, its line breaks and indentation kept (help2man
# read indented lines as headings and definition lists, and filled the rest into paragraphs: the
# continuation lines of a usage became paragraphs, `json texts` a section heading).
for c in "" $cmds; do
  page=sanctum${c:+-$c}
  # shellcheck disable=SC2086
  "$1" $c --help 2>&1 | sed 's/[[:space:]]*$//' | grep . >"$work/help"
  LC_ALL=C MANWIDTH=200 MANPAGER=cat man -l "$work/man1/$page.1" 2>/dev/null | sed 's/[[:space:]]*$//' >"$work/rendered"
  # the help's own indentation, relative to its first line's, survives rendering
  indent=$(sed -n "/$(head -n1 "$work/help" | sed 's/[][\\/.*^$]/\\&/g')/{s/[^ ].*//p;q}" "$work/rendered" | wc -c)
  cut -c"$indent"- "$work/rendered" >"$work/shifted"
  missing=$(grep -vxFf "$work/shifted" "$work/help" | head -n 3)
  [ -z "$missing" ] || { echo "FAIL: $page.1 does not show these --help lines as written: $missing"; fail=1; }
done
for c in $cmds; do
  grep -q "^\\.BR sanctum-$c (1)" "$work/man1/sanctum.1" || { echo "FAIL: sanctum(1) does not refer to sanctum-$c(1)"; fail=1; }
done
# A doc a page sends the reader to is installed with the package (/usr/share/doc/sanctum).
for d in $(cat "$work"/man1/*.1 | grep -o 'docs/[a-z_]*\.md' | sort -u); do
  grep -qx "$d" "$src/packaging/debian/sanctum.docs" ||
    { echo "FAIL: a man page names $d, which packaging/debian/sanctum.docs does not install"; fail=1; }
done
extra=$(ls "$work/man1" | grep -cv '^sanctum' || true)
[ "$extra" -eq 0 ] || { echo "FAIL: unexpected pages"; fail=1; }
[ "$fail" -eq 0 ] && echo "ok: $(ls "$work/man1" | wc -l) man pages (sanctum and $(echo $cmds | wc -w) commands)"
exit "$fail"
