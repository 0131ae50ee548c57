#!/bin/sh
# check_precommit.sh SANCTUM: the repository's .pre-commit-hooks.yaml run by Debian's pre-commit, offline,
# with SANCTUM as the `sanctum` on PATH:
#   - `pre-commit try-repo` on a repository with a planted token staged: blocked, token not printed;
#   - the same on a clean repository: passes;
#   - installed as a git hook (`pre-commit install`): `git commit` of the token is refused, and goes
#     through once the finding is in a baseline the hook is given (args: --baseline FILE).
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
sanctum=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
command -v pre-commit >/dev/null || { echo "FAIL: pre-commit not installed (scripts/bootstrap)"; exit 1; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir "$work/bin"
ln -s "$sanctum" "$work/bin/sanctum"
export PATH="$work/bin:/usr/bin:/bin" PRE_COMMIT_HOME="$work/cache" XDG_DATA_HOME="$work/data" HOME="$work"
export GIT_AUTHOR_NAME=test GIT_AUTHOR_EMAIL=test@example.invalid GIT_COMMITTER_NAME=test \
  GIT_COMMITTER_EMAIL=test@example.invalid GIT_CONFIG_NOSYSTEM=1
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; sed 's/^/    /' "$work/out" | tail -n 30; }

# The hook repository: this tree's .pre-commit-hooks.yaml, committed (pre-commit clones a rev).
git init -q "$work/hooks"
cp "$src/.pre-commit-hooks.yaml" "$work/hooks/"
git -C "$work/hooks" add .pre-commit-hooks.yaml
git -C "$work/hooks" commit -q -m hooks
rev=$(git -C "$work/hooks" rev-parse HEAD)

repo() { # NAME: a repository with an ordinary file staged
  git init -q "$work/$1"
  printf 'def greet(name):\n    return f"hello {name}"\n' >"$work/$1/app.py"
  git -C "$work/$1" add app.py
}

# 1. A planted token (made now, random, valid checksum) is blocked.
repo planted
/usr/bin/python3 "$src/tests/packaging/fake_token.py" >"$work/planted/deploy.env"
token=$(sed 's/^[^=]*=//' "$work/planted/deploy.env")
git -C "$work/planted" add deploy.env
if (cd "$work/planted" && pre-commit try-repo "$work/hooks" sanctum-scan) >"$work/out" 2>&1; then
  bad "try-repo on a staged token should fail"
elif grep -q 'deploy.env:1:[0-9]*: github-pat' "$work/out" && grep -q Failed "$work/out"; then
  ok "try-repo: staged token blocked (github-pat in deploy.env)"
else
  bad "try-repo failed without reporting the token"
fi
if grep -qF "$token" "$work/out"; then bad "the hook printed the whole token"; else ok "the report redacts the token"; fi

# 1b. Staged files named like options are file names, not options: neither turns the scan off.
repo optnames
/usr/bin/python3 "$src/tests/packaging/fake_token.py" >"$work/optnames/deploy.env"
for f in --no-builtin --max-file-size=1 '--exclude=*' --output=app.py; do printf 'x\n' >"$work/optnames/$f"; done
git -C "$work/optnames" add -- .
if (cd "$work/optnames" && pre-commit try-repo "$work/hooks" sanctum-scan) >"$work/out" 2>&1; then
  bad "try-repo: files named like options turned the scan off"
elif grep -q 'deploy.env:1:[0-9]*: github-pat' "$work/out" && grep -q 'def greet' "$work/optnames/app.py"; then
  ok "try-repo: files named like options are scanned as files (token blocked, app.py untouched)"
else
  bad "try-repo with files named like options: token not reported or app.py overwritten"
fi

# 2. A clean repository passes.
repo clean
printf 'API_URL=https://api.example.com\nTIMEOUT=30\n' >"$work/clean/settings.env"
git -C "$work/clean" add settings.env
if (cd "$work/clean" && pre-commit try-repo "$work/hooks" sanctum-scan) >"$work/out" 2>&1 &&
  grep -q Passed "$work/out"; then
  ok "try-repo: clean repository passes"
else
  bad "try-repo on a clean repository should pass"
fi

# 3. As the repository's git hook: the commit is refused, then allowed through a baseline.
cat >"$work/planted/.pre-commit-config.yaml" <<EOF
repos:
  - repo: $work/hooks
    rev: $rev
    hooks:
      - id: sanctum-scan
EOF
git -C "$work/planted" add .pre-commit-config.yaml
(cd "$work/planted" && pre-commit install) >"$work/out" 2>&1 || bad "pre-commit install"
if (cd "$work/planted" && git commit -q -m "add deploy config") >"$work/out" 2>&1; then
  bad "git commit with a staged token should be refused"
elif ! git -C "$work/planted" rev-parse -q --verify HEAD >/dev/null; then
  ok "git commit refused by the hook, nothing committed"
else
  bad "a commit was made"
fi
# The finding, accepted on purpose: its fingerprint goes into a baseline the hook is given.
(cd "$work/planted" && sanctum scan deploy.env --format jsonl >.sanctum-baseline.jsonl) || true
cat >>"$work/planted/.pre-commit-config.yaml" <<'EOF'
        args: [--baseline, .sanctum-baseline.jsonl, --]
EOF
git -C "$work/planted" add .sanctum-baseline.jsonl .pre-commit-config.yaml
if (cd "$work/planted" && git commit -q -m "add deploy config (known token, baselined)") >"$work/out" 2>&1 &&
  git -C "$work/planted" rev-parse -q --verify HEAD >/dev/null; then
  ok "git commit goes through with the finding in the baseline"
else
  bad "the baseline did not let the commit through"
fi
# ... and only that finding: a second token is still refused.
/usr/bin/python3 "$src/tests/packaging/fake_token.py" >"$work/planted/other.env"
git -C "$work/planted" add other.env
if (cd "$work/planted" && git commit -q -m "another token") >"$work/out" 2>&1; then
  bad "a token outside the baseline should still be refused"
else
  ok "a token outside the baseline is still refused"
fi

echo "check_precommit: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
