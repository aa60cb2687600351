"""The kiosk's heartbeat on a real Qt event loop: beats, frames, memory restart, smoke quit."""
from __future__ import annotations

from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, Signal

from kiosk.ops.supervisor_files import RESTART_EXIT_CODE, read_beat
from kiosk.config import DEFAULT
from kiosk.ops.heartbeat import Heartbeat, start_heartbeat

FAST = DEFAULT.with_(heartbeat_interval_s=0.05, memory_limit_bytes=1000)


class FakeWindow(QObject):
    """Only the frameSwapped signal of a QQuickWindow."""

    frameSwapped = Signal()


class Recorder:
    def __init__(self) -> None:
        self.quits: list[int] = []
        self.events: list[tuple[str, dict[str, Any]]] = []

    def quit(self, code: int) -> None:
        self.quits.append(code)

    def record(self, kind: str, session_id: str | None = None, **fields: Any) -> bool:
        self.events.append((kind, fields))
        return True


def make(tmp_path: Path, state: list[str], rss: int | None = 10,
         quit_after_first_frame: bool = False) -> tuple[Heartbeat, Recorder]:
    rec = Recorder()
    hb = Heartbeat(tmp_path / "heartbeat.json", FAST, state=lambda: state[0], quit_app=rec.quit,
                   quit_after_first_frame=quit_after_first_frame, rss=lambda: rss)
    return hb, rec


def test_beats_keep_coming_with_state_and_frames(qtbot: Any, tmp_path: Path) -> None:
    state = ["attract"]
    hb, rec = make(tmp_path, state)
    hb.start()
    first = read_beat(hb.path)
    assert first is not None and first.seq == 1 and first.state == "attract"
    state[0] = "player"
    hb.set_playing(True)
    hb.note_frame(40_000)
    hb.note_frame(80_000)
    qtbot.waitUntil(lambda: (b := read_beat(hb.path)) is not None and b.state == "player")
    beat = read_beat(hb.path)
    assert beat is not None
    assert (beat.playing, beat.frames, beat.frame, beat.rss_bytes) == (True, 2, "80000", 10)
    assert beat.seq > first.seq
    hb.stop()
    assert rec.quits == []


def test_over_the_memory_limit_it_asks_for_a_restart_only_in_attract(qtbot: Any,
                                                                     tmp_path: Path) -> None:
    state = ["player"]
    hb, rec = make(tmp_path, state, rss=5000)  # limit 1000 bytes in FAST
    hb.start()
    qtbot.waitUntil(lambda: (b := read_beat(hb.path)) is not None and b.seq >= 3)
    assert rec.quits == []                       # a visitor is watching: no restart
    state[0] = "attract"
    qtbot.waitUntil(lambda: rec.quits == [RESTART_EXIT_CODE])
    seen = read_beat(hb.path)
    assert seen is not None
    qtbot.waitUntil(lambda: (b := read_beat(hb.path)) is not None and b.seq >= seen.seq + 2)
    assert rec.quits == [RESTART_EXIT_CODE]      # asked once, not every beat
    hb.stop()


def test_quit_after_start_quits_with_0_after_the_first_attract_frame(qtbot: Any,
                                                                    tmp_path: Path) -> None:
    hb, rec = make(tmp_path, ["attract"], quit_after_first_frame=True)
    window = FakeWindow()
    hb.watch_window(window)
    hb.start()
    assert read_beat(hb.path).first_frame_at is None  # type: ignore[union-attr]
    window.frameSwapped.emit()
    qtbot.waitUntil(lambda: rec.quits == [0])
    beat = read_beat(hb.path)
    assert beat is not None and beat.first_frame_at is not None
    window.frameSwapped.emit()                   # later frames change nothing
    assert rec.quits == [0]
    hb.stop()


def test_without_quit_after_start_the_first_frame_is_noted_and_nothing_quits(qtbot: Any,
                                                                       tmp_path: Path) -> None:
    hb, rec = make(tmp_path, ["attract"])
    window = FakeWindow()
    hb.watch_window(window)
    hb.start()
    window.frameSwapped.emit()
    qtbot.waitUntil(lambda: (b := read_beat(hb.path)) is not None and b.first_frame_at is not None)
    assert rec.quits == []
    hb.stop()


def test_a_restart_is_recorded_with_the_event_logs_reason(qtbot: Any, tmp_path: Path) -> None:
    rec = Recorder()

    class Controller:
        state = "attract"

    class App:
        def exit(self, code: int) -> None:
            rec.quit(code)

    for reason, expected in (("hung", "watchdog"), ("crash", "crash"), ("memory", "watchdog")):
        hb = start_heartbeat(data_dir=tmp_path, config=FAST, controller=Controller(),
                             window=FakeWindow(), qapp=App(), store=rec,
                             env={"KIOSK_RESTARTED_BECAUSE": reason})
        hb.stop()
        assert rec.events[-1] == ("kiosk_restarted", {"reason": expected})
    hb = start_heartbeat(data_dir=tmp_path, config=FAST, controller=Controller(),
                         window=FakeWindow(), qapp=App(), store=rec, env={})
    hb.stop()
    assert len(rec.events) == 3                  # a first start records nothing
