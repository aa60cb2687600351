"""The heartbeat file and the restarts log: what the kiosk and its supervisor tell each other.

No Qt here: the supervisor (``kiosk.ops.watchdog``) reads these files and must keep running when
Qt is the thing that broke. The kiosk writes the heartbeat with ``kiosk.ops.heartbeat.Heartbeat``.
"""
from __future__ import annotations

import json
import os
import time
from dataclasses import asdict, dataclass, fields
from pathlib import Path

# Exit code with which the kiosk asks its supervisor for a fresh start (memory over the limit).
# 75 is EX_TEMPFAIL: "try again", which is what it means here.
RESTART_EXIT_CODE = 75

# The environment variable through which the supervisor tells a new kiosk why it was started.
RESTARTED_BECAUSE_ENV = "KIOSK_RESTARTED_BECAUSE"


@dataclass(frozen=True)
class Beat:
    """One heartbeat. ``seq`` grows with every write: the supervisor judges staleness by when
    ``seq`` last changed on its own monotonic clock, so a wall-clock jump never looks like a hang.
    ``wall_time`` is for people reading the file."""

    pid: int
    seq: int
    wall_time: float
    state: str                      # the flow state, e.g. "attract", "player"
    playing: bool = False           # an episode should be playing now
    frames: int = 0                 # video frames the player reported
    frame: str = ""                 # key of the last frame (start time or pixel hash)
    first_frame_at: float | None = None  # wall time of the first frame on screen
    rss_bytes: int | None = None


def write_beat(path: Path, beat: Beat) -> None:
    """Write atomically (temp file + os.replace): a reader never sees half a heartbeat.

    On a full disk the temp file cannot be made; then the existing file is overwritten in
    place, which needs no new disk block (a heartbeat is far smaller than one), so the
    supervisor does not mistake a full disk for a hung kiosk and restart away the events the
    kiosk is keeping in memory."""
    text = json.dumps(asdict(beat))
    tmp = path.with_name(f".{path.name}.{beat.pid}.tmp")
    try:
        tmp.write_text(text, encoding="utf-8")
        os.replace(tmp, path)
    except OSError:
        try:
            tmp.unlink(missing_ok=True)
        except OSError:
            pass
        with path.open("r+b") as f:  # FileNotFoundError: nothing to overwrite; caller logs
            f.write(text.encode("utf-8"))
            f.truncate()


def read_beat(path: Path) -> Beat | None:
    """The last heartbeat, or None when there is none or it cannot be read (treated as no beat)."""
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(raw, dict):
        return None
    known = {f.name for f in fields(Beat)}
    try:
        return Beat(**{k: v for k, v in raw.items() if k in known})
    except TypeError:
        return None


# Why the supervisor started the kiosk again (ids: they go into the restarts log and the env).
HUNG = "hung"                    # the heartbeat went stale: the UI thread stopped
FROZEN_VIDEO = "frozen-video"    # playing, but the same frame for too long
NO_HEARTBEAT = "no-heartbeat"    # a new kiosk never wrote its first heartbeat
MEMORY = "memory"                # the kiosk asked for it: memory over the limit, in attract
CRASH = "crash"                  # the kiosk exited with an error or was killed


@dataclass(frozen=True)
class Restart:
    """One restart by the supervisor: when (wall time), why (an id above) and a detail."""

    at: float
    reason: str
    detail: str = ""


def append_restart(path: Path, reason: str, detail: str = "", at: float | None = None) -> Restart:
    """Add one line ``<unix time>\\t<local ISO time>\\t<reason>\\t<detail>`` to the restarts log."""
    entry = Restart(time.time() if at is None else at, reason, detail.replace("\t", " "))
    stamp = time.strftime("%Y-%m-%dT%H:%M:%S", time.localtime(entry.at))
    with path.open("a", encoding="utf-8") as out:
        out.write(f"{entry.at:.3f}\t{stamp}\t{entry.reason}\t{entry.detail}\n")
    return entry


def read_restarts(path: Path) -> list[Restart]:
    """All restarts in the log, oldest first; unreadable lines are skipped (admin shows a count)."""
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except OSError:
        return []
    out: list[Restart] = []
    for line in lines:
        parts = line.split("\t")
        if len(parts) != 4:
            continue
        try:
            out.append(Restart(float(parts[0]), parts[2], parts[3]))
        except ValueError:
            continue
    return out
