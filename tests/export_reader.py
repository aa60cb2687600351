"""Read an export's CSV back into a kiosk database: the export's round trip, checked by the
tests (the kiosk itself never imports a CSV; organisers open it in Excel)."""
from __future__ import annotations

import csv
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from kiosk.insights.export import DELIMITER, ENCODING


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
