#!/usr/bin/env bash
# Installs what the kiosk needs on a fresh Debian/Ubuntu machine: the system libraries Qt needs
# (headless and under X), then a virtualenv in .venv with the kiosk (and, with --test, its test tools).
# Usage: bash tools/setup.sh [--test]
set -euo pipefail
cd "$(dirname "$0")/.."

extras=""
[ "${1:-}" = "--test" ] && extras="[test]"

sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

qt_libs="libegl1 libgl1 libx11-6 libxext6 libxrandr2 libbrotli1 libdbus-1-3 libdrm2 libfontconfig1
  libfreetype6 libglib2.0-0 libpulse0 libxkbcommon0 libxcb-cursor0 libxcb-icccm4 libxcb-image0
  libxcb-keysyms1 libxcb-render-util0 libxcb-render0 libxcb-shape0 libxcb-util1 libxcb-xkb1
  libxkbcommon-x11-0 libxcb-randr0 libxcb-xfixes0 libxcb-shm0 libxcb-sync1 libxcb-xinerama0
  libwayland-client0 libwayland-cursor0 libwayland-egl1"
missing=""
for pkg in $qt_libs; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
# Hardware video decoding: Qt's FFmpeg backend uses VA-API when the runtime and a driver for the
# machine's graphics chip are there (Mesa's covers AMD and others; Intel has its own two: media
# for Broadwell and newer, i965 for older). Without them clips decode in software, still fine.
va_libs="libva2 libva-drm2 libva-x11-2 mesa-va-drivers"
for pkg in intel-media-va-driver i965-va-driver; do
  # amd64 only; taken only where the distribution offers it
  # (read it whole first: grep -q would close the pipe early, and pipefail call that a failure)
  policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
  case "$policy" in *"Candidate: "[0-9]*) va_libs="$va_libs $pkg" ;; esac
done
for pkg in $va_libs; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
done
# Read-aloud: Qt's text-to-speech speaks through speech-dispatcher with espeak-ng's voices
# (Dutch and English). Taken where the distribution offers them; without them the kiosk runs
# and its speaker buttons stay hidden (kiosk preflight says so).
for pkg in speech-dispatcher speech-dispatcher-espeak-ng espeak-ng; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" && continue
  policy="$(apt-cache policy "$pkg" 2>/dev/null || true)"
  case "$policy" in *"Candidate: "[0-9]*) missing="$missing $pkg" ;; esac
done
if [ "$extras" = "[test]" ]; then
  # chromium: the report test opens the HTML report in a real browser and prints it to PDF;
  # poppler-utils: pdfinfo/pdftoppm to read that PDF back;
  # syncthing: the campaign's sync engine, started for real by tests/e2e/test_syncthing.py
  # cage + xwayland: the Wayland kiosk compositor test (tests/e2e/test_cage.py)
  for pkg in xvfb xauth shellcheck chromium poppler-utils syncthing cage xwayland; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing="$missing $pkg"
  done
fi
if [ -n "$missing" ]; then
  echo "Installing system packages:$missing"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

[ -x .venv/bin/python ] || python3 -m venv .venv
.venv/bin/python -m pip install -q --upgrade pip
.venv/bin/python -m pip install -q -e ".${extras}"
# bytecode now: a start never compiles the kiosk's ~60 modules (0.1 s), whatever the environment
.venv/bin/python -m compileall -q kiosk >/dev/null
echo "Ready: .venv/bin/python main.py   (or: .venv/bin/python -m pytest)"
