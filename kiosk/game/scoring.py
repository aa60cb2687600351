"""Scoring for the swipe game (docs/game.md), pure Python and no Qt.

One answer is an *item*: a card with x in [0, 1] (1 = liked, 0 = not, ½ = "een beetje"). A swipe
is one item; a duel is two items, x = 1 for the chosen card and x = 0 for the other.

    p̄    = mean x over all items (the player's general liking; ½ before any answer)
    s_k  = (Σ x over type k + w·p̄) / (n_k + w)   (w = config.game_prior_weight: a type with few
                                                 answers is pulled toward the player's own mean,
                                                 so 2 of 2 is not "more" than 7 of 8)
    a_m  = the same per domain m
    r_j  = Pearson(s, o_j)                          (0 when s or o_j has zero variance)
    f_j  = Σ_m d_jm·a_m / Σ_m d_jm
    score_j = α·(r_j + 1)/2 + (1 − α)·f_j

Scores are compared rounded to ``TIE_DIGITS`` decimals and ties go to the job listed first in the
pack, so float noise never reorders equal jobs. Jobs whose score lies within the measurement noise
of the best one (a jackknife over the answers) are marked ``equal``: the screen shows them as
equally good matches, not as #1/#2/#3. Means come from sums, so the result does not depend on
the order of the answers.
"""
from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass

from kiosk.config import GameConfig
from kiosk.core.taxonomy import DOMAINS, TYPES, main_domain

TIE_DIGITS = 9            # scores equal to 9 decimals are a tie (broken by pack order)
BECAUSE_MIN = 2           # "omdat je … leuk vond": the 2–3 liked cards that contributed most
BECAUSE_MAX = 3
DIRECTION_TYPES = 2       # "jouw richting" names two types …
DIRECTION_DOMAINS = 2     # … and up to two domains
MIN_RESULT_JOBS = 3       # always at least 3 jobs, never "no match"
# The spread of one answer (x in [0, 1]) is p̄(1 − p̄) at most ¼; kept at least this so a player
# who likes (nearly) everything still has an honest uncertainty on every type.
MIN_ANSWER_VARIANCE = 0.1
LIKED = 0.5               # an answer of at least "een beetje" counts as liked (the reasons)


@dataclass(frozen=True)
class GameCard:
    """A deck card as the game sees it (text and picture stay in the pack)."""

    id: str
    type: str
    domain: str


@dataclass(frozen=True)
class GameJob:
    """A job as the game sees it: interest profile o_j (1–7) and domain weights d_jm (0–1)."""

    id: str
    riasec: Mapping[str, float]
    domains: Mapping[str, float]


@dataclass(frozen=True)
class Item:
    """One scored answer: a card and x (1 = liked/chosen, ½ = a bit, 0 = not)."""

    card: GameCard
    x: float


@dataclass(frozen=True)
class JobScore:
    """A job's score and its parts; ``because`` holds card ids ("omdat je … leuk vond")."""

    job_id: str
    r: float
    f: float
    score: float
    index: int                      # position in the pack (the tie-break)
    because: tuple[str, ...] = ()
    surprise: bool = False
    equal: bool = False             # within measurement noise of the best job (shown as equal)


@dataclass(frozen=True)
class Direction:
    """The player's "richting": top types and top domains (never shown as a "type").

    ``equal``: the first two types scored exactly the same and the game could not ask more, so
    they are shown as two equal letters (their order in ``types`` means nothing then)."""

    types: tuple[str, ...]
    domains: tuple[str, ...]
    equal: bool = False

    @property
    def code(self) -> str:
        """The types as one short code, e.g. ``"RS"`` (for links and events)."""
        return "".join(self.types)


@dataclass(frozen=True)
class GameResult:
    """What the result screen shows, plus the full ranking (duo mode uses it)."""

    jobs: tuple[JobScore, ...]          # top N, then the "verrassing" (surprise=True)
    direction: Direction
    type_scores: Mapping[str, float]
    domain_scores: Mapping[str, float]
    ranking: tuple[JobScore, ...]       # every job, best first (``because`` left empty)
    liked: tuple[str, ...]              # card ids liked or chosen in a duel, in pack order


@dataclass(frozen=True)
class Profile:
    """s (per type) and a (per domain), in TYPES and DOMAINS order, with the answer counts."""

    s: tuple[float, ...]
    a: tuple[float, ...]
    n: tuple[int, ...] = ()        # answers per type
    mean: float = 0.5              # p̄, the player's general liking
    dn: tuple[int, ...] = ()       # answers per domain

    def se(self, k: int, prior: float) -> float:
        """The standard error of s_k: the answer spread over (n_k + w)."""
        var = max(MIN_ANSWER_VARIANCE, self.mean * (1.0 - self.mean))
        return math.sqrt(var / (self.n[k] + prior)) if self.n[k] + prior > 0 else 1.0


def profile_of(items: Iterable[Item], prior: float = 0.0) -> Profile:
    """Type and domain means pulled toward the player's mean by ``prior`` answers' weight
    (order-independent by construction). A type or domain with no answers gets p̄."""
    t_sum, t_n = [0.0] * len(TYPES), [0] * len(TYPES)
    d_sum, d_n = [0.0] * len(DOMAINS), [0] * len(DOMAINS)
    total, count = 0.0, 0
    for item in items:
        k, m = TYPES.index(item.card.type), DOMAINS.index(item.card.domain)
        t_sum[k] += item.x
        t_n[k] += 1
        d_sum[m] += item.x
        d_n[m] += 1
        total += item.x
        count += 1
    mean = total / count if count else 0.5

    def shrunk(x: float, n: int) -> float:
        return (x + prior * mean) / (n + prior) if n + prior > 0 else mean

    return Profile(tuple(shrunk(t, n) for t, n in zip(t_sum, t_n)),
                   tuple(shrunk(t, n) for t, n in zip(d_sum, d_n)), tuple(t_n), mean, tuple(d_n))


def population_sd(values: Sequence[float]) -> float:
    """Standard deviation over the values themselves (docs/game.md's flat-profile test)."""
    mean = sum(values) / len(values)
    return math.sqrt(sum((v - mean) ** 2 for v in values) / len(values))


def validate_inputs(cards: Sequence[GameCard], jobs: Sequence[GameJob]) -> None:
    """Raise ValueError naming the card/job and field when an input cannot be scored."""
    seen: set[str] = set()
    for card in cards:
        if card.id in seen:
            raise ValueError(f"card '{card.id}': id used twice")
        seen.add(card.id)
        if card.type not in TYPES:
            raise ValueError(f"card '{card.id}': type '{card.type}' (expected one of {TYPES})")
        if card.domain not in DOMAINS:
            raise ValueError(f"card '{card.id}': domain '{card.domain}' "
                             f"(expected one of {DOMAINS})")
    job_ids: set[str] = set()
    for job in jobs:
        if job.id in job_ids:
            raise ValueError(f"job '{job.id}': id used twice")
        job_ids.add(job.id)
        if set(job.riasec) != set(TYPES):
            raise ValueError(f"job '{job.id}': riasec needs exactly the keys {TYPES}")
        if any(m not in DOMAINS for m in job.domains):
            raise ValueError(f"job '{job.id}': domains must be among {DOMAINS}")
        if any(w < 0 for w in job.domains.values()) or sum(job.domains.values()) <= 0:
            raise ValueError(f"job '{job.id}': domains need weights ≥ 0 with a sum > 0")
    if len(jobs) < MIN_RESULT_JOBS:
        raise ValueError(f"the game needs at least {MIN_RESULT_JOBS} jobs, got {len(jobs)}")


class Scorer:
    """Scores every job for a profile; job vectors are precomputed once per pack."""

    def __init__(self, cards: Sequence[GameCard], jobs: Sequence[GameJob],
                 config: GameConfig) -> None:
        validate_inputs(cards, jobs)
        self.cards: tuple[GameCard, ...] = tuple(cards)
        self.jobs: tuple[GameJob, ...] = tuple(jobs)
        self.config = config
        self.prior = config.game_prior_weight
        self._card_index = {c.id: i for i, c in enumerate(self.cards)}
        # Pearson against a centred job vector: r = Σ c_k (s_k − s̄) / (|c| · |s − s̄|).
        # Storing c/|c| (or None for a flat job) leaves one dot product per job.
        self._unit: list[tuple[float, ...] | None] = []
        self._weights: list[tuple[tuple[int, float], ...]] = []
        self._main: list[str] = []
        for job in self.jobs:
            o = [float(job.riasec[t]) for t in TYPES]
            mean = sum(o) / len(o)
            centred = [v - mean for v in o]
            norm = math.sqrt(sum(v * v for v in centred))
            self._unit.append(tuple(v / norm for v in centred) if norm > 1e-12 else None)
            total = sum(job.domains.values())
            self._weights.append(tuple((DOMAINS.index(m), w / total)
                                       for m, w in job.domains.items() if w > 0))
            self._main.append(main_domain(job.domains))

    def card(self, card_id: str) -> GameCard:
        """The card with this id (KeyError when unknown)."""
        return self.cards[self._card_index[card_id]]

    def main_domain(self, job_index: int) -> str:
        """The domain with the heaviest weight for this job."""
        return self._main[job_index]

    def _unit_profile(self, profile: Profile) -> tuple[float, ...] | None:
        """(s − s̄)/|s − s̄|, or None when every type scores the same (then r = 0)."""
        mean = sum(profile.s) / len(profile.s)
        d = [v - mean for v in profile.s]
        norm = math.sqrt(sum(v * v for v in d))
        return None if norm <= 1e-12 else tuple(v / norm for v in d)

    def _score(self, j: int, d: tuple[float, ...] | None, a: tuple[float, ...]
               ) -> tuple[float, float, float]:
        unit = self._unit[j]
        if d is None or unit is None:
            r = 0.0
        else:
            r = (unit[0] * d[0] + unit[1] * d[1] + unit[2] * d[2]
                 + unit[3] * d[3] + unit[4] * d[4] + unit[5] * d[5])
            r = -1.0 if r < -1.0 else 1.0 if r > 1.0 else r   # float noise past ±1
        f = 0.0
        for m, w in self._weights[j]:
            f += w * a[m]
        f = 1.0 if f > 1.0 else f   # float noise past 1 (the weights sum to 1)
        alpha = self.config.game_alpha
        return r, f, alpha * (r + 1.0) / 2.0 + (1.0 - alpha) * f

    def score_all(self, profile: Profile) -> list[tuple[float, float, float]]:
        """(r_j, f_j, score_j) for every job, in pack order."""
        d, a = self._unit_profile(profile), profile.a
        return [self._score(j, d, a) for j in range(len(self.jobs))]

    def score_one(self, profile: Profile, job_index: int) -> tuple[float, float, float]:
        """(r, f, score) for one job."""
        return self._score(job_index, self._unit_profile(profile), profile.a)

    def ranked(self, profile: Profile) -> list[JobScore]:
        """Every job, best first; ties to the job listed first in the pack."""
        scores = [JobScore(job.id, r, f, score, i)
                  for i, (job, (r, f, score)) in enumerate(zip(self.jobs, self.score_all(profile)))]
        scores.sort(key=lambda js: (-round(js.score, TIE_DIGITS), js.index))
        return scores

    def because(self, items: Sequence[Item], job_index: int) -> tuple[str, ...]:
        """The liked cards that raised this job's score most (BECAUSE_MIN–BECAUSE_MAX of them).

        A card's contribution is the score it gave: score now minus the score with that one
        answer turned into a "no"; cards that raised the score are named first. Pearson ignores
        scale, so when a player liked only one type a single like may not move r at all; then
        the list is filled up to BECAUSE_MIN with liked cards of types this job rates above its
        own average (highest first), which is still a true "because".
        """
        base = self.score_one(profile_of(items, self.prior), job_index)[2]
        gains: dict[str, float] = {}
        for pos, item in enumerate(items):
            if item.x < LIKED:
                continue
            without = [it if i != pos else Item(it.card, 0) for i, it in enumerate(items)]
            gain = base - self.score_one(profile_of(without, self.prior), job_index)[2]
            if gain > 10.0 ** -TIE_DIGITS:
                gains[item.card.id] = max(gain, gains.get(item.card.id, 0.0))
        best = sorted(gains, key=lambda cid: (-round(gains[cid], TIE_DIGITS),
                                              self._card_index[cid]))[:BECAUSE_MAX]
        unit = self._unit[job_index]
        if len(best) < BECAUSE_MIN and unit is not None:
            fits = sorted({it.card.id for it in items
                           if it.x >= LIKED and unit[TYPES.index(it.card.type)] > 0} - set(best),
                          key=lambda cid: (-unit[TYPES.index(self.card(cid).type)],
                                           self._card_index[cid]))
            best += fits[:BECAUSE_MIN - len(best)]
        return tuple(best)

    def equal_to_best(self, items: Sequence[Item], ranking: Sequence[JobScore],
                      n_top: int) -> list[bool]:
        """For the first ``n_top`` jobs of ``ranking``: is its score within measurement noise of
        the best? The noise of a score gap is its jackknife standard error over the answers
        (leave one answer out at a time); "within" is gap ≤ config.game_equal_z · se. The best
        job is equal when any other is."""
        top = list(ranking[:n_top])
        n = len(items)
        if n < 2 or len(top) < 2:
            return [False] * len(top)
        gaps: list[list[float]] = [[] for _ in top]
        for pos in range(n):
            profile = profile_of([it for i, it in enumerate(items) if i != pos], self.prior)
            d, a = self._unit_profile(profile), profile.a
            best = self._score(top[0].index, d, a)[2]
            for t, js in enumerate(top):
                gaps[t].append(best - self._score(js.index, d, a)[2])
        flags = [False]
        for t in range(1, len(top)):
            mean = sum(gaps[t]) / n
            se = math.sqrt((n - 1) / n * sum((g - mean) ** 2 for g in gaps[t]))
            gap = top[0].score - top[t].score
            flags.append(round(gap, TIE_DIGITS) <= round(self.config.game_equal_z * se,
                                                         TIE_DIGITS))
        # A job between the best and an equal one is equal too (its gap is smaller): the
        # screen then shows one group of equals and the rest ranked, never "=, #2, =".
        for t in range(len(flags) - 2, 0, -1):
            flags[t] = flags[t] or flags[t + 1]
        flags[0] = any(flags[1:])
        return flags

    def result(self, items: Sequence[Item]) -> GameResult:
        """Top N jobs + one "verrassing", each with its reasons, and the player's direction."""
        profile = profile_of(items, self.prior)
        ranking = self.ranked(profile)
        n_top = max(MIN_RESULT_JOBS, self.config.game_result_jobs)
        top = ranking[:n_top]
        shown_domains = {self._main[js.index] for js in top}
        rest = ranking[n_top:]
        surprise = next((js for js in rest if self._main[js.index] not in shown_domains),
                        rest[0] if rest else None)
        equal = self.equal_to_best(items, ranking, n_top)
        picked = [(js, False, eq) for js, eq in zip(top, equal)]
        picked += [(surprise, True, False)] if surprise else []
        jobs = tuple(JobScore(js.job_id, js.r, js.f, js.score, js.index,
                              self.because(items, js.index), is_surprise, eq)
                     for js, is_surprise, eq in picked)
        liked = sorted({it.card.id for it in items if it.x >= LIKED},
                       key=self._card_index.__getitem__)
        return GameResult(jobs=jobs, direction=direction_of(profile),
                          type_scores=dict(zip(TYPES, profile.s)),
                          domain_scores=dict(zip(DOMAINS, profile.a)),
                          ranking=tuple(ranking), liked=tuple(liked))


def direction_of(profile: Profile) -> Direction:
    """Top two types by s_k and up to two answered domains with a_m > 0. Two types with the
    very same score are marked ``equal`` (their order then is only the hexagon's, and the
    screen shows them as equal); domains tie to the earlier one."""
    types = sorted(range(len(TYPES)), key=lambda k: (-round(profile.s[k], TIE_DIGITS), k))
    answered = profile.dn or (1,) * len(DOMAINS)
    domains = sorted((m for m in range(len(DOMAINS)) if profile.a[m] > 0 and answered[m]),
                     key=lambda m: (-round(profile.a[m], TIE_DIGITS), m))
    equal = round(profile.s[types[0]], TIE_DIGITS) == round(profile.s[types[1]], TIE_DIGITS)
    return Direction(tuple(TYPES[k] for k in types[:DIRECTION_TYPES]),
                     tuple(DOMAINS[m] for m in domains[:DIRECTION_DOMAINS]), equal)
