#!/bin/sh
# cli_scan_shallow.sh SANCTUM FAKEGEN: --git-history on a shallow clone (CI checkouts are depth 1 by
# default) must not report an incomplete history as clean: exit 2 with a message saying why, and a
# full clone of the same repository finds the secret committed on top.
set -u
S=$1 FAKEGEN=$2
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
export XDG_DATA_HOME="$T/xdg" HOME="$T/home" GIT_CONFIG_NOSYSTEM=1
fails=0
ok() { echo "ok   $*"; }
bad() { echo "FAIL $*"; fails=$((fails + 1)); }
git init -q "$T/origin"
echo one >"$T/origin/a.txt"
git -C "$T/origin" add a.txt && git -C "$T/origin" -c user.email=t@example.org -c user.name=t commit -qm 1
echo two >>"$T/origin/a.txt"
git -C "$T/origin" -c user.email=t@example.org -c user.name=t commit -qam 2
git clone -q --depth 1 "file://$T/origin" "$T/shallow"
printf 'token: %s\n' "$("$FAKEGEN" github-pat valid 7)" >"$T/shallow/leak.yml"
git -C "$T/shallow" add leak.yml && git -C "$T/shallow" -c user.email=t@example.org -c user.name=t commit -qm 3
rm "$T/shallow/leak.yml"

"$S" scan --git-history "$T/shallow" >"$T/out" 2>"$T/err"
rc=$?
if [ $rc -eq 2 ] && grep -q 'shallow clone' "$T/err" && ! grep -q 'ghp_' "$T/err"; then
    ok "shallow clone: exit 2, says why"
else
    bad "shallow clone: exit $rc: $(cat "$T/err")"
fi
# --since past the graft: the walk fails and says so (it used to end silently with 0 commits).
"$S" scan --git-history --since HEAD~1 "$T/shallow" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] || { [ $rc -eq 2 ] && grep -q 'walking history (a shallow clone' "$T/err"; } && ok "shallow --since: exit $rc" \
    || bad "shallow --since: exit $rc: $(cat "$T/err")"
git -C "$T/shallow" fetch -q --unshallow
"$S" scan --git-history "$T/shallow" >"$T/out" 2>"$T/err"
rc=$?
[ $rc -eq 1 ] && grep -q 'leak.yml' "$T/out" && ok "unshallowed: the secret is found" \
    || bad "unshallowed: exit $rc: $(cat "$T/out" "$T/err")"
echo "$fails failed"
[ $fails -eq 0 ]
