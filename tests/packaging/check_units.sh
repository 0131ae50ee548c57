#!/bin/sh
# check_units.sh: the service units under packaging/systemd carry the hardening the project promises and
# score "OK" or better in `systemd-analyze security` (offline: no running systemd needed); the launchd
# plists parse. `systemd-analyze verify` needs the unit's command installed: tests/packaging/check_deb.sh
# runs it on the installed package.
set -eu
src=$(cd "$(dirname "$0")/../.." && pwd)
fail=0
for unit in "$src"/packaging/systemd/*.service; do
  name=$(basename "$unit")
  for directive in 'DynamicUser=yes' 'ProtectSystem=strict' 'ProtectHome=yes' 'PrivateTmp=yes' \
    'NoNewPrivileges=yes' 'RestrictAddressFamilies=AF_INET AF_INET6 AF_UNIX' 'MemoryDenyWriteExecute=yes' \
    'CapabilityBoundingSet=' 'SystemCallFilter=@system-service' 'LoadCredential=' 'StateDirectory='; do
    grep -q "^$directive" "$unit" || { echo "FAIL: $name lacks $directive"; fail=1; }
  done
  # Restart=on-failure restarts after any non-zero exit: a configuration error (exit 2) was started
  # again every RestartSec for ever, as the launchd check below forbids.
  if grep -q '^Restart=on-failure' "$unit" && ! grep -q '^RestartPreventExitStatus=2$' "$unit"; then
    echo "FAIL: $name restarts after a configuration error (exit 2): add RestartPreventExitStatus=2"; fail=1
  fi
  if out=$(systemd-analyze security --offline=true --threshold=20 "$unit" 2>&1); then
    echo "ok: $name: $(echo "$out" | grep 'Overall exposure' | sed 's/.*: //')"
  else
    echo "$out"
    echo "FAIL: $name: exposure above 2.0 (or systemd-analyze failed)"
    fail=1
  fi
done
for plist in "$src"/packaging/launchd/*.plist; do
  /usr/bin/python3 - "$plist" <<'PY' || fail=1
import os, plistlib, sys
path = sys.argv[1]
with open(path, "rb") as f:
    d = plistlib.load(f)
label = os.path.basename(path)[: -len(".plist")]
assert d["Label"] == label, f"{path}: Label {d['Label']!r} is not the file name"
assert d["ProgramArguments"][0].startswith("/"), f"{path}: program path not absolute"
# KeepAlive {SuccessfulExit: false} restarts on every non-zero exit: a configuration error (exit 2)
# was restarted every ThrottleInterval for ever. A crash is what the agent restarts after.
ka = d.get("KeepAlive")
assert isinstance(ka, dict) and ka.get("Crashed") is True and "SuccessfulExit" not in ka, \
    f"{path}: KeepAlive must restart after a crash only, not after an error exit: {ka!r}"
print(f"ok: {os.path.basename(path)} parses, Label {label}")
PY
done
exit "$fail"
