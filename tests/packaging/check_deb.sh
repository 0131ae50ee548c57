#!/bin/sh
# check_deb.sh [OUTDIR]: build the Debian packages (scripts/package, lintian included), install them on
# this machine with apt, use what they installed as a user would, then remove and purge them and check
# that nothing of theirs is left. Needs root (CI runs as root) and changes the machine's package set:
# run it from .ci/run, never from ctest's parallel run.
set -eu
cd "$(dirname "$0")/../.."
root=$PWD
out=${1:-$root/build/package}
PKGS="sanctum libsanctumcore-dev libsanctumcore1"
work=$(mktemp -d)
pass=0
fail=0
ok() { pass=$((pass + 1)); echo "ok: $*"; }
bad() { fail=$((fail + 1)); echo "FAIL: $*"; }
check() { # DESCRIPTION COMMAND...: run the command (output in the work dir), count the result
  desc=$1
  shift
  if "$@" >"$work/last.log" 2>&1; then ok "$desc"; else bad "$desc"; sed 's/^/    /' "$work/last.log" | tail -n 20; fi
}
installed() { dpkg-query -W -f='${db:Status-Status}' "$1" 2>/dev/null | grep -qx installed; }
cleanup() {
  for p in $PKGS; do dpkg-query -W "$p" >/dev/null 2>&1 && dpkg -P "$p" >/dev/null 2>&1; done
  rm -rf "$work" /var/lib/private/sanctum-proxy /var/lib/sanctum-proxy
}
trap cleanup EXIT
[ "$(id -u)" -eq 0 ] || { echo "check_deb.sh: needs root (it installs packages)"; exit 2; }

# A copy from an earlier run would hide this build's behaviour: start from none.
for p in $PKGS; do dpkg-query -W "$p" >/dev/null 2>&1 && dpkg -P "$p" >/dev/null; done

echo "== build (scripts/package: dpkg-buildpackage + lintian)"
scripts/package "$out"
debs=""
for p in $PKGS; do debs="$debs $out/${p}_*.deb"; done

echo "== install"
# shellcheck disable=SC2086
check "apt-get install ./*.deb" env DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends $debs
for p in $PKGS; do check "$p installed" installed "$p"; done
check "sanctum on PATH is /usr/bin/sanctum" sh -c '[ "$(command -v sanctum)" = /usr/bin/sanctum ]'

# systemd implements MemoryDenyWriteExecute= with a seccomp filter refusing writable+executable
# mappings; PR_SET_MDWE (Linux >= 6.3) refuses the same, inherited across exec. PCRE2's JIT needs such
# memory: under MDWE its compile fails and the scanner falls back to the interpreter.
cat >"$work/mdwe" <<'EOF'
#!/usr/bin/python3
import ctypes, os, sys
libc = ctypes.CDLL(None, use_errno=True)
if libc.prctl(65, 1, 0, 0, 0) != 0:   # PR_SET_MDWE, PR_MDWE_REFUSE_EXEC_GAIN
    sys.exit(77)
os.execvp(sys.argv[1], sys.argv[1:])
EOF
chmod +x "$work/mdwe"
mdwe="$work/mdwe"
mdwe_ok=1
if ! "$mdwe" true; then
  echo "note: this kernel has no PR_SET_MDWE (Linux < 6.3): the W^X checks run without it"
  printf '#!/bin/sh\nexec "$@"\n' >"$mdwe"
  mdwe_ok=0
fi

echo "== use"
check "sanctum version" sh -c 'cd / && /usr/bin/sanctum version'
ex=/usr/share/doc/sanctum/examples
check "demo: anonymize the example request" sh -c "
  cd '$work' && sanctum anonymize $ex/openai_chat_request.json --vault-out vault --key-file vault.key >scrubbed.json &&
  grep -q '<PERSON_1>' scrubbed.json && grep -q '<EMAIL_ADDRESS_1>' scrubbed.json &&
  ! grep -q 'jane.roe@example.com' scrubbed.json && ! grep -q '4111 1111 1111 1111' scrubbed.json"
check "demo: restore the canned answer" sh -c "
  cd '$work' && sanctum restore $ex/demo_upstream_response.json --vault vault --key-file vault.key >restored.json &&
  grep -q 'Done, Jane Roe:' restored.json && ! grep -q '<PERSON_2>' restored.json"
check "demo: restore the streamed answer" sh -c "
  cd '$work' && sanctum restore --stream $ex/demo_upstream_stream.sse --vault vault --key-file vault.key >restored.sse &&
  ! grep -q '<PERSON_1>' restored.sse"
check "/usr/bin/python3 -c 'import sanctumcore' (from dist-packages)" sh -c '
  cd / && env -u PYTHONPATH /usr/bin/python3 -I -c "
import sanctumcore
assert sanctumcore.__file__.startswith(\"/usr/lib/python3/dist-packages/sanctumcore/\"), sanctumcore.__file__
print(sanctumcore.version())"'
check "man sanctum" sh -c 'MANPAGER=cat MANWIDTH=100 man sanctum | grep -q "sanctum-scan(1)"'
for page in $(sanctum --help | awk '/^commands:/{on=1; next} on && /^  [a-z]/{print $1}'); do
  check "man sanctum-$page" sh -c "MANPAGER=cat man sanctum-$page | grep -q '^ *sanctum-$page  *- '"
done
check "pkg-config consumer links the installed library" sh -c "
  cc -std=c11 -Wall -Werror tests/foundation/consumer.c \$(pkg-config --cflags --libs sanctumcore) -o '$work/consumer' &&
  ldd '$work/consumer' | grep -q '/libsanctumcore.so.1 ' && '$work/consumer'"

# The Python entry points the tree declares ([project.scripts]) are commands with man pages.
scripts=$(/usr/bin/python3 -c '
import tomllib
print(" ".join(tomllib.load(open("bindings/python/pyproject.toml", "rb")).get("project", {}).get("scripts", {})))')
for s in $scripts; do
  check "/usr/bin/$s --help" "/usr/bin/$s" --help
  check "man $s" sh -c "MANPAGER=cat man $s >/dev/null"
done
case " $scripts " in *" sanctum-proxy "*) ;; *) echo "note: no sanctum-proxy entry point in pyproject.toml: its command and unit are not packaged" ;; esac
case " $scripts " in *" sanctum-jobs "*) ;; *) echo "note: no sanctum-jobs entry point in pyproject.toml: its command is not packaged" ;; esac
if [ -x /usr/bin/sanctum-proxy ]; then
  # The shipped /etc/sanctum/proxy.toml loads and the proxy listens (on a port of our choosing), once
  # its key is where the unit's LoadCredential= puts it; without the key it refuses to start (exit 2).
  port=$(/usr/bin/python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
  cred=/run/credentials/sanctum-proxy.service
  check "sanctum-proxy refuses to start without its key file (exit 2, names the route)" sh -c "
    [ ! -e $cred/openrouter ] || exit 0
    /usr/bin/sanctum-proxy --config /etc/sanctum/proxy.toml --listen 127.0.0.1:$port >'$work/nokey.log' 2>&1; rc=\$?
    [ \$rc -eq 2 ] && grep -q 'route openrouter' '$work/nokey.log' || { cat '$work/nokey.log'; exit 1; }"
  made_cred=
  if [ ! -e "$cred/openrouter" ]; then
    mkdir -p "$cred" && (umask 077; printf 'sk-or-v1-test-key-for-check-deb\n' >"$cred/openrouter") && made_cred=1
  fi
  check "sanctum-proxy starts with /etc/sanctum/proxy.toml (under MDWE)" sh -c "
    \"$mdwe\" /usr/bin/sanctum-proxy --config /etc/sanctum/proxy.toml --listen 127.0.0.1:$port >'$work/proxy.log' 2>&1 & pid=\$!
    for i in \$(seq 50); do
      /usr/bin/python3 -c 'import socket,sys; socket.create_connection((\"127.0.0.1\", $port), 0.2)' 2>/dev/null && { kill \$pid; exit 0; }
      sleep 0.1
    done
    kill \$pid; cat '$work/proxy.log'; exit 1"
  [ -z "$made_cred" ] || rm -rf "$cred"
fi

echo "== W^X (MemoryDenyWriteExecute=): the same code under the kernel's PR_SET_MDWE"
# A token with GitHub's checksum, made here (nothing credential-shaped is committed).
/usr/bin/python3 "$root/tests/packaging/fake_token.py" >"$work/leak.env"
if [ "$mdwe_ok" = 1 ]; then
  check "sanctum scan finds a planted token under MDWE" sh -c "
    cd '$work' && XDG_DATA_HOME='$work' '$mdwe' sanctum scan leak.env; [ \$? -eq 1 ]"
  check "python3 + sanctumcore + aiohttp load under MDWE" env -u PYTHONPATH "$mdwe" /usr/bin/python3 -I -c \
    'import aiohttp, sanctumcore
with sanctumcore.Context() as ctx:
    assert sanctumcore.Detector(ctx).detect("Write to jane.roe@example.org today")'
else
  echo "skip: this kernel has no PR_SET_MDWE (Linux < 6.3)"
fi

echo "== pre-commit hook with the installed sanctum"
check "tests/packaging/check_precommit.sh /usr/bin/sanctum" tests/packaging/check_precommit.sh /usr/bin/sanctum

echo "== systemd units"
units=$(dpkg -L sanctum | grep -E '^/(usr/)?lib/systemd/system/[^/]+\.(service|timer)$' || true)
[ -n "$units" ] || echo "note: the package ships no systemd unit (no sanctum-proxy / sanctum-jobs entry point yet)"
for u in $units; do
  check "systemd-analyze verify $(basename "$u")" systemd-analyze verify "$u"
  case "$u" in
  *.service)
    # Every service in systemd's "OK" band or better (exposure below 5.0); packaging_units holds the
    # proxy's own unit to 2.0. On failure, the settings that cost exposure.
    if systemd-analyze security --offline=true --threshold=49 "$u" >"$work/security.txt" 2>&1; then
      ok "systemd-analyze security $(basename "$u"): $(grep 'Overall exposure' "$work/security.txt" | sed 's/.*: //')"
    else
      bad "systemd-analyze security $(basename "$u"): $(grep 'Overall exposure' "$work/security.txt" | sed 's/.*: //')"
      grep '✗' "$work/security.txt" | awk '{printf " %s", $2} END {print ""}'
    fi ;;
  esac
done

# A system user a unit runs as (User=) exists once the package is installed (systemd-sysusers).
for user in $(for u in $units; do sed -n 's/^User=//p' "$u"; done | sort -u); do
  check "system user $user (for User=$user) exists" sh -c "getent passwd $user | grep -q ':/usr/sbin/nologin\$\|:/sbin/nologin\$'"
done

echo "== remove (dpkg -r) and purge (dpkg -P)"
files=$(dpkg -L $PKGS | sort -u)
check "dpkg -r $PKGS" dpkg -r $PKGS
check "the commands and the library are gone" sh -c '
  ! [ -e /usr/bin/sanctum ] && ! ls /usr/lib/*/libsanctumcore.so* >/dev/null 2>&1 &&
  ! [ -e /usr/lib/python3/dist-packages/sanctumcore ] && ! /usr/bin/python3 -c "import sanctumcore" 2>/dev/null'
check "removed, the conffile stays (policy 10.7.3)" sh -c '[ -f /etc/sanctum/proxy.toml ] &&
  dpkg-query -W -f="\${db:Status-Abbrev}" sanctum | grep -q "^rc"'
# What systemd would have made for the proxy's StateDirectory= under DynamicUser=.
mkdir -p /var/lib/private/sanctum-proxy && echo state >/var/lib/private/sanctum-proxy/probe
ln -sfn private/sanctum-proxy /var/lib/sanctum-proxy
check "dpkg -P $PKGS" dpkg -P $PKGS
check "purged: nothing the packages installed is left" sh -c "
  left=''; for f in $(echo "$files" | tr '\n' ' '); do
    [ -d \"\$f\" ] && continue; [ -e \"\$f\" ] && left=\"\$left \$f\"; done
  [ -z \"\$left\" ] || { echo \"left:\$left\"; exit 1; }
  ! [ -e /etc/sanctum ] && ! [ -e /usr/share/doc/sanctum ] && ! [ -e /var/lib/private/sanctum-proxy ] &&
  ! [ -L /var/lib/sanctum-proxy ] &&
  ! ls -d /usr/lib/python3/dist-packages/sanctumcore* 2>/dev/null"
for p in $PKGS; do check "$p not known to dpkg" sh -c "! dpkg-query -W $p >/dev/null 2>&1"; done

echo "check_deb: $pass passed, $fail failed"
[ "$fail" -eq 0 ]
