"""Shortened texts for the screen: company names, initials, colours, routes."""
from __future__ import annotations

import pytest

from kiosk.core.screen_texts import PALETTE_SIZE, colour_index, initials, route_steps, short_company_name


@pytest.mark.parametrize(("name", "short"), [
    ("Voltwerk Installatietechniek B.V.", "Voltwerk Installatietechniek"),
    ("Voltwerk Installatietechniek BV", "Voltwerk Installatietechniek"),
    ("Bouwbaas Holding B.V.", "Bouwbaas"),
    ("Staalstad Metaal N.V.", "Staalstad Metaal"),
    ("Garage Zuiderpoort v.o.f.", "Garage Zuiderpoort"),
    ("Rijwiel & Co", "Rijwiel & Co"),
    ("Holding", "Holding"),                       # never shortened to nothing
    ("BVB Techniek", "BVB Techniek"),             # only a suffix, never a word inside
])
def test_legal_suffixes_go(name: str, short: str) -> None:
    assert short_company_name(name) == short


@pytest.mark.parametrize(("name", "letters"), [
    ("Voltwerk Installatietechniek B.V.", "VI"), ("Rijwiel & Co", "RC"),
    ("Pixelhaven", "PI"), ("scheepswerf de vaart", "SD"), ("&", "?"),
])
def test_initials(name: str, letters: str) -> None:
    assert initials(name) == letters


def test_colour_index_is_stable_and_spread() -> None:
    ids = [f"bedrijf-{i}" for i in range(50)]
    first = [colour_index(i) for i in ids]
    assert first == [colour_index(i) for i in ids]
    assert set(first) == set(range(PALETTE_SIZE))


@pytest.mark.parametrize(("route", "steps"), [
    ("vmbo PIE → mbo Monteur (niveau 3)", ["vmbo PIE", "mbo Monteur (niveau 3)"]),
    ("vmbo BWI -> mbo Timmerman", ["vmbo BWI", "mbo Timmerman"]),
    ("vmbo MaT → mbo Matroos → hbo Maritiem", ["vmbo MaT", "mbo Matroos → hbo Maritiem"]),
    ("mbo Monteur", ["mbo Monteur"]),
    ("", []),
])
def test_route_in_two_steps(route: str, steps: list[str]) -> None:
    assert route_steps(route) == steps
