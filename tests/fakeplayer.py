"""A player with ``EpisodePlayer``'s interface that decodes nothing, for tests of the flow,
idle rules, admin and the game: those need "an episode is playing", not FFmpeg.

A clip starts on the next turn of the event loop (like a real first frame, never inside the
call); it then stays at its start until the test moves it on with ``advance_to(ms)`` or ends it
with ``finish()``. Progress marks and the fraction watched come from the real player's own rule
(``kiosk.visit.watching.WatchTracker``, fed the positions a clip playing on would show), and
``tests/ui/test_player_contract.py`` runs both players through one script and compares their
signals; the real decoding, gapless switching and captions are proven by the playback tests,
which keep the real player.
"""
from __future__ import annotations

from typing import Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QVideoSink

from kiosk.config import DEFAULT, Config
from kiosk.visit.watching import WatchTracker
from kiosk.media.player import Clip, PlayerState, as_clip

DEFAULT_DURATION_MS = 10_000
FRAME_MS = 40   # a clip playing on shows a position this often (25 frames a second)


class FakePlayer(QObject):
    """``EpisodePlayer`` without decoding; see the module docstring."""

    stateChanged = Signal(str)
    positionChanged = Signal(int)
    durationChanged = Signal(int)
    captionTextChanged = Signal(str)
    captionsOnChanged = Signal(bool)
    languageChanged = Signal(str)
    errorTextChanged = Signal(str)
    episodeIdChanged = Signal(str)
    mutedChanged = Signal(bool)
    episodeStarted = Signal(str)
    progressReached = Signal(str, int)
    episodeFinished = Signal(str, float, bool)
    errorOccurred = Signal(str, str)
    clipProblem = Signal(str, str, str)
    skipped = Signal(str)
    framePresented = Signal(int)

    def __init__(self, config: Config = DEFAULT, parent: QObject | None = None,
                 audio: bool | None = None) -> None:
        super().__init__(parent)
        self._config = config
        self._sink: QVideoSink | None = None
        self._playlist: list[Clip] = []
        self._durations: dict[str, int] = {}
        self._index = -1
        self._loop = False
        self._auto_advance = False
        self._state = PlayerState.IDLE
        self._position = 0
        self._episode_id = ""
        self._muted = False
        self._language = config.language.default_language
        self._captions_on = True
        self._error_text = ""
        self._watch = WatchTracker(config.media)
        self.frame_stride = 1
        self.plays: list[str] = []   # every clip started, in order (what tests look at)

    # ---- properties, as EpisodePlayer's -----------------------------------------------------
    def _set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self.mutedChanged.emit(muted)

    def _set_captions_on(self, on: bool) -> None:
        if on != self._captions_on:
            self._captions_on = on
            self.captionsOnChanged.emit(on)

    state = Property(str, lambda self: self._state.value, notify=stateChanged)
    position = Property(int, lambda self: self._position, notify=positionChanged)
    duration = Property(int, lambda self: self._duration(), notify=durationChanged)
    captionText = Property(str, lambda self: "", notify=captionTextChanged)
    captionsOn = Property(bool, lambda self: self._captions_on, _set_captions_on,
                          notify=captionsOnChanged)
    errorText = Property(str, lambda self: self._error_text, notify=errorTextChanged)
    episodeId = Property(str, lambda self: self._episode_id, notify=episodeIdChanged)
    muted = Property(bool, lambda self: self._muted, _set_muted, notify=mutedChanged)
    language = Property(str, lambda self: self._language, notify=languageChanged)

    # ---- set-up -------------------------------------------------------------------------------
    @Slot(QObject)   # as the real player's
    def setVideoSink(self, sink: QObject | None) -> None:
        self._sink = sink if isinstance(sink, QVideoSink) else None

    def videoSink(self) -> QVideoSink | None:
        return self._sink

    def set_frame_stride(self, stride: int) -> None:
        self.frame_stride = max(1, int(stride))

    def setPlaylist(self, items: list[Any], loop: bool = False, auto_advance: bool = False) -> None:
        current = self._current()
        self._playlist = [self._remember(i) for i in items]
        self._loop, self._auto_advance = loop, auto_advance
        self._index = next((i for i, c in enumerate(self._playlist)
                            if current is not None and c.id == current.id), -1)

    def playlist(self) -> list[Clip]:
        return list(self._playlist)

    # ---- slots ------------------------------------------------------------------------------
    def play(self, item: Any) -> None:
        if isinstance(item, str):
            index = next((i for i, c in enumerate(self._playlist) if c.id == item), -1)
            if index < 0:
                return
        else:
            clip = self._remember(item)
            index = next((i for i, c in enumerate(self._playlist) if c.id == clip.id), -1)
            if index < 0:
                self._playlist, index = [clip], 0
        self._go_to(index)

    @Slot(result=bool)
    def playNext(self) -> bool:
        index = self._next_index()
        if index is None:
            return False
        self._go_to(index)
        return True

    @Slot()
    def pause(self) -> None:
        if self._state is PlayerState.PLAYING:
            self._set_state(PlayerState.PAUSED)

    @Slot()
    def resume(self) -> None:
        if self._state is PlayerState.PAUSED:
            self._set_state(PlayerState.PLAYING)
        elif self._state is PlayerState.ENDED and self._current() is not None:
            self._watch.begin()   # played again from its start, as EpisodePlayer does
            self._set_position(0)
            self._set_state(PlayerState.PLAYING)

    @Slot(int)
    def seek(self, ms: int) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._watch.jumped()
            self._set_position(max(0, min(ms, self._duration())))

    @Slot()
    def toggleCaptions(self) -> None:
        self._set_captions_on(not self._captions_on)

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang != self._language:
            self._language = lang
            self.languageChanged.emit(lang)

    @Slot()
    def stop(self) -> None:
        self._report(completed=False)
        self._index = -1
        self._set_episode("")
        self._set_position(0)
        self._set_state(PlayerState.IDLE)

    # ---- what a test does instead of waiting for frames ---------------------------------------
    def advance_to(self, ms: int) -> None:
        """The clip has played on to ``ms`` (progress marks fire as they would)."""
        if self._state is not PlayerState.PLAYING:
            return
        duration = self._duration()
        ms = max(0, min(ms, duration))
        if ms < self._position:
            self._watch.jumped()   # backwards is not playing on
        passed = [mark for shown in range(self._position + FRAME_MS, ms, FRAME_MS)
                  for mark in self._watch.shown(shown, duration)]
        passed += self._watch.shown(ms, duration)
        self._set_position(ms)
        self.framePresented.emit(ms * 1000)
        for mark in passed:
            self.progressReached.emit(self._episode_id, mark)

    def finish(self) -> None:
        """The clip reached its end."""
        if self._state is not PlayerState.PLAYING:
            return
        self.advance_to(self._duration())
        self._report(completed=True)
        self._set_state(PlayerState.ENDED)
        if self._auto_advance:
            self.playNext()

    # ---- inside -------------------------------------------------------------------------------
    def _remember(self, item: Any) -> Clip:
        clip = as_clip(item)
        seconds = getattr(item, "duration", None)
        if seconds:
            self._durations[clip.id] = int(float(seconds) * 1000)
        return clip

    def _duration(self) -> int:
        return self._durations.get(self._episode_id, DEFAULT_DURATION_MS) \
            if self._episode_id else 0

    def _current(self) -> Clip | None:
        return self._playlist[self._index] if 0 <= self._index < len(self._playlist) else None

    def _next_index(self) -> int | None:
        if not self._playlist:
            return None
        nxt = self._index + 1
        if nxt >= len(self._playlist):
            return 0 if self._loop else None
        return nxt

    def _go_to(self, index: int) -> None:
        self._report(completed=False)
        self._index = index
        clip = self._playlist[index]
        self._set_episode(clip.id)
        self._set_position(0)
        self._set_state(PlayerState.LOADING)
        # A real clip starts when its first frame is decoded: after this call returns.
        QTimer.singleShot(0, lambda: self._start(clip.id))

    def _start(self, episode_id: str) -> None:
        if self._episode_id != episode_id or self._state is not PlayerState.LOADING:
            return   # stopped or replaced before its "first frame"
        self._watch.begin()
        self.plays.append(episode_id)
        self.durationChanged.emit(self._duration())
        self._set_state(PlayerState.PLAYING)
        self.episodeStarted.emit(episode_id)

    def _report(self, completed: bool) -> None:
        if not self._episode_id:
            return
        fraction = self._watch.finish(completed)
        if fraction is not None:
            self.episodeFinished.emit(self._episode_id, fraction, completed)

    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state.value)

    def _set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self.positionChanged.emit(ms)

    def _set_episode(self, episode_id: str) -> None:
        if episode_id != self._episode_id:
            self._episode_id = episode_id
            self.episodeIdChanged.emit(episode_id)
