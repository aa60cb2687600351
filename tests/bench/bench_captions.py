"""Benchmark: caption parsing and lookup on a 2-hour, 1,500-cue file (WebVTT and SRT), and a
1 MiB single-line cue (the case that used to grow with the square of the line length).

Run: ``python -m tests.bench.bench_captions`` (or ``pytest tests/bench/bench_captions.py -s -n 0``).
Prints medians; no timed asserts (speed targets are figures, not tests).
"""
from __future__ import annotations

import random
import statistics
import time
from collections.abc import Callable

from kiosk.pack.subtitles import cue_at, parse_srt, parse_vtt

CUES, HOURS, RUNS, LOOKUPS = 1500, 2, 7, 100_000


def _stamp(t: float, sep: str) -> str:
    ms = round(t * 1000)
    h, rest = divmod(ms, 3_600_000)
    m, rest = divmod(rest, 60_000)
    s, ms = divmod(rest, 1000)
    return f"{h:02d}:{m:02d}:{s:02d}{sep}{ms:03d}"


def make_files(seed: int = 7) -> tuple[str, str]:
    """A 2-hour film's captions: 1,500 cues, some with tags and a few long overlapping ones."""
    rng = random.Random(seed)
    span = HOURS * 3600 / CUES
    vtt, srt = ["WEBVTT\n"], []
    for i in range(CUES):
        start = i * span + rng.uniform(0, span / 4)
        end = start + (20.0 if i % 100 == 0 else rng.uniform(1.0, span))  # some long cues
        text = f"<v Anna>Regel {i} met <i>wat</i> tekst &amp; meer</v>\n{'woord ' * 6}"
        vtt.append(f"\n{i + 1}\n{_stamp(start, '.')} --> {_stamp(end, '.')} line:90%\n{text}\n")
        srt.append(f"{i + 1}\n{_stamp(start, ',')} --> {_stamp(end, ',')}\n"
                   f"{{\\an8}}<i>Regel {i}</i> met tekst\n{'woord ' * 6}\n\n")
    return "".join(vtt), "".join(srt)


def median_ms(fn: Callable[[], object], runs: int = RUNS) -> float:
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        fn()
        times.append((time.perf_counter() - began) * 1000)
    return statistics.median(times)


def main() -> None:
    vtt, srt = make_files()
    cues = parse_vtt(vtt).cues
    assert len(cues) == CUES and len(parse_srt(srt).cues) == CUES
    print(f"{CUES} cues over {HOURS} h: VTT {len(vtt) / 1024:.0f} KiB, "
          f"SRT {len(srt) / 1024:.0f} KiB (median of {RUNS} runs)")
    print(f"parse_vtt: {median_ms(lambda: parse_vtt(vtt)):.1f} ms   "
          f"parse_srt: {median_ms(lambda: parse_srt(srt)):.1f} ms")
    rng = random.Random(1)
    times = [rng.uniform(0, HOURS * 3600) for _ in range(LOOKUPS)]

    def lookups() -> None:
        for t in times:
            cue_at(cues, t)

    per_call = median_ms(lookups, 3) * 1000 / LOOKUPS
    print(f"cue_at: {per_call:.2f} µs per call (random times, {LOOKUPS} calls)")
    plain = list(cues)
    plain_call = median_ms(lambda: [cue_at(plain, t) for t in times[:2000]], 3) * 1000 / 2000
    print(f"cue_at on a plain list (no running maximum): {plain_call:.1f} µs per call")
    mib = 1 << 20
    for name, line in (("tags", "<b>x</b> " * (mib // 9)), ("'<' without '>'", "<a " * (mib // 3)),
                       ("plain text", "a" * mib)):
        text = f"WEBVTT\n\n00:01.000 --> 00:02.000\n{line}\n"
        srt = f"1\n00:00:01,000 --> 00:00:02,000\n{line}\n"
        assert len(parse_vtt(text).cues) == len(parse_srt(srt).cues) == 1
        ms = median_ms(lambda text=text: parse_vtt(text), 3)
        ms_srt = median_ms(lambda srt=srt: parse_srt(srt), 3)
        print(f"1 MiB single-line cue ({name}): parse_vtt {ms:.1f} ms, parse_srt {ms_srt:.1f} ms")


def test_bench_captions() -> None:
    main()


if __name__ == "__main__":
    main()
