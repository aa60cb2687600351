"""How much of a clip a visitor saw, and the progress marks one play passes. No Qt.

The campaign's headline figure (watch-through) comes from here, so the real player
(``kiosk.media.player.EpisodePlayer``) and the test double (``tests/fakeplayer.py``) both feed
one ``WatchTracker`` the positions they show and report what it says.

The rule: a clip is cut into slices of ``Config.media.watch_bucket_s``; a slice counts as
seen when a position inside it was shown, and when two positions shown one after the other
are at most ``Config.media.watch_continuous_ms`` apart (the clip played on between them)
every slice between them counts too. A seek jumps: what it skips is not seen. The fraction
watched is the share of slices seen; a clip that reached its end without any position shown
counts as fully seen. A progress mark (``Config.media.progress_marks``, percent of the length)
is passed once per play.
"""
from __future__ import annotations

import math

from kiosk.config import MediaConfig


class WatchTracker:
    """One play of one clip at a time: ``begin`` at its first frame, ``shown`` for each position
    on screen, ``jumped`` before a seek, ``finish`` once at its end or when it is left."""

    def __init__(self, config: MediaConfig) -> None:
        self._bucket_ms = config.watch_bucket_s * 1000
        self._continuous_ms = config.watch_continuous_ms
        self._marks = tuple(config.progress_marks)
        self._seen: set[int] = set()
        self._passed: set[int] = set()
        self._last_ms: float | None = None
        self._duration_ms = 0
        self._finished = True   # nothing is playing until ``begin``

    @property
    def finished(self) -> bool:
        """True once this play was reported (or before the first play)."""
        return self._finished

    def begin(self) -> None:
        """A play starts at the clip's first frame (also a replay from the end)."""
        self._seen, self._passed = set(), set()
        self._last_ms = 0
        self._finished = False

    def jumped(self) -> None:
        """The next position shown comes after a seek: the part in between was not seen."""
        self._last_ms = None

    def shown(self, ms: float, duration_ms: int) -> list[int]:
        """Position ``ms`` of a clip ``duration_ms`` long is on screen; returns the progress
        marks this play passes now (each once). An unknown length (≤ 0) counts nothing."""
        if duration_ms <= 0 or self._finished:
            return []
        self._duration_ms = duration_ms
        last = self._slices() - 1
        now = min(int(ms // self._bucket_ms), last)
        prev, self._last_ms = self._last_ms, ms
        if prev is not None and 0 <= ms - prev <= self._continuous_ms:
            # played on since the last position: every slice in between was on screen too
            self._seen.update(range(min(int(prev // self._bucket_ms), last), now + 1))
        else:
            self._seen.add(now)  # the first position after a seek: only where we are now
        passed = [m for m in self._marks if m not in self._passed and ms * 100 >= m * duration_ms]
        self._passed.update(passed)
        return passed

    def finish(self, completed: bool) -> float | None:
        """The fraction watched (0–1) of the play that ends now; None when it was reported."""
        if self._finished:
            return None
        self._finished = True
        if completed and not self._seen:
            return 1.0
        return min(1.0, len(self._seen) / self._slices())

    def _slices(self) -> int:
        return max(1, math.ceil(self._duration_ms / self._bucket_ms))
