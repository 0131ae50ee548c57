#!/bin/sh
# The CLI under valgrind memcheck: no read of uninitialised memory (a struct_size left unset once made
# cmd_detect's input limit depend on stack garbage), no invalid access, no definite leak, on one run of
# each command that reads input. Skipped (exit 77) without valgrind.
set -u
S="$1"
command -v valgrind >/dev/null 2>&1 || { echo "valgrind not installed: skipped"; exit 77; }
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg"
unset HOME
fail() { echo "FAIL: $*"; cat "$T/vg" 2>/dev/null; exit 1; }
vg() { valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite "$@" 2>"$T/vg"; }
printf '{"messages":[{"role":"user","content":"Call Jane Roe at jane@example.com"}]}' >"$T/req.json"
vg "$S" detect "$T/req.json" >/dev/null
[ $? = 99 ] && fail "detect"
vg "$S" json validate "$T/req.json" >/dev/null
[ $? = 99 ] && fail "json validate"
vg "$S" anonymize --vault-out "$T/v" "$T/req.json" >"$T/a.json"
[ $? = 99 ] && fail "anonymize"
vg "$S" restore --vault "$T/v" "$T/a.json" >/dev/null
[ $? = 99 ] && fail "restore"
printf 'token = "%s"\n' "ghp_$(printf 'x%.0s' $(seq 1 36))" >"$T/f.txt"
vg "$S" scan -j 2 "$T/f.txt" >/dev/null
[ $? = 99 ] && fail "scan"
echo "cli_valgrind: ok"
