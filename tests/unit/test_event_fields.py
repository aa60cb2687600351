"""An event's optional attract-screen fields: `logo` and a one-line `welcome`."""
from __future__ import annotations

import shutil
from pathlib import Path

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from tests.packs.broken_cases import BASE


def pack_with(tmp_path: Path, extra: str) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(BASE, pack)
    event = pack / "events" / "open-dag.toml"
    text = event.read_text(encoding="utf-8")
    event.write_text(text.replace('kind = "open_day"\n', f'kind = "open_day"\n{extra}\n'),
                     encoding="utf-8")
    return pack


def test_logo_and_welcome_are_read(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, 'logo = "images/logo.png"\n'
                                         'welcome = { nl = "Welkom!", en = "Welcome!" }'), DEFAULT)
    event = pack.events["open-dag"]
    assert Path(event.logo).resolve() == (tmp_path / "pack" / "images" / "logo.png").resolve()
    assert event.welcome.get("nl") == "Welkom!" and event.welcome.get("en") == "Welcome!"
    assert not [p for p in pack.problems if p.file == "events/open-dag.toml"]


def test_both_are_optional(tmp_path: Path) -> None:
    event = load_pack(pack_with(tmp_path, ""), DEFAULT).events["open-dag"]
    assert event.logo is None and event.welcome is None


def test_a_missing_logo_is_a_warning_and_the_event_still_runs(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, 'logo = "images/nope.png"'), DEFAULT)
    assert pack.events["open-dag"].logo is None
    problems = [p for p in pack.problems if p.file == "events/open-dag.toml"]
    assert len(problems) == 1
    assert problems[0].field == "logo" and problems[0].severity == "warning"
    assert "nope.png" in str(problems[0])


def test_a_logo_outside_the_pack_is_refused(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, 'logo = "../logo.png"'), DEFAULT)
    problems = [p for p in pack.problems if p.file == "events/open-dag.toml"]
    assert problems and problems[0].field == "logo"
    assert "open-dag" not in pack.events or pack.events["open-dag"].logo is None


def test_a_place_is_read_and_optional(tmp_path: Path) -> None:
    pack = load_pack(pack_with(tmp_path, 'place = "Aula, Hoofdgebouw"'), DEFAULT)
    assert pack.events["open-dag"].place == "Aula, Hoofdgebouw"
    assert not [p for p in pack.problems if p.file == "events/open-dag.toml"]
    assert load_pack(pack_with(tmp_path / "b", ""), DEFAULT).events["open-dag"].place is None


def test_a_place_too_long_or_empty_is_one_line_naming_file_and_field(tmp_path: Path) -> None:
    address = "Aula van het hoofdgebouw, Stationsstraat 12, 1234 AB Ergens-aan-de-Rijn, Nederland"
    for folder, value, words in (("long", address, f"is too long ({len(address)} characters)"),
                                 ("empty", "  ", "is empty")):
        pack = load_pack(pack_with(tmp_path / folder, f'place = "{value}"'), DEFAULT)
        problems = [p for p in pack.problems if p.file == "events/open-dag.toml"]
        assert len(problems) == 1, problems
        assert problems[0].field == "place" and words in problems[0].message
