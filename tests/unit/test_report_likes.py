""""Vet!" on the player reaches the campaign report as a per-episode figure (its own small
section, id="likes"), counted from real events written by the kiosk's event store."""
from __future__ import annotations

import html
import io
import re
from pathlib import Path

from kiosk.cli import run_tool
from kiosk.config import Config
from kiosk.storage.events import EventStore
from tests.conftest import SAMPLE_PACK


def report(db: Path, *options: str) -> str:
    out = db.parent / "report.html"
    text = io.StringIO()
    assert run_tool(["report", str(db), "--out", str(out), *options], text) == 0, text.getvalue()
    return out.read_text(encoding="utf-8")


def test_likes_per_episode_in_the_report(tmp_path: Path, amsterdam: None) -> None:
    now = [1_780_000_000.0]

    def tick() -> float:
        now[0] += 1
        return now[0]

    store = EventStore(tmp_path / "kiosk.db", "kiosk-a", Config().store, clock=tick)
    plays = {"ads-s1e1": 4, "ads-s1e2": 2, "toh-s1e1": 3}
    likes = {"ads-s1e1": 1, "ads-s1e2": 2}                 # toh-s1e1: played, never liked
    for i, (episode, n) in enumerate(plays.items()):
        for j in range(n):
            sid = f"{i}{j}" * 4
            store.record("session_started", sid)
            store.record("episode_started", sid, episode_id=episode, via="tile")
            if j < likes.get(episode, 0):
                store.record("episode_liked", sid, episode_id=episode)
            store.record("session_ended", sid, reason="home")
    store.close()
    page = report(tmp_path / "kiosk.db", "--content", str(SAMPLE_PACK))
    section = re.search(r'<div id="likes">(.*?)</div>', page, re.S)
    assert section is not None
    text = html.unescape(re.sub(r"<[^>]+>", " ", section.group(1)))
    # most liked first, with the share of its plays; an episode nobody liked is not listed
    daan, sanne = text.index("Daan bouwt een huis van hout"), text.index("Sanne zet de stroom erop")
    assert daan < sanne
    assert "2 (100 %)" in text and "1 (25 %)" in text
    assert "Noor bouwt een game" not in text


def test_no_likes_no_section(tmp_path: Path, amsterdam: None) -> None:
    store = EventStore(tmp_path / "kiosk.db", "kiosk-a", Config().store, clock=lambda: 1_780_000_000.0)
    store.record("session_started", "abcdabcd")
    store.record("episode_started", "abcdabcd", episode_id="ads-s1e1", via="tile")
    store.close()
    assert 'id="likes"' not in report(tmp_path / "kiosk.db")
