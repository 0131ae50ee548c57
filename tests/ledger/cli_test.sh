#!/bin/sh
# sanctum ledger CLI: every command, check's exit codes (0 none overdue, 1 overdue, 2 error), the JSON
# output (parsed with python3 when present), match by value on stdin, and clear errors.
# Usage: cli_test.sh SANCTUM FAKEGEN (scan_fakegen_cli: a FAKE token made at run time)
set -u
S=$1
FG=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
DB=$T/l.db
ledger() { "$S" ledger --db "$DB" "$@"; }
expect_rc() { # WANT DESCRIPTION CMD...
    want=$1; what=$2; shift 2
    out=$("$@" 2>&1); rc=$?
    if [ $rc -ne "$want" ]; then echo "FAIL $what: exit $rc, want $want: $out"; fails=$((fails + 1)); return 1; fi
    echo "ok   $what"
    return 0
}
expect_out() { # PATTERN DESCRIPTION (uses $out)
    if echo "$out" | grep -Eq "$1"; then echo "ok   $2"; else echo "FAIL $2: /$1/ not in: $out"; fails=$((fails + 1)); fi
}

expect_rc 2 "check on a missing ledger is an error" ledger --now 2026-01-01 check
expect_out "does not exist" "missing ledger message"
expect_rc 0 "add" ledger --now 2026-01-01T00:00:00Z add github-pat --provider github --max-age-days 90 \
    --auto-rotate-days 85 --method api --location keychain:gh --location "env:proxy" --owner alice --kind pat
expect_rc 0 "add with value from stdin" sh -c "printf 'AKIAFAKEFAKEFAKE0000\n' | \"$S\" ledger --db \"$DB\" --now 2026-01-10T00:00:00Z add aws-key --provider aws --max-age-days 30 --value-stdin --expires 2026-06-01"
expect_rc 2 "duplicate add" ledger add github-pat --provider github --max-age-days 90
expect_out "already in the ledger" "duplicate message"
expect_rc 2 "add without --max-age-days" ledger add x --provider p
expect_rc 2 "bad time" ledger --now 2026-02-30 check
expect_out "bad time" "bad time message"
expect_rc 2 "bad method" ledger add y --provider p --max-age-days 5 --method sometimes
expect_rc 2 "unknown command" ledger frobnicate
ls -l "$DB" | grep -q '^-rw-------' && echo "ok   database is 0600" || { echo "FAIL database mode"; fails=$((fails + 1)); }
ls -l "$DB.key" | grep -q '^-rw-------' && echo "ok   key file is 0600" || { echo "FAIL key file mode"; fails=$((fails + 1)); }
[ "$(wc -c < "$DB.key")" -eq 32 ] && echo "ok   key file is 32 bytes" || { echo "FAIL key size"; fails=$((fails + 1)); }
if grep -q AKIAFAKE "$DB" "$DB"-wal 2>/dev/null; then echo "FAIL the value reached the database"; fails=$((fails + 1)); else echo "ok   value not in the database"; fi

# check: nothing overdue on 2026-02-01 (aws due 02-09, 8 days left: due soon), so exit 0
expect_rc 0 "check exit 0 when nothing is overdue" ledger --now 2026-02-01T00:00:00Z check
expect_out "due_soon	aws-key" "due-soon line"
expect_rc 1 "check exit 1 when overdue" ledger --now 2026-03-01T00:00:00Z check
expect_out "overdue	aws-key \(aws\): 20 days over" "overdue line with days over"
# the hard expiry is on the line: an expired secret's days over count from it, and the line named only `due`
expect_out "aws-key \(aws\): 20 days over, age 50 d, due 2026-02-09T00:00:00Z, expires 2026-06-01T00:00:00Z" "expiry on the line"
expect_rc 1 "check once expired" ledger --now 2026-06-11T00:00:00Z check
expect_out "overdue\+expired	aws-key \(aws\): 122 days over, age 152 d, due 2026-02-09T00:00:00Z, expires 2026-06-01T00:00:00Z" "expired line names the expiry"
expect_rc 1 "check --format json" ledger --now 2026-03-28T00:00:00Z check --format json
if command -v python3 >/dev/null 2>&1; then
    echo "$out" | python3 -c '
import json, sys
r = json.load(sys.stdin)
assert r["now"] == "2026-03-28T00:00:00Z", r
assert (r["active"], r["overdue"], r["expired"], r["auto_rotate_due"]) == (2, 1, 0, 1), r
by = {s["name"]: s for s in r["secrets"]}
a = by["aws-key"]; g = by["github-pat"]
assert a["status"] == ["overdue"] and a["days_over"] == 47 and a["age_days"] == 77, a
assert a["due_at"] == "2026-02-09T00:00:00Z" and a["expires_at"] == "2026-06-01T00:00:00Z", a
assert a["auto_rotate_at"] is None and a["method"] == "manual", a
assert g["status"] == ["due_soon", "auto_rotate_due"] and g["auto_rotate_at"] == "2026-03-27T00:00:00Z", g
assert g["days_left"] == 4 and g["owner"] == "alice" and g["method"] == "api", g
' && echo "ok   check JSON fields" || { echo "FAIL check JSON: $out"; fails=$((fails + 1)); }
fi

# rotate with --at and a new value; show, list, match
expect_rc 0 "rotate --at with value" sh -c "printf 'AKIAFAKEFAKEFAKE1111' | \"$S\" ledger --db \"$DB\" --now 2026-03-02T00:00:00Z rotate aws-key --at 2026-03-01T12:00:00Z --value-stdin"
expect_rc 0 "show" ledger show aws-key
expect_out "rotated_at:    2026-03-01T12:00:00Z" "show rotated_at"
expect_out "rotations:     1" "show rotations"
expect_rc 0 "show --format json" ledger show github-pat --format json
if command -v python3 >/dev/null 2>&1; then
    echo "$out" | python3 -c '
import json, sys
s = json.load(sys.stdin)
assert s["locations"] == ["keychain:gh", "env:proxy"] and s["auto_rotate_days"] == 85 and s["fingerprint"] is None, s
' && echo "ok   show JSON fields" || { echo "FAIL show JSON: $out"; fails=$((fails + 1)); }
fi
expect_rc 1 "check after rotation: only the expiry-free github overdue later" ledger --now 2026-04-05T00:00:00Z check
expect_rc 0 "match by value on stdin" sh -c "printf 'AKIAFAKEFAKEFAKE1111\n' | \"$S\" ledger --db \"$DB\" match"
expect_out "^aws-key" "match names the secret"
expect_rc 1 "old value no longer matches" sh -c "printf 'AKIAFAKEFAKEFAKE0000' | \"$S\" ledger --db \"$DB\" match"
fp=$(ledger show aws-key --format json | sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p')
expect_rc 0 "match by fingerprint" ledger match "$fp"
expect_rc 2 "match with a bad fingerprint" ledger match not-hex
expect_rc 0 "retire" ledger retire github-pat
expect_rc 2 "retire twice" ledger retire github-pat
expect_rc 0 "list" ledger list
if echo "$out" | grep -q github-pat; then echo "FAIL list shows a retired secret"; fails=$((fails + 1)); else echo "ok   list hides retired"; fi
expect_rc 0 "list --all" ledger list --all
expect_out "github-pat +github +retired" "list --all shows retired"
expect_rc 0 "audit log" ledger audit log
expect_out "^ +3  2026-03-02T00:00:00Z  rotate  aws-key  by " "audit log line"
expect_rc 0 "audit log --format json" ledger audit log aws-key --format json
if command -v python3 >/dev/null 2>&1; then
    echo "$out" | python3 -c '
import json, sys
ev = json.load(sys.stdin)
assert [e["action"] for e in ev] == ["add", "rotate"], ev
assert ev[0]["before"] is None and ev[1]["before"] == ev[0]["after"], ev
assert ev[1]["after"]["rotated_at"] - ev[0]["after"]["rotated_at"] == 50 * 86400 + 43200, ev
assert ev[1]["after"]["rotations"] == 1 and len(ev[1]["mac"]) == 64, ev
' && echo "ok   audit JSON" || { echo "FAIL audit JSON: $out"; fails=$((fails + 1)); }
fi
expect_rc 0 "audit verify" ledger audit verify
expect_out "intact: 4 events; anchor 4:[0-9a-f]{64}" "verify prints the anchor"
expect_rc 0 "audit verify --format json" ledger audit verify --format json
expect_out '"intact":true,"events":4' "verify JSON"

# default path: $XDG_DATA_HOME/sanctum/ledger.db
expect_rc 0 "default path under XDG_DATA_HOME" env XDG_DATA_HOME="$T/xdg" "$S" ledger add z --provider p --max-age-days 5
[ -f "$T/xdg/sanctum/ledger.db" ] && [ -f "$T/xdg/sanctum/ledger.db.key" ] && echo "ok   default files created" || { echo "FAIL default path"; fails=$((fails + 1)); }
expect_rc 0 "default path under HOME" env -u XDG_DATA_HOME HOME="$T/home" "$S" ledger add z --provider p --max-age-days 5
[ -f "$T/home/.local/share/sanctum/ledger.db" ] && echo "ok   HOME fallback" || { echo "FAIL HOME fallback"; fails=$((fails + 1)); }

# a foreign file and a newer schema give clear errors, exit 2
printf 'this is not a database at all, just text that is long enough to look like a file......\n' > "$T/foreign.db"
cp "$DB.key" "$T/foreign.db.key"
expect_rc 2 "foreign file" "$S" ledger --db "$T/foreign.db" check
expect_out "not a (SQLite database|sanctum ledger)" "foreign file message"
if command -v sqlite3 >/dev/null 2>&1; then
    cp "$DB" "$T/newer.db"; cp "$DB.key" "$T/newer.db.key"
    sqlite3 "$T/newer.db" "PRAGMA user_version = 42;"
    expect_rc 2 "newer schema" "$S" ledger --db "$T/newer.db" check
    expect_out "newer than this library" "newer schema message"
fi
expect_rc 2 "wrong key" sh -c "head -c 32 /dev/zero > \"$T/zero.key\"; chmod 600 \"$T/zero.key\"; \"$S\" ledger --db \"$DB\" --key-file \"$T/zero.key\" check"
expect_out "key does not belong" "wrong key message"

# a credential typed where a name (or provider, notes, ...) goes is refused, never stored nor echoed
TOK=$("$FG" github-pat valid 11)
BODY=${TOK#ghp_}
expect_rc 2 "credential as NAME refused" ledger add "$TOK" --provider github --max-age-days 30
expect_out "name looks like a credential \(scanner rule github-pat\)" "credential-name message"
if echo "$out" | grep -q "$BODY"; then echo "FAIL the message quotes the token"; fails=$((fails + 1)); else echo "ok   message does not quote the token"; fi
expect_rc 2 "credential in --notes refused" ledger add tokname --provider github --max-age-days 30 --notes "was $TOK"
expect_out "notes looks like a credential" "credential-notes message"
expect_rc 2 "credential as --provider refused" ledger add tokname --provider "$TOK" --max-age-days 30
expect_rc 2 "credential in --location refused" ledger add tokname --provider github --max-age-days 30 --location "env:$TOK"
expect_rc 2 "credential as --actor refused" ledger --actor "$TOK" add tokname --provider github --max-age-days 30
if grep -q "$BODY" "$DB" "$DB"-wal 2>/dev/null; then echo "FAIL the token reached the database"; fails=$((fails + 1)); else echo "ok   token not in the database"; fi
expect_rc 0 "list after refusals" ledger list --all
if echo "$out" | grep -q "tokname\\|$BODY"; then echo "FAIL a refused add was stored: $out"; fails=$((fails + 1)); else echo "ok   refused adds left nothing"; fi

# day counts: one range per flag, the same one the message gives
expect_rc 2 "--max-age-days 0 refused" ledger add d0 --provider p --max-age-days 0
expect_out "^sanctum ledger: --max-age-days needs a whole number of days \(1\.\.36500\)$" "max-age 0 message names 1..36500"
expect_rc 2 "--max-age-days -5 refused" ledger add d0 --provider p --max-age-days -5
expect_out "^sanctum ledger: --max-age-days needs a whole number of days \(1\.\.36500\)$" "max-age -5: the same message"
expect_rc 0 "--max-age-days 36500 accepted" ledger add d1 --provider p --max-age-days 36500 --due-soon-days 0 --auto-rotate-days 0
expect_rc 2 "--due-soon-days 36501 refused" ledger add d2 --provider p --max-age-days 5 --due-soon-days 36501
expect_out "due-soon-days needs a whole number of days \(0\.\.36500\)" "due-soon message names 0..36500"

[ $fails -eq 0 ] && echo "ledger CLI: all passed" || echo "ledger CLI: $fails FAILED"
[ $fails -eq 0 ]
