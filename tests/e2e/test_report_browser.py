"""The campaign report in a real browser: Debian's Chromium, headless, prints it to PDF.

``tools/setup.sh --test`` installs ``chromium`` (and ``poppler-utils`` for ``pdfinfo``). The
browser gets its own profile and no network features; console messages come on stderr as
``CONSOLE`` lines (``--enable-logging=stderr``), which the report (no script) must not cause.
"""
from __future__ import annotations

import io
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from kiosk.cli import run_tool
from tests.unit.reportlog import seed

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser")
pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (bash tools/setup.sh "
                                                "--test installs the Debian package chromium)"),
]


def chromium(tmp_path: Path, page: Path, *action: str) -> tuple[str, str]:
    """Run headless Chromium on ``page`` with ``action``; returns its stdout and stderr."""
    profile = tmp_path / f"profile-{page.stem}"
    done = subprocess.run(
        [str(CHROMIUM), "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic",
         "--no-first-run", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--disable-extensions", f"--user-data-dir={profile}",
         "--enable-logging=stderr", "--v=0", *action, page.as_uri()],
        capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout, done.stderr


def console(stderr: str) -> list[str]:
    return [line for line in stderr.splitlines() if ":CONSOLE" in line]


def pdf_pages(pdf: Path) -> int:
    if shutil.which("pdfinfo"):
        info = subprocess.run(["pdfinfo", str(pdf)], capture_output=True, text=True, timeout=60)
        found = re.search(r"^Pages:\s+(\d+)", info.stdout, re.MULTILINE)
        assert found, info.stdout + info.stderr
        return int(found.group(1))
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", pdf.read_bytes()))


def test_the_console_check_can_fail(tmp_path: Path) -> None:
    bad = tmp_path / "bad.html"
    bad.write_text('<!DOCTYPE html><p>x</p><script>console.error("kapot")</script>',
                   encoding="utf-8")
    assert any("kapot" in line for line in console(chromium(tmp_path, bad, "--dump-dom")[1]))


@pytest.mark.parametrize("lang", ["nl", "en"])
def test_chromium_renders_the_report_and_prints_it(tmp_path: Path, amsterdam: None,
                                                   lang: str) -> None:
    db = seed(tmp_path / "kiosk.db")
    page = tmp_path / f"report-{lang}.html"
    assert run_tool(["report", str(db), "--out", str(page), "--lang", lang], io.StringIO()) == 0
    dom, stderr = chromium(tmp_path, page, "--dump-dom")
    assert console(stderr) == []
    assert dom.count("<svg") >= 20  # the browser built every chart
    assert ("Tot het eind gekeken" if lang == "nl" else "Watched to the end") in dom
    pdf = tmp_path / f"report-{lang}.pdf"
    _out, stderr = chromium(tmp_path, page, "--no-pdf-header-footer", f"--print-to-pdf={pdf}")
    assert console(stderr) == []
    assert pdf.read_bytes().startswith(b"%PDF-")
    # the summary, then one page per event (two events): at least three printed pages
    assert pdf_pages(pdf) >= 3
