"""Rules that live once in ``kiosk.core``: vocabularies, main domain, deck balance, the duo's
guess card and "because", what plays next, and how figures are written."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.pack.loader import load_pack
from kiosk.core.formatting import mm_ss, one_decimal, percent
from kiosk.game.session import (
    GameCard,
    GameJob,
    GameSession,
    Scorer,
    duo_because,
    game_inputs,
    guess_card,
)
from kiosk.game.scoring import Item
from kiosk.insights.metrics import job_domains
from kiosk.core.taxonomy import (
    DOMAINS,
    CardVia,
    EpisodeVia,
    Shortfall,
    deck_shortfalls,
    episode_via,
    main_domain,
)
from kiosk.visit.viewing import (
    attract_clips,
    ordered_series,
    role_model_episode,
)

BASE = Path(__file__).resolve().parent.parent / "packs" / "base"
SAMPLE = Path(__file__).resolve().parents[2] / "episodes"
# Three equal weights where pack (TOML) order, alphabetical order and DOMAINS order each pick
# a different domain: voertuigen, media and metaal.
TIED = "domains = { voertuigen = 1.0, media = 1.0, metaal = 1.0 }"


def tied_pack(tmp_path: Path) -> Path:
    """The base test pack with its first job's domains in a three-way tie."""
    root = tmp_path / "tied"
    shutil.copytree(BASE, root)
    jobs = root / "jobs.toml"
    text = jobs.read_text(encoding="utf-8")
    first = "domains = { energie = 1.0, installatie = 0.4 }"
    assert first in text
    jobs.write_text(text.replace(first, TIED, 1), encoding="utf-8")
    return root


# -- main domain --------------------------------------------------------------------------------
def test_main_domain_is_the_heaviest_weight() -> None:
    assert main_domain({"energie": 1.0, "installatie": 0.4}) == "energie"
    assert main_domain({"installatie": 0.4, "energie": 1.0}) == "energie"


def test_main_domain_tie_goes_to_the_domain_listed_first_in_domains() -> None:
    assert main_domain({"voertuigen": 1.0, "media": 1.0, "metaal": 1.0}) == "metaal"
    assert DOMAINS.index("metaal") < DOMAINS.index("voertuigen") < DOMAINS.index("media")


def test_main_domain_ignores_zero_weights_and_is_empty_without_any() -> None:
    assert main_domain({"bouw": 0.0, "media": 0.2}) == "media"
    assert main_domain({}) == ""
    assert main_domain({"bouw": 0.0}) == ""


def test_game_and_metrics_agree_on_a_pack_with_ties(tmp_path: Path) -> None:
    pack = load_pack(tied_pack(tmp_path), DEFAULT)
    assert not pack.errors, pack.errors
    job = pack.jobs["elektromonteur"]
    assert list(job.domains) == ["voertuigen", "media", "metaal"]   # TOML order kept
    scorer = Scorer(*game_inputs(pack), DEFAULT.game)
    index = [j.id for j in scorer.jobs].index("elektromonteur")
    assert scorer.main_domain(index) == "metaal"
    assert job_domains(pack.jobs)["elektromonteur"] == "metaal"


# -- deck balance -------------------------------------------------------------------------------
def test_deck_shortfalls_name_each_short_type_and_domain() -> None:
    cards = [GameCard(f"c{i}", t, "bouw") for i, t in enumerate("RRIIAASSEECC")]
    found = deck_shortfalls(cards, min_per_type=2, min_per_domain=1)
    assert found == [Shortfall("domain", m, 0, 1) for m in DOMAINS if m != "bouw"]
    found = deck_shortfalls(cards[1:], min_per_type=2, min_per_domain=0)
    assert found == [Shortfall("type", "R", 1, 2)]


def test_pack_check_and_fairness_report_use_the_same_balance_rule(tmp_path: Path) -> None:
    from tests.game_fairness import deck_problems

    config = Config().with_(deck_min_per_type=5, deck_min_per_domain=1)
    pack = load_pack(BASE, config)
    short = deck_shortfalls(pack.cards, 5, 1)
    assert short, "the base deck has fewer than 5 cards of some type"
    messages = [p.message for p in pack.problems if p.field == "cards" and "hidden" in p.message]
    assert len(messages) == len(short)
    assert len(deck_problems(game_inputs(pack)[0], config)) == len(short)
    for s, message, problem in zip(short, messages, deck_problems(game_inputs(pack)[0], config)):
        assert f"only {s.count} card(s)" in message and f"'{s.key}'" in message
        assert problem.startswith(f"{s.axis} {s.key}: {s.count} cards")


# -- via values ---------------------------------------------------------------------------------
def test_unknown_episode_via_counts_as_a_tile_tap() -> None:
    assert episode_via("autoplay") is EpisodeVia.AUTOPLAY
    assert episode_via("qr-scan") is EpisodeVia.TILE
    assert CardVia.DUEL == "duel"


def test_event_log_accepts_exactly_the_core_via_values() -> None:
    from kiosk.storage.events import EPISODE_VIA, SWIPE_VIA

    for via in EpisodeVia:
        assert EPISODE_VIA(via.value) == via.value
    for via in CardVia:
        assert SWIPE_VIA(via.value) == via.value
    with pytest.raises(ValueError):
        EPISODE_VIA("qr-scan")


# -- duo --------------------------------------------------------------------------------------
CARDS = [GameCard("r1", "R", "bouw"), GameCard("i1", "I", "energie"),
         GameCard("a1", "A", "media"), GameCard("s1", "S", "energie"),
         GameCard("e1", "E", "bouw"), GameCard("c1", "C", "media")]
JOBS = [GameJob("bouwer", dict(zip("RIASEC", (7, 2, 1, 1, 3, 2))), {"bouw": 1.0}),
        GameJob("zorg", dict(zip("RIASEC", (1, 2, 3, 7, 2, 1))), {"energie": 1.0}),
        GameJob("design", dict(zip("RIASEC", (2, 2, 7, 1, 1, 1))), {"media": 1.0}),
        GameJob("kantoor", dict(zip("RIASEC", (1, 3, 1, 1, 4, 7))), {"bouw": 0.5})]


def played(scorer: Scorer, liked: set[str]) -> GameSession:
    session = GameSession(scorer)
    while (card := session.current_card()) is not None:
        session.swipe(card.id, card.id in liked)
    return session


def test_guess_card_is_the_first_card_answered_differently() -> None:
    scorer = Scorer(CARDS, JOBS, Config().with_(game_max_duels=0).game)
    a, b = played(scorer, {"r1", "i1", "a1"}), played(scorer, {"r1", "a1"})
    assert guess_card(a, b) == ("i1", True, False)
    assert guess_card(b, a) == ("i1", False, True)


def test_guess_card_falls_back_to_a_shared_like_then_the_first_card() -> None:
    scorer = Scorer(CARDS, JOBS, Config().with_(game_max_duels=0).game)
    same = {"a1", "s1"}
    assert guess_card(played(scorer, same), played(scorer, same)) == ("a1", True, True)
    assert guess_card(played(scorer, set()), played(scorer, set())) == (a_first(scorer), False,
                                                                           False)


def a_first(scorer: Scorer) -> str:
    return GameSession(scorer).order[0]


def test_duo_because_names_shared_reasons_first_then_alternates() -> None:
    scorer = Scorer(CARDS, JOBS, Config().with_(game_max_duels=0).game)
    a_items = [Item(c, 1 if c.id in {"r1", "e1"} else 0) for c in CARDS]
    b_items = [Item(c, 1 if c.id in {"r1", "c1"} else 0) for c in CARDS]
    own_a, own_b = scorer.because(a_items, 0), scorer.because(b_items, 0)
    merged = duo_because(scorer, a_items, b_items, 0)
    shared = [c for c in own_a if c in own_b]
    assert shared and merged[:len(shared)] == shared
    assert set(merged) <= set(own_a) | set(own_b)
    assert len(merged) == len(set(merged)) <= 3
    rest = [c for c in merged if c not in shared]
    assert rest[:1] == [next(c for c in own_a if c not in shared)]


# -- viewing ------------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def sample():
    return load_pack(SAMPLE, DEFAULT)


def test_role_model_episode_prefers_a_students_episode(sample) -> None:
    for job_id in sample.jobs:
        episode = role_model_episode(sample, job_id)
        shows = [e for e in sample.episodes.values() if job_id in e.jobs]
        if not shows:
            assert episode == ""
            continue
        assert job_id in sample.episodes[episode].jobs
        if any("students" in e.audience for e in shows):
            assert "students" in sample.episodes[episode].audience
    assert role_model_episode(sample, "no-such-job") == ""


def test_ordered_series_puts_the_featured_series_first(sample) -> None:
    featured = [sample.series[-1].id]
    assert ordered_series(sample, featured)[0].id == featured[0]
    assert [s.id for s in ordered_series(sample, [])] == [s.id for s in sample.series]


def test_attract_clips_are_featured_students_episodes_else_all_students(sample) -> None:
    featured = sample.series[0].id
    clips = attract_clips(sample, [featured])
    assert clips and all(e.series_id == featured and "students" in e.audience for e in clips)
    everyone = attract_clips(sample, ["no-such-series"])
    assert everyone == [e for e in sample.episodes.values() if "students" in e.audience]


# -- formatting ---------------------------------------------------------------------------------
def test_figures_are_written_one_way() -> None:
    assert percent(0.425) == "42 %" and percent(0.426, space=False) == "43%"
    assert percent(None) == "–" and percent(None, missing="-") == "-"
    assert mm_ss(14) == "0:14" and mm_ss(105.4) == "1:45" and mm_ss(4500) == "75:00"
    assert mm_ss(None, missing="-") == "-"
    assert one_decimal(2.46) == "2,5" and one_decimal(None) == "–"

