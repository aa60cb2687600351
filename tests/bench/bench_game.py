"""Swipe game benchmark (core side, no Qt): per swipe, scoring the pack's and 1,000 jobs, a run.

Run: ``python tests/bench/bench_game.py [--rounds N] [--fairness]`` (not part of the test run;
figures go into the game note). Aims: per swipe < 5 ms, scoring 1,000 jobs < 10 ms.
"""
from __future__ import annotations

import argparse
import random
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.game.session import DOMAINS, TYPES, GameJob, GameSession, Scorer
from tests.game_fairness import fairness_report
from kiosk.game.scoring import profile_of, Item
from tests.unit.test_game_fairness import real_scorer


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    """Wall times of ``rounds`` calls, in milliseconds."""
    out = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, ms: list[float]) -> None:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    print(f"{name:<44} median {statistics.median(ms):8.4f} ms   p95 {p95:8.4f} ms   "
          f"max {ms[-1]:8.4f} ms   (n={len(ms)})")


def synthetic_jobs(n: int, seed: int = 1) -> list[GameJob]:
    """n random jobs: riasec 1–7, one to three domains."""
    rng = random.Random(seed)
    return [GameJob(f"job{i}", {t: rng.randint(1, 7) for t in TYPES},
                    {m: rng.uniform(0.1, 1.0) for m in rng.sample(DOMAINS, rng.randint(1, 3))})
            for i in range(n)]


def bench_swipes(scorer: Scorer, rounds: int) -> list[float]:
    """Per swipe: the core's work from release to the next card ready (swipe + next card +
    progress for the bar)."""
    rng = random.Random(2)
    times: list[float] = []
    for _ in range(rounds):
        session = GameSession(scorer)
        while (card := session.current_card()) is not None:
            liked = rng.random() < 0.5
            start = time.perf_counter()
            session.swipe(card.id, liked, "swipe")
            session.current_card()
            _ = session.progress
            times.append((time.perf_counter() - start) * 1000)
    return times


def full_run(scorer: Scorer, likes: dict[str, bool]) -> None:
    """A scripted run through to the result (duels picked left when they come)."""
    session = GameSession(scorer)
    while not session.finished:
        if (duel := session.current_duel()) is not None:
            session.choose(duel.left.id)
        else:
            card = session.current_card()
            assert card is not None
            session.swipe(card.id, likes[card.id], "button")
    session.result()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--fairness", action="store_true", help="also print the fairness report")
    args = parser.parse_args()

    scorer = real_scorer()
    rng = random.Random(3)
    items = [Item(c, int(rng.random() < 0.5)) for c in scorer.cards]
    profile = profile_of(items)
    print(f"deck {len(scorer.cards)} cards, {len(scorer.jobs)} jobs; rounds {args.rounds}")

    report("swipe → next card ready (core)", bench_swipes(scorer, max(1, args.rounds // 4)))
    report("score + rank the pack's jobs", timed(lambda: scorer.ranked(profile), args.rounds))
    report("result() for the pack's jobs (+ 'omdat je')", timed(lambda: scorer.result(items),
                                                              args.rounds))
    big = Scorer(scorer.cards, synthetic_jobs(1000), scorer.config.game)
    report("score 1,000 synthetic jobs (score_all)", timed(lambda: big.score_all(profile),
                                                           args.rounds))
    report("score + rank 1,000 synthetic jobs", timed(lambda: big.ranked(profile), args.rounds))
    report("result() for 1,000 synthetic jobs", timed(lambda: big.result(items), args.rounds))
    report("precompute 1,000 job vectors (Scorer())",
           timed(lambda: Scorer(scorer.cards, big.jobs, scorer.config.game), max(1, args.rounds // 10)))
    mixed = {c.id: rng.random() < 0.5 for c in scorer.cards}
    flat = {c.id: True for c in scorer.cards}
    report("full scripted run → result", timed(lambda: full_run(scorer, mixed), args.rounds))
    report("full run, all liked (cards + duels)", timed(lambda: full_run(scorer, flat),
                                                        args.rounds))
    if args.fairness:
        print("\n".join(fairness_report(scorer)))


if __name__ == "__main__":
    main()
