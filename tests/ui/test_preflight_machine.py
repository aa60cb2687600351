"""Preflight's checks of this machine: screen, sound, the data dir and its free space."""
from __future__ import annotations

import io
import json
from pathlib import Path

from kiosk.config import DEFAULT, Config
from kiosk.media.machine import machine_checks
from kiosk.media.preflight import Check, run_preflight


def by_item(checks: list[Check]) -> dict[str, Check]:
    return {c.item: c for c in checks}


def test_writable_data_dir_and_disk_space(qapp, tmp_path: Path):
    checks = by_item(list(machine_checks(tmp_path / "data", Config(), Check)))
    assert checks[str(tmp_path / "data")].status == "ok"
    assert checks["disk"].status == "ok" and "MB free" in checks["disk"].message
    assert checks["screen"].status == "warning"  # offscreen tests: no real display
    assert checks["sound"].status in ("ok", "warning")


def test_unwritable_data_dir_is_red_and_named(qapp, tmp_path: Path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    checks = by_item(list(machine_checks(blocker / "data", Config(), Check)))
    bad = checks[str(blocker / "data")]
    assert bad.status == "error" and "--data" in bad.message
    assert "disk" not in checks


def test_too_little_disk_is_red(qapp, tmp_path: Path):
    # a machine where every byte free is "too little": the threshold is above any disk
    cfg = Config().with_(preflight_disk_error_bytes=2**62, preflight_disk_warn_bytes=2**63)
    checks = by_item(list(machine_checks(tmp_path, cfg, Check)))
    assert checks["disk"].status == "error"


def test_preflight_with_a_data_dir_adds_the_machine_group(qapp, tmp_path: Path, sample_pack):
    out = io.StringIO()
    code = run_preflight(sample_pack, None, True, out, DEFAULT, data_dir=tmp_path)
    report = json.loads(out.getvalue())
    machine = [c for c in report["checks"] if c["group"] == "machine"]
    assert {c["item"] for c in machine} >= {"screen", "sound", "disk", str(tmp_path)}
    assert code == 0  # warnings (no screen, no sound here) do not make it red


def test_rendering_says_which_mode_and_why(qapp, tmp_path: Path):
    checks = by_item(list(machine_checks(tmp_path, Config(), Check)))
    # offscreen tests draw with Qt Quick's software backend: lean, and preflight says so
    assert checks["rendering"].status == "warning"
    assert checks["rendering"].message.startswith("lean (software rendering:")
    forced = by_item(list(machine_checks(tmp_path, Config().with_(render_mode="full"), Check)))
    assert forced["rendering"].status == "ok"
    assert forced["rendering"].message.startswith("full (forced with --render full")


def test_video_decoding_is_reported_from_a_real_clip(qapp, sample_pack: Path):
    from kiosk.media.decoding import probe_decoding

    clip = sample_pack / "media" / "aan-de-slag" / "s1e1.mp4"
    found = probe_decoding(clip, Config())
    # Qt's FFmpeg backend told us one or the other (this machine has no GPU: software)
    assert found.mode in ("hardware", "software"), found
    assert found.detail.startswith(f"decoded in {found.mode}")


def test_preflight_lists_the_decoding(qapp, sample_pack: Path):
    out = io.StringIO()
    run_preflight(sample_pack, None, True, out, DEFAULT)
    checks = by_item([Check(**c) for c in json.loads(out.getvalue())["checks"]])
    assert checks["video decoding"].message.startswith("decoded in ")


def test_preflight_says_in_one_line_whether_a_dutch_voice_exists(qapp, tmp_path: Path,
                                                                 sample_pack) -> None:
    import shutil

    from PySide6.QtTextToSpeech import QTextToSpeech

    engines = QTextToSpeech.availableEngines()
    cases = [("mock", "warning")] if "mock" in engines else []   # Qt's mock: no Dutch voice
    if "speechd" in engines and shutil.which("espeak-ng"):
        cases.append(("speechd", "ok"))                          # espeak-ng speaks Dutch
    for engine, status in cases:
        out = io.StringIO()
        code = run_preflight(sample_pack, None, False, out, data_dir=tmp_path / engine,
                             config=Config().with_(read_aloud_engine=engine))
        lines = [line for line in out.getvalue().splitlines() if "read-aloud" in line]
        assert len(lines) == 1, out.getvalue()
        assert ("✔" if status == "ok" else "⚠") in lines[0] or lines[0].lstrip().startswith(
            "[ok]" if status == "ok" else "[!]"), lines[0]
        assert ("Dutch voice:" if status == "ok" else "no Dutch voice") in lines[0]
        assert code == 0   # no voice is a warning, never red
