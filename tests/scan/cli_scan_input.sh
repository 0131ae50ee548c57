#!/bin/sh
# sanctum scan on inputs that used to be skipped without a word: a file with a NUL byte (skipped, but
# counted and named on stderr), UTF-16 LE/BE text with or without a BOM (scanned, offsets in the
# file's bytes), a token past 16 MiB and one across a window boundary (scanned in overlapping
# windows, found once); and --baseline: the text report's 16-digit fingerprints and whole text
# report lines work, a line that is none of the forms is exit 2 with its line number. Tokens FAKE.
set -eu
SANCTUM=$1
FAKEGEN=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
mkdir -p "$HOME" "$T/in"
fail() { echo "FAIL: $*"; exit 1; }
run() { set +e; "$@" >"$T/out" 2>"$T/err"; rc=$?; set -e; }
u16() { # ENCODING: stdin as UTF-16 (LE or BE) without a BOM, no iconv needed
    od -An -v -tx1 | tr -s ' \n' '\n\n' | grep . | while read -r h; do
        if [ "$1" = le ]; then printf "\\$(printf %03o 0x$h)\\000"; else printf "\\000\\$(printf %03o 0x$h)"; fi
    done
}

GH=$("$FAKEGEN" github-pat valid 21)

# a NUL byte: skipped as binary, and said so
printf 'a\000b\nkey=%s\n' "$GH" >"$T/in/nul.txt"
run "$SANCTUM" scan "$T/in/nul.txt"
[ "$rc" = 0 ] || fail "nul file exit $rc"
grep -q '^sanctum scan: 0 files scanned, 1 binary or too large (not scanned): .*nul.txt (binary)$' "$T/err" ||
    fail "no skipped summary: $(cat "$T/err")"

# UTF-16: LE without a BOM (CRLF), BOM + LE, BE without a BOM
printf 'line1\r\nkey=%s\r\n' "$GH" | u16 le >"$T/in/le.txt"
{ printf '\377\376'; printf 'x\nkey=%s\n' "$GH" | u16 le; } >"$T/in/bom.txt"
printf 'key=%s\n' "$GH" | u16 be >"$T/in/be.txt"
run "$SANCTUM" scan --format jsonl "$T/in/le.txt" "$T/in/bom.txt" "$T/in/be.txt"
[ "$rc" = 1 ] || fail "utf-16 exit $rc: $(cat "$T/err")"
[ "$(grep -c '"rule":"github-pat"' "$T/out")" = 3 ] || fail "utf-16 findings: $(cat "$T/out")"
grep -q 'le.txt","line":2,"column":5,"end_line":2,"end_column":45,"offset":22,"length":80,' "$T/out" ||
    fail "utf-16le offsets: $(cat "$T/out")"
grep -q 'bom.txt","line":2,"column":5,.*"offset":14,"length":80,' "$T/out" || fail "bom offsets: $(cat "$T/out")"
grep -q 'be.txt","line":1,"column":5,.*"offset":8,"length":80,' "$T/out" || fail "utf-16be offsets: $(cat "$T/out")"
[ ! -s "$T/err" ] || fail "utf-16 files reported as skipped: $(cat "$T/err")"

# past 16 MiB: a token at 17.5 MB; a token across the first window's end (15 MiB = the second
# window's start); each found once with its true line, column and offset
{ head -c 17500000 /dev/zero | tr '\0' 'x' | fold -w 99; echo; } >"$T/in/big.txt"
printf 'ab key=%s\n' "$GH" >>"$T/in/big.txt"
SZ=$(wc -c <"$T/in/big.txt")
LINES=$(wc -l <"$T/in/big.txt")
{ head -c $((15 * 1048576 - 10)) /dev/zero | tr '\0' 'y'; printf ' %s end\n' "$GH"; } >"$T/in/edge.txt"
run "$SANCTUM" scan --format jsonl --no-redact "$T/in/big.txt" "$T/in/edge.txt"
[ "$rc" = 1 ] || fail "large files exit $rc: $(cat "$T/err")"
[ "$(grep -c '"rule":"github-pat"' "$T/out")" = 2 ] || fail "large-file findings (each once): $(cat "$T/out")"
grep -q "big.txt\",\"line\":$LINES,\"column\":8,.*\"offset\":$((SZ - 41)),\"length\":40,\"secret\":\"$GH\"" "$T/out" ||
    fail "token past 16 MiB: $(cat "$T/out")"
grep -q "edge.txt\",\"line\":1,\"column\":$((15 * 1048576 - 8)),.*\"offset\":$((15 * 1048576 - 9)),\"length\":40,\"secret\":\"$GH\"" "$T/out" ||
    fail "token across a window boundary: $(cat "$T/out")"
# an explicit cap skips, and says so
run "$SANCTUM" scan --max-file-size 1000000 "$T/in/big.txt"
[ "$rc" = 0 ] && grep -q '1 binary or too large (not scanned): .*big.txt (larger than the size cap (1000000 bytes))' "$T/err" ||
    fail "size cap: $rc $(cat "$T/err")"

# baselines
printf 'key=%s\n' "$GH" >"$T/in/a.env"
run "$SANCTUM" scan "$T/in/a.env"
[ "$rc" = 1 ] || fail "a.env exit $rc"
cp "$T/out" "$T/report.txt"
FP16=$(sed -n 's/.*(fingerprint \([0-9a-f]\{16\}\))$/\1/p' "$T/report.txt")
[ ${#FP16} = 16 ] || fail "no fingerprint in the text report: $(cat "$T/report.txt")"
printf '# known\n\n%s\n' "$FP16" >"$T/b16"
run "$SANCTUM" scan --baseline "$T/b16" "$T/in/a.env"
[ "$rc" = 0 ] && [ ! -s "$T/out" ] || fail "16-digit fingerprint baseline: $rc $(cat "$T/out" "$T/err")"
run "$SANCTUM" scan --baseline "$T/report.txt" "$T/in/a.env"
[ "$rc" = 0 ] || fail "text report as baseline: $rc $(cat "$T/out" "$T/err")"
printf '%s\nthis is not a fingerprint\n' "$FP16" >"$T/garbage"
run "$SANCTUM" scan --baseline "$T/garbage" "$T/in/a.env"
[ "$rc" = 2 ] || fail "garbage baseline exit $rc"
grep -q "garbage: baseline line 2: expected a fingerprint" "$T/err" || fail "garbage message: $(cat "$T/err")"
run "$SANCTUM" scan --format jsonl "$T/in/a.env"
{ cat "$T/out"; printf '{"rule":\n'; } >"$T/bad.jsonl"
run "$SANCTUM" scan --baseline "$T/bad.jsonl" "$T/in/a.env"
[ "$rc" = 2 ] && grep -q "baseline line 2: not a line of a JSON report" "$T/err" || fail "bad JSON lines: $rc $(cat "$T/err")"
echo "cli_scan_input: ok"
