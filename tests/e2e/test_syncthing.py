"""Syncthing for real: two instances on 127.0.0.1 (a campaign laptop and a kiosk) with temporary
homes and their own device ids, no discovery, relays or NAT; a signed pack goes to the kiosk's
inbox and is installed, a snapshot comes back. Syncthing's own partial files
(``.syncthing.<name>.tmp``) are never touched by the kiosk."""
from __future__ import annotations

import json
import secrets
import shutil
import socket
import sqlite3
import subprocess
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.pack import bliqpack
from tests.packtools import build as build_archive
from tests.packtools import keypair, pack_copy

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(shutil.which("syncthing") is None,
                       reason="the syncthing program is not installed "
                              "(bash tools/setup.sh --test installs it)"),
]


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Peer:
    """One Syncthing instance with a generated key pair and a config written here."""

    def __init__(self, home: Path) -> None:
        self.home = home
        subprocess.run(["syncthing", "generate", "--home", str(home), "--no-default-folder"],
                       check=True, capture_output=True, timeout=60)
        self.device_id = subprocess.run(["syncthing", "--home", str(home), "--device-id"],
                                        check=True, capture_output=True, text=True,
                                        timeout=60).stdout.strip()
        self.port, self.gui = free_port(), free_port()
        self.api_key = secrets.token_hex(16)
        self.folders: list[tuple[str, Path, str]] = []
        self.process: subprocess.Popen[bytes] | None = None

    def share(self, folder_id: str, path: Path, kind: str) -> None:
        path.mkdir(parents=True, exist_ok=True)
        (path / ".stfolder").mkdir(exist_ok=True)  # Syncthing's marker: the folder is mounted
        self.folders.append((folder_id, path, kind))

    def start(self, peer: Peer, max_recv_kbps: int = 0) -> None:
        devices = (f'<device id="{self.device_id}"></device>'
                   f'<device id="{peer.device_id}"></device>')
        folders = "".join(
            f'<folder id="{fid}" label="{fid}" path="{path}" type="{kind}" rescanIntervalS="1" '
            f'fsWatcherEnabled="true" fsWatcherDelayS="1">{devices}</folder>'
            for fid, path, kind in self.folders)
        (self.home / "config.xml").write_text(f"""<configuration version="36">
  {folders}
  <device id="{self.device_id}" name="self"><address>dynamic</address></device>
  <device id="{peer.device_id}" name="peer"><address>tcp://127.0.0.1:{peer.port}</address></device>
  <gui enabled="true" tls="false"><address>127.0.0.1:{self.gui}</address>
    <apikey>{self.api_key}</apikey></gui>
  <options>
    <listenAddress>tcp://127.0.0.1:{self.port}</listenAddress>
    <globalAnnounceEnabled>false</globalAnnounceEnabled>
    <localAnnounceEnabled>false</localAnnounceEnabled>
    <relaysEnabled>false</relaysEnabled>
    <natEnabled>false</natEnabled>
    <startBrowser>false</startBrowser>
    <urAccepted>-1</urAccepted>
    <autoUpgradeIntervalH>0</autoUpgradeIntervalH>
    <crashReportingEnabled>false</crashReportingEnabled>
    <reconnectionIntervalS>1</reconnectionIntervalS>
    <maxRecvKbps>{max_recv_kbps}</maxRecvKbps>
    <limitBandwidthInLan>{"true" if max_recv_kbps else "false"}</limitBandwidthInLan>
  </options>
</configuration>
""")
        with (self.home / "syncthing.log").open("wb") as log:  # the child keeps its own copy
            self.process = subprocess.Popen(
                ["syncthing", "serve", "--home", str(self.home), "--no-browser", "--no-restart",
                 "--no-upgrade"], stdout=log, stderr=subprocess.STDOUT,
                env={"PATH": "/usr/bin:/bin", "HOME": str(self.home), "STNODEFAULTFOLDER": "1",
                     "STNOUPGRADE": "1"})

    def rest(self, path: str) -> object:
        request = urllib.request.Request(f"http://127.0.0.1:{self.gui}{path}",
                                         headers={"X-API-Key": self.api_key})
        with urllib.request.urlopen(request, timeout=5) as response:
            return json.load(response)

    def connected_to(self, peer: Peer) -> bool:
        try:
            connections = self.rest("/rest/system/connections")["connections"]  # type: ignore[index]
        except OSError:
            return False  # still starting
        return bool(connections.get(peer.device_id, {}).get("connected"))

    def stop(self) -> None:
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()


@pytest.fixture
def peers(tmp_path: Path) -> Iterator[tuple[Peer, Peer]]:
    laptop, kiosk = Peer(tmp_path / "st-laptop"), Peer(tmp_path / "st-kiosk")
    yield laptop, kiosk
    laptop.stop()
    kiosk.stop()


def test_a_pack_travels_to_the_kiosk_and_a_snapshot_comes_back(qapp, qtbot, tmp_path: Path,
                                                               peers) -> None:
    from kiosk.app import build
    from kiosk.campaign.identity import set_identity
    from tests.fakeplayer import FakePlayer

    laptop, kiosk_peer = peers
    keys = keypair(tmp_path / "keys")
    data, inbox = tmp_path / "kiosk-data", tmp_path / "kiosk-inbox"
    packs_out, outbox_in = tmp_path / "laptop" / "packs", tmp_path / "laptop" / "outbox" / "k1"
    # The campaign laptop sends packs and receives the kiosk's outbox; the kiosk the reverse.
    laptop.share("bliq-packs", packs_out, "sendonly")
    laptop.share("bliq-outbox-k1", outbox_in, "receiveonly")
    kiosk_peer.share("bliq-packs", inbox, "receiveonly")
    kiosk_peer.share("bliq-outbox-k1", data / "outbox", "sendonly")
    bliqpack.trust(keys[1], data)
    set_identity(data, "Aula links", "Zwolle", DEFAULT)
    laptop.start(kiosk_peer)
    # A slow link (2 MB/s): the pack spends seconds as Syncthing's partial file in the inbox.
    kiosk_peer.start(laptop, max_recv_kbps=2000)

    archive = build_archive(pack_copy(tmp_path / "v2", 2), keys[0], tmp_path / "bliq-sample-2.bliqpack")
    # What Syncthing leaves while a transfer is under way: must be left alone.
    (inbox / ".syncthing.bliq-sample-3.bliqpack.tmp").write_bytes(archive.read_bytes()[:4096])
    app = build(["--windowed", "--size", "1280x800", "--data", str(data), "--inbox", str(inbox),
                 "--content", str(pack_copy(tmp_path / "v1", 1))],
                config=Config().with_(idle_from_event=False, inbox_poll_s=0.1, inbox_settle_s=0.5),
                player_factory=FakePlayer)
    try:
        qtbot.waitUntil(lambda: laptop.connected_to(kiosk_peer), timeout=60_000)
        staged = packs_out.parent / f".{archive.name}"
        shutil.copyfile(archive, staged)
        staged.rename(packs_out / archive.name)
        partial = inbox / f".syncthing.{archive.name}.tmp"
        qtbot.waitUntil(partial.exists, timeout=60_000)
        # ten finished polls (0.1 s apart): longer than the 0.5 s a file must stay unchanged
        for _ in range(10):
            with qtbot.waitSignal(app.campaign.changed, timeout=10_000):
                pass
        assert partial.exists() and not (inbox / archive.name).exists()
        assert app.store.count("pack_refused") == 0 and app.pack.version == 1
        qtbot.waitUntil(lambda: app.pack.version == 2, timeout=120_000)
        assert (inbox / archive.name).read_bytes() == archive.read_bytes()
        app.store.flush()
        with sqlite3.connect(app.db_path) as conn:
            kinds = [k for (k,) in conn.execute(
                "SELECT kind FROM events WHERE kind LIKE 'pack_%' ORDER BY id")]
        assert kinds == ["pack_installed"]  # the partial file was never tried, nor refused

        app.campaign.snapshotNow()
        arrived = outbox_in / "Aula-links"
        qtbot.waitUntil(lambda: arrived.is_dir() and any(
            p.suffix == ".db" and not p.name.startswith(".") for p in arrived.iterdir()),
            timeout=120_000)
        [snap] = [p for p in arrived.iterdir() if p.suffix == ".db"]
        with sqlite3.connect(snap) as conn:
            assert conn.execute("SELECT count(*) FROM events WHERE kind = 'pack_installed'"
                                ).fetchone()[0] == 1
            assert conn.execute("SELECT name, region, pack_version FROM kiosks").fetchall() == [
                ("Aula links", "Zwolle", 2)]
    finally:
        app.close()
