#!/bin/sh
# A usage error says what was wrong in its first line, then the command's usage lines and where the rest
# is: not the whole --help (sanctum scan printed its 30 lines of options after every mistyped option,
# burying the one line that mattered). Exit 2 for each command; the bad option's value is never echoed.
set -u
S="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fail=0
for c in json detect anonymize restore scan ledger version; do
    sub=$c
    [ "$c" = json ] && sub="json validate"
    # shellcheck disable=SC2086
    "$S" $sub --no-such-option=SECRETVALUE >"$T/out" 2>"$T/err"
    rc=$?
    [ "$rc" = 2 ] || { echo "FAIL: $c: exit $rc"; fail=1; }
    head -n1 "$T/err" | grep -q "^sanctum $sub: unknown option '--no-such-option'$" ||
        { echo "FAIL: $c: first line: $(head -n1 "$T/err")"; fail=1; }
    grep -q "^usage: sanctum $c" "$T/err" || { echo "FAIL: $c: no usage line: $(cat "$T/err")"; fail=1; }
    grep -q SECRETVALUE "$T/err" && { echo "FAIL: $c: the option's value was echoed"; fail=1; }
    n=$(wc -l <"$T/err")
    [ "$n" -le 16 ] || { echo "FAIL: $c: $n lines of stderr for one wrong option"; fail=1; }
done
"$S" scan --format xml >"$T/out" 2>"$T/err"
[ "$(wc -l <"$T/err")" -le 4 ] || { echo "FAIL: scan --format xml: $(wc -l <"$T/err") lines: $(cat "$T/err")"; fail=1; }
grep -q "sanctum scan --help" "$T/err" || { echo "FAIL: scan usage error does not point to --help"; fail=1; }
[ "$fail" = 0 ] && echo "ok: usage errors are short"
exit "$fail"
