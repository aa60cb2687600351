"""The UI shows a job's main domain by the core's one rule, also when weights tie."""
from __future__ import annotations

from pathlib import Path
from types import SimpleNamespace

from kiosk.config import DEFAULT, Config
from kiosk.pack.loader import load_pack
from kiosk.game.session import JobScore
from kiosk.ui.game_bridge import ART, GameBridge
from tests.unit.test_core_rules import tied_pack


def test_result_picture_follows_the_same_main_domain(tmp_path: Path, qapp) -> None:
    """The UI's placeholder picture for a job shows its main domain, tie or not."""
    pack = load_pack(tied_pack(tmp_path), DEFAULT)
    flow = SimpleNamespace(subscribe=lambda listener: None, session_id=None)
    game = GameBridge(pack, None, SimpleNamespace(record=lambda *a, **k: None),
                          SimpleNamespace(flow=flow), Config(), links=None)  # type: ignore[arg-type]
    shown = game.job_map(JobScore("elektromonteur", 0.0, 0.0, 0.0, 0), "1", [])
    assert (shown["art"], shown["tint"]) == ART["metaal"]
