#!/bin/sh
# cli_options.sh SANCTUM: every command and subcommand, on input it accepts, refuses an option of
# another command with exit 2 and a usage line (and does nothing); repeated, unknown and malformed
# options are refused the same way; --help exits 0 everywhere.
set -u
S=$1
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home"
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }

# refused WHAT CMD...: exit 2, a usage line on stderr, nothing on stdout
refused() {
    what=$1; shift
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    if [ $rc -ne 2 ]; then bad "$what: exit $rc, want 2: $(cat "$T/err")"; return; fi
    if ! grep -q '^usage: sanctum' "$T/err"; then bad "$what: no usage line: $(cat "$T/err")"; return; fi
    if [ -s "$T/out" ]; then bad "$what: wrote output: $(cat "$T/out")"; return; fi
    ok "$what"
}
# accepted WANT WHAT CMD...: the same input without the foreign option gives exit WANT
accepted() {
    want=$1; what=$2; shift 2
    "$@" >"$T/out" 2>"$T/err" </dev/null
    rc=$?
    [ $rc -eq "$want" ] && ok "$what" || bad "$what: exit $rc, want $want: $(cat "$T/err")"
}

printf '{"messages":[{"role":"user","content":"hello"}]}\n' >"$T/chat.json"
printf 'Call Jane Roe at jane.roe@example.com.\n' >"$T/in.txt"
mkdir -p "$T/clean"
printf 'nothing to see here\n' >"$T/clean/a.txt"
head -c 32 /dev/zero | tr '\0' 'k' >"$T/scan.key"
chmod 600 "$T/scan.key"
DB="$T/l.db"
FP=$(printf '%064d' 0)

# -- one foreign option per command, then the same command without it --
refused "version --jsonl" "$S" version --jsonl
accepted 0 "version" "$S" version

for sub in validate roundtrip; do
    refused "json $sub --format (texts only)" "$S" json $sub --format openai_chat "$T/chat.json"
    refused "json $sub --threshold (detect)" "$S" json $sub --threshold 0.5 "$T/chat.json"
    accepted 0 "json $sub" "$S" json $sub "$T/chat.json"
done
refused "json texts --strict (validate only)" "$S" json texts --strict "$T/chat.json"
refused "json texts --allow-duplicate-keys" "$S" json texts --allow-duplicate-keys "$T/chat.json"
accepted 0 "json texts" "$S" json texts --format auto "$T/chat.json"

refused "detect --vault-out (anonymize)" "$S" detect --vault-out "$T/x.vault" "$T/in.txt"
refused "detect --strict (json)" "$S" detect --strict "$T/in.txt"
refused "detect --format (anonymize)" "$S" detect --format text "$T/in.txt"
accepted 0 "detect" "$S" detect "$T/in.txt"

refused "anonymize --vault (restore)" "$S" anonymize --format text --key-file "$T/v.key" --vault-out "$T/v" --vault "$T/v" "$T/in.txt"
refused "anonymize --stream (restore)" "$S" anonymize --format text --key-file "$T/v.key" --vault-out "$T/v" --stream "$T/in.txt"
refused "anonymize --jsonl (detect)" "$S" anonymize --format text --key-file "$T/v.key" --vault-out "$T/v" --jsonl "$T/in.txt"
[ -e "$T/v.key" ] || [ -e "$T/v" ] && bad "a refused anonymize created files" || ok "refused anonymize created no files"
accepted 0 "anonymize" "$S" anonymize --format text --key-file "$T/v.key" --vault-out "$T/v" "$T/in.txt"
"$S" anonymize --format text --key-file "$T/v.key" --vault-out "$T/v" "$T/in.txt" >"$T/anon.txt" 2>/dev/null

refused "restore --vault-out (anonymize)" "$S" restore --format text --key-file "$T/v.key" --vault "$T/v" --vault-out "$T/v2" "$T/anon.txt"
refused "restore --threshold (anonymize)" "$S" restore --format text --key-file "$T/v.key" --vault "$T/v" --threshold 0.5 "$T/anon.txt"
accepted 0 "restore" "$S" restore --format text --key-file "$T/v.key" --vault "$T/v" "$T/anon.txt"

refused "scan --threshold (detect)" "$S" scan --fingerprint-key-file "$T/scan.key" --threshold 0.5 "$T/clean"
refused "scan --db (ledger)" "$S" scan --fingerprint-key-file "$T/scan.key" --db "$DB" "$T/clean"
refused "scan --key-file (anonymize)" "$S" scan --key-file "$T/scan.key" "$T/clean"
accepted 0 "scan" "$S" scan --fingerprint-key-file "$T/scan.key" "$T/clean"

L() { "$S" ledger --db "$DB" --now 2026-01-01 "$@"; }
refused "ledger add --all (list)" L add k1 --provider p --max-age-days 5 --all
refused "ledger add --at (rotate)" L add k1 --provider p --max-age-days 5 --at 2026-01-01
refused "ledger add --format (show)" L add k1 --provider p --max-age-days 5 --format json
refused "ledger add --jsonl (detect)" L add k1 --provider p --max-age-days 5 --jsonl
[ -e "$DB" ] && bad "a refused ledger add created the database" || ok "refused ledger add created nothing"
accepted 0 "ledger add" L add k1 --provider p --max-age-days 5
accepted 0 "ledger add (second)" L add k2 --provider p --max-age-days 5
refused "ledger rotate --provider (add)" L rotate k1 --provider p
refused "ledger rotate --expect (audit verify)" L rotate k1 --expect "1:$FP"
accepted 0 "ledger rotate" L rotate k1
refused "ledger retire --at (rotate)" L retire k2 --at 2026-01-01
refused "ledger retire --value-stdin (add)" L retire k2 --value-stdin
accepted 0 "ledger retire" L retire k2
refused "ledger show --all (list)" L show k1 --all
refused "ledger show --owner (add)" L show k1 --owner me
accepted 0 "ledger show" L show k1 --format json
refused "ledger list --provider (add)" L list --provider p
refused "ledger list --at (rotate)" L list --at 2026-01-01
accepted 0 "ledger list" L list --all
refused "ledger check --max-age-days --notes (add)" L check --max-age-days 3 --notes hi
refused "ledger check --all (list)" L check --all
accepted 0 "ledger check" L check --format json
refused "ledger audit log --expect (audit verify)" L audit log --expect "1:$FP"
refused "ledger audit log --location (add)" L audit log --location x
accepted 0 "ledger audit log" L audit log k1
refused "ledger audit verify --all (list)" L audit verify --all
accepted 0 "ledger audit verify" L audit verify --format json
refused "ledger match --value-stdin (add)" L match "$FP" --value-stdin
refused "ledger match --created (add)" L match "$FP" --created 2026-01-01
accepted 1 "ledger match" L match "$FP"

# -- repeated options; repeatable ones --
refused "detect --threshold twice" "$S" detect --threshold 0.5 --threshold=0.6 "$T/in.txt"
refused "scan -j and --jobs" "$S" scan --fingerprint-key-file "$T/scan.key" -j 1 --jobs 2 "$T/clean"
refused "scan --format twice" "$S" scan --fingerprint-key-file "$T/scan.key" --format text --format jsonl "$T/clean"
refused "json validate --strict twice" "$S" json validate --strict --strict "$T/chat.json"
refused "ledger --db twice" "$S" ledger --db "$DB" --db "$DB" check
refused "restore --vault twice" "$S" restore --format text --key-file "$T/v.key" --vault "$T/v" --vault "$T/v" "$T/anon.txt"
accepted 0 "scan --exclude repeats" "$S" scan --fingerprint-key-file "$T/scan.key" --exclude '*.md' --exclude '*.rs' -j1 "$T/clean"

# -- unknown and malformed options --
refused "detect unknown option" "$S" detect --no-such-flag "$T/in.txt"
refused "anonymize unknown short option" "$S" anonymize -x "$T/in.txt"
refused "ledger unknown option" L check --bogus
refused "scan unknown option" "$S" scan --bogus "$T/clean"
refused "json texts unknown option" "$S" json texts --bogus "$T/chat.json"
refused "scan --format without a value" "$S" scan "$T/clean" --format
refused "detect --jsonl=1 (a flag takes no value)" "$S" detect --jsonl=1 "$T/in.txt"
refused "detect two inputs" "$S" detect "$T/in.txt" "$T/in.txt"

# -- "--" ends the options; --help everywhere --
cp "$T/in.txt" "$T/--odd.txt"
(cd "$T" && "$S" detect -- --odd.txt >/dev/null 2>&1) && ok "'--' ends the options" || bad "'--' ends the options"
for cmd in version "json validate" "json texts" "json roundtrip" detect anonymize restore scan ledger "ledger check"; do
    # shellcheck disable=SC2086
    "$S" $cmd --help >"$T/out" 2>&1 && grep -q '^usage: sanctum' "$T/out" && ok "$cmd --help" || bad "$cmd --help"
done
# 'sanctum help COMMAND' is that command's help, as 'git help' (it printed the general help, exit 0)
for cmd in detect anonymize restore scan json ledger version; do
    "$S" help $cmd >"$T/out" 2>&1 && grep -q "^usage: sanctum $cmd" "$T/out" && ok "help $cmd" || bad "help $cmd: $(head -2 "$T/out")"
done
refused "help of an unknown command" "$S" help frobnicate

[ $fails -eq 0 ] && echo "cli options: all passed" || echo "cli options: $fails FAILED"
[ $fails -eq 0 ]
