#!/bin/sh
# sanctum detect: plain and --jsonl output, --threshold, --explain, --lists, --entities, errors.
set -u
S="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }

printf 'Hi Sarah, my SSN is 123-45-6789 and my cell is (514) 555-1234.' > "$T/in.txt"
"$S" detect "$T/in.txt" > "$T/out" || fail "detect exit code"
[ "$(wc -l < "$T/out")" -eq 3 ] || fail "expected 3 entities: $(cat "$T/out")"
grep -q '^{"type":"PERSON","start":3,"end":8,"score":[0-9.]*,"text":"Sarah"}$' "$T/out" || fail "person line: $(cat "$T/out")"
grep -q '"type":"US_SSN","start":20,"end":31,.*"text":"123-45-6789"' "$T/out" || fail "ssn line"
grep -q '"type":"PHONE_NUMBER".*"text":"(514) 555-1234"' "$T/out" || fail "phone line"

# stdin, --explain adds recognizer and evidence
"$S" detect --explain - < "$T/in.txt" > "$T/out" || fail "explain exit code"
grep -q '"recognizer":"us_ssn","evidence":\["format_strong","validator","context_before"\]' "$T/out" || fail "explain: $(cat "$T/out")"

# --threshold: a bare 10-digit phone (0.4) shows at 0.3, not at 0.7
printf 'ref 5145551234' > "$T/bare.txt"
[ -z "$("$S" detect "$T/bare.txt")" ] || fail "bare phone at 0.7"
printf 'see 5145551234' > "$T/bare.txt"
[ -z "$("$S" detect "$T/bare.txt")" ] || fail "bare phone at 0.7"
"$S" detect --threshold 0.3 "$T/bare.txt" | grep -q PHONE_NUMBER || fail "threshold 0.3"
"$S" detect --threshold=1.5 "$T/bare.txt" 2>/dev/null && fail "threshold out of range accepted"

# --entities
"$S" detect --entities US_SSN "$T/in.txt" > "$T/out"
[ "$(wc -l < "$T/out")" -eq 1 ] && grep -q US_SSN "$T/out" || fail "entities filter"

# --lists
printf 'allow: Sarah\ndeny PERSON: Quux Zorblax\n' > "$T/lists"
printf 'Hi Sarah and quux zorblax' > "$T/l.txt"
"$S" detect --lists "$T/lists" "$T/l.txt" > "$T/out"
[ "$(wc -l < "$T/out")" -eq 1 ] && grep -q '"text":"quux zorblax"' "$T/out" || fail "lists: $(cat "$T/out")"
printf 'bogus line\n' > "$T/badlists"
"$S" detect --lists "$T/badlists" "$T/l.txt" 2> "$T/err" && fail "bad lists accepted"
grep -q 'offset 0' "$T/err" || fail "bad lists error has no offset"

# --jsonl: id copied raw, text decoded (escapes, \u), byte offsets into the decoded text
cat > "$T/in.jsonl" <<'J'
{"id": 7, "text": "Dr. Okonkwo wrote: \"call +44 20 7946 0958\""}
{"text": "caf\u00e9 owner Sarah Connor <sarah@example.com>", "id": "m-2", "extra": [1, {"a": null}]}
{"id": null, "text": "nothing here, version 1.2.3"}
J
"$S" detect --jsonl "$T/in.jsonl" > "$T/out" || fail "jsonl exit code"
[ "$(wc -l < "$T/out")" -eq 3 ] || fail "jsonl line count"
sed -n 1p "$T/out" | grep -q '^{"id":7,"entities":\[{"type":"PERSON","start":4,"end":11,' || fail "jsonl 1: $(sed -n 1p "$T/out")"
sed -n 1p "$T/out" | grep -q '"type":"PHONE_NUMBER","start":25,"end":41' || fail "jsonl 1 phone: $(sed -n 1p "$T/out")"
sed -n 2p "$T/out" | grep -q '^{"id":"m-2","entities":\[{"type":"PERSON","start":12,"end":24,' || fail "jsonl 2: $(sed -n 2p "$T/out")"
sed -n 2p "$T/out" | grep -q '"type":"EMAIL_ADDRESS","start":26,"end":43' || fail "jsonl 2 email"
sed -n 3p "$T/out" | grep -q '^{"id":null,"entities":\[\]}$' || fail "jsonl 3: $(sed -n 3p "$T/out")"
"$S" detect --jsonl --explain "$T/in.jsonl" | sed -n 1p | grep -q '"rejected":\[' || fail "jsonl explain"

# bad JSON line: error line, exit 2, the other lines still answered
printf '{"text": "Sarah Connor"}\n{"text": 5}\nnot json\n' > "$T/bad.jsonl"
"$S" detect --jsonl "$T/bad.jsonl" > "$T/out" 2>/dev/null
[ $? -eq 2 ] || fail "bad jsonl exit code"
[ "$(wc -l < "$T/out")" -eq 3 ] && sed -n 2p "$T/out" | grep -q '"error"' || fail "bad jsonl output: $(cat "$T/out")"
# --jsonl answers each line as it is read: the first answer is out while the writer still holds the pipe
# open (the input was read whole first, so nothing came out before its end)
mkfifo "$T/fifo" || fail "mkfifo"
"$S" detect --jsonl < "$T/fifo" > "$T/live" 2>/dev/null &
live=$!
exec 3>"$T/fifo"
printf '{"id":1,"text":"Hi, I am Sarah Connor"}\n' >&3
i=0
while [ $i -lt 100 ] && ! grep -q '"id":1' "$T/live"; do sleep 0.05; i=$((i + 1)); done
grep -q '"id":1,"entities":\[{"type":"PERSON"' "$T/live"; seen=$?
printf '{"id":2,"text":"no one"}' >&3
exec 3>&-
wait $live || fail "live jsonl: exit $?"
[ "$seen" = 0 ] || fail "live jsonl: the first answer not written before the input ended: $(cat "$T/live")"
grep -q '^{"id":2,"entities":\[\]}$' "$T/live" || fail "live jsonl: the last line (no line end): $(cat "$T/live")"
# lines that are not JSON, though the text is found: an error line each (never the id echoed as written,
# which made output lines that were not JSON either); a line that is JSON still gets its answer
printf '{"id":01,"text":"a"}\n{"id":+1,"text":"a"}\n{"id":1x,"text":"a"}\n{"id":"\377","text":"a"}\n{"id":1,"id":2,"text":"a"}\n{"text":"Jane Doe \\ud800"}\n{"id":[1,{"k":null}],"text":"I am Sarah Connor"}\n' > "$T/odd.jsonl"
"$S" detect --jsonl "$T/odd.jsonl" > "$T/out" 2>"$T/err"
[ $? -eq 2 ] || fail "odd jsonl exit code"
[ "$(wc -l < "$T/out")" -eq 7 ] || fail "odd jsonl: one line per input line: $(cat "$T/out")"
python3 -c 'import json, sys; [json.loads(l) for l in sys.stdin]' < "$T/out" || fail "odd jsonl: output that is not JSON: $(cat "$T/out")"
[ "$(grep -c '^{"error":"line [1-6]: offset [0-9]*: ' "$T/out")" -eq 6 ] || fail "odd jsonl: error lines: $(cat "$T/out")"
grep -q 'line 5: offset [0-9]*: duplicate key' "$T/err" || fail "odd jsonl: the reason: $(cat "$T/err")"
grep -q 'line 6: offset [0-9]*: unpaired high surrogate' "$T/err" || fail "odd jsonl: the surrogate named: $(cat "$T/err")"
sed -n 7p "$T/out" | grep -q '^{"id":\[1,{"k":null}\],"entities":\[{"type":"PERSON"' || fail "odd jsonl: valid line: $(sed -n 7p "$T/out")"

# invalid UTF-8: error with the offset, exit 2, no output
printf 'Sarah \377 Connor' > "$T/bad.txt"
"$S" detect "$T/bad.txt" > "$T/out" 2> "$T/err"
[ $? -eq 2 ] || fail "invalid utf-8 exit code"
grep -q 'offset 6' "$T/err" || fail "invalid utf-8 offset: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "output on error"
"$S" detect --no-such-flag 2>/dev/null && fail "unknown flag accepted"
echo "cli_detect: all passed"
