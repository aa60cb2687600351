"""Every QR on the episode screens, decoded from the window's pixels, equals its payload and the
link core builds — landscape 1920x1080 and a small portrait screen."""
from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.core.links import LinkBuilder
from tests.qrtools import crop, decode_qr_codes, grab
from tests.uitools import find_item, open_from_home

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False, next_up_countdown_s=60)
EPISODE = "ads-s1e2"


@pytest.fixture(params=["1920x1080", "720x1280"])
def kiosk_options(request):
    # the codes are drawn over the player screen and the end card, whatever the video shows:
    # the FakePlayer plays and ends the clip (real decoding is test_player's and test_frames')
    return {"size": request.param, "config": CFG, "args": ("--event", "open-dag-2026")}


def play(app, qtbot) -> None:
    open_from_home(app, qtbot, "homeEpisodes", "episodes")
    app.controller.playEpisode(EPISODE, "tile")
    player = app.player
    qtbot.waitUntil(lambda: player.state == "playing", timeout=10_000)


def expected_link(app, share: bool = False) -> str:
    episode = app.pack.episodes[EPISODE]
    links = LinkBuilder.for_pack(app.pack, "open-dag-2026", DEFAULT)
    return links.episode(EPISODE, episode.channel_url, share=share).url


def decoded(app, name: str) -> tuple[str, list[str]]:
    item = find_item(app.window, name)
    assert item is not None, name
    return item.property("payload"), decode_qr_codes(crop(grab(app.window), item))


def test_code_during_playback(kiosk, qtbot):
    play(kiosk, qtbot)
    payload, codes = decoded(kiosk, "qr_episode")
    assert codes == [payload] == [expected_link(kiosk)]
    query = parse_qs(urlsplit(payload).query)
    assert query["utm_campaign"] == ["open-dag-2026"] and query["utm_content"] == [EPISODE]


def test_end_card_codes_watch_and_share(kiosk, qtbot):
    play(kiosk, qtbot)
    kiosk.player.finish()
    qtbot.waitUntil(lambda: kiosk.controller.state == "next_up", timeout=10_000)
    qtbot.waitUntil(lambda: find_item(kiosk.window, "qr_share") is not None)
    watch, watch_codes = decoded(kiosk, "qr_watch")
    share, share_codes = decoded(kiosk, "qr_share")
    assert watch_codes == [watch] == [expected_link(kiosk)]
    assert share_codes == [share] == [expected_link(kiosk, share=True)]
    assert watch != share  # the channel can tell shares from own viewing
