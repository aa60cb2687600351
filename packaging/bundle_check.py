"""Checks of the parts the frozen bundle trims, run inside the bundle itself:

    bliq-kiosk bundle-check [--pack DIR]        (packaging/smoke.py runs it; prints JSON)
    python packaging/bundle_check.py [--pack DIR]   (the same from the source tree)

The spec leaves out what the kiosk and the studio never use (ICU data for other languages,
image formats, platform plug-ins, Python codecs …). Each check here uses a part that stays, the
way the kiosk or the studio uses it, and compares with what a person knows to be right:

- ICU (linked by Qt Core; the bundle carries only its Dutch and English data): a Dutch and an
  English date and number formatted by ICU itself, Dutch words sorted by ICU's collator and by
  Qt's QCollator (which asks ICU), a Dutch sentence split into words by ICU's break iterator;
- Qt's own locale data: the Dutch long date;
- sound: a sample clip's audio track decoded to samples (FFmpeg's AAC decoder and resampler);
- pictures: JPEG, GIF, WebP and SVG read through Qt's image plug-ins (packs hold PNG, JPEG, GIF
  and WebP; admin's charts are SVG drawn by Qt SVG, checked with the kiosk's own chart code), and
  Pillow (which draws the QR codes) loads its libraries and draws;
- every kiosk module imports (a left-out standard-library module would show here).

Exit code 0 when all hold; the JSON names each failure in one line.
"""
from __future__ import annotations

import argparse
import array
import ctypes
import functools
import json
import os
import sys
from pathlib import Path

# Known answers (CLDR's Dutch and English, and the Unicode collation order)
DATE = (2026, 12, 8)  # a Tuesday
DATE_MS = 1796688000000.0  # 2026-12-08 00:00 UTC in ms since 1970
ICU_DATES = {"nl_NL": "dinsdag 8 december 2026", "en_GB": "Tuesday, 8 December 2026",
             "en_US": "Tuesday, December 8, 2026"}
ICU_NUMBERS = {"nl_NL": "1.234.567,5", "en_GB": "1,234,567.5"}
# Accents and case are second-order differences: é sorts with e, IJ with ij (plain code point
# order would put every capital first and É, Á after z).
DUTCH_WORDS = ["zebra", "Éclair", "appel", "eend", "ijzer", "IJs", "Ábc", "Zweden", "één"]
DUTCH_SORTED = ["Ábc", "appel", "Éclair", "één", "eend", "IJs", "ijzer", "zebra", "Zweden"]
SENTENCE = "Hé, dit is één zin van 12 woorden."
SENTENCE_WORDS = ["Hé", "dit", "is", "één", "zin", "van", "12", "woorden"]
QT_LONG_DATE_NL = "dinsdag 8 december 2026"

U_ZERO_ERROR = 0
U_USING_DEFAULT_WARNING = -127  # ICU had no data for the locale and used root's
UDAT_FULL, UDAT_NONE = 0, -1
UNUM_DECIMAL = 1
UBRK_WORD = 1
UBRK_DONE = -1
UBRK_WORD_NONE_LIMIT = 100  # rule status below this: spaces and punctuation, not a word


def root() -> Path:
    """The bundle's _internal folder, or the source tree."""
    return Path(getattr(sys, "_MEIPASS", Path(__file__).resolve().parent.parent))


def qt_lib_dir() -> Path:
    import PySide6

    folder = Path(PySide6.__file__).parent
    return folder / "Qt" / "lib" if (folder / "Qt" / "lib").is_dir() else folder


class Icu:
    """ICU's C API through ctypes, from the libraries in ``folder`` (ICU's functions carry the
    major version: ucol_open_73)."""

    def __init__(self, folder: Path) -> None:
        uc = sorted(folder.glob("libicuuc.so.*"))
        if not uc:
            raise FileNotFoundError(f"no libicuuc.so.* in {folder}")
        self.version = uc[0].name.split(".so.")[1].split(".")[0]
        self.uc = ctypes.CDLL(str(uc[0]))
        self.i18n = ctypes.CDLL(str(folder / f"libicui18n.so.{self.version}"))

    def fn(self, lib: ctypes.CDLL, name: str, restype: object, *argtypes: object) -> object:
        f = getattr(lib, f"{name}_{self.version}")
        f.restype, f.argtypes = restype, list(argtypes)
        return f


def _u16(text: str) -> tuple[ctypes.Array[ctypes.c_uint16], int]:
    units = text.encode("utf-16-le")
    n = len(units) // 2
    return (ctypes.c_uint16 * max(1, n)).from_buffer_copy(units or b"\0\0"), n


def _text(buf: ctypes.Array[ctypes.c_uint16], n: int) -> str:
    return bytes(buf)[: 2 * n].decode("utf-16-le")


def icu_checks(folder: Path) -> tuple[list[str], dict[str, object]]:
    """(problems, what ICU answered) for Dutch and English dates, numbers, sorting and words."""
    # ctypes' names for ICU's C types: pointer, int32_t, double, char*, UErrorCode*
    P, N, D = ctypes.c_void_p, ctypes.c_int32, ctypes.c_double
    S, E = ctypes.c_char_p, ctypes.POINTER(ctypes.c_int)
    icu = Icu(folder)
    problems: list[str] = []
    seen: dict[str, object] = {"icu": icu.version}
    buf = (ctypes.c_uint16 * 256)()

    def status() -> ctypes.c_int:
        return ctypes.c_int(U_ZERO_ERROR)

    udat_open = icu.fn(icu.i18n, "udat_open", P, N, N, S, P, N, P, N, E)
    udat_format = icu.fn(icu.i18n, "udat_format", N, P, D, P, N, P, E)
    udat_close = icu.fn(icu.i18n, "udat_close", None, P)
    utc, utc_n = _u16("UTC")
    for locale, want in ICU_DATES.items():
        st = status()
        fmt = udat_open(UDAT_NONE, UDAT_FULL, locale.encode(), utc, utc_n, None, 0,
                        ctypes.byref(st))
        if not fmt or st.value > 0:
            problems.append(f"ICU date format for {locale}: error {st.value}")
            continue
        opened = st.value
        st = status()
        n = udat_format(fmt, DATE_MS, buf, len(buf), None, ctypes.byref(st))
        udat_close(fmt)
        got = _text(buf, n)
        seen[f"date {locale}"] = got
        if got != want or opened == U_USING_DEFAULT_WARNING:
            problems.append(f"ICU formats {DATE} in {locale} as {got!r} (expected {want!r}"
                            + (", and it has no data for the locale)" if opened else ")"))

    unum_open = icu.fn(icu.i18n, "unum_open", P, N, P, N, S, P, E)
    unum_format = icu.fn(icu.i18n, "unum_formatDouble", N, P, D, P, N, P, E)
    unum_close = icu.fn(icu.i18n, "unum_close", None, P)
    for locale, want in ICU_NUMBERS.items():
        st = status()
        fmt = unum_open(UNUM_DECIMAL, None, 0, locale.encode(), None, ctypes.byref(st))
        if not fmt or st.value > 0:
            problems.append(f"ICU number format for {locale}: error {st.value}")
            continue
        st = status()
        n = unum_format(fmt, 1234567.5, buf, len(buf), None, ctypes.byref(st))
        unum_close(fmt)
        got = _text(buf, n)
        seen[f"number {locale}"] = got
        if got != want:
            problems.append(f"ICU formats 1234567.5 in {locale} as {got!r} (expected {want!r})")

    ucol_open = icu.fn(icu.i18n, "ucol_open", P, S, E)
    ucol_strcoll = icu.fn(icu.i18n, "ucol_strcoll", N, P, P, N, P, N)
    ucol_close = icu.fn(icu.i18n, "ucol_close", None, P)
    st = status()
    coll = ucol_open(b"nl_NL", ctypes.byref(st))
    if not coll or st.value > 0:
        problems.append(f"ICU collator for nl_NL: error {st.value}")
    else:
        def compare(a: str, b: str) -> int:
            (ua, na), (ub, nb) = _u16(a), _u16(b)
            return int(ucol_strcoll(coll, ua, na, ub, nb))

        got_sorted = sorted(DUTCH_WORDS, key=functools.cmp_to_key(compare))
        ucol_close(coll)
        seen["ICU sorts"] = got_sorted
        if got_sorted != DUTCH_SORTED:
            problems.append(f"ICU sorts Dutch words as {got_sorted} (expected {DUTCH_SORTED})")

    ubrk_open = icu.fn(icu.uc, "ubrk_open", P, N, S, P, N, E)
    ubrk_first = icu.fn(icu.uc, "ubrk_first", N, P)
    ubrk_next = icu.fn(icu.uc, "ubrk_next", N, P)
    ubrk_status = icu.fn(icu.uc, "ubrk_getRuleStatus", N, P)
    ubrk_close = icu.fn(icu.uc, "ubrk_close", None, P)
    text, n = _u16(SENTENCE)
    st = status()
    brk = ubrk_open(UBRK_WORD, b"nl", text, n, ctypes.byref(st))
    if not brk or st.value > 0:
        problems.append(f"ICU word breaker for nl: error {st.value}")
    else:
        words, start = [], ubrk_first(brk)
        while (end := ubrk_next(brk)) != UBRK_DONE:
            if ubrk_status(brk) >= UBRK_WORD_NONE_LIMIT:
                words.append(SENTENCE.encode("utf-16-le")[2 * start: 2 * end].decode("utf-16-le"))
            start = end
        ubrk_close(brk)
        seen["ICU words"] = words
        if words != SENTENCE_WORDS:
            problems.append(f"ICU splits {SENTENCE!r} into {words} (expected {SENTENCE_WORDS})")
    return problems, seen


def qt_checks(pack: Path) -> tuple[list[str], dict[str, object]]:
    """(problems, what Qt answered): QCollator and QLocale in Dutch, a clip's sound decoded,
    pictures read through the image plug-ins, an SVG chart drawn."""
    from PySide6.QtCore import (QBuffer, QByteArray, QCollator, QDate, QLocale, QSize, QTimer,
                                QUrl)
    from PySide6.QtGui import QGuiApplication, QImage, QImageReader
    from PySide6.QtMultimedia import QAudioDecoder, QAudioFormat

    app = QGuiApplication.instance() or QGuiApplication([sys.argv[0]])
    problems: list[str] = []
    seen: dict[str, object] = {}

    collator = QCollator(QLocale(QLocale.Language.Dutch, QLocale.Country.Netherlands))
    got = sorted(DUTCH_WORDS, key=functools.cmp_to_key(collator.compare))
    seen["QCollator sorts"] = got
    if got != DUTCH_SORTED:
        problems.append(f"QCollator sorts Dutch words as {got} (expected {DUTCH_SORTED})")
    long_date = QLocale(QLocale.Language.Dutch).toString(QDate(*DATE),
                                                         QLocale.FormatType.LongFormat)
    seen["QLocale date nl"] = long_date
    if long_date != QT_LONG_DATE_NL:
        problems.append(f"QLocale's Dutch long date is {long_date!r} "
                        f"(expected {QT_LONG_DATE_NL!r})")

    clips = sorted(pack.glob("media/*/*.mp4"))
    if not clips:
        problems.append(f"no clip in {pack}/media to decode the sound of")
    else:
        decoder, seconds, peak, failed = QAudioDecoder(), [0.0], [0.0], []
        kinds = {QAudioFormat.SampleFormat.Int16: ("h", 32768.0),
                 QAudioFormat.SampleFormat.Int32: ("i", 2.0**31),
                 QAudioFormat.SampleFormat.Float: ("f", 1.0)}

        def take() -> None:
            buffer = decoder.read()
            fmt = buffer.format()
            seconds[0] += buffer.frameCount() / max(1, fmt.sampleRate())
            code, full = kinds.get(fmt.sampleFormat(), ("", 1.0))
            if code:  # the loudest sample, 0..1 of full scale
                samples = array.array(code, bytes(buffer.constData()))
                peak[0] = max(peak[0], max(map(abs, samples), default=0) / full)

        decoder.bufferReady.connect(take)
        decoder.finished.connect(app.quit)
        decoder.error.connect(lambda *_: (failed.append(decoder.errorString()), app.quit()))
        decoder.setSource(QUrl.fromLocalFile(str(clips[0])))
        QTimer.singleShot(60_000, lambda: (failed.append("no end within 60 s"), app.quit()))
        decoder.start()
        app.exec()
        decoder.stop()
        seen["sound"] = {"clip": clips[0].name, "seconds": round(seconds[0], 2),
                         "peak": round(peak[0], 3)}
        if failed or seconds[0] < 1.0 or peak[0] < 0.01:  # a second of sound, not silence
            problems.append(f"{clips[0].name}: its sound did not decode ({'; '.join(failed)} "
                            f"{seconds[0]:.2f} s, peak {peak[0]:.3f} of full scale)")

    formats = {bytes(f).decode() for f in QImageReader.supportedImageFormats()}
    seen["image formats"] = sorted(formats)
    for fmt in ("png", "jpeg", "gif", "webp", "svg"):
        if fmt not in formats:
            problems.append(f"Qt cannot read {fmt.upper()} pictures (no image plug-in)")
    samples: dict[str, bytes] = {
        "gif": bytes.fromhex("47494638396101000100800000ff000000000021f90401000000002c00000000"
                             "010001000002024401003b"),
        "svg": b'<svg xmlns="http://www.w3.org/2000/svg" width="4" height="4">'
               b'<rect width="4" height="4" fill="#f00"/></svg>',
    }
    red = QImage(4, 4, QImage.Format.Format_RGB32)
    red.fill(0xFFFF0000)
    for fmt in ("jpeg", "webp"):
        data = QByteArray()
        out = QBuffer(data)
        out.open(QBuffer.OpenModeFlag.WriteOnly)
        red.save(out, fmt.upper())
        samples[fmt] = bytes(data)
    for fmt, data in samples.items():
        image = QImage.fromData(data, fmt)
        colour = image.pixelColor(0, 0) if not image.isNull() else None
        if colour is None or colour.red() < 200 or colour.green() > 60:
            problems.append(f"a red {fmt.upper()} picture did not read back as red")
    pictures = sorted(pack.glob("**/*.jpg"))
    if pictures and QImage(str(pictures[0])).isNull():
        problems.append(f"{pictures[0]}: Qt cannot read this JPEG of the sample pack")

    # Pillow draws the QR codes' pictures; its library links its own libxcb and libXau (the
    # bundle keeps one libXau, packaging/strip_libs.link_duplicates)
    from PIL import Image, ImageDraw

    picture = Image.new("L", (8, 8), 255)
    ImageDraw.Draw(picture).rectangle((0, 0, 3, 3), fill=0)
    if picture.getpixel((1, 1)) != 0 or picture.getpixel((6, 6)) != 255:
        problems.append("Pillow did not draw a black square on white")

    from kiosk.ui.chart_images import render_svg

    chart = render_svg('<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 40 20">'
                       '<rect x="2" y="2" width="20" height="16" fill="#123456"/>'
                       '<text x="24" y="14" font-size="10">7</text></svg>', QSize(80, 40))
    if chart.isNull() or chart.pixelColor(10, 10).blue() != 0x56:
        problems.append("admin's chart code drew nothing (Qt SVG)")
    return problems, seen


def import_checks() -> tuple[list[str], dict[str, object]]:
    """(problems, modules imported): every kiosk module imports, so a standard-library module or
    package the spec leaves out (ssl, a codec …) that one of them imports shows here."""
    import importlib
    import pkgutil

    import kiosk

    problems, count = [], 0
    for info in pkgutil.walk_packages(kiosk.__path__, "kiosk."):
        if info.name.endswith(".__main__"):  # runs the command line when imported
            continue
        try:
            importlib.import_module(info.name)
            count += 1
        except Exception as exc:  # noqa: BLE001 - each failure is named, the rest go on
            problems.append(f"{info.name} does not import: {type(exc).__name__}: {exc}")
    return problems, {"kiosk modules": count}


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(prog="bliq-kiosk bundle-check", description=__doc__.split("\n")[0])
    p.add_argument("--pack", type=Path, default=root() / "episodes")
    args = p.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")  # nothing is shown: no screen needed
    problems, seen = icu_checks(qt_lib_dir())
    for found, facts in (qt_checks(args.pack), import_checks()):
        problems += found
        seen.update(facts)
    print(json.dumps({"problems": problems, "seen": seen}, ensure_ascii=False))
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
