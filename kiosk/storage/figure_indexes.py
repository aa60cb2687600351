"""Indexes that let each big figure query read only its own rows, already in its own order.

Each index holds the rows of one event kind (a partial index) with every column the figure's
query reads (a covering index), ordered like the query's ``GROUP BY`` (event, kiosk, then the
figure's own columns). SQLite then walks the index once and adds up as it goes: no visit to the
table per row and no sort. Through the kind index the same query costs about 2 µs a row (a seek
into the table for each) plus a sort; through these about a tenth of that. Together they add
about 12 % to a database file.

They change nothing about what a file holds: the same queries give the same rows with or
without them (a file from an older kiosk simply lacks them), and software that does not know
them reads the file as before. ``open_database`` adds any that are missing; ``kiosk merge``
keeps them up to date as it adds rows (a kind's rows arrive together, so that touches few of
their pages; building each after would read the whole table once per index).
"""
from __future__ import annotations

import sqlite3

FIGURE_INDEXES: dict[str, tuple[str, str]] = {
    # name: (event kind, columns in GROUP BY order, then what the query adds up)
    "idx_fig_session_started": ("session_started", "event_id, kiosk_id, day, session_id, ts"),
    "idx_fig_episode_started": ("episode_started", "event_id, kiosk_id, session_id, episode_id"),
    "idx_fig_episode_finished": ("episode_finished",
                                 "event_id, kiosk_id, episode_id, fraction"),
    "idx_fig_card_swiped": ("card_swiped", "event_id, kiosk_id, card_id, liked"),
    "idx_fig_session_ended": ("session_ended", "event_id, kiosk_id, reason"),
    "idx_fig_game_started": ("game_started", "event_id, kiosk_id"),
    "idx_fig_game_abandoned": ("game_abandoned", "event_id, kiosk_id"),
    "idx_fig_game_finished": ("game_finished", "event_id, kiosk_id, jobs, duration"),
    "idx_fig_qr_shown": ("qr_shown", "event_id, kiosk_id, purpose, target"),
}
# Not language_changed: its query takes the language of the row with the latest time, and of
# rows with the same time the first written; through an index it would be the first by name.

INDEX_OF_KIND: dict[str, str] = {kind: name for name, (kind, _cols) in FIGURE_INDEXES.items()}


def create_sql(name: str) -> str:
    """``CREATE INDEX IF NOT EXISTS`` for one of ``FIGURE_INDEXES``."""
    kind, columns = FIGURE_INDEXES[name]
    return f"CREATE INDEX IF NOT EXISTS {name} ON events ({columns}) WHERE kind = '{kind}'"


def present(conn: sqlite3.Connection) -> set[str]:
    """The figure indexes the database behind ``conn`` has."""
    rows = conn.execute(
        "SELECT name FROM sqlite_master WHERE type = 'index' AND name LIKE 'idx_fig_%'")
    return {name for (name,) in rows if name in FIGURE_INDEXES}


def indexed_by(names: set[str], kind: str) -> str:
    """`` INDEXED BY <index>`` for ``kind`` when the file has its index, else ``""``.

    Forced rather than left to the planner: without ``ANALYZE`` figures SQLite prefers the
    kind index's equality lookup. A query using it must name ``kind = '<kind>'`` as a literal
    (SQLite checks that the index's own WHERE follows from the query's)."""
    name = INDEX_OF_KIND.get(kind)
    return f" INDEXED BY {name}" if name in names else ""
