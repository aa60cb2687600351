"""add-videos benchmark: a folder of 20 clips into a new pack; thumbnail and headroom per clip.

Run: ``nice python -m tests.bench.bench_add_videos [--clips 20] [--seconds 10]``.
The clips are made first (not timed): 1280x720 H.264 + AAC, every fourth one a 1080x1920
vertical clip and every fifth one HEVC, about ``--seconds`` long each. Printed as JSON: the whole
``add-videos`` run (total and per clip), then, per clip and measured separately, the time to
pick and save a thumbnail and the time ``preflight`` spends measuring decode headroom.
"""
from __future__ import annotations

import argparse
import io
import json
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtGui import QGuiApplication

from kiosk.config import DEFAULT
from kiosk.pack.media_facts import read_facts
from kiosk.pack.new_pack import write_new_pack
from kiosk.media.add_videos import run_add_videos
from kiosk.media.frames import decode_headroom, representative_frame, save_jpeg
from tests.cliptools import make_clip


def _stats(values: list[float]) -> dict[str, float]:
    return {"mean_s": round(statistics.mean(values), 3), "median_s":
            round(statistics.median(values), 3), "max_s": round(max(values), 3)}


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--clips", type=int, default=20)
    p.add_argument("--seconds", type=float, default=8.0)
    args = p.parse_args()
    app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])  # noqa: F841
    work = Path(tempfile.mkdtemp(prefix="bench-add-videos-"))
    folder = work / "clips"
    made = time.monotonic()
    for i in range(args.clips):
        vertical, hevc = i % 4 == 3, i % 5 == 4
        make_clip(folder / f"IMG_{2000 + i} clip {i}.{'mov' if hevc else 'mp4'}",
                  # lengths differ a little: identical clips would be skipped as duplicates
                  size="1080x1920" if vertical else "1280x720", seconds=args.seconds + i / 10,
                  codec="hevc" if hevc else "h264")
    made = time.monotonic() - made
    write_new_pack(work / "pack", DEFAULT)

    began = time.monotonic()
    out = io.StringIO()
    code = run_add_videos(work / "pack", [folder], "bench", None, False, out, DEFAULT)
    total = time.monotonic() - began
    imported = sum(line.startswith("✔") for line in out.getvalue().splitlines())

    thumbs, headroom, factors = [], [], []
    for clip in sorted((work / "pack" / "media" / "bench").glob("*.m*")):
        t = time.monotonic()
        image, _ = representative_frame(clip, DEFAULT.media)
        if image is not None:
            save_jpeg(image, work / "thumb.jpg", DEFAULT.media.thumb_width)
        thumbs.append(time.monotonic() - t)
        h = decode_headroom(clip, DEFAULT.media, read_facts(clip).fps)
        headroom.append(h.seconds)
        factors.append(h.factor)
    print(json.dumps({
        "clips": args.clips, "clip_seconds": args.seconds, "making_clips_s": round(made, 1),
        "add_videos": {"exit": code, "imported": imported, "total_s": round(total, 2),
                       "per_clip_s": round(total / args.clips, 3)},
        "thumbnail_per_clip": _stats(thumbs),
        "headroom_per_clip": _stats(headroom),
        "headroom_factor": {"min": round(min(factors), 1), "max": round(max(factors), 1),
                            "rate_asked": DEFAULT.media.headroom_rate},
    }, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
