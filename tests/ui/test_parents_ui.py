"""The parents' and teachers' screen: the route, the five profiles, their clips, the take-home
code read back from the pixels, read-aloud, in landscape and portrait, Dutch and English."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QRectF

from kiosk.config import Config
from kiosk.pack.site_pages import PACK_MANIFEST
from tests.qrtools import crop, decode_qr_codes, grab
from tests.uitools import find_item, find_items, is_shown, open_from_home, touch_tap
from tools.layout_check import settle

SAMPLE = Path(__file__).resolve().parents[2] / "episodes"
CFG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
             read_aloud_engine="mock")   # Qt's mock engine: English voices, no Dutch one


def shown_code(qtbot: Any, app: Any) -> str:
    """The parents' code as a phone reads it from the screen, once it equals its payload."""
    read: list[str] = []

    def readable() -> bool:
        item = find_item(app.window, "qr_parents")
        if item is None or not item.property("payload"):
            return False
        read[:] = decode_qr_codes(crop(grab(app.window), item))
        return read == [item.property("payload")]
    qtbot.waitUntil(readable, timeout=5000)
    return read[0]


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_route_profiles_clips_and_a_code_that_opens_the_parents_page(make_kiosk: Any,
                                                                     qtbot: Any,
                                                                     size: str) -> None:
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(lambda: app.read_aloud.available_for("en"), timeout=5000)
    open_from_home(app, qtbot, "homeParents", "parents")
    qtbot.waitUntil(lambda: is_shown(app.window, "parentsScreen"))
    for n in (1, 2, 3):
        assert is_shown(app.window, f"parentsStep_{n}")
    for code in ("BWI", "PIE", "M&T", "MVI", "MaT"):
        assert is_shown(app.window, f"parentsProfile_{code}")
    parents_clips = [e.id for e in app.pack.episodes.values() if "parents" in e.audience]
    assert parents_clips and all(is_shown(app.window, f"episodeTile_{e}") for e in parents_clips)

    url = shown_code(qtbot, app)
    assert url.startswith("https://bliq.example/ouders/?lang=nl&")
    speaker = find_items(app.window, "speaker_parents")[0]
    assert not speaker.isVisible()          # no Dutch voice: hidden, never broken

    app.controller.setLanguage("en")
    qtbot.waitUntil(lambda: "lang=en" in (find_item(app.window, "qr_parents")
                                          .property("payload") or ""))
    assert shown_code(qtbot, app).startswith("https://bliq.example/ouders/?lang=en&")
    qtbot.waitUntil(speaker.isVisible)
    touch_tap(app.window, speaker)
    qtbot.waitUntil(lambda: app.read_aloud.reading.startswith("parents\n"))
    assert "BWI" in app.read_aloud.reading and "vmbo" in app.read_aloud.reading

    app.controller.goHome()
    qtbot.waitUntil(lambda: app.read_aloud.reading == "")
    app.store.flush()
    db = sqlite3.connect(app.db_path)
    assert db.execute("SELECT purpose, target FROM events WHERE kind = 'qr_shown'").fetchall() \
        == [("parents", "parents")]          # counted once: a language switch is the same code
    assert db.execute("SELECT purpose, lang FROM events WHERE kind = 'read_aloud'").fetchall() \
        == [("parents", "en")]


def test_without_a_site_the_code_opens_the_channel(make_kiosk: Any, qtbot: Any,
                                                    tmp_path: Path) -> None:
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE, pack, ignore=shutil.ignore_patterns(PACK_MANIFEST))
    toml = pack / "pack.toml"
    toml.write_text("\n".join(line for line in toml.read_text().splitlines()
                              if not line.startswith("site_url")) + "\n")
    app = make_kiosk(content=pack, config=CFG)
    open_from_home(app, qtbot, "homeParents", "parents")
    url = shown_code(qtbot, app)
    assert url.startswith("https://nxtv.example/?lang=nl&") and "utm_content=parents" in url


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_the_speaker_says_what_it_does(make_kiosk: Any, qtbot: Any, size: str) -> None:
    """A lone round speaker beside the code did not tell a parent what it reads: it carries a
    short word right under it, in the visitor's language, and hides with it."""
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(lambda: app.read_aloud.available_for("en"), timeout=5000)
    open_from_home(app, qtbot, "homeParents", "parents")
    qtbot.waitUntil(lambda: is_shown(app.window, "parentsScreen"))
    assert not is_shown(app.window, "speakerParentsLabel")     # no Dutch voice: no lone word
    app.controller.setLanguage("en")
    speaker = find_items(app.window, "speaker_parents")[0]
    qtbot.waitUntil(speaker.isVisible)
    qtbot.waitUntil(lambda: is_shown(app.window, "speakerParentsLabel"))
    label = find_item(app.window, "speakerParentsLabel")
    assert label.property("text") == "Read aloud"
    settle(app.window)                      # the column places its children on the next polish
    s = speaker.mapRectToScene(QRectF(0, 0, speaker.width(), speaker.height()))
    w = label.mapRectToScene(QRectF(0, 0, label.width(), label.height()))
    # right under the button, centred on it, and inside the screen
    assert 0 <= w.top() - s.bottom() <= s.height() / 2, (size, s, w)
    assert abs(w.center().x() - s.center().x()) <= 2, (size, s, w)
    assert app.window.contentItem().mapRectToScene(
        QRectF(0, 0, app.window.width(), app.window.height())).contains(w), (size, w)
