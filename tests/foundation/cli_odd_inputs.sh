#!/bin/sh
# cli_odd_inputs.sh SANCTUM: inputs nobody meant to give (a directory, a symlink loop, a missing file,
# closed stdin, binary and invalid UTF-8 bytes, an empty file, an unwritable key directory): each is
# a clear message naming the path (never the input's bytes) and exit 2 (1 for JSON that does not
# validate), never a crash.
set -u
S=$1
T=$(mktemp -d)
trap 'chmod -R u+w "$T" 2>/dev/null; rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
# expect WANT_RC PATTERN WHAT CMD...: exit WANT_RC, PATTERN (grep -E) on stderr, no planted value there
expect() {
    want=$1 pat=$2 what=$3; shift 3
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    if [ $rc -ne "$want" ]; then bad "$what: exit $rc, want $want: $(cat "$T/err")"
    elif ! grep -Eq "$pat" "$T/err"; then bad "$what: stderr lacks /$pat/: $(cat "$T/err")"
    elif grep -q 'jane' "$T/err"; then bad "$what: stderr quotes the input: $(cat "$T/err")"
    else ok "$what"; fi
}
mkdir "$T/dir"
ln -s "$T/loop1" "$T/loop2"
ln -s "$T/loop2" "$T/loop1"
: >"$T/empty"
printf '{"messages":[{"role":"user","content":"jane.roe@example.com \377 jane"}]}' >"$T/bad-utf8.json"
printf 'jane.roe@example.com\000\001\002\377\376jane' >"$T/binary"
for c in "json validate" "json texts" "detect" "anonymize"; do
    # shellcheck disable=SC2086 # the command is two words
    expect 2 "cannot read '$T/dir': Is a directory" "$c on a directory" "$S" $c "$T/dir"
    expect 2 "cannot open '$T/loop1': Too many levels" "$c on a symlink loop" "$S" $c "$T/loop1"
    expect 2 "cannot open '$T/missing': No such file" "$c on a missing file" "$S" $c "$T/missing"
done
expect 1 "offset 0: unexpected end of input" "json validate on an empty file" "$S" json validate "$T/empty"
expect 1 "offset [0-9]+: invalid UTF-8" "json validate on invalid UTF-8" "$S" json validate "$T/bad-utf8.json"
expect 2 "offset [0-9]+: invalid UTF-8" "anonymize on invalid UTF-8" "$S" anonymize "$T/bad-utf8.json" --vault-out "$T/v"
expect 2 "offset [0-9]+: invalid UTF-8" "detect on binary" "$S" detect "$T/binary"
# stdin closed, not merely empty
"$S" detect - >"$T/out" 2>"$T/err" <&-
rc=$?
[ $rc -eq 2 ] && grep -q "cannot read '-'" "$T/err" && ok "detect with stdin closed" \
    || bad "detect with stdin closed: exit $rc: $(cat "$T/err")"
# a key file whose directory cannot be made says where and why
printf '{"messages":[{"role":"user","content":"hi"}]}' >"$T/chat.json"
# (/proc refuses new directories: the key file cannot be opened, and its directory cannot be made)
expect 2 "directory of key file /proc/self/no-such-dir/k: " "anonymize, key directory not creatable" \
    "$S" anonymize "$T/chat.json" --vault-out "$T/v2" --key-file /proc/self/no-such-dir/k
# numbers strtoull would bend: "-5" is 2^64 - 5, an overflow saturates
printf 'hello\n' >"$T/a.txt"
expect 2 "max-file-size needs a positive number" "scan --max-file-size -5" "$S" scan --max-file-size -5 "$T/a.txt"
expect 2 "max-file-size needs a positive number" "scan --max-file-size overflow" \
    "$S" scan --max-file-size 99999999999999999999999 "$T/a.txt"
"$S" ledger --db "$T/l.db" add db-password --provider postgres --max-age-days 90 >/dev/null 2>&1 </dev/null
expect 2 "expect is COUNT:HEAD" "ledger audit verify --expect -1:..." \
    "$S" ledger --db "$T/l.db" audit verify --expect "-1:$(printf '%064d' 0)"
echo "$fails failed"
[ $fails -eq 0 ]
