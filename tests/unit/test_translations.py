"""Every UI string has English, and the shipped .qm is compiled from the current .ts."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import update_translations as ut  # noqa: E402

pytestmark = pytest.mark.skipif(ut.tool("pyside6-lupdate") is None,
                                reason="pyside6-lupdate not installed")


def test_every_ui_string_has_english(tmp_path: Path):
    ts = tmp_path / "kiosk_en.ts"
    shutil.copy(ut.TS, ts)
    ut.lupdate(ts)  # picks up strings added to QML/Python since the .ts was last updated
    assert ut.untranslated(ts) == [], "run tools/update_translations.py and add the English"


def test_shipped_qm_matches_the_ts(tmp_path: Path):
    ts = tmp_path / "kiosk_en.ts"
    shutil.copy(ut.TS, ts)
    ut.lrelease(ts)
    assert ts.with_suffix(".qm").read_bytes() == ut.TS.with_suffix(".qm").read_bytes(), (
        "kiosk_en.qm is stale: run tools/update_translations.py")


def test_english_is_loaded_at_run_time(qapp):
    from PySide6.QtCore import QCoreApplication, QTranslator

    translator = QTranslator()
    assert translator.load("kiosk_en", str(ut.TS.parent))
    QCoreApplication.installTranslator(translator)
    try:
        assert QCoreApplication.translate("Attract", "Tik om te beginnen") == "Tap to start"
    finally:
        QCoreApplication.removeTranslator(translator)
