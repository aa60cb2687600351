"""Bad command lines and bad surroundings: one clear line, what is wrong and what to do."""
from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def kiosk(*args: str, data: Path | None = None) -> subprocess.CompletedProcess[str]:
    argv = [sys.executable, "main.py", *args, "--quit-after-start"]
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(argv, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)


def one_line(result: subprocess.CompletedProcess[str]) -> str:
    lines = [line for line in result.stderr.splitlines() if line.startswith("kiosk")]
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_unknown_flag():
    result = kiosk("--fullscreen-please")
    assert result.returncode == 2
    line = one_line(result)
    assert "--fullscreen-please" in line and "--help" in line


def test_bad_size():
    line = one_line(kiosk("--size", "huge"))
    assert "'huge'" in line and "1920x1080" in line


def test_data_dir_that_cannot_be_written(tmp_path: Path):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    result = kiosk("--data", str(blocker / "data"))
    assert result.returncode == 2
    line = one_line(result)
    assert str(blocker / "data") in line and "--data" in line


def test_missing_event_lists_the_known_ones(tmp_path: Path):
    result = kiosk("--data", str(tmp_path), "--event", "kermis-2031")
    assert result.returncode == 2
    line = one_line(result)
    assert "kermis-2031" in line and "open-dag-2026" in line and "--event" in line


def test_missing_content_folder(tmp_path: Path):
    line = one_line(kiosk("--data", str(tmp_path), "--content", str(tmp_path / "nope")))
    assert "nope" in line and "--content" in line


def test_corrupt_database_is_kept_aside_and_the_kiosk_starts(tmp_path: Path):
    (tmp_path / "kiosk.db").write_bytes(b"this is not a database" * 100)
    result = kiosk("--windowed", "--data", str(tmp_path))
    assert result.returncode == 0, result.stderr
    kept = list(tmp_path.glob("kiosk.db.corrupt-*"))
    assert len(kept) == 1 and kept[0].read_bytes().startswith(b"this is not a database")
    with sqlite3.connect(tmp_path / "kiosk.db") as con:
        assert con.execute("select count(*) from events where kind='kiosk_started'").fetchone() == (1,)
    assert "damaged" in (tmp_path / "kiosk.log").read_text()


def test_check_tool_never_shows_a_traceback(tmp_path: Path):
    result = subprocess.run([sys.executable, "-m", "kiosk", "check", str(tmp_path)], cwd=ROOT,
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == 1 and "Traceback" not in result.stdout + result.stderr
    assert "pack.toml" in result.stdout


def test_a_pack_without_events_is_refused_with_a_reason(tmp_path: Path):
    import shutil

    pack = tmp_path / "pack"
    shutil.copytree(ROOT / "episodes", pack)
    shutil.rmtree(pack / "events")
    (pack / "pack.toml").write_text("\n".join(
        line for line in (pack / "pack.toml").read_text(encoding="utf-8").splitlines()
        if not line.startswith("default_event")), encoding="utf-8")
    result = kiosk("--data", str(tmp_path / "data"), "--content", str(pack))
    assert result.returncode == 2
    line = one_line(result)
    assert "no usable event" in line and "admin PIN" in line
