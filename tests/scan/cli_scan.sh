#!/bin/sh
# sanctum scan end to end: text/jsonl/SARIF output, exit codes, .gitignore/.sanctumignore/inline
# suppressions, baseline, git remotes (no hook is ever run), rule errors. All tokens are FAKE and
# generated at run time by scan_fakegen_cli.
set -eu
SANCTUM=$1
FAKEGEN=$2
CHECK_SARIF=$3
PYTHON=${4:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
mkdir -p "$HOME" "$T/tree/src" "$T/tree/build" "$T/tree/docs" "$T/tree/sub/gen"

fail() { echo "FAIL: $*"; exit 1; }
run() { set +e; "$@" >"$T/out" 2>"$T/err"; rc=$?; set -e; }

GH=$("$FAKEGEN" github-pat valid 1)
BAD=$("$FAKEGEN" github-pat invalid 2)
NPM=$("$FAKEGEN" npm-access-token valid 3)
AGE=$("$FAKEGEN" age-secret-key valid 4)
printf 'APP=billing\nTOKEN=%s\n' "$GH" >"$T/tree/src/app.env"
printf 'TOKEN=%s\n' "$BAD" >"$T/tree/src/near.env"
printf 'NPM=%s # sanctum:allow (fixture)\n' "$NPM" >"$T/tree/src/allowed.env"
printf 'X=%s\n' "$NPM" >"$T/tree/build/out.txt"
printf 'build/\n' >"$T/tree/.gitignore"
printf '*.gen\n' >"$T/tree/sub/.gitignore"
printf 'X=%s\n' "$NPM" >"$T/tree/sub/gen/a.gen"
printf 'docs/\n' >"$T/tree/.sanctumignore"
printf 'K=%s\n' "$NPM" >"$T/tree/docs/x.md"
printf 'bin\000ary %s\n' "$GH" >"$T/tree/src/blob.bin"
printf 'identity: %s\n' "$AGE" >"$T/tree/sub/keys.txt"

# text output, exit 1, only the unsuppressed findings
run "$SANCTUM" scan "$T/tree" -j 2
[ "$rc" = 1 ] || fail "exit $rc, expected 1: $(cat "$T/err")"
grep -q '^src/app.env:2:7: github-pat: ghp_\*\*\*\*\* (fingerprint [0-9a-f]\{16\})$' "$T/out" || fail "text line: $(cat "$T/out")"
grep -q '^sub/keys.txt:1:11: age-secret-key: AGE-\*\*\*\*\*' "$T/out" || fail "age finding: $(cat "$T/out")"
[ "$(wc -l <"$T/out")" = 2 ] || fail "expected 2 findings: $(cat "$T/out")"
grep -q "$GH" "$T/out" && fail "secret printed without --no-redact"
[ "$(stat -c %a "$XDG_DATA_HOME/sanctum/scan.key")" = 600 ] || fail "key file mode"
[ "$(stat -c %s "$XDG_DATA_HOME/sanctum/scan.key")" = 32 ] || fail "key file size"

# one thread gives the same report
run "$SANCTUM" scan "$T/tree" -j1
cp "$T/out" "$T/one"
run "$SANCTUM" scan "$T/tree" -j 4
cmp -s "$T/one" "$T/out" || fail "-j 4 output differs from -j1"

# JSON lines, relative file names, --no-redact
run "$SANCTUM" scan "$T/tree" --format jsonl --output "$T/base.jsonl"
[ "$rc" = 1 ] || fail "jsonl exit $rc"
grep -q '"rule":"github-pat","description":"[^"]*","file":"src/app.env","line":2,"column":7,' "$T/base.jsonl" || fail "jsonl: $(cat "$T/base.jsonl")"
grep -q '"secret":"ghp_\*\*\*\*\*","redacted":true,"fingerprint":"[0-9a-f]\{64\}"' "$T/base.jsonl" || fail "jsonl redaction"
run "$SANCTUM" scan "$T/tree/src/app.env" --no-redact
grep -q "$GH" "$T/out" || fail "--no-redact does not show the secret"

# baseline: everything known -> exit 0; a new secret -> exit 1 with only the new one
run "$SANCTUM" scan "$T/tree" --baseline "$T/base.jsonl"
[ "$rc" = 0 ] || fail "baseline exit $rc: $(cat "$T/out")"
[ ! -s "$T/out" ] || fail "baseline output not empty"
GH2=$("$FAKEGEN" github-pat valid 9)
printf 'NEW=%s\n' "$GH2" >>"$T/tree/src/app.env"
run "$SANCTUM" scan "$T/tree" --baseline "$T/base.jsonl"
[ "$rc" = 1 ] || fail "baseline new secret exit $rc"
[ "$(wc -l <"$T/out")" = 1 ] && grep -q '^src/app.env:3:5: github-pat' "$T/out" || fail "baseline new: $(cat "$T/out")"
# a baseline made with another fingerprint key suppresses nothing
head -c 32 /dev/zero | tr '\0' 'k' >"$T/other.key"
# ... and like the vault and ledger keys, a key others may read is refused
chmod 640 "$T/other.key"
run "$SANCTUM" scan "$T/tree" --fingerprint-key-file "$T/other.key"
[ "$rc" = 2 ] && [ ! -s "$T/out" ] && grep -q "not readable by group or others" "$T/err" ||
  fail "group-readable scan key: exit $rc: $(cat "$T/err")"
chmod 604 "$T/other.key"
run "$SANCTUM" scan "$T/tree" --fingerprint-key-file "$T/other.key"
[ "$rc" = 2 ] || fail "world-readable scan key: exit $rc"
chmod 600 "$T/other.key"
run "$SANCTUM" scan "$T/tree" --baseline "$T/base.jsonl" --fingerprint-key-file "$T/other.key"
[ "$(wc -l <"$T/out")" = 3 ] || fail "other key: $(cat "$T/out")"

# SARIF 2.1.0
run "$SANCTUM" scan "$T/tree" --format sarif --output "$T/r.sarif"
[ "$rc" = 1 ] || fail "sarif exit $rc"
if [ -n "$PYTHON" ]; then
  "$PYTHON" "$CHECK_SARIF" "$T/r.sarif" 3 || fail "SARIF does not hold the schema's required fields"
  # and the checker itself rejects a log without a driver name
  sed 's/"name":"sanctum",//' "$T/r.sarif" >"$T/broken.sarif"
  if "$PYTHON" "$CHECK_SARIF" "$T/broken.sarif" 1 >/dev/null; then fail "SARIF checker accepted a broken log"; fi
else
  echo "python3 not found: SARIF structure checked by test_scan only"
fi

# git remotes: credentials in remote URLs and extraheaders, read from the config; hooks never run
git init -q "$T/repo"
URLPW=$("$FAKEGEN" url-credentials valid 5)
git -C "$T/repo" config remote.origin.url "https://x-access-token:$GH@github.com/acme/tools.git"
git -C "$T/repo" config remote.mirror.url "$URLPW"
printf '#!/bin/sh\ntouch "%s/hook-ran"\n' "$T" >"$T/repo/.git/hooks/post-checkout"
chmod +x "$T/repo/.git/hooks/post-checkout"
printf 'readme\n' >"$T/repo/README"
run "$SANCTUM" scan "$T/repo"
[ "$rc" = 0 ] || fail "repo without --git-remotes exit $rc: $(cat "$T/out")"
run "$SANCTUM" scan "$T/repo" --git-remotes --format jsonl
[ "$rc" = 1 ] || fail "git remotes exit $rc: $(cat "$T/err")"
grep -q '"rule":"github-pat","description":"[^"]*","file":".git/config"' "$T/out" || fail "remote token: $(cat "$T/out")"
grep -q '"rule":"url-credentials","description":"[^"]*","file":".git/config"' "$T/out" || fail "remote password: $(cat "$T/out")"
[ ! -e "$T/hook-ran" ] || fail "a git hook ran"
# a worktree-style .git file pointing at the real git dir
mkdir -p "$T/wt"
printf 'gitdir: %s/repo/.git\n' "$T" >"$T/wt/.git"
# ... outside the scanned tree: not followed (a planted .git file must not make the scan read
# /elsewhere/config), said on stderr; followed when the user names that directory too
run "$SANCTUM" scan "$T/wt" --git-remotes
[ "$rc" = 0 ] && ! grep -q 'config' "$T/out" || fail "gitdir outside the tree was read: $(cat "$T/out")"
grep -q "^sanctum scan: .git: skipped, its gitdir lies outside the scanned tree" "$T/err" || fail "no skip note: $(cat "$T/err")"
run "$SANCTUM" scan "$T/wt" "$T/repo/.git" --git-remotes
[ "$rc" = 1 ] && grep -q '^.git/config:' "$T/out" || fail "gitdir file, named: $(cat "$T/out") $(cat "$T/err")"
# ... inside the scanned tree (a submodule's relative gitdir): followed
mkdir -p "$T/super/sub" "$T/super/modules/sub"
cp "$T/repo/.git/config" "$T/super/modules/sub/config"
printf 'gitdir: ../modules/sub\n' >"$T/super/sub/.git"
run "$SANCTUM" scan "$T/super" --git-remotes
[ "$rc" = 1 ] && grep -q '^sub/.git/config:' "$T/out" && ! grep -q 'skipped' "$T/err" ||
  fail "gitdir inside the tree: $(cat "$T/out") $(cat "$T/err")"

# custom rules, and rule file errors (exit 2, line and column)
printf '[rule]\nid = acme-key\nregex = acme_[A-Za-z0-9]{24}\nkeywords = acme_\n' >"$T/acme.rules"
printf 'k = acme_Q8zR2mX7vTwL4pN9sK3dF6hJ\n' >"$T/acme.txt"
run "$SANCTUM" scan "$T/acme.txt" --rules "$T/acme.rules" --no-builtin
[ "$rc" = 1 ] && grep -q 'acme-key' "$T/out" || fail "custom rule"
printf '[rule]\nid = x\nregex = (\n' >"$T/bad.rules"
run "$SANCTUM" scan "$T/tree" --rules "$T/bad.rules"
[ "$rc" = 2 ] || fail "bad rules exit $rc"
grep -q 'line 3 column 10: invalid regular expression' "$T/err" || fail "rules error message: $(cat "$T/err")"

# usage errors
run "$SANCTUM" scan --format xml "$T/tree"
[ "$rc" = 2 ] || fail "bad format exit $rc"
run "$SANCTUM" scan "$T/no-such-dir"
[ "$rc" = 2 ] || fail "missing path exit $rc"
run "$SANCTUM" scan --bogus
[ "$rc" = 2 ] || fail "unknown option exit $rc"
run "$SANCTUM" scan --help
[ "$rc" = 0 ] || fail "help exit $rc"
# the option list is one block: no prose line sits between two option lines
awk '/^  -/ { if (prose) bad = 1; opts = 1; next } opts && /^[^ ]/ { prose = 1 } END { exit bad }' "$T/out" ||
    fail "help: a line inside the option list: $(cat "$T/out")"
echo "cli_scan: ok"
