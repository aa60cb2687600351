"""BLIQ Studio's model without a window: her copy, her event, companies, import, saving, stick."""
from __future__ import annotations

import datetime
import io
import json
import shutil
import tomllib
import zipfile
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.pack import bliqpack
from kiosk.pack.check import collect
from kiosk.core.pin import verify_pin
from kiosk.studio import model as m
from kiosk.studio.problems import all_findings, check_saved, ready
from kiosk.studio.stick import put_on_stick
from tests.conftest import SAMPLE_PACK


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    dest = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, dest)
    return dest


def png(path: Path, size: tuple[int, int] = (900, 300), color: str = "#3060c0") -> Path:
    from PIL import Image

    Image.new("RGB", size, color).save(path)
    return path


def toml(path: Path) -> dict:
    return tomllib.loads(path.read_text("utf-8"))


def test_comments_and_layout_survive_a_save(pack: Path) -> None:
    companies = pack / "companies.toml"
    text = companies.read_text("utf-8").replace(
        '[[companies]]\nid = "bouwbaas"',
        '# Bouwbaas komt alleen op de open dag; vraag Kees\n[[companies]]\nid = "bouwbaas"  # vaste klant')
    companies.write_text(text, "utf-8")
    head = (pack / "pack.toml").read_text("utf-8")
    studio = m.Studio(pack, DEFAULT)
    company = studio.add_company("Klimaat & Co")
    studio.set_company_url(company, "klimaatco.nl/contact")
    studio.set_company_name("bouwbaas", "Bouwbaas Houtbouw BV")
    studio.save()
    after = companies.read_text("utf-8")
    assert "# Bouwbaas komt alleen op de open dag; vraag Kees\n" in after
    assert 'id = "bouwbaas"  # vaste klant' in after
    assert 'name = "Bouwbaas Houtbouw BV"' in after
    # everything else of the campaign's file is byte for byte what it was
    assert after.startswith(text.split("Bouwbaas Houtbouw")[0])
    assert after.count("\n[[companies]]") == text.count("\n[[companies]]") + 1
    pack_after = (pack / "pack.toml").read_text("utf-8")
    assert pack_after.splitlines()[:3] == head.splitlines()[:3]  # the campaign's comments
    assert '"klimaatco.nl"' in pack_after
    assert collect(pack, DEFAULT)[0] is not None and not [p for p in collect(pack, DEFAULT)[1]
                                                if p.severity == "error"]


def test_a_new_event_gets_an_id_from_its_name_and_a_hashed_pin(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event()
    studio.set_event_name("Open dag Het Vakcollege")
    studio.set_event_name("Open dag Het Vakcollege 2027")  # the id follows until saved
    studio.set_event_date(datetime.date(2027, 1, 20))
    studio.set_event_welcome("Welkom in de werkplaats!")
    studio.set_pin("8531", "8531")
    studio.save()
    path = pack / "events" / "open-dag-het-vakcollege-2027.toml"
    assert not (pack / "events" / "open-dag-het-vakcollege.toml").exists()
    data = toml(path)
    assert data["name"] == {"nl": "Open dag Het Vakcollege 2027"}
    assert data["date"] == datetime.date(2027, 1, 20)
    # the PIN itself is nowhere: not as a value, not in a line (its hash's hex digits and
    # salt may hold "8531" by chance, about once in a thousand saves)
    hashed = data["admin_pin_hash"]
    assert "8531" not in path.read_text("utf-8").replace(hashed, "")
    assert verify_pin("8531", data["admin_pin_hash"])
    assert toml(pack / "pack.toml")["default_event"] == "open-dag-het-vakcollege-2027"
    loaded, problems, _ = collect(pack, DEFAULT)
    assert "open-dag-het-vakcollege-2027" in loaded.events
    # once saved the id stays: data already recorded under it keeps its name
    studio.set_event_name("Open dag 2027")
    assert studio.event_id == "open-dag-het-vakcollege-2027"


@pytest.mark.parametrize("pin, repeat, words", [
    ("1234", "1234", "te makkelijk"), ("0000", "0000", "te makkelijk"),
    ("2468", "2468", "voorbeeld"), ("8531", "8532", "niet gelijk"), ("85a1", "85a1", "cijfers"),
    ("", "", "Kies"), ("987654", "987654", "te makkelijk"),
])
def test_weak_or_mistyped_pins_are_refused_with_a_reason(pack: Path, pin: str, repeat: str,
                                                         words: str) -> None:
    studio = m.Studio(pack, DEFAULT)
    before = studio.event.get("admin_pin_hash")
    with pytest.raises(m.StudioError, match=words):
        studio.set_pin(pin, repeat)
    assert studio.event.get("admin_pin_hash") == before


@pytest.mark.parametrize("typed, stored", [
    ("www.bedrijf.nl/contact", "https://www.bedrijf.nl/contact"),
    ("http://bedrijf.nl", "https://bedrijf.nl"),
    ("  https://werk.bedrijf.nl/stage ", "https://werk.bedrijf.nl/stage"),
])
def test_links_are_fixed_and_their_host_allowed(pack: Path, typed: str, stored: str) -> None:
    studio = m.Studio(pack, DEFAULT)
    company = studio.add_company("Bedrijf")
    assert studio.set_company_url(company, typed) == stored
    assert m.url_host(stored) in [str(h) for h in studio.pack["allowed_hosts"]] or \
        m.url_host(stored).endswith(".bedrijf.nl")


@pytest.mark.parametrize("typed", ["", "https://", "contact", "mailto:info@bedrijf.nl"])
def test_a_link_without_a_host_is_one_sentence(pack: Path, typed: str) -> None:
    studio = m.Studio(pack, DEFAULT)
    company = studio.add_company("Bedrijf")
    with pytest.raises(m.StudioError) as caught:
        studio.set_company_url(company, typed)
    assert "\n" not in str(caught.value) and str(caught.value).endswith(".")
    assert "contact_url" not in studio._company(company)


def test_companies_add_edit_remove_and_reorder(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Markt")
    ids = [studio.add_company(n) for n in ("Alfa", "Beta", "Alfa")]
    assert ids == ["alfa", "beta", "alfa-2"]
    studio.move_company("alfa-2", -1)
    studio.move_company("alfa", 5)
    assert studio.company_ids() == ["alfa-2", "beta", "alfa"]
    studio.set_company_room("beta", "Lokaal 1.04")
    assert studio.company("beta").room == "Lokaal 1.04"
    studio.remove_company("alfa-2")
    assert studio.company_ids() == ["beta", "alfa"]
    assert "alfa-2" not in [t["id"] for t in studio.company_doc["companies"]]
    # a campaign company another event lists stays in companies.toml
    studio.event["companies"].append("voltwerk")
    studio.remove_company("voltwerk")
    assert "voltwerk" in [t["id"] for t in studio.company_doc["companies"]]


def test_jobs_are_found_by_title(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    found, unknown = studio.job_ids_by_titles(["timmerman", " Meubelmaker ", "Lasrobot"])
    assert found == ["timmerman", "meubelmaker"] and unknown == ["Lasrobot"]


def test_logo_is_resized_and_stored_on_save(pack: Path, tmp_path: Path) -> None:
    from PIL import Image

    studio = m.Studio(pack, DEFAULT)
    rel = studio.set_event_logo(png(tmp_path / "logo.jpg", (2400, 800)))
    assert not (pack / rel).exists()  # nothing written before she saves
    studio.save()
    with Image.open(pack / rel) as image:
        assert max(image.size) == m.LOGO_MAX_SIDE and image.format == "PNG"
    assert toml(pack / studio.event_rel)["logo"] == rel


def test_not_an_image_and_a_huge_logo_are_refused(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    fake = tmp_path / "logo.png"
    fake.write_text("dit is tekst", "utf-8")
    with pytest.raises(m.StudioError, match=r"logo\.png is geen plaatje"):
        studio.set_event_logo(fake)
    big = tmp_path / "big.png"
    with big.open("wb") as f:
        f.truncate(m.LOGO_MAX_BYTES + 1)
    with pytest.raises(m.StudioError, match="big.png is 60 MB"):
        studio.set_event_logo(big)
    assert not studio.pending and "logo" not in studio.event or \
        studio.event.get("logo") == toml(pack / studio.event_rel).get("logo")


def sheet(path: Path, rows: list[list[str]], merge: str = "") -> Path:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    for row in rows:
        ws.append(row)
    if merge:
        ws.merge_cells(merge)
    book.save(path)
    return path


def test_excel_import_reports_row_by_row(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Markt")
    xlsx = sheet(tmp_path / "bedrijven.xlsx", [
        ["Naam", "Lokaal", "Link", "Beroepen"],
        ["Klimaat & Co", "Lokaal 1.04", "klimaatco.nl", "Installatiemonteur; Elektromonteur"],
        ["Houtwerk Oost", "Aula", "https://houtwerk-oost.nl/stage", "Timmerman, Lasrobot"],
        ["", "", "", ""],
        ["Zonder link", "B2", "", "Lasser"],
        ["Samengevoegd", "x", "y", "z"],
        ["Geen host", "B3", "https://", "Lasser"],
    ], merge="A6:B6")
    report = studio.import_companies(xlsx)
    assert report.added == ["Klimaat & Co", "Houtwerk Oost", "Zonder link", "Geen host"]
    text = "\n".join(report.lines)
    assert "Rij 3 (Houtwerk Oost): beroep 'Lasrobot' staat niet in de lijst" in text
    assert "Rij 5 (Zonder link): geen link" in text
    assert "Rij 6: samengevoegde cellen" in text
    assert "Rij 7 (Geen host):" in text
    klimaat = studio.company("klimaat-co")
    assert (klimaat.room, klimaat.url) == ("Lokaal 1.04", "https://klimaatco.nl")
    assert klimaat.jobs == ["installatiemonteur", "elektromonteur"]
    assert studio.company("houtwerk-oost").jobs == ["timmerman"]


def test_csv_import_from_excel_on_windows(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    csv = tmp_path / "bedrijven.csv"
    csv.write_bytes("Bedrijf;Lokaal;Website;Beroepen\nRégio Bouw;Hal 2;regiobouw.nl;Metselaar\n"
                    .encode("cp1252"))
    report = studio.import_companies(csv)
    assert report.added == ["Régio Bouw"] and report.lines == []
    # 'Metselaar' is one part of the title "Timmerman / metselaar": that job
    assert studio.company("regio-bouw").jobs == ["timmerman"]


def test_a_sheet_that_is_not_one_is_one_sentence(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    before = studio.texts()
    bad = tmp_path / "lijst.xlsx"
    bad.write_text("geen excel", "utf-8")
    with pytest.raises(m.StudioError, match=r"lijst\.xlsx: dit is geen leesbaar Excel"):
        studio.import_companies(bad)
    headless = sheet(tmp_path / "zonder-kop.xlsx", [["Voltwerk", "1.04"]])
    with pytest.raises(m.StudioError, match="geen kolom 'Naam'"):
        studio.import_companies(headless)
    assert studio.texts() == before


def test_a_failed_save_writes_nothing_and_keeps_the_work(pack: Path, monkeypatch) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.set_event_name("Nieuwe naam")
    before = {p: p.read_bytes() for p in pack.rglob("*.toml")}

    def refuse(folder: Path) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr(m, "prove_writable", refuse)
    with pytest.raises(m.StudioError, match="opslaan lukt niet"):
        studio.save()
    assert {p: p.read_bytes() for p in pack.rglob("*.toml")} == before
    assert studio.dirty()


def test_a_draft_comes_back(pack: Path, tmp_path: Path) -> None:
    home = tmp_path / "home"
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Open dag 2027")
    studio.set_event_logo(png(tmp_path / "logo.png"))
    m.write_draft(home, studio)
    again = m.Studio(pack, DEFAULT)
    draft = m.read_draft(home, pack)
    assert draft is not None
    again.restore(draft)
    assert (again.event_id, again.event_name()) == ("open-dag-2027", "Open dag 2027")
    assert again.pending == studio.pending
    again.save()
    m.drop_draft(home, pack)
    assert m.read_draft(home, pack) is None
    assert (pack / "events" / "open-dag-2027.toml").is_file()


def test_a_bliqpack_becomes_her_own_folder(pack: Path, tmp_path: Path) -> None:
    private, _public = bliqpack.generate_keys(tmp_path / "keys")
    loaded, _, _ = collect(pack, DEFAULT)
    archive = tmp_path / "campagne.bliqpack"
    bliqpack.build(pack, private, archive, loaded.id, 3)
    copy = m.make_copy(archive, tmp_path / "mine", DEFAULT)
    assert copy == tmp_path / "mine" / "campagne-eigen"
    assert (copy / "pack.toml").read_bytes() == (pack / "pack.toml").read_bytes()
    assert m.Studio(copy, DEFAULT).company_ids()
    broken = tmp_path / "kapot.bliqpack"
    broken.write_bytes(archive.read_bytes()[:5000])
    with pytest.raises(m.StudioError, match="kapot.bliqpack"):
        m.make_copy(broken, tmp_path / "mine", DEFAULT)
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["campagne-eigen"]


def test_two_studios_on_one_pack(pack: Path) -> None:
    (pack / m.LOCK).write_text("1", "ascii")  # pid 1 is always alive
    with pytest.raises(m.StudioError, match="al open in een andere studio"):
        m.take_lock(pack)
    (pack / m.LOCK).write_text("999999999", "ascii")  # a studio that crashed
    m.take_lock(pack)
    m.release_lock(pack)
    assert not (pack / m.LOCK).exists()


def test_problems_speak_plainly_and_say_when_ready(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Open dag")
    texts = [f.text for f in all_findings(studio, check_saved(pack, DEFAULT))]
    assert "Kies een beheer-PIN en typ hem twee keer." in texts
    assert "Voeg de bedrijven toe die er op je event zijn." in texts
    company = studio.add_company("Klimaat & Co")
    assert "Klimaat & Co: vul de contactlink in." in [f.text for f in all_findings(studio, [])]
    studio.set_company_url(company, "klimaatco.nl")
    studio.set_company_jobs(company, ["timmerman"])
    studio.set_company_room(company, "Aula")
    studio.set_event_date(datetime.date(2027, 2, 1))
    studio.set_pin("8531", "8531")
    studio.save()
    findings = all_findings(studio, check_saved(pack, DEFAULT))
    assert ready(findings), findings
    # a campaign file she cannot change here is one grey line, not an error of hers
    (pack / "cards.toml").write_text((pack / "cards.toml").read_text("utf-8")
                                     + "\n[[cards]]\nid = \"x\"\n", "utf-8")
    findings = all_findings(studio, check_saved(pack, DEFAULT))
    assert ready(findings)
    assert any(f.severity == "note" and "campagne" in f.text for f in findings)


def test_stick_raises_the_version_signs_and_explains(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.set_pin("8531", "8531")
    stick, keys = tmp_path / "stick", tmp_path / "keys"
    stick.mkdir()
    first = put_on_stick(studio, stick, keys, DEFAULT)
    assert first.new_key and first.version == 2 and first.archive.name == "bliq-sample-2.bliqpack"
    public = bliqpack.load_public(first.public_key)
    manifest = bliqpack.verify(first.archive, {bliqpack.key_id(public): public}, DEFAULT.campaign)
    assert (manifest.pack_id, manifest.version) == ("bliq-sample", 2)
    readme = (stick / "LEESMIJ.txt").read_text("utf-8")
    assert "Steek deze stick in de kiosk-pc" in readme and first.public_key.name in readme
    second = put_on_stick(studio, stick, keys, DEFAULT)
    assert (second.version, second.new_key, second.key_id) == (3, False, first.key_id)
    assert toml(pack / "pack.toml")["version"] == 3
    assert sorted(p.name for p in stick.iterdir() if p.name.startswith(".")) == []


def test_a_full_stick_leaves_nothing_and_keeps_the_version(pack: Path, tmp_path: Path,
                                                          monkeypatch) -> None:
    import errno

    studio = m.Studio(pack, DEFAULT)
    stick = tmp_path / "stick"
    stick.mkdir()
    real_write = zipfile.ZipFile.write

    def full(self, *args, **kwargs):
        if len(self.namelist()) > 5:
            raise OSError(errno.ENOSPC, "No space left on device")
        return real_write(self, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "write", full)
    with pytest.raises(m.StudioError, match="de stick is vol"):
        put_on_stick(studio, stick, tmp_path / "keys", DEFAULT)
    assert list(stick.iterdir()) == []
    assert toml(pack / "pack.toml")["version"] == 1
    with pytest.raises(m.StudioError, match="bestaat niet"):
        put_on_stick(studio, tmp_path / "weg", tmp_path / "keys", DEFAULT)


def test_draft_json_holds_only_pack_paths(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.restore({"files": {"../evil.toml": "x = 1"}, "pending": {"/etc/x": "00"}})
    assert "../evil.toml" not in studio.docs and not studio.pending
    assert json.loads(json.dumps(studio.draft()))["pack"] == str(pack.resolve())
    assert io  # (kept for readers: drafts are plain JSON)


def test_a_broken_campaign_key_is_one_sentence(pack: Path, tmp_path: Path) -> None:
    keys, stick = tmp_path / "keys", tmp_path / "stick"
    keys.mkdir()
    stick.mkdir()
    (keys / "bliq-campagne.key").write_text("geen sleutel", "ascii")
    (keys / "bliq-campagne.pub").write_text("geen sleutel", "ascii")
    studio = m.Studio(pack, DEFAULT)
    with pytest.raises(m.StudioError, match="bliq-campagne.key"):
        put_on_stick(studio, stick, keys, DEFAULT)
    assert list(stick.iterdir()) == []
    assert toml(pack / "pack.toml")["version"] == 1


def test_her_unfinished_event_is_opened_again(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Beroepenavond")
    studio.save()  # no PIN yet: the kiosk skips the event, the studio must not lose it
    again = m.Studio(pack, DEFAULT)
    assert again.event_id == "beroepenavond"
    texts = [f.text for f in all_findings(again, check_saved(pack, DEFAULT))]
    assert "Kies een beheer-PIN en typ hem twee keer." in texts
    assert not any("default_event" in t for t in texts)
    assert texts.count("Kies een beheer-PIN en typ hem twee keer.") == 1
    assert "Kies een beheer-PIN." not in texts  # the check's line says the same: shown once


def test_a_vanished_pack_folder_is_not_made_again(pack: Path, tmp_path: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.set_event_name("Nieuwe naam")
    moved = tmp_path / "elders"
    pack.rename(moved)
    with pytest.raises(m.StudioError, match="de map van het pakket is weg"):
        studio.save()
    assert not pack.exists()
    moved.rename(pack)
    studio.save()
    assert "Nieuwe naam" in (pack / studio.event_rel).read_text("utf-8")


def test_an_event_on_several_days_and_its_languages(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Techniekweek")
    studio.set_event_date(datetime.date(2027, 3, 8))
    assert studio.add_day() == datetime.date(2027, 3, 9)
    assert studio.add_day() == datetime.date(2027, 3, 10)
    studio.set_event_date(datetime.date(2027, 3, 9))  # a later first day drops the days before
    assert studio.more_days() == [datetime.date(2027, 3, 10)]
    studio.set_english(False)
    studio.set_pin("8531", "8531")
    studio.save()
    data = toml(pack / "events" / "techniekweek.toml")
    assert data["dates"] == [datetime.date(2027, 3, 9), datetime.date(2027, 3, 10)]
    assert data["languages"] == ["nl"]
    from kiosk.core.event_choice import running_event
    loaded, _, _ = collect(pack, DEFAULT)
    assert running_event(loaded, datetime.date(2027, 3, 10)).event.id == "techniekweek"


def test_a_folder_she_may_not_write_is_copied_first(pack: Path, tmp_path: Path,
                                                    monkeypatch) -> None:
    import os
    import stat

    real = m.prove_writable

    def read_only(folder: Path) -> None:
        if Path(folder).resolve() == pack.resolve():
            raise PermissionError(13, "Permission denied")
        real(folder)

    monkeypatch.setattr(m, "prove_writable", read_only)
    assert m.needs_copy(pack)
    assert not m.needs_copy(tmp_path)
    (pack / "cards.toml").chmod(stat.S_IRUSR)  # a read-only share copies as read-only files
    copy = m.make_copy(pack, tmp_path / "mine", DEFAULT)
    assert copy.name == "pack-eigen" and (copy / "pack.toml").is_file()
    assert os.access(copy / "cards.toml", os.W_OK)
    assert sorted(p.name for p in (tmp_path / "mine").iterdir()) == ["pack-eigen"]


def test_a_40_mb_logo_is_made_small(pack: Path, tmp_path: Path) -> None:
    from PIL import Image

    big = png(tmp_path / "logo-van-de-drukker.bmp", (3750, 3750))
    assert big.stat().st_size > 40 * 2**20
    studio = m.Studio(pack, DEFAULT)
    rel = studio.set_event_logo(big)
    with Image.open(io.BytesIO(studio.pending[rel])) as image:
        assert image.size == (512, 512)
    assert len(studio.pending[rel]) < 100_000


def test_she_chooses_the_series_on_the_home_screen(pack: Path) -> None:
    studio = m.Studio(pack, DEFAULT)
    titles = studio.series_titles()
    assert {"aan-de-slag", "ouders-docenten", "techniek-om-je-heen"} <= set(titles)
    studio.set_featured(["techniek-om-je-heen", "bestaat-niet", "aan-de-slag"])
    assert studio.featured() == ["techniek-om-je-heen", "aan-de-slag"]
    studio.save()
    assert toml(pack / studio.event_rel)["featured_series"] == ["techniek-om-je-heen",
                                                                "aan-de-slag"]
