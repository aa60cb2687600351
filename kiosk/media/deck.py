"""One clip on one ``QMediaPlayer`` (a "deck"), and a blocking probe built on it.

A deck loads a clip, decodes its first frame (muted), holds it paused at 0 and says
``ready``; or says ``failed`` with a technical reason: missing or empty file, Qt/FFmpeg
error, no video track, no frame within ``first_frame_timeout_s``, or frames that stop
coming while playing (``frame_stall_timeout_s``). The player uses two decks; preflight
probes every clip with one.
"""
from __future__ import annotations

import time
from dataclasses import dataclass, field
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEventLoop, QObject, QTimer, QUrl, Signal, Slot
from PySide6.QtMultimedia import QAudioOutput, QMediaPlayer, QVideoFrame, QVideoSink

from kiosk.config import MediaConfig
from kiosk.media.decoding import limit_decode_threads

@dataclass(frozen=True)
class Clip:
    """What the player needs of an episode (``Episode`` objects have the same fields)."""

    id: str
    video: Path
    subtitles: Mapping[str, Path] = field(default_factory=dict)


def as_clip(item: Any) -> Clip:
    """A ``Clip`` from a ``Clip`` or anything with ``id``, ``video`` and ``subtitles``."""
    if isinstance(item, Clip):
        return item
    return Clip(str(item.id), Path(item.video), dict(getattr(item, "subtitles", {}) or {}))


class Deck(QObject):
    """A ``QMediaPlayer`` decoding into its own sink; emits only valid frames."""

    frame = Signal(QVideoFrame)
    ready = Signal()          # first frame decoded (held paused at 0 unless started)
    failed = Signal(str)      # technical detail, for the log and admin
    ended = Signal()
    position = Signal(int)

    def __init__(self, config: MediaConfig, audio: bool = True,
                 parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._sink = QVideoSink(self)
        self._player = QMediaPlayer(self)
        self._player.setVideoSink(self._sink)
        limit_decode_threads(config.decode_threads)   # the backend is loaded by now
        self._audio = QAudioOutput(self) if audio else None
        if self._audio is not None:
            self._audio.setMuted(True)
            self._player.setAudioOutput(self._audio)
        self._sink.videoFrameChanged.connect(self._on_frame)
        self._player.mediaStatusChanged.connect(self._on_status)
        self._player.errorOccurred.connect(self._on_error)
        self._player.positionChanged.connect(self._on_position)
        self._first_frame_timer = QTimer(self, singleShot=True,
                                         interval=int(config.first_frame_timeout_s * 1000))
        self._first_frame_timer.timeout.connect(self._on_first_frame_timeout)
        self._stall_timer = QTimer(self, singleShot=True,
                                   interval=int(config.frame_stall_timeout_s * 1000))
        self._stall_timer.timeout.connect(self._on_stall)
        self._fail_soon = QTimer(self, singleShot=True, interval=0)  # report after load() returns
        self._pending_error = ""
        self._fail_soon.timeout.connect(lambda: self._fail(self._pending_error))
        self.clip: Clip | None = None
        self.first_frame: QVideoFrame | None = None
        self.error = ""
        self.loaded_at = 0.0
        self.ready_after_s = 0.0
        self._started = False

    # ---- state ----------------------------------------------------------------------------
    @property
    def is_ready(self) -> bool:
        return self.first_frame is not None and not self.error

    @property
    def has_failed(self) -> bool:
        return bool(self.error)

    @property
    def duration_ms(self) -> int:
        return max(0, self._player.duration())

    @property
    def has_audio(self) -> bool:
        return self._player.hasAudio()

    # ---- commands -------------------------------------------------------------------------
    def load(self, clip: Clip) -> None:
        """Start preparing ``clip``: ``ready`` on its first frame, else ``failed``."""
        self.unload()
        self.clip = clip
        self.loaded_at = time.monotonic()
        problem = _file_problem(Path(clip.video))
        if problem:
            self._pending_error = problem
            self._fail_soon.start()
            return
        self._player.setSource(QUrl.fromLocalFile(str(clip.video)))
        self._first_frame_timer.start()
        self._player.play()  # muted: decoding the first frame needs a playing pipeline

    def start(self) -> None:
        """Play from the held first frame on (the deck becomes the visible one)."""
        self._started = True
        self._player.play()
        self._stall_timer.start()

    def pause(self) -> None:
        self._stall_timer.stop()
        if self._started:
            self._player.pause()

    def resume(self) -> None:
        if self._started and not self.error:
            self._player.play()
            self._stall_timer.start()

    def restart(self) -> None:
        self._player.setPosition(0)
        self.resume()

    def seek(self, ms: int) -> None:
        self._player.setPosition(ms)

    def set_rate(self, rate: float) -> None:
        """Playback speed (preflight decodes fast to measure this machine's headroom)."""
        self._player.setPlaybackRate(rate)

    def set_muted(self, muted: bool) -> None:
        if self._audio is not None:
            self._audio.setMuted(muted)

    def unload(self) -> None:
        """Stop and release the decoder; the deck forgets its clip."""
        for timer in (self._first_frame_timer, self._stall_timer, self._fail_soon):
            timer.stop()
        if self.clip is not None:
            self._player.stop()
            self._player.setSource(QUrl())
        self.set_muted(True)
        self.clip, self.first_frame, self.error, self._started = None, None, "", False

    # ---- Qt events ------------------------------------------------------------------------
    @Slot(QVideoFrame)
    def _on_frame(self, frame: QVideoFrame) -> None:
        # Qt pushes an empty frame on stop/end/source change: that is the black we never show.
        if self.clip is None or self.error or not frame.isValid():
            return
        if self.first_frame is None:
            self.first_frame = QVideoFrame(frame)
            self.ready_after_s = time.monotonic() - self.loaded_at
            self._first_frame_timer.stop()
            if not self._started:
                self._player.pause()
                self._player.setPosition(0)
            self.ready.emit()
        elif self._started and self._player.isPlaying():
            self._stall_timer.start()
        self.frame.emit(frame)

    @Slot(QMediaPlayer.MediaStatus)
    def _on_status(self, status: QMediaPlayer.MediaStatus) -> None:
        if self.clip is None or self.error:
            return
        if status == QMediaPlayer.MediaStatus.InvalidMedia:
            self._fail("the file cannot be decoded (invalid media)")
        elif status == QMediaPlayer.MediaStatus.LoadedMedia and not self._player.hasVideo():
            self._fail("no video track")
        elif status == QMediaPlayer.MediaStatus.EndOfMedia and self._started:
            self._stall_timer.stop()
            self.ended.emit()

    @Slot(QMediaPlayer.Error, str)
    def _on_error(self, error: QMediaPlayer.Error, text: str) -> None:
        if self.clip is not None and error != QMediaPlayer.Error.NoError:
            self._fail(f"{text or error.name}")

    @Slot(int)
    def _on_position(self, ms: int) -> None:
        if self._started and not self.error:
            self.position.emit(ms)

    @Slot()
    def _on_first_frame_timeout(self) -> None:
        self._fail(f"no video frame within {self._config.first_frame_timeout_s:g} s")

    @Slot()
    def _on_stall(self) -> None:
        if self._player.playbackState() == QMediaPlayer.PlaybackState.PlayingState:
            stall = self._config.frame_stall_timeout_s
            self._fail(f"video froze: no new frame for {stall:g} s")

    def _fail(self, detail: str) -> None:
        if self.error or self.clip is None:
            return
        self.error = detail
        for timer in (self._first_frame_timer, self._stall_timer):
            timer.stop()
        self._player.stop()
        self.failed.emit(detail)


def _file_problem(path: Path) -> str:
    """Why a video file cannot even be opened ("" when it looks openable)."""
    try:
        size = path.stat().st_size
    except OSError:
        return "file not found"
    return "file is empty (0 bytes)" if size == 0 else ""


@dataclass(frozen=True)
class ProbeResult:
    """What decoding a clip on this machine showed."""

    ok: bool
    detail: str              # "" when ok
    duration_s: float
    has_audio: bool
    width: int
    height: int
    first_frame_s: float     # load → first decoded frame
    seconds: float           # the whole probe


def probe_clip(path: Path, config: MediaConfig) -> ProbeResult:
    """Decode ``path``'s first frame through QtMultimedia (needs a Q(Gui)Application)."""
    began = time.monotonic()
    deck = Deck(config, audio=False)
    loop = QEventLoop()
    deck.ready.connect(loop.quit)
    deck.failed.connect(loop.quit)
    deck.load(Clip(path.stem, path))
    if not deck.is_ready and not deck.has_failed:
        loop.exec()
    if deck.is_ready and deck.duration_ms > 0:
        _check_the_end(deck, loop, config)
    frame = deck.first_frame
    size = frame.size() if frame is not None else None
    result = ProbeResult(
        ok=deck.is_ready, detail=deck.error, duration_s=deck.duration_ms / 1000,
        has_audio=deck.has_audio, width=size.width() if size else 0,
        height=size.height() if size else 0, first_frame_s=deck.ready_after_s,
        seconds=time.monotonic() - began)
    deck.unload()
    deck.deleteLater()
    return result


def _check_the_end(deck: Deck, loop: QEventLoop, config: MediaConfig) -> None:
    """Seek near the end and wait for a frame from there: a truncated file fails here."""
    target_us = max(0, deck.duration_ms - int(config.preflight_end_probe_s * 1000)) * 1000
    reached: list[bool] = []

    def on_frame(frame: QVideoFrame) -> None:
        # Frames decoded before the seek may still arrive; only one from near the end counts.
        if frame.startTime() >= target_us - config.preflight_end_probe_s * 500_000:
            reached.append(True)
            loop.quit()

    guard = QTimer(singleShot=True, interval=int(config.first_frame_timeout_s * 1000))
    guard.timeout.connect(loop.quit)
    deck.frame.connect(on_frame)
    deck.ended.connect(loop.quit)
    deck.start()
    deck.seek(target_us // 1000)
    guard.start()
    loop.exec()
    guard.stop()
    deck.frame.disconnect(on_frame)
    if not reached and not deck.has_failed:
        deck.error = (f"the last {config.preflight_end_probe_s:g} s do not decode "
                      "(file truncated or damaged?)")
