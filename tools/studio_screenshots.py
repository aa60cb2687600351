"""Screenshots of every BLIQ Studio page, for people to look at (and for the docs).

    xvfb-run -a -s "-screen 0 1920x1080x24" env QT_QPA_PLATFORM=xcb \\
        python tools/studio_screenshots.py --out screenshots/studio

Works on a copy of the sample pack in a temporary folder with an organiser's event filled in
(name, date, welcome, logo, four companies, one imported clip when the test extra's ffmpeg is
there), then saves ``studio-<page>-<size>-<lang>.png`` for the event, companies and videos pages
at 1366x768 and 1920x1080, in Dutch and English.
"""
from __future__ import annotations
from kiosk.config import DEFAULT

import argparse
import datetime
import os
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = ((1366, 768), (1920, 1080))
PAGES = ("event", "companies", "videos")


def fill(studio, tmp: Path) -> None:
    """An organiser's half-finished afternoon: her event, companies, one logo."""
    from PIL import Image, ImageDraw

    studio.start_new_event("Open dag Het Vakcollege")
    studio.set_event_date(datetime.date.today() + datetime.timedelta(days=12))
    studio.set_event_welcome("Welkom! Kom kijken in onze werkplaatsen.")
    studio.set_event_place("Aula, Hoofdgebouw")
    logo = tmp / "schoollogo.png"
    image = Image.new("RGB", (600, 200), "#1d4e89")
    ImageDraw.Draw(image).rectangle((20, 20, 180, 180), fill="#f2a900")
    image.save(logo)
    studio.set_event_logo(logo)
    for name, room, url, jobs in (
            ("Klimaat & Co", "Lokaal 1.04", "klimaatco.nl/contact", ["installatiemonteur"]),
            ("Houtwerk Oost", "Werkplaats hout", "houtwerk-oost.nl", ["timmerman", "dakdekker"]),
            ("Zon op Dak", "", "www.zonopdak.nl", ["monteur-zonnepanelen"]),
            ("Fietsfabriek", "Aula", "", [])):
        company = studio.add_company(name)
        studio.set_company_room(company, room)
        if url:
            studio.set_company_url(company, url)
        studio.set_company_jobs(company, jobs)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "screenshots" / "studio")
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtWidgets import QApplication, QFileDialog

    import kiosk.studio
    from kiosk.studio import model

    QApplication.instance() or QApplication(["bliq-studio"])
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        pack = tmp / "mijn-pakket"
        shutil.copytree(ROOT / "episodes", pack)
        studio = model.Studio(pack, DEFAULT)
        fill(studio, tmp)
        studio.save()
        clip = _clip(tmp)
        QFileDialog.getOpenFileNames = staticmethod(  # type: ignore[method-assign]
            lambda *a, **k: ([str(clip)] if clip else [], ""))
        app = kiosk.studio.build([str(pack)], home=tmp / "home")
        window = app.window
        if clip:
            window.pick_videos()
            while window.importing():
                app.qapp.processEvents()
        window.problems.setCurrentRow(0)
        for lang in ("nl", "en"):
            if lang == "en":
                window.toggle_language()
            for w, h in SIZES:
                window.resize(w, h)
                for index, page in enumerate(PAGES):
                    window.tabs.setCurrentIndex(index)
                    if page == "companies":
                        window.company_list.setCurrentRow(1)
                    for _ in range(5):
                        app.qapp.processEvents()
                    target = args.out / f"studio-{page}-{w}x{h}-{lang}.png"
                    window.grab().save(str(target))
                    print(target)
        app.close()
    return 0


def _clip(tmp: Path) -> Path | None:
    try:
        from tests.cliptools import make_clip
        return make_clip(tmp / "telefoon" / "IMG_2041 werkplaats.mp4", size="320x180")
    except Exception:  # noqa: BLE001 - no ffmpeg: the videos page shows without a clip
        return None


if __name__ == "__main__":
    sys.exit(main())
