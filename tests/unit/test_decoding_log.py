"""Reading Qt's FFmpeg backend lines: hardware or software decoding, and why."""
from __future__ import annotations

from kiosk.media.decoding import read_backend_log

# As printed by Qt 6.11's FFmpeg backend on a machine without libva (this project's CI).
NO_VAAPI = [
    "Check device types",
    "Drivers for hw device cuda is not installed",
    "    Checking HW context: vaapi",
    "    Could not create hw context: -542398533 Unknown error 542398533",
    "Device types checked. Spent time: 505us",
    "No hw acceleration found for codec id 27",
    '"No HW decoder found"',
    'found decoder "h264" for id 27',
]

# A machine whose Intel GPU decodes H.264 through VA-API.
WITH_VAAPI = [
    "Check device types",
    "    Checking HW context: vaapi",
    "    Using above hw context.",
    'found decoder "h264" for id 27',
]


def test_software_decoding_names_what_was_tried():
    found = read_backend_log(NO_VAAPI)
    assert found.mode == "software"
    assert "vaapi" in found.detail and "cuda" in found.detail


def test_hardware_decoding_names_the_device():
    found = read_backend_log(WITH_VAAPI)
    assert found.mode == "hardware"
    assert "vaapi" in found.detail


def test_silence_is_unknown_not_software():
    assert read_backend_log([]).mode == "unknown"
    assert read_backend_log(['found decoder "h264" for id 27']).mode == "unknown"
