#!/bin/sh
# The sanctum process cannot leave a core dump: it holds vault and ledger keys, input full of personal
# data and secrets, and a core file would put them on disk in clear. Checked on a running process
# (blocked reading stdin from a FIFO): its core file size limit is 0 and it is not dumpable.
set -u
S="$1"
T=$(mktemp -d)
trap 'exec 3>&-; rm -rf "$T"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
[ -r /proc/self/limits ] || { echo "no /proc: skipped"; exit 77; }
mkfifo "$T/in"
exec 3<>"$T/in"
"$S" json validate - <"$T/in" >/dev/null 2>&1 3>&- &
pid=$!
i=0
# wait until the process runs sanctum (not the shell's fork before exec) and blocks in read
while [ $i -lt 100 ]; do
    [ "$(readlink "/proc/$pid/exe" 2>/dev/null)" = "$(readlink -f "$S")" ] && grep -q '^State:.*S (sleeping)' "/proc/$pid/status" 2>/dev/null && break
    sleep 0.05
    i=$((i + 1))
done
limits=$(grep '^Max core file size' "/proc/$pid/limits")
printf '{}' >&3
exec 3>&-
wait $pid
echo "$limits" | grep -Eq 'Max core file size +0 +0 ' || fail "core dumps possible: $limits"
echo "cli_no_core: ok"
