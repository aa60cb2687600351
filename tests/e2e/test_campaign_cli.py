"""The campaign's commands as an organiser types them (real processes, real files)."""
from __future__ import annotations
from kiosk.config import DEFAULT

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

from tests.packtools import pack_copy

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run([sys.executable, "-m", "kiosk", *args], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=120)


def one_error(result: subprocess.CompletedProcess[str]) -> str:
    assert result.returncode != 0 and "Traceback" not in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def test_keygen_build_trust_name_snapshot(tmp_path: Path) -> None:
    keys, data = tmp_path / "keys", tmp_path / "data"
    made = kiosk("keygen", "--out", str(keys))
    assert made.returncode == 0, made.stderr
    [private] = keys.glob("*.key")
    [public] = keys.glob("*.pub")
    pack = pack_copy(tmp_path / "pack", 4)
    out = tmp_path / "stick" / "zwolle-4.bliqpack"
    built = kiosk("pack", "build", str(pack), "--key", str(private), "--out", str(out))
    assert built.returncode == 0 and "version 4" in built.stdout, built.stderr
    assert kiosk("trust", str(public), "--data", str(data)).returncode == 0
    assert list((data / "trusted-keys").glob("*.pub"))
    asked = kiosk("data-request", str(tmp_path / "stick"), "--key", str(private))
    assert asked.returncode == 0 and "for 31 days" in asked.stdout, asked.stderr
    from kiosk.pack.bliqpack import trusted_keys
    from kiosk.campaign.data_request import check_request

    assert check_request(tmp_path / "stick", trusted_keys(data), None, DEFAULT.campaign).ok
    named = kiosk("name", "Aula links", "--region", "Zwolle", "--data", str(data))
    assert named.returncode == 0 and "Aula links" in named.stdout
    from kiosk.storage.events import EventStore

    with EventStore(data / "kiosk.db", "k1a2b3c", DEFAULT.store) as store:
        store.record("session_started", "s1")
        store.flush()
        snap = kiosk("snapshot", "--data", str(data), "--out", str(tmp_path / "snaps"))
        assert snap.returncode == 0, snap.stderr
    [copy] = (tmp_path / "snaps").iterdir()
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == 1


def test_mistakes_are_one_line_naming_the_file(tmp_path: Path) -> None:
    keys = tmp_path / "keys"
    kiosk("keygen", "--out", str(keys))
    [private] = keys.glob("*.key")
    [public] = keys.glob("*.pub")
    zero = pack_copy(tmp_path / "pack", 0)
    line = one_error(kiosk("pack", "build", str(zero), "--key", str(private),
                           "--out", str(tmp_path / "p.bliqpack")))
    assert line.endswith("pack.toml: field version: 0; a kiosk installs version 1 and up: set "
                         "'version = 1' and raise it for every update")   # not "missing"
    head = zero / "pack.toml"
    head.write_text(head.read_text(encoding="utf-8").replace("version = 0\n", ""),
                    encoding="utf-8")
    line = one_error(kiosk("pack", "build", str(zero), "--key", str(private),
                           "--out", str(tmp_path / "p.bliqpack")))
    assert "pack.toml: field version: missing; add a line 'version = 1'" in line
    pack = pack_copy(tmp_path / "pack2", 2)
    misnamed = tmp_path / "mijnpakket-3.bliqpack"
    line = one_error(kiosk("pack", "build", str(pack), "--key", str(private),
                           "--out", str(misnamed)))
    assert line.endswith(f"{misnamed}: the name says version 3 but {pack / 'pack.toml'} has "
                         "version = 2; raise version to 3 (for an update), or name the file "
                         "mijnpakket-2.bliqpack")
    assert not misnamed.exists()
    line = one_error(kiosk("pack", "build", str(pack), "--key", str(public),
                           "--out", str(tmp_path / "p.bliqpack")))
    assert str(public) in line and "private key" in line
    line = one_error(kiosk("pack", "build", str(pack), "--key", str(private),
                           "--out", str(tmp_path / "p.zip")))
    assert ".bliqpack" in line
    line = one_error(kiosk("data-request", str(tmp_path / "no-stick"), "--key", str(private)))
    assert str(tmp_path / "no-stick") in line and "not a folder" in line
    line = one_error(kiosk("data-request", str(tmp_path), "--key", str(public)))
    assert str(public) in line and "private key" in line
    line = one_error(kiosk("trust", str(private), "--data", str(tmp_path / "d")))
    assert str(private) in line and "public key" in line
    line = one_error(kiosk("snapshot", "--data", str(tmp_path / "nothing"), "--out", str(tmp_path)))
    assert "kiosk.db" in line
    line = one_error(kiosk("name", "x" * 80, "--data", str(tmp_path / "d")))
    assert "at most 60" in line
