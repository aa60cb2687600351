"""Pictures on the activity cards and the result's job cards, read back from the screen.

Every card the game shows draws its own picture (the grabbed pixels are nearest to that card's
file among all 48); a job without a role model shows its own picture; a pack without pictures,
or with damaged ones, shows the drawn pictogram (never an empty frame) and keeps running, while
`kiosk check` names each damaged file and its field."""
from __future__ import annotations

import io
import shutil
import zlib
from pathlib import Path

import pytest
from PIL import Image, ImageChops, ImageStat
from PySide6.QtCore import QBuffer, QIODevice, QRectF
from PySide6.QtQuick import QQuickItem

from kiosk.config import DEFAULT, Config
from kiosk.pack.check import run_check
from kiosk.pack.loader import load_pack
from tests.conftest import SAMPLE_PACK
from tests.uitools import find_item, walk
from tools.layout_check import answer_cards, settle, wait_for

CFG = Config().with_(idle_timeout_s=600, idle_from_event=False)
INK = (0x0E, 0x16, 0x33)    # the pictogram's ink (Theme.inkOnAccent)


def screen(app) -> Image.Image:
    buf = QBuffer()
    buf.open(QIODevice.OpenModeFlag.WriteOnly)
    app.window.grabWindow().save(buf, "PNG")
    return Image.open(io.BytesIO(bytes(buf.data()))).convert("RGB")


def region(app, item: QQuickItem, inset: float = 0.12) -> tuple[Image.Image, tuple[int, int]]:
    """The item's pixels without its rounded corners and edges (inset on every side), and the
    item's full size; the window is grabbed at device pixels (1:1 here)."""
    r: QRectF = item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))
    dx, dy = r.width() * inset, r.height() * inset
    box = (round(r.x() + dx), round(r.y() + dy), round(r.right() - dx), round(r.bottom() - dy))
    return screen(app).crop(box), (round(r.width()), round(r.height()))


def as_shown(path: Path, size: tuple[int, int], inset: float = 0.12) -> Image.Image:
    """What QML's PreserveAspectCrop makes of a picture file in an item of ``size``, cropped
    like ``region``."""
    im = Image.open(path).convert("RGB")
    w, h = size
    scale = max(w / im.width, h / im.height)
    im = im.resize((round(im.width * scale), round(im.height * scale)), Image.Resampling.BILINEAR)
    left, top = (im.width - w) // 2, (im.height - h) // 2
    im = im.crop((left, top, left + w, top + h))
    dx, dy = w * inset, h * inset
    return im.crop((round(dx), round(dy), round(w - dx), round(h - dy)))


def difference(a: Image.Image, b: Image.Image) -> float:
    """Mean absolute difference per channel, 0–255."""
    b = b.resize(a.size)
    return sum(ImageStat.Stat(ImageChops.difference(a, b)).mean) / 3


def top_card_picture(app) -> QQuickItem | None:
    card = find_item(app.window, "swipeCard")
    if card is None:
        return None
    return next((i for i in walk(card) if i.objectName().startswith("cardPicture_")), None)


def is_pictogram(im: Image.Image) -> bool:
    """A drawn pictogram: the ink colour on a tinted panel, not one flat colour."""
    colours = im.getcolors(maxcolors=1 << 16) or []
    ink = sum(n for n, c in colours if max(abs(x - y) for x, y in zip(c, INK)) < 40)
    return len(colours) > 1 and ink > im.width * im.height * 0.02


def start_game(app, qtbot) -> None:
    qtbot.waitUntil(app.window.isExposed)
    app.controller.start()
    app.controller.openSection("game")
    app.game.start("solo")
    qtbot.waitUntil(lambda: top_card_picture(app) is not None)


@pytest.mark.parametrize("size", ["1920x1080", "1080x1920"])
def test_every_card_in_the_game_shows_its_own_picture(make_kiosk, qtbot, size):
    app = make_kiosk(size, config=CFG)
    start_game(app, qtbot)
    files = {card.id: card.image for card in app.pack.cards}
    assert all(files.values()), "a sample card without its picture"
    player, seen = app.game.playerA, []
    for i in range(80):
        if player.done:
            break
        if player.duel:
            player.choose(player.duel["a"]["id"])
            continue
        card_id = player.card["id"]
        qtbot.waitUntil(lambda c=card_id: (p := top_card_picture(app)) is not None
                        and p.objectName() == f"cardPicture_{c}"
                        and p.property("pictureShown"))
        settle(app.window)
        shot, full = region(app, top_card_picture(app))
        scores = {other: difference(shot, as_shown(path, full)) for other, path in files.items()}
        nearest = min(scores, key=scores.__getitem__)
        assert nearest == card_id, f"{card_id} looks like {nearest}: {scores[card_id]:.1f}"
        assert scores[card_id] < 12, f"{card_id} differs from its file by {scores[card_id]:.1f}"
        seen.append(card_id)
        player.swipe(card_id, i % 3 != 2, "button")
    assert player.done and len(seen) >= 20 and len(set(seen)) == len(seen)


def test_jobs_show_the_role_models_face_else_their_own_picture(make_kiosk, qtbot):
    app = make_kiosk("1920x1080", config=CFG)
    start_game(app, qtbot)
    own = 0
    for pattern in (lambda i: i % 3 != 2, lambda i: i % 2 == 0, lambda i: i % 4 == 0):
        player = app.game.playerA
        answer_cards(player, pattern)
        assert wait_for(lambda: app.controller.state == "result")
        for job in app.game.result["jobs"]:
            rank = "surprise" if job["surprise"] else job["rank"]
            qtbot.waitUntil(lambda r=rank: (p := find_item(app.window, f"resultPicture_{r}"))
                            is not None and p.property("pictureShown"))
            picture = find_item(app.window, f"resultPicture_{rank}")
            if job["episode"]:
                assert picture.property("image") == job["face"] != ""
                continue
            own += 1
            path = app.pack.jobs[job["id"]].image
            assert path is not None and path.name == f"{job['id']}.png"
            settle(app.window)
            shot, full = region(app, picture)
            # the rank badge lies over the top right corner: nearest of all jobs' pictures
            scores = {other: difference(shot, as_shown(j.image, full))
                      for other, j in app.pack.jobs.items() if j.image is not None}
            assert min(scores, key=scores.__getitem__) == job["id"]
            assert scores[job["id"]] < 20, job["id"]
        app.controller.goHome()
        assert wait_for(lambda: app.controller.state == "home")
        app.controller.openSection("game")
        app.game.start("solo")
    assert own > 0, "no result showed a job without a role model"


def copy_of_sample(tmp_path: Path) -> Path:
    pack = tmp_path / "pack"
    shutil.copytree(SAMPLE_PACK, pack)
    return pack


def test_a_pack_without_pictures_shows_pictograms_never_an_empty_frame(make_kiosk, qtbot,
                                                                        tmp_path):
    pack = copy_of_sample(tmp_path)
    for file in ("cards.toml", "jobs.toml"):
        text = (pack / file).read_text(encoding="utf-8")
        (pack / file).write_text("\n".join(line for line in text.split("\n")
                                           if not line.startswith("image = ")), encoding="utf-8")
    shutil.rmtree(pack / "images" / "cards")
    shutil.rmtree(pack / "images" / "jobs")
    app = make_kiosk("1080x1920", content=pack, config=CFG)
    start_game(app, qtbot)
    for _ in range(3):
        settle(app.window)
        picture = top_card_picture(app)
        assert not picture.property("pictureShown")
        assert is_pictogram(region(app, picture)[0]), picture.objectName()
        shown = picture.objectName()
        app.game.playerA.swipe(app.game.playerA.card["id"], True, "button")
        qtbot.waitUntil(lambda n=shown: top_card_picture(app).objectName() != n)
    player = app.game.playerA
    answer_cards(player, lambda i: i % 3 != 2)
    assert wait_for(lambda: app.controller.state == "result")
    settle(app.window)
    for job in app.game.result["jobs"]:
        rank = "surprise" if job["surprise"] else job["rank"]
        picture = find_item(app.window, f"resultPicture_{rank}")
        if job["episode"]:      # the role model's face needs no picture from the pack
            continue
        assert not picture.property("pictureShown")
        assert is_pictogram(region(app, picture)[0]), rank


def test_damaged_pictures_are_named_by_check_and_the_kiosk_shows_pictograms(make_kiosk, qtbot,
                                                                           tmp_path):
    pack = copy_of_sample(tmp_path)
    for png in (pack / "images" / "cards").glob("*.png"):
        png.write_bytes(png.read_bytes()[:2000])             # a copy that stopped early
    out = io.StringIO()
    assert run_check(pack, False, out, DEFAULT) == 0                  # warnings: the pack still runs
    report = out.getvalue()
    index = {card.id: n for n, card in enumerate(load_pack(SAMPLE_PACK, DEFAULT).cards)}
    for card_id, n in index.items():
        assert (f'cards.toml: card "{card_id}" (cards[{n}]): image: '
                f"'images/cards/{card_id}.png' is damaged") in report, card_id
    assert "placeholder" in report
    app = make_kiosk("1920x1080", content=pack, config=CFG)
    start_game(app, qtbot)
    settle(app.window)
    picture = top_card_picture(app)
    assert not picture.property("pictureShown")
    assert is_pictogram(region(app, picture)[0])


def unreadable_png() -> bytes:
    """A PNG whose every chunk fits and passes its checksum (so the pack check lets it through)
    but whose picture data is not compressed data: Qt cannot decode it."""
    sig = b"\x89PNG\r\n\x1a\n"

    def chunk(kind: bytes, data: bytes) -> bytes:
        return (len(data).to_bytes(4, "big") + kind + data
                + zlib.crc32(kind + data).to_bytes(4, "big"))
    header = (64).to_bytes(4, "big") * 2 + bytes([8, 2, 0, 0, 0])
    return sig + chunk(b"IHDR", header) + chunk(b"IDAT", b"not a picture" * 8) + chunk(b"IEND", b"")


@pytest.mark.qt_log_ignore(r"QML Image: Error decoding: .*/s\d+e\d+\.jpg", r"libpng error")
def test_a_face_qt_cannot_read_falls_back_to_the_jobs_own_picture(make_kiosk, qtbot, tmp_path):
    pack = copy_of_sample(tmp_path)
    for thumb in (pack / "media").rglob("s*e*.jpg"):
        thumb.write_bytes(unreadable_png())
    assert not [p for p in load_pack(pack, DEFAULT).problems if "thumbnail" in p.field]
    app = make_kiosk("1920x1080", content=pack, config=CFG)
    start_game(app, qtbot)
    faces = 0
    for pattern in (lambda i: i % 3 != 2, lambda i: i % 2 == 0, lambda i: i % 4 == 0):
        player = app.game.playerA
        answer_cards(player, pattern)
        assert wait_for(lambda: app.controller.state == "result")
        for job in app.game.result["jobs"]:
            if not job["episode"]:
                continue
            faces += 1
            rank = "surprise" if job["surprise"] else job["rank"]
            qtbot.waitUntil(lambda r=rank: find_item(app.window, f"resultPicture_{r}")
                            .property("pictureShown"))
            settle(app.window)
            shot, full = region(app, find_item(app.window, f"resultPicture_{rank}"))
            scores = {other: difference(shot, as_shown(j.image, full))
                      for other, j in app.pack.jobs.items() if j.image is not None}
            assert min(scores, key=scores.__getitem__) == job["id"]
        app.controller.goHome()
        assert wait_for(lambda: app.controller.state == "home")
        app.controller.openSection("game")
        app.game.start("solo")
    assert faces > 0, "no result showed a job with a role model"
