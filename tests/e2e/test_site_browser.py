"""The take-home pages in a real headless Chromium at a phone's size (390×844), opened from the
codes the kiosk draws: each code is read back from the kiosk's pixels (zxing-cpp), its address
under the pack's site_url is opened against the built pages served on 127.0.0.1.

One Chromium for the module, driven through the DevTools protocol (tests/cdp.py); it may reach
127.0.0.1 only (--host-resolver-rules), and every request a page makes is checked anyway.
"""
from __future__ import annotations

import tempfile
import threading
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from PIL import Image

from kiosk.config import DEFAULT, Config
from kiosk.pack.loader import load_pack
from kiosk.core.links import host_allowed
from kiosk.pack.site_pages import page_of
from kiosk.site import build
from kiosk.site.serve import make_server
from tests.cdp import CHROMIUM, Browser, Tab
from tests.qrtools import crop, decode_qr_codes, grab, qr_items
from tests.uitools import find_item, is_shown, touch_tap
from tools.layout_check import answer_cards

pytestmark = [
    pytest.mark.slow,
    pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (bash tools/setup.sh "
                                                "--test installs the Debian package chromium)"),
]

SAMPLE = Path(__file__).resolve().parents[2] / "episodes"
SITE_URL = load_pack(SAMPLE, DEFAULT).site_url
SLOW_IDLE = Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0, idle_from_event=False,
                   next_up_countdown_s=60)
RESULT_NAMES = ["resultJob_1", "resultJob_2", "resultJob_3", "resultJobSurprise"]


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, dict[str, Any]]]:
    """The sample pack's pages, served on 127.0.0.1; (base address, manifest)."""
    out = tmp_path_factory.mktemp("site") / "out"
    manifest = build(SAMPLE, out, DEFAULT, record=False)
    server = make_server(out, 0)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}/", manifest
    server.shutdown()
    server.server_close()


@pytest.fixture(scope="module")
def browser() -> Iterator[Browser]:
    with tempfile.TemporaryDirectory() as profile:
        chromium = Browser(Path(profile), "--host-resolver-rules=MAP * ~NOTFOUND, "
                                          "EXCLUDE 127.0.0.1")
        yield chromium
        chromium.close()


def local(url: str, base: str) -> str:
    """A kiosk link under site_url, as the same page of the local copy."""
    assert url.startswith(SITE_URL), url
    return base + url[len(SITE_URL):]


def visit(browser: Browser, url: str, base: str, scripts: bool = True) -> Tab:
    tab = Tab(browser)
    if not scripts:
        tab.call("Emulation.setScriptExecutionDisabled", {"value": True})
    tab.open(url)
    return tab


def clean(tab: Tab, base: str) -> None:
    """No console error or warning, no script error, nothing asked of another host."""
    assert tab.problems() == []
    assert [u for u in tab.requests() if not u.startswith(base)] == []


def shown_titles(tab: Tab) -> list[str]:
    return tab.evaluate("[...document.querySelectorAll('#jobs .title')]"
                        ".filter(e => e.offsetParent !== null).map(e => e.textContent)")


def read_code(app: Any, qtbot: Any, name: str, wanted: str = "") -> str:
    """The link the kiosk's code ``name`` holds, read from the window's pixels."""
    def readable() -> bool:
        item = find_item(app.window, name)
        if item is None:
            return False
        codes = decode_qr_codes(crop(grab(app.window), item))
        return codes == [item.property("payload")] and wanted in codes[0]

    qtbot.waitUntil(readable, timeout=10_000)
    item = find_item(app.window, name)
    return decode_qr_codes(crop(grab(app.window), item))[0]


def open_game(app: Any, qtbot: Any, mode: str) -> None:
    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: is_shown(app.window, "homeGame"))
    touch_tap(app.window, "homeGame")
    qtbot.waitUntil(lambda: is_shown(app.window, "gameStart"))
    touch_tap(app.window, "gameStartDuo" if mode == "duo" else "gameStart")
    qtbot.waitUntil(lambda: app.controller.state == "game")


def kiosk_titles(app: Any, names: list[str]) -> list[str]:
    return [find_item(app.window, n).property("job")["title"] for n in names]


def test_the_solo_result_code_shows_the_kiosks_jobs_in_dutch_and_english(
        make_kiosk, qtbot, site, browser) -> None:
    base, _ = site
    app = make_kiosk("1080x1920", config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_game(app, qtbot, "solo")
    answer_cards(app.game.playerA, lambda i: i % 3 != 0)
    qtbot.waitUntil(lambda: app.controller.state == "result"
                    and all(is_shown(app.window, n) for n in RESULT_NAMES))
    dutch = kiosk_titles(app, RESULT_NAMES)
    for lang in ("nl", "en"):
        if lang == "en":
            app.controller.toggleLanguage()
            qtbot.waitUntil(lambda: kiosk_titles(app, RESULT_NAMES) != dutch)
        want = kiosk_titles(app, RESULT_NAMES)
        url = read_code(app, qtbot, "qr_result", f"lang={lang}")
        tab = visit(browser, local(url, base), base)
        assert shown_titles(tab) == want
        assert tab.evaluate("document.documentElement.lang") == lang
        assert tab.evaluate("document.querySelector('#r h1').textContent") == (
            "Jouw richting" if lang == "nl" else "Your direction")
        # the surprise is marked as on the kiosk; the direction is shown in words
        assert tab.evaluate("document.querySelectorAll('#jobs .tag').length") == 1
        assert tab.evaluate("document.querySelectorAll('#r .chips li').length") >= 2
        # "All jobs" in the visitor's alphabet: each domain's list in the page's language order
        for names in tab.evaluate("[...document.querySelectorAll('#all ul')].map(u => "
                                  "[...u.children].map(li => li.innerText))"):
            assert names == sorted(names, key=str.lower), names
        clean(tab, base)
        tab.close()


def test_the_duo_code_shows_the_match_and_both_players_directions(
        make_kiosk, qtbot, site, browser) -> None:
    base, _ = site
    app = make_kiosk("1080x1920", config=SLOW_IDLE)
    qtbot.waitUntil(app.window.isExposed)
    open_game(app, qtbot, "duo")
    answer_cards(app.game.playerA, lambda i: i % 2 != 0)
    answer_cards(app.game.playerB, lambda i: i % 3 != 0)
    names = ["resultJob_1", "resultJob_2", "resultJob_3"]
    qtbot.waitUntil(lambda: app.controller.state == "result"
                    and all(is_shown(app.window, n) for n in names))
    url = read_code(app, qtbot, "qr_result")
    query = parse_qs(urlsplit(url).query)
    assert query["duo"] == ["1"] and query["r"] and query["r2"]
    tab = visit(browser, local(url, base), base)
    assert tab.evaluate("document.querySelector('#r h1').textContent") == "Jullie match"
    assert shown_titles(tab) == kiosk_titles(app, names)
    assert tab.evaluate("[...document.querySelectorAll('#r .who')].map(e => e.textContent)") \
        == ["Speler 1", "Speler 2"]
    assert tab.evaluate("document.querySelectorAll('#r .chips').length") == 2
    clean(tab, base)
    tab.close()


def test_every_code_on_every_screen_opens_a_built_page_or_an_allowed_host(
        make_kiosk, qtbot, site, browser) -> None:
    base, manifest = site
    app = make_kiosk("1920x1080", config=SLOW_IDLE, args=("--event", "open-dag-2026"))
    qtbot.waitUntil(app.window.isExposed)
    pack = app.pack
    seen: dict[str, str] = {}

    def collect() -> None:
        for item in qr_items(app.window.contentItem()):
            if item.property("payload"):
                seen[item.objectName()] = item.property("payload")

    touch_tap(app.window, "startButton")
    qtbot.waitUntil(lambda: app.controller.state == "home")
    app.controller.openSection("episodes")
    app.controller.playEpisode("ads-s1e1", "tile")
    qtbot.waitUntil(lambda: app.player.state == "playing", timeout=10_000)
    qtbot.waitUntil(lambda: find_item(app.window, "qr_episode") is not None)
    collect()
    app.player.finish()
    qtbot.waitUntil(lambda: app.controller.state == "next_up"
                    and find_item(app.window, "qr_share") is not None)
    collect()
    share = read_code(app, qtbot, "qr_share")
    app.controller.goHome()
    app.controller.openSection("companies")
    qtbot.waitUntil(lambda: find_item(app.window, "companiesGrid") is not None)
    qtbot.waitUntil(lambda: any(i.objectName().startswith("qr_company")
                                for i in qr_items(app.window.contentItem())))
    collect()
    assert {"qr_episode", "qr_watch", "qr_share"} <= set(seen)
    assert any(name.startswith("qr_company") for name in seen)
    for name, url in seen.items():
        page = page_of(url, pack.site_url)
        if page is None:  # NXtv or a company's own page: a host the organiser allowed
            host = urlsplit(url).hostname or ""
            assert host_allowed(host, pack.allowed_hosts) and host != "bliq.example", name
        else:
            assert page in manifest["pages"], (name, url)
    # the share code opens the episode's share page: a working button, an Open Graph picture
    assert page_of(share, pack.site_url) == "video/ads-s1e1/"
    tab = visit(browser, local(share, base), base)
    assert tab.evaluate("document.querySelector('button[data-share]').hidden") is False
    image = tab.evaluate("document.querySelector('meta[property=\"og:image\"]').content")
    with urllib.request.urlopen(local(image, base)) as answer:
        assert answer.headers["Content-Type"] == "image/jpeg"
        picture = Image.open(answer)
        assert picture.size == (1200, 630)
    tab.evaluate("document.querySelector('button[data-share]').click()")
    # no Web Share in headless Chromium: the copy fallback answers, in words
    message = tab.evaluate("new Promise(done => { const m = document.getElementById('msg');"
                           " const look = () => m.textContent ? done(m.textContent)"
                           " : requestAnimationFrame(look); look(); })")
    assert message.startswith(("Link gekopieerd", "Kopieer deze link"))
    clean(tab, base)
    tab.close()


# the sample pack's own titles and job count: the pages are built from it
SAMPLE_JOBS = load_pack(SAMPLE, DEFAULT).jobs


@pytest.mark.parametrize("query, titles, note", [
    ("jobs=timmerman,bestaat-niet,%3Cimg%20src%3Dx%3E&extra=matroos",
     [("timmerman", "nl"), ("matroos", "nl")], True),
    ("jobs=timmerman&lang=fr", [("timmerman", "nl")], False),          # unknown language: Dutch
    ("jobs=timmerman&lang=en&r=ZZ&d=nergens", [("timmerman", "en")], False),
    ("jobs=,,,&extra=", [], True),
])
def test_a_hand_edited_link_shows_what_it_can_and_never_a_blank_page(
        site, browser, query: str, titles: list[tuple[str, str]], note: bool) -> None:
    base, _ = site
    tab = visit(browser, f"{base}resultaat/?{query}", base)
    assert shown_titles(tab) == [getattr(SAMPLE_JOBS[job].title, lang) for job, lang in titles]
    assert tab.evaluate("!!document.querySelector('#r .note')") is note
    assert tab.evaluate("document.querySelectorAll('#all a').length") == len(SAMPLE_JOBS)  # still every job
    clean(tab, base)
    tab.close()


def test_without_script_the_result_page_lists_every_job(site, browser) -> None:
    base, _ = site
    tab = visit(browser, f"{base}resultaat/?jobs=timmerman&lang=en", base, scripts=False)
    assert tab.evaluate("document.querySelectorAll('#all a').length") == len(SAMPLE_JOBS)
    layout = tab.call("Page.getLayoutMetrics")["cssContentSize"]
    assert layout["width"] <= 390   # nothing wider than the phone
    clean(tab, base)
    tab.close()


def test_the_checks_would_see_a_console_error_and_a_request_elsewhere(browser) -> None:
    tab = Tab(browser)
    tab.open("data:text/html,<script>console.error('kapot')</script>"
             "<img src='https://elders.example/x.png'>")
    assert any("kapot" in problem for problem in tab.problems())
    assert "https://elders.example/x.png" in tab.requests()
    tab.close()
