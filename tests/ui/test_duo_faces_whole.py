"""The duo's landscape cards show a role model's thumbnail in a band flatter than the
thumbnail (about 3.5:1 against 16:9). A crop of it cut the clip's burned-in "Daan, 20" in half
(it sits low on one series and in the middle on another), so the band shows the whole
thumbnail, the same picture dimmed at its sides. The solo cards (16:9) keep the plain picture."""
from __future__ import annotations

from typing import Any

import pytest

from tests.ui.test_duo_speaker import CFG, play_duo
from tests.uitools import find_item
from tools.layout_check import settle


def photo_of(app: Any, rank: str) -> Any:
    picture = find_item(app.window, f"resultPicture_{rank}")
    assert picture is not None
    photo = [c for c in picture.childItems() if c.objectName() == "artPhoto"]
    assert photo
    return picture, photo[0]


@pytest.mark.parametrize("size", ["1920x1080", "1366x768"])
def test_duo_band_shows_each_role_model_thumbnail_whole(make_kiosk: Any, qtbot: Any,
                                                        size: str) -> None:
    app = make_kiosk(size, config=CFG)
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    match = play_duo(app)
    assert len(match) == 3 and all(job["episode"] for job in match)
    settle(app.window)
    for job in match:
        picture, photo = photo_of(app, job["rank"])
        qtbot.waitUntil(lambda p=picture: p.property("pictureShown") is True)
        # the band really is flatter than the 16:9 thumbnail: a crop would cut into it
        assert picture.height() / picture.width() < 0.5
        # the painted thumbnail fits inside the band: nothing of it is cut off (with the old
        # crop it was the band's full width and about twice the band's height)
        assert photo.property("paintedHeight") <= picture.height() + 0.5
        assert photo.property("paintedWidth") <= picture.width() + 0.5
        assert photo.property("paintedHeight") >= picture.height() - 1.5   # as big as fits
