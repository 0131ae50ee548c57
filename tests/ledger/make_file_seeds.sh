#!/bin/sh
# Writes the seed ledgers of corpus/ledger_file/ with the key fuzz/ledger_file.c uses (32 bytes 0x5a).
# Usage: make_file_seeds.sh SANCTUM OUTDIR
set -eu
S=$1; OUT=$2
T=$(mktemp -d); trap 'rm -rf "$T"' EXIT
printf 'ZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZZ' > "$T/key"; chmod 600 "$T/key"
L() { db=$1; shift; "$S" ledger --db "$T/$db" --key-file "$T/key" --now 2026-01-01T00:00:00Z "$@" >/dev/null; }
L empty.db add only --provider p --max-age-days 1
L small.db add a --provider github --max-age-days 90 --auto-rotate-days 85 --method api --location keychain:a
printf 'fake\n' | L small.db add b --provider aws --max-age-days 30 --value-stdin --expires 2026-05-01
L small.db rotate a
L small.db retire b
for i in 1 2 3 4 5 6 7 8 9 10 11 12; do L many.db add "s$i" --provider p --max-age-days "$i" --owner o --notes "n$i"; done
for i in 1 2 3; do L many.db rotate "s$i"; done
cp "$T/empty.db" "$OUT/ledger_one_event"
cp "$T/small.db" "$OUT/ledger_small"
cp "$T/many.db" "$OUT/ledger_many"
# tampered variants: a dropped newest event, an edited actor
cp "$T/small.db" "$T/t1.db"
sqlite3 "$T/t1.db" "DROP TRIGGER events_no_delete; DELETE FROM events WHERE seq = 4; VACUUM;"
cp "$T/t1.db" "$OUT/ledger_truncated_chain"
cp "$T/small.db" "$T/t2.db"
sqlite3 "$T/t2.db" "DROP TRIGGER events_no_update; UPDATE events SET actor = 'x' WHERE seq = 2; VACUUM;"
cp "$T/t2.db" "$OUT/ledger_edited_event"
# a foreign SQLite file and a non-database
sqlite3 "$T/foreign.db" "CREATE TABLE t (x); INSERT INTO t VALUES (1);"
cp "$T/foreign.db" "$OUT/foreign_sqlite"
printf 'not a database' > "$OUT/not_a_database"
