"""CSV export (and reading it back) and merging the databases of several kiosks.

CSV format, chosen to open with a double-click in Excel with Dutch regional settings *and* in
LibreOffice Calc:

- ``;`` between fields: Excel splits a .csv on the system's list separator, which is ``;`` in
  nl-NL (``,`` would put every row in one cell). LibreOffice asks in its import dialog and
  recognises ``;``. No ``sep=;`` first line: Excel then ignores the BOM (mangling é, ë) and
  LibreOffice shows it as a data row.
- UTF-8 with a BOM: without it Excel reads the file as Windows-1252; LibreOffice honours it too.
- Decimal comma (``0,75``): nl-NL Excel reads ``0.75`` as text or as 75 (``.`` groups
  thousands there); LibreOffice with a Dutch locale reads the comma. Numbers never use thousand
  separators or exponents, so reading back is exact.
- CRLF line ends (the csv module's default), which both read; fields are quoted only when needed.
- Beside ``ts`` (epoch seconds, exact, for re-import) the events file has a ``time`` column with
  the local date and time (``2026-03-12 09:00:00``) that both programs show as a date.
"""
from __future__ import annotations

import csv
import sqlite3
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import DEFAULT, Config
from kiosk.storage.db import LATEST_VERSION, open_database

DELIMITER = ";"
ENCODING = "utf-8-sig"  # writes the BOM; strips it when reading


class ExportError(Exception):
    """A file cannot be read or written; the message names it and says what to do."""


# --- CSV ------------------------------------------------------------------------------------

def format_value(value: Any) -> str:
    """One cell: empty for NULL, decimal comma for reals, never an exponent."""
    if value is None:
        return ""
    if isinstance(value, float):
        text = repr(value)  # shortest text that reads back to the same float
        if "e" in text or "E" in text:
            text = f"{value:.20f}".rstrip("0").rstrip(".")
        return text.replace(".", ",")
    return str(value)


def parse_value(text: str, sql_type: str) -> Any:
    """The inverse of ``format_value`` for a column of SQLite type ``sql_type``."""
    if text == "":
        return None
    kind = sql_type.upper()
    if "INT" in kind:
        return int(text)
    if "REAL" in kind or "FLOA" in kind or "DOUB" in kind:
        return float(text.replace(",", "."))
    return text


def _writer(f: Any) -> Any:
    return csv.writer(f, delimiter=DELIMITER, quoting=csv.QUOTE_MINIMAL, lineterminator="\r\n")


def tables(conn: sqlite3.Connection) -> list[str]:
    return [name for (name,) in conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "ORDER BY name")]


def write_table(conn: sqlite3.Connection, table: str, path: Path) -> int:
    """Write one table to ``path``; returns the number of rows."""
    columns = [row[1] for row in conn.execute(f'PRAGMA table_info("{table}")')]
    with_time = table == "events" and "ts" in columns
    header = list(columns)
    if with_time:
        header.insert(columns.index("ts") + 1, "time")
    order = " ORDER BY id" if "id" in columns else ""
    cursor = conn.execute(f'SELECT {", ".join(columns)} FROM "{table}"{order}')
    n = 0
    with path.open("w", encoding=ENCODING, newline="") as f:
        out = _writer(f)
        out.writerow(header)
        ts_at = columns.index("ts") if with_time else -1
        for row in cursor:
            cells = [format_value(v) for v in row]
            if with_time:
                cells.insert(ts_at + 1, time.strftime("%Y-%m-%d %H:%M:%S",
                                                      time.localtime(row[ts_at])))
            out.writerow(cells)
            n += 1
    return n


def write_rows(path: Path, header: list[str], rows: Iterable[Iterable[Any]]) -> None:
    with path.open("w", encoding=ENCODING, newline="") as f:
        out = _writer(f)
        out.writerow(header)
        for row in rows:
            out.writerow([format_value(v) for v in row])


def read_table(path: Path, conn: sqlite3.Connection, table: str) -> Iterator[dict[str, Any]]:
    """Rows of an exported CSV, typed by ``table``'s columns in ``conn``; extra columns dropped."""
    types = {row[1]: row[2] for row in conn.execute(f'PRAGMA table_info("{table}")')}
    with path.open(encoding=ENCODING, newline="") as f:
        for record in csv.DictReader(f, delimiter=DELIMITER):
            yield {k: parse_value(v, types[k]) for k, v in record.items() if k in types}


def import_table(path: Path, conn: sqlite3.Connection, table: str) -> int:
    """Insert an exported CSV into ``table`` (re-import); returns the rows added."""
    rows = list(read_table(path, conn, table))
    if not rows:
        return 0
    columns = list(rows[0])
    conn.execute("BEGIN")
    conn.executemany(f'INSERT OR IGNORE INTO "{table}" ({", ".join(columns)}) '
                     f'VALUES ({", ".join("?" * len(columns))})',
                     [tuple(r[c] for c in columns) for r in rows])
    conn.execute("COMMIT")
    return len(rows)


# --- merge ----------------------------------------------------------------------------------

@dataclass(frozen=True)
class Merged:
    """What one input added to the merged file."""

    source: Path
    added: int
    already_there: int


def check_source(path: Path) -> None:
    """Raise ``ExportError`` unless ``path`` is a kiosk database we can read."""
    if not path.is_file():
        raise ExportError(f"{path}: no such file (give the kiosk.db of each kiosk)")
    try:
        conn = sqlite3.connect(path.resolve().as_uri() + "?mode=ro", uri=True)
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            has_events = conn.execute("SELECT count(*) FROM sqlite_master WHERE type = 'table' "
                                      "AND name = 'events'").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.Error as e:
        raise ExportError(f"{path}: cannot read it as a kiosk database ({e})") from None
    if version > LATEST_VERSION:
        raise ExportError(f"{path}: written by a newer kiosk (database version {version}); "
                          "update this kiosk software first")
    if not has_events:
        raise ExportError(f"{path}: not a kiosk database (it has no events table)")


def merge(out: Path, sources: list[Path], config: Config = DEFAULT) -> list[Merged]:
    """Add the events of every source to ``out`` (created if needed).

    Events are matched on their random ``uid``, so merging a file twice adds nothing and each
    kiosk's rows keep their ``kiosk_id``: per-kiosk totals survive. All sources are checked
    before anything is written.
    """
    for source in sources:
        check_source(source)
        if source.resolve() == out.resolve():
            raise ExportError(f"{source}: is the output file itself; give another OUT.db")
    db = open_database(out, config)
    conn = db.conn
    results: list[Merged] = []
    try:
        ours = [row[1] for row in conn.execute("PRAGMA main.table_info(events)") if row[1] != "id"]
        for source in sources:
            conn.execute("ATTACH DATABASE ? AS src", (str(source),))
            try:
                theirs = {row[1] for row in conn.execute("PRAGMA src.table_info(events)")}
                columns = ", ".join(c for c in ours if c in theirs)
                total = conn.execute("SELECT count(*) FROM src.events").fetchone()[0]
                conn.execute("BEGIN IMMEDIATE")
                # In id order: a session's rows stay in the order the kiosk wrote them.
                added = conn.execute(f"INSERT OR IGNORE INTO main.events ({columns}) "
                                     f"SELECT {columns} FROM src.events ORDER BY id").rowcount
                conn.execute("COMMIT")
            except sqlite3.Error as e:
                if conn.in_transaction:
                    conn.execute("ROLLBACK")
                raise ExportError(f"{source}: cannot merge it ({e})") from None
            finally:
                conn.execute("DETACH DATABASE src")
            results.append(Merged(source, added, total - added))
        # Fold the WAL into the file: the merged .db is then one file to copy or browse.
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()
    return results
