"""Which QR codes a screen shows, and which of them just appeared (pure Python, no Qt).

The organisers count how often each code was put in front of a visitor (``qr_shown``): once per
appearance, and a code whose link changes is a new appearance. The Qt side asks
``codes_on_screen`` whenever the state or what the visitor chose changes, and records what
``ShownCodes.update`` says is new; QML only draws the codes.
"""
from __future__ import annotations

from dataclasses import dataclass

from kiosk.visit.flow import State
from kiosk.core.links import without_lang


@dataclass(frozen=True, order=True)
class Code:
    """One code on screen: what it is for, what it points at, and the link it encodes."""

    purpose: str   # episode | watch | share | result | company | parents
    target: str    # the episode or company id, or "result"
    payload: str


@dataclass(frozen=True)
class Selection:
    """What the visitor has in front of them that decides the codes ("" = no valid link)."""

    episode: str = ""                 # the episode on the player or its end card
    episode_link: str = ""            # its page on the channel (player corner, end card "watch")
    share_link: str = ""              # the same page tagged as shared (end card "share")
    result_link: str = ""             # the take-home link of the game's result
    companies: tuple[tuple[str, str], ...] = ()   # (company id, link) of today's companies
    parents_link: str = ""            # the parents' page (or the channel without a site)


def codes_on_screen(state: State, selection: Selection) -> frozenset[Code]:
    """The codes the screen for ``state`` shows; a code without a link is not drawn.

    The companies screen counts every company's code: the grid is one screen the visitor
    scrolls, and counting by scroll position would count how people swipe, not what was offered.
    """
    s = selection
    if state is State.PLAYER:
        codes = [Code("episode", s.episode, s.episode_link)]
    elif state is State.NEXT_UP:
        codes = [Code("watch", s.episode, s.episode_link), Code("share", s.episode, s.share_link)]
    elif state is State.RESULT:
        codes = [Code("result", "result", s.result_link)]
    elif state is State.COMPANIES:
        codes = [Code("company", company, link) for company, link in s.companies]
    elif state is State.PARENTS:
        codes = [Code("parents", "parents", s.parents_link)]
    else:
        codes = []
    return frozenset(code for code in codes if code.payload)


class ShownCodes:
    """Remembers what is on screen; ``update`` returns the codes that were not there before."""

    def __init__(self) -> None:
        self._on_screen: frozenset[Code] = frozenset()

    @property
    def on_screen(self) -> frozenset[Code]:
        return self._on_screen

    def update(self, codes: frozenset[Code]) -> list[Code]:
        """Codes in ``codes`` that just appeared (sorted, so events come in a stable order).

        A code that only changed its ``lang=`` (the visitor switched language) is the same
        code still on screen: the organisers count what was offered, not language taps.
        """
        before = {_same(code) for code in self._on_screen}
        new = sorted(code for code in codes if _same(code) not in before)
        self._on_screen = codes
        return new


def _same(code: Code) -> tuple[str, str, str]:
    return code.purpose, code.target, without_lang(code.payload)
