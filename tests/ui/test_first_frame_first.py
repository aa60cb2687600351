"""A kiosk started as ``main()`` starts it draws attract from the pack's head
(kiosk.pack.head) and makes everything else right after that first frame: nothing is imported
before it that it does not need, and a pack the full load finds broken ends as it always did."""
from __future__ import annotations

import datetime
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from kiosk.app import StartupError, build
from kiosk.config import Config
from tests.conftest import SAMPLE_PACK
from tests.fakeplayer import FakePlayer

ROOT = Path(__file__).resolve().parents[2]
DAY = datetime.date(2026, 12, 8)   # after both sample events: the pack's default_event runs
CONFIG = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                        idle_from_event=False)

# The kiosk's own start (main()'s steps up to its event loop: the stop-signal catcher, build
# with first_frame_first, the stop handler): sys.modules as the first frame is swapped, then
# again once the rest of the kiosk was made after it.
CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from kiosk.app import build
from kiosk.ops.process import GracefulStop, SignalCatcher
caught = SignalCatcher()
app = build(["--windowed", "--size", "1280x720", "--data", sys.argv[2]], first_frame_first=True)
GracefulStop(app).install(caught)
seen = {}
def first():
    app.window.frameSwapped.disconnect(first)
    seen["first"] = sorted(sys.modules)
    seen["libs"] = sorted({line.rsplit("/", 1)[-1].strip() for line in open("/proc/self/maps")
                           if ".so" in line})
    seen["screens_at_first"] = app.screens is not None
from PySide6.QtCore import QTimer
def later():
    if app.screens is None:
        QTimer.singleShot(20, later)
        return
    seen["after"] = sorted(sys.modules)
    seen["pack"] = type(app.pack).__module__ + "." + type(app.pack).__name__
    seen["state"] = app.controller.state
    seen["sections"] = sorted(app.controller.sections)
    print(json.dumps(seen), flush=True)
    app.close()
    app.qapp.quit()
app.window.frameSwapped.connect(first)
QTimer.singleShot(0, later)
app.qapp.exec()
"""

NOT_FOR_THE_FIRST_FRAME = ("pydantic", "pydantic_core", "kiosk.pack.models", "kiosk.pack.loader",
                           "kiosk.game", "kiosk.campaign", "kiosk.insights", "kiosk.site",
                           "kiosk.ui.game_bridge", "kiosk.ui.dashboard", "kiosk.ui.admin_panel",
                           "kiosk.ui.campaign_service", "kiosk.ui.chart_images",
                           "kiosk.ui.qr_provider", "kiosk.media.speech", "PySide6.QtWidgets",
                           "PySide6.QtCharts", "PySide6.QtSvg", "qrcode", "PIL", "cryptography",
                           # the event log opens after the frame; video starts with the player
                           "kiosk.storage", "sqlite3", "PySide6.QtMultimedia",
                           "kiosk.ui.leanvideo", "kiosk.media.scaler", "kiosk.media.player",
                           # a PIN is checked (OpenSSL's hashes), a mistyped setting named,
                           # only later if ever
                           "hashlib", "hmac", "secrets", "difflib",
                           # the log rotates and stop signals arrive without them
                           "logging.handlers", "socket", "pickle")


def _loaded(modules: list[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == n or m.startswith(n + ".") for n in names))


def test_the_first_attract_frame_imports_only_what_attract_needs(tmp_path) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    out = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(tmp_path)], env=env,
                         capture_output=True, text=True, timeout=120, check=True).stdout
    seen = json.loads(out.strip().splitlines()[-1])
    assert not seen["screens_at_first"]   # the rest was made after the frame, not before
    assert "kiosk.ui.controller" in seen["first"] and "PySide6.QtQuick" in seen["first"]
    assert _loaded(seen["first"], NOT_FOR_THE_FIRST_FRAME) == []
    assert [lib for lib in seen["libs"] if lib.startswith("libQt6Quick.")]   # maps were read
    assert not [lib for lib in seen["libs"] if lib.startswith(
        ("libQt6Multimedia", "libavcodec", "libQt6Widgets", "libQt6Charts", "libQt6Svg."))]
    # ... and right after it the whole kiosk runs on the validated pack, game and all
    assert seen["pack"] == "kiosk.pack.models.Pack"
    assert {"pydantic", "kiosk.game", "kiosk.ui.game_bridge", "kiosk.storage.events",
            "PySide6.QtMultimedia"} <= set(seen["after"])
    assert seen["state"] == "attract" and "game" in seen["sections"]


def test_the_garbage_collector_waits_only_while_the_first_frame_is_built(monkeypatch) -> None:
    import gc

    import kiosk.app

    seen = []

    def parse(argv):   # the first step of a build: where it stands then, and stop
        seen.append(gc.isenabled())
        raise kiosk.app.UsageError("stop here")

    monkeypatch.setattr(kiosk.app, "parse_run_args", parse)
    assert gc.isenabled()
    for first_frame_first in (True, False):
        with pytest.raises(StartupError, match="stop here"):
            build([], first_frame_first=first_frame_first)
        assert gc.isenabled()   # also after a start that failed
    assert seen == [False, True]


def _pack_copy(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    return pack


def _started(qtbot, app):
    """Wait for what the kiosk makes after its first frame."""
    qtbot.waitUntil(lambda: app.screens is not None or app.startup_error is not None,
                    timeout=20_000)
    return app


def test_attract_first_gives_the_same_kiosk_as_a_whole_start(tmp_path, qtbot) -> None:
    at_once = build(["--windowed", "--size", "1280x720", "--data", str(tmp_path / "a")],
                    config=CONFIG, today=DAY, player_factory=FakePlayer)
    try:
        first = build(["--windowed", "--size", "1280x720", "--data", str(tmp_path / "b")],
                      config=CONFIG, today=DAY, player_factory=FakePlayer,
                      first_frame_first=True)
        try:
            assert first.screens is None and first.controller.state == "attract"
            assert first.controller.eventTitle == at_once.controller.eventTitle
            first.controller.start()   # a touch before the rest is made: attract stays
            assert first.controller.state == "attract"
            assert first.event_log is None   # the database is opened after the first frame
            first.controller.toggleLanguage()   # attract's language button meanwhile
            _started(qtbot, first)
            assert first.startup_error is None
            # the held event reached the log, and the parts made later speak English too
            assert first.store.count("language_changed", flush_timeout=5) == 1
            assert first.controller.language == "en" and first.catalog.lang == "en"
            first.controller.toggleLanguage()
            assert first.controller.language == "nl" and first.catalog.lang == "nl"
            assert first.event.id == at_once.event.id == "open-dag-2026"
            assert first.controller.sections == at_once.controller.sections
            assert [str(p) for p in first.pack.problems] == [
                str(p) for p in at_once.pack.problems]
            qtbot.waitUntil(lambda: first.player.state == "playing", timeout=10_000)
            assert first.player.episodeId == at_once.player.episodeId   # the same attract loop
            first.controller.start()
            assert first.controller.state == "home"
        finally:
            first.close()
    finally:
        at_once.close()


def test_an_event_only_the_full_load_refuses_gives_the_kiosk_a_whole_start_gives(
        tmp_path, qtbot) -> None:
    """The head cannot judge a PIN hash; the full load drops that event and runs the other,
    so attract is made again from the full pack: the same event, texts and problems."""
    pack = _pack_copy(tmp_path)
    event = pack / "events" / "open-dag-2026.toml"
    event.write_text(re.sub(r'admin_pin_hash = ".*"', 'admin_pin_hash = "2468"',
                            event.read_text(encoding="utf-8")), encoding="utf-8")
    args = ["--windowed", "--size", "1280x720", "--content", str(pack)]
    at_once = build([*args, "--data", str(tmp_path / "a")], config=CONFIG, today=DAY,
                    player_factory=FakePlayer)
    try:
        first = build([*args, "--data", str(tmp_path / "b")], config=CONFIG, today=DAY,
                      player_factory=FakePlayer, first_frame_first=True)
        try:
            assert first.controller.eventTitle == "Open dag Techniekcollege De Brug"  # the head
            _started(qtbot, first)
            assert first.event.id == at_once.event.id == "techniekmarkt-2026"
            assert first.controller.eventTitle == at_once.controller.eventTitle \
                == "Techniekmarkt Regio Zwolle"
            problems = [str(p) for p in first.pack.problems]
            assert problems == [str(p) for p in at_once.pack.problems]
            assert any("admin_pin_hash" in p and "open-dag-2026" in p for p in problems)
            assert first.controller.state == "attract"
            assert first.controller.sections == at_once.controller.sections
            first.controller.adminGesture()
            first.controller.submitPin("2468")
            assert first.controller.state == "admin"
        finally:
            first.close()
    finally:
        at_once.close()


def test_a_pack_the_full_load_cannot_run_stops_with_the_same_message(tmp_path) -> None:
    """Every series file broken: the head (pack.toml, events) is fine, so attract is drawn;
    the full load finds no playable episode and the kiosk stops as it did before drawing."""
    pack = _pack_copy(tmp_path)
    for series in (pack / "series").glob("*.toml"):
        series.write_text("id = [broken\n", encoding="utf-8")
    with pytest.raises(StartupError) as whole:
        build(["--windowed", "--data", str(tmp_path / "a"), "--content", str(pack)],
              config=CONFIG)
    data = tmp_path / "b"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    done = subprocess.run(
        [sys.executable, "-c", "import sys; sys.path.insert(0, sys.argv[1]); "
         "from kiosk.app import main; main(sys.argv[2:])", str(ROOT), "--windowed", "--size",
         "1280x720", "--data", str(data), "--content", str(pack)],
        env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 2
    assert f"kiosk: {whole.value}" in done.stderr.splitlines()
    assert "no playable episode" in str(whole.value)
    log = "\n".join(p.read_text(encoding="utf-8") for p in data.rglob("*.log"))
    assert log.index("first frame:") < log.index("stopping, the kiosk cannot run")


def test_an_error_after_the_first_frame_stops_the_kiosk_as_an_error_in_build_did(
        tmp_path) -> None:
    """Not a kiosk left in attract that no touch can start: the error is logged, and main()
    ends with it (status 1, its traceback), so that the watchdog starts the kiosk again."""
    child = ("import sys; sys.path.insert(0, sys.argv[1]); import kiosk.app as kapp\n"
             "def broken(app, args):\n"
             "    raise RuntimeError('the campaign service broke')\n"
             "kapp._start_campaign = broken\n"
             "kapp.main(sys.argv[2:])\n")
    data = tmp_path / "data"
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", QT_QUICK_BACKEND="software")
    done = subprocess.run([sys.executable, "-c", child, str(ROOT), "--windowed", "--size",
                           "1280x720", "--data", str(data)],
                          env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 1
    assert "RuntimeError: the campaign service broke" in done.stderr
    log = (data / "kiosk.log").read_text(encoding="utf-8")
    assert log.index("first frame:") < log.index("the kiosk could not finish starting")
