"""What plays and what comes next, decided from the pack alone (no Qt).

The UI's ``Playback`` asks these functions and only carries out the answer: what plays next
(for the end card's autoplay and a swipe up), what played before (a swipe down), the attract
loop's clips, and the episode that shows a job's role model.
"""
from __future__ import annotations

from collections.abc import Sequence
from typing import Literal

from kiosk.pack.models import Episode, Pack, Series

Audience = Literal["students", "parents"]


def ordered_series(pack: Pack, featured: Sequence[str]) -> list[Series]:
    """The event's featured series first (in its order), then the pack's order."""
    rank = {sid: i for i, sid in enumerate(featured)}
    return sorted(pack.series, key=lambda s: rank.get(s.id, len(rank)))


def role_model_episode(pack: Pack, job_id: str) -> str:
    """The episode a job's "bekijk" button plays ("" when none shows the job): a students'
    episode first, because the parents' ones talk to parents."""
    shows = [e for e in pack.episodes.values() if job_id in e.jobs]
    shows.sort(key=lambda e: "students" not in e.audience)
    return shows[0].id if shows else ""


def attract_clips(pack: Pack, featured: Sequence[str]) -> list[Episode]:
    """The attract loop: the featured series' students' episodes in order, else every
    students' episode."""
    chosen = set(featured)
    students = [e for e in pack.episodes.values() if "students" in e.audience]
    return [e for e in students if e.series_id in chosen] or students


def visit_order(pack: Pack, current_id: str, featured: Sequence[str],
                audience: Audience | None) -> list[Episode]:
    """Every episode in the order "what plays next" walks it from ``current_id``: the rest of
    its series, then the other series (featured first), then the start of its own series; for
    one audience only its episodes. The current episode is not in it."""
    current = pack.episodes.get(current_id)
    if current is None:
        return []

    def fits(e: Episode) -> bool:
        return e.id in pack.episodes and (audience is None or audience in e.audience)

    own = [e for e in pack.episodes.values() if e.series_id == current.series_id]
    at = next(i for i, e in enumerate(own) if e.id == current_id)
    others = [e for s in ordered_series(pack, featured) if s.id != current.series_id
              for season in s.seasons for e in season.episodes]
    return [e for e in own[at + 1:] + others + own[:at] if fits(e)]


def next_in_visit(pack: Pack, current_id: str, started: Sequence[str],
                  featured: Sequence[str], audience: Audience | None) -> Episode | None:
    """What plays next, for the end card's autoplay and a swipe up alike: the first episode in
    ``visit_order`` this visit has not started yet; once every one has started, simply the next
    in that order (the playlist is exhausted and goes round). None when there is no other one."""
    order = visit_order(pack, current_id, featured, audience)
    seen = set(started)
    return next((e for e in order if e.id not in seen), order[0] if order else None)


def previous_in_visit(history: Sequence[str], current_id: str) -> str:
    """A swipe down: the clip this visit played before ``current_id`` ("" at the first)."""
    if current_id in history:
        at = len(history) - 1 - list(reversed(history)).index(current_id)
        return history[at - 1] if at > 0 else ""
    return history[-1] if history else ""


# A vertical clip in a portrait screen fills it, as on a phone, when cropping it to the screen's
# shape keeps at least this much of its width (or height): 9:16 and 3:4 phone clips and 4:5
# social clips fill; a square or landscape clip would lose too much and plays whole, fitted,
# with the blurred fill around it.
CROP_KEEPS = 0.7


def crops_to_fill(clip_w: float, clip_h: float, screen_w: float, screen_h: float) -> bool:
    """Whether the player shows a clip of ``clip_w`` x ``clip_h`` (as shown, upright) cropped
    to fill a ``screen_w`` x ``screen_h`` screen instead of fitted whole: only a vertical clip
    on a portrait screen, and only when the crop keeps ``CROP_KEEPS`` of it."""
    if min(clip_w, clip_h, screen_w, screen_h) <= 0:
        return False
    clip, screen = clip_w / clip_h, screen_w / screen_h
    if clip >= 1 or screen >= 1:
        return False
    return min(clip, screen) / max(clip, screen) >= CROP_KEEPS
