"""The supervisor's rules (no processes): staleness, frozen video, exit codes, files it keeps."""
from __future__ import annotations

import json
import os
import sys
from pathlib import Path

import pytest

from kiosk.ops.supervisor_files import Beat, append_restart, read_beat, read_restarts, write_beat
from kiosk.config import DEFAULT
from kiosk.ops.watchdog import Watch, exit_reason, kiosk_command

CFG = DEFAULT.with_(heartbeat_stale_s=8.0, video_frozen_restart_s=20.0,
                    watchdog_start_grace_s=60.0)


def beat(seq: int, *, playing: bool = False, frame: str = "", state: str = "attract") -> Beat:
    return Beat(pid=1, seq=seq, wall_time=0.0, state=state, playing=playing, frame=frame)


def test_a_new_child_has_the_start_grace_for_its_first_beat() -> None:
    watch = Watch(started=100.0)
    watch.observe(None, 150.0)
    assert watch.verdict(CFG.watchdog, 160.0) is None        # 60 s after start: still allowed
    assert watch.verdict(CFG.watchdog, 160.1) == "no-heartbeat"


def test_stale_means_the_sequence_stopped_changing_on_the_supervisors_clock() -> None:
    watch = Watch(started=0.0)
    watch.observe(beat(1), 1.0)
    watch.observe(beat(2), 2.0)
    watch.observe(beat(2), 9.0)                     # same beat read again: no news
    assert watch.verdict(CFG.watchdog, 10.0) is None         # 8.0 s since seq 2 arrived
    assert watch.verdict(CFG.watchdog, 10.1) == "hung"


def test_an_unreadable_beat_does_not_reset_or_trip_the_clock() -> None:
    watch = Watch(started=0.0)
    watch.observe(beat(5), 1.0)
    watch.observe(None, 5.0)                        # e.g. read while being replaced
    assert watch.verdict(CFG.watchdog, 9.0) is None
    assert watch.verdict(CFG.watchdog, 9.5) == "hung"


def test_a_frozen_frame_while_playing_restarts_but_pausing_does_not() -> None:
    watch = Watch(started=0.0)
    watch.observe(beat(1, playing=True, frame="a"), 0.0)
    for t in range(1, 21):                          # beats keep coming, the frame does not change
        watch.observe(beat(1 + t, playing=True, frame="a"), float(t))
    assert watch.verdict(CFG.watchdog, 20.0) is None         # exactly 20 s: not yet
    watch.observe(beat(22, playing=True, frame="a"), 20.5)
    assert watch.verdict(CFG.watchdog, 20.5) == "frozen-video"

    paused = Watch(started=0.0)
    for t in range(31):
        paused.observe(beat(1 + t, playing=False, frame="a"), float(t))
    assert paused.verdict(CFG.watchdog, 30.0) is None        # a paused episode may show one frame forever


def test_new_frames_and_a_fresh_play_reset_the_frozen_clock() -> None:
    watch = Watch(started=0.0)
    watch.observe(beat(1, playing=True, frame="a"), 0.0)
    watch.observe(beat(2, playing=True, frame="b"), 15.0)   # a new frame at 15 s
    watch.observe(beat(3, playing=True, frame="b"), 30.0)
    assert watch.verdict(CFG.watchdog, 30.0) is None                  # 15 s since "b"
    watch.observe(beat(4, playing=False, frame="b"), 31.0)   # paused …
    watch.observe(beat(5, playing=True, frame="b"), 40.0)    # … and playing again at 40 s
    watch.observe(beat(6, playing=True, frame="b"), 55.0)
    assert watch.verdict(CFG.watchdog, 55.0) is None                  # 15 s since playing began


@pytest.mark.parametrize(("code", "expected"), [
    (0, None),                                   # admin quit: the watchdog stops too
    (75, ("memory", "exit 75")),                 # the kiosk asks for a fresh start
    (1, ("crash", "exit 1")),
    (-9, ("crash", "signal 9")),                 # killed (e.g. out of memory)
])
def test_exit_codes(code: int, expected: tuple[str, str] | None) -> None:
    assert exit_reason(code) == expected


def test_kiosk_command_from_source_runs_the_package() -> None:
    assert kiosk_command(["--data", "d"]) == [sys.executable, "-m", "kiosk", "--data", "d"]


def test_beat_round_trip_and_unknown_fields(tmp_path: Path) -> None:
    path = tmp_path / "heartbeat.json"
    written = Beat(pid=7, seq=3, wall_time=12.5, state="player", playing=True, frames=40,
                   frame="1200000", first_frame_at=10.0, rss_bytes=123)
    write_beat(path, written)
    assert read_beat(path) == written
    assert [p.name for p in tmp_path.iterdir()] == ["heartbeat.json"]  # no temp file left
    data = json.loads(path.read_text())
    data["added_later"] = 1                      # a newer kiosk's field: ignored, not an error
    path.write_text(json.dumps(data))
    assert read_beat(path) == written


@pytest.mark.parametrize("content", ["", "{", "[]", '{"pid": 1}', '{"seq": "x", "pid": 1}x'])
def test_broken_or_partial_beats_read_as_none(tmp_path: Path, content: str) -> None:
    path = tmp_path / "heartbeat.json"
    path.write_text(content)
    assert read_beat(path) is None
    assert read_beat(tmp_path / "missing.json") is None


def test_restarts_log_lines_and_reading_back(tmp_path: Path) -> None:
    log = tmp_path / "restarts.log"
    assert read_restarts(log) == []
    append_restart(log, "hung", "last state player", at=1_700_000_000.25)
    append_restart(log, "crash", "exit\t3", at=1_700_000_100.0)
    log.write_text(log.read_text() + "half a line\n")
    lines = log.read_text().splitlines()
    assert lines[0].startswith("1700000000.250\t")
    assert lines[0].endswith("\thung\tlast state player")
    assert [(r.at, r.reason, r.detail) for r in read_restarts(log)] == [
        (1_700_000_000.25, "hung", "last state player"), (1_700_000_100.0, "crash", "exit 3")]


def test_a_hang_while_video_plays_is_hung_not_frozen_video():
    """The UI thread blocks mid-clip: beats and frames stop together. That is a hang."""
    from kiosk.ops.supervisor_files import HUNG, Beat
    from kiosk.config import DEFAULT
    from kiosk.ops.watchdog import Watch

    cfg = DEFAULT.with_(heartbeat_interval_s=1.0, heartbeat_stale_s=8.0, video_frozen_restart_s=1.0)
    watch = Watch(started=0.0)
    for t in range(5):  # healthy: a beat a second, each with a new frame
        watch.observe(Beat(pid=1, seq=t, wall_time=t, state="player", playing=True, frames=t,
                           frame=str(t)), float(t))
    verdicts = [watch.verdict(cfg.watchdog, 4.0 + dt / 10) for dt in range(1, 60)]  # then silence
    assert "frozen-video" not in verdicts
    assert watch.verdict(cfg.watchdog, 4.0 + 8.1) == HUNG


def test_a_read_only_data_dir_is_no_reason_to_restart(tmp_path: Path) -> None:
    """The disk turned read-only mid-day: no heartbeat can change, so staleness proves nothing;
    a restart would lose the events kept in memory and the new kiosk could not start there."""
    import subprocess

    from kiosk.ops.supervisor_files import HUNG, Beat
    from kiosk.ops.watchdog import Watch, read_only

    cfg = DEFAULT
    watch = Watch(started=0.0)
    watch.observe(Beat(pid=1, seq=1, wall_time=0.0, state="attract"), 4.0)
    late = 4.0 + cfg.watchdog.heartbeat_stale_s + 0.1
    assert watch.verdict(cfg.watchdog, late) == HUNG
    assert watch.verdict(cfg.watchdog, late, can_beat=False) is None
    assert not read_only(tmp_path)
    if os.geteuid() != 0:
        pytest.skip("mounting a read-only tmpfs needs root")
    disk = tmp_path / "disk"
    disk.mkdir()
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=1m,ro", "tmpfs", str(disk)],
                      capture_output=True, check=False).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        assert read_only(disk)
    finally:
        subprocess.run(["umount", "-l", str(disk)], check=False)
