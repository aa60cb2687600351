"""The object names the visitor tests find items by are documented in docs/design.md (§7, what
tests and tools rely on) and still exist in the QML: a renamed button breaks this test, not an
organiser's script in silence. The list is the names the second visitor round (faces,
Reels-style player, no dead ends, read-aloud) added."""
from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
# a name ending in "_" is a prefix: the item's name goes on with a rank, id or number
NAMES = ("playerLike", "playerSound", "watchedMark_", "speaker_card", "speaker_job_",
         "speaker_parents", "stillThereCard", "resultPicture_", "resultWatch_", "resultMore_",
         "resultRoute_", "resultCompanies_", "cardPicture_", "guessPanel_", "guessLike_",
         "guessNope_", "guessReveal_", "swipeDemo", "parentsStep_", "parentsProfile_",
         "homeButton", "endSession", "companiesBack", "leaveConfirm", "leaveCancel")


def _section_7() -> str:
    text = (ROOT / "docs" / "design.md").read_text(encoding="utf-8")
    return text[text.index("## 7. What tests and tools rely on"):text.index("## 8.")]


def _qml_names() -> set[str]:
    found = set()
    for qml in (ROOT / "kiosk" / "ui" / "qml").rglob("*.qml"):
        for m in re.finditer(r'objectName:\s*[^"\n]*"([A-Za-z_][A-Za-z0-9_]*)"',
                             qml.read_text(encoding="utf-8")):
            found.add(m.group(1))
    return found


def test_the_names_tests_use_are_documented_and_exist() -> None:
    doc = _section_7()
    in_qml = _qml_names()
    undocumented = [n for n in NAMES if f"`{n}" not in doc]
    assert undocumented == [], f"not in docs/design.md §7: {undocumented}"
    gone = [n for n in NAMES if n not in in_qml]
    assert gone == [], f"documented but no QML item has this name: {gone}"
