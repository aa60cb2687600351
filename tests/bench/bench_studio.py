"""BLIQ Studio benchmark: start to a usable window, saving 30 companies, importing 20 clips while
she types (input-to-paint latency), and the scripted organiser task end to end.

Run: ``nice python -m tests.bench.bench_studio [--clips 20] [--seconds 3]``; printed as JSON.
The clips are made first (not timed): 640x360 H.264 + AAC, every fourth one vertical.

- ``start_s``: ``kiosk.studio.build`` on a copy of the sample pack until the window is shown
  and the event loop has run once (median of 3).
- ``save_30_s``: ``Studio.save`` of a pack with 30 companies (links, rooms, jobs) added, and
  ``save_button_30_s``: the Save button, which also re-checks the saved pack as kiosk check does.
- ``import_20``: 20 clips through the Videos page (one ``kiosk add-videos`` child process per
  clip); meanwhile a key press goes to the event name field every 200 ms and the time until that
  field has repainted is recorded (``latency_ms`` median/p95/max).
- ``task_s``: the task the UI test drives (event, logo, PIN, four companies typed, four from an
  .xlsx, three clips, save, stick), machine time, no TOML typed.
"""
from __future__ import annotations

import argparse
import datetime
import json
import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QDate, QEvent, QObject, Qt, QTimer
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import QApplication, QFileDialog

from kiosk.config import DEFAULT
import kiosk.studio
from kiosk.studio import model as m
from tests.cliptools import make_clip

SAMPLE = Path(__file__).resolve().parents[2] / "episodes"


def fresh_pack(work: Path, name: str) -> Path:
    dest = work / name
    shutil.copytree(SAMPLE, dest)
    return dest


def wait(app: QApplication, done, timeout_s: float = 600.0) -> None:
    end = time.monotonic() + timeout_s
    while not done():
        if time.monotonic() > end:
            raise TimeoutError("benchmark step did not finish")
        app.processEvents()
        time.sleep(0.005)


def bench_start(work: Path, app: QApplication) -> float:
    times = []
    for i in range(3):
        pack = fresh_pack(work, f"start{i}")
        began = time.monotonic()
        studio = kiosk.studio.build([str(pack)], home=work / f"home-start{i}")
        app.processEvents()
        times.append(time.monotonic() - began)
        studio.close()
    return round(statistics.median(times), 3)


def bench_save_30(work: Path, app: QApplication) -> dict[str, float]:
    jobs = ["timmerman", "elektromonteur", "lasser", "installatiemonteur"]
    pack = fresh_pack(work, "save30")
    studio = m.Studio(pack, DEFAULT)
    studio.start_new_event("Techniekmarkt 2027")
    for i in range(30):
        company = studio.add_company(f"Bedrijf {i}")
        studio.set_company_url(company, f"bedrijf{i}.nl/contact")
        studio.set_company_room(company, f"Stand {i}")
        studio.set_company_jobs(company, jobs[: 1 + i % 4])
    began = time.monotonic()
    studio.save()
    model_s = time.monotonic() - began
    pack2 = fresh_pack(work, "save30ui")
    ui = kiosk.studio.build([str(pack2)], home=work / "home-save30")
    ui.window.new_event()
    for i in range(30):
        company = ui.studio.add_company(f"Bedrijf {i}")
        ui.studio.set_company_url(company, f"bedrijf{i}.nl/contact")
        ui.studio.set_company_jobs(company, jobs[: 1 + i % 4])
    began = time.monotonic()
    ui.window.save()
    button_s = time.monotonic() - began
    ui.close()
    return {"save_30_s": round(model_s, 3), "save_button_30_s": round(button_s, 3)}


class PaintProbe(QObject):
    """Posts a key press to a field and times how long until the field paints."""

    def __init__(self, field) -> None:
        super().__init__()
        self.field, self.sent, self.latencies = field, 0.0, []
        field.installEventFilter(self)

    def poke(self) -> None:
        if self.sent:
            return  # the last one has not painted yet: its latency is still growing
        self.sent = time.monotonic()
        QCoreApplication.postEvent(self.field, QKeyEvent(QEvent.Type.KeyPress, Qt.Key.Key_A,
                                                         Qt.KeyboardModifier.NoModifier, "a"))

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint and self.sent:
            self.latencies.append((time.monotonic() - self.sent) * 1000)
            self.sent = 0.0
        return False


def bench_import(work: Path, app: QApplication, clips: list[Path]) -> dict[str, object]:
    pack = fresh_pack(work, "import")
    ui = kiosk.studio.build([str(pack)], home=work / "home-import")
    window = ui.window
    window.event_name.setFocus()
    probe = PaintProbe(window.event_name)
    timer = QTimer()
    timer.timeout.connect(probe.poke)
    timer.start(200)
    began = time.monotonic()
    window.add_videos(clips)
    wait(app, lambda: not window.importing() and all(
        c.state != "waiting" and c.state != "running" for c in window.clips))
    total = time.monotonic() - began
    timer.stop()
    lat = sorted(probe.latencies)
    done = sum(c.state == "done" for c in window.clips)
    ui.close()
    return {"clips": len(clips), "imported": done, "total_s": round(total, 1),
            "per_clip_s": round(total / max(1, len(clips)), 2),
            "latency_ms": {"samples": len(lat),
                           "median": round(statistics.median(lat), 1) if lat else None,
                           "p95": round(lat[int(len(lat) * 0.95) - 1], 1) if lat else None,
                           "max": round(lat[-1], 1) if lat else None}}


def bench_task(work: Path, app: QApplication, clips: list[Path]) -> float:
    """The organiser's task through the window's own slots (what the buttons call)."""
    from openpyxl import Workbook
    from PIL import Image

    pack = fresh_pack(work, "task")
    logo = work / "logo.png"
    Image.new("RGB", (1200, 400), "#204080").save(logo)
    sheet = work / "bedrijven.xlsx"
    book = Workbook()
    book.active.append(["Naam", "Lokaal", "Link", "Beroepen"])
    for i in range(4):
        book.active.append([f"Import {i}", f"Hal {i}", f"import{i}.nl", "Lasser; Timmerman"])
    book.save(sheet)
    stick = work / "stick"
    stick.mkdir()
    answers = {"file": [str(logo), str(sheet)], "files": [[str(c) for c in clips[:3]]],
               "dir": [str(stick)]}
    QFileDialog.getOpenFileName = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: (answers["file"].pop(0), ""))
    QFileDialog.getOpenFileNames = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: (answers["files"].pop(0), ""))
    QFileDialog.getExistingDirectory = staticmethod(  # type: ignore[method-assign]
        lambda *a, **k: answers["dir"].pop(0))
    began = time.monotonic()
    ui = kiosk.studio.build([str(pack)], home=work / "home-task")
    w = ui.window
    w.new_event()
    w.event_name.setText("Open dag Het Vakcollege")
    day = datetime.date.today() + datetime.timedelta(days=10)
    w.event_date.setDate(QDate(day.year, day.month, day.day))
    w.event_welcome.setText("Welkom in de werkplaats!")
    w.pick_event_logo()
    w.event_pin.setText("8531")
    w.event_pin_repeat.setText("8531")
    for i in range(4):
        w.add_company()
        w.company_name.setText(f"Bedrijf {i}")
        w.company_room.setText(f"Lokaal {i}")
        w.company_url.setText(f"bedrijf{i}.nl")
        w.company_jobs.item(i).setCheckState(Qt.CheckState.Checked)
    w.import_sheet()
    w.pick_videos()
    wait(app, lambda: not w.importing() and all(c.state in ("done", "refused", "skipped")
                                                for c in w.clips))
    w.save()
    w.put_on_stick()
    elapsed = time.monotonic() - began
    assert any(stick.glob("*.bliqpack")), w.message.text()
    ui.close()
    return round(elapsed, 1)


def main() -> int:
    p = argparse.ArgumentParser()
    p.add_argument("--clips", type=int, default=20)
    p.add_argument("--seconds", type=float, default=3.0)
    args = p.parse_args()
    app = QApplication.instance() or QApplication(sys.argv[:1])
    work = Path(tempfile.mkdtemp(prefix="bench-studio-"))
    os.environ["BLIQ_STUDIO_HOME"] = str(work / "home")
    clips = [make_clip(work / "clips" / f"IMG_{2000 + i} clip {i}.{'mov' if i % 4 == 3 else 'mp4'}",
                       size="360x640" if i % 4 == 3 else "640x360", seconds=args.seconds + i / 10)
             for i in range(args.clips)]
    result: dict[str, object] = {"start_s": bench_start(work, app)}
    result.update(bench_save_30(work, app))
    result["import"] = bench_import(work, app, clips)
    result["task_s"] = bench_task(work, app, clips)
    result["load"] = os.getloadavg()
    print(json.dumps(result, indent=1))
    shutil.rmtree(work, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
