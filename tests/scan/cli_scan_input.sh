#!/bin/sh
# sanctum scan on inputs that used to be skipped without a word: a file with a NUL byte (skipped, but
# counted and named on stderr), UTF-16 LE/BE text with or without a BOM (scanned, offsets in the
# file's bytes), a token past 16 MiB and keyword-rule secrets at each window boundary (scanned in
# overlapping windows, found once); and --baseline: the text report's 16-digit fingerprints and whole text
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

# UTF-16 with characters of 2, 3 and 4 UTF-8 bytes (e acute, euro, an emoji pair) before the token
{ printf '\377\376\351\000\254\040\075\330\000\336\040\000'; printf 'key=%s\n' "$GH" | u16 le; } >"$T/in/wide.txt"
run "$SANCTUM" scan --format jsonl "$T/in/wide.txt"
[ "$rc" = 1 ] || fail "wide exit $rc: $(cat "$T/err")"
grep -q 'wide.txt","line":1,"column":9,"end_line":1,"end_column":49,"offset":20,"length":80,' "$T/out" ||
    fail "utf-16 offsets after multi-byte characters: $(cat "$T/out")"
# a 60 MiB UTF-16 file (sparse: U+0000 after a BOM and "a") with a token at 50 MiB, scanned within
# 244 MiB of address space: the transcoding holds no per-byte offset map (it took 450 MiB). Skipped
# where the binary cannot run under a limit (ASan reserves terabytes).
if (ulimit -v 250000 && "$SANCTUM" --version >/dev/null 2>&1); then
    printf '\377\376a\000' >"$T/in/w60.txt"
    truncate -s 60M "$T/in/w60.txt"
    printf '\nkey=%s\n' "$GH" | u16 le | dd of="$T/in/w60.txt" bs=1 seek=$((50 * 1048576)) conv=notrunc status=none
    set +e
    (ulimit -v 250000 && exec "$SANCTUM" scan -j 1 --format jsonl "$T/in/w60.txt") >"$T/out" 2>"$T/err"
    rc=$?
    set -e
    [ "$rc" = 1 ] || fail "60 MiB utf-16 exit $rc: $(cat "$T/err")"
    grep -q 'w60.txt","line":2,"column":5,"end_line":2,"end_column":45,"offset":52428810,"length":80,' "$T/out" ||
        fail "60 MiB utf-16: $(cat "$T/out")"
fi

# past 16 MiB: a token at 17.5 MB, each found once with its true line, column and offset
{ head -c 17500000 /dev/zero | tr '\0' 'x' | fold -w 99; echo; } >"$T/in/big.txt"
printf 'ab key=%s\n' "$GH" >>"$T/in/big.txt"
SZ=$(wc -c <"$T/in/big.txt")
LINES=$(wc -l <"$T/in/big.txt")
run "$SANCTUM" scan --format jsonl --no-redact "$T/in/big.txt"
[ "$rc" = 1 ] || fail "large file exit $rc: $(cat "$T/err")"
[ "$(grep -c '"rule":"github-pat"' "$T/out")" = 1 ] || fail "large-file findings (once): $(cat "$T/out")"
grep -q "big.txt\",\"line\":$LINES,\"column\":8,.*\"offset\":$((SZ - 41)),\"length\":40,\"secret\":\"$GH\"" "$T/out" ||
    fail "token past 16 MiB: $(cat "$T/out")"
# window boundaries (16 MiB windows, 10 MiB apart: the second starts at 10 MiB, ownership changes
# at 13 MiB, the first ends at 16 MiB; 15 MiB was the second window's start before): a keyword rule
# whose keyword is 8 bytes before each, its secret after; each found once. The file is sparse (NUL
# filler after an 8 KiB text head) so writing it costs nothing.
head -c 8192 /dev/zero | tr '\0' '\n' >"$T/in/edge.txt"
truncate -s 17M "$T/in/edge.txt"
for mib in 10 13 15 16; do
    printf '\npassword = "Xk9#mP2vL8qR4tZ7"\n' |
        dd of="$T/in/edge.txt" bs=1 seek=$((mib * 1048576 - 9)) conv=notrunc status=none
done
run "$SANCTUM" scan --format jsonl --no-redact "$T/in/edge.txt"
[ "$rc" = 1 ] || fail "edge exit $rc: $(cat "$T/err")"
[ "$(grep -c '"secret":"Xk9#mP2vL8qR4tZ7"' "$T/out")" = 4 ] || fail "boundary findings (each once): $(cat "$T/out")"
L=8194
for mib in 10 13 15 16; do
    grep -q "edge.txt\",\"line\":$L,\"column\":13,.*\"offset\":$((mib * 1048576 + 4)),\"length\":16," "$T/out" ||
        fail "keyword before the boundary at $mib MiB: $(cat "$T/out")"
    L=$((L + 2))
done
# one 25 MiB line (three windows), 4100 two-byte characters first (8 KiB of text: no NUL): the column of a secret in the
# last window counts code points across the windows (carried from window to window)
E=$(printf '\303\251')
i=0; while [ $i -lt 4100 ]; do printf '%s' "$E"; i=$((i + 1)); done >"$T/in/long.txt"
truncate -s 25M "$T/in/long.txt"
printf ' password = "Xk9#mP2vL8qR4tZ7"\n' >>"$T/in/long.txt"
P=$((25 * 1048576))
run "$SANCTUM" scan --format jsonl --no-redact "$T/in/long.txt"
[ "$rc" = 1 ] || fail "long line exit $rc: $(cat "$T/err")"
grep -q "long.txt\",\"line\":1,\"column\":$((P - 8200 + 4100 + 13 + 1)),.*\"offset\":$((P + 13)),\"length\":16," "$T/out" ||
    fail "column on a line across windows: $(cat "$T/out")"
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
# FIFOs and links inside a scanned tree: nothing blocks (open() of a FIFO waits for a writer), a FIFO
# or a symlinked .gitignore is not read, a FIFO named on the command line is skipped as not a regular
# file; the secret next to them is still found. timeout: a hang fails instead of stalling ctest.
if command -v mkfifo >/dev/null && command -v timeout >/dev/null; then
    mkdir -p "$T/ff/sub" "$T/ff/lnk"
    printf 'key=%s\n' "$GH" >"$T/ff/sub/a.env"
    mkfifo "$T/ff/pipe" "$T/ff/sub/.gitignore" "$T/ff/.sanctumignore"
    printf 'a.env\n' >"$T/ff/ign"
    ln -s ../ign "$T/ff/lnk/.gitignore"
    cp "$T/ff/sub/a.env" "$T/ff/lnk/a.env"
    run timeout 20 "$SANCTUM" scan --format jsonl "$T/ff"
    [ "$rc" = 1 ] || fail "tree with FIFOs exit $rc (124: hung): $(cat "$T/err")"
    [ "$(grep -c '"rule":"github-pat"' "$T/out")" = 2 ] || fail "tree with FIFOs findings: $(cat "$T/out")"
    run timeout 20 "$SANCTUM" scan "$T/ff/pipe"
    [ "$rc" = 0 ] || fail "FIFO argument exit $rc (124: hung)"
    grep -q 'pipe (not a regular file)' "$T/err" || fail "FIFO argument not reported as skipped: $(cat "$T/err")"
fi
# a symlink named on the command line is followed, as a symlinked directory named there is (only links
# inside a walked tree are not): `sanctum scan ~/.env` where ~/.env is a link, or /dev/stdin from a file
mkdir -p "$T/named"
printf 'key=%s\n' "$GH" >"$T/named/real.env"
ln -s real.env "$T/named/link.env"
run "$SANCTUM" scan "$T/named/link.env"
[ "$rc" = 1 ] && grep -q 'link.env:1:5: github-pat' "$T/out" || fail "named symlink to a file: $rc $(cat "$T/out" "$T/err")"
run sh -c 'exec "$1" scan /dev/stdin <"$2"' sh "$SANCTUM" "$T/named/real.env"
[ "$rc" = 1 ] || fail "/dev/stdin from a file: $rc $(cat "$T/err")"
# --output: the report (with --no-redact, whole secrets) is created 0600 whatever the umask
rm -f "$T/rep.jsonl"
run sh -c 'umask 022; exec "$@"' sh "$SANCTUM" scan --no-redact --format jsonl --output "$T/rep.jsonl" "$T/in/a.env"
[ "$rc" = 1 ] || fail "--output exit $rc: $(cat "$T/err")"
grep -q "$GH" "$T/rep.jsonl" || fail "--output report: $(cat "$T/rep.jsonl")"
[ "$(stat -c %a "$T/rep.jsonl")" = 600 ] || fail "--output report mode $(stat -c %a "$T/rep.jsonl"), not 600"
# a tree deeper than the walker goes: the part left out is named and the exit is 2, not a silent 0
D="$T/deep"
i=0
while [ $i -lt 258 ]; do D="$D/d"; i=$((i + 1)); done
mkdir -p "$D"
printf 'key=%s\n' "$GH" >"$D/a.env"
run "$SANCTUM" scan "$T/deep"
[ "$rc" = 2 ] || fail "too deep a tree exit $rc: $(cat "$T/err")"
grep -q "more than 256 directories deep, not scanned" "$T/err" || fail "depth limit not reported: $(cat "$T/err")"
# a file name with control bytes (a scanned tree chooses its names): the text report escapes them, so
# a name cannot send terminal escapes or split its line (which also broke the report as a baseline)
mkdir -p "$T/names"
NAME=$(printf 'x\033[2K\rhidden\nfake.txt:1:1: none\\z')
printf 'key=%s\n' "$GH" >"$T/names/$NAME"
run "$SANCTUM" scan "$T/names"
[ "$rc" = 1 ] || fail "control-byte name exit $rc: $(cat "$T/err")"
[ "$(wc -l <"$T/out")" = 1 ] || fail "control-byte name split the report line: $(cat "$T/out")"
tr -d '\n' <"$T/out" | LC_ALL=C grep -q "$(printf '[\001-\037\177]')" && fail "control bytes in the text report: $(od -c "$T/out")"
grep -q 'x\\x1B\[2K\\x0Dhidden\\x0Afake.txt:1:1: none\\\\z:1:5: github-pat' "$T/out" || fail "escaped name: $(cat "$T/out")"
cp "$T/out" "$T/names.txt"
run "$SANCTUM" scan --baseline "$T/names.txt" "$T/names"
[ "$rc" = 0 ] || fail "text report of a control-byte name as baseline: $rc $(cat "$T/err")"
# ... and so do the messages on stderr that name such a file
mkdir -p "$T/names2"
printf 'a\000b\n' >"$T/names2/$NAME"
run "$SANCTUM" scan "$T/names2"
[ "$rc" = 0 ] || fail "control-byte binary exit $rc"
LC_ALL=C grep -q "$(printf '[\001-\011\013-\037\177]')" "$T/err" && fail "control bytes on stderr: $(od -c "$T/err")"
grep -q 'x\\x1B\[2K\\x0Dhidden\\x0Afake.txt:1:1: none\\\\z (binary)' "$T/err" || fail "escaped name on stderr: $(cat "$T/err")"
# ... and so are bytes of no valid UTF-8 sequence (0x9B alone is CSI to an 8-bit terminal) and C1
# controls (U+009B), which went out raw; a name in valid UTF-8 stays as it is
mkdir -p "$T/names3"
printf 'key=%s\n' "$GH" >"$T/names3/$(printf 'a\233[2Jb\377')"
printf 'key=%s\n' "$GH" >"$T/names3/$(printf 'c\302\233[2Jd')"
printf 'key=%s\n' "$GH" >"$T/names3/$(printf 'caf\303\251')"
printf 'a\000b\n' >"$T/names3/$(printf 'e\377.bin')"
run "$SANCTUM" scan "$T/names3"
[ "$rc" = 1 ] || fail "non-UTF-8 names exit $rc: $(cat "$T/err")"
LC_ALL=C grep -q "$(printf '[\200-\237\377]')" "$T/out" && fail "raw C1 or non-UTF-8 bytes in the text report: $(od -c "$T/out")"
grep -q '^a\\x9B\[2Jb\\xFF:1:5: github-pat' "$T/out" || fail "non-UTF-8 name: $(cat "$T/out")"
grep -q '^c\\xC2\\x9B\[2Jd:1:5: github-pat' "$T/out" || fail "C1 name: $(cat "$T/out")"
grep -q "^$(printf 'caf\303\251'):1:5: github-pat" "$T/out" || fail "UTF-8 name changed: $(cat "$T/out")"
grep -q 'e\\xFF.bin (binary)' "$T/err" || fail "non-UTF-8 name on stderr: $(cat "$T/err")"
# a file that shrinks while it is scanned (a log rotated): reading past its new end used to kill the
# scan with SIGBUS (exit 135, no report at all); now that file is an error and the rest goes on. The
# file is sparse (a text head, then zeros); it is cut 0.2 s into the scan, tried up to 3 times in case
# a fast machine scans it all before that.
mkdir -p "$T/shrink"
printf 'key=%s\n' "$GH" >"$T/shrink/a.env"
ok=0
for attempt in 1 2 3; do
    head -c 8192 /dev/zero | tr '\0' '\n' >"$T/shrink/big.txt"
    truncate -s 256M "$T/shrink/big.txt"
    set +e
    "$SANCTUM" scan -j 1 "$T/shrink" >"$T/out" 2>"$T/err" &
    pid=$!
    sleep 0.2
    truncate -s 8192 "$T/shrink/big.txt"
    wait $pid
    rc=$?
    set -e
    [ "$rc" = 0 ] && continue # it was all read before the cut
    [ "$rc" = 2 ] || fail "file shrinking under the scan: exit $rc: $(cat "$T/err")"
    grep -q 'big.txt: the file shrank while it was scanned' "$T/err" || fail "shrunk file message: $(cat "$T/err")"
    grep -q 'a.env:1:5: github-pat' "$T/out" || fail "the other file's finding is missing: $(cat "$T/out")"
    ok=1
    break
done
[ "$ok" = 1 ] || fail "the file was never cut while scanned (machine too fast for this test?)"
# --max-file-size takes a positive number of bytes: not a negative one (strtoull wraps it to 2^64 - 1)
for bad in -1 " 5" 99999999999999999999999; do
    run "$SANCTUM" scan --max-file-size "$bad" "$T/in/a.env"
    [ "$rc" = 2 ] && grep -q 'max-file-size needs a positive number' "$T/err" || fail "--max-file-size '$bad' accepted: $rc"
done
# a /proc file reports size 0 but holds text: read up to the size cap, not taken as empty
# (/proc/self/status of the scan itself names it "sanctum"; a custom rule finds that line)
if [ -r /proc/self/status ]; then
    printf '[rule]\nid = proc-name\nregex = Name:\\s+sanctum\nkeywords = sanctum\n' >"$T/proc.rules"
    run "$SANCTUM" scan /proc/self/status --rules "$T/proc.rules" --no-builtin
    [ "$rc" = 1 ] && grep -q '^/proc/self/status:1:1: proc-name' "$T/out" || fail "/proc file scanned as empty: exit $rc: $(cat "$T/out") $(cat "$T/err")"
    run "$SANCTUM" scan /proc/self/status --rules "$T/proc.rules" --no-builtin --max-file-size 64
    [ "$rc" = 0 ] && grep -q '/proc/self/status (larger than the size cap (64 bytes))' "$T/err" ||
        fail "/proc file over the cap not named as skipped: exit $rc: $(cat "$T/err")"
fi
# a truly empty file is still fine
: >"$T/in/empty.txt"
run "$SANCTUM" scan "$T/in/empty.txt"
[ "$rc" = 0 ] && [ ! -s "$T/out" ] || fail "empty file: exit $rc"
# a nested .gitignore is anchored at its directory (each pattern grows by the directory's path): one of
# 60000 one-letter lines 3000 bytes deep grew to 180 MB (and minutes of matching); past the size bound it
# is not used, with a word, and its directory is scanned
D="$T/anchored"
seg=$(printf '%0200d' 0)
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do D="$D/$seg"; done
mkdir -p "$D"
"${PYTHON3:-python3}" -c 'import sys; open(sys.argv[1], "w").write("x\n" * 60000)' "$D/.gitignore"
printf 'TOKEN=%s\n' "$("$FAKEGEN" github-pat valid 23)" >"$D/x"
peak=$("${PYTHON3:-python3}" -c '
import resource, subprocess, sys
try:
    r = subprocess.run([sys.argv[1], "scan", sys.argv[2]], stdout=open(sys.argv[3], "w"), stderr=open(sys.argv[4], "w"),
                       timeout=60)
except subprocess.TimeoutExpired:
    sys.exit("timed out")
print(r.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)' "$SANCTUM" "$T/anchored" "$T/out" "$T/err")
rc=${peak% *}; mb=${peak#* }
[ "$mb" -lt 120 ] || fail "a deep .gitignore of 60000 patterns took $mb MB"
[ "$rc" = 1 ] && grep -q 'github-pat' "$T/out" && grep -q 'gitignore.*not used' "$T/err" ||
    fail "the oversized deep .gitignore: exit $rc ($peak), err $(tail -c 300 "$T/err")"
# an ignore pattern too costly to match against a deep path (a long wildcard run: pattern x path steps,
# a planted .gitignore stalled scans for minutes): the path is scanned, not ignored, even where an earlier
# pattern would ignore it (the safe direction), and the .gitignore is named once, its content never
D="$T/costly"
for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15; do D="$D/$seg"; done
mkdir -p "$D"
"${PYTHON3:-python3}" -c 'import sys; open(sys.argv[1], "w").write("*.env\n" + ("/**" + "?" * 2000 + "\n") * 20)' \
    "$T/costly/.gitignore"
printf 'TOKEN=%s\n' "$GH" >"$D/a.env"
printf 'TOKEN=%s\n' "$GH" >"$D/b.env"
printf 'TOKEN=%s\n' "$GH" >"$T/costly/shallow.env"
run timeout 60 "$SANCTUM" scan --format jsonl "$T/costly"
[ "$rc" = 1 ] || fail "costly .gitignore exit $rc (124: hung): $(tail -c 300 "$T/err")"
[ "$(grep -c '"rule":"github-pat"' "$T/out")" = 2 ] && grep -q 'a.env"' "$T/out" && grep -q 'b.env"' "$T/out" &&
    ! grep -q 'shallow.env' "$T/out" || fail "costly .gitignore findings: $(cat "$T/out")"
[ "$(grep -c "costly/.gitignore': an ignore pattern too costly to match" "$T/err")" = 1 ] ||
    fail "costly .gitignore not named once: $(tail -c 300 "$T/err")"
! grep -q '????' "$T/err" || fail "costly .gitignore content quoted"
echo "cli_scan_input: ok"
