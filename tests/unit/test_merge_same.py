"""``kiosk merge`` produces the same database as before it was made faster.

The same generated inputs are merged by ``kiosk.insights.export.merge`` and by the copy of the
merge as it was (tests/reference/merge_before.py), and the two files are compared row for row:
every table in ``id``/key order, the schema, the version. The inputs are what a campaign
laptop sees: an outbox of snapshots of one kiosk where each newer one holds the older one's
rows (duplicates across snapshots), one snapshot given twice, kiosks of several events and
regions whose kiosk row changes between snapshots, files from older schema versions, a merged
file merged again into another, more files than SQLite attaches at once, and a damaged one.
"""
from __future__ import annotations

import io
import random
import shutil
import sys
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from kiosk.config import DEFAULT
from kiosk.insights import export
from kiosk.storage.db import EVENT_COLUMNS, MIGRATIONS, UPSERT_KIOSK, open_database
from kiosk.storage.snapshot import snapshot
from tests.reference import merge_before

KINDS = ["session_started", "screen_shown", "episode_started", "episode_progress",
         "episode_finished", "card_swiped", "card_undone", "game_started", "game_abandoned",
         "game_finished", "qr_shown", "language_changed", "session_ended", "episode_liked"]


def _row(rnd: random.Random, kiosk: str, ts: float, session: str) -> tuple[Any, ...]:
    """One event with a random kind and random (often empty) values in every column."""
    def maybe(value: Any) -> Any:
        return value if rnd.random() < 0.6 else None

    values: dict[str, Any] = {
        "kiosk_id": kiosk, "ts": ts, "day": f"2026-03-{12 + int(ts // 86400) % 3}",
        "event_id": rnd.choice(["techniekmarkt-2026", "open-dag-2026", None]),
        "session_id": session, "kind": rnd.choice(KINDS),
        "screen": maybe(rnd.choice(["home", "player", "game"])),
        "reason": maybe(rnd.choice(["home", "idle"])), "lang": maybe(rnd.choice(["nl", "en"])),
        "episode_id": maybe(f"ep{rnd.randrange(5)}"), "via": maybe("tile"),
        "pct": maybe(rnd.random() * 100), "fraction": maybe(rnd.random()),
        "card_id": maybe(f"c{rnd.randrange(8)}"), "liked": maybe(rnd.randrange(2)),
        "mode": maybe("swipe"), "jobs": maybe("lasser,timmerman"),
        "duration": maybe(rnd.random() * 90), "purpose": maybe("result"),
        "target": maybe("lasser"), "at_card": maybe(rnd.randrange(12)),
        "value": maybe(rnd.random()), "phase": maybe(rnd.choice(["before", "after"])),
        "answer": maybe("a"),
    }
    return tuple(values[c] for c in EVENT_COLUMNS)


def add_events(db: Path, kiosk: str, n: int, seed: int, start: float = 1_773_300_000.0,
               kiosk_row: tuple[str, float] | None = None) -> None:
    """``n`` random events (and the kiosk's row, named as given) into ``db``, any version."""
    rnd = random.Random(seed)
    conn = sqlite3.connect(db, isolation_level=None)
    have = {row[1] for row in conn.execute("PRAGMA table_info(events)")}
    columns = [c for c in EVENT_COLUMNS if c in have]
    rows = [_row(rnd, kiosk, start + i * rnd.random() * 40, f"{kiosk}-s{seed}-{i // 6}")
            for i in range(n)]
    conn.execute("BEGIN")
    conn.executemany(f"INSERT INTO events ({', '.join(columns)}) VALUES "
                     f"({', '.join('?' * len(columns))})",
                     [tuple(v for c, v in zip(EVENT_COLUMNS, row) if c in have) for row in rows])
    if kiosk_row is not None:
        name, updated = kiosk_row
        conn.execute(UPSERT_KIOSK, (kiosk, name, "Noord", "pack", 3, '{"ok": true}', updated))
    conn.execute("COMMIT")
    conn.close()


def kiosk_file(path: Path, version: int | None = None) -> Path:
    """An empty kiosk database at the current version, or at an older ``version``."""
    path.parent.mkdir(parents=True, exist_ok=True)
    if version is None:
        open_database(path, DEFAULT.store).close()
        return path
    conn = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:version]:
        migration(conn)
    conn.execute(f"PRAGMA user_version = {version}")
    conn.close()
    return path


def outbox(tmp: Path, kiosk: str, seed: int, sizes: list[int],
           names: list[str] | None = None) -> list[Path]:
    """Snapshots of one kiosk taken after each batch of events: each holds all earlier rows."""
    db = kiosk_file(tmp / kiosk / "kiosk.db")
    shots = []
    for i, n in enumerate(sizes):
        name = (names or [kiosk])[min(i, len(names or [kiosk]) - 1)]
        add_events(db, kiosk, n, seed * 100 + i, kiosk_row=(name, 1_773_300_000.0 + i))
        shots.append(snapshot(db, tmp / "outbox" / kiosk, DEFAULT.store,
                              now=1_773_300_000.0 + i * 3600))
    return shots


def dump(db: Path) -> dict[str, Any]:
    """Everything a merged file holds: version, schema (but not where its pages are), rows."""
    conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        schema = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        out: dict[str, Any] = {
            "user_version": conn.execute("PRAGMA user_version").fetchone()[0],
            "journal_mode": conn.execute("PRAGMA journal_mode").fetchone()[0],
            "schema": schema,
        }
        for (table,) in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table' "
                                     "ORDER BY name").fetchall():
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY rowid").fetchall()
            # events in id order (it is the order each kiosk wrote them); the others by key
            out[table] = rows if table == "events" else sorted(rows, key=repr)
        return out
    finally:
        conn.close()


def both(out_dir: Path, name: str, sources: list[Path], start_from: list[Path] | None = None
         ) -> tuple[dict[str, Any], dict[str, Any], list[str]]:
    """Merge ``sources`` with the new and the old code into ``name`` (each first merged with
    ``start_from``, when given, as an existing file) and compare results and skipped lines."""
    dumps = []
    reports = []
    for tag, merge in (("new", export.merge), ("old", merge_before.merge)):
        target = out_dir / tag / name
        target.parent.mkdir(parents=True, exist_ok=True)
        if start_from:
            merge(target, start_from, DEFAULT, skipped=[])
        skipped: list[str] = []
        results = merge(target, sources, DEFAULT, skipped=skipped)
        reports.append(([(r.source, r.added, r.already_there) for r in results], skipped))
        dumps.append(dump(target))
    assert reports[0] == reports[1]
    return dumps[0], dumps[1], reports[0][1]


@pytest.fixture(scope="module")
def inputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, list[Path]]:
    """Generated inputs (see the module docstring), by scenario; read only by the tests."""
    src = tmp_path_factory.mktemp("src")
    a = outbox(src, "ka1b2c3", 1, [40, 25, 30])  # each snapshot holds the ones before
    b = outbox(src, "kb4d5e6", 2, [35, 20], names=["Stand B", "Stand B (hal 2)"])
    c = outbox(src, "kc7f8a9", 3, [50])
    twice = src / "copy-of-a0.db"
    shutil.copyfile(a[0], twice)  # the same snapshot under another name
    v1 = kiosk_file(src / "old" / "v1.db", version=1)  # no kiosks table, no phase/answer
    add_events(v1, "kold1", 30, 7)
    v2 = kiosk_file(src / "old" / "v2.db", version=2)  # kiosks table, no phase/answer
    add_events(v2, "kold2", 30, 8, kiosk_row=("Oud", 1_773_000_000.0))
    merged_ab = src / "region" / "ab.db"
    merged_ab.parent.mkdir()
    merge_before.merge(merged_ab, [a[1], b[0]], DEFAULT)
    many = [outbox(src, f"km{i:02d}", 10 + i, [8],  # two kiosks alike in region and name
                   names=["Stand" if i in (3, 4) else f"km{i:02d}"])[0] for i in range(13)]
    damaged = kiosk_file(src / "bad" / "damaged.db")
    add_events(damaged, "kbad", 400, 9)
    with sqlite3.connect(damaged) as conn:
        conn.execute("PRAGMA journal_mode = DELETE")  # one file, so its pages can be damaged
    size = damaged.stat().st_size
    with damaged.open("r+b") as f:  # the schema reads; the event pages at the end do not
        f.seek(size - 6 * 4096)
        f.write(b"\xff" * 6 * 4096)
    disguised = src / "disguised" / "copy.db"  # a's rows under another kiosk's name
    disguised.parent.mkdir()
    shutil.copyfile(a[1], disguised)
    with sqlite3.connect(disguised) as conn:
        conn.execute("UPDATE events SET kiosk_id = 'kother'")
    return {
        # the newest of a kiosk's snapshots first, then its older ones: all already there
        "outboxes": [a[2], b[1], a[0], a[1], b[0], c[0], twice, merged_ab, v1, v2],
        "oldest_first": [a[0], twice, a[1], a[2], b[0], b[1], v2, v1, c[0]],
        # each kiosk in one file: the uid index is built after the rows
        "many": many[:6] + [damaged] + many[6:] + [a[0]],
        # looks like that, but shares uids: the merge starts again and looks them up
        "disguised": [c[0], a[0], damaged, disguised, v1],
        "first": [a[0], b[0]],
        "later": [a[2], b[1], c[0], v1],
    }


@pytest.mark.parametrize(("scenario", "bulk"), [
    ("outboxes", []), ("oldest_first", []), ("many", ["built after"]),
    ("disguised", ["shared", "looked up"])])
def test_a_new_merged_file_is_the_same(tmp_path: Path, inputs: dict[str, list[Path]],
                                       scenario: str, bulk: list[str],
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    ways: list[str] = []  # how the new code built the uid index
    add_uid_unique = export._add_uid_unique

    def watched(conn: sqlite3.Connection, table_sql: str) -> None:
        try:
            add_uid_unique(conn, table_sql)
        except export._StartOver:
            ways.append("shared")
            raise
        ways.append("built after")

    merge_into = export._merge_into

    def watched_into(*args: Any, **kwargs: Any) -> list[export.Merged]:
        if kwargs.get("uid_after") is False:
            ways.append("looked up")
        return merge_into(*args, **kwargs)

    monkeypatch.setattr(export, "_add_uid_unique", watched)
    monkeypatch.setattr(export, "_merge_into", watched_into)
    new, old, skipped = both(tmp_path / "out", "campaign.db", inputs[scenario])
    assert ways == bulk
    assert len(new["events"]) > 100  # the comparison has something to compare
    assert new == old
    with sqlite3.connect(tmp_path / "out" / "new" / "campaign.db") as conn:
        # larger pages only the bulk way; a merge row by row (also after starting over) makes
        # the file as before
        pages = conn.execute("PRAGMA page_size").fetchone()[0]
        assert pages == (16384 if ways == ["built after"] else 4096)
        # the uid is the column's own UNIQUE, enforced, whichever way the index was built
        assert ("sqlite_autoindex_events_1", 1, "u") in {
            row[1:4] for row in conn.execute("PRAGMA index_list(events)")}
        with pytest.raises(sqlite3.IntegrityError, match="UNIQUE constraint failed: events.uid"):
            conn.execute("INSERT INTO events (uid, kiosk_id, ts, day, kind) "
                         "SELECT uid, 'k', 0, 'd', 'x' FROM events LIMIT 1")
    damaged = [line for line in skipped if "damaged.db: cannot merge it" in line]
    assert len(damaged) == len(skipped) == (1 if scenario in ("many", "disguised") else 0)


def test_merging_again_and_into_an_existing_file_is_the_same(
        tmp_path: Path, inputs: dict[str, list[Path]]) -> None:
    # mostly new rows into an existing file (the merge may rebuild indexes after)
    new, old, _ = both(tmp_path / "out", "grown.db", inputs["later"], start_from=inputs["first"])
    assert new == old
    # a few new rows into a bigger file (indexes kept up to date)
    new, old, _ = both(tmp_path / "out", "bigger.db", inputs["first"][:1],
                    start_from=inputs["outboxes"])
    assert new == old
    # everything merged again: nothing added, nothing changed
    new, old, _ = both(tmp_path / "out", "again.db", inputs["outboxes"],
                    start_from=inputs["outboxes"])
    assert new == old
    kiosks = {row[0]: row[1] for row in new["kiosks"]}
    assert kiosks["kb4d5e6"] == "Stand B (hal 2)"  # the newest kiosk row won


def test_the_summary_of_a_new_file_is_counted_from_its_inputs_alike(
        tmp_path: Path, inputs: dict[str, list[Path]]) -> None:
    """A new file from one file per kiosk: ``kiosk merge`` adds up what each input brought
    instead of grouping the file's rows, and prints the same lines as from the file."""
    out = tmp_path / "campaign.db"
    new_text, again_text = io.StringIO(), io.StringIO()
    assert export.run_merge(out, inputs["many"], new_text, io.StringIO(), DEFAULT) == 0
    results = export.merge(out, inputs["many"], DEFAULT, skipped=[])  # again: rows from the file
    assert all(r.kiosk_counts is None for r in results)
    assert export.run_merge(out, inputs["many"], again_text, io.StringIO(), DEFAULT) == 0

    def summary(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("  ")]

    assert len(summary(new_text.getvalue())) == 14
    assert summary(new_text.getvalue()) == summary(again_text.getvalue())
    results = export.merge(tmp_path / "other.db", inputs["many"], DEFAULT, skipped=[])
    counts = [r.kiosk_counts for r in results]
    assert None not in counts
    with sqlite3.connect(tmp_path / "other.db") as conn:
        assert export.per_kiosk(conn, counts) == export.per_kiosk(conn)  # type: ignore[arg-type]


def test_a_new_file_is_on_disk_before_it_gets_its_name(
        tmp_path: Path, inputs: dict[str, list[Path]], monkeypatch: pytest.MonkeyPatch) -> None:
    """Written without fsync for speed; one fsync of the whole file before the rename, so a
    power cut leaves the whole file under the name or none (a kill never leaves half)."""
    out = tmp_path / "campaign.db"
    steps: list[str] = []
    fsync, replace = export.os.fsync, export.os.replace

    def watched_fsync(fd: int) -> None:
        steps.append(f"fsync {Path(f'/proc/self/fd/{fd}').resolve().name}")
        fsync(fd)

    def watched_replace(src: Path, dst: Path) -> None:
        steps.append(f"rename {Path(src).name} -> {Path(dst).name}")
        replace(src, dst)

    monkeypatch.setattr(export.os, "fsync", watched_fsync)
    monkeypatch.setattr(export.os, "replace", watched_replace)
    export.merge(out, inputs["first"], DEFAULT)
    hidden = f".campaign.db.{export.os.getpid()}.merging"
    assert steps[-2:] == [f"fsync {hidden}", f"rename {hidden} -> campaign.db"]


def _disk_of(pages: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """A disk that fills up when the merged file reaches ``pages`` pages of 4 kB, for both
    merges (in bytes: a new merged file may have larger pages)."""
    real = export.open_database

    def small_disk(path: Path, config: Any) -> sqlite3.Connection:
        conn = real(path, config)
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages * 4096 // page_size}")
        return conn

    monkeypatch.setattr(export, "open_database", small_disk)
    monkeypatch.setattr(merge_before, "open_database", small_disk)


@pytest.fixture(scope="module")
def big_inputs(tmp_path_factory: pytest.TempPathFactory) -> tuple[list[Path], int]:
    """Four kiosks of 1,500 events each, and the pages of the file they merge into."""
    src = tmp_path_factory.mktemp("big")
    files = []
    for i in range(4):
        files.append(kiosk_file(src / f"k{i}.db"))
        add_events(files[-1], f"kbig{i}", 1500, 40 + i)
    merge_before.merge(src / "whole.db", files, DEFAULT)
    with sqlite3.connect(src / "whole.db") as conn:
        return files, conn.execute("PRAGMA page_count").fetchone()[0]


def test_a_full_disk_is_handled_as_before(tmp_path: Path, big_inputs: tuple[list[Path], int],
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    """The disk fills up at a third, half, four fifths of the merged file: the inputs that no
    longer fit are left out with one line each, as before (the uid index built after the rows
    needs other pages, so the merge starts again row by row), or, where the old merge failed
    outright, one line and no file under the name (it raised)."""
    files, pages = big_inputs
    outcomes = []
    for share in (0.3, 0.5, 0.8):
        _disk_of(int(pages * share), monkeypatch)
        try:
            merge_before.merge(tmp_path / f"probe{share}.db", files, DEFAULT, skipped=[])
        except sqlite3.OperationalError as e:
            outcomes.append("failed")
            assert "database or disk is full" in str(e)
            out, err = tmp_path / f"failed{share}.db", io.StringIO()
            assert export.run_merge(out, files, io.StringIO(), err, DEFAULT) == 1
            assert err.getvalue() == (f"kiosk merge: {out}: cannot write it "
                                      "(database or disk is full)\n")
            assert not out.exists() and not list(tmp_path.glob(f".failed{share}.db*"))
        else:
            outcomes.append("some left out")
            new, old, skipped = both(tmp_path / f"out{share}", "campaign.db", files)
            assert new == old
            assert skipped and all("(database or disk is full)" in line for line in skipped)
    assert sorted(set(outcomes)) == ["failed", "some left out"]  # both cases were tried


@pytest.mark.skipif(sys.platform == "win32", reason="a path too long for SQLite's temp names")
def test_a_temporary_folder_sqlite_cannot_use_changes_nothing(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The indexes sorted in runs need SQLite's temporary file; when it cannot be made (its
    folder full or unusable, the merged file on another disk) they are sorted in memory, and
    the merge gives the same file as before instead of failing."""
    files = [kiosk_file(tmp_path / "in" / f"k{i}.db") for i in range(3)]
    for i, db in enumerate(files):
        add_events(db, f"ktemp{i}", 10_000, 60 + i)
    # the least sort memory SQLite takes (10 pages), so that these rows are sorted in runs
    monkeypatch.setattr(export, "_SORT_RUN_KIB", 16)
    monkeypatch.setattr(export, "_BULK_PAGE_SIZE", 4096)
    # SQLite makes its temporary names in this folder; a path this long fits none
    unusable = tmp_path / ("a" * 200) / ("b" * 200) / ("c" * 150)
    unusable.mkdir(parents=True)
    merge_before.merge(tmp_path / "probe.db", files, DEFAULT)
    probe = sqlite3.connect(tmp_path / "probe.db")
    try:
        probe.execute(f"PRAGMA temp_store_directory = '{unusable}'")  # for the whole process
        probe.execute("PRAGMA cache_size = -16")
        with pytest.raises(sqlite3.OperationalError):  # sorting in runs fails there indeed
            probe.execute("CREATE INDEX probe ON events (uid)")
        new, old, skipped = both(tmp_path / "out", "campaign.db", files)
    finally:
        probe.execute("PRAGMA temp_store_directory = ''")
        probe.close()
    assert new == old and not skipped
    assert len(new["events"]) == 30_000
