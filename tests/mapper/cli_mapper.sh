#!/bin/sh
# sanctum anonymize / restore: round trip, vault and key files, streams, errors.
set -u
S="$1"
SRC="$2"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
export XDG_DATA_HOME="$T/xdg"
unset HOME

# an input that cannot be read fails before any key file is made
"$S" anonymize "$T/missing.json" --vault-out "$T/v0" --key-file "$T/k0" > /dev/null 2>&1 && fail "missing input accepted"
[ -e "$T/k0" ] && fail "a failed anonymize left a key file"
[ -e "$T/v0" ] && fail "a failed anonymize left a vault"

# anonymize the example request; the key is created 0600 under XDG_DATA_HOME
"$S" anonymize "$SRC/examples/openai_chat_request.json" --vault-out "$T/v" > "$T/anon.json" 2>"$T/err" || fail "anonymize: $(cat "$T/err")"
[ -f "$T/xdg/sanctum/vault.key" ] || fail "key file not created"
[ "$(stat -c %a "$T/xdg/sanctum/vault.key")" = 600 ] || fail "key file mode"
[ "$(stat -c %a "$T/v")" = 600 ] || fail "vault mode"
grep -q '<PERSON_1>' "$T/anon.json" || fail "no placeholder"
for v in "Jane Roe" "Jane_Roe" "jane.roe@example.com" "4111 1111 1111 1111" "DE89 3704" "j.roe@example.org" "078-05-1120"; do
  grep -q "$v" "$T/anon.json" && fail "value left in the request: $v"
  grep -q "$v" "$T/v" && fail "value in clear in the vault: $v"
done
# the untouched parts are byte-identical (the developer prompt, the seed number)
grep -q '"seed": 9007199254740993' "$T/anon.json" || fail "seed changed"

# --format auto: a JSON document is never read as text, where values written with escapes pass in
# clear (it was, with exit 0 and "0 replacements"): after a UTF-8 BOM it is refused, naming the BOM; a
# JSON array of messages is walked as one; text that merely starts with '[' is still text
printf '\357\273\277{"messages":[{"role":"user","content":"I am J\\u0061ne Roe, jane.roe\\u0040example.com"}]}' > "$T/bom.json"
"$S" anonymize "$T/bom.json" --vault-out "$T/vbom" > "$T/bom.out" 2>"$T/err"
rc=$?
[ "$rc" = 2 ] || fail "BOM JSON: exit $rc, want 2: $(cat "$T/bom.out")"
[ -s "$T/bom.out" ] && fail "BOM JSON: output written: $(cat "$T/bom.out")"
[ -e "$T/vbom" ] && fail "BOM JSON: vault written"
grep -q 'byte order mark' "$T/err" || fail "BOM JSON: the BOM not named: $(cat "$T/err")"
printf '[{"role":"user","content":"I am Zo\\u00eb M\\u00fcller, jane.roe\\u0040example.com"}]' > "$T/arr.json"
"$S" anonymize "$T/arr.json" --vault-out "$T/varr" > "$T/arr.out" 2>"$T/err" || fail "JSON array: $(cat "$T/err")"
grep -q '^\[{"role":"user","content":"I am <PERSON_1>, <EMAIL_ADDRESS_1>"}\]$' "$T/arr.out" ||
  fail "JSON array: not walked as messages: $(cat "$T/arr.out")"
printf '[note] Jane Roe wrote from jane.roe@example.com' | "$S" anonymize --vault-out "$T/vtxt" > "$T/txt.out" 2>/dev/null ||
  fail "text starting with ["
grep -q '^\[note\] <PERSON_1> wrote from <EMAIL_ADDRESS_1>$' "$T/txt.out" || fail "text starting with [: $(cat "$T/txt.out")"

# restore a response and a stream
"$S" restore "$SRC/examples/demo_upstream_response.json" --vault "$T/v" > "$T/r.json" 2>"$T/err" || fail "restore: $(cat "$T/err")"
grep -q 'Done, Jane Roe: I refunded one charge to DE89 3704 0044 0532 0130 00 and sent the receipt to j.roe@example.org' "$T/r.json" || fail "restored text: $(cat "$T/r.json")"
grep -q '<PERSON_9> is not a placeholder' "$T/r.json" || fail "unknown placeholder not verbatim"
grep -q '1 unknown' "$T/err" || fail "unknown not counted: $(cat "$T/err")"
"$S" restore --stream --vault "$T/v" < "$SRC/examples/demo_upstream_stream.sse" > "$T/r.sse" || fail "restore --stream"
grep -q '"content":"Jane Roe: the refund went to "' "$T/r.sse" || fail "stream: $(cat "$T/r.sse")"
# a stream cut inside its last event: what came before is restored and written, the cut event goes
# out as received, a note says the stream was cut, and the exit status is 2 (error), not 0
printf 'data: {"choices":[{"delta":{"content":"<PERSON_1> paid"}}]}\n\ndata: {"choices":[{"delta":{"content":"x <PERS' |
  "$S" restore --stream --vault "$T/v" > "$T/cut.sse" 2>"$T/err"
rc=$?
[ "$rc" = 2 ] || fail "cut stream: exit $rc, want 2: $(cat "$T/err")"
grep -q 'the stream ended inside an event' "$T/err" || fail "cut stream: no note: $(cat "$T/err")"
grep -q '"content":"Jane.Roe paid"' "$T/cut.sse" || fail "cut stream: the whole event before the cut: $(cat "$T/cut.sse")"
tail -c 40 "$T/cut.sse" | grep -q 'x <PERS$' || fail "cut stream: the cut event not flushed as received: $(cat "$T/cut.sse")"
# --stream writes each event once it is complete, while the writer still holds the pipe open (it read
# 4 KiB blocks with fread, which waits for the whole block: a model's answer came out only at its end)
mkfifo "$T/fifo" || fail "mkfifo"
"$S" restore --stream --vault "$T/v" < "$T/fifo" > "$T/live.sse" 2>/dev/null &
live=$!
exec 3>"$T/fifo"
printf 'data: {"choices":[{"delta":{"content":"<PERSON_1> paid"}}]}\n\n' >&3
i=0
while [ $i -lt 100 ] && ! grep -q 'Jane.Roe paid' "$T/live.sse"; do sleep 0.05; i=$((i + 1)); done
grep -q 'Jane.Roe paid' "$T/live.sse"; seen=$?
printf 'data: [DONE]\n\n' >&3
exec 3>&-
wait $live || fail "live stream: exit $?"
[ "$seen" = 0 ] || fail "live stream: the first event not written before the stream ended: $(cat "$T/live.sse")"
grep -q 'data: \[DONE\]' "$T/live.sse" || fail "live stream end: $(cat "$T/live.sse")"
# ... the same stream with its blank line is complete: exit 0; a trailing comment keeps it complete
printf 'data: {"choices":[{"delta":{"content":"<PERSON_1> paid"}}]}\r\n\r\n: done\n' |
  "$S" restore --stream --vault "$T/v" > /dev/null 2>"$T/err" || fail "complete stream: exit $?: $(cat "$T/err")"
! grep -q 'ended inside an event' "$T/err" || fail "complete stream called cut: $(cat "$T/err")"
grep -q 'data: \[DONE\]' "$T/r.sse" || fail "stream end"
# --stream on input that is not SSE: restored as a whole document (same bytes as without --stream),
# with a note, instead of "0 restored" and nothing on stdout
"$S" restore --stream --vault "$T/v" < "$SRC/examples/demo_upstream_response.json" > "$T/rs.json" 2>"$T/err" ||
  fail "restore --stream of a JSON document: $(cat "$T/err")"
cmp -s "$T/r.json" "$T/rs.json" || fail "restore --stream of a JSON document differs: $(cat "$T/rs.json")"
grep -q 'not an SSE stream.*as a whole document' "$T/err" || fail "no not-SSE note: $(cat "$T/err")"
grep -q ' [1-9][0-9]* restored' "$T/err" || fail "stream fallback restored nothing: $(cat "$T/err")"
printf '\n%s\n' "$(cat "$SRC/examples/demo_upstream_response.json")" | "$S" restore --stream --vault "$T/v" --format openai_chat > /dev/null 2>"$T/err" ||
  fail "restore --stream --format openai_chat of a document after a blank line: $(cat "$T/err")"
grep -q 'as a whole document' "$T/err" || fail "explicit format fallback note: $(cat "$T/err")"

# text mode round trip
printf 'Call Jane Roe at jane.roe@example.com about <PERSON_1>.' > "$T/in.txt"
"$S" anonymize --format text --key-file "$T/k2" --vault-out "$T/v2" "$T/in.txt" > "$T/a.txt" 2>/dev/null || fail "text anonymize"
"$S" restore --format text --key-file "$T/k2" --vault "$T/v2" "$T/a.txt" > "$T/b.txt" 2>/dev/null || fail "text restore"
cmp -s "$T/in.txt" "$T/b.txt" || fail "text round trip: $(cat "$T/b.txt")"
"$S" restore --stream --key-file "$T/k2" --vault "$T/v2" "$T/a.txt" > "$T/b2.txt" 2>"$T/err" || fail "text restore --stream"
cmp -s "$T/in.txt" "$T/b2.txt" || fail "text restore --stream: $(cat "$T/b2.txt")"
grep -q 'as a whole text' "$T/err" || fail "text fallback note: $(cat "$T/err")"

# Gemini, known identities (system prompt included), --scrub-system, detect --identities
printf 'person: Elena Petrova\nphone: +48 512 345 678\n' > "$T/ids.txt"
"$S" anonymize --key-file "$T/k5" --vault-out "$T/v5" --identities "$T/ids.txt" "$SRC/examples/gemini_request.json" \
  > "$T/g.json" 2>"$T/err" || fail "gemini anonymize: $(cat "$T/err")"
for v in "Tomasz" "Petrova" "512 345" "4111111111111111"; do
  grep -q "$v" "$T/g.json" && fail "gemini: value left: $v"
done
grep -q "Be brief." "$T/g.json" || fail "gemini: system text lost"
"$S" restore --key-file "$T/k5" --vault "$T/v5" "$T/g.json" > "$T/g2.json" 2>/dev/null || fail "gemini restore"
grep -q '"card": "4111111111111111"' "$T/g2.json" || fail "gemini: card number not restored as a string"
grep -q "Dr. Elena Petrova's clinic" "$T/g2.json" || fail "gemini: identity not restored"
"$S" restore --stream --key-file "$T/k5" --vault "$T/v5" < "$SRC/examples/gemini_stream.sse" > "$T/g.sse" 2>/dev/null || fail "gemini stream"
grep -q 'Elena Petrova: Tuesday' "$T/g.sse" || fail "gemini stream: $(cat "$T/g.sse")"
printf '{"model":"m","messages":[{"role":"system","content":"Help Jane Roe."},{"role":"user","content":"hi"}]}' > "$T/sys.json"
"$S" anonymize --key-file "$T/k5" --vault-out "$T/v6" --scrub-system "$T/sys.json" 2>/dev/null | grep -q 'Help <PERSON_1>.' ||
  fail "--scrub-system"
"$S" anonymize --key-file "$T/k5" --vault-out "$T/v6" "$T/sys.json" 2>/dev/null | grep -q 'Help Jane Roe.' || fail "system kept by default"
echo 'Petrova, Elena: 0048 512-345-678' | "$S" detect --identities "$T/ids.txt" > "$T/d.txt" || fail "detect --identities"
grep -q '"type":"PERSON","start":0,"end":14,"score":1.00' "$T/d.txt" || fail "detect --identities: $(cat "$T/d.txt")"
printf 'planet: Mars\n' > "$T/bad_ids.txt"
"$S" detect --identities "$T/bad_ids.txt" < "$T/sys.json" 2>"$T/err" && fail "bad identities accepted"
grep -q 'Mars' "$T/err" && fail "identities error quotes the file"

# wrong key, tampered vault, foreign vault, loose key permissions
"$S" restore --vault "$T/v2" "$T/a.txt" 2>"$T/err" && fail "wrong key accepted"
grep -q 'wrong key or the file was modified' "$T/err" || fail "wrong key message: $(cat "$T/err")"
cp "$T/v2" "$T/v3"; printf 'X' | dd of="$T/v3" bs=1 seek=40 conv=notrunc 2>/dev/null
"$S" restore --key-file "$T/k2" --vault "$T/v3" "$T/a.txt" 2>/dev/null && fail "tampered vault accepted"
"$S" restore --key-file "$T/k2" --vault "$T/in.txt" "$T/a.txt" 2>"$T/err" && fail "foreign vault accepted"
grep -q 'not a sanctum vault' "$T/err" || fail "foreign vault message"
chmod 644 "$T/k2"
"$S" restore --key-file "$T/k2" --vault "$T/v2" "$T/a.txt" 2>/dev/null && fail "world-readable key accepted"
# fail closed: bad JSON gives no output
printf '{"messages":[{"role":"user","content":"Jane Roe"}' > "$T/bad.json"
"$S" anonymize --key-file "$T/k4" --vault-out "$T/v4" "$T/bad.json" > "$T/o" 2>/dev/null && fail "bad JSON accepted"
[ -s "$T/o" ] && fail "output on error"
"$S" restore "$T/a.txt" 2>/dev/null && fail "restore without --vault"
# a key that cannot be written whole (here: a file size limit of 0) leaves no key file behind, so the
# next run creates a whole one instead of failing on the stub for ever
printf 'Call Jane Roe.\n' > "$T/in7.txt"
(trap '' XFSZ; ulimit -f 0; exec "$S" anonymize --format text --key-file "$T/k7" --vault-out "$T/v7" "$T/in7.txt") \
    >/dev/null 2>&1 && fail "anonymize succeeded without a key file"
[ -e "$T/k7" ] && fail "a half-written key file was left behind"
ls "$T" | grep -q '^k7\.' && fail "a temporary key file was left behind: $(ls "$T")"
"$S" anonymize --format text --key-file "$T/k7" --vault-out "$T/v7" "$T/in7.txt" >"$T/a7.txt" 2>"$T/err" ||
    fail "no key after a failed first attempt: $(cat "$T/err")"
"$S" restore --format text --key-file "$T/k7" --vault "$T/v7" "$T/a7.txt" 2>/dev/null | grep -q 'Jane Roe' ||
    fail "round trip with the key made after a failed attempt"
# --vault-out replaces a regular file only: a rename over a symlink or a FIFO (as root, over /dev/null)
# replaced the node itself; and a file of the user's named VAULT.tmp is left alone (it was unlinked)
printf 'mine\n' > "$T/real"
ln -s "$T/real" "$T/vlink"
mkfifo "$T/vfifo"
for v in "$T/vlink" "$T/vfifo"; do
  "$S" anonymize --format text --key-file "$T/k7" --vault-out "$v" "$T/in7.txt" >"$T/o" 2>"$T/err" &&
      fail "vault written over $v"
  grep -q "is not a regular file" "$T/err" || fail "message for $v: $(cat "$T/err")"
  [ -s "$T/o" ] && fail "output for a vault not written"
done
[ -L "$T/vlink" ] && [ -p "$T/vfifo" ] && [ "$(cat "$T/real")" = mine ] || fail "a node was replaced"
printf 'keep me\n' > "$T/v8.tmp"
"$S" anonymize --format text --key-file "$T/k7" --vault-out "$T/v8" "$T/in7.txt" >/dev/null 2>&1 || fail "vault v8"
[ "$(cat "$T/v8.tmp")" = "keep me" ] || fail "a file named VAULT.tmp was deleted"
[ "$(ls "$T" | grep -c '^v8\.')" -eq 1 ] || fail "a temporary vault was left: $(ls "$T")"
exit 0
