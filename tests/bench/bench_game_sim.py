"""How far a swipe-game result can be trusted: simulated students play twice (docs/game.md).

Run: ``python tests/bench/bench_game_sim.py [--students 2000] [--seed 2026]
[--retest 0.74 0.66] [--pack episodes]`` (not part of the test run; seconds to a minute).

Each simulated student (``tests/game_sim.py``: hexagon-correlated RIASEC interests, a taste per
work domain, a general liking, logistic answer noise calibrated so a card gets the same answer
twice ``retest`` of the time) plays the game twice through ``kiosk.game``'s own session contract.
Printed per noise level:

- retest: the same first letter, the same two-letter direction (as a set), the same #1 job,
  at least two of the three jobs again;
- truth: the first letter is the student's true strongest type (a first shown as two equal
  letters counts half for each), the two letters are the true top two;
- order bias: per type, how often it is shown first against how often it truly is strongest
  (target 0.7–1.35×), and how often the first letter was a tie in the scores;
- job fit per true strongest type: the share of shown jobs whose code (the up to three
  highest-rated letters rated ≥ 4) holds that type, and the mean correlation of the true
  interests with the profile of the first job;
- answers per play (median, max) and a play's time at 2.5 s per answer (2–3 s) plus 15 s of
  intro and result.
The targets of the issue are checked and printed as met / NOT met.
"""
from __future__ import annotations

import argparse
import math
import random
import statistics
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.core.taxonomy import TYPES
from kiosk.game import Game
from tests.game_sim import Play, calibrate, make_student, play

SECONDS_PER_ANSWER = 2.5
INTRO_AND_RESULT_S = 15.0


def job_code(riasec: dict[str, float]) -> str:
    """The job's high-point code: up to three highest-rated letters, each rated ≥ 4 (a tie
    for third place keeps every tied letter)."""
    return "".join(t for t in TYPES if riasec[t] >= 4
                   and sum(riasec[u] > riasec[t] for u in TYPES) < 3)


def pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = math.sqrt(sum((a - mx) ** 2 for a in x))
    sy = math.sqrt(sum((b - my) ** 2 for b in y))
    return sxy / (sx * sy) if sx > 0 and sy > 0 else 0.0


def run_level(game: Game, pack, retest: float, students: int, seed: int) -> dict[str, float]:
    cells = [(c.type, c.domain) for c in game.scorer.cards]
    responder = calibrate(retest, cells, seed=seed + 1)
    srng, arng = random.Random(seed), random.Random(seed + 7)
    codes = {j.id: job_code(dict(j.riasec)) for j in pack.jobs.values()}
    profiles = {j.id: [float(j.riasec[t]) for t in TYPES] for j in pack.jobs.values()}
    same_first = same_dir = same_job1 = two_of_three = 0
    truth_first = truth_dir = 0.0
    shown_first: Counter[str] = Counter()
    truly_first: Counter[str] = Counter()
    fit_hits: dict[str, list[float]] = defaultdict(list)
    fit_r: dict[str, list[float]] = defaultdict(list)
    answers: list[int] = []
    duels = ties = equal_shown = 0
    started = time.perf_counter()
    for _ in range(students):
        st = make_student(srng)
        plays: list[Play] = [play(game.new_session, st, responder, arng) for _ in range(2)]
        one, two = plays
        same_first += set(one.first) == set(two.first)
        same_dir += set(one.direction[:2]) == set(two.direction[:2])
        same_job1 += one.jobs[:1] == two.jobs[:1]
        two_of_three += len(set(one.jobs[:3]) & set(two.jobs[:3])) >= 2
        strongest = st.strongest
        truly_first[strongest] += 1
        truth_first += (strongest in one.first) / len(one.first)
        truth_dir += set(one.direction[:2]) == set(st.top(2))
        for t in one.first:
            shown_first[t] += 1 / len(one.first)
        fit_hits[strongest] += [strongest in codes[j] for j in one.jobs[:3]]
        fit_r[strongest].append(pearson(list(st.theta), profiles[one.jobs[0]]))
        answers += [p.answers for p in plays]
        duels += sum(p.duels for p in plays)
        ties += sum(p.tie for p in plays)
        equal_shown += sum(len(p.first) > 1 for p in plays)
    elapsed = time.perf_counter() - started
    n = students
    print(f"\n== card retest {retest:.2f} (a = {responder.a:.3f}), {n} students × 2 plays, "
          f"seed {seed}, {elapsed:.1f} s ==")
    out = {
        "first letter again": same_first / n,
        "two-letter direction again (set)": same_dir / n,
        "#1 job again": same_job1 / n,
        "two of three jobs again": two_of_three / n,
        "first letter = true strongest": truth_first / n,
        "two letters = true top two (set)": truth_dir / n,
    }
    for name, value in out.items():
        print(f"  {name:<36} {value:6.1%}")
    print("  shown first / truly strongest per type:")
    ratios = {}
    for t in TYPES:
        ratios[t] = shown_first[t] / truly_first[t] if truly_first[t] else float("nan")
        print(f"    {t}: shown {shown_first[t] / n:5.1%}  true {truly_first[t] / n:5.1%}  "
              f"ratio {ratios[t]:.2f}")
    print(f"  first letter a tie in the scores: {ties / (2 * n):.1%} of plays; shown as two "
          f"equal letters: {equal_shown / (2 * n):.1%}")
    print("  job fit per true strongest type (shown jobs whose code holds it; r of job #1):")
    for t in TYPES:
        hits = fit_hits[t]
        print(f"    {t}: {sum(hits) / len(hits) if hits else 0:5.1%} of jobs, "
              f"r = {statistics.mean(fit_r[t]) if fit_r[t] else 0:+.2f}  ({len(fit_r[t])})")
    med, most = statistics.median(answers), max(answers)
    full_s = most * SECONDS_PER_ANSWER + INTRO_AND_RESULT_S
    print(f"  answers per play: median {med:.0f}, max {most}; duels per play "
          f"{duels / (2 * n):.2f}; longest play ≈ {full_s:.0f} s "
          f"({most} × {SECONDS_PER_ANSWER} s + {INTRO_AND_RESULT_S:.0f} s), "
          f"median ≈ {med * SECONDS_PER_ANSWER + INTRO_AND_RESULT_S:.0f} s")
    sei = [h for t in ("S", "E", "I") for h in fit_hits[t]]
    out.update({"ratio min": min(ratios.values()), "ratio max": max(ratios.values()),
                "S/E/I job fit": sum(sei) / len(sei) if sei else 0.0,
                "answers max": float(most), "answers median": float(med),
                "longest play s": full_s})
    for t in ("S", "E", "I"):
        hits = fit_hits[t]
        out[f"{t} job fit"] = sum(hits) / len(hits) if hits else 0.0
    return out


TARGETS = [  # (figure, lowest, highest)
    ("first letter again", 0.70, 1.0),
    ("first letter = true strongest", 0.65, 1.0),
    ("two of three jobs again", 0.50, 1.0),
    ("ratio min", 0.70, math.inf),
    ("ratio max", 0.0, 1.35),
    ("S job fit", 0.50, 1.0),
    ("E job fit", 0.50, 1.0),
    ("I job fit", 0.50, 1.0),
    ("answers max", 0, 32),
    ("longest play s", 0, 120),
]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--students", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=2026)
    parser.add_argument("--retest", type=float, nargs="+", default=[0.74, 0.66])
    parser.add_argument("--pack", type=Path, default=Path(__file__).resolve().parents[2]
                        / "episodes")
    args = parser.parse_args()
    pack = load_pack(args.pack, DEFAULT)
    game = Game.from_pack(pack, DEFAULT.game)
    print(f"pack {args.pack}: {len(game.scorer.cards)} cards, {len(game.scorer.jobs)} jobs")
    for i, level in enumerate(args.retest):
        figures = run_level(game, pack, level, args.students, args.seed)
        if i == 0:
            print("  targets at this level:")
            for name, lo, hi in TARGETS:
                value = figures[name]
                print(f"    {name:<32} {value:8.3f}  {'met' if lo <= value <= hi else 'NOT met'}")


if __name__ == "__main__":
    main()
