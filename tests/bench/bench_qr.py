"""QR benchmark: render time (cold and cached, provider path) and decode success on a small screen.

Run: ``QT_QPA_PLATFORM=offscreen python -m tests.bench.bench_qr [--rounds N]``.
Decode success is measured on real window grabs of QrCode.qml at the smallest supported screen
(720x1280 portrait) and at 1920x1080, sharp and "camera-like" (blurred and/or downscaled).
"""
from __future__ import annotations

import argparse
import json
import os
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_QUICK_BACKEND", "software")

from PIL import Image, ImageFilter
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtGui import QGuiApplication
from PySide6.QtQuick import QQuickView
from PySide6.QtTest import QTest

from kiosk.config import DEFAULT
from kiosk.core.links import LinkBuilder, ResultSummary
from kiosk.core.qr_image import qr_modules, qr_size_px
from kiosk.ui.qr_provider import QrImageProvider
from tests.qrtools import crop, decode_qr_codes, grab, qr_items, to_pil

COMPONENTS = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "components"
JOBS = ["timmerman", "metselaar", "schilder", "meubelmaker", "tegelzetter-stukadoor", "dakdekker",
        "bouwkundig-tekenaar", "elektromonteur", "installatiemonteur", "monteur-warmtepompen",
        "monteur-zonnepanelen", "netwerkmonteur", "lasser", "cnc-operator", "cnc-programmeur",
        "mechatronicus", "onderhoudsmonteur", "servicemonteur-windturbines", "procesoperator",
        "automonteur", "truck-technicus", "fietstechnicus", "autoschadehersteller",
        "vliegtuigtechnicus", "mediavormgever", "ict-beheerder", "software-developer",
        "game-developer", "av-technicus", "matroos", "scheepswerktuigkundige"]
DOMAINS = ["bouw", "energie", "installatie", "metaal", "voertuigen", "media", "maritiem"]


def payloads(count: int, seed: int = 6) -> list[str]:
    """Realistic links: random results (long job ids included), episodes, companies."""
    rng = random.Random(seed)
    b = LinkBuilder("https://nxtv.example/", "https://nxtv.example/resultaat",
                    ["nxtv.example", "bedrijf.example"], "open-dag-noordwest-veluwe-2026",
                    max_chars=DEFAULT.qr.link_max_chars)
    out: list[str] = []
    longest = sorted(JOBS, key=len)[-4:]  # the worst case for density
    out.append(b.result(ResultSummary(tuple(longest[:3]), longest[3], "RCI", ("energie",
                                      "installatie", "maritiem"))).url or "")
    while len(out) < count:
        kind = len(out) % 3
        if kind == 0:
            picks = rng.sample(JOBS, 4)
            link = b.result(ResultSummary(tuple(picks[:3]), picks[3],
                                          "".join(rng.sample("RIASEC", 2)),
                                          tuple(rng.sample(DOMAINS, 2))))
        elif kind == 1:
            n = rng.randint(1, 400)
            link = b.episode(f"ads-s1e{n}", f"https://nxtv.example/aflevering/ads-s1e{n}",
                             share=rng.random() < 0.5)
        else:
            c = rng.choice(["voltwerk", "bouwbaas", "scheepswerf-kampen", "mediamakers-zwolle"])
            c = f"{c}-{rng.randint(1, 999)}"
            link = b.company(c, f"https://{c}.bedrijf.example/contact")
        assert link.url, link.problem
        if link.url not in out:  # unique, so "cold" really is cold
            out.append(link.url)
    return out


def timed(fn: Callable[[], object], rounds: int) -> list[float]:
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        fn()
        times.append((time.perf_counter() - start) * 1000)
    return times


def summary(label: str, ms: list[float]) -> str:
    ms = sorted(ms)
    p95 = ms[min(len(ms) - 1, int(len(ms) * 0.95))]
    return f"{label:<42} median {statistics.median(ms):7.3f} ms   p95 {p95:7.3f} ms   n={len(ms)}"


def bench_render(rounds: int) -> None:
    from urllib.parse import quote

    links = payloads(rounds)
    for side in (qr_size_px(720, DEFAULT.qr), qr_size_px(1080, DEFAULT.qr), qr_size_px(2160, DEFAULT.qr)):
        provider = QrImageProvider(DEFAULT.with_(qr_cache_entries=rounds).qr)
        ids = iter([quote(p, safe="") for p in links])
        cold = timed(lambda p=provider, i=ids, s=side: p.requestImage(next(i), QSize(), QSize(s, s)), rounds)
        ids = iter([quote(p, safe="") for p in links])
        warm = timed(lambda p=provider, i=ids, s=side: p.requestImage(next(i), QSize(), QSize(s, s)), rounds)
        assert provider.hits == rounds, (provider.hits, provider.misses)
        print(summary(f"provider cold render  {side} px", cold))
        print(summary(f"provider cached        {side} px", warm))


# How a phone might see the screen: (label, Gaussian blur radius px, scale).
CAMERA = [("sharp", 0.0, 1.0), ("blur 0.5", 0.5, 1.0), ("scale 75 %", 0.0, 0.75),
          ("blur 0.5 + scale 75 %", 0.5, 0.75), ("scale 50 %", 0.0, 0.5)]


def bench_decode(count: int, width: int, height: int) -> None:
    side = qr_size_px(min(width, height), DEFAULT.qr)
    links = payloads(count)
    per_screen = 12 if width < height else 14
    ok = {label: 0 for label, _, _ in CAMERA}
    total = 0
    module_px: list[int] = []
    with tempfile.TemporaryDirectory() as tmp:
        (Path(tmp) / "QrCode.qml").write_bytes((COMPONENTS / "QrCode.qml").read_bytes())
        for start in range(0, len(links), per_screen):
            chunk = links[start:start + per_screen]
            items = "\n".join(
                f"QrCode {{ objectName: 'qr_{i}'; size: {side}; payload: {json.dumps(p)} }}"
                for i, p in enumerate(chunk))
            qml = Path(tmp) / "Scene.qml"
            qml.write_text(f"import QtQuick\nRectangle {{ width: {width}; height: {height};"
                           f" color: '#20305a'\nFlow {{ anchors.fill: parent; anchors.margins: 20;"
                           f" spacing: 20\n{items}\n}} }}\n", encoding="utf-8")
            view = QQuickView()
            view.setFlags(Qt.WindowType.FramelessWindowHint)
            view.engine().addImageProvider("qr", QrImageProvider(DEFAULT.qr))
            view.setResizeMode(QQuickView.ResizeMode.SizeViewToRootObject)
            view.setSource(QUrl.fromLocalFile(str(qml)))
            view.show()
            QTest.qWaitForWindowExposed(view)
            image = grab(view)
            for item in qr_items(view.rootObject()):
                expected = item.property("payload")
                module_px.append(side // len(qr_modules(expected, DEFAULT.qr)))
                total += 1
                cut = to_pil(crop(image, item))
                for label, blur, scale in CAMERA:
                    seen = cut.filter(ImageFilter.GaussianBlur(blur)) if blur else cut
                    if scale != 1.0:
                        seen = seen.resize((round(seen.width * scale), round(seen.height * scale)),
                                           Image.Resampling.BILINEAR)
                    ok[label] += decode_qr_codes(seen) == [expected]
            view.close()
            view.deleteLater()
    print(f"decode at {width}x{height}, code {side} px, {total} codes (longest link "
          f"{max(map(len, links))} chars), px per module {min(module_px)}-{max(module_px)}:")
    for label, _, _ in CAMERA:
        print(f"    {label:<24} {ok[label]:3d}/{total}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=200)
    parser.add_argument("--codes", type=int, default=60)
    args = parser.parse_args()
    app = QGuiApplication(sys.argv[:1])
    bench_render(args.rounds)
    bench_decode(args.codes, 720, 1280)
    bench_decode(args.codes, 1920, 1080)
    del app


if __name__ == "__main__":
    main()
