"""QR images: rendered, served to QML, drawn in a real window and read back from its pixels."""
from __future__ import annotations

import json
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image, ImageOps
from PySide6.QtCore import QSize, Qt, QUrl
from PySide6.QtQuick import QQuickItem, QQuickView

from kiosk.config import DEFAULT
from kiosk.core.links import LinkBuilder, ResultSummary
from kiosk.core.qr_image import qr_size_px, render_qr
from kiosk.ui.qr_provider import QrImageProvider
from tests.qrtools import crop, decode_qr_codes, grab, qr_items

COMPONENTS = Path(__file__).resolve().parents[2] / "kiosk" / "ui" / "qml" / "components"
SHORT = "https://nxtv.example/"  # 21 bytes: version 2 at level M (v1-M holds 14, v2-M 26)


def links() -> list[str]:
    """Three links as the kiosk builds them (episode, result, company)."""
    b = LinkBuilder("https://nxtv.example/", "https://nxtv.example/resultaat",
                    ["nxtv.example", "bedrijf.example"], "open-dag-2026",
                    max_chars=DEFAULT.qr.link_max_chars)
    built = [
        b.episode("ads-s1e1", "https://nxtv.example/aflevering/ads-s1e1").url,
        b.result(ResultSummary(("elektromonteur", "lasser", "mediavormgever"), "matroos", "RC",
                               ("energie", "bouw"))).url,
        b.company("voltwerk", "https://voltwerk.bedrijf.example/contact").url,
    ]
    assert all(built)
    return [url for url in built if url]


def dark_box(image: Image.Image) -> tuple[int, int, int, int]:
    box = ImageOps.invert(image.convert("L")).getbbox()
    assert box is not None
    return box


def finder_module_px(image: Image.Image) -> int:
    """Module size read from the top-left finder pattern, which is 7 modules of dark."""
    left, top, _, _ = dark_box(image)
    run = 0
    while image.getpixel((left + run, top)) == 0:
        run += 1
    assert run % 7 == 0
    return run // 7


# ---- render_qr --------------------------------------------------------------------------------

def test_qr_size_scales_with_the_screen_and_has_a_floor() -> None:
    assert qr_size_px(1080, DEFAULT.qr) == 240
    assert qr_size_px(2160, DEFAULT.qr) == 480
    assert qr_size_px(720, DEFAULT.qr) == 160   # 240 * 720 / 1080
    assert qr_size_px(480, DEFAULT.qr) == 160   # floor: never smaller than at the smallest supported screen


@pytest.mark.parametrize("size_px", [160, 200, 240, 480])
@pytest.mark.parametrize("payload_index", [0, 1, 2])
def test_rendered_code_decodes_to_its_payload(size_px: int, payload_index: int) -> None:
    payload = links()[payload_index]
    image = render_qr(payload, size_px, DEFAULT.qr)
    assert image.size == (size_px, size_px)
    [code] = zxingcpp.read_barcodes(image)
    assert code.text == payload
    assert code.ec_level == "M"


def test_the_longest_allowed_link_decodes_at_the_smallest_size() -> None:
    payload = "https://nxtv.example/" + "a" * 279  # 21 + 279 = 300, the link_max_chars default
    assert len(payload) == 300
    [code] = zxingcpp.read_barcodes(render_qr(payload, 160, DEFAULT.qr))
    assert code.text == payload


def test_module_size_quiet_zone_and_colours_read_from_the_image() -> None:
    image = render_qr(SHORT, 240, DEFAULT.qr)
    # Version 2 = 25 modules, plus 4 quiet modules each side = 33; 240 // 33 = 7 px a module.
    # 33 * 7 = 231 px, the 9 px left over split 4 / 5, so the code starts at 4 + 4 * 7 = 32.
    assert finder_module_px(image) == 7
    assert dark_box(image) == (32, 32, 32 + 25 * 7, 32 + 25 * 7)
    left, top, right, bottom = dark_box(image)
    assert min(left, top, 240 - right, 240 - bottom) / 7 >= 4
    assert set(image.tobytes()) == {0, 255}  # pure dark on pure light, nothing smoothed


def test_quiet_zone_is_at_least_four_modules_at_every_size() -> None:
    for size_px in (160, 173, 240, 333, 480):
        image = render_qr(links()[1], size_px, DEFAULT.qr)
        module = finder_module_px(image)
        left, top, right, bottom = dark_box(image)
        assert min(left, top, size_px - right, size_px - bottom) >= 4 * module, size_px


def test_error_correction_q_is_honoured() -> None:
    [code] = zxingcpp.read_barcodes(render_qr(SHORT, 240, DEFAULT.with_(qr_error_correction="Q").qr))
    assert code.ec_level == "Q"


def test_payload_too_big_for_the_size_is_refused() -> None:
    with pytest.raises(ValueError, match="33 modules"):
        render_qr(SHORT, 32, DEFAULT.qr)
    with pytest.raises(ValueError, match="empty"):
        render_qr("", 240, DEFAULT.qr)


# ---- provider --------------------------------------------------------------------------------

def test_provider_serves_the_requested_size_and_caches(qtbot: object) -> None:
    provider = QrImageProvider(DEFAULT.with_(qr_cache_entries=2).qr)
    first = provider.requestImage("https%3A%2F%2Fnxtv.example%2F", QSize(), QSize(200, 200))
    assert (first.width(), first.height()) == (200, 200)
    assert decode_qr_codes(first) == [SHORT]
    provider.requestImage("https%3A%2F%2Fnxtv.example%2F", QSize(), QSize(200, 200))
    assert (provider.misses, provider.hits) == (1, 1)
    provider.requestImage("b", QSize(), QSize(200, 200))
    provider.requestImage("c", QSize(), QSize(200, 200))  # evicts the least recently used: SHORT
    assert provider.cached() == 2
    provider.requestImage("https%3A%2F%2Fnxtv.example%2F", QSize(), QSize(200, 200))
    assert (provider.misses, provider.hits) == (4, 1)


def test_provider_without_a_size_uses_the_1080p_size(qtbot: object) -> None:
    image = QrImageProvider(DEFAULT.qr).requestImage("x", QSize(), QSize(-1, -1))
    assert (image.width(), image.height()) == (240, 240)


def test_provider_draws_a_blank_square_for_an_impossible_code(qtbot: object) -> None:
    image = QrImageProvider(DEFAULT.qr).requestImage("x" * 3000, QSize(), QSize(100, 100))
    assert (image.width(), image.height()) == (100, 100)
    assert decode_qr_codes(image) == []


# ---- QrCode.qml in a real window -----------------------------------------------------------

def scene(tmp_path: Path, payloads: list[str], size_px: int, width: int, height: int) -> Path:
    """A QML file with a QrCode item per payload (plus an empty one), laid out in a Flow."""
    items = "\n".join(
        f"QrCode {{ objectName: 'qr_test{i}'; size: {size_px};"
        f" payload: {json.dumps(payload)} }}"
        for i, payload in enumerate(payloads)
    )
    # The component is copied alone, so this test does not depend on the other components.
    (tmp_path / "QrCode.qml").write_bytes((COMPONENTS / "QrCode.qml").read_bytes())
    qml = tmp_path / "Scene.qml"
    qml.write_text(
        f"""import QtQuick
Rectangle {{
    width: {width}; height: {height}
    color: "#20305a"   // a dark theme behind the white cards
    Flow {{
        anchors.fill: parent; anchors.margins: 24; spacing: 24
{items}
        QrCode {{ objectName: "qr_empty"; size: {size_px}; payload: "" }}
    }}
}}
""",
        encoding="utf-8",
    )
    return qml


def show(qtbot, qml: Path) -> QQuickView:  # type: ignore[no-untyped-def]
    """The scene in a frameless view the size of its root item, shown and exposed."""
    view = QQuickView()
    view.setFlags(Qt.WindowType.FramelessWindowHint)
    view.engine().addImageProvider("qr", QrImageProvider(DEFAULT.qr))
    view.setResizeMode(QQuickView.ResizeMode.SizeViewToRootObject)
    view.setSource(QUrl.fromLocalFile(str(qml)))
    assert view.status() == QQuickView.Status.Ready, view.errors()
    view.show()
    qtbot.waitExposed(view)
    return view


@pytest.mark.parametrize("width, height", [(1920, 1080), (720, 1280)])
def test_every_code_in_the_window_decodes_to_its_items_payload(
    qtbot, tmp_path: Path, width: int, height: int  # type: ignore[no-untyped-def]
) -> None:
    payloads = links() + ["https://nxtv.example/zoek?q=warmte%20pomp&x=ä#deel-2"]
    size_px = qr_size_px(min(width, height), DEFAULT.qr)
    view = show(qtbot, scene(tmp_path, payloads, size_px, width, height))
    try:
        image = grab(view)
        assert (image.width(), image.height()) == (width, height)
        items = qr_items(view.rootObject())
        assert [item.objectName() for item in items] == ["qr_test0", "qr_test1", "qr_test2",
                                                         "qr_test3"]
        for item, expected in zip(items, payloads, strict=True):
            assert item.property("payload") == expected
            assert decode_qr_codes(crop(image, item)) == [expected]
        # The whole window at once: every code, nothing else.
        assert sorted(decode_qr_codes(image)) == sorted(payloads)
        empty = view.rootObject().findChild(QQuickItem, "qr_empty")
        assert empty is not None and not empty.isVisible()
    finally:
        view.close()
        view.deleteLater()
