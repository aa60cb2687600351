"""What the rest of the kiosk may use of a video player: ``EpisodePlayer``'s interface as a type.

``Playback`` and the composition root depend on this, not on QtMultimedia, so tests of the
flow, idle rules, admin and the game can run with a player that decodes nothing
(``tests/fakeplayer.py``) while playback's own tests use the real one.
"""
from __future__ import annotations

from collections.abc import Sequence
from enum import StrEnum
from typing import Any, Protocol

from PySide6.QtCore import SignalInstance


class PlayerState(StrEnum):
    """What the facade is doing; QML reads ``state`` as one of these strings."""

    IDLE = "idle"
    LOADING = "loading"
    PLAYING = "playing"
    PAUSED = "paused"
    ENDED = "ended"
    ERROR = "error"


class PlayerFacade(Protocol):
    """The player seen from Python (QML also reads position, duration, captions …)."""

    muted: bool

    @property
    def state(self) -> str: ...          # a ``PlayerState`` value

    @property
    def episodeId(self) -> str: ...       # "" when nothing plays

    @property
    def stateChanged(self) -> SignalInstance: ...

    @property
    def episodeStarted(self) -> SignalInstance: ...

    @property
    def progressReached(self) -> SignalInstance: ...

    @property
    def episodeFinished(self) -> SignalInstance: ...

    @property
    def errorOccurred(self) -> SignalInstance: ...

    @property
    def clipProblem(self) -> SignalInstance: ...

    @property
    def framePresented(self) -> SignalInstance: ...

    def setPlaylist(self, items: Sequence[Any], loop: bool = False,
                    auto_advance: bool = False) -> None: ...

    def play(self, item: Any) -> None: ...

    def stop(self) -> None: ...

    def setLanguage(self, lang: str) -> None: ...

    def set_frame_stride(self, stride: int) -> None: ...   # show every n-th frame (lean attract)
