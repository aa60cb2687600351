"""``kiosk preflight`` on the sample pack and damaged copies (real decoding, QR read-back)."""
from __future__ import annotations

import datetime
import io
import json
import shutil
import struct
import zlib
from pathlib import Path

import pytest

from kiosk.config import DEFAULT
from kiosk.media.preflight import run_preflight
from tests.conftest import SAMPLE_PACK

CLIP = "media/aan-de-slag/s1e2.mp4"


@pytest.fixture
def pack_copy(tmp_path: Path) -> Path:
    target = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, target)
    return target


def test_the_sample_pack_is_green(qtbot) -> None:
    out = io.StringIO()
    assert run_preflight(SAMPLE_PACK, None, False, out, DEFAULT) == 0
    text = out.getvalue()
    assert "✘" not in text
    # 11 episodes in the sample pack: one ✔ line per clip, one per caption file (nl + en).
    assert text.count(".mp4: ") == 11
    assert text.count(".vtt: ") == 22
    assert "read back" in text
    # the sample links to .example hosts and uses the demo PIN: fine to try, not for an event
    assert "OK voor een proefdraai / OK for a try-out" in text
    assert "not ready for a real event: the admin PIN is the demo PIN 2468" in text


def test_json_lists_every_check_with_time_per_clip(qtbot) -> None:
    out = io.StringIO()
    assert run_preflight(SAMPLE_PACK, "open-dag-2026", True, out, DEFAULT) == 0
    report = json.loads(out.getvalue())
    assert report["ok"] is True
    videos = [c for c in report["checks"] if c["group"] == "videos"]
    assert len(videos) == 11 and all(c["status"] == "ok" and c["seconds"] > 0 for c in videos)
    assert [c["item"] for c in report["checks"] if c["group"] == "event"] == ["open-dag-2026"]


def test_a_truncated_clip_is_red_and_named(qtbot, pack_copy: Path) -> None:
    clip = pack_copy / CLIP
    data = clip.read_bytes()
    clip.write_bytes(data[: len(data) // 2])
    out = io.StringIO()
    assert run_preflight(pack_copy, None, False, out, DEFAULT) == 1
    red = [line for line in out.getvalue().splitlines() if "✘" in line]
    assert any(CLIP in line for line in red)


def _cut_and_hide_the_cut(clip: Path) -> None:
    """Cut the clip in half and shrink its last box to fit, so only decoding shows the damage."""
    data = bytearray(clip.read_bytes()[: clip.stat().st_size // 2])
    offset = 0
    while True:
        size = struct.unpack(">I", data[offset : offset + 4])[0]
        if offset + size >= len(data):
            data[offset : offset + 4] = struct.pack(">I", len(data) - offset)
            break
        offset += size
    clip.write_bytes(bytes(data))


def test_a_clip_that_only_fails_to_decode_is_red_and_named(qtbot, pack_copy: Path) -> None:
    _cut_and_hide_the_cut(pack_copy / CLIP)
    out = io.StringIO()
    assert run_preflight(pack_copy, None, False, out, DEFAULT) == 1
    red = [line for line in out.getvalue().splitlines() if "✘" in line]
    assert len(red) == 1
    assert CLIP in red[0] and "ads-s1e2" in red[0]


# Qt's PNG reader warns about the cut-off logo; that is the damage under test.
@pytest.mark.qt_log_ignore(r"libpng error")
def test_wrong_duration_missing_translation_bad_captions_and_image(qtbot, pack_copy: Path) -> None:
    series = pack_copy / "series" / "aan-de-slag.toml"
    text = series.read_text(encoding="utf-8")
    # ads-s1e4 is 12 s long; declare 30 s.
    text = text.replace("duration = 12.0", "duration = 30.0", 1)
    text = text.replace(', en = "media/aan-de-slag/s1e5.en.vtt"', "")    # no English captions
    series.write_text(text, encoding="utf-8")
    (pack_copy / "media/aan-de-slag/s1e1.en.vtt").write_text(
        "WEBVTT\n\n00:00:xx.000 --> 00:00:02.000\nkapot\n", encoding="utf-8")
    logo = pack_copy / "images/companies/voltwerk.png"
    logo.write_bytes(logo.read_bytes()[:1000])                    # a cut-off PNG: header only
    # a PNG whose chunks and checksums are whole but whose picture data is not: only decoding
    # finds it (the pack check finds the cut-off one)
    idat = b"not a picture" * 8
    (pack_copy / "images/companies/rijwiel.png").write_bytes(
        b"\x89PNG\r\n\x1a\n" + b"".join(
            len(data).to_bytes(4, "big") + kind + data + zlib.crc32(kind + data).to_bytes(4, "big")
            for kind, data in ((b"IHDR", (64).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])),
                               (b"IDAT", idat), (b"IEND", b""))))

    out = io.StringIO()
    assert run_preflight(pack_copy, None, True, out, DEFAULT) == 1
    checks = json.loads(out.getvalue())["checks"]
    red = {(c["group"], c["item"]) for c in checks if c["status"] == "error"}
    # a wrong typed duration is a warning naming both values; the measured one is used
    assert ("videos", "media/aan-de-slag/s1e4.mp4") not in red
    assert ("captions", "media/aan-de-slag/s1e1.en.vtt") in red
    assert ("images", "images/companies/rijwiel.png") in red
    [cut] = [c for c in checks if "voltwerk.png" in c["message"]]
    assert (cut["group"], cut["item"], cut["status"]) == ("pack", "companies.toml", "warning")
    assert "logo: 'images/companies/voltwerk.png' is damaged" in cut["message"]
    bad_cue = next(c for c in checks if c["item"] == "media/aan-de-slag/s1e1.en.vtt")
    assert "line 3" in bad_cue["message"]
    missing = [c for c in checks if c["group"] == "captions" and c["item"] == "ads-s1e5"]
    assert [(c["status"], "'en'" in c["message"]) for c in missing] == [("warning", True)]
    [duration] = [c for c in checks if c["group"] == "pack" and "duration" in c["message"]]
    assert duration["status"] == "warning"
    assert "12.0 s" in duration["message"] and "30 s" in duration["message"]


def test_an_unknown_event_is_red(qtbot) -> None:
    out = io.StringIO()
    assert run_preflight(SAMPLE_PACK, "bestaat-niet", False, out, DEFAULT) == 1
    assert "✘ bestaat-niet: event not in the pack" in out.getvalue()


def test_ffmpeg_stream_dumps_go_to_the_log_not_the_terminal(qtbot, capfd, tmp_path: Path) -> None:
    from tests.packs.broken_cases import BASE

    out = io.StringIO()
    run_preflight(BASE, None, False, out, DEFAULT, data_dir=tmp_path / "data")
    err = capfd.readouterr().err
    assert "Input #0" not in err and "Stream #0" not in err
    details = (tmp_path / "data" / "preflight.log").read_text("utf-8", errors="replace")
    assert "Input #0" in details  # FFmpeg's dump of the clip, kept for whoever needs it
    assert out.getvalue().rstrip().endswith(f"Details (FFmpeg, Qt): {tmp_path / 'data'}"
                                            "/preflight.log")


@pytest.mark.parametrize("encoding", ["ascii", "cp1252", "utf-8"])
def test_checklist_writes_to_any_output_encoding(encoding: str) -> None:
    from kiosk.media.preflight import Check, _print

    raw = io.BytesIO()
    out = io.TextIOWrapper(raw, encoding=encoding)
    checks = [Check("videos", "media/a.mp4", "ok", "1280x720 → klaar…"),
              Check("captions", "media/a.srt", "warning", "Café “quotes”"),
              Check("qr", "1 codes", "error", "≥ 160 px ✘")]
    _print(checks, 1, 1.0, out)
    out.flush()
    text = raw.getvalue().decode(encoding)
    if encoding == "utf-8":
        assert "✔ media/a.mp4" in text and "⚠ media/a.srt" in text
    else:
        assert "[ok] media/a.mp4" in text and "[!]  media/a.srt" in text
        assert "[X]  1 codes" in text and "1280x720 -> klaar" in text
    assert "NIET OK / NOT OK" in text


@pytest.mark.parametrize("today, item, why", [
    (datetime.date(2026, 3, 12), "techniekmarkt-2026", "today's event"),
    (datetime.date(2026, 6, 1), "open-dag-2026", "the next event"),
])
def test_without_event_it_checks_the_event_the_kiosk_runs(today, item: str, why: str) -> None:
    """The morning check names the event the kiosk shows (its date), not default_event."""
    from kiosk.app import _pick_event
    from kiosk.pack.loader import load_pack
    from kiosk.media.preflight import _event_checks

    pack = load_pack(SAMPLE_PACK, DEFAULT)
    [check] = _event_checks(pack, None, today, DEFAULT.pack.did_you_mean_cutoff)
    assert (check.item, check.status) == (item, "ok") and f"({why})" in check.message
    assert _pick_event(pack, None, today).event.id == item   # what the kiosk would show
