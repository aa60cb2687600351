"""Shared test set-up: offscreen Qt, a fresh data dir per test."""
from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
if os.environ["QT_QPA_PLATFORM"] == "offscreen":
    os.environ.setdefault("QT_QUICK_BACKEND", "software")

# The kiosk's QML type (``import Kiosk``, registered by PySide's QmlElement when its module is
# imported) is registered before any test makes a QML engine: registered after a plain engine
# has loaded QtQuick (a QQuickView of one component, as test_qr makes), every kiosk window made
# later in that process failed to load ("Cannot assign object of type QQuickText to list
# property data; expected QObject", PillButton.qml), so a test file's place in a worker decided
# whether the UI tests after it passed. The kiosk itself registers it before its first engine.
import kiosk.ui.kiosk_singleton

REPO = Path(__file__).resolve().parent.parent
SAMPLE_PACK = REPO / "episodes"


@pytest.fixture(autouse=True)
def no_real_sticks(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test kiosks never look at the USB sticks of the machine running the tests (a campaign
    stick must not receive test kiosks' snapshots): with the default mount folders they see
    none. Tests of sticks give their own folders (``CampaignConfig.removable_media_globs``)."""
    from kiosk.config import CampaignConfig
    from kiosk.campaign.updates import Inbox

    real = Inbox.mounts

    def mounts(inbox: Inbox) -> list[Path]:
        return [] if inbox.media_globs == CampaignConfig.removable_media_globs else real(inbox)

    monkeypatch.setattr(Inbox, "mounts", mounts)


@pytest.fixture(autouse=True)
def own_cache(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch) -> Path:
    """What the tools remember in the user's cache folder (a pack's titles, kiosk.pack.titles)
    goes into a folder of the test's own, also for the processes it starts (XDG_CACHE_HOME):
    never the cache of the machine running the tests, never one test's into another."""
    from kiosk import paths

    folder = tmp_path_factory.mktemp("cache")
    monkeypatch.setenv("XDG_CACHE_HOME", str(folder))
    monkeypatch.setattr(paths, "cache_dir", lambda: folder / "bliq-kiosk")
    return folder / "bliq-kiosk"


@pytest.fixture
def data_dir(tmp_path: Path) -> Path:
    """A fresh, empty data dir (database, log, kiosk id) for one test."""
    d = tmp_path / "data"
    d.mkdir()
    return d


def tree_state(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file under ``folder`` with its size and modification time: a pack shared by a
    module's tests is compared before and after, so a test that changes it fails loudly."""
    return {str(p.relative_to(folder)): (p.stat().st_size, p.stat().st_mtime_ns)
            for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.fixture
def amsterdam() -> Iterator[None]:
    """Local time is Amsterdam for the test (hours and days depend on it)."""
    mp = pytest.MonkeyPatch()   # its own: undoing it leaves the test's monkeypatch alone
    mp.setenv("TZ", "Europe/Amsterdam")
    time.tzset()
    yield
    mp.undo()
    time.tzset()


@pytest.fixture
def sample_pack() -> Path:
    return SAMPLE_PACK


@pytest.fixture
def make_kiosk(qapp, tmp_path: Path) -> Iterator[Callable[..., Any]]:
    """Build kiosks (``kiosk.app.build``) in a window of ``size``; all closed afterwards.

    ``config`` defaults to long idle times so no "Ben je er nog?" interrupts a test.
    ``real_player``: decode the clips with Qt's FFmpeg backend; by default the kiosk gets a
    ``FakePlayer`` (same interface, no decoding), which is all a test of the flow, idle rules,
    admin or the game needs. Tests of playback itself ask for the real one."""
    from kiosk.app import build
    from kiosk.config import Config
    from tests.fakeplayer import FakePlayer

    made: list[Any] = []

    def make(size: str = "1920x1080", *, content: Path = SAMPLE_PACK, config: Any = None,
             args: tuple[str, ...] = (), real_player: bool = False) -> Any:
        data = tmp_path / f"data{len(made)}"
        cfg = config or Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                               idle_from_event=False)
        app = build(["--windowed", "--size", size, "--data", str(data), "--content",
                     str(content), *args], config=cfg,
                    player_factory=None if real_player else FakePlayer)
        made.append(app)
        return app

    yield make
    for app in reversed(made):
        app.close()


@pytest.fixture
def kiosk_options() -> dict[str, Any]:
    """What ``kiosk`` passes to ``make_kiosk``; a test module overrides this fixture (with
    ``params`` for several screen sizes) instead of defining its own ``kiosk``."""
    return {}


@pytest.fixture
def kiosk(make_kiosk, kiosk_options: dict[str, Any], qtbot) -> Any:
    """One kiosk built with ``kiosk_options``, its window on screen."""
    app = make_kiosk(**kiosk_options)
    qtbot.waitUntil(app.window.isExposed)
    return app


@pytest.fixture(autouse=True)
def no_real_voices(monkeypatch: pytest.MonkeyPatch) -> None:
    """Test kiosks have read-aloud off unless the test names an engine (``Config.
    read_aloud_engine``: Qt's "mock" plug-in, English voices and no Dutch one, or "speechd"):
    every engine is a process of its own (about 0.3 s of CPU each), and this machine's
    speech-dispatcher would list its voices for every kiosk (seconds) and stops answering
    when it has no sound output."""
    from kiosk.media import speech

    monkeypatch.setattr(speech, "PLATFORM_ENGINE", speech.OFF)

