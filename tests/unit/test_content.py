"""Loading and validating content packs: the tiny base pack and the broken-pack corpus."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.pack.loader import PackError, Problem, Text, load_pack
from kiosk.pack.files import sniff_video
from tests.packs.broken_cases import BASE, CASES, Case, build


def _load(case: Case, pack: Path) -> tuple[list[Problem], int | None]:
    config = DEFAULT.with_(**case.config)
    if case.fatal:
        with pytest.raises(PackError) as info:
            load_pack(pack, config)
        assert "\n" not in str(info.value)  # one clear line
        return info.value.problems, None
    loaded = load_pack(pack, config)
    return loaded.problems, len(loaded.episodes)


def test_base_pack_loads_clean() -> None:
    pack = load_pack(BASE, DEFAULT)
    assert pack.problems == []
    assert pack.id == "test-pack"
    assert list(pack.episodes) == ["ads-s1e1", "ads-s1e2", "odw-s1e1"]
    assert [s.id for s in pack.series] == ["aan-de-slag", "op-de-werf"]
    first = pack.episodes["ads-s1e1"]
    assert first.video == BASE / "media" / "clip.mp4" and first.video.is_absolute()
    assert first.subtitles == {"nl": BASE / "media" / "clip.nl.vtt",
                               "en": BASE / "media" / "clip.en.vtt"}
    assert (first.series_id, first.season, first.new) == ("aan-de-slag", 1, True)
    assert first.role_model.job.get("en") == "Electrician"
    # no channel_url of its own: the series page
    assert pack.episodes["ads-s1e2"].channel_url == "https://nxtv.example/series/aan-de-slag"
    assert pack.deck_ok and len(pack.cards) == 24
    # jobs.toml lists no episode for timmerman; the episode that shows it is linked back
    assert pack.jobs["timmerman"].episodes == ["ads-s1e2"]
    assert pack.jobs["elektromonteur"].profile == ["PIE"]
    event = pack.events["open-dag"]
    assert (event.idle_timeout, event.idle_countdown) == (45.0, 10.0)
    assert event.stands == {"voltwerk": "Stand B12"} and pack.default_event == "open-dag"
    assert pack.companies["bouwbaas"].internship_url is None


def test_text_falls_back_to_dutch() -> None:
    limits = {"config": DEFAULT}  # the loader hands its Config to every model it validates
    text = Text.model_validate({"nl": "Hallo"}, context=limits)
    assert text.get("en") == "Hallo" and text.get("de") == "Hallo"
    assert Text.model_validate({"nl": "Hallo", "en": "Hello"}, context=limits).get("en") == "Hello"


def test_a_pack_model_validated_without_the_loaders_limits_is_refused() -> None:
    with pytest.raises(TypeError, match="context=.'config': Config"):
        Text(nl="Hallo")


def test_corpus_is_large_enough() -> None:
    broken = [c for c in CASES if c.severity == "error"]
    assert len(broken) >= 30
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.mark.parametrize("case", CASES, ids=[c.name for c in CASES])
def test_broken_pack(case: Case, tmp_path: Path) -> None:
    problems, episodes_left = _load(case, build(case, tmp_path))
    for file, field, *words in case.expect:
        matches = [p for p in problems if p.file == file and p.field == field]
        assert matches, f"no problem at {file}: {field}; got:\n" + "\n".join(map(str, problems))
        text = " | ".join(f"{p.message} {p.expected}".lower() for p in matches)
        severity = case.severity
        for word in words:
            if word.startswith("severity="):
                severity = word.removeprefix("severity=")
                continue
            assert word.lower() in text, f"{word!r} missing in {text!r}"
        assert any(p.severity == severity for p in matches)
    assert not [p for p in problems if "internal error" in p.message]
    if case.severity == "warning":
        assert all(p.severity == "warning" for p in problems)
    if case.episodes_left is not None:
        assert episodes_left == case.episodes_left


def test_broken_items_are_skipped_and_the_rest_runs(tmp_path: Path) -> None:
    """One bad episode, job, card, company and event: all else loads, each skip is listed."""
    case = Case("several", [], replace={
        "series/op-de-werf.toml": [('video = "media/clip.mp4"', 'video = "media/weg.mp4"')],
        "jobs.toml": [("riasec = { R = 7, I = 5,", "riasec = { R = 9, I = 5,")],
        "cards.toml": [('type = "C"', 'type = "Q"')],
        "companies.toml": [('name = "Bouwbaas"', "name = 42")],
        "events/open-dag.toml": [('kind = "open_day"', 'kind = 3')],
    })
    pack = load_pack(build(case, tmp_path), DEFAULT)
    assert list(pack.episodes) == ["ads-s1e1", "ads-s1e2"]
    assert [s.id for s in pack.series] == ["aan-de-slag"]  # op-de-werf had one episode
    assert sorted(pack.jobs) == ["elektromonteur", "timmerman"]
    assert len(pack.cards) == 23 and not pack.deck_ok  # C is one short: game hidden
    assert list(pack.companies) == ["voltwerk"]
    assert pack.events == {} and pack.default_event is None
    where = {(p.file, p.field) for p in pack.errors}
    assert ("series/op-de-werf.toml", "seasons[0].episodes[0].video") in where
    assert ("jobs.toml", "jobs[2].riasec") in where
    assert ("cards.toml", "cards[5].type") in where
    assert ("companies.toml", "companies[1].name") in where
    assert ("events/open-dag.toml", "kind") in where
    # references to what was skipped are dropped, so every id a consumer reads exists
    assert pack.episodes["ads-s1e1"].jobs == ["elektromonteur"]


def test_episodes_are_sorted_by_season_and_number(tmp_path: Path) -> None:
    case = Case("order", [], replace={"series/aan-de-slag.toml": [
        ('id = "ads-s1e1"\nnumber = 1', 'id = "ads-s1e1"\nnumber = 3')]})
    pack = load_pack(build(case, tmp_path), DEFAULT)
    assert list(pack.episodes) == ["ads-s1e2", "ads-s1e1", "odw-s1e1"]


def test_symlink_inside_the_pack_is_fine(tmp_path: Path) -> None:
    case = Case("inner-link", [], replace={"series/op-de-werf.toml": [
        ('video = "media/clip.mp4"', 'video = "media/alias.mp4"')]},
        symlink={"media/alias.mp4": "clip.mp4"})
    pack = load_pack(build(case, tmp_path), DEFAULT)
    assert pack.problems == []
    assert pack.episodes["odw-s1e1"].video == tmp_path / "pack" / "media" / "clip.mp4"


def test_sniff_video_finds_a_missing_movie_header(tmp_path: Path) -> None:
    # ftyp box (16 bytes) + a complete mdat box (16 bytes), but no moov: unplayable.
    clip = tmp_path / "x.mp4"
    ftyp = b"\x00\x00\x00\x10ftypisom\x00\x00\x02\x00"
    clip.write_bytes(ftyp + b"\x00\x00\x00\x10mdat" + bytes(8))
    issue = sniff_video(clip, DEFAULT)
    assert issue is not None and "moov" in issue.message


def test_sniff_video_accepts_webm_magic_and_the_base_clip(tmp_path: Path) -> None:
    webm = tmp_path / "x.webm"
    webm.write_bytes(b"\x1a\x45\xdf\xa3" + bytes(60))
    assert sniff_video(webm, DEFAULT) is None
    assert sniff_video(BASE / "media" / "clip.mp4", DEFAULT) is None


def test_pack_toml_problems_are_fatal_with_one_line(tmp_path: Path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(BASE, pack)
    (pack / "pack.toml").write_text('format = 1\nid = "x"\n', encoding="utf-8")
    with pytest.raises(PackError) as info:
        load_pack(pack, DEFAULT)
    assert "pack.toml" in str(info.value) and "\n" not in str(info.value)
    fields = {p.field for p in info.value.problems}
    assert {"title", "languages", "channel_url", "allowed_hosts"} <= fields


def test_not_a_folder_raises_pack_error(tmp_path: Path) -> None:
    with pytest.raises(PackError, match="not a folder"):
        load_pack(tmp_path / "missing", DEFAULT)


def test_a_pack_without_site_url_or_result_url_says_what_to_add(tmp_path: Path) -> None:
    pack = tmp_path / "p"
    shutil.copytree(BASE, pack)
    toml = (pack / "pack.toml").read_text(encoding="utf-8")
    (pack / "pack.toml").write_text(
        "\n".join(line for line in toml.splitlines() if not line.startswith("result_url")),
        encoding="utf-8")
    loaded = load_pack(pack, DEFAULT)  # not fatal: only the result code has no page
    problems = [p for p in loaded.errors if p.field == "site_url"]
    assert len(problems) == 1 and "site_url = " in problems[0].expected
    assert problems[0].file == "pack.toml"


@pytest.mark.parametrize("site_url, message", [
    ("https://elders.example/", "not in allowed_hosts"),
    ("https://nxtv.example/site/?x=1", "'?' or '#'"),
    ("nxtv.example/site/", "add https://"),
])
def test_a_bad_site_url_names_the_field(tmp_path: Path, site_url: str, message: str) -> None:
    pack = tmp_path / "p"
    shutil.copytree(BASE, pack)
    with (pack / "pack.toml").open("a", encoding="utf-8") as f:
        f.write(f'site_url = "{site_url}"\n')
    with pytest.raises(PackError) as info:
        load_pack(pack, DEFAULT)
    assert any(p.field == "site_url" and message in p.message for p in info.value.problems)


def test_the_sample_pack_has_take_home_pages_under_an_example_host() -> None:
    from kiosk.paths import sample_pack

    loaded = load_pack(sample_pack(), DEFAULT)
    assert loaded.site_url.startswith("https://") and ".example/" in loaded.site_url
    assert not loaded.errors
