"""Episodes in the visitor flow: what plays, what comes next, the attract loop, and the events.

The ``EpisodePlayer`` facade plays clips; this object decides which (the series in order,
autoplay after the end card's countdown, another series at the end) and records what the
campaign measures. QML binds to its properties and calls its slots.
"""
from __future__ import annotations

import logging
import threading
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Qt, QTimer, Signal, Slot

from kiosk.config import Config
from kiosk.visit.countdown import next_change, seconds_left, timer_ms
from kiosk.visit.flow import FlowError, State
from kiosk.core.links import LinkBuilder
from kiosk.core.qr_image import qr_modules, qr_modules_ready
from kiosk.core.taxonomy import EpisodeVia, episode_via
from kiosk.visit.viewing import (
    Audience,
    attract_clips,
    crops_to_fill,
    next_in_visit,
    previous_in_visit,
)
from kiosk.media.facade import PlayerFacade, PlayerState
from kiosk.media.player import EpisodePlayer
from kiosk.ui.catalog import Catalog

if TYPE_CHECKING:
    from kiosk.pack.models import Pack
    from kiosk.core.event_sink import EventSink
    from kiosk.ui.controller import Controller

log = logging.getLogger("kiosk.ui")

class Playback(QObject):
    """Owns the visitor's viewing: playlists, the next-up countdown and episode events."""

    changed = Signal()
    watchedChanged = Signal()
    nextUpChanged = Signal()
    countdownRemainingChanged = Signal()

    def __init__(self, config: Config, pack: Pack, store: EventSink, controller: Controller,
                 player: PlayerFacade, catalog: Catalog, links: LinkBuilder) -> None:
        super().__init__()
        self._config = config
        self._pack = pack
        self._store = store
        self._controller = controller
        self._player = player
        self._catalog = catalog
        self._links = links
        self._via = EpisodeVia.TILE
        self._origin = State.EPISODES
        # The end card's countdown: wakes each time the number drops and, last, plays the next
        # episode; the number shown is read from the same deadline.
        self._countdown = QTimer(self)
        self._countdown.setSingleShot(True)
        self._countdown.setTimerType(Qt.TimerType.PreciseTimer)
        self._countdown.timeout.connect(self.on_countdown_tick)
        self._countdown_deadline: float | None = None
        self._countdown_left = 0
        # the campaign's question on the end card: autoplay waits until it is answered or skipped
        # (else the next clip would take the question away mid-thought)
        self._countdown_held = False
        self._next_id = ""
        self._visitor_play = False  # False while the attract loop runs: never counted
        # The clips this visit started, in order: "what plays next" skips them, tiles mark them
        # watched. Wiped when the visit ends.
        self._history: list[str] = []
        # The clips this visit moved to, in order, started or still opening: a swipe down goes
        # back through them, so swipes faster than the clips open each move one clip (up, up,
        # down lands on the second clip, not on the first).
        self._trail: list[str] = []
        self._liked: set[str] = set()
        self.attract_frame_stride = 1  # the app sets it from the render mode
        player.episodeStarted.connect(self.on_episode_started)
        player.progressReached.connect(self.on_progress)
        player.episodeFinished.connect(self.on_finished)
        player.stateChanged.connect(self.on_player_state)
        player.errorOccurred.connect(self.on_error)
        player.clipProblem.connect(self.on_clip_problem)
        controller.stateChanged.connect(self.on_flow_state)

    # -- properties ---------------------------------------------------------------------------
    # Typed as the real player so that qmllint checks what QML reads of it; a test's fake
    # player (any QObject with the same properties) passes through all the same.
    @Property(EpisodePlayer, constant=True)
    def player(self) -> PlayerFacade:
        return self._player

    def current_row(self) -> dict[str, Any]:
        """The episode on screen: its tile row plus the job and links for the end card."""
        episode = self._pack.episodes.get(self._player.episodeId)
        if episode is None:
            return {}
        row = self._catalog.episode_row(episode)
        row["jobIds"] = list(episode.jobs)
        row["hasAudio"] = episode.has_audio
        page = self._links.episode(episode.id, episode.channel_url or self._series_url(episode))
        share = self._links.episode(episode.id, episode.channel_url or self._series_url(episode),
                                    share=True)
        row["link"] = page.url if page.ok else ""
        row["shareLink"] = share.url if share.ok else ""
        return row

    current = Property(dict, current_row, notify=changed)

    @Property(dict, notify=nextUpChanged)
    def nextUp(self) -> dict[str, Any]:
        """The episode the countdown will start, or {} at the end of a series."""
        episode = self._pack.episodes.get(self._next_id)
        return self._catalog.episode_row(episode) if episode is not None else {}

    @Property(dict, notify=nextUpChanged)
    def suggestion(self) -> dict[str, Any]:
        """At the end of a series: what plays next is in another series (featured first)."""
        if self._next_id:
            return {}
        episode = self._upcoming(self._audience() or "students")
        current = self._pack.episodes.get(self._player.episodeId)
        if episode is None or current is None or episode.series_id == current.series_id:
            return {}
        row = self._catalog.episode_row(episode)
        series = next((s for s in self._pack.series if s.id == episode.series_id), None)
        row["series"] = series.title.get(self._catalog.lang) if series else ""   # as the row's
        return row

    @Property(list, notify=watchedChanged)
    def watched(self) -> list[str]:
        """The episodes this visit started (tiles show a "gezien" mark)."""
        return list(self._history)

    @Property(bool, notify=watchedChanged)
    def liked(self) -> bool:
        """The visitor gave the clip on screen a "Vet!"."""
        return self._player.episodeId in self._liked

    @Property(bool, notify=watchedChanged)
    def canGoBack(self) -> bool:
        """A swipe down has a clip to go back to."""
        return bool(previous_in_visit(self._trail, self._player.episodeId))

    @Property(float, constant=True)
    def controlsHideSeconds(self) -> float:
        return self._config.flow.player_controls_hide_s

    @Property(bool, constant=True)
    def sideFill(self) -> bool:
        """Blurred sides for clips of another shape than the screen (off: black bars)."""
        return self._config.media.player_side_fill

    @Slot(float, float, float, float, result=bool)
    def cropsToFill(self, clip_w: float, clip_h: float, screen_w: float, screen_h: float) -> bool:
        """The player shows this clip cropped to fill the screen (a vertical clip in portrait)
        instead of fitted whole; QML passes the picture's shape as shown and the screen's."""
        return crops_to_fill(clip_w, clip_h, screen_w, screen_h)

    @Property(bool, notify=nextUpChanged)
    def countingDown(self) -> bool:
        return self._countdown_deadline is not None

    @Property(int, notify=countdownRemainingChanged)
    def countdownRemaining(self) -> int:
        """Whole seconds until the next episode starts by itself (0 when not counting down)."""
        return self._countdown_left

    # -- intents ------------------------------------------------------------------------------
    @Slot(str, str)
    def playEpisode(self, episode_id: str, via: str) -> None:
        """Play an episode from a tile, the game result or the end card."""
        episode = self._pack.episodes.get(episode_id)
        if episode is None:
            log.warning("play: unknown episode %r", episode_id)
            return
        state = self._controller.flow.state
        if state not in (State.PLAYER, State.NEXT_UP):
            self._origin = state
        try:
            if state is not State.PLAYER:   # a swipe plays the next clip on the same screen
                self._controller.go_to(State.PLAYER)
        except FlowError as exc:
            log.warning("play %s from %s refused: %s", episode_id, state, exc)
            return
        self._via = episode_via(via)
        self._stop_countdown()
        if not self._visitor_play:
            self._player.stop()  # end the attract clip before this play is counted
            self._player.muted = False  # a visitor's clip has sound (the toggle stays as set)
        self._visitor_play = True
        self._player.set_frame_stride(1)  # episodes: every frame
        # The player's playlist is this clip and what plays next by the visit's rule, so the
        # clip its standby deck prepares is the one autoplay and a swipe up will start.
        upcoming = next_in_visit(self._pack, episode_id, self._history + [episode_id],
                                 self._catalog.featured, self._audience() or "students")
        self._player.setPlaylist([episode] + ([upcoming] if upcoming is not None else []))
        self._work_out_codes(episode, upcoming)
        if episode_id not in self._trail:
            self._trail.append(episode_id)
        self._player.play(episode_id)
        self.changed.emit()

    def _work_out_codes(self, episode: Any, upcoming: Any) -> None:
        """Work out, on a helper thread, the QR codes the visitor will see next: the next clip's
        (a swipe up or autoplay shows it at once) and this clip's share code (its end card).
        Drawn on the UI thread when they appear, each took 0.1–0.4 s of pure Python, and the
        swipe's new clip waited for it."""
        links = [self._links.episode(episode.id, episode.channel_url or self._series_url(episode),
                                     share=True)]
        if upcoming is not None:
            links.append(self._links.episode(
                upcoming.id, upcoming.channel_url or self._series_url(upcoming)))
        todo = [link.url for link in links
                if link.ok and link.url and not qr_modules_ready(link.url, self._config.qr)]
        if todo:
            threading.Thread(target=self._codes, args=(todo,), name="qr-ahead",
                             daemon=True).start()

    def _codes(self, payloads: list[str]) -> None:
        for payload in payloads:
            try:
                qr_modules(payload, self._config.qr)
            except ValueError as error:   # drawn (and reported) where it shows, if it shows
                log.debug("QR code not worked out ahead: %s", error)

    @Slot()
    def swipeNext(self) -> None:
        """Swipe up on the player: the next clip by the same rule as autoplay."""
        upcoming = self._upcoming(self._audience() or "students")
        if upcoming is not None and self._controller.flow.state in (State.PLAYER, State.NEXT_UP):
            self.playEpisode(upcoming.id, EpisodeVia.SWIPE.value)

    @Slot()
    def swipePrevious(self) -> None:
        """Swipe down: the clip this visit played before this one (nothing at the first)."""
        previous = previous_in_visit(self._trail, self._player.episodeId)
        if previous and self._controller.flow.state in (State.PLAYER, State.NEXT_UP):
            self.playEpisode(previous, EpisodeVia.SWIPE.value)

    @Slot()
    def toggleSound(self) -> None:
        self._player.muted = not self._player.muted

    @Slot()
    def like(self) -> None:
        """"Vet!" on the clip playing: counted once per clip and visit (a second tap keeps it)."""
        episode_id = self._player.episodeId
        if not self._visitor_play or not episode_id or episode_id in self._liked:
            return
        self._liked.add(episode_id)
        self._store.record("episode_liked", self._controller.session_id, episode_id=episode_id)
        self.watchedChanged.emit()

    def _upcoming(self, audience: Audience | None) -> Any:
        current = self._player.episodeId
        if not current:
            return None
        return next_in_visit(self._pack, current, self._history, self._catalog.featured, audience)

    @Slot()
    def cancelNextUp(self) -> None:
        """The visitor taps cancel on the end card: stay on the end card, no autoplay."""
        self._stop_countdown()

    @Slot()
    def playNextNow(self) -> None:
        if self._next_id:
            self.playEpisode(self._next_id, EpisodeVia.AUTOPLAY.value)

    @Slot()
    def back(self) -> None:
        """Back from the player to where the visitor came from."""
        self._stop_countdown()
        self._player.stop()
        try:
            self._controller.go_to(self._origin)
        except FlowError:
            self._controller.go_to(State.HOME)

    # -- attract loop ---------------------------------------------------------------------------
    def start_attract_loop(self) -> None:
        clips = attract_clips(self._pack, self._catalog.featured)
        if not clips:
            return
        if self._visitor_play:
            self._player.stop()  # report the visitor's last clip before the loop starts
        self._visitor_play = False
        self._history = []      # a new visitor has watched nothing yet
        self._trail = []
        self._liked = set()
        self.watchedChanged.emit()
        self._player.muted = True
        self._player.set_frame_stride(self.attract_frame_stride)
        self._player.setPlaylist(clips, loop=True, auto_advance=True)
        self._player.play(clips[0])

    # -- reactions --------------------------------------------------------------------------------
    def _audience(self) -> Audience | None:
        """Parents' episodes only when the visitor came from the parents' section."""
        return "parents" if self._origin is State.PARENTS else None

    def _series_url(self, episode: Any) -> str:
        series = next((s for s in self._pack.series if s.id == episode.series_id), None)
        return series.channel_url if series is not None else self._pack.channel_url

    def _attracting(self) -> bool:
        """The attract loop is playing: what it plays is not a visitor's viewing."""
        return not self._visitor_play

    @Slot(str)
    def on_episode_started(self, episode_id: str) -> None:
        self.changed.emit()
        if not self._attracting():
            self._store.record("episode_started", self._controller.session_id,
                               episode_id=episode_id, via=self._via.value)
            self._via = EpisodeVia.AUTOPLAY  # what follows in this playlist came by itself
            if episode_id not in self._history:     # the order they were first started
                self._history.append(episode_id)
            if episode_id not in self._trail:       # autoplay moved on by itself
                self._trail.append(episode_id)
            self.watchedChanged.emit()

    @Slot(str, int)
    def on_progress(self, episode_id: str, pct: int) -> None:
        if not self._attracting():
            self._store.record("episode_progress", self._controller.session_id,
                               episode_id=episode_id, pct=pct)

    @Slot(str, float, bool)
    def on_finished(self, episode_id: str, fraction: float, completed: bool) -> None:
        if self._attracting():
            return
        self._store.record("episode_finished", self._controller.session_id, episode_id=episode_id,
                           fraction=round(fraction, 3))
        if completed and self._controller.flow.state is State.PLAYER:
            # the end card counts down to what plays next when it is in the same series; in
            # another series it is offered (suggestion) and waits for a tap
            upcoming = self._upcoming(self._audience() or "students")
            current = self._pack.episodes.get(episode_id)
            self._next_id = (upcoming.id if upcoming is not None and current is not None
                             and upcoming.series_id == current.series_id else "")
            try:
                self._controller.go_to(State.NEXT_UP)
            except FlowError as exc:
                log.warning("end card refused: %s", exc)
                return
            if self._next_id and not self._countdown_held:
                self._start_countdown()
            self.nextUpChanged.emit()

    def _start_countdown(self) -> None:
        self._countdown_deadline = self._controller.now() + self._config.flow.next_up_countdown_s
        self._count_down(self._controller.now())

    def set_countdown_held(self, held: bool) -> None:
        """Hold the end card's countdown (the after-question shows) or let it run from the top."""
        if held == self._countdown_held:
            return
        self._countdown_held = held
        if held:
            self._stop_countdown()
        elif (self._next_id and self._countdown_deadline is None
              and self._controller.flow.state is State.NEXT_UP):
            self._start_countdown()
            self.nextUpChanged.emit()

    @Slot(str, str)
    def on_error(self, episode_id: str, message: str) -> None:
        log.warning("episode %s could not play: %s", episode_id, message)
        if not self._attracting():
            self._store.record("episode_error", self._controller.session_id, episode_id=episode_id)

    @Slot(str, str, str)
    def on_clip_problem(self, episode_id: str, file: str, detail: str) -> None:
        """Shown in admin like the pack's own problems: file, field, what is wrong."""
        self._controller.note_problem(f"{self._pack.relative(file)}: video: {detail} "
                                      f"(episode {episode_id} was skipped)")

    @Slot(str)
    def on_player_state(self, state: str) -> None:
        if self._controller.flow.state is State.PLAYER:
            # idle never fires while an episode plays; an error or pause lets it run again
            self._controller.setPlaying(state in (PlayerState.PLAYING.value,
                                                  PlayerState.LOADING.value))

    @Slot()
    def on_flow_state(self) -> None:
        state = self._controller.flow.state
        if state is State.ATTRACT:
            self._stop_countdown()
            self.start_attract_loop()
        elif state not in (State.PLAYER, State.NEXT_UP):
            self._stop_countdown()
            if self._player.episodeId:
                self._player.stop()
            self._visitor_play = False

    @Slot()
    def on_countdown_tick(self) -> None:
        if self._countdown_deadline is None:
            return
        now = self._controller.now()
        self._count_down(now)
        if now < self._countdown_deadline:
            return
        self._countdown_deadline = None
        self.nextUpChanged.emit()
        if self._next_id and self._controller.flow.state is State.NEXT_UP:
            self.playEpisode(self._next_id, EpisodeVia.AUTOPLAY.value)

    def _count_down(self, now: float) -> None:
        """Show the whole seconds left and wake again when that number drops."""
        assert self._countdown_deadline is not None
        self._set_countdown_left(seconds_left(self._countdown_deadline, now))
        if now < self._countdown_deadline:
            wake = next_change(self._countdown_deadline, now)
            self._countdown.start(timer_ms(wake, now))

    def _set_countdown_left(self, left: int) -> None:
        if left != self._countdown_left:
            self._countdown_left = left
            self.countdownRemainingChanged.emit()

    def _stop_countdown(self) -> None:
        self._countdown.stop()
        self._set_countdown_left(0)
        if self._countdown_deadline is not None:
            self._countdown_deadline = None
            self.nextUpChanged.emit()

    def shutdown(self) -> None:
        self._stop_countdown()
        self._player.stop()
