"""The route for parents and teachers (kiosk.core.routes), their take-home code, and what the
kiosk's checks say about it."""
from __future__ import annotations

import io
import json
import shutil
from pathlib import Path
from typing import get_args

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.check import run_check
from kiosk.pack.loader import load_pack
from kiosk.pack.models import Profile
from kiosk.visit.flow import State
from kiosk.core.links import LinkBuilder
from kiosk.core.routes import PROFILES, explain_profile, profiles, route_steps, short_title
from kiosk.core.screen_texts import route_steps as screen_route_steps
from kiosk.visit.screen_codes import Code, Selection, codes_on_screen
from kiosk.pack.site_pages import PACK_MANIFEST, site_codes
from kiosk.visit.spoken import parents_text
from kiosk.site import build

SAMPLE = Path(__file__).resolve().parents[2] / "episodes"


def test_every_profile_a_job_can_name_is_explained_in_one_line() -> None:
    assert [p.code for p in PROFILES] == list(get_args(Profile))
    for p in PROFILES:
        for text in (*p.name, *p.line):
            assert text and "\n" not in text
        assert all(len(line.split()) <= 12 for line in p.line), p.code   # one short line


def test_three_steps_in_both_languages() -> None:
    nl, en = route_steps("nl"), route_steps("en")
    assert [s["title"] for s in nl] == ["vmbo-profiel", "mbo, niveau 1–4", "Een beroep"]
    assert [s["title"] for s in en] == ["vmbo profile", "mbo, level 1–4", "A job"]
    assert all(s["line"] for s in nl + en)


def test_examples_come_from_the_pack_shortened() -> None:
    pack = load_pack(SAMPLE, DEFAULT)
    found = {p["code"]: p for p in profiles(pack, "nl")}
    assert set(found) == {"BWI", "PIE", "M&T", "MVI", "MaT"}
    pie_jobs = [j.title.nl for j in pack.jobs.values() if "PIE" in j.profile]
    assert found["PIE"]["examples"] == [short_title(t) for t in pie_jobs[:2]]
    assert all("/" not in e and "(" not in e for p in found.values() for e in p["examples"])
    assert short_title("Tegelzetter / stukadoor") == "Tegelzetter"
    assert short_title("Automonteur (autotechnicus)") == "Automonteur"
    assert short_title("Elektromonteur: eerste monteur service en onderhoud") == "Elektromonteur"
    assert short_title("Fiets- / scootertechnicus") == "Fiets- / scootertechnicus"
    assert profiles(pack, "en")[0]["name"] == "Building, living and interiors"


def test_the_page_read_aloud_names_steps_and_profiles() -> None:
    pack = load_pack(SAMPLE, DEFAULT)
    said = parents_text(route_steps("nl"), profiles(pack, "nl", 0), "nl")
    assert said.startswith("De route naar techniek. 1. vmbo-profiel.")
    for p in PROFILES:
        assert f"{p.code}, {p.name[0]}." in said


def test_the_parents_code_opens_their_page_or_the_channel_without_a_site() -> None:
    pack = load_pack(SAMPLE, DEFAULT)
    links = LinkBuilder.for_pack(pack, None, DEFAULT)
    url = links.parents_code().url
    assert url is not None and url.startswith("https://bliq.example/ouders/?lang=nl&")
    assert "utm_content=parents" in url
    links.set_language("en")
    assert "lang=en" in (links.parents_code().url or "")
    no_site = LinkBuilder(pack.channel_url, pack.result_url, pack.allowed_hosts, "x",
                          max_chars=DEFAULT.qr.link_max_chars, site_url="")
    assert (no_site.parents_code().url or "").startswith("https://nxtv.example/?lang=nl&")
    assert "utm_content=parents" in (no_site.parents_code().url or "")


def test_the_parents_screen_counts_its_code() -> None:
    codes = codes_on_screen(State.PARENTS, Selection(parents_link="https://bliq.example/ouders/"))
    assert codes == {Code("parents", "parents", "https://bliq.example/ouders/")}
    assert codes_on_screen(State.PARENTS, Selection()) == frozenset()


@pytest.fixture
def pack_with_site(tmp_path: Path) -> Path:
    pack = tmp_path / "p"
    shutil.copytree(SAMPLE, pack, ignore=shutil.ignore_patterns(PACK_MANIFEST))
    build(pack, tmp_path / "site", DEFAULT)
    return pack


def test_the_built_site_has_the_parents_page_and_check_says_when_it_lacks_it(
        pack_with_site: Path) -> None:
    pack = load_pack(pack_with_site, DEFAULT)
    assert ("parents code", LinkBuilder.for_pack(pack, None, DEFAULT).parents_code().url) in list(
        site_codes(pack, DEFAULT))
    out = io.StringIO()
    assert run_check(pack_with_site, True, out, DEFAULT) == 0
    assert json.loads(out.getvalue())["problems"] == []      # the manifest accepts the code
    manifest = json.loads((pack_with_site / PACK_MANIFEST).read_text())
    manifest["pages"].remove("ouders/")                      # a site without the parents' page
    manifest["files"].remove("ouders/index.html")
    (pack_with_site / PACK_MANIFEST).write_text(json.dumps(manifest))
    out = io.StringIO()
    run_check(pack_with_site, True, out, DEFAULT)
    assert [p["message"] for p in json.loads(out.getvalue())["problems"]] == [
        "the parents code opens ouders/, a page the built site does not have"]


def test_a_route_step_names_the_profile_behind_its_code() -> None:
    assert explain_profile("vmbo BWI", "nl") == "vmbo BWI (Bouwen, wonen en interieur)"
    assert explain_profile("vmbo M&T", "en") == "vmbo M&T (Mobility and transport)"
    assert explain_profile("vmbo MaT", "nl") == "vmbo MaT (Maritiem en techniek)"
    # explained once, never twice; an unknown code and an mbo step stay as written
    assert explain_profile("vmbo PIE (Produceren)", "nl") == "vmbo PIE (Produceren)"
    assert explain_profile("vmbo XYZ", "nl") == "vmbo XYZ"
    assert explain_profile("mbo Monteur (niveau 3)", "nl") == "mbo Monteur (niveau 3)"
    # every route in the sample pack that starts at a vmbo profile is explained on the card
    pack = load_pack(SAMPLE, DEFAULT)
    for job in pack.jobs.values():
        for lang in ("nl", "en"):
            first = explain_profile(screen_route_steps(job.route.get(lang))[0], lang)
            assert "(" in first, first
