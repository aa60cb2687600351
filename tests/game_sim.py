"""Simulated students for the swipe game (docs/game.md, "The simulation").

A standard interest-response model, used by ``tests/bench/bench_game_sim.py`` and a few tests:

- a student has a true interest level θ_k per RIASEC type, drawn from a normal distribution
  whose correlations follow the hexagon (neighbours .45, one apart .20, opposites .05), a taste
  δ_m per work domain (sd ``DOMAIN_SD``) and a general liking β (sd ``LIKING_SD``: some students
  like almost everything);
- a card of type k and domain m has a utility μ = θ_k + δ_m + β; the student answers with
  u = a·μ + ε, ε logistic: "yes" when u > 0, so P(yes) = logistic(a·μ). With a graded answer
  the same u gives "a bit" (0.5) when −κ < u < κ (an ordered-logistic response);
- a duel goes to the card with the higher u (each with its own noise);
- ``a`` is chosen so that a card answered twice gets the same answer ``retest`` of the time
  (averaged over students and the deck's type/domain mix): ~0.74 is the realistic level.

The true strongest type is argmax θ. Everything is seeded: the same seed gives the same
students and the same answers.
"""
from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from kiosk.core.taxonomy import DOMAINS, TYPES

HEX_RHO = (1.0, 0.45, 0.20, 0.05)     # correlation by distance on the hexagon (0–3)
DOMAIN_SD = 0.6
LIKING_SD = 0.5
GRADED_KAPPA = 0.8                     # |u| < κ answers "een beetje" when the game asks


def _cholesky(m: Sequence[Sequence[float]]) -> list[list[float]]:
    n = len(m)
    low = [[0.0] * n for _ in range(n)]
    for i in range(n):
        for j in range(i + 1):
            s = sum(low[i][k] * low[j][k] for k in range(j))
            low[i][j] = math.sqrt(m[i][i] - s) if i == j else (m[i][j] - s) / low[j][j]
    return low


HEX_CHOL = _cholesky([[HEX_RHO[min(abs(i - j), 6 - abs(i - j))] for j in range(6)]
                      for i in range(6)])


def logistic(x: float) -> float:
    return 1.0 / (1.0 + math.exp(-x)) if x > -700 else 0.0


@dataclass(frozen=True)
class Student:
    """True interests of one simulated student."""

    theta: tuple[float, ...]        # per type, TYPES order
    delta: dict[str, float]         # per domain
    liking: float

    @property
    def strongest(self) -> str:
        return TYPES[max(range(len(TYPES)), key=lambda k: self.theta[k])]

    def top(self, n: int) -> tuple[str, ...]:
        order = sorted(range(len(TYPES)), key=lambda k: -self.theta[k])
        return tuple(TYPES[k] for k in order[:n])

    def mu(self, type_: str, domain: str) -> float:
        return self.theta[TYPES.index(type_)] + self.delta.get(domain, 0.0) + self.liking


def make_student(rng: random.Random) -> Student:
    z = [rng.gauss(0.0, 1.0) for _ in TYPES]
    theta = tuple(sum(HEX_CHOL[i][k] * z[k] for k in range(i + 1)) for i in range(6))
    return Student(theta, {m: rng.gauss(0.0, DOMAIN_SD) for m in DOMAINS},
                   rng.gauss(0.0, LIKING_SD))


def logistic_noise(rng: random.Random) -> float:
    p = min(max(rng.random(), 1e-12), 1 - 1e-12)
    return math.log(p / (1.0 - p))


@dataclass(frozen=True)
class Responder:
    """How students answer: the discrimination ``a`` (from the retest level) and κ."""

    a: float
    kappa: float = GRADED_KAPPA

    def answer(self, student: Student, type_: str, domain: str, rng: random.Random,
               graded: bool) -> float:
        u = self.a * student.mu(type_, domain) + logistic_noise(rng)
        if graded and -self.kappa < u < self.kappa:
            return 0.5
        return 1.0 if u > 0 else 0.0

    def prefers_left(self, student: Student, left: tuple[str, str], right: tuple[str, str],
                     rng: random.Random) -> bool:
        u_l = self.a * student.mu(*left) + logistic_noise(rng)
        u_r = self.a * student.mu(*right) + logistic_noise(rng)
        return u_l >= u_r


def card_retest(a: float, students: Sequence[Student],
                cells: Sequence[tuple[str, str]]) -> float:
    """Mean chance that a card (type, domain) gets the same yes/no twice: p² + (1 − p)²."""
    total = 0.0
    for st in students:
        for t, m in cells:
            p = logistic(a * st.mu(t, m))
            total += p * p + (1 - p) * (1 - p)
    return total / (len(students) * len(cells))


def calibrate(retest: float, cells: Sequence[tuple[str, str]], seed: int = 99,
              n: int = 400) -> Responder:
    """The responder whose cards repeat ``retest`` of the time (bisection on ``a``)."""
    rng = random.Random(seed)
    students = [make_student(rng) for _ in range(n)]
    lo, hi = 0.01, 20.0
    for _ in range(50):
        mid = (lo + hi) / 2
        if card_retest(mid, students, cells) < retest:
            lo = mid
        else:
            hi = mid
    return Responder((lo + hi) / 2)


@dataclass
class Play:
    """What one play of the game showed."""

    first: tuple[str, ...]          # the letter(s) shown first (two when shown as equal)
    direction: tuple[str, ...]
    jobs: tuple[str, ...]           # the non-surprise jobs, as shown
    answers: int
    duels: int
    tie: bool = False               # the two highest type scores were exactly equal


def play(new_session: Callable[[], object], student: Student, responder: Responder,
         rng: random.Random) -> Play:
    """One play through the game's own contract (current_duel/choose, current_card/swipe)."""
    session: object = new_session()
    answers = duels = 0
    while True:
        duel = session.current_duel()  # type: ignore[attr-defined]
        if duel is not None:
            left = responder.prefers_left(student, (duel.left.type, duel.left.domain),
                                          (duel.right.type, duel.right.domain), rng)
            ok = session.choose(duel.left.id if left else duel.right.id,  # type: ignore
                                "button")
            assert ok
            answers += 1
            duels += 1
            continue
        card = session.current_card()  # type: ignore[attr-defined]
        if card is None:
            break
        graded = bool(getattr(session, "graded", False))
        x = responder.answer(student, card.type, card.domain, rng, graded)
        ok = session.swipe(card.id, x if graded else x >= 1.0, "swipe")  # type: ignore
        assert ok
        answers += 1
    result = session.result()  # type: ignore[attr-defined]
    types = tuple(result.direction.types)
    equal = bool(getattr(result.direction, "equal", False))
    first = types[:2] if equal else types[:1]
    top = sorted(result.type_scores.values(), reverse=True)
    return Play(first, types, tuple(js.job_id for js in result.jobs if not js.surprise),
                answers, duels, round(top[0], 9) == round(top[1], 9))
