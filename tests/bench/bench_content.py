"""Benchmark: load_pack and run_check on a synthetic 200-episode / 100-job / 60-card pack.

Run: ``python -m tests.bench.bench_content`` (or ``pytest tests/bench/bench_content.py -s -n 0``).
Prints medians; no timed asserts (speed targets are figures, not tests).
"""
from __future__ import annotations

import io
import shutil
import statistics
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from kiosk.config import DEFAULT
from kiosk.pack.check import run_check
from kiosk.pack.loader import load_pack
from kiosk.core.taxonomy import DOMAINS, TYPES
from tests.packs.broken_cases import BASE

SERIES, SEASONS, EPISODES_PER_SEASON = 10, 2, 10  # 200 episodes
JOBS, CARDS, RUNS = 100, 60, 7


def make_pack(root: Path) -> Path:
    """A synthetic pack: every episode has its own clip and subtitle files, as in real life."""
    pack = root / "bench-pack"
    for sub in ("series", "events", "media"):
        (pack / sub).mkdir(parents=True)
    for name in ("pack.toml", "companies.toml", "events/open-dag.toml"):
        shutil.copy(BASE / name, pack / name)
    clip = (BASE / "media" / "clip.mp4").read_bytes()
    vtt = (BASE / "media" / "clip.nl.vtt").read_bytes()
    jobs = [f"beroep-{j:03d}" for j in range(JOBS)] + ["elektromonteur", "timmerman"]
    for s in range(SERIES):
        sid = "aan-de-slag" if s == 0 else f"serie-{s:02d}"
        lines = [f'id = "{sid}"\ntitle = {{ nl = "Serie {s}", en = "Series {s}" }}\n'
                 f'description = {{ nl = "Over serie {s}.", en = "About series {s}." }}\n'
                 f'channel_url = "https://nxtv.example/series/{sid}"\n']
        for season in range(1, SEASONS + 1):
            lines.append(f'\n[[seasons]]\nnumber = {season}\n'
                         f'title = {{ nl = "Seizoen {season}", en = "Season {season}" }}\n')
            for e in range(1, EPISODES_PER_SEASON + 1):
                eid = f"{sid}-s{season}e{e}"
                for ext, data in (("mp4", clip), ("nl.vtt", vtt), ("en.vtt", vtt)):
                    (pack / "media" / f"{eid}.{ext}").write_bytes(data)
                lines.append(
                    f'\n[[seasons.episodes]]\nid = "{eid}"\nnumber = {e}\n'
                    f'title = {{ nl = "Aflevering {e}", en = "Episode {e}" }}\n'
                    f'video = "media/{eid}.mp4"\nduration = 1.0\n'
                    f'subtitles = {{ nl = "media/{eid}.nl.vtt", en = "media/{eid}.en.vtt" }}\n'
                    f'jobs = ["{jobs[(s * 20 + e) % JOBS]}"]\n'
                    f'role_model = {{ name = "Sam", age = 19, '
                    f'job = {{ nl = "Vak", en = "Trade" }} }}\n')
        (pack / "series" / f"{sid}.toml").write_text("".join(lines), encoding="utf-8")
    job_lines = []
    for j, jid in enumerate(jobs):
        job_lines.append(
            f'[[jobs]]\nid = "{jid}"\ntitle = {{ nl = "Beroep {j}", en = "Job {j}" }}\n'
            f'profile = "PIE"\nriasec = {{ R = 7, I = 4, A = 2, S = 3, E = 2, C = 5 }}\n'
            f'domains = {{ {DOMAINS[j % 7]} = 1.0 }}\n'
            f'description = {{ nl = "Wat je doet.", en = "What you do." }}\n'
            f'day = {{ nl = "Een dag.", en = "A day." }}\n'
            f'route = {{ nl = "vmbo → mbo", en = "-" }}\n\n')
    (pack / "jobs.toml").write_text("".join(job_lines), encoding="utf-8")
    cards = [f'[[cards]]\nid = "kaart-{c:02d}"\n'
             f'text = {{ nl = "Activiteit {c}", en = "Activity {c}" }}\n'
             f'type = "{TYPES[c % 6]}"\ndomain = "{DOMAINS[c % 7]}"\n\n' for c in range(CARDS)]
    (pack / "cards.toml").write_text("".join(cards), encoding="utf-8")
    return pack


def median_ms(fn: Callable[[], object]) -> float:
    times = []
    for _ in range(RUNS):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times)


def main() -> None:
    with tempfile.TemporaryDirectory() as tmp:
        pack_dir = make_pack(Path(tmp))
        pack = load_pack(pack_dir, DEFAULT)
        assert (len(pack.episodes), len(pack.cards)) == (200, 60), pack.problems[:3]
        assert len(pack.jobs) >= JOBS and not pack.errors, pack.errors[:3]
        load = median_ms(lambda: load_pack(pack_dir, DEFAULT))
        check = median_ms(lambda: run_check(pack_dir, False, io.StringIO(), DEFAULT))
        print(f"pack: {len(pack.episodes)} episodes, {len(pack.jobs)} jobs, {len(pack.cards)} "
              f"cards, {len(pack.series)} series (median of {RUNS} runs)")
        print(f"load_pack: {load:.1f} ms   run_check: {check:.1f} ms   "
              f"per episode: {load / len(pack.episodes):.2f} ms")


def test_bench_content() -> None:
    main()


if __name__ == "__main__":
    main()
