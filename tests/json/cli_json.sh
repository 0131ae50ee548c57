#!/bin/sh
# cli_json.sh SANCTUM OWN_DIR SUITE_DIR EXAMPLES_DIR: exit codes of `sanctum json` on the project's own
# conformance cases and, when SUITE_DIR names a JSONTestSuite checkout, on its test_parsing files too.
set -u
bin=$1
own=$2
suite=$3
examples=$4
fail=0
err=$(mktemp)
trap 'rm -f "$err"' EXIT
dirs=$own
if [ -n "$suite" ] && [ -d "$suite/test_parsing" ]; then
  dirs="$dirs $suite/test_parsing"
else
  echo "skipped: JSONTestSuite not found (SANCTUM_JSONTESTSUITE_DIR); the project's own cases still run"
fi
for d in $dirs; do
for f in "$d"/y_*.json; do
  "$bin" json validate "$f" 2>"$err"
  rc=$?
  [ $rc -eq 0 ] || { echo "FAIL: $f: exit $rc, want 0"; fail=1; }
  case "$(basename "$f")" in
    y_object_duplicated_key*) want=1 ;;
    *) want=0 ;;
  esac
  "$bin" json validate --strict <"$f" 2>"$err"
  rc=$?
  [ $rc -eq $want ] || { echo "FAIL: $f (stdin, --strict): exit $rc, want $want"; fail=1; }
done
for f in "$d"/n_*.json; do
  "$bin" json validate "$f" 2>"$err"
  rc=$?
  [ $rc -eq 1 ] || { echo "FAIL: $f: exit $rc, want 1"; fail=1; }
  grep -q "offset [0-9][0-9]*: " "$err" || { echo "FAIL: $f: no 'offset N: message' on stderr"; fail=1; }
done
done
# usage and I/O errors exit 2
"$bin" json 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: no subcommand"; fail=1; }
"$bin" json frobnicate 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: unknown subcommand"; fail=1; }
"$bin" json validate --bogus 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: unknown option"; fail=1; }
"$bin" json validate /nonexistent/file.json 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: missing file"; fail=1; }
"$bin" json validate a b 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: two inputs"; fail=1; }
# roundtrip is the identity; texts lists the scan strings
for f in "$examples"/*.json; do
  "$bin" json roundtrip "$f" | cmp -s - "$f" || { echo "FAIL: roundtrip $f"; fail=1; }
done
out=$("$bin" json texts "$examples/openai_chat_request.json") || { echo "FAIL: texts exit"; fail=1; }
echo "$out" | grep -q '"path":"\$.messages\[5\].content","role":"user","kind":"text","format":"openai_chat"' ||
  { echo "FAIL: texts output"; fail=1; }
echo "$out" | grep -q 'Acme Bank' && { echo "FAIL: texts printed the developer prompt"; fail=1; }
[ "$(echo "$out" | wc -l)" -eq 11 ] || { echo "FAIL: texts count"; fail=1; }
"$bin" json texts --format nope "$examples/openai_chat_request.json" 2>/dev/null; [ $? -eq 2 ] || { echo "FAIL: bad format"; fail=1; }
# the --format names of anonymize and restore (anthropic, responses) work here too, beside the library's
for f in anthropic:anthropic_messages anthropic_messages:anthropic_messages responses:openai_responses openai_responses:openai_responses; do
  out=$("$bin" json texts --format "${f%%:*}" "$examples/${f#*:}_request.json") && [ -n "$out" ] ||
    { echo "FAIL: texts --format ${f%%:*}"; fail=1; }
done
printf '{"a":' | "$bin" json texts - 2>/dev/null; [ $? -eq 1 ] || { echo "FAIL: texts on invalid input"; fail=1; }
# lone surrogates: refused by default, accepted (and written back as they were) when asked
tmpd=$(mktemp -d)
printf '{"a":"x\\ud83d"}' > "$tmpd/lone.json"
"$bin" json validate "$tmpd/lone.json" 2>/dev/null; [ $? -eq 1 ] || { echo "FAIL: lone surrogate accepted"; fail=1; }
"$bin" json validate --allow-lone-surrogates "$tmpd/lone.json" || { echo "FAIL: --allow-lone-surrogates"; fail=1; }
"$bin" json roundtrip --allow-lone-surrogates "$tmpd/lone.json" | cmp -s - "$tmpd/lone.json" || { echo "FAIL: lone roundtrip"; fail=1; }
out=$("$bin" json texts --scrub-system "$examples/gemini_request.json") || { echo "FAIL: texts gemini"; fail=1; }
echo "$out" | grep -q '"path":"\$.systemInstruction.parts\[0\].text","role":"system","kind":"text","format":"gemini"' ||
  { echo "FAIL: texts --scrub-system gemini"; fail=1; }
# a document of the wrong shape is an error with its offset, not silence
err=$(echo '{"messages":5}' | "$bin" json texts - 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && echo "$err" | grep -q '^sanctum json texts: offset 12: messages is a number where a request (openai_chat) has an array of messages$' ||
  { echo "FAIL: texts on messages:5 (exit $rc): $err"; fail=1; }
err=$(echo '{"foo":1}' | "$bin" json texts - 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && echo "$err" | grep -q 'offset 0: not a chat request, response, stream event or error' ||
  { echo "FAIL: texts on an unknown shape (exit $rc): $err"; fail=1; }
err=$(echo '[]' | "$bin" json texts - 2>&1 >/dev/null); [ $? -eq 1 ] || { echo "FAIL: texts on an array: $err"; fail=1; }
out=$(echo '{"model":"m","messages":[]}' | "$bin" json texts -) && [ -z "$out" ] || { echo "FAIL: texts on no messages"; fail=1; }
# SSE lines, as the help says: each data: line is one stream event, [DONE] and event:/comment lines skipped
printf 'event: x\n: c\ndata: {"object":"chat.completion.chunk","choices":[{"delta":{"content":"hi"}}]}\n\ndata:{"choices":[{"delta":{"content":" you"}}]}\r\n\ndata: [DONE]\n' > "$tmpd/s.sse"
out=$("$bin" json texts "$tmpd/s.sse") || { echo "FAIL: texts on SSE lines"; fail=1; }
[ "$(echo "$out" | grep -c '"path":"\$.choices\[0\].delta.content","role":"assistant"')" -eq 2 ] &&
  echo "$out" | grep -q '"text":" you"' || { echo "FAIL: texts SSE output: $out"; fail=1; }
err=$(printf 'data: {"choices":[]}\ndata: {"x":1}\n' | "$bin" json texts - 2>&1 >/dev/null); rc=$?
[ $rc -eq 1 ] && echo "$err" | grep -q 'offset 27: not a chat' || { echo "FAIL: SSE error offset (exit $rc): $err"; fail=1; }
out=$("$bin" json texts "$examples/demo_upstream_stream.sse") && [ -n "$out" ] || { echo "FAIL: texts on the example stream"; fail=1; }
rm -rf "$tmpd"
[ $fail -eq 0 ] && echo "ok: sanctum json exit codes"
exit $fail
