#!/bin/sh
# check_no_raw_alloc.sh OBJECT_LIST: only alloc.c's object may reference the system allocator.
set -eu
status=0
checked=0
while IFS= read -r obj; do
  [ -n "$obj" ] || continue
  checked=$((checked + 1))
  case "$obj" in */alloc.c.o) continue ;; esac
  bad=$(nm -u "$obj" | awk '{print $NF}' |
        grep -E '^(malloc|calloc|realloc|reallocarray|free|strdup|strndup|aligned_alloc|posix_memalign|memalign|valloc|pvalloc)$' || true)
  if [ -n "$bad" ]; then
    echo "FAIL: $obj calls $(echo "$bad" | tr '\n' ' ')- use core/src/alloc.h"
    status=1
  fi
done <"$1"
[ "$checked" -gt 1 ] || { echo "FAIL: no object files listed in $1"; exit 1; }
[ $status -eq 0 ] && echo "ok: $checked objects, only alloc.c reaches the system allocator"
exit $status
