"""Cross references and deck balance of a loaded pack (no Qt).

A reference to an id that does not exist is an error; it is dropped from its list so that
everything a consumer reads from a ``Pack`` points at something that is there.
"""
from __future__ import annotations

import difflib
from collections import Counter
from collections.abc import Collection, Iterable, Mapping

from kiosk.config import Config
from kiosk.pack.models import Pack, Problem
from kiosk.core.taxonomy import TYPES, deck_counts, deck_shortfalls, job_code, main_domain

Origins = dict[tuple[str, str], tuple[str, str]]


def did_you_mean(word: str, choices: Iterable[str], cutoff: float) -> str:
    """ "; did you mean 'x'?" for the closest choice (difflib), or "" when none is close."""
    close = difflib.get_close_matches(word, list(choices), n=1, cutoff=cutoff)
    return f"; bedoel je / did you mean '{close[0]}'?" if close else ""


class _Refs:
    """Checks references of one pack: drops dangling ones, with one clear line each."""

    def __init__(self, out: list[Problem], broken: set[str], skipped: set[tuple[str, str]],
                 unparsed: dict[tuple[str, str], str], suppressed: Counter[str],
                 config: Config) -> None:
        self.out, self.broken, self.skipped = out, broken, skipped
        self.unparsed, self.suppressed, self.config = unparsed, suppressed, config
        self.cutoff = config.pack.did_you_mean_cutoff

    def keep(self, ids: list[str], known: Collection[str], kind: str, file: str,
             field: str) -> list[str]:
        """The ids that exist; an error for each one that does not (unless its file failed)."""
        kept = []
        for i, item_id in enumerate(ids):
            if item_id in known:
                kept.append(item_id)
            elif (kind, item_id) in self.unparsed:
                self.suppressed[self.unparsed[(kind, item_id)]] += 1  # said once, per file
            elif (kind, item_id) in self.skipped:
                self.out.append(Problem(file, f"{field}[{i}]", f"{kind} '{item_id}' was skipped "
                                "(see its own error), ignored here", f"a valid {kind}",
                                "warning"))
            elif kind not in self.broken:
                self.out.append(Problem(file, f"{field}[{i}]", f"unknown {kind} '{item_id}', "
                                        "ignored", f"the id of an existing {kind}"
                                        + did_you_mean(item_id, known, self.cutoff)))
        return kept


def _dot(prefix: str, name: str) -> str:
    return f"{prefix}.{name}" if prefix else name


def link_pack(pack: Pack, origins: Origins, broken: set[str],
              skipped: set[tuple[str, str]], unparsed: dict[tuple[str, str], str] | None,
              suppressed: Counter[str] | None, config: Config) -> None:
    """Drop dangling references (with errors) and link jobs ↔ episodes."""
    out = pack.problems
    refs = _Refs(out, broken, skipped, unparsed or {}, suppressed if suppressed is not None
                 else Counter(), config)
    for episode in pack.episodes.values():
        file, where = origins[("episode", episode.id)]
        episode.jobs = refs.keep(episode.jobs, pack.jobs, "job", file, _dot(where, "jobs"))
    for job in pack.jobs.values():
        file, where = origins[("job", job.id)]
        job.episodes = refs.keep(job.episodes, pack.episodes, "episode", file,
                                 _dot(where, "episodes"))
        # An episode that shows this job belongs on the job's page too, even if jobs.toml
        # does not list it: organisers add episodes far more often than they edit jobs.
        job.episodes += [e.id for e in pack.episodes.values()
                         if job.id in e.jobs and e.id not in job.episodes]
    for company in pack.companies.values():
        file, where = origins[("company", company.id)]
        company.jobs = refs.keep(company.jobs, pack.jobs, "job", file, _dot(where, "jobs"))
    series_ids = {s.id for s in pack.series}
    for event in pack.events.values():
        file, _ = origins[("event", event.id)]
        event.companies = refs.keep(event.companies, pack.companies, "company", file,
                                    "companies")
        event.featured_series = refs.keep(event.featured_series, series_ids, "series", file,
                                          "featured_series")
        for key in [k for k in event.stands if k not in event.companies]:
            if ("company", key) in refs.unparsed:
                refs.suppressed[refs.unparsed[("company", key)]] += 1  # said once, per file
                del event.stands[key]
                continue
            out.append(Problem(file, f"stands.{key}", f"'{key}' is not in this event's "
                               "companies, ignored", "a company id from companies"
                               + did_you_mean(key, event.companies,
                                              config.pack.did_you_mean_cutoff), "warning"))
            del event.stands[key]
        extra = [lang for lang in event.languages if lang not in pack.languages]
        if extra:
            out.append(Problem(file, "languages", f"{extra} not in pack.toml languages, ignored",
                               f"a subset of {pack.languages}", "warning"))
            event.languages = [lang for lang in event.languages if lang in pack.languages]
    if pack.default_event is not None and pack.default_event not in pack.events:
        if ("event", pack.default_event) in refs.unparsed:
            refs.suppressed[refs.unparsed[("event", pack.default_event)]] += 1
        else:
            out.append(Problem("pack.toml", "default_event", f"unknown event "
                               f"'{pack.default_event}', ignored", "the id of a file in events/"
                               + did_you_mean(pack.default_event, pack.events,
                                              config.pack.did_you_mean_cutoff)))
        pack.default_event = None


def check_deck(pack: Pack, config: Config) -> bool:
    """docs/game.md: enough cards per type and per domain, and jobs to show; errors otherwise."""
    out = pack.problems
    if not pack.cards:
        out.append(Problem("cards.toml", "cards", "no usable cards; the game is hidden",
                           f"{config.game.deck_min_per_type} cards per type and "
                           f"{config.game.deck_min_per_domain} per domain"))
        return False
    shortfalls = deck_shortfalls(pack.cards, config.game.deck_min_per_type,
                                 config.game.deck_min_per_domain)
    for s in shortfalls:
        where = f"of type '{s.key}'" if s.axis == "type" else f"in domain '{s.key}'"
        out.append(Problem("cards.toml", "cards", f"only {s.count} card(s) {where}; the game is "
                           "hidden", f"at least {s.minimum} cards per {s.axis}"))
    ok = not shortfalls
    if len(pack.jobs) < config.game.game_result_jobs:
        ok = False
        out.append(Problem("jobs.toml", "jobs", f"only {len(pack.jobs)} usable job(s); the game "
                           "is hidden", f"at least {config.game.game_result_jobs} jobs"))
    return ok


# What a technical job led by each type does (the advice names it, so an organiser knows what
# kind of job to add).
LEAD_EXAMPLES = {
    "R": "building, fitting or repairing", "I": "testing, measuring or finding faults",
    "A": "designing or making media", "S": "advising, teaching or serving customers",
    "E": "leading a team or running the work", "C": "planning the work or checking it",
}


def deck_advice(pack: Pack, config: Config) -> list[Problem]:
    """Notes (``kiosk check``) for a deck and job list the game can play but not measure well
    (docs/game.md): too few cards of a type for the adaptive questions, a type that leads no
    job, and two jobs of one domain the game cannot tell apart. Notes, not warnings: the game
    works, it just tells some players less than it could."""
    out: list[Problem] = []
    per_type, _ = deck_counts(pack.cards)
    for t, n in per_type.items():
        if config.game.deck_min_per_type <= n < config.game.deck_good_per_type:
            out.append(Problem("cards.toml", "cards", f"only {n} cards of type '{t}': the game "
                               f"runs out of '{t}' cards when it needs to ask more",
                               f"add {config.game.deck_good_per_type - n} more '{t}' "
                               f"card(s), each in "
                               "a domain that type has few cards in", "note"))
    codes = {job.id: job_code(job.riasec) for job in pack.jobs.values()}
    for t in TYPES:
        if not any(code.startswith(t) for code in codes.values()):
            carried = sum(t in code for code in codes.values())
            out.append(Problem("jobs.toml", "jobs", f"no job is led by type '{t}' ({carried} "
                               f"carry it lower down): players whose strongest interest is "
                               f"'{t}' get jobs that lead with another", f"a technical job "
                               f"whose riasec rates '{t}' highest, e.g. {LEAD_EXAMPLES[t]}",
                               "note"))
    jobs = list(pack.jobs.values())
    weights = {job.id: {str(m): float(w) for m, w in job.domains.items()} for job in jobs}
    for i, a in enumerate(jobs):
        for b in jobs[i + 1:]:
            if main_domain(weights[a.id]) != main_domain(weights[b.id]):
                continue
            r = _pearson([a.riasec[t] for t in TYPES], [b.riasec[t] for t in TYPES])
            cos = _cosine(weights[a.id], weights[b.id])
            if r > config.game.job_duplicate_r and cos > config.game.job_duplicate_r:
                out.append(Problem("jobs.toml", f"jobs '{b.id}'", f"'{a.id}' and '{b.id}' look "
                                   f"the same to the game (interests r = {r:.2f}, domain weights "
                                   f"alike {cos:.2f}): it cannot tell which fits better",
                                   "a riasec or domains that say how the work differs, or one "
                                   "job for both", "note"))
    return out


def _pearson(x: list[float], y: list[float]) -> float:
    mx, my = sum(x) / len(x), sum(y) / len(y)
    sxy = sum((a - mx) * (b - my) for a, b in zip(x, y))
    sx = sum((a - mx) ** 2 for a in x) ** 0.5
    sy = sum((b - my) ** 2 for b in y) ** 0.5
    return sxy / (sx * sy) if sx > 0 and sy > 0 else 1.0


def _cosine(a: Mapping[str, float], b: Mapping[str, float]) -> float:
    keys = set(a) | set(b)
    dot = sum(a.get(k, 0.0) * b.get(k, 0.0) for k in keys)
    na = sum(v * v for v in a.values()) ** 0.5
    nb = sum(v * v for v in b.values()) ** 0.5
    return dot / (na * nb) if na > 0 and nb > 0 else 0.0
