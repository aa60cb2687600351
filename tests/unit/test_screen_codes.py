"""Which QR codes each screen shows, and when a code counts as a new appearance (qr_shown)."""
from __future__ import annotations

from kiosk.visit.flow import State
from kiosk.visit.screen_codes import Code, Selection, ShownCodes, codes_on_screen

EPISODE = Selection(episode="ads-s1e2", episode_link="https://tv.example/ads-s1e2",
                    share_link="https://tv.example/ads-s1e2?share")
EVERYTHING = Selection(episode="ads-s1e2", episode_link="https://tv.example/e",
                       share_link="https://tv.example/s", result_link="https://res.example/r",
                       companies=(("voltwerk", "https://volt.example"),
                                  ("bouwbaas", "https://bouw.example")))


def pairs(codes):
    return {(code.purpose, code.target) for code in codes}


def test_the_player_shows_the_episode_code():
    assert codes_on_screen(State.PLAYER, EPISODE) == {
        Code("episode", "ads-s1e2", "https://tv.example/ads-s1e2")}


def test_the_end_card_shows_watch_and_share_for_the_episode_that_ended():
    assert codes_on_screen(State.NEXT_UP, EPISODE) == {
        Code("watch", "ads-s1e2", "https://tv.example/ads-s1e2"),
        Code("share", "ads-s1e2", "https://tv.example/ads-s1e2?share")}


def test_result_and_companies():
    assert pairs(codes_on_screen(State.RESULT, EVERYTHING)) == {("result", "result")}
    assert pairs(codes_on_screen(State.COMPANIES, EVERYTHING)) == {
        ("company", "voltwerk"), ("company", "bouwbaas")}


def test_screens_without_codes_show_none_whatever_was_chosen():
    for state in (State.ATTRACT, State.HOME, State.EPISODES, State.PARENTS, State.GAME,
                  State.ADMIN):
        assert codes_on_screen(state, EVERYTHING) == frozenset(), state


def test_a_code_without_a_valid_link_is_not_shown():
    assert codes_on_screen(State.PLAYER, Selection(episode="ads-s1e2")) == frozenset()
    assert pairs(codes_on_screen(State.NEXT_UP, Selection(
        episode="ads-s1e2", episode_link="https://tv.example/e"))) == {("watch", "ads-s1e2")}
    assert codes_on_screen(State.RESULT, Selection()) == frozenset()
    assert pairs(codes_on_screen(State.COMPANIES, Selection(
        companies=(("voltwerk", ""), ("bouwbaas", "https://bouw.example"))))) == {
        ("company", "bouwbaas")}


def test_each_appearance_counts_once():
    shown = ShownCodes()
    player = codes_on_screen(State.PLAYER, EPISODE)
    assert shown.update(player) == sorted(player)
    assert shown.update(player) == []                       # still there: not again
    assert shown.update(codes_on_screen(State.NEXT_UP, EPISODE)) != []
    assert shown.update(player) == sorted(player)           # back on screen: a new appearance
    assert shown.update(frozenset()) == []
    assert shown.on_screen == frozenset()


def test_a_changed_link_is_a_new_appearance_and_other_codes_are_not_counted_again():
    shown = ShownCodes()
    shown.update(codes_on_screen(State.COMPANIES, EVERYTHING))
    changed = Selection(companies=(("voltwerk", "https://volt.example/other"),
                                   ("bouwbaas", "https://bouw.example")))
    assert pairs(shown.update(codes_on_screen(State.COMPANIES, changed))) == {
        ("company", "voltwerk")}
    # the next episode autoplays: its code is new
    shown.update(codes_on_screen(State.PLAYER, EPISODE))
    following = Selection(episode="ads-s1e3", episode_link="https://tv.example/ads-s1e3")
    assert pairs(shown.update(codes_on_screen(State.PLAYER, following))) == {
        ("episode", "ads-s1e3")}


def test_a_code_that_only_changed_its_language_is_still_the_same_code() -> None:
    shown = ShownCodes()
    nl = Code("result", "result", "https://bliq.example/resultaat/?jobs=lasser&lang=nl&utm_x=1")
    en = Code("result", "result", "https://bliq.example/resultaat/?jobs=lasser&lang=en&utm_x=1")
    other = Code("result", "result", "https://bliq.example/resultaat/?jobs=matroos&lang=en")
    assert shown.update(frozenset({nl})) == [nl]
    assert shown.update(frozenset({en})) == []
    assert shown.on_screen == frozenset({en})
    assert shown.update(frozenset({other})) == [other]
