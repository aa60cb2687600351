"""The campaign's own question ("Past techniek bij jou?"), asked before and after a visit.

An event switches it on with a ``[pulse]`` table. The visitor answers with one of five faces
(1 = not at all … 5 = very much) or skips; the answer is an event in the visit's anonymous
session and nothing else about the visitor is asked, except, when the event asks for it, one of
four fixed groups. This module holds the rules the kiosk and the report share: the values, the
phases, which answer counts (the first), when the after-question is offered (once per visit),
and the interval the report gives for the mean change.
"""
from __future__ import annotations

import math
from dataclasses import dataclass
from enum import StrEnum


class Phase(StrEnum):
    """When the question was asked: right after "Tik om te beginnen", or at the visit's end."""

    BEFORE = "before"
    AFTER = "after"


class Group(StrEnum):
    """The optional group question's four fixed answers (nothing else is ever stored)."""

    GIRL = "girl"
    BOY = "boy"
    OTHER = "other"
    PRIVATE = "private"  # "zeg ik liever niet"


VALUES: tuple[int, ...] = (1, 2, 3, 4, 5)  # 1 = past helemaal niet … 5 = past heel goed

# The question's event kinds: when it was asked (``pulse_asked``: the report's response rates
# count from it without reading every screen of the log), answered, skipped, and the group.
# They never leave the kiosk's own log one by one: exports and the report carry sums only.
EVENT_KINDS: tuple[str, ...] = ("pulse_asked", "pulse_answered", "pulse_skipped", "pulse_group")


class Step(StrEnum):
    """What the question screen shows: the faces, then (when asked) the group question."""

    FACES = "faces"
    GROUP = "group"
    DONE = "done"


@dataclass
class PulseVisit:
    """One visit's answers. The first tap in a phase counts; later taps are ignored.

    ``offer_after`` says whether a result or end card shows the after-question: only the first
    such card of the visit, so the question comes back once and never nags."""

    ask_group: bool = False
    before: int | None = None
    before_skipped: bool = False
    after: int | None = None
    after_skipped: bool = False
    group: Group | None = None
    group_done: bool = False
    after_offered: bool = False

    @property
    def step(self) -> Step:
        """Where the before-question screen stands."""
        if self.before is None and not self.before_skipped:
            return Step.FACES
        if self.ask_group and self.before is not None and not self.group_done:
            return Step.GROUP
        return Step.DONE

    def _open(self, phase: Phase) -> bool:
        if phase is Phase.BEFORE:
            return self.before is None and not self.before_skipped
        return self.after_offered and self.after is None and not self.after_skipped

    def answer(self, phase: Phase, value: int) -> bool:
        """A face was tapped; True when this answer counts (the phase was still open)."""
        if value not in VALUES or not self._open(phase):
            return False
        if phase is Phase.BEFORE:
            self.before = value
        else:
            self.after = value
        return True

    def skip(self, phase: Phase) -> bool:
        """The skip button; True when it counts. On the group step it skips only the group."""
        if phase is Phase.BEFORE and self.step is Step.GROUP:
            self.group_done = True
            return False  # nothing to record: the group is optional and its skip says nothing
        if not self._open(phase):
            return False
        if phase is Phase.BEFORE:
            self.before_skipped = True
        else:
            self.after_skipped = True
        return True

    def choose_group(self, group: Group) -> bool:
        """One of the four group answers; True when it counts (asked, and the first)."""
        if self.step is not Step.GROUP:
            return False
        self.group = group
        self.group_done = True
        return True

    def offer_after(self) -> bool:
        """A result or end card opens: True (once per visit) when it should ask again."""
        if self.after_offered:
            return False
        self.after_offered = True
        return True


# -- the report's interval --------------------------------------------------------------------

def _betacf(a: float, b: float, x: float) -> float:
    """Continued fraction of the incomplete beta function (modified Lentz)."""
    tiny = 1e-300
    c, d = 1.0, 1.0 - (a + b) * x / (a + 1.0)
    d = 1.0 / (d if abs(d) > tiny else tiny)
    h = d
    for m in range(1, 300):
        m2 = 2 * m
        for num in (m * (b - m) * x / ((a + m2 - 1) * (a + m2)),
                    -(a + m) * (a + b + m) * x / ((a + m2) * (a + m2 + 1))):
            d = 1.0 + num * d
            d = 1.0 / (d if abs(d) > tiny else tiny)
            c = 1.0 + num / c
            c = c if abs(c) > tiny else tiny
            h *= d * c
        if abs(d * c - 1.0) < 1e-15:
            break
    return h


def _beta_inc(a: float, b: float, x: float) -> float:
    """The regularised incomplete beta function I_x(a, b)."""
    if x <= 0.0:
        return 0.0
    if x >= 1.0:
        return 1.0
    front = math.exp(math.lgamma(a + b) - math.lgamma(a) - math.lgamma(b)
                     + a * math.log(x) + b * math.log1p(-x))
    if x < (a + 1.0) / (a + b + 2.0):
        return front * _betacf(a, b, x) / a
    return 1.0 - front * _betacf(b, a, 1.0 - x) / b


def t_cdf(t: float, df: float) -> float:
    """Student's t distribution function."""
    tail = 0.5 * _beta_inc(df / 2.0, 0.5, df / (df + t * t))
    return 1.0 - tail if t >= 0 else tail


def t_quantile(p: float, df: float) -> float:
    """The t value below which a share ``p`` (0.5 < p < 1) lies (bisection on ``t_cdf``)."""
    low, high = 0.0, 1.0
    while t_cdf(high, df) < p:
        high *= 2.0
    for _ in range(200):
        mid = (low + high) / 2.0
        if t_cdf(mid, df) < p:
            low = mid
        else:
            high = mid
        if high - low < 1e-12:
            break
    return (low + high) / 2.0


@dataclass(frozen=True)
class MeanChange:
    """The mean of after − before over paired visits, with its 95 % interval."""

    n: int
    mean: float
    low: float
    high: float


def mean_change(n: int, total: float, total_sq: float, level: float = 0.95) -> MeanChange | None:
    """Student's t interval for the mean paired change, from n, Σd and Σd² (the report sums
    them in SQL). None below two pairs (no spread to go on)."""
    if n < 2:
        return None
    mean = total / n
    var = max(0.0, (total_sq - n * mean * mean) / (n - 1))
    half = t_quantile(0.5 + level / 2.0, n - 1) * math.sqrt(var / n)
    return MeanChange(n, mean, mean - half, mean + half)
