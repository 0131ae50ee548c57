#!/bin/sh
# check_hardening.sh LIB CLI: the release build carries its hardening: full RELRO, non-executable stack,
# PIE CLI, stack protector and _FORTIFY_SOURCE checks linked in.
set -eu
lib=$1
cli=$2
status=0
fail() { echo "FAIL: $*"; status=1; }
for f in "$lib" "$cli"; do
  readelf -lW "$f" | grep -q GNU_RELRO || fail "$f has no GNU_RELRO segment"
  readelf -dW "$f" | grep -Eq 'BIND_NOW|FLAGS_1.*NOW' || fail "$f is not linked with -z now"
  readelf -lW "$f" | grep GNU_STACK | grep -q 'RWE' && fail "$f has an executable stack"
done
readelf -hW "$cli" | grep -q 'DYN' || fail "$cli is not PIE"
readelf -dW "$cli" | grep -q 'PIE' || fail "$cli lacks the PIE flag"
nm -D "$lib" | grep -q '__stack_chk_fail' || fail "$lib has no stack protector"
nm -D "$lib" | grep -Eq '__[a-z0-9_]+_chk' || fail "$lib has no _FORTIFY_SOURCE checks"
[ $status -eq 0 ] && echo "ok: RELRO + BIND_NOW, NX stack, PIE CLI, stack protector, fortify checks"
exit $status
