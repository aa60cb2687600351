"""Every Dutch text of BLIQ Studio's window has English, and the shipped .ts/.qm are current."""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tools"))
import studio_translations  # noqa: E402  (tools/ is not a package)


def test_every_window_text_has_english() -> None:
    texts = studio_translations.dutch_texts()
    assert len(texts) > 60  # the extraction finds the window's texts at all
    assert [t for t in texts if t not in studio_translations.EN] == []


def test_the_shipped_translation_file_is_current() -> None:
    ts = studio_translations.TS
    assert ts.read_text("utf-8") == studio_translations.ts_text(), \
        "run: python tools/studio_translations.py"
    qm = ts.with_suffix(".qm")
    assert qm.is_file() and qm.stat().st_size > 1000


def test_every_problem_sentence_has_english() -> None:
    texts = studio_translations.problem_templates()
    assert "{name}: vul de contactlink in." in texts
    assert [t for t in texts if t not in studio_translations.EN] == []


def test_every_error_sentence_has_english() -> None:
    texts = studio_translations.error_templates()
    assert "{file} is geen plaatje; kies een logo als PNG of JPG." in texts
    assert [t for t in texts if t not in studio_translations.EN] == []
