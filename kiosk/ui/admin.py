"""Admin's tools besides the figures: the last lines of the log and the morning checklist."""
from __future__ import annotations

import io
import logging
from collections import deque
from pathlib import Path

from PySide6.QtCore import Property, QObject, Signal, Slot

from kiosk.config import Config

log = logging.getLogger("kiosk.ui")


class AdminPanel(QObject):
    """Log tail and preflight for the admin screen (only behind the PIN)."""

    changed = Signal()

    def __init__(self, config: Config, pack_root: Path, event_id: str | None,
                 data_dir: Path) -> None:
        super().__init__()
        self._config = config
        self._pack_root = pack_root
        self._event_id = event_id
        self._data_dir = data_dir
        self._log_tail = ""
        self._preflight = ""
        self._preflight_ok = True

    @Property(str, notify=changed)
    def logTail(self) -> str:
        return self._log_tail

    @Property(str, notify=changed)
    def preflightText(self) -> str:
        return self._preflight

    @Property(bool, notify=changed)
    def preflightOk(self) -> bool:
        return self._preflight_ok

    @Slot()
    def refresh(self) -> None:
        """Read the last lines of the kiosk log (admin just opened)."""
        path = self._data_dir / self._config.log_filename
        try:
            with path.open(encoding="utf-8", errors="replace") as handle:
                lines = deque(handle, maxlen=self._config.admin_log_lines)
            self._log_tail = "".join(lines).rstrip()
        except OSError as exc:
            self._log_tail = f"{path}: {exc.strerror or exc}"
        self.changed.emit()

    @Slot()
    def runPreflight(self) -> None:
        """The morning checklist on this pack and machine (takes about a second)."""
        from kiosk.media.preflight import run_preflight

        out = io.StringIO()
        try:
            code = run_preflight(self._pack_root, self._event_id, False, out, self._config,
                                 data_dir=self._data_dir)
        except Exception:  # noqa: BLE001 - admin shows it; the kiosk keeps running
            log.exception("preflight from admin failed")
            code = 1
            out.write("\npreflight failed; see the log")
        self._preflight = out.getvalue().strip()
        self._preflight_ok = code == 0
        self.changed.emit()
