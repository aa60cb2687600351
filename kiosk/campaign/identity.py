"""One campaign, many kiosks: the kiosk's name and region, its health. No Qt.

Which event runs is kiosk.core.event_choice (one rule for the kiosk, preflight and links)."""
from __future__ import annotations

import json
import logging
import re
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from kiosk.config import Config
from kiosk.core.files import atomic_write_text

log = logging.getLogger("kiosk.campaign")

MAX_NAME_CHARS = 60


class KioskNameError(ValueError):
    """A kiosk name or region that cannot be used; one line."""


@dataclass(frozen=True)
class Identity:
    """What organisers call this kiosk ("Aula links", region "Zwolle")."""

    kiosk_id: str
    name: str
    region: str

    @property
    def folder_name(self) -> str:
        """The name as a folder/file name (outbox, result file on a stick)."""
        safe = re.sub(r"[^A-Za-z0-9_-]+", "-", self.name).strip("-")[:MAX_NAME_CHARS]
        return safe or self.kiosk_id


def _clean(text: str, what: str) -> str:
    text = " ".join(text.split())
    if len(text) > MAX_NAME_CHARS or any(ord(c) < 32 for c in text):
        raise KioskNameError(f"{what} '{text[:80]}': use at most {MAX_NAME_CHARS} letters, digits "
                         "and spaces")
    return text


def set_identity(data_dir: Path, name: str, region: str | None,
                 config: Config) -> dict[str, str]:
    """Store the kiosk's name (and region; keeps the old region when None)."""
    name = _clean(name, "name")
    if not name:
        raise KioskNameError("the name is empty; give one such as \"Aula links\"")
    old = _read(data_dir, config)
    data = {"name": name, "region": _clean(region, "region") if region is not None
            else old.get("region", "")}
    data_dir.mkdir(parents=True, exist_ok=True)
    atomic_write_text(data_dir / config.campaign.kiosk_name_filename,
                      json.dumps(data, ensure_ascii=False))
    return data


def _read(data_dir: Path, config: Config) -> dict[str, str]:
    path = data_dir / config.campaign.kiosk_name_filename
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return {}
    except (OSError, ValueError) as e:
        log.warning("%s: cannot read it (%s); using the kiosk id as name", path, e)
        return {}
    if not isinstance(data, dict):
        return {}
    return {k: v for k, v in data.items() if k in ("name", "region") and isinstance(v, str)}


def identity(data_dir: Path, kiosk_id: str, config: Config) -> Identity:
    data = _read(data_dir, config)
    return Identity(kiosk_id, data.get("name") or kiosk_id, data.get("region", ""))


# --- health -----------------------------------------------------------------------------------

def restarts(data_dir: Path, config: Config) -> dict[str, int]:
    """Restarts by reason, from the watchdog's restarts log."""
    from kiosk.ops.supervisor_files import read_restarts

    counts: dict[str, int] = {}
    for entry in read_restarts(data_dir / config.watchdog.restarts_filename):
        counts[entry.reason] = counts.get(entry.reason, 0) + 1
    return counts


def errors_logged(data_dir: Path, config: Config) -> int:
    """ERROR lines in the current log file."""
    try:
        with (data_dir / config.store.log_filename).open(encoding="utf-8", errors="replace") as f:
            return sum(" ERROR " in line for line in f)
    except OSError:
        return 0


def health(data_dir: Path, *, pack_id: str, pack_version: int, uptime_s: float,
           clips_skipped: int, render_mode: str, config: Config) -> dict[str, Any]:
    """The small summary a snapshot carries so the campaign sees which kiosk needs attention."""
    try:
        free = shutil.disk_usage(data_dir).free
    except OSError:
        free = None
    restart_counts = restarts(data_dir, config)
    return {"pack_id": pack_id, "pack_version": pack_version, "uptime_s": round(uptime_s),
            "restarts": sum(restart_counts.values()), "restart_reasons": restart_counts,
            "errors_logged": errors_logged(data_dir, config), "clips_skipped": clips_skipped,
            "free_disk_bytes": free, "render_mode": render_mode}
