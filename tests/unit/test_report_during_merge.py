"""A report or stats run while a merge writes into the same file: the figures of one state of
the file (read again when it changed meanwhile) or one line saying it kept changing; never a
traceback, never a damaged file. A kiosk writing its own events meanwhile is read as it
stands, at once. And a merge into a new file appears under its name only when it is
complete."""
from __future__ import annotations

import sqlite3
import threading
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.insights import metrics
from kiosk.insights import export, html_report
from tests.unit.test_report import kiosk_db, line, per_kiosk, tool


def test_a_report_whose_file_changed_meanwhile_is_read_again(
        tmp_path: Path, amsterdam: None, monkeypatch: pytest.MonkeyPatch) -> None:
    merged = tmp_path / "merged.db"
    assert tool("merge", str(merged), str(kiosk_db(tmp_path / "a.db", "ka", 3,
                                                   1_773_000_000.0)))[0] == 0
    late = kiosk_db(tmp_path / "b.db", "kb", 2, 1_773_000_100.0)
    real_gather = html_report.gather
    calls = []

    def gather_while_merging(*args: object, **kwargs: object) -> html_report.ReportData:
        data = real_gather(*args, **kwargs)  # type: ignore[arg-type]
        calls.append(data.overall.sessions)
        if len(calls) == 1:  # a merge commits while the figures are being read
            export.merge(merged, [late], DEFAULT)
        return data

    monkeypatch.setattr(html_report, "gather", gather_while_merging)
    code, text = tool("report", str(merged), "--out", str(tmp_path / "r.html"))
    assert code == 0, text
    assert calls == [3, 5]  # read again: the page is of the file as the merge left it
    assert "5 bezoeken/visits" in text


def test_a_file_that_keeps_changing_gets_one_line(
        tmp_path: Path, amsterdam: None, monkeypatch: pytest.MonkeyPatch,
        capsys: pytest.CaptureFixture[str]) -> None:
    merged = tmp_path / "merged.db"
    assert tool("merge", str(merged), str(kiosk_db(tmp_path / "a.db", "ka", 2,
                                                   1_773_000_000.0)))[0] == 0
    more = [kiosk_db(tmp_path / f"k{i}.db", f"k{i}", 1, 1_773_000_000.0 + i) for i in range(4)]
    real = metrics.compute_file

    def compute_while_merging(*args: object, **kwargs: object) -> metrics.Metrics:
        export.merge(merged, [more.pop()], DEFAULT)  # another snapshot arrives during every read
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("kiosk.insights.report.compute_file", compute_while_merging)
    code, text = tool("stats", "--data", str(merged))
    err = capsys.readouterr().err
    assert code != 0 and "Traceback" not in err
    assert f"{merged}: a merge changed it while the figures were read" in err
    monkeypatch.undo()
    code, text = tool("stats", "--data", str(merged))  # once it is done: its figures
    assert code == 0 and line(text, "Bezoeken / sessions") == str(2 + 2)


def test_reports_while_a_merge_runs_in_place_never_break(tmp_path: Path, amsterdam: None,
                                                         capsys: pytest.CaptureFixture[str]
                                                         ) -> None:
    """Real threads: reports one after another on the file for as long as a merge of twelve
    snapshots into it runs (two batches, and its indexes dropped and built again)."""
    merged = tmp_path / "merged.db"
    assert tool("merge", str(merged), str(kiosk_db(tmp_path / "a.db", "ka", 2,
                                                   1_773_000_000.0)))[0] == 0
    sources = [kiosk_db(tmp_path / f"k{i}.db", f"k{i:02d}", 40, 1_773_000_000.0 + i)
               for i in range(12)]
    merging = threading.Thread(target=export.merge, args=(merged, sources, DEFAULT))
    merging.start()
    outcomes = []
    while merging.is_alive() or not outcomes:
        code, text = tool("report", str(merged), "--out", str(tmp_path / "r.html"))
        err = capsys.readouterr().err
        assert "Traceback" not in err
        assert code == 0 or "a merge changed it while the figures were read" in err, err
        outcomes.append(code)
    merging.join()
    with sqlite3.connect(merged) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    assert per_kiosk(merged) == {"ka": (6, 2), **{f"k{i:02d}": (120, 40) for i in range(12)}}
    code, text = tool("report", str(merged), "--out", str(tmp_path / "r.html"))
    assert code == 0 and f"{2 + 12 * 40} bezoeken/visits" in text


def test_a_new_merged_file_appears_only_when_complete(tmp_path: Path, amsterdam: None,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    merged = tmp_path / "merged.db"
    sources = [kiosk_db(tmp_path / f"k{i}.db", f"k{i}", 2, 1_773_000_000.0 + i)
               for i in range(3)]
    seen = []
    real = export._merge_batch

    def batch(conn: sqlite3.Connection, *args: object) -> list[export.Merged]:
        seen.append(merged.exists())  # while rows go in: nothing under the name yet
        return real(conn, *args)  # type: ignore[arg-type]

    monkeypatch.setattr(export, "_merge_batch", batch)
    assert tool("merge", str(merged), *map(str, sources))[0] == 0
    assert seen == [False]
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".merging")]
    assert per_kiosk(merged) == {f"k{i}": (6, 2) for i in range(3)}
    with sqlite3.connect(merged) as conn:  # the same mode as any kiosk database
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "wal"


def test_stats_on_a_running_kiosk_is_read_once(tmp_path: Path, amsterdam: None,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The kiosk commits its events every quarter second: that is no merge, and stats neither
    waits for a quiet moment nor complains."""
    from kiosk.config import Config
    from kiosk.storage.events import EventStore

    db = kiosk_db(tmp_path / "kiosk.db", "ka", 3, 1_773_000_000.0)
    store = EventStore(db, "ka", Config().store, clock=lambda: 1_773_001_000.0)
    real = metrics.compute_file
    calls = []

    def compute_while_visited(*args: object, **kwargs: object) -> metrics.Metrics:
        calls.append(1)
        store.record("session_started", "visitor-now")  # committed by the kiosk meanwhile
        store.flush()
        return real(*args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr("kiosk.insights.report.compute_file", compute_while_visited)
    try:
        code, text = tool("stats", "--data", str(db))
    finally:
        store.close()
    assert code == 0 and calls == [1]
    assert line(text, "Bezoeken / sessions") == "4"
