"""The running kiosk and the campaign: a signed pack in the inbox or on a stick is installed and
switched to at the next return to attract, never during a visit; refusals are logged, shown in
admin, recorded and written back to the stick; data goes out as snapshots."""
from __future__ import annotations

import datetime
import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.app import build
from kiosk.config import DEFAULT, Config
from kiosk.pack import bliqpack
from tests.fakeplayer import FakePlayer
from tests.packtools import build as build_archive
from tests.packtools import keypair, pack_copy, signed_zip
from tests.uitools import find_item, touch_press, touch_release, touch_tap


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture(scope="module")
def packs(tmp_path_factory: pytest.TempPathFactory, keys) -> dict[int, Path]:
    """Version 1 as a folder (what the kiosk starts with), 2 and 3 as signed archives."""
    root = tmp_path_factory.mktemp("packs")
    made = {1: pack_copy(root / "v1", 1)}
    for v in (2, 3):
        made[v] = build_archive(pack_copy(root / f"v{v}", v, title_nl=f"Versie {v}"), keys[0],
                                root / f"bliq-sample-v{v}.bliqpack")
    return made


class Kiosk:
    """One kiosk with a trusted key, an inbox and a media root in temporary folders."""

    def __init__(self, root: Path, packs: dict[int, Path], keys, *args: str,
                 today: datetime.date | None = None, **config: object) -> None:
        self.data, self.inbox, self.media = root / "data", root / "inbox", root / "media"
        self.media.mkdir(parents=True)
        bliqpack.trust(keys[1], self.data)
        cfg = Config().with_(idle_timeout_s=600, still_there_countdown_s=60, idle_from_event=False,
                     admin_gesture_s=0.2, inbox_poll_s=0.05, inbox_settle_s=0.0,
                     removable_media_globs=(str(self.media / "*" / "*"),), **config)
        self.app = build(["--windowed", "--size", "1280x800", "--data", str(self.data),
                          "--content", str(packs[1]), "--inbox", str(self.inbox), *args],
                         config=cfg, player_factory=FakePlayer, today=today)

    def drop(self, archive: Path, folder: Path | None = None) -> Path:
        """Copy an archive in the way a sync engine does: a temporary name, then a rename."""
        folder = folder or self.inbox
        tmp = folder / f".syncthing.{archive.name}.tmp"
        shutil.copyfile(archive, tmp)
        return tmp.rename(folder / archive.name)

    def rows(self, kind: str) -> list[tuple]:
        self.app.store.flush()
        with sqlite3.connect(self.app.db_path) as conn:
            return conn.execute("SELECT value, reason FROM events WHERE kind = ? ORDER BY id",
                                (kind,)).fetchall()

    def log(self) -> str:
        return (self.data / "kiosk.log").read_text(encoding="utf-8")


OPEN_DAY = datetime.date(2026, 11, 28)   # the sample's open-dag-2026


@pytest.fixture
def kiosk(qapp, tmp_path: Path, packs, keys) -> Iterator[Kiosk]:
    k = Kiosk(tmp_path, packs, keys, today=OPEN_DAY)
    yield k
    k.app.close()


def test_a_new_pack_waits_for_the_end_of_the_visit(kiosk: Kiosk, packs, qtbot) -> None:
    app = kiosk.app
    assert (app.pack.id, app.pack.version) == ("bliq-sample", 1)
    qtbot.waitUntil(app.window.isExposed)
    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    kiosk.drop(packs[2])
    qtbot.waitUntil(lambda: app.campaign.pending is not None, timeout=20_000)
    assert app.campaign.property("updatePending")
    qtbot.wait(200)  # polls go on; the visitor keeps the running pack
    assert (app.pack.version, app.controller.state) == (1, "home")
    assert kiosk.rows("pack_installed") == []
    app.controller.endSession()   # back to attract
    qtbot.waitUntil(lambda: app.pack.version == 2, timeout=20_000)
    assert app.pack.root == (kiosk.data / "packs" / "bliq-sample-2").resolve()
    assert app.pack.title.nl == "Versie 2"
    assert app.controller.state == "attract"
    qtbot.waitUntil(app.window.isExposed)
    assert kiosk.rows("pack_installed") == [(2.0, None)]
    assert "switched from pack bliq-sample v1 to bliq-sample v2" in kiosk.log()


def test_refusals_are_logged_recorded_and_shown_in_admin(kiosk: Kiosk, keys, tmp_path: Path,
                                                         qtbot) -> None:
    stranger = keypair(tmp_path / "stranger")[0]
    kiosk.drop(signed_zip(tmp_path / "stranger.bliqpack", stranger, {"a.txt": b"x"}, version=7))
    qtbot.waitUntil(lambda: len(kiosk.rows("pack_refused")) == 1, timeout=20_000)
    # an untrusted manifest's version is not believed, so none is recorded
    assert kiosk.rows("pack_refused") == [(None, "unknown_key")]
    assert "pack refused: stranger.bliqpack: signed by key" in kiosk.log()
    lines = kiosk.app.campaign.property("statusLines")
    assert any("pack refused: stranger.bliqpack" in line for line in lines)
    # the same file is not refused again and again
    qtbot.wait(300)
    assert len(kiosk.rows("pack_refused")) == 1
    assert kiosk.app.pack.version == 1


def open_admin(app, qtbot) -> None:
    qtbot.waitUntil(app.window.isExposed)
    corner = find_item(app.window, "adminCorner")
    pos = corner.mapToScene(corner.boundingRect().center()).toPoint()
    touch_press(app.window, pos)
    qtbot.waitUntil(lambda: find_item(app.window, "adminPin") is not None)
    touch_release(app.window, pos)
    for key in "2468":
        touch_tap(app.window, f"adminPinKey_{key}")
    touch_tap(app.window, "adminPinOk")
    qtbot.waitUntil(lambda: app.controller.state == "admin")


def test_admin_shows_name_pack_and_rolls_back(kiosk: Kiosk, packs, qtbot) -> None:
    from kiosk.campaign.identity import set_identity

    set_identity(kiosk.data, "Aula links", "Zwolle", DEFAULT)
    app = kiosk.app
    for version in (2, 3):
        kiosk.drop(packs[version])
        qtbot.waitUntil(lambda: app.pack.version == version, timeout=20_000)  # noqa: B023
    open_admin(app, qtbot)
    touch_tap(app.window, "adminTabCampaign")
    qtbot.waitUntil(lambda: find_item(app.window, "adminKioskName") is not None)
    assert find_item(app.window, "adminKioskName").property("text") == \
        "Deze kiosk: Aula links (regio Zwolle)"
    assert "bliq-sample v3" in find_item(app.window, "adminPackVersion").property("text")
    touch_tap(app.window, "adminRollback")
    assert app.pack.version == 3  # not while admin is open
    app.controller.leaveAdmin()
    qtbot.waitUntil(lambda: app.pack.version == 2, timeout=20_000)
    assert [v for v, _ in kiosk.rows("pack_installed")] == [2.0, 3.0, 2.0]


def test_a_stick_gets_the_result_file_and_the_newest_data(kiosk: Kiosk, packs, keys, qtbot,
                                                          tmp_path: Path) -> None:
    from kiosk.campaign.identity import set_identity
    from kiosk.campaign.data_request import write_request

    set_identity(kiosk.data, "Hal 2", "Kampen", DEFAULT)
    app = kiosk.app
    app.store.record("session_started", "s1")
    stick = kiosk.media / "organiser" / "BLIQ"
    staging = tmp_path / "staging"
    (staging / "bliq-data").mkdir(parents=True)
    write_request(staging, keys[0], today=OPEN_DAY, config=DEFAULT.campaign)   # the studio's "haal de cijfers op"
    shutil.copyfile(packs[2], staging / packs[2].name)
    (staging / "half.bliqpack").write_bytes(packs[3].read_bytes()[:100_000])  # pulled mid-copy
    stick.parent.mkdir()
    staging.rename(stick)  # the stick is mounted with everything on it
    result = stick / "bliq-result-Hal-2.txt"
    qtbot.waitUntil(lambda: result.exists() and "half.bliqpack" in result.read_text()
                    and "bliq-sample-v2" in result.read_text(), timeout=20_000)
    text = result.read_text()
    assert "OK  cijfers gekopieerd: bliq-data/Hal-2/" in text
    assert ("OK  bliq-sample-v2.bliqpack: versie 2 geïnstalleerd. Toont nu: Open dag "
            "Techniekcollege De Brug.\n    Installed version 2. Now showing: Open day "
            "Techniekcollege De Brug.") in text
    assert ("NIET GEÏNSTALLEERD  half.bliqpack: Het bestand is niet heel (te vroeg uitgetrokken "
            "of nog aan het kopiëren): zet het opnieuw op de stick.") in text
    assert "    (incomplete: half.bliqpack: not a whole archive" in text
    [copied] = (stick / "bliq-data" / "Hal-2").iterdir()
    with sqlite3.connect(copied) as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE kind = 'session_started'"
                            ).fetchone()[0] == 1
        assert conn.execute("SELECT name, region FROM kiosks").fetchall() == [("Hal 2", "Kampen")]
    qtbot.waitUntil(lambda: app.pack.version == 2, timeout=20_000)


def test_a_stick_without_a_signed_request_gets_no_data_and_is_told_why(
        kiosk: Kiosk, packs, qtbot, tmp_path: Path) -> None:
    """Any stick with a bliq-data folder used to receive the figures, whoever plugged it in."""
    app = kiosk.app
    app.store.record("session_started", "s1")
    staging = tmp_path / "staging"
    (staging / "bliq-data").mkdir(parents=True)
    stick = kiosk.media / "visitor" / "USB"
    stick.parent.mkdir()
    staging.rename(stick)
    result = stick / f"bliq-result-{app.store.kiosk_id}.txt"   # no name set: the kiosk id
    qtbot.waitUntil(result.exists, timeout=20_000)
    assert result.read_text(encoding="utf-8").splitlines()[1:] == [
        "NIET GEKOPIEERD  cijfers: Deze stick vraagt niet om de cijfers: maak de stick klaar in "
        "de studio met 'Haal de cijfers op' (of laat IT 'kiosk data-request' gebruiken).",
        "    NOT COPIED: figures: This stick does not ask for the figures: prepare the stick in "
        "the studio with 'Haal de cijfers op' (or ask IT to use 'kiosk data-request')."]
    assert [p.name for p in (stick / "bliq-data").iterdir()] == []
    why = (f"no data for the stick at {stick}: no signed request (bliq-data/bliq-request.json) "
           "on the stick")
    qtbot.waitUntil(lambda: any(why in line for line in app.campaign.property("statusLines")))
    assert why in kiosk.log()


def test_shutdown_writes_a_snapshot_with_health(kiosk: Kiosk) -> None:
    import json

    kiosk.app.store.record("session_started", "s1")
    kiosk.app.close()
    outbox = kiosk.data / "outbox" / kiosk.app.store.kiosk_id
    [snap] = list(outbox.iterdir())
    with sqlite3.connect(snap) as conn:
        assert conn.execute("SELECT count(*) FROM events WHERE kind = 'session_started'"
                            ).fetchone()[0] == 1
        health = json.loads(conn.execute("SELECT health FROM kiosks").fetchone()[0])
    assert health["pack_id"] == "bliq-sample" and health["pack_version"] == 1
    assert health["free_disk_bytes"] > 0 and "restarts" in health


def test_the_event_of_the_day_is_chosen_and_said(qapp, tmp_path: Path) -> None:
    app = build(["--windowed", "--size", "1280x800", "--data", str(tmp_path / "data")],
                config=Config().with_(idle_from_event=False), today=datetime.date(2026, 3, 12),
                player_factory=FakePlayer)
    try:
        assert app.event.id == "techniekmarkt-2026"  # not the pack's default_event
        assert app.campaign.property("eventText") == "techniekmarkt-2026 (today)"
        assert not app.campaign.property("eventPinned")
        log = (tmp_path / "data" / "kiosk.log").read_text()
        assert "event chosen by date: techniekmarkt-2026 (today; today is 2026-03-12)" in log
    finally:
        app.close()


def test_a_pinned_kiosk_says_so_when_an_update_brings_the_event_of_the_day(
        qapp, tmp_path: Path, packs, keys, qtbot) -> None:
    """Installed with --event, the kiosk keeps that event after an update that brings today's
    event, and says so: a warning in the log, in coral in admin, with what the dates would run."""
    today = datetime.date(2026, 6, 1)   # the sample's next event then: open-dag-2026 (Nov 28)
    kiosk = Kiosk(tmp_path, packs, keys, "--event", "open-dag-2026", today=today)
    app = kiosk.app
    try:
        assert (app.event.id, app.campaign.property("eventByDate")) == ("open-dag-2026", "")
        assert app.campaign.property("eventPinned")
        assert "event pinned to open-dag-2026 by --event (the dates agree)" in kiosk.log()
        v2 = pack_copy(tmp_path / "v2", 2)
        event_file = v2 / "events" / "techniekmarkt-2026.toml"
        event_file.write_text(event_file.read_text(encoding="utf-8").replace(
            "date = 2026-03-12", "date = 2026-06-01"), encoding="utf-8")
        kiosk.drop(build_archive(v2, keys[0], tmp_path / "today-2.bliqpack"))
        qtbot.waitUntil(lambda: app.pack.version == 2, timeout=20_000)
        assert app.event.id == "open-dag-2026"   # the pin holds: an explicit choice
        assert app.campaign.property("eventByDate") == "Techniekmarkt Regio Zwolle (techniekmarkt-2026)"
        warning = [line for line in kiosk.log().splitlines() if " WARNING " in line
                   and "switched from pack bliq-sample v1 to bliq-sample v2" in line]
        assert warning and ("event pinned to open-dag-2026 by --event; by date it would be "
                            "techniekmarkt-2026 (today)") in warning[0]
        open_admin(app, qtbot)
        touch_tap(app.window, "adminTabCampaign")
        qtbot.waitUntil(lambda: find_item(app.window, "adminEventChoice") is not None)
        line = find_item(app.window, "adminEventChoice").property("text")
        assert line == ("Evenement: vast ingesteld op Open dag Techniekcollege De Brug (open-dag-2026) (--event); "
                        "volgens de datum zou het Techniekmarkt Regio Zwolle (techniekmarkt-2026) zijn")
    finally:
        app.close()


def test_a_pin_the_updated_pack_no_longer_holds_gives_way_to_the_dates(caplog) -> None:
    """Typed wrong at the command line: the kiosk does not start. Gone from an update: the kiosk
    follows the dates and warns, instead of refusing the update or failing every restart."""
    from kiosk.app import StartupError, _pick_event
    from kiosk.pack.loader import load_pack
    from tests.conftest import SAMPLE_PACK

    pack = load_pack(SAMPLE_PACK, DEFAULT)
    with pytest.raises(StartupError, match="event 'kermis-2031' is not in the pack"):
        _pick_event(pack, "kermis-2031", OPEN_DAY)
    choice = _pick_event(pack, "kermis-2031", OPEN_DAY, strict=False)
    assert (choice.event.id, choice.why) == ("open-dag-2026", "today")
    assert "event 'kermis-2031' is not in the pack" in caplog.text
    assert "following the dates instead of --event" in caplog.text


def test_a_kiosk_left_on_overnight_shows_the_next_days_event(qapp, tmp_path: Path, packs, keys,
                                                              qtbot) -> None:
    """The dates decide at every new day too, not only at start: a fair the day after the open
    day, the kiosk never restarted."""
    fair_next_day = pack_copy(tmp_path / "pack", 1)
    event_file = fair_next_day / "events" / "techniekmarkt-2026.toml"
    event_file.write_text(event_file.read_text(encoding="utf-8").replace(
        "date = 2026-03-12", "date = 2026-11-29"), encoding="utf-8")
    kiosk = Kiosk(tmp_path / "k", {1: fair_next_day}, keys, today=OPEN_DAY)
    app = kiosk.app
    try:
        assert app.event.id == "open-dag-2026"
        qtbot.waitUntil(app.window.isExposed)
        touch_tap(app.window, "startButton")   # a visit runs over midnight: nothing changes
        qtbot.waitUntil(lambda: app.controller.state == "home")
        app.today = OPEN_DAY + datetime.timedelta(days=1)
        qtbot.wait(300)  # several polls
        assert (app.event.id, app.controller.state) == ("open-dag-2026", "home")
        app.controller.endSession()
        qtbot.waitUntil(lambda: app.event.id == "techniekmarkt-2026", timeout=20_000)
        assert app.campaign.property("eventText") == "techniekmarkt-2026 (today)"
        assert app.store.event_id == "techniekmarkt-2026"  # the visits count for the fair
        assert "event of the day: techniekmarkt-2026 (today) instead of open-dag-2026" in \
            kiosk.log()
        qtbot.waitUntil(app.window.isExposed)
    finally:
        app.close()


def test_a_snapshot_asked_for_while_a_poll_runs_is_written(kiosk: Kiosk, qtbot,
                                                           monkeypatch) -> None:
    """Admin's "snapshot now" (or the timer) during a poll of the inbox and sticks: the
    snapshot waits for the poll and is written, not dropped (a Syncthing test lost one so)."""
    import threading

    service = kiosk.app.campaign
    polling, release = threading.Event(), threading.Event()
    real_poll = service._poll_job

    def slow_poll():
        polling.set()
        release.wait(10)
        return real_poll()

    monkeypatch.setattr(service, "_poll_job", slow_poll)
    qtbot.waitUntil(polling.is_set, timeout=10_000)   # the poll timer started one
    assert service.newest_snapshot() is None
    service.snapshotNow()
    release.set()
    qtbot.waitUntil(lambda: service.newest_snapshot() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: any("snapshot written" in line
                                for line in service.property("statusLines")))
