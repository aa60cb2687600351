"""Shared test set-up: offscreen Qt, a fresh data dir per test."""
from __future__ import annotations

import os
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software") if os.environ["QT_QPA_PLATFORM"] == "offscreen" else None

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PACK = REPO / "episodes"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data dir (database, log, kiosk id) for one test."""
    d = tmp_path / "data"
    d.mkdir()
    return d


@pytest.fixture
def sample_pack() -> Path:
    return SAMPLE_PACK
