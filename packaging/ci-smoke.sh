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
