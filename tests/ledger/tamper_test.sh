#!/bin/sh
# Tamper tests: with the sqlite3 shell (what someone who can write the file but lacks the key has),
# edit, delete (a middle and the newest event), reorder, forge the anchor and edit the state table;
# `sanctum ledger audit verify` must exit 1 and name the first bad event every time.
# Usage: tamper_test.sh SANCTUM SQLITE3
set -u
S=$1
SQL=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fails=0
now=--now=2026-01-01T00:00:00Z

ledger() { db=$1; shift; "$S" ledger --db "$db" --key-file "$T/key" "$now" "$@"; }

# A pristine ledger with 6 events: add a, b, c; rotate a; rotate b; retire c.
P=$T/pristine.db
ledger "$P" add a --provider github --max-age-days 90 --location keychain:a >/dev/null || exit 2
printf 'fake-b-value\n' | ledger "$P" add b --provider aws --max-age-days 30 --value-stdin >/dev/null || exit 2
ledger "$P" add c --provider gcp --max-age-days 10 >/dev/null || exit 2
ledger "$P" rotate a >/dev/null || exit 2
ledger "$P" rotate b >/dev/null || exit 2
ledger "$P" retire c >/dev/null || exit 2
out=$(ledger "$P" audit verify) || { echo "FAIL pristine ledger does not verify: $out"; exit 1; }
echo "pristine: $out"
anchor=$(echo "$out" | sed -n 's/.*anchor \([0-9]*:[0-9a-f]*\).*/\1/p')

# case NAME EXPECTED_SEQ_PATTERN SQL...: copy the pristine file, run SQL, expect exit 1 and the pattern.
tamper() {
    name=$1; pattern=$2; stmt=$3
    db=$T/$name.db
    cp "$P" "$db"
    "$SQL" "$db" "DROP TRIGGER IF EXISTS events_no_update; DROP TRIGGER IF EXISTS events_no_delete;
                  DROP TRIGGER IF EXISTS secrets_no_delete; PRAGMA foreign_keys=OFF; $stmt" || {
        echo "FAIL $name: the sqlite3 edit itself failed"; fails=$((fails + 1)); return; }
    out=$(ledger "$db" audit verify 2>&1); rc=$?
    if [ $rc -ne 1 ]; then
        echo "FAIL $name: audit verify exited $rc (want 1): $out"; fails=$((fails + 1)); return
    fi
    if ! echo "$out" | grep -Eq "$pattern"; then
        echo "FAIL $name: message does not match /$pattern/: $out"; fails=$((fails + 1)); return
    fi
    echo "ok   $name: $out"
}

tamper edit_actor        'event 2 was altered'  "UPDATE events SET actor = 'mallory' WHERE seq = 2;"
tamper edit_after        'event 4 was altered'  "UPDATE events SET after = replace(after, '\"max_age_days\":90', '\"max_age_days\":900') WHERE seq = 4;"
tamper edit_time         'event 5 was altered'  "UPDATE events SET at = at - 86400 * 30 WHERE seq = 5;"
tamper delete_middle     'event 3 is missing'   "DELETE FROM events WHERE seq = 3;"
tamper delete_first      'event 1 is missing'   "DELETE FROM events WHERE seq = 1;"
tamper delete_newest     'events 6 to 6 are missing' "DELETE FROM events WHERE seq = 6;"
tamper delete_newest_two 'events 5 to 6 are missing' "DELETE FROM events WHERE seq >= 5;"
# deleting the newest and rewinding the anchor without the key: the anchor's MAC no longer holds
tamper delete_newest_rewind_anchor 'anchor was forged' \
    "DELETE FROM events WHERE seq = 6; UPDATE anchor SET count = 5, head = (SELECT mac FROM events WHERE seq = 5);"
tamper delete_anchor     'anchor is missing'    "DELETE FROM anchor;"
tamper reorder_swap      'event 3 (was altered|does not chain)' \
    "UPDATE events SET seq = 100 WHERE seq = 3; UPDATE events SET seq = 3 WHERE seq = 4; UPDATE events SET seq = 4 WHERE seq = 100;"
# renumbering to close a gap after deleting a middle event
tamper delete_renumber   'event 3 (was altered|does not chain)' \
    "DELETE FROM events WHERE seq = 3; UPDATE events SET seq = seq - 1 WHERE seq > 3;"
# replaying an old event as a new one (copying the MAC too)
tamper replay_event      'event 7 (was altered|does not chain)|not covered by the chain anchor' \
    "INSERT INTO events (seq, at, actor, action, secret_id, secret, before, after, prev, mac)
       SELECT 7, at, actor, action, secret_id, secret, before, after, (SELECT mac FROM events WHERE seq = 6), randomblob(32)
         FROM events WHERE seq = 4;"
# the current-state table edited without an event: the replay catches it
tamper edit_state        'secret row 1 differs from the replay' "UPDATE secrets SET max_age_days = 3650 WHERE name = 'a';"
tamper edit_state_rotated 'secret row 2 differs from the replay' "UPDATE secrets SET rotated_at = rotated_at + 86400 * 60 WHERE name = 'b';"
tamper unretire          'secret row 3 differs from the replay' "UPDATE secrets SET state = 'active' WHERE name = 'c';"
tamper delete_secret     'secret of event [0-9]+ is missing' "DELETE FROM secrets WHERE name = 'b';"
tamper insert_secret     'secret row 4 has no audit events' \
    "INSERT INTO secrets (name, provider, created_at, rotated_at, max_age_days, method, state) VALUES ('x', 'p', 0, 0, 5, 'manual', 'active');"

# Rollback of the whole file to an older copy passes the in-file checks; --expect with the anchor
# printed earlier (kept off the machine) catches it.
cp "$P" "$T/old.db"
ledger "$P" add d --provider p --max-age-days 5 >/dev/null || exit 2
new=$(ledger "$P" audit verify | sed -n 's/.*anchor \([0-9]*:[0-9a-f]*\).*/\1/p')
out=$(ledger "$T/old.db" audit verify --expect "$new" 2>&1); rc=$?
if [ $rc -eq 1 ] && echo "$out" | grep -q "fewer than the 7 recorded"; then
    echo "ok   rollback_with_expect: $out"
else
    echo "FAIL rollback_with_expect: exit $rc: $out"; fails=$((fails + 1))
fi
out=$(ledger "$P" audit verify --expect "$anchor" 2>&1) || { echo "FAIL expect on an extended chain: $out"; fails=$((fails + 1)); }

# An untouched copy verifies; a write refuses to extend a tampered chain.
cp "$P" "$T/append.db"
"$SQL" "$T/append.db" "DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq = 7;"
out=$(ledger "$T/append.db" add e --provider p --max-age-days 5 2>&1); rc=$?
if [ $rc -eq 2 ] && echo "$out" | grep -q "refusing to append"; then
    echo "ok   no_append_on_tampered_chain"
else
    echo "FAIL no_append_on_tampered_chain: exit $rc: $out"; fails=$((fails + 1))
fi

# The triggers stop accidental edits (without dropping them first).
cp "$P" "$T/trig.db"
if "$SQL" "$T/trig.db" "UPDATE events SET actor = 'x' WHERE seq = 1;" 2>/dev/null; then
    echo "FAIL triggers: an update of events went through"; fails=$((fails + 1))
else
    echo "ok   triggers block casual edits"
fi

[ $fails -eq 0 ] && echo "all tamper cases detected" || echo "$fails tamper case(s) FAILED"
[ $fails -eq 0 ]
