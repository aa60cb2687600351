"""What the speaker buttons read: screen texts turned into sentences (kiosk.visit.spoken)."""
from __future__ import annotations

from kiosk.visit.spoken import job_text, route_text, sentence


def test_a_route_reads_as_a_sentence_without_arrow_or_brackets() -> None:
    assert route_text("vmbo PIE → mbo Eerste monteur (niveau 3)", "nl") == (
        "vmbo PIE, daarna mbo Eerste monteur, niveau 3.")
    assert route_text("vmbo BWI → mbo Roofer (level 2)", "en") == "vmbo BWI, then mbo Roofer, level 2."
    assert route_text("", "nl") == ""


def test_a_job_is_read_title_day_route() -> None:
    said = job_text("Elektromonteur", "Je legt stroom aan in een nieuw huis",
                    "vmbo PIE → mbo Eerste monteur (niveau 3)", "nl")
    assert said == ("Elektromonteur. Je legt stroom aan in een nieuw huis. "
                    "Zo word je het: vmbo PIE, daarna mbo Eerste monteur, niveau 3.")
    assert "→" not in said and "(" not in said


def test_sentences_keep_their_own_end() -> None:
    assert sentence("  Wat een  klus! ") == "Wat een klus!"
    assert sentence("Bouw een boomhut") == "Bouw een boomhut."
    assert sentence("") == ""


def test_details_read_the_route_and_who_is_here() -> None:
    from kiosk.visit.spoken import details_text

    assert details_text("vmbo PIE → mbo Monteur (niveau 2)", ["Voltwerk", "Zon & Co"], "nl") == (
        "Zo word je het: vmbo PIE, daarna mbo Monteur, niveau 2. "
        "Vandaag hier: Voltwerk, Zon & Co.")
    assert details_text("", [], "en") == ""
    assert details_text("", ["Voltwerk"], "en") == "Here today: Voltwerk."
