#!/bin/sh
# What --help says a command writes is what it writes: the keys of each `sanctum json texts` line are
# the ones its help lists, in that order (the help left out "format", which every line carries).
set -u
S="$1"
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
printf '{"messages":[{"role":"user","content":"hi"}]}' >"$T/req.json"
"$S" json texts "$T/req.json" >"$T/out" || { echo "FAIL: json texts exit $?"; exit 1; }
keys=$(/usr/bin/python3 -c 'import json, sys; print(", ".join(json.loads(sys.stdin.readline())))' <"$T/out")
"$S" json --help 2>&1 | tr -s ' \n' '  ' | grep -qF "JSON line per scan string of a chat request/response/stream event: $keys (" ||
    { echo "FAIL: json texts writes '$keys'; its --help says: $("$S" json --help 2>&1 | grep -A1 '^texts')"; exit 1; }
echo "ok: json texts fields as --help lists them"
