"""The admin PIN gate: checks PINs against the event's hash and locks after repeated misses.

No Qt."""
from __future__ import annotations

from kiosk.config import Config
from kiosk.core.pin import PinHashError, verify_pin
from kiosk.records import record


@record(frozen=True)
class PinOutcome:
    """What happened to one PIN attempt; ``locked_for`` is the seconds left when locked."""

    accepted: bool
    locked_for: float = 0.0
    attempts_left: int = 0


class PinGate:
    """Counts wrong PINs; after ``admin_max_attempts`` it refuses everything for
    ``admin_lockout_s``."""

    def __init__(self, pin_hash: str | None, config: Config) -> None:
        self._hash = pin_hash
        self._max = config.admin.admin_max_attempts
        self._lockout = config.admin.admin_lockout_s
        self._failures = 0
        self._locked_until = 0.0

    def locked_for(self, now: float) -> float:
        return max(0.0, self._locked_until - now)

    def try_pin(self, pin: str, now: float) -> PinOutcome:
        if self.locked_for(now) > 0:
            return PinOutcome(False, self.locked_for(now), 0)
        ok = False
        if self._hash:
            try:
                ok = verify_pin(pin, self._hash)
            except PinHashError:
                ok = False  # a malformed hash was reported by `check`; nobody gets in with it
        if ok:
            self._failures = 0
            return PinOutcome(True, 0.0, self._max)
        self._failures += 1
        if self._failures >= self._max:
            self._failures = 0
            self._locked_until = now + self._lockout
            return PinOutcome(False, self._lockout, 0)
        return PinOutcome(False, 0.0, self._max - self._failures)
