"""Take-home pages benchmark: build time, the result page's weight, first paint on 3G.

Run: ``python tests/bench/bench_site.py [--runs 3] [--no-browser]`` (not part of the test run;
figures go into the note). Builds the sample pack and a generated pack with 200 jobs and 100
episodes (the sample's jobs and episodes copied under new ids, the same clips and stills), each
into a fresh folder; then opens the sample's result page in headless Chromium with the DevTools
protocol's network emulation (DevTools' "Fast 3G" and "Slow 3G" profiles, cache off, processor
slowed 4×) and reads first-contentful-paint from the page's own performance timeline.
"""
from __future__ import annotations

import argparse
import gzip
import os
import re
import shutil
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from kiosk.config import DEFAULT  # noqa: E402
from kiosk.site import build  # noqa: E402
from kiosk.site.serve import make_server  # noqa: E402

SAMPLE = ROOT / "episodes"
RESULT = "resultaat/?jobs=timmerman,elektromonteur,lasser&extra=matroos&r=RC&d=bouw,energie&lang=nl"
# Chrome DevTools' throttling presets (bytes per second, milliseconds)
PROFILES = {
    "Fast 3G": {"latency": 562.5, "downloadThroughput": 1.6e6 * 0.9 / 8,
                "uploadThroughput": 750e3 * 0.9 / 8},
    "Slow 3G": {"latency": 2000.0, "downloadThroughput": 500e3 * 0.8 / 8,
                "uploadThroughput": 500e3 * 0.8 / 8},
}


def big_pack(root: Path, jobs: int = 200, episodes: int = 100) -> Path:
    """The sample pack grown to ``jobs`` jobs and ``episodes`` episodes."""
    pack = root / "big"
    shutil.copytree(SAMPLE, pack, ignore=shutil.ignore_patterns("site-manifest.json"))
    text = (pack / "jobs.toml").read_text(encoding="utf-8")
    blocks = ["[[jobs]]" + b for b in text.split("[[jobs]]")[1:]]
    extra = []
    for i in range(jobs - len(blocks)):
        block = blocks[i % len(blocks)]
        old_id = re.search(r'^id = "([^"]+)"', block, re.MULTILINE).group(1)  # type: ignore
        block = block.replace(f'id = "{old_id}"', f'id = "{old_id}-{i}"', 1)
        block = re.sub(r'title = \{ nl = "([^"]+)", en = "([^"]+)" \}',
                       lambda m, n=i: f'title = {{ nl = "{m.group(1)} {n}", en = "{m.group(2)} '
                                      f'{n}" }}', block, count=1)
        extra.append(block.rstrip() + "\n\n")
    (pack / "jobs.toml").write_text(text.rstrip() + "\n\n" + "".join(extra), encoding="utf-8")
    series = (pack / "series" / "aan-de-slag.toml").read_text(encoding="utf-8")
    first = series.index("[[seasons.episodes]]")
    episode_blocks = series[first:].split("[[seasons.episodes]]")[1:]
    have = sum(f.read_text(encoding="utf-8").count("[[seasons.episodes]]")
               for f in (pack / "series").glob("*.toml"))
    more = []
    for i in range(episodes - have):
        block = episode_blocks[i % len(episode_blocks)]
        block = re.sub(r'^id = "([^"]+)"', lambda m, n=i: f'id = "{m.group(1)}-x{n}"', block,
                       count=1, flags=re.MULTILINE)
        block = re.sub(r"^number = \d+", f"number = {100 + i}", block, count=1,
                       flags=re.MULTILINE)
        more.append("[[seasons.episodes]]" + block.rstrip() + "\n\n")
    (pack / "series" / "aan-de-slag.toml").write_text(series.rstrip() + "\n\n" + "".join(more),
                                                     encoding="utf-8")
    return pack


def time_builds(pack: Path, runs: int) -> tuple[float, float, dict]:
    """Median wall seconds and processor seconds (the machine may be shared), the manifest."""
    seconds, cpu = [], []
    manifest: dict = {}
    for _ in range(runs):
        out = Path(tempfile.mkdtemp(prefix="bench-site-"))
        shutil.rmtree(out)
        started, started_cpu = time.perf_counter(), time.process_time()
        manifest = build(pack, out, DEFAULT, record=False)
        seconds.append(time.perf_counter() - started)
        cpu.append(time.process_time() - started_cpu)
        manifest["_out"] = str(out)
    return statistics.median(seconds), statistics.median(cpu), manifest


def weight(out: Path) -> tuple[int, int]:
    """The result page (CSS and script are in it): bytes, and gzip bytes (what hosts send)."""
    page = (out / "resultaat" / "index.html").read_bytes()
    return len(page), len(gzip.compress(page))


def first_paint(out: Path) -> dict[str, float]:
    from tests.cdp import CHROMIUM, Browser, Tab

    if CHROMIUM is None:
        return {}
    server = make_server(out, 0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    found: dict[str, float] = {}
    with tempfile.TemporaryDirectory() as profile:
        browser = Browser(Path(profile))
        try:
            for name, conditions in PROFILES.items():
                tab = Tab(browser)
                tab.call("Network.setCacheDisabled", {"cacheDisabled": True})
                tab.call("Network.emulateNetworkConditions", {"offline": False, **conditions})
                tab.call("Emulation.setCPUThrottlingRate", {"rate": 4})
                tab.open(base + RESULT, timeout=120)
                found[name + " first contentful paint"] = tab.evaluate(
                    "performance.getEntriesByName('first-contentful-paint')[0].startTime")
                found[name + " result shown"] = tab.evaluate(
                    "performance.getEntriesByName('result')[0].startTime")
                found[name + " load event"] = tab.evaluate(
                    "performance.getEntriesByType('navigation')[0].loadEventEnd")
                tab.close()
        finally:
            browser.close()
            server.shutdown()
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-browser", action="store_true")
    args = parser.parse_args()
    print(f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores")
    with tempfile.TemporaryDirectory() as tmp:
        for label, pack in (("sample", SAMPLE), ("200 jobs, 100 episodes", big_pack(Path(tmp)))):
            seconds, cpu, manifest = time_builds(pack, args.runs)
            out = Path(manifest["_out"])
            raw, packed = weight(out)
            total = sum(f.stat().st_size for f in out.rglob("*") if f.is_file())
            print(f"{label}: build {seconds:.2f} s, {cpu:.2f} s processor (median of {args.runs}), "
                  f"{len(manifest['pages'])} pages, {len(manifest['files'])} files, "
                  f"{total / 1e6:.1f} MB; result page (CSS, JS inside) {raw / 1000:.1f} kB "
                  f"({packed / 1000:.1f} kB gzip)")
            if label == "sample" and not args.no_browser:
                for name, ms in first_paint(out).items():
                    print(f"  {name}: {ms:.0f} ms")
            shutil.rmtree(out, ignore_errors=True)


if __name__ == "__main__":
    main()
