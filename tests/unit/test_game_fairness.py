"""Fairness of the real deck and jobs (docs/game.md): balance, single-type players, simulated players.

Run with ``-s`` to print the figures for the note. ``real_scorer()`` is shared with the
property tests and ``tests/bench/bench_game.py``.
"""
from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.core.taxonomy import job_code
from kiosk.game import scoring as game_scoring
from kiosk.game.session import Scorer, game_inputs
from tests import game_fairness
from tests.game_fairness import (
    LEANINGS, deck_counts, deck_problems, fairness_report, simulate, single_type_results,
)

PACK = Path(__file__).resolve().parents[2] / "episodes"
# A "technical job" here is any job in the pack (all 31 are); kept explicit for the reader.
SIM_PLAYERS = 200
MIN_DOMAIN_SHARE = 0.05   # a domain "is covered" when ≥ 5 % of shown jobs come from it
MAX_DOMAIN_SHARE = 0.40   # and no domain may take more than 40 % of a group's results


def real_scorer() -> Scorer:
    """A Scorer over the sample pack's real cards and jobs, loaded by the real loader."""
    cards, jobs = game_inputs(load_pack(PACK, DEFAULT))
    return Scorer(cards, jobs, DEFAULT.game)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return real_scorer()


def test_game_files_load_without_problems() -> None:
    pack = load_pack(PACK, DEFAULT)
    mine = [str(p) for p in pack.problems if p.file in ("jobs.toml", "cards.toml")]
    assert mine == [] and pack.deck_ok
    assert len(pack.jobs) == 38 and len(pack.cards) == 48


def test_deck_is_balanced(scorer: Scorer) -> None:
    types, domains = deck_counts(scorer.cards)
    assert deck_problems(scorer.cards) == []
    # docs/game.md: 8 per type (the adaptive game can ask a contender type 6–8 times), each
    # domain 6–8 times.
    assert set(types.values()) == {8}
    assert all(6 <= n <= 8 for n in domains.values()), domains
    # Each type's cards sit in every domain, so no type is one domain's voice.
    for t in "RIASEC":
        assert len({c.domain for c in scorer.cards if c.type == t}) == 7, t


def test_deck_problems_names_what_is_short(scorer: Scorer) -> None:
    # Without the S cards and the water cards: type S and domain maritiem are empty; every
    # other type keeps at least 7 of its 8 (one card per type or fewer is a maritiem card).
    short = [c for c in scorer.cards if c.type != "S" and c.domain != "maritiem"]
    assert deck_problems(short) == [
        "type S: 0 cards (expected ≥ 4)",
        "domain maritiem: 0 cards (expected ≥ 3)",
    ]


def test_every_single_type_player_gets_technical_jobs_with_reasons(scorer: Scorer) -> None:
    for t, result in single_type_results(scorer).items():
        print(f"\nonly {t}: " + ", ".join(f"{js.job_id} {js.score:.2f} because {js.because}"
                                         for js in result.jobs))
        assert len({js.job_id for js in result.jobs}) >= 3
        assert all(js.score > 0 for js in result.jobs)
        # Stronger than "score > 0": each top job names a card this player liked, and the best
        # job's interest fit is positive (the S- and E-players are not told "nothing fits").
        assert all(js.because for js in result.jobs[:3]), t
        assert result.jobs[0].r > 0, (t, [js.r for js in result.jobs])
        assert result.direction.types[0] == t


@pytest.mark.parametrize("t", ["S", "E", "I"])
def test_helping_leading_and_investigating_players_get_jobs_that_carry_their_type(
        scorer: Scorer, t: str) -> None:
    # The jobs shown to a player who likes only t's cards: most carry t in their high-point
    # code (the up to three highest-rated types), the first one is led by it.
    result = single_type_results(scorer)[t]
    codes = {job.id: job_code(job.riasec) for job in scorer.jobs}
    top = [js.job_id for js in result.jobs if not js.surprise]
    assert sum(t in codes[j] for j in top) >= 2, [(j, codes[j]) for j in top]
    assert codes[top[0]].startswith(t), (top[0], codes[top[0]])


def test_the_sample_pack_gets_no_advice_from_kiosk_check() -> None:
    from kiosk.pack.check import collect
    _pack, problems, fatal = collect(PACK, DEFAULT)
    assert fatal == "" and [str(p) for p in problems if p.file in ("jobs.toml", "cards.toml")] == []


@pytest.mark.parametrize("group", list(LEANINGS))
def test_simulated_players_see_many_domains(scorer: Scorer, group: str) -> None:
    sim = simulate(scorer, LEANINGS[group], players=SIM_PLAYERS, seed=7, group=group)
    print("\n" + sim.line())
    assert len(sim.domains_covered(MIN_DOMAIN_SHARE)) >= 4, sim.shares
    assert max(sim.shares.values()) <= MAX_DOMAIN_SHARE, sim.shares
    assert sum(sim.shares.values()) == pytest.approx(1.0)


def test_simulation_is_seeded(scorer: Scorer) -> None:
    one = simulate(scorer, ("S", "E"), players=20, seed=3)
    assert one == simulate(scorer, ("S", "E"), players=20, seed=3)


def test_no_gender_field_anywhere(scorer: Scorer) -> None:
    words = ("gender", "geslacht", "sex", "boy", "girl", "jongen", "meisje")
    for cls in (game_scoring.GameCard, game_scoring.GameJob, game_scoring.JobScore,
                game_scoring.GameResult, game_scoring.Direction, game_fairness.Simulation):
        names = {f.name.lower() for f in dataclasses.fields(cls)}
        assert not any(w in n for n in names for w in words), cls
    for name in ("jobs.toml", "cards.toml"):
        text = (PACK / name).read_text(encoding="utf-8").lower()
        assert "gender" not in text and "geslacht" not in text, name


# Dutch job nouns end like this (monteur, technicus, …): none may appear on a card.
JOB_NOUN_ENDINGS = ("monteur", "technicus", "maker", "developer", "operator", "beheerder",
                    "tekenaar", "vormgever", "kundige", "matroos", "schipper", "lasser", "man",
                    "metselaar", "schilder", "dekker", "stukadoor", "zetter", "spuiter",
                    "programmeur", "hersteller", "verspaner")


def test_cards_show_activities_not_job_titles() -> None:
    pack = load_pack(PACK, DEFAULT)
    for card in pack.cards:
        text = card.text.nl.lower()
        for job in pack.jobs.values():
            for part in job.title.nl.lower().split("/"):
                assert part.split("(")[0].strip() not in text, (card.id, part)
        nouns = [w for w in text.split() if w.endswith(JOB_NOUN_ENDINGS)]
        assert nouns == [], (card.id, nouns)
        # Cards talk about the activity, never about "he" or "she" doing it.
        assert not {"hij", "zij", "ze"} & set(text.split()), card.id
        assert card.text.en, card.id


def test_print_fairness_report(scorer: Scorer) -> None:
    lines = fairness_report(scorer, players=SIM_PLAYERS, seed=7)
    print("\n" + "\n".join(lines))
    assert len(lines) == 2 + 6 + len(LEANINGS)
