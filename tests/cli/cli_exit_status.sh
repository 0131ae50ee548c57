#!/bin/sh
# Each input-reading command's --help (and so its man page, made from it) states its exit status, and
# the command exits as stated: detect 0 whether or not it found anything (a script must not read 1 as
# "found"), anonymize and restore 0 done, 2 on error; detect --jsonl answers every line, then exits 2
# when one was refused.
set -u
S="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fail=0
bad() { echo "FAIL: $*"; fail=1; }
expect() { # WANT DESCRIPTION COMMAND...: the command's exit status is WANT
    want=$1 desc=$2
    shift 2
    "$@" >"$T/out" 2>"$T/err"
    got=$?
    [ "$got" = "$want" ] || bad "$desc: exit $got, not $want: $(cat "$T/err")"
}
for c in detect anonymize restore json scan; do
    "$S" "$c" --help 2>&1 | grep -qi 'exit status\|^validate *exit 0' || bad "sanctum $c --help does not state its exit status"
done
"$S" detect --help | grep -q 'Exit status: 0 .*found or not.*2 error' || bad "detect --help: $("$S" detect --help | grep -i exit)"
printf 'Mail john@example.com\n' >"$T/pii.txt"
printf 'no personal data here\n' >"$T/none.txt"
printf 'bad \377 byte\n' >"$T/bad.txt"
expect 0 "detect with a finding" "$S" detect "$T/pii.txt"
grep -q EMAIL_ADDRESS "$T/out" || bad "detect found nothing: $(cat "$T/out")"
expect 0 "detect without a finding" "$S" detect "$T/none.txt"
expect 2 "detect on invalid UTF-8" "$S" detect "$T/bad.txt"
printf '{"text":"a@b.co"}\nnot json\n{"text":"c@d.co"}\n' >"$T/lines.jsonl"
expect 2 "detect --jsonl with a bad line" "$S" detect --jsonl "$T/lines.jsonl"
[ "$(grep -c EMAIL_ADDRESS "$T/out")" = 2 ] || bad "detect --jsonl stopped at the bad line: $(cat "$T/out")"
expect 0 "anonymize" "$S" anonymize "$T/pii.txt" --vault-out "$T/v"
expect 2 "anonymize on invalid UTF-8" "$S" anonymize "$T/bad.txt" --vault-out "$T/v2"
[ -e "$T/v2" ] && bad "anonymize wrote a vault for refused input"
printf 'Hi <EMAIL_ADDRESS_1> <PERSON_7>\n' >"$T/answer.txt"
expect 0 "restore (one unknown placeholder)" "$S" restore "$T/answer.txt" --vault "$T/v"
expect 2 "restore with no vault" "$S" restore "$T/answer.txt" --vault "$T/missing"
printf 'data: {"a":1}\n\ndata: {"a"' >"$T/cut.sse"
expect 2 "restore --stream of a cut stream" "$S" restore --stream "$T/cut.sse" --vault "$T/v"
[ "$fail" = 0 ] && echo "ok: exit statuses as --help states"
exit "$fail"
