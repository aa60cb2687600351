"""Thumbnails for episodes that have none, made at start-up into a cache in the data dir.

The cache key is the clip's path, size and modification time, so a replaced clip gets a new
still and an unchanged one is never decoded twice. Cached stills are used at once; missing
ones are made by a child process (``kiosk make-thumbnails``): decoding never runs on the UI
thread, and a decoder that crashes on a bad clip takes only that child down. Until a still
exists the tile shows its placeholder.
"""
from __future__ import annotations

import hashlib
import logging
from pathlib import Path
from typing import TYPE_CHECKING, Any, TextIO

from PySide6.QtCore import QObject, QProcess, Signal, Slot

from kiosk.config import Config
from kiosk.paths import kiosk_command

if TYPE_CHECKING:
    from kiosk.pack.models import Pack

log = logging.getLogger(__name__)


def cache_path(video: Path, cache_dir: Path) -> Path | None:
    """Where the still of ``video`` lives in the cache (None when the clip cannot be read)."""
    try:
        st = video.stat()
    except OSError:
        return None
    key = hashlib.sha1(f"{video.resolve()}|{st.st_size}|{st.st_mtime_ns}".encode()).hexdigest()
    return cache_dir / f"{key[:20]}.jpg"


class ThumbnailMaker(QObject):
    """Fills in ``episode.thumbnail`` for episodes without one; ``made`` after each still."""

    made = Signal(str)      # episode id
    finished = Signal()

    def __init__(self, pack: Pack, cache_dir: Path, config: Config,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._pack, self._dir, self._config = pack, cache_dir, config
        self._waiting: dict[str, list[Any]] = {}   # cache file → episodes waiting for it
        self._process: QProcess | None = None
        self._buffer = b""

    @property
    def pending(self) -> int:
        return len(self._waiting)

    def start(self) -> None:
        """Use cached stills now; start one child process for the missing ones."""
        for episode in self._pack.episodes.values():
            if episode.thumbnail is not None:
                continue
            target = cache_path(Path(episode.video), self._dir)
            if target is None:
                continue
            if target.is_file():
                episode.thumbnail = target
            else:
                self._waiting.setdefault(str(target), []).append(episode)
        if not self._waiting:
            self.finished.emit()
            return
        try:
            self._dir.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            log.warning("no thumbnail cache (%s): placeholders stay", exc)
            self._waiting.clear()
            self.finished.emit()
            return
        args: list[str] = ["make-thumbnails"]
        for cache_file, episodes in self._waiting.items():
            args += [str(episodes[0].video), cache_file]
        command = kiosk_command(args)
        process = QProcess(self)
        process.setProcessChannelMode(QProcess.ProcessChannelMode.SeparateChannels)
        process.setStandardErrorFile(QProcess.nullDevice())
        process.readyReadStandardOutput.connect(self._on_output)
        process.finished.connect(self._on_finished)
        self._process = process
        log.info("making %d thumbnail(s) in %s", len(self._waiting), self._dir)
        process.start(command[0], command[1:])

    def stop(self) -> None:
        """Stop the child (the kiosk is closing); stills made so far stay in the cache."""
        if self._process is not None and self._process.state() != QProcess.ProcessState.NotRunning:
            self._process.finished.disconnect(self._on_finished)
            self._process.kill()
            self._process.waitForFinished(2000)
        self._process = None

    @Slot()
    def _on_output(self) -> None:
        if self._process is None:
            return
        self._buffer += bytes(self._process.readAllStandardOutput().data())
        *lines, self._buffer = self._buffer.split(b"\n")
        for raw in lines:
            target = raw.decode("utf-8", "replace").strip()
            for episode in self._waiting.pop(target, []):
                if Path(target).is_file():
                    episode.thumbnail = Path(target)
                    self.made.emit(episode.id)

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, code: int, _status: QProcess.ExitStatus) -> None:
        self._on_output()
        if self._waiting:
            log.warning("no thumbnail for %d clip(s) (exit %s); placeholders stay",
                        len(self._waiting), code)
        self._waiting.clear()
        self._process = None
        self.finished.emit()


def run_make_thumbnails(pairs: list[str], out: TextIO, config: Config) -> int:
    """``kiosk make-thumbnails VIDEO JPEG [VIDEO JPEG …]``: print each JPEG made, one a line."""
    from kiosk.media.frames import representative_frame, save_jpeg
    from kiosk.media.preflight import _ensure_qt_app, stderr_to

    app = _ensure_qt_app()  # noqa: F841 - decoding needs a Qt application
    failed = 0
    for video, target in zip(pairs[::2], pairs[1::2]):
        with stderr_to(None):
            image, _error = representative_frame(Path(video), config.media)
        if image is None:
            failed += 1
            continue
        try:
            save_jpeg(image, Path(target), config.media.thumb_width)
        except OSError:
            failed += 1
            continue
        print(target, file=out, flush=True)
    return 1 if failed else 0
