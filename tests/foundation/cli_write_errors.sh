#!/bin/sh
# cli_write_errors.sh SANCTUM: output that cannot be written (/dev/full) is an error for every
# command that prints to stdout: exit 2 and a message, never exit 0 with the results lost.
set -u
S=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
[ -w /dev/full ] || { echo "SKIP: no /dev/full"; exit 0; }
printf '{"messages":[{"role":"user","content":"Call Jane Roe at jane.roe@example.com."}]}\n' >"$T/chat.json"
printf 'Call Jane Roe at jane.roe@example.com.\n' >"$T/in.txt"
full() {
    what=$1; shift
    "$@" >/dev/full 2>"$T/err" </dev/null
    rc=$?
    if [ $rc -eq 2 ] && grep -q 'write error' "$T/err" && ! grep -q 'jane' "$T/err"; then ok "$what"
    else bad "$what: exit $rc: $(cat "$T/err")"; fi
}
full "version" "$S" version
full "--help" "$S" --help
full "json validate --help" "$S" json validate --help
full "json texts" "$S" json texts "$T/chat.json"
full "detect" "$S" detect "$T/in.txt"
full "anonymize" "$S" anonymize "$T/chat.json" --vault-out "$T/vault"
full "restore" "$S" restore "$T/in.txt" --vault "$T/vault"
"$S" ledger --db "$T/l.db" --key-file "$T/l.key" add db-password --provider postgres --max-age-days 90 \
    >/dev/null 2>&1 </dev/null || bad "ledger add"
full "ledger list" "$S" ledger --db "$T/l.db" --key-file "$T/l.key" list
echo "$fails failed"
[ $fails -eq 0 ]
