"""The game without Qt, as tests and tools use it: ``kiosk.game.new_session(pack_dir)``.

The loop of the contract (current_duel → choose, else current_card → swipe, then result())
played on the sample pack, and a pack whose deck cannot be played refused with its reason.
"""
from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.game import new_session

ROOT = Path(__file__).resolve().parents[2]
PACK = ROOT / "episodes"


def play_through(session, like) -> int:
    """Answer until the game is done; ``like(card)`` decides each card. Returns the answers."""
    answers = 0
    while True:
        duel = session.current_duel()
        if duel is not None:
            assert session.choose(duel.left.id, "button")
        else:
            card = session.current_card()
            if card is None:
                return answers
            assert session.swipe(card.id, like(card), "swipe")
        answers += 1


def test_new_session_plays_the_sample_pack_to_a_result() -> None:
    session = new_session(PACK, DEFAULT)
    answers = play_through(session, lambda card: card.type in ("S", "E"))
    result = session.result()
    assert answers > 0
    shown = [js for js in result.jobs if not js.surprise]
    assert len(shown) >= 3 and sum(js.surprise for js in result.jobs) == 1
    assert len({js.job_id for js in result.jobs}) == len(result.jobs)
    assert set(result.direction.types) <= set("RIASEC") and result.direction.types


def test_new_session_refuses_an_unknown_or_repeated_card() -> None:
    session = new_session(str(PACK), DEFAULT)  # a plain string path works too
    card = session.current_card()
    assert card is not None
    assert not session.swipe("no-such-card", True, "swipe")
    assert session.swipe(card.id, True, "swipe")
    assert not session.swipe(card.id, True, "swipe")  # the same card again: refused


def test_new_session_names_why_a_pack_cannot_be_played(tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(PACK, pack)
    (pack / "cards.toml").write_text("", encoding="utf-8")
    with pytest.raises(ValueError, match="cards.toml"):
        new_session(pack, DEFAULT)


def test_the_contract_loads_no_qt() -> None:
    code = ("import sys\nfrom kiosk.config import DEFAULT\nfrom kiosk.game import new_session\n"
            "new_session('episodes', DEFAULT)\n"
            "print(sorted(k for k in sys.modules if k.startswith(('PySide6', 'shiboken6'))))")
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True,
                         check=True).stdout.strip()
    assert out == "[]"
