"""A pack with broken items still starts; admin lists what was skipped, by file and field."""
from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.app import build
from kiosk.config import Config
from tests.fakeplayer import FakePlayer
from tests.packs.broken_cases import BASE
from tests.uitools import find_item, touch_press, touch_release, touch_tap

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, admin_gesture_s=0.2)


def test_broken_episode_is_skipped_and_listed_in_admin(qapp, qtbot, tmp_path: Path):
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack)
    (pack / "media" / "broken.mp4").write_bytes(b"")  # a zero-byte clip, as a bad export makes
    series = pack / "series" / "op-de-werf.toml"
    series.write_text(series.read_text().replace('video = "media/clip.mp4"',
                                                 'video = "media/broken.mp4"', 1))
    app = build(["--windowed", "--size", "1280x800", "--data", str(tmp_path / "data"),
                 "--content", str(pack)], config=CFG, player_factory=FakePlayer)
    try:
        assert "odw-s1e1" not in app.pack.episodes  # skipped …
        assert app.pack.episodes                    # … and the rest still runs
        qtbot.waitUntil(app.window.isExposed)
        corner = find_item(app.window, "adminCorner")
        pos = corner.mapToScene(corner.boundingRect().center()).toPoint()
        touch_press(app.window, pos)
        qtbot.waitUntil(lambda: find_item(app.window, "adminPin") is not None)
        touch_release(app.window, pos)
        for key in "2468":
            touch_tap(app.window, f"adminPinKey_{key}")
        touch_tap(app.window, "adminPinOk")
        qtbot.waitUntil(lambda: app.controller.state == "admin")
        touch_tap(app.window, "adminTabContent")
        qtbot.waitUntil(lambda: find_item(app.window, "adminProblems") is not None)
        problems = find_item(app.window, "adminProblems")
        listed = [str(p) for p in problems.property("model")]
        skipped = [p for p in listed if p.startswith('series/op-de-werf.toml: episode "odw-s1e1" '
                                                     "(seasons[0].episodes[0]): video:")]
        assert len(skipped) == 1, listed
        assert "empty" in skipped[0].lower(), skipped[0]
    finally:
        app.close()
