"""The words for a direction are defined once and said the same everywhere (no Qt)."""
from __future__ import annotations

from kiosk.core import direction_words as words
from kiosk.core.taxonomy import DOMAINS, TYPES
from kiosk.site import texts
from kiosk.insights import names


def test_every_type_and_domain_has_a_dutch_and_an_english_word() -> None:
    assert set(words.TYPE_WORDS) == set(TYPES) and set(words.DOMAIN_WORDS) == set(DOMAINS)
    for nl, en in (*words.TYPE_WORDS.values(), *words.DOMAIN_WORDS.values()):
        assert nl.strip() and en.strip()


def test_chips_are_types_then_domains_in_the_asked_language_unknown_ones_left_out() -> None:
    assert words.direction_words(["S", "R"], ["energie"], "nl") == [
        {"word": "Helpen en uitleggen", "kind": "type"},
        {"word": "Zelf doen en maken", "kind": "type"},
        {"word": "Elektro & energie", "kind": "domain"}]
    assert words.direction_words(["E"], ["maritiem", "ruimtevaart"], "en") == [
        {"word": "Organising and leading", "kind": "type"},
        {"word": "Water & ships", "kind": "domain"}]
    assert words.type_word("X", "nl") == "" and words.domain_word("", "en") == ""


def test_the_report_and_the_take_home_pages_use_the_same_words() -> None:
    assert texts.TYPES is words.TYPE_WORDS
    assert texts.DOMAINS is words.DOMAIN_WORDS and names.DOMAINS is words.DOMAIN_WORDS
