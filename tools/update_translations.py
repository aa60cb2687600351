"""Refresh the translation sources and compile them.

    python tools/update_translations.py            # lupdate (keeps existing translations) + lrelease
    python tools/update_translations.py --check    # exit 1 if any string lacks an English translation

Dutch is the source language (qsTr("...") in QML, self.tr("...") in Python); English lives in
kiosk/i18n/kiosk_en.ts. Edit translations there (or in Qt Linguist), then run this script.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TS = ROOT / "kiosk" / "i18n" / "kiosk_en.ts"


def sources() -> list[str]:
    qml = sorted(str(p) for p in (ROOT / "kiosk" / "ui" / "qml").rglob("*.qml"))
    py = sorted(str(p) for folder in ("ui", "media") for p in (ROOT / "kiosk" / folder).glob("*.py"))
    return qml + py


def tool(name: str) -> str | None:
    """The PySide6 tool beside this Python (a venv that is not activated), else on PATH."""
    beside = Path(sys.executable).parent / name
    return str(beside) if beside.exists() else shutil.which(name)


def lupdate(ts: Path) -> None:
    subprocess.run([tool("pyside6-lupdate") or "pyside6-lupdate", *sources(), "-no-obsolete", "-source-language", "nl",
                    "-target-language", "en", "-ts", str(ts)], check=True, capture_output=True)


def lrelease(ts: Path) -> None:
    subprocess.run([tool("pyside6-lrelease") or "pyside6-lrelease", str(ts), "-qm", str(ts.with_suffix(".qm"))],
                   check=True, capture_output=True)


def untranslated(ts: Path) -> list[str]:
    """Source strings whose English translation is missing or unfinished."""
    missing = []
    for message in ET.parse(ts).getroot().iter("message"):
        tr = message.find("translation")
        text = "".join(tr.itertext()).strip() if tr is not None else ""
        if tr is None or tr.get("type") in ("unfinished", "vanished", "obsolete") or not text:
            if tr is None or tr.get("type") not in ("vanished", "obsolete"):
                missing.append(message.findtext("source") or "")
    return missing


def main() -> int:
    lupdate(TS)
    lrelease(TS)
    missing = untranslated(TS)
    if missing:
        print("Missing English for:", *missing, sep="\n  ")
        return 1 if "--check" in sys.argv else 0
    print(f"{TS.name}: all strings translated; compiled {TS.with_suffix('.qm').name}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
