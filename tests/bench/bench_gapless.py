"""Benchmark: the gap between clips at the output sink, time to first frame, memory over plays.

Run: ``QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_gapless [--switches 20] [--plays 100]``
Aims: first frame < 150 ms, gap ≤ 1 frame (40 ms at 25 fps), flat memory.
"""
from __future__ import annotations

import argparse
import os
import statistics
import time
from pathlib import Path
from collections.abc import Callable

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop
from PySide6.QtGui import QGuiApplication

from kiosk.config import DEFAULT
from kiosk.pack.loader import load_pack
from kiosk.media.player import Clip, EpisodePlayer

PACK = Path(__file__).resolve().parents[2] / "episodes"
BEFORE_END_MS = 400


def wait_until(condition: Callable[[], bool], timeout_s: float = 20.0) -> None:
    end = time.monotonic() + timeout_s
    while not condition():
        if time.monotonic() > end:
            raise TimeoutError("benchmark step timed out")
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)


def rss_mb() -> float:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 1e6


def stats(values: list[float]) -> str:
    return (f"median {statistics.median(values):.1f} ms, worst {max(values):.1f} ms, "
            f"n={len(values)}")


def bench_gap(player: EpisodePlayer, episodes: list, switches: int) -> None:
    """Autoplay with a jump to just before each end; gap = first frame of B − last frame of A."""
    frames: list[tuple[float, str, bool]] = []
    player.videoSink().videoFrameChanged.connect(
        lambda f: frames.append((time.perf_counter(), player.episodeId, f.isValid())))
    player.episodeStarted.connect(lambda _id: player.seek(player.duration - BEFORE_END_MS))
    playlist = (episodes * (switches // len(episodes) + 2))[: switches + 1]
    # Ids repeat in a long list: give every entry its own id so switches can be told apart.
    clips = [Clip(f"{i}:{e.id}", e.video, e.subtitles) for i, e in enumerate(playlist)]
    player.setPlaylist(clips, auto_advance=True)
    player.play(clips[0])
    wait_until(lambda: player.episodeId == clips[-1].id and player.state == "ended", 120)
    gaps, invalid = [], sum(1 for *_, ok in frames if not ok)
    for a, b in zip(clips, clips[1:]):
        last_a = max(t for t, e, _ in frames if e == a.id)
        first_b = min(t for t, e, _ in frames if e == b.id)
        gaps.append((first_b - last_a) * 1000)
    print(f"gap between clips ({switches} switches): {stats(gaps)}; "
          f"invalid frames forwarded: {invalid}")
    player.stop()


def bench_first_frame(player: EpisodePlayer, episodes: list, plays: int) -> None:
    """play() on a cold episode (nothing prepared) → its first frame at the output sink."""
    got: list[float] = []
    player.videoSink().videoFrameChanged.connect(
        lambda f: got.append(time.perf_counter()) if f.isValid() else None)
    rss_after_one, times = 0.0, []
    for i in range(plays):
        player.stop()
        got.clear()
        began = time.perf_counter()
        player.play(episodes[i % len(episodes)])
        wait_until(lambda: bool(got))
        times.append((got[0] - began) * 1000)
        if i == 0:
            rss_after_one = rss_mb()
    player.stop()
    print(f"tap → first frame: {stats(times)}")
    print(f"memory (RSS): after 1 play {rss_after_one:.0f} MB, "
          f"after {plays} plays {rss_mb():.0f} MB")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--switches", type=int, default=20)
    parser.add_argument("--plays", type=int, default=100)
    args = parser.parse_args()
    app = QGuiApplication([])  # noqa: F841 - must outlive the players
    episodes = list(load_pack(PACK, DEFAULT).episodes.values())
    bench_gap(EpisodePlayer(DEFAULT), episodes, args.switches)
    bench_first_frame(EpisodePlayer(DEFAULT), episodes, args.plays)


if __name__ == "__main__":
    main()
