#!/usr/bin/env bash
# CI step after the tests: build the frozen bundle and run its smoke check offscreen.
# Takes about a minute on 2 cores (PyInstaller ~25 s, the smoke run a few seconds).
set -euo pipefail
cd "$(dirname "$0")/.."
bash packaging/build.sh
python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
QT_QPA_PLATFORM=offscreen "$python" packaging/smoke.py --bundle dist/bliq-kiosk
# The same bundle on Wayland under cage (install.sh's default session; Ubuntu's desktop is
# Wayland too): it must reach its first attract frame on the wayland platform. cage refuses
# root, so a root CI drops to nobody (the checkout must be readable by that user).
if command -v cage >/dev/null 2>&1; then
  runtime="$(mktemp -d)"; data="$(mktemp -d)"
  as_user=()
  if [ "$(id -u)" -eq 0 ]; then
    chown nobody:nogroup "$runtime" "$data"
    as_user=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  fi
  chmod 700 "$runtime"
  "${as_user[@]}" env -i PATH=/usr/bin:/bin HOME="$runtime" XDG_RUNTIME_DIR="$runtime" \
    WLR_BACKENDS=headless WLR_LIBINPUT_NO_DEVICES=1 QT_QPA_PLATFORM=wayland \
    timeout 120 cage -- "$PWD/dist/bliq-kiosk/bliq-kiosk" --data "$data" --quit-after-start >"$data/cage.out" 2>&1 ||
    { tail -20 "$data/cage.out"; echo "bundle under cage: failed"; exit 1; }
  if ! grep -q "first frame: platform wayland" "$data/kiosk.log"; then
    tail -20 "$data/cage.out"; echo "bundle under cage: no first frame on wayland"; exit 1
  fi
  echo "bundle under cage: $(grep -o 'first frame: .*' "$data/kiosk.log")"
  rm -rf "$runtime" "$data"
else
  echo "cage is not installed: the Wayland smoke run is skipped (tools/setup.sh --test installs it)"
fi
