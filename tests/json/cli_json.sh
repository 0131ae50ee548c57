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
printf '{"a":' | "$bin" json texts - 2>/dev/null; [ $? -eq 1 ] || { echo "FAIL: texts on invalid input"; fail=1; }
[ $fail -eq 0 ] && echo "ok: sanctum json exit codes"
exit $fail
