"""Kiosk name and region, the event of the day, snapshots with WAL content, merge of folders."""
from __future__ import annotations

import datetime
import io
import json
import sqlite3
from pathlib import Path
from types import SimpleNamespace

import pytest

from kiosk.campaign.identity import KioskNameError, health, identity, set_identity
from kiosk.cli import run_tool
from kiosk.config import DEFAULT, Config
from kiosk.core.event_choice import UnknownEvent, running_event
from kiosk.storage.events import EventStore
from kiosk.insights.export import merge
from kiosk.storage.snapshot import snapshot, snapshots

D = datetime.date


def ev(eid: str, date: D | None = None, dates: tuple[D, ...] = ()) -> SimpleNamespace:
    return SimpleNamespace(id=eid, date=date, dates=list(dates))


EVENTS = {"a": ev("a", D(2026, 3, 12)), "b": ev("b", None, (D(2026, 5, 1), D(2026, 5, 2))),
          "c": ev("c", D(2026, 9, 1)), "d": ev("d")}


@pytest.mark.parametrize("today, expected", [
    (D(2026, 3, 12), ("a", "today")),
    (D(2026, 5, 2), ("b", "today")),          # the second day of a two-day event
    (D(2026, 4, 1), ("b", "upcoming")),       # nearest upcoming, not the default
    (D(2026, 5, 3), ("c", "upcoming")),
    (D(2027, 1, 1), ("d", "default")),        # all past: the pack's default_event
])
def test_the_event_of_the_day(today: D, expected: tuple[str, str]) -> None:
    choice = running_event(SimpleNamespace(events=EVENTS, default_event="d"), today)
    assert (choice.event.id, choice.why) == expected
    assert (choice.by_date, choice.pinned, choice.overrides_date) == (choice.event, False, False)


def test_no_default_and_all_past_takes_the_first() -> None:
    choice = running_event(SimpleNamespace(events=EVENTS, default_event=None), D(2030, 1, 1))
    assert (choice.event.id, choice.why) == ("a", "first")


def test_a_pinned_event_wins_and_says_what_the_dates_would_run() -> None:
    pack = SimpleNamespace(events=EVENTS, default_event="d")
    choice = running_event(pack, D(2026, 3, 12), pinned="c")
    assert (choice.event.id, choice.why, choice.by_date.id, choice.date_why) == \
        ("c", "pinned", "a", "today")
    assert choice.overrides_date
    assert choice.log_line() == ("event pinned to c by --event; by date it would be a (today): "
                                 "start without --event to follow the dates")
    same = running_event(pack, D(2026, 9, 1), pinned="c")
    assert same.pinned and not same.overrides_date
    with pytest.raises(UnknownEvent, match="'x' is not in the pack .events: a, b, c, d."):
        running_event(pack, D(2026, 3, 12), pinned="x")
    assert running_event(SimpleNamespace(events={}, default_event=None), D(2026, 1, 1)) is None


def test_name_and_region_are_stored_and_read_back(tmp_path: Path) -> None:
    assert identity(tmp_path, "k1a2b3c", DEFAULT).name == "k1a2b3c"  # nothing set: the id
    set_identity(tmp_path, "  Aula   links ", "Zwolle", DEFAULT)
    set_identity(tmp_path, "Aula links", None, DEFAULT)  # keeps the region
    me = identity(tmp_path, "k1a2b3c", DEFAULT)
    assert (me.name, me.region, me.folder_name) == ("Aula links", "Zwolle", "Aula-links")
    with pytest.raises(KioskNameError, match="at most 60"):
        set_identity(tmp_path, "x" * 61, None, DEFAULT)
    (tmp_path / Config().campaign.kiosk_name_filename).write_text("{broken")
    assert identity(tmp_path, "k1a2b3c", DEFAULT).name == "k1a2b3c"


def test_health_counts_restarts_and_errors(tmp_path: Path) -> None:
    from kiosk.ops.supervisor_files import append_restart

    append_restart(tmp_path / "restarts.log", "crash")
    append_restart(tmp_path / "restarts.log", "hung", "no frame")
    append_restart(tmp_path / "restarts.log", "crash")
    (tmp_path / "kiosk.log").write_text("2026 INFO kiosk: ok\n2026 ERROR kiosk.ui: bad\n")
    h = health(tmp_path, pack_id="p", pack_version=3, uptime_s=12.4, clips_skipped=2,
               render_mode="lean", config=DEFAULT)
    assert h["restarts"] == 3 and h["restart_reasons"] == {"crash": 2, "hung": 1}
    assert h["errors_logged"] == 1 and h["uptime_s"] == 12 and h["free_disk_bytes"] > 0


def live_store(path: Path, kiosk: str, sessions: int, start: float) -> EventStore:
    now = [start]
    store = EventStore(path, kiosk, Config().store, clock=lambda: now.__setitem__(0, now[0] + 1) or now[0])
    for i in range(sessions):
        store.record("session_started", f"{kiosk}-s{i}")
    store.flush()
    return store


def test_a_snapshot_of_a_live_database_holds_the_wal_content(tmp_path: Path) -> None:
    store = live_store(tmp_path / "kiosk.db", "ka", 500, 1_773_000_000.0)
    try:
        wal = Path(f"{tmp_path / 'kiosk.db'}-wal")
        assert wal.stat().st_size > 0  # the newest events are still only in the WAL
        raw_copy = tmp_path / "copied.db"
        raw_copy.write_bytes((tmp_path / "kiosk.db").read_bytes())  # what people used to do
        with sqlite3.connect(raw_copy) as conn:
            lost = 500 - conn.execute("SELECT count(*) FROM events WHERE kind = "
                                      "'session_started'").fetchone()[0]
        snap = snapshot(tmp_path / "kiosk.db", tmp_path / "outbox", DEFAULT.store, keep=3)
    finally:
        store.close()
    assert lost > 0  # the raw copy loses events; the snapshot must not
    with sqlite3.connect(snap) as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE kind = 'session_started'"
                            ).fetchone()[0] == 500
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"  # one file
    assert not Path(f"{snap}-wal").exists()


def test_snapshots_keep_the_newest_n_and_no_temp_files(tmp_path: Path) -> None:
    store = live_store(tmp_path / "kiosk.db", "ka", 3, 1_773_000_000.0)
    try:
        made = [snapshot(tmp_path / "kiosk.db", tmp_path / "out", DEFAULT.store, keep=2, now=1_773_000_000.0 + i)
                for i in range(4)]
    finally:
        store.close()
    assert snapshots(tmp_path / "out") == made[-2:]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [p.name for p in made[-2:]]


def kiosk_with_row(folder: Path, kiosk: str, name: str, region: str, sessions: int,
                   updated: float) -> Path:
    now = [updated]
    store = EventStore(folder / "kiosk.db", kiosk, Config().store, clock=lambda: now[0])
    for i in range(sessions):
        store.record("session_started", f"{kiosk}-s{i}")
    store.update_kiosk(name=name, region=region, pack_id="p", pack_version=1,
                       health={"restarts": 0})
    store.flush()
    snap = snapshot(folder / "kiosk.db", folder / "outbox" / name.replace(" ", "-"), DEFAULT.store, keep=5,
                    now=updated)
    store.close()
    return snap


def test_merge_of_folders_is_recursive_idempotent_and_names_each_kiosk(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    stick = tmp_path / "stick" / "bliq-data"
    kiosk_with_row(tmp_path / "k1", "ka", "Aula links", "Zwolle", 3, 1000.0)
    kiosk_with_row(tmp_path / "k2", "kb", "Hal 2", "Kampen", 2, 1000.0)
    # kiosk ka renamed later (and its damaged database started afresh): the newer row wins
    newer = kiosk_with_row(tmp_path / "k1b", "ka", "Aula rechts", "Zwolle", 3, 2000.0)
    (stick / "x").mkdir(parents=True)
    for src in (tmp_path / "k1" / "outbox", tmp_path / "k2" / "outbox"):
        for db in src.rglob("*.db"):
            (stick / "x" / f"{db.parent.name}-{db.name}").write_bytes(db.read_bytes())
    (stick / "x" / "broken.db").write_bytes(b"SQLite format 3\x00" + b"\x07" * 3000)
    out = tmp_path / "campaign.db"
    argv = ["merge", str(out), str(newer), str(tmp_path / "stick")]
    text = io.StringIO()
    assert run_tool(argv, text) == 0
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "broken.db" in err
    assert "Aula rechts (Zwolle): 6 events, 6 bezoeken/sessions" in text.getvalue()
    assert "Hal 2 (Kampen): 2 events, 2 bezoeken/sessions" in text.getvalue()
    again = io.StringIO()
    assert run_tool(argv, again) == 0
    assert again.getvalue().count(": +0 ") == 3  # idempotent: nothing added
    with sqlite3.connect(out) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 8
        rows = dict(conn.execute("SELECT kiosk_id, name FROM kiosks"))
        assert rows == {"ka": "Aula rechts", "kb": "Hal 2"}
        assert json.loads(conn.execute("SELECT health FROM kiosks WHERE kiosk_id = 'kb'"
                                       ).fetchone()[0]) == {"restarts": 0}


def test_merge_skips_a_newer_schema_file(tmp_path: Path) -> None:
    good = kiosk_with_row(tmp_path / "k1", "ka", "A", "", 1, 1000.0)
    newer = tmp_path / "newer.db"
    newer.write_bytes(good.read_bytes())
    with sqlite3.connect(newer) as conn:
        conn.execute("PRAGMA user_version = 99")
    skipped: list[str] = []
    merged = merge(tmp_path / "out.db", [newer, good], DEFAULT, skipped=skipped)
    assert [m.source for m in merged] == [good]
    assert len(skipped) == 1 and "newer kiosk" in skipped[0] and "newer.db" in skipped[0]
