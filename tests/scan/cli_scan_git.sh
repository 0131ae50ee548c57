#!/bin/sh
# sanctum scan --git-history / --staged end to end, on repositories built here with the git CLI (the
# scanner itself reads objects with libgit2 only). Checks: a token added then deleted is reported
# once, at the commit that added it; a blob named by many commits is scanned once (the summary's
# counters against git's own object count); packed and loose repositories give the same report;
# --branch / --since; .sanctumignore, baseline and inline allows as they stood in each commit;
# --staged; SARIF with the commit. All tokens are FAKE, generated at run time by scan_fakegen_cli.
set -eu
SANCTUM=$1
FAKEGEN=$2
CHECK_SARIF=$3
PYTHON=${4:-}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home" GIT_CONFIG_NOSYSTEM=1 GIT_CONFIG_GLOBAL=/dev/null
export GIT_AUTHOR_NAME=t GIT_AUTHOR_EMAIL=t@example.org GIT_COMMITTER_NAME=t GIT_COMMITTER_EMAIL=t@example.org
mkdir -p "$HOME"

fail() { echo "FAIL: $*"; exit 1; }
run() { set +e; "$@" >"$T/out" 2>"$T/err"; rc=$?; set -e; }
N=0
# commit MESSAGE: commits everything staged, one day after the previous commit
commit() {
  N=$((N + 1))
  d="$((1709287200 + (N - 1) * 86400)) +0000" # 2024-03-01T10:00:00Z for the first
  GIT_AUTHOR_DATE=$d GIT_COMMITTER_DATE=$d git -C "$R" commit -q --allow-empty -m "$1"
}

R="$T/repo"
git init -q -b main "$R"
GH=$("$FAKEGEN" github-pat valid 11)
NPM=$("$FAKEGEN" npm-access-token valid 12)
GH2=$("$FAKEGEN" github-pat valid 13)
GH3=$("$FAKEGEN" github-pat valid 14)
GH4=$("$FAKEGEN" github-pat valid 15)
GH5=$("$FAKEGEN" github-pat valid 16)

printf 'billing service\n' >"$R/README"
git -C "$R" add -A && commit "readme"
printf 'APP=billing\nTOKEN=%s\n' "$GH" >"$R/app.env"
git -C "$R" add -A && commit "add token"                       # commit 2 introduces GH
INTRO=$(git -C "$R" rev-parse HEAD)
printf 'APP=billing\n' >"$R/app.env"
git -C "$R" add -A && commit "remove token"
# the same content at 30 paths over 30 commits: one blob, scanned once
mkdir -p "$R/dup"
i=0
while [ $i -lt 30 ]; do
  printf 'shared configuration, no secret\n' >"$R/dup/$i.txt"
  git -C "$R" add -A && commit "dup $i"
  i=$((i + 1))
done
# an ignore that exists only from this commit on; an inline allow
mkdir -p "$R/vendor"
printf 'K=%s\n' "$GH2" >"$R/vendor/early.env"
git -C "$R" add -A && commit "vendor before the ignore"       # reported
printf 'vendor/\n' >"$R/.sanctumignore"
printf 'K=%s\n' "$GH3" >"$R/vendor/late.env"
printf 'K=%s # sanctum:allow (fixture)\n' "$GH4" >"$R/fixture.env"
git -C "$R" add -A && commit "ignore vendor"                   # not reported: ignored / allowed
# a feature branch with its own token
git -C "$R" checkout -q -b feature
printf 'NPM=%s\n' "$NPM" >"$R/feature.env"
git -C "$R" add -A && commit "feature token"
FEAT=$(git -C "$R" rev-parse HEAD)
git -C "$R" checkout -q main

# ---- history: text, one report per introduced secret ----
run "$SANCTUM" scan --git-history "$R"
[ "$rc" = 1 ] || fail "exit $rc, expected 1: $(cat "$T/err")"
SHORT=$(echo "$INTRO" | cut -c1-12)
grep -q "^app.env:2:7: github-pat: ghp_\*\*\*\*\* (fingerprint [0-9a-f]\{16\}) (commit $SHORT 2024-03-02T10:00:00Z)$" "$T/out" \
  || fail "introducing commit: $(cat "$T/out")"
[ "$(grep -c '^app.env:' "$T/out")" = 1 ] || fail "token reported more than once: $(cat "$T/out")"
grep -q '^vendor/early.env:1:3: github-pat' "$T/out" || fail "token before the ignore existed: $(cat "$T/out")"
grep -q 'late.env\|fixture.env' "$T/out" && fail "ignored or allowed token reported: $(cat "$T/out")"
grep -q "^feature.env:1:5: npm-access-token: .*(commit $(echo "$FEAT" | cut -c1-12) " "$T/out" || fail "branch token: $(cat "$T/out")"
[ "$(wc -l <"$T/out")" = 3 ] || fail "expected 3 findings: $(cat "$T/out")"
grep -q "$GH" "$T/out" && fail "secret printed without --no-redact"

# ---- the counters: every distinct blob scanned once, the rest skipped ----
COMMITS=$(git -C "$R" rev-list --all | wc -l)
# distinct blobs git knows, minus the two under vendor/ after the ignore (late.env is never scanned)
BLOBS=$(git -C "$R" rev-list --all --objects | cut -d' ' -f1 | git -C "$R" cat-file --batch-check='%(objecttype)' | grep -c '^blob$')
grep -q "history: $COMMITS commits, " "$T/err" || fail "commit count ($COMMITS): $(cat "$T/err")"
SCANNED=$(sed -n 's/.*: \([0-9]*\) blobs scanned.*/\1/p' "$T/err")
SKIPPED=$(sed -n 's/.* \([0-9]*\) skipped as already scanned.*/\1/p' "$T/err")
CHANGES=$(sed -n 's/.* \([0-9]*\) blob changes.*/\1/p' "$T/err")
[ "$SCANNED" = $((BLOBS - 1)) ] || fail "scanned $SCANNED blobs, git has $BLOBS (one ignored): $(cat "$T/err")"
[ "$SKIPPED" -ge 29 ] || fail "the shared blob was not skipped 29 times: $(cat "$T/err")"
[ $((SCANNED + SKIPPED)) = "$CHANGES" ] || fail "scanned + skipped != changes: $(cat "$T/err")"

# ---- --branch and --since ----
run "$SANCTUM" scan --git-history --branch main "$R"
[ "$rc" = 1 ] && ! grep -q feature.env "$T/out" || fail "--branch main: $(cat "$T/out")"
run "$SANCTUM" scan --git-history --since main "$R"
[ "$rc" = 1 ] && [ "$(wc -l <"$T/out")" = 1 ] && grep -q '^feature.env' "$T/out" || fail "--since main: $(cat "$T/out")"
run "$SANCTUM" scan --git-history --branch nosuch "$R"
[ "$rc" = 2 ] || fail "--branch nosuch: exit $rc"
[ "$(cat "$T/err")" = "sanctum scan: --branch nosuch: no such branch" ] || fail "--branch nosuch: the error alone: $(cat "$T/err")"
[ ! -s "$T/out" ] || fail "--branch nosuch wrote a report: $(cat "$T/out")"
run "$SANCTUM" scan --git-history --format sarif --since nosuch "$R"
[ "$rc" = 2 ] && [ ! -s "$T/out" ] && ! grep -q commits "$T/err" || fail "--since nosuch: $rc $(cat "$T/out" "$T/err")"
run "$SANCTUM" scan --git-history "$T"
[ "$rc" = 2 ] || fail "not a repository: exit $rc"
run "$SANCTUM" scan --since main "$R"
[ "$rc" = 2 ] || fail "--since without --git-history: exit $rc"

# ---- loose and packed give the same report ----
run "$SANCTUM" scan --git-history --format jsonl "$R"
cp "$T/out" "$T/loose.jsonl"
[ -z "$(find "$R/.git/objects/pack" -name '*.pack')" ] || fail "fixture repository is not loose"
cp -r "$R" "$T/packed"
git -C "$T/packed" gc -q --aggressive --prune=now
[ -n "$(find "$T/packed/.git/objects/pack" -name '*.pack')" ] || fail "gc made no pack"
[ -z "$(find "$T/packed/.git/objects" -path '*/objects/[0-9a-f][0-9a-f]/*' -type f)" ] || fail "loose objects left"
run "$SANCTUM" scan --git-history --format jsonl "$T/packed"
cmp -s "$T/loose.jsonl" "$T/out" || fail "packed and loose reports differ: $(diff "$T/loose.jsonl" "$T/out")"
grep -q "\"commit\":\"$INTRO\",\"author_date\":\"2024-03-02T10:00:00Z\"" "$T/out" || fail "jsonl commit: $(cat "$T/out")"

# ---- a bare clone and a linked worktree read the same history ----
git clone -q --bare "$R" "$T/bare.git"
run "$SANCTUM" scan --git-history --format jsonl "$T/bare.git"
cmp -s "$T/loose.jsonl" "$T/out" || fail "bare clone report differs: $(diff "$T/loose.jsonl" "$T/out")"
git -C "$R" worktree add -q "$T/wt" feature
run "$SANCTUM" scan --git-history --format jsonl -j 2 "$T/wt"
cmp -s "$T/loose.jsonl" "$T/out" || fail "worktree report differs: $(diff "$T/loose.jsonl" "$T/out")"
git -C "$R" worktree remove "$T/wt"

# ---- SARIF: results carry the commit, the run names it in versionControlProvenance ----
run "$SANCTUM" scan --git-history --format sarif --output "$T/h.sarif" "$R"
[ "$rc" = 1 ] || fail "sarif exit $rc"
grep -q "\"revisionId\":\"$INTRO\"" "$T/h.sarif" || fail "versionControlProvenance: $(cat "$T/h.sarif")"
if [ -n "$PYTHON" ]; then
  "$PYTHON" "$CHECK_SARIF" "$T/h.sarif" 3 || fail "history SARIF"
fi

# ---- the baseline as it stood in the commit that introduced a finding ----
printf 'K=%s\n' "$GH5" >"$T/probe.env"
run "$SANCTUM" scan --format jsonl "$T/probe.env"
FP=$(sed -n 's/.*"fingerprint":"\([0-9a-f]*\)".*/\1/p' "$T/out")
[ ${#FP} = 64 ] || fail "probe fingerprint: $(cat "$T/out")"
printf 'K=%s\n' "$GH5" >"$R/known.env"
printf '%s\n' "$FP" >"$R/.sanctum-baseline"
git -C "$R" add -A && commit "known token, baselined"
: >"$R/.sanctum-baseline" # the work tree's baseline no longer holds it: only the commit's does
run sh -c "cd '$R' && '$SANCTUM' scan --git-history --baseline .sanctum-baseline ."
grep -q known.env "$T/out" && fail "baseline of the commit not honoured: $(cat "$T/out")"
grep -q '^app.env:' "$T/out" || fail "baseline run lost other findings: $(cat "$T/out")"
git -C "$R" checkout -q -- .sanctum-baseline
# the same with the 16 digits a text report prints, committed as the baseline
printf 'K=%s\n' "$GH5" >"$R/known2.env"
printf '# from the text report\n%s\n' "$(echo "$FP" | cut -c1-16)" >"$R/.sanctum-baseline"
git -C "$R" add -A && commit "known token again, baselined by its short fingerprint"
: >"$R/.sanctum-baseline"
run sh -c "cd '$R' && '$SANCTUM' scan --git-history --baseline .sanctum-baseline ."
grep -q known2.env "$T/out" && fail "16-digit baseline of the commit not honoured: $(cat "$T/out")"
grep -q '^app.env:' "$T/out" || fail "16-digit baseline run lost other findings: $(cat "$T/out")"
git -C "$R" checkout -q -- .sanctum-baseline

# ---- --staged: what is about to be committed ----
printf 'X=%s\n' "$GH5" >"$R/staged.env"
run "$SANCTUM" scan --staged "$R"
[ "$rc" = 0 ] || fail "--staged with nothing staged: exit $rc: $(cat "$T/out")"
git -C "$R" add staged.env
run "$SANCTUM" scan --staged "$R"
[ "$rc" = 1 ] && grep -q '^staged.env:1:3: github-pat' "$T/out" || fail "--staged: $rc $(cat "$T/out")"
[ "$(wc -l <"$T/out")" = 1 ] || fail "--staged reported committed files: $(cat "$T/out")"
printf 'X=1\n' >"$R/staged.env" # unstaged change: the index still holds the token
run "$SANCTUM" scan --staged "$R"
[ "$rc" = 1 ] || fail "--staged read the work tree instead of the index"
printf 'staged.env\n' >>"$R/.sanctumignore"
git -C "$R" add .sanctumignore
run "$SANCTUM" scan --staged "$R"
[ "$rc" = 0 ] || fail "--staged ignores the staged .sanctumignore: $(cat "$T/out")"
# a fresh repository (unborn HEAD) with a staged token
git init -q "$T/fresh"
printf 'X=%s\n' "$GH" >"$T/fresh/a.env"
git -C "$T/fresh" add a.env
run "$SANCTUM" scan --staged "$T/fresh"
[ "$rc" = 1 ] && grep -q '^a.env:1:3: github-pat' "$T/out" || fail "--staged on an unborn HEAD: $(cat "$T/out")"
echo "cli_scan_git: ok"
