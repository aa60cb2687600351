"""kiosk stats / export / merge through the real command line, on real SQLite files."""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from pathlib import Path

import pytest

from kiosk.cli import run_tool
from kiosk.config import DEFAULT, Config
from kiosk.insights.metrics import Filter, compute
from kiosk.storage.events import EventStore
from tests.unit.eventlog import T, local, seed


def reimport(csv_dir: Path, db_path: Path) -> int:
    """Load an export's events.csv into a new kiosk database (the export's round trip)."""
    from kiosk.storage.db import open_database
    from tests.export_reader import import_table

    db = open_database(db_path, DEFAULT.store)
    try:
        return import_table(csv_dir / "events.csv", db, "events")
    finally:
        db.close()


def tool(*argv: str) -> tuple[int, str]:
    out = io.StringIO()
    code = run_tool(list(argv), out)
    return code, out.getvalue()


@pytest.fixture
def data(tmp_path: Path, amsterdam: None) -> Path:
    d = tmp_path / "data"
    d.mkdir()
    seed(d / "kiosk.db")
    return d


def line(text: str, label: str) -> str:
    found = [ln.strip() for ln in text.splitlines() if ln.strip().startswith(label)]
    assert len(found) == 1, f"{label!r} in:\n{text}"
    return found[0][len(label):].strip()


def test_stats_prints_the_figures(data: Path) -> None:
    code, text = tool("stats", "--data", str(data))
    assert code == 0
    assert line(text, "Bezoeken / sessions") == "6"
    assert line(text, "Verblijftijd, mediaan / dwell time, median").startswith("1:40 ")  # 100 s
    assert line(text, "Uitgekeken ≥ 90 % / watched to the end") == "57 % (campagne/campaign 65 %)"
    assert line(text, "ep1") == "75 % (3/4)"
    assert line(text, "Spel uitgespeeld / games finished") == "3 (75 %); gestopt/abandoned 1"
    assert line(text, "Speelduur, mediaan / game time, median") == "1:20"
    assert line(text, "Talen / languages") == "nl 67 %  en 33 %"
    # The sample pack puts lasser in metaal and elektromonteur in energie; titles, not ids.
    assert line(text, "Metaal & machines") == "2"
    assert line(text, "Lasser / constructiewerker") == "2"
    # ep1–ep3 are not in the sample pack: ids, and a line that says why.
    assert "* Als id getoond (niet in pakket bliq-sample): ep1, ep2, ep3" in text
    assert line(text, "Resets: wachttijd / idle") == "3"
    assert line(text, "Resets: zelf afgesloten / by hand") == "2"
    assert line(text, "09:00").endswith(" 2")
    assert line(text, "Kiosks") == "k1 4  k2 2"


def test_stats_json_with_filters(data: Path) -> None:
    code, text = tool("stats", "--data", str(data), "--event", T, "--day", "2026-03-12", "--json")
    assert code == 0
    d = json.loads(text)
    assert d["filter"] == {"event_id": T, "day": "2026-03-12"}
    assert d["sessions"] == 4
    assert d["game_finish_rate"] == pytest.approx(2 / 3)
    assert d["available"]["days"] == ["2026-03-13", "2026-03-12"]


def test_stats_on_an_unknown_event_lists_the_events(data: Path,
                                                    capsys: pytest.CaptureFixture[str]) -> None:
    code, text = tool("stats", "--data", str(data), "--event", "open-dag")
    err = capsys.readouterr().err
    assert code == 1 and text == "" and err.count("\n") == 1
    assert "--event open-dag:" in err and "open-dag-2026, techniekmarkt-2026" in err


def test_stats_on_an_empty_day_says_what_there_is(data: Path) -> None:
    code, text = tool("stats", "--data", str(data), "--day", "2026-03-20")
    assert code == 0
    assert line(text, "Bezoeken / sessions") == "0"
    assert "open-dag-2026, techniekmarkt-2026" in text


@pytest.mark.parametrize("problem", ["no-db", "not-sqlite", "bad-day", "no-such-day"])
def test_stats_problems_are_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str],
                                     problem: str) -> None:
    argv = ["stats", "--data", str(tmp_path)]
    if problem == "not-sqlite":
        (tmp_path / "kiosk.db").write_text("hallo", encoding="utf-8")
    if problem in ("bad-day", "no-such-day"):
        seed(tmp_path / "kiosk.db")
        argv += ["--day", "12-03-2026" if problem == "bad-day" else "2026-02-30"]
    code, _ = tool(*argv)
    err = capsys.readouterr().err
    assert code == 1 and err.count("\n") == 1 and "Traceback" not in err
    expected = {"no-db": "holds no kiosk.db", "not-sqlite": "cannot read it as a kiosk database",
                "bad-day": "--day 12-03-2026: expected a date like 2026-03-12",
                "no-such-day": "--day 2026-02-30: expected a date like 2026-03-12"}[problem]
    assert expected in err


def read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")  # UTF-8 BOM for Excel
    assert b"\r\n" in raw
    with path.open(encoding="utf-8-sig", newline="") as f:
        return list(csv.reader(f, delimiter=";"))


def test_export_writes_csv_that_parses_back(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    code, text = tool("export", "--data", str(data), "--out", str(out))
    assert code == 0
    assert sorted(p.name for p in out.iterdir()) == ["events.csv", "kiosks.csv", "meta.csv",
                                                     "summary.csv"]
    events = read_csv(out / "events.csv")
    header, body = events[0], events[1:]
    assert len(body) == 10 + 12 + 8 + 11 + 5 + 6 + 4  # visits A–F plus four loose events
    assert f"{out / 'events.csv'}: 56 rijen/rows" in text
    assert header[:5] == ["id", "uid", "kiosk_id", "ts", "time"]
    rows = [dict(zip(header, r, strict=True)) for r in body]
    first = next(r for r in rows if r["session_id"] == "sa" and r["kind"] == "session_started")
    assert first["time"] == "2026-03-12 09:00:00"
    assert first["day"] == "2026-03-12"
    watched = next(r for r in rows if r["session_id"] == "sa" and r["kind"] == "episode_finished"
                   and r["episode_id"] == "ep1")
    assert watched["fraction"] == "0,95"  # decimal comma for nl Excel
    table = read_csv(out / "summary.csv")
    assert table[0] == ["figure", "label", "id", "name", "value", "unit"]
    summary = {(r[0], r[2]): r for r in table[1:]}
    assert summary[("sessions", "")][4:] == ["6", "bezoeken/visits"]
    # 740 / 6 = 123.33… s and 7 / 6 videos: rounded, with a unit, never 123,333333333
    assert summary[("dwell_mean", "")][1:] == [
        "Tijd per bezoek, gemiddeld / time per visit, mean", "", "", "123", "s"]
    assert summary[("videos_per_session", "")][4] == "1,2"
    assert summary[("watch_through", "ep1")][4:] == ["75", "%"]
    assert summary[("game_finish_rate", "")][4:] == ["75", "%"]
    assert summary[("top_job", "lasser")][3:] == ["Lasser / constructiewerker", "2", "keer/times"]
    assert summary[("top_domain", "metaal")][3] == "Metaal & machines"
    assert summary[("card_like_rate", "laadpaal")][3:5] == ["Een laadpaal aansluiten", "100"]
    assert summary[("reset", "idle")][4] == "3"
    assert summary[("sessions_per_day", "2026-03-12")][4] == "4"


def test_export_then_reimport_gives_the_same_numbers(data: Path, tmp_path: Path) -> None:
    out = tmp_path / "export"
    assert tool("export", "--data", str(data), "--out", str(out))[0] == 0
    assert reimport(out, tmp_path / "again.db") == 56
    with sqlite3.connect(data / "kiosk.db") as a, sqlite3.connect(tmp_path / "again.db") as b:
        for flt in (Filter(), Filter(day="2026-03-13"), Filter(event_id=T)):
            assert compute(b, flt, DEFAULT).to_dict() == compute(a, flt, DEFAULT).to_dict()
        cols = "uid, kiosk_id, ts, day, session_id, kind, fraction, liked, jobs"
        assert (b.execute(f"SELECT {cols} FROM events ORDER BY id").fetchall()
                == a.execute(f"SELECT {cols} FROM events ORDER BY id").fetchall())


def kiosk_db(path: Path, kiosk: str, visits: int, start: float) -> Path:
    """A kiosk's own database, written through the real EventStore with a fake clock."""
    now = [start]
    store = EventStore(path, kiosk, Config().store, clock=lambda: now[0])
    store.event_id = T
    for i in range(visits):
        sid = f"{kiosk}-s{i}"
        store.record("session_started", sid)
        now[0] += 30
        store.record("episode_started", sid, episode_id="ep1", via="tile")
        now[0] += 60
        store.record("session_ended", sid, reason="home")
        now[0] += 300
    store.close()
    return path


def per_kiosk(db: Path) -> dict[str, tuple[int, int]]:
    with sqlite3.connect(db) as conn:
        return {k: (n, s) for k, n, s in conn.execute(
            "SELECT kiosk_id, count(*), sum(kind = 'session_started') FROM events GROUP BY 1")}


def test_merge_is_idempotent_and_keeps_kiosk_totals(tmp_path: Path, amsterdam: None
                                                    ) -> None:
    a = kiosk_db(tmp_path / "a.db", "ka", 3, local(12, 10, 0))
    b = kiosk_db(tmp_path / "b.db", "kb", 2, local(12, 10, 5))
    merged = tmp_path / "merged.db"
    code, text = tool("merge", str(merged), str(a), str(b))
    assert code == 0
    assert f"{a}: +9 " in text and f"{b}: +6 " in text
    assert per_kiosk(merged) == {"ka": (9, 3), "kb": (6, 2)}
    # the same files again, and one twice in one go: nothing new
    code, text = tool("merge", str(merged), str(b), str(a), str(b))
    assert code == 0 and "+0 (al aanwezig/already there: 9)" in text
    assert per_kiosk(merged) == {"ka": (9, 3), "kb": (6, 2)}
    # a merged file merges into another and is readable by stats
    bigger = tmp_path / "region.db"
    assert tool("merge", str(bigger), str(merged), str(a))[0] == 0
    assert per_kiosk(bigger) == {"ka": (9, 3), "kb": (6, 2)}
    code, text = tool("stats", "--data", str(bigger))
    assert code == 0 and line(text, "Bezoeken / sessions") == "5"
    assert line(text, "Kiosks") == "ka 3  kb 2"
    assert not Path(f"{bigger}-wal").exists() or Path(f"{bigger}-wal").stat().st_size == 0


def test_merge_skips_a_bad_input_with_one_line_and_goes_on(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    a = kiosk_db(tmp_path / "a.db", "ka", 1, 1_773_000_000.0)
    other = tmp_path / "other.db"
    with sqlite3.connect(other) as conn:
        conn.execute("CREATE TABLE notes (x)")
    merged = tmp_path / "merged.db"
    for bad, message in ((other, "not a kiosk database"), (tmp_path / "gone.db", "no such file")):
        code, _ = tool("merge", str(merged), str(bad))
        err = capsys.readouterr().err
        assert code == 1 and message in err and str(bad) in err and "Traceback" not in err
        assert not merged.exists()  # nothing usable: nothing written
    code, _ = tool("merge", str(merged), str(other), str(a), str(tmp_path / "gone.db"))
    err = capsys.readouterr().err
    assert code == 0 and err.count("\n") == 2 and str(other) in err and "gone.db" in err
    assert per_kiosk(merged) == {"ka": (3, 1)}
    code, _ = tool("merge", str(merged), str(merged))
    assert code == 1 and "is the output file itself" in capsys.readouterr().err


def _indexes(db: Path) -> set[tuple[str, str]]:
    with sqlite3.connect(db) as conn:
        return set(conn.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' "
                                "AND sql IS NOT NULL"))


def test_merge_of_more_files_than_sqlite_attaches_at_once_keeps_every_event_and_index(
        tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    """More than ten inputs (SQLite attaches ten at a time), a new file (its indexes are built
    after the rows) and one input that breaks in the middle of a batch: it alone is left out."""
    from kiosk.storage.db import open_database

    fresh = tmp_path / "fresh.db"
    open_database(fresh, DEFAULT.store).close()
    sources = [kiosk_db(tmp_path / f"k{i}.db", f"k{i:02d}", 2, 1_773_000_000.0 + i)
               for i in range(13) if i != 11]
    broken = kiosk_db(tmp_path / "k11.db", "k11", 300, 1_773_000_000.0)
    with sqlite3.connect(broken) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # one file, so its pages can be damaged
    size = broken.stat().st_size
    with broken.open("r+b") as f:  # the schema reads; the event pages at the end do not
        f.seek(size - 8 * 4096)
        f.write(b"\xff" * 8 * 4096)
    sources.insert(11, broken)
    merged = tmp_path / "merged.db"
    code, text = tool("merge", str(merged), *map(str, sources))
    err = capsys.readouterr().err
    assert code == 0 and f"skipped {broken}: cannot merge it" in err and "Traceback" not in err
    assert per_kiosk(merged) == {f"k{i:02d}": (6, 2) for i in range(13) if i != 11}
    assert _indexes(merged) == _indexes(fresh)
    with sqlite3.connect(merged) as conn:
        # each kiosk's rows stay together and in the order it wrote them
        kiosks = [k for (k,) in conn.execute("SELECT kiosk_id FROM events ORDER BY id")]
        assert kiosks == sorted(kiosks)
    # merged again: nothing new, indexes kept up to date instead of rebuilt
    code, text = tool("merge", str(merged), *map(str, sources))
    assert code == 0 and text.count("+0 (al aanwezig/already there: 6)") == 12
    assert _indexes(merged) == _indexes(fresh)
