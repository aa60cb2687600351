"""A countdown shown in whole seconds, read from the deadline that really ends it (no Qt).

The number on screen and the moment the action happens come from the same deadline, so they
cannot drift apart: the Qt timer wakes when the number drops and, last, at the deadline itself.
"""
from __future__ import annotations

import math


def seconds_left(deadline: float, now: float) -> int:
    """The whole seconds shown at ``now``: 3 from 3.0 s before the deadline down to 2.0 s
    before it, ..., 1 in the last second, 0 at the deadline."""
    return max(0, math.ceil(deadline - now))


def next_change(deadline: float, now: float) -> float:
    """When ``seconds_left`` next drops by one (the deadline itself for the last second)."""
    left = seconds_left(deadline, now)
    if left <= 1:
        return deadline
    return deadline - (left - 1)


def timer_ms(wake: float, now: float) -> int:
    """The interval for a Qt timer started at ``now`` to fire at ``wake``: rounded up past it,
    so the tick that follows sees the moment it waited for (never a millisecond early)."""
    return max(0, int((wake - now) * 1000) + 1)
