"""Inbox → install without Qt: settled files only, the newest valid pack wins, nothing half."""
from __future__ import annotations

import datetime
import os
import subprocess
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.pack import bliqpack
from kiosk.core.refusal import RefusalReason
from kiosk.campaign.updates import Inbox, Installer, read_current, removable_drives, rollback
from tests.packtools import build, keypair, pack_copy, signed_zip


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def archives(tmp_path_factory: pytest.TempPathFactory, keys) -> dict[int, Path]:
    """Real signed builds of the sample pack at versions 2, 3 and 4."""
    root = tmp_path_factory.mktemp("archives")
    return {v: build(pack_copy(root / f"pack{v}", v), keys[0], root / f"v{v}.bliqpack")
            for v in (2, 3, 4)}


@pytest.fixture
def data(tmp_path: Path, keys) -> Path:
    d = tmp_path / "data"
    bliqpack.trust(keys[1], d)
    return d


class Clock:
    def __init__(self) -> None:
        self.now = 100.0

    def __call__(self) -> float:
        return self.now


def test_inbox_waits_until_a_file_stops_growing_and_hands_it_out_once(tmp_path: Path) -> None:
    inbox, clock = tmp_path / "inbox", Clock()
    inbox.mkdir()
    watcher = Inbox(inbox, (), Config().with_(inbox_settle_s=2.0).campaign, clock)
    growing = inbox / "new.bliqpack"
    growing.write_bytes(b"a" * 10)
    assert watcher.poll() == []                 # first sight
    clock.now += 3
    with growing.open("ab") as f:                # still being copied
        f.write(b"b" * 10)
    os.utime(growing, ns=(1, 1))
    assert watcher.poll() == []
    clock.now += 1
    assert watcher.poll() == []                 # settled for 1 s only
    clock.now += 2
    assert watcher.poll() == [growing]
    watcher.handled(growing)
    clock.now += 5
    assert watcher.poll() == []                 # not again while it stays the same


def test_inbox_never_touches_temporary_or_hidden_files(tmp_path: Path) -> None:
    inbox, clock = tmp_path / "inbox", Clock()
    inbox.mkdir()
    for name in (".syncthing.p.bliqpack.tmp", "~syncthing~p.bliqpack.tmp", ".p.bliqpack",
                 "p.bliqpack.part", "notes.txt"):
        (inbox / name).write_bytes(b"x")
    watcher = Inbox(inbox, (), Config().with_(inbox_settle_s=0.0).campaign, clock)
    watcher.poll()
    clock.now += 1
    assert watcher.poll() == []


def test_sticks_are_found_through_the_configured_globs(tmp_path: Path) -> None:
    media = tmp_path / "media"
    stick = media / "kiosk" / "STICK"
    stick.mkdir(parents=True)
    (stick / "p.bliqpack").write_bytes(b"x")
    clock = Clock()
    watcher = Inbox(tmp_path / "no-inbox", (str(media / "*" / "*"),), Config().with_(inbox_settle_s=0.0).campaign,
                    clock)
    assert watcher.mounts() == [stick]
    watcher.poll()
    assert watcher.poll() == [stick / "p.bliqpack"]


def test_windows_removable_drive_letters_are_read_from_the_drive_mask() -> None:
    # C: (fixed), E: (a stick), F: (a DVD drive, type 5), A: (a floppy slot: never looked at)
    mask = 1 << 0 | 1 << 2 | 1 << 4 | 1 << 5
    types = {"A:\\": 2, "C:\\": 3, "E:\\": 2, "F:\\": 5}
    asked: list[str] = []

    def drive_type(root: str) -> int:
        asked.append(root)
        return types[root]

    assert removable_drives("nt", lambda: mask, drive_type) == [Path("E:\\")]
    assert asked == ["C:\\", "E:\\", "F:\\"]
    assert removable_drives("posix", lambda: mask, drive_type) == []


def test_a_stick_on_a_new_drive_letter_is_watched(tmp_path: Path) -> None:
    stick = tmp_path / "E"
    stick.mkdir()
    (stick / "p.bliqpack").write_bytes(b"x")
    watcher = Inbox(tmp_path / "no-inbox", (str(tmp_path / "none" / "*"),),
                    Config().with_(inbox_settle_s=0.0).campaign, Clock(), drives=lambda: [stick])
    assert watcher.mounts() == [stick]
    watcher.poll()
    assert watcher.poll() == [stick / "p.bliqpack"]


def test_two_packs_at_once_the_newest_valid_one_wins(tmp_path: Path, data: Path, keys,
                                                     archives) -> None:
    broken_newest = signed_zip(tmp_path / "v9.bliqpack", keys[0], {"a.txt": b"x"}, version=9,
                               manifest_files={"a.txt": {"sha256": "0" * 64, "size": 1}})
    outcomes = Installer(data, ("bliq-sample", 1), DEFAULT).install(
        [archives[2], archives[4], archives[3], broken_newest])
    by_file = {o.file.name: o for o in outcomes}
    assert by_file["v4.bliqpack"].installed
    assert by_file["v3.bliqpack"].reason is RefusalReason.NOT_NEWER
    assert by_file["v2.bliqpack"].reason is RefusalReason.NOT_NEWER
    assert by_file["v9.bliqpack"].reason is RefusalReason.TAMPERED
    assert read_current(data / "packs")["dir"] == "bliq-sample-4"
    assert sorted(p.name for p in (data / "packs").iterdir()) == ["bliq-sample-4", "current.json"]


def test_same_or_older_than_the_running_pack_is_refused(data: Path, archives) -> None:
    outcomes = Installer(data, ("bliq-sample", 3), DEFAULT).install([archives[3], archives[2]])
    assert [o.reason for o in outcomes] == [RefusalReason.NOT_NEWER, RefusalReason.NOT_NEWER]
    assert not (data / "packs").exists() or not any((data / "packs").iterdir())


def test_a_pack_that_fails_check_is_refused_and_nothing_stays(tmp_path: Path, data: Path,
                                                              keys) -> None:
    pack = pack_copy(tmp_path / "pack", 5)
    (pack / "pack.toml").write_text((pack / "pack.toml").read_text().replace(
        'channel_url = "https://nxtv.example/"', 'channel_url = "not a url"'))
    archive = tmp_path / "bad.bliqpack"
    bliqpack.build(pack, keys[0], archive, "bliq-sample", 5)  # the CLI would refuse to build it
    [outcome] = Installer(data, ("bliq-sample", 1), DEFAULT).install([archive])
    assert outcome.reason is RefusalReason.CHECK_FAILED and "channel_url" in outcome.message
    assert [p.name for p in (data / "packs").iterdir()] == []


def test_an_installed_pack_has_its_titles_remembered_where_it_is_installed(
        data: Path, archives, monkeypatch: pytest.MonkeyPatch) -> None:
    """The install loads the installed folder in full anyway (which event it shows): the
    figures' titles are kept from that load, so no ``kiosk stats`` loads it again."""
    from kiosk.pack import titles

    [outcome] = Installer(data, ("bliq-sample", 1), DEFAULT).install([archives[2]])
    assert outcome.installed and outcome.pack_dir is not None

    def no_full_load(root: Path, config: Config) -> None:
        raise AssertionError(f"{root} loaded in full")

    monkeypatch.setattr(titles, "_load", no_full_load)
    found, problem = titles.pack_titles(outcome.pack_dir, DEFAULT, titles.cache_folder(DEFAULT))
    assert problem is None and found is not None and found.version == 2
    assert found.jobs["lasser"].title.nl == "Lasser / constructiewerker"


def test_the_previous_version_is_kept_for_a_rollback(data: Path, archives) -> None:
    installer = Installer(data, ("bliq-sample", 1), DEFAULT)
    assert installer.install([archives[2]])[0].installed
    assert installer.install([archives[3]])[0].installed
    assert installer.install([archives[4]])[0].installed
    packs = data / "packs"
    assert sorted(p.name for p in packs.iterdir()) == ["bliq-sample-3", "bliq-sample-4",
                                                       "current.json"]
    assert rollback(packs) == packs / "bliq-sample-3"
    assert read_current(packs)["version"] == 3
    assert rollback(packs) is None  # one step back only


def test_disk_full_while_unpacking_leaves_nothing(tmp_path: Path, keys, archives) -> None:
    small = tmp_path / "small"
    small.mkdir()
    mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(small)],
                             capture_output=True).returncode == 0
    if not mounted:
        pytest.skip("needs permission to mount a 2 MB tmpfs (a real full disk); not root here")
    try:
        data = small / "data"
        bliqpack.trust(keys[1], data)
        [outcome] = Installer(data, ("bliq-sample", 1), DEFAULT).install([archives[2]])
        assert outcome.reason is RefusalReason.DISK_FULL and "nothing was installed" in outcome.message
        assert [p.name for p in (data / "packs").iterdir()] == []
    finally:
        subprocess.run(["umount", str(small)], check=True)


def test_an_archive_is_handed_out_once_across_restarts(tmp_path: Path) -> None:
    inbox, clock = tmp_path / "inbox", Clock()
    inbox.mkdir()
    state = tmp_path / "packs" / "seen.json"
    archive = inbox / "p.bliqpack"
    archive.write_bytes(b"x")

    def settled(watcher: Inbox) -> list[Path]:
        watcher.poll()
        clock.now += 1
        return watcher.poll()

    first = Inbox(inbox, (), Config().with_(inbox_settle_s=0.0).campaign, clock, state_file=state)
    assert settled(first) == [archive]
    first.handled(archive)
    again = Inbox(inbox, (), Config().with_(inbox_settle_s=0.0).campaign, clock, state_file=state)  # a restart
    assert settled(again) == []
    archive.write_bytes(b"xy")  # a new file under the same name is new
    assert settled(again) == [archive]


def test_a_refusal_the_kiosk_can_mend_is_tried_again_after_a_restart(tmp_path: Path) -> None:
    inbox, clock = tmp_path / "inbox", Clock()
    inbox.mkdir()
    state = tmp_path / "packs" / "seen.json"
    archive = inbox / "p.bliqpack"
    archive.write_bytes(b"x")
    first = Inbox(inbox, (), Config().with_(inbox_settle_s=0.0).campaign, clock, state_file=state)
    first.poll()
    first.handled(archive, remember=False)  # e.g. unknown_key: 'kiosk trust' may mend it
    assert first.poll() == []
    again = Inbox(inbox, (), Config().with_(inbox_settle_s=0.0).campaign, clock, state_file=state)
    again.poll()
    assert again.poll() == [archive]


def test_a_stick_pulled_out_during_the_install_leaves_nothing_and_says_why(
        tmp_path: Path, data: Path, archives, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    from kiosk.campaign import updates

    stick = tmp_path / "STICK"
    stick.mkdir()
    on_stick = stick / "v4.bliqpack"
    shutil.copyfile(archives[4], on_stick)
    real_unpack = updates.unpack

    def pulled_then_unpack(path: Path, *args, **kwargs):
        shutil.rmtree(stick)  # verified from the stick, then the stick is gone
        return real_unpack(path, *args, **kwargs)

    monkeypatch.setattr(updates, "unpack", pulled_then_unpack)
    [outcome] = Installer(data, ("bliq-sample", 1), DEFAULT).install([on_stick])
    assert not outcome.installed and outcome.reason is RefusalReason.READ_ERROR
    assert outcome.message.startswith("v4.bliqpack: cannot read it")
    assert [p.name for p in (data / "packs").iterdir()] == []


def test_a_stick_pulled_out_while_data_is_copied_leaves_no_half_file(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import errno
    import shutil

    from kiosk.storage import snapshot

    snap = tmp_path / "2026-12-01-1200.db"
    snap.write_bytes(b"x" * 100_000)
    folder = tmp_path / "STICK" / "bliq-data" / "aula"
    real_copy = shutil.copyfile

    def copy_half_then_pull(src, dst, *args, **kwargs):
        with open(src, "rb") as f, open(dst, "wb") as out:
            out.write(f.read(50_000))
        shutil.rmtree(tmp_path / "STICK")
        raise OSError(errno.EIO, "Input/output error")

    monkeypatch.setattr(snapshot.shutil, "copyfile", copy_half_then_pull)
    with pytest.raises(OSError):
        snapshot.copy_to(snap, folder)
    assert not (tmp_path / "STICK").exists()
    monkeypatch.setattr(snapshot.shutil, "copyfile", real_copy)
    folder.mkdir(parents=True)  # the stick back in: a whole copy, no temporary left over
    target = snapshot.copy_to(snap, folder)
    assert target.read_bytes() == snap.read_bytes()
    assert [p.name for p in folder.iterdir()] == [snap.name]


TRADE_FAIR_DAY = datetime.date(2026, 3, 12)   # the sample's techniekmarkt-2026


def test_the_result_line_says_which_event_the_kiosk_now_shows(data: Path, archives) -> None:
    [outcome] = Installer(data, ("bliq-sample", 1), DEFAULT, today=lambda: TRADE_FAIR_DAY).install(
        [archives[2]])
    assert outcome.line() == (
        "OK  v2.bliqpack: versie 2 geïnstalleerd. Toont nu: Techniekmarkt Regio Zwolle.\n"
        "    Installed version 2. Now showing: Zwolle Region Tech Careers Fair.")
    pinned = Installer(data, ("bliq-sample", 2), DEFAULT, pinned_event="open-dag-2026",
                       today=lambda: TRADE_FAIR_DAY).install([archives[3]])[0].line()
    assert ("Toont nu: Open dag Techniekcollege De Brug (vast ingesteld op deze kiosk; volgens "
            "de datum zou het Techniekmarkt Regio Zwolle zijn).") in pinned
    assert "(pinned on this kiosk; by date it would be Zwolle Region Tech Careers Fair)" in pinned


def test_a_refusal_says_what_to_do_in_one_sentence(tmp_path: Path, data: Path, keys,
                                                   archives) -> None:
    Installer(data, ("bliq-sample", 1), DEFAULT).install([archives[3]])
    # the very same update again (a stick plugged in twice): nothing to do
    [again] = Installer(data, ("bliq-sample", 3), DEFAULT).install([archives[3]])
    assert again.line().splitlines()[:2] == [
        "NIET GEÏNSTALLEERD  v3.bliqpack: Deze update (versie 3) staat er al op: er hoeft niets "
        "te gebeuren.",
        "    NOT INSTALLED: This update (version 3) is already installed: nothing to do."]
    # changed but its version not raised, in a file whose name says 4
    same_number = build(pack_copy(tmp_path / "edited", 3, title_nl="Anders"), keys[0],
                        tmp_path / "mijnpakket-4.bliqpack")
    [edited] = Installer(data, ("bliq-sample", 3), DEFAULT).install([same_number])
    assert edited.line().splitlines()[0] == (
        "NIET GEÏNSTALLEERD  mijnpakket-4.bliqpack: Deze update heeft versie 3, net als wat er al "
        "op staat: maak hem opnieuw in de studio, die geeft hem een hoger nummer.")
    assert edited.line().splitlines()[2] == (
        "    (not_newer: mijnpakket-4.bliqpack: holds version 3; this kiosk has version 3: "
        "raise version for every update)")
    [older] = Installer(data, ("bliq-sample", 3), DEFAULT).install([archives[2]])
    assert older.line().splitlines()[1] == (
        "    NOT INSTALLED: This update (version 2) is older than the one installed (version 3): "
        "make it again in the studio.")
    stranger = signed_zip(tmp_path / "x.bliqpack", keypair(tmp_path / "k")[0], {"a": b"x"})
    [unknown] = Installer(data, ("bliq-sample", 3), DEFAULT).install([stranger])
    assert "laat IT de sleutel op de kiosk zetten (kiosk trust)" in unknown.line()
