#!/usr/bin/env bash
# Builds the one-folder bundle dist/bliq-kiosk/ with PyInstaller (installed into the Python used
# here when missing). Python: $PYTHON, else .venv/bin/python, else python3.
# Usage: bash packaging/build.sh [--archive]   (--archive also writes dist/bliq-kiosk-<os>.tar.gz)
set -euo pipefail
cd "$(dirname "$0")/.."

python="${PYTHON:-}"
if [ -z "$python" ]; then
  if [ -x .venv/bin/python ]; then python=.venv/bin/python; else python=python3; fi
fi
if ! "$python" -c "import PyInstaller" 2>/dev/null; then
  echo "Installing PyInstaller for $python"
  "$python" -m pip install -q "pyinstaller>=6.10"
fi

started=$(date +%s)
"$python" -m PyInstaller --noconfirm --clean --log-level WARN \
  --distpath dist --workpath build/pyinstaller packaging/kiosk.spec
echo "Built dist/bliq-kiosk in $(( $(date +%s) - started )) s: $(du -sh dist/bliq-kiosk | cut -f1)"

if [ "${1:-}" = "--archive" ]; then
  archive="dist/bliq-kiosk-$(uname -s | tr '[:upper:]' '[:lower:]')-$(uname -m).tar.gz"
  tar -C dist -czf "$archive" bliq-kiosk
  echo "Archive: $archive ($(du -sh "$archive" | cut -f1))"
fi
echo "Check it with: $python packaging/smoke.py"
