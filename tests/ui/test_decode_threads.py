"""FFmpeg's software decoders use ``Config.media.decode_threads`` threads each (one by default): a real
clip decoded by Qt's FFmpeg backend, with the process's threads counted while it plays."""
from __future__ import annotations

import ctypes
import os
import sys
from typing import Any

import pytest

from kiosk.config import DEFAULT
from kiosk.media.deck import Clip, Deck
from kiosk.media.scaler import ffmpeg_library
from tests.conftest import SAMPLE_PACK

CLIP = SAMPLE_PACK / "media" / "aan-de-slag" / "s1e1.mp4"   # 1280x720 H.264, as organisers' are


def cores_ffmpeg_sees() -> int:
    avutil = ctypes.CDLL(ffmpeg_library("avutil"))
    avutil.av_cpu_count.restype = ctypes.c_int
    return int(avutil.av_cpu_count())


def threads_while_playing(qtbot: Any, threads: int) -> int:
    """Threads in this process while a deck set to ``threads`` plays the clip."""
    deck = Deck(DEFAULT.with_(decode_threads=threads).media, audio=False)
    try:
        frames: list[int] = []
        deck.frame.connect(lambda _f: frames.append(1))
        with qtbot.waitSignal(deck.ready, timeout=10_000):
            deck.load(Clip("c", CLIP))
        deck.start()
        qtbot.waitUntil(lambda: len(frames) >= 15, timeout=10_000)
        return len(os.listdir("/proc/self/task"))
    finally:
        deck.unload()
        deck.deleteLater()
        qtbot.wait(200)


@pytest.fixture
def restore_default() -> Any:
    yield
    from kiosk.media.decoding import limit_decode_threads

    limit_decode_threads(DEFAULT.media.decode_threads)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="counts /proc/self/task")
def test_one_decode_thread_by_default_and_ffmpegs_choice_on_request(qtbot, restore_default):
    assert DEFAULT.media.decode_threads == 1   # the kiosk's default, which the memory figures assume
    one = threads_while_playing(qtbot, 1)
    assert cores_ffmpeg_sees() == 1
    auto = threads_while_playing(qtbot, 0)
    real_cores = len(os.sched_getaffinity(0))
    assert cores_ffmpeg_sees() == real_cores
    if real_cores > 1:
        # FFmpeg's own choice is a frame thread per core plus one (and more on bigger PCs):
        # at least two threads more than the one-thread decoder
        assert auto >= one + 2, (one, auto)


def test_the_clip_plays_to_its_end_with_one_decode_thread(qtbot, restore_default):
    deck = Deck(DEFAULT.with_(decode_threads=1).media, audio=False)
    try:
        with qtbot.waitSignal(deck.ready, timeout=10_000):
            deck.load(Clip("c", CLIP))
        deck.seek(max(0, deck.duration_ms - 800))
        with qtbot.waitSignal(deck.ended, timeout=10_000):
            deck.start()
        assert not deck.has_failed
    finally:
        deck.unload()
        deck.deleteLater()
