"""One facade over QtMultimedia: playlist, gapless switch, captions, errors, progress.

Two ``QMediaPlayer`` "decks" each decode into their own ``QVideoSink``. While one plays, the
other loads the next clip and decodes its first frame (muted, paused). The facade forwards
only *valid* frames of the active deck to one output sink (QML's ``VideoOutput.videoSink``),
so the last frame of a clip stays up until the first frame of the next one replaces it: Qt's
black frame on a source change never reaches the screen.
"""
from __future__ import annotations

import logging
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot
from PySide6.QtMultimedia import QMediaDevices, QVideoFrame, QVideoSink

from kiosk.config import Config
from kiosk.pack.subtitles import Cue, cue_at, load_vtt
from kiosk.visit.watching import WatchTracker
from kiosk.media.facade import PlayerState
from kiosk.media.deck import Clip, Deck, as_clip

__all__ = ["Clip", "EpisodePlayer", "PlayerState", "as_clip"]

log = logging.getLogger(__name__)


class EpisodePlayer(QObject):
    """The one video player of the kiosk (episodes and the muted attract loop)."""

    stateChanged = Signal(str)
    positionChanged = Signal(int)
    durationChanged = Signal(int)
    captionTextChanged = Signal(str)
    captionsOnChanged = Signal(bool)
    languageChanged = Signal(str)
    errorTextChanged = Signal(str)
    episodeIdChanged = Signal(str)
    mutedChanged = Signal(bool)
    episodeStarted = Signal(str)                 # episode id; its first frame is on screen
    progressReached = Signal(str, int)           # episode id, percent (25/50/75), once per play
    episodeFinished = Signal(str, float, bool)   # id, fraction watched 0–1, reached the end
    errorOccurred = Signal(str, str)             # episode id, short friendly message
    clipProblem = Signal(str, str, str)          # episode id, file, technical detail (log/admin)
    skipped = Signal(str)                        # broken episode id, after bad_clip_message_s
    framePresented = Signal(int)                 # start time (µs) of a frame sent to the screen

    def __init__(self, config: Config, parent: QObject | None = None,
                 audio: bool | None = None) -> None:
        super().__init__(parent)
        self._config = config
        # No sound card (CI, some kiosks): no audio outputs at all, video still plays.
        with_audio = bool(QMediaDevices.audioOutputs()) if audio is None else audio
        self._decks = [Deck(config.media, with_audio, self), Deck(config.media, with_audio, self)]
        for deck in self._decks:
            deck.frame.connect(self._on_deck_frame)
            deck.ready.connect(self._on_deck_ready)
            deck.failed.connect(self._on_deck_failed)
            deck.ended.connect(self._on_deck_ended)
            deck.position.connect(self._on_deck_position)
        self._active = 0
        self._own_sink = QVideoSink(self)
        self._output: QVideoSink = self._own_sink
        self._playlist: list[Clip] = []
        self._index = -1
        self._loop = False
        self._auto_advance = False
        self._muted = False
        self._language = config.language.default_language
        self._captions_on = True
        self._cue_cache: dict[Path, list[Cue]] = {}
        self._cues: list[Cue] = []
        self._state = PlayerState.IDLE
        self._error_text = ""
        self._episode_id = ""
        self._position = 0
        self._told_duration = -1   # the length QML was last told (durationChanged)
        self._caption = ""
        self._watch = WatchTracker(config.media)   # fraction watched and progress marks of a play
        self._frame_stride = 1       # show every n-th decoded frame (lean attract loop)
        self._frames_seen = 0
        self._skip_timer = QTimer(self, singleShot=True,
                                  interval=int(config.flow.bad_clip_message_s * 1000))
        self._skip_timer.timeout.connect(self._on_skip_timeout)

    # ---- properties for QML -------------------------------------------------------------
    def _set_captions_on(self, on: bool) -> None:
        if on != self._captions_on:
            self._captions_on = on
            self.captionsOnChanged.emit(on)
            self._update_caption()

    def _set_muted(self, muted: bool) -> None:
        if muted != self._muted:
            self._muted = muted
            self._active_deck.set_muted(muted)
            self.mutedChanged.emit(muted)

    if TYPE_CHECKING:  # how Python code sees them (PySide's stubs type them as Property)
        state: str
        position: int
        duration: int
        captionText: str
        captionsOn: bool
        errorText: str
        episodeId: str
        muted: bool
        language: str
    else:
        state = Property(str, lambda self: self._state.value, notify=stateChanged)
        position = Property(int, lambda self: self._position, notify=positionChanged)
        duration = Property(int, lambda self: self._active_deck.duration_ms,
                            notify=durationChanged)
        captionText = Property(str, lambda self: self._caption, notify=captionTextChanged)
        captionsOn = Property(bool, lambda self: self._captions_on, _set_captions_on,
                              notify=captionsOnChanged)
        errorText = Property(str, lambda self: self._error_text, notify=errorTextChanged)
        episodeId = Property(str, lambda self: self._episode_id, notify=episodeIdChanged)
        muted = Property(bool, lambda self: self._muted, _set_muted, notify=mutedChanged)
        language = Property(str, lambda self: self._language, notify=languageChanged)

    @property
    def _active_deck(self) -> Deck:
        return self._decks[self._active]

    @property
    def _standby_deck(self) -> Deck:
        return self._decks[1 - self._active]

    # ---- set-up -------------------------------------------------------------------------
    # QObject, not QVideoSink: QML knows the QVideoSink* type only once a QML file imports
    # QtMultimedia, which attract's first frame does without (lean mode never does)
    @Slot(QObject)
    def setVideoSink(self, sink: QObject | None) -> None:
        """Where frames go (QML: ``player.setVideoSink(videoOutput.videoSink)``)."""
        self._output = sink if isinstance(sink, QVideoSink) else self._own_sink

    def set_frame_stride(self, stride: int) -> None:
        """Show only every ``stride``-th decoded frame (1: all). On a software renderer each
        frame drawn costs CPU: a very weak PC may show the muted attract loop at half rate."""
        self._frame_stride = max(1, int(stride))

    def videoSink(self) -> QVideoSink:
        return self._output

    def setPlaylist(self, items: Sequence[Any], loop: bool = False,
                    auto_advance: bool = False) -> None:
        """The clips in play order; ``loop`` wraps around, ``auto_advance`` plays on at the end."""
        self._playlist = [as_clip(i) for i in items]
        self._loop, self._auto_advance = loop, auto_advance
        current = self._current_clip()
        self._index = next((i for i, c in enumerate(self._playlist)
                            if current and c.id == current.id), -1)
        self._prepare_next()

    def playlist(self) -> list[Clip]:
        return list(self._playlist)

    # ---- slots ----------------------------------------------------------------------------
    def play(self, item: Any) -> None:
        """Play an episode (a ``Clip``, an ``Episode`` or an id in the playlist)."""
        if isinstance(item, str):
            index = next((i for i, c in enumerate(self._playlist) if c.id == item), -1)
            if index < 0:
                log.warning("play(%r): not in the playlist", item)
                return
        else:
            clip = as_clip(item)
            index = next((i for i, c in enumerate(self._playlist) if c.id == clip.id), -1)
            if index < 0:
                self._playlist, self._index = [clip], -1
                index = 0
        self._go_to(index)

    @Slot(result=bool)
    def playNext(self) -> bool:
        """Start the next clip of the playlist (gapless when it is prepared); False at the end."""
        index = self._next_index()
        if index is None:
            return False
        self._go_to(index)
        return True

    @Slot()
    def pause(self) -> None:
        if self._state is PlayerState.PLAYING:
            self._active_deck.pause()
            self._set_state(PlayerState.PAUSED)

    @Slot()
    def resume(self) -> None:
        if self._state is PlayerState.PAUSED:
            self._active_deck.resume()
            self._set_state(PlayerState.PLAYING)
        elif self._state is PlayerState.ENDED and self._current_clip() is not None:
            self._watch.begin()
            self._active_deck.restart()
            self._set_state(PlayerState.PLAYING)

    @Slot(int)
    def seek(self, ms: int) -> None:
        if self._state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._watch.jumped()  # what a seek jumps over was not watched
            self._active_deck.seek(max(0, min(ms, self._active_deck.duration_ms)))

    @Slot()
    def toggleCaptions(self) -> None:
        self._set_captions_on(not self._captions_on)

    @Slot(str)
    def setLanguage(self, lang: str) -> None:
        if lang != self._language:
            self._language = lang
            self.languageChanged.emit(lang)
            self._load_cues()

    @Slot()
    def stop(self) -> None:
        """Stop everything and clear the screen (leaving the player or the attract loop)."""
        self._report_finished(completed=False)
        self._skip_timer.stop()
        for deck in self._decks:
            deck.unload()
        self._index = -1
        self._output.setVideoFrame(QVideoFrame())
        self._set_episode("")
        self._set_error("")
        self._set_position(0)
        self._set_state(PlayerState.IDLE)

    # ---- switching ------------------------------------------------------------------------
    def _current_clip(self) -> Clip | None:
        return self._playlist[self._index] if 0 <= self._index < len(self._playlist) else None

    def _next_index(self) -> int | None:
        if not self._playlist:
            return None
        nxt = self._index + 1
        if nxt >= len(self._playlist):
            return 0 if self._loop else None
        return nxt

    def _go_to(self, index: int) -> None:
        self._report_finished(completed=False)
        self._skip_timer.stop()
        self._set_error("")
        self._index = index
        clip = self._playlist[index]
        standby = self._standby_deck
        if standby.clip != clip:
            standby.load(clip)
        self._set_episode(clip.id)
        self._cues = []
        self._update_caption()
        self._set_position(0)
        if standby.has_failed:
            self._enter_error(clip, standby.error)
        elif standby.is_ready:
            self._switch_to_standby()
        else:
            # Keep the old clip's last frame up (paused, silent) until the new one has a frame.
            self._active_deck.pause()
            self._set_state(PlayerState.LOADING)

    def _switch_to_standby(self) -> None:
        old, new = self._active_deck, self._standby_deck
        self._active = 1 - self._active
        first = new.first_frame
        if first is not None and first.isValid():
            self._output.setVideoFrame(first)
        new.set_muted(self._muted)
        new.start()
        old.unload()
        self._load_cues()
        self._watch.begin()
        self._told_duration = -1
        self._tell_duration()
        self._set_state(PlayerState.PLAYING)
        self.episodeStarted.emit(self._episode_id)
        self._prepare_next()

    def _prepare_next(self) -> None:
        """Load the next clip on the standby deck: now when nothing plays, else in the last
        ``standby_lead_s`` of the clip playing (see ``_on_deck_position``)."""
        index = self._next_index()
        standby = self._standby_deck
        if index is None or self._state is PlayerState.LOADING or not self._standby_due():
            return
        clip = self._playlist[index]
        if standby.clip != clip:
            standby.load(clip)

    # ---- deck events ----------------------------------------------------------------------
    @Slot(QVideoFrame)
    def _on_deck_frame(self, frame: QVideoFrame) -> None:
        if self.sender() is self._active_deck and self._state is not PlayerState.LOADING:
            self._frames_seen += 1
            if self._frames_seen % self._frame_stride:
                return
            self._output.setVideoFrame(frame)
            self.framePresented.emit(frame.startTime())  # the watchdog spots a frozen picture

    @Slot()
    def _on_deck_ready(self) -> None:
        if self.sender() is self._standby_deck and self._state is PlayerState.LOADING:
            self._switch_to_standby()

    @Slot(str)
    def _on_deck_failed(self, detail: str) -> None:
        deck = self.sender()
        if not isinstance(deck, Deck) or deck.clip is None:
            return
        self.clipProblem.emit(deck.clip.id, str(deck.clip.video), detail)
        log.warning("clip %s (%s): %s", deck.clip.id, deck.clip.video, detail)
        if deck is self._active_deck and self._state in (PlayerState.PLAYING, PlayerState.PAUSED):
            self._enter_error(deck.clip, detail)
        elif deck is self._standby_deck and self._state is PlayerState.LOADING:
            self._enter_error(deck.clip, detail)

    @Slot()
    def _on_deck_ended(self) -> None:
        if self.sender() is not self._active_deck or self._state is not PlayerState.PLAYING:
            return
        self._track(self._active_deck.duration_ms)
        self._set_position(self._active_deck.duration_ms)
        self._report_finished(completed=True)
        self._set_state(PlayerState.ENDED)
        if self._auto_advance:
            self.playNext()

    @Slot(int)
    def _on_deck_position(self, ms: int) -> None:
        showing = (PlayerState.PLAYING, PlayerState.PAUSED)
        if self.sender() is self._active_deck and self._state in showing:
            if self._state is PlayerState.PLAYING:
                self._track(ms)
            self._set_position(ms)
            self._tell_duration()
            if self._standby_deck.clip is None:
                self._prepare_next()

    def _tell_duration(self) -> None:
        """``durationChanged`` whenever the playing clip's length changes, also when it comes
        after the clip started (the progress bar and its seeking need it)."""
        duration = self._active_deck.duration_ms
        if duration != self._told_duration:
            self._told_duration = duration
            self.durationChanged.emit(duration)

    def _standby_due(self) -> bool:
        """Time to load the next clip: nothing playing, or the end near. A length not known
        yet (Qt's backend can send a clip's first frame before its length) is not near: the
        next positions ask again. A clip whose length never comes loads the next at its end."""
        if self._state not in (PlayerState.PLAYING, PlayerState.PAUSED):
            return True
        duration = self._active_deck.duration_ms
        lead_ms = self._config.media.standby_lead_s * 1000
        return duration > 0 and duration - self._position <= lead_ms

    # ---- errors ---------------------------------------------------------------------------
    def _enter_error(self, clip: Clip, detail: str) -> None:
        self._report_finished(completed=False)
        self._set_error(self.tr("Deze aflevering lukt nu even niet. We gaan door!"))
        self._set_state(PlayerState.ERROR)
        self.errorOccurred.emit(clip.id, self._error_text)
        self._skip_timer.start()

    @Slot()
    def _on_skip_timeout(self) -> None:
        bad = self._episode_id
        self._set_error("")
        self.skipped.emit(bad)
        if not self.playNext():
            self._set_state(PlayerState.ENDED)

    # ---- progress and captions ------------------------------------------------------------
    def _track(self, ms: int) -> None:
        for mark in self._watch.shown(ms, self._active_deck.duration_ms):
            self.progressReached.emit(self._episode_id, mark)

    def _report_finished(self, completed: bool) -> None:
        if not self._episode_id:
            return
        fraction = self._watch.finish(completed)
        if fraction is not None:
            self.episodeFinished.emit(self._episode_id, fraction, completed)

    def _load_cues(self) -> None:
        clip = self._current_clip()
        path = None
        if clip is not None:
            subs = clip.subtitles
            path = subs.get(self._language) or subs.get(self._config.language.default_language)
        self._cues = self._parsed(path) if path else []
        self._update_caption()

    def _parsed(self, path: Path) -> list[Cue]:
        if path not in self._cue_cache:
            subs = load_vtt(Path(path), self._config.pack.max_subtitle_bytes)
            for problem in subs.problems:
                log.warning("%s: %s", path, problem)
            self._cue_cache[path] = subs.cues
        return self._cue_cache[path]

    def _update_caption(self) -> None:
        text = cue_at(self._cues, self._position / 1000) if self._captions_on else ""
        if text != self._caption:
            self._caption = text
            self.captionTextChanged.emit(text)

    # ---- small setters --------------------------------------------------------------------
    def _set_state(self, state: PlayerState) -> None:
        if state is not self._state:
            self._state = state
            self.stateChanged.emit(state.value)

    def _set_position(self, ms: int) -> None:
        if ms != self._position:
            self._position = ms
            self.positionChanged.emit(ms)
        self._update_caption()

    def _set_episode(self, episode_id: str) -> None:
        if episode_id != self._episode_id:
            self._episode_id = episode_id
            self.episodeIdChanged.emit(episode_id)

    def _set_error(self, text: str) -> None:
        if text != self._error_text:
            self._error_text = text
            self.errorTextChanged.emit(text)
