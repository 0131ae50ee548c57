#!/bin/sh
# Checks that the PII detector of this tree gives exactly the output of another commit (default: where
# this branch left main, `git merge-base HEAD main`):
# every entity and rejected candidate (type, recognizer, span, score, evidence) over the evaluation files
# (except the blind sets holdout20.txt, holdout21.txt and holdout22.txt, never read), bench_pii's plain lines and the docs.
#
#   tools/pii_same/compare.sh [REF] [FILE...]
#
# Builds libsanctumcore.a of REF from `git archive` in a temporary directory (release preset, ccache if
# the environment sets it up), and this tree's with `cmake --build build/release`. Exit 0 when identical.
set -eu
root=$(cd "$(dirname "$0")/../.." && pwd)
ref=${1:-$(git -C "$root" merge-base HEAD main)}
[ $# -gt 0 ] && shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
git -C "$root" archive "$ref" | tar -x -C "$tmp"
(cd "$tmp" && cmake --preset release >/dev/null && cmake --build build/release -j2 --target sanctumcore_static >/dev/null)
(cd "$root" && cmake --build build/release -j2 --target sanctumcore_static >/dev/null)
for side in ref new; do
    dir=$tmp; [ $side = new ] && dir=$root
    cc -O2 -o "$tmp/dump_$side" "$root/tools/pii_same/pii_dump.c" -I"$dir/core/include" \
        "$dir/build/release/core/libsanctumcore.a" -lsodium -lm -lpthread
done
sed -n '/PLAIN\[\] = {/,/^};/p' "$root/bench/pii/bench_pii.c" | sed -n 's/^    "\(.*\)",$/\1/p' > "$tmp/plain.txt"
if [ $# -eq 0 ]; then
    set -- $(ls "$root"/tests/pii/eval/*.txt | grep -Ev '/holdout2[0-2]\.txt$') "$tmp/plain.txt" "$root"/docs/*.md
fi
"$tmp/dump_ref" "$@" > "$tmp/ref.out"
"$tmp/dump_new" "$@" > "$tmp/new.out"
if cmp -s "$tmp/ref.out" "$tmp/new.out"; then
    echo "same output as $ref: $(wc -l < "$tmp/new.out") lines"
else
    echo "output differs from $ref:"
    diff "$tmp/ref.out" "$tmp/new.out" | head -40
    exit 1
fi
