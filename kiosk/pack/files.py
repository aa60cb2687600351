"""Files of a pack on disk: safe paths, TOML reading, cheap media sniffing (no Qt).

Every function here answers "what is wrong" as ``Issue`` values (message, expected) and never
raises for bad input: a pack can never make the kiosk read anything outside its own folder.
Real decoding of clips is ``kiosk preflight``'s job; here we only catch files that cannot be video.
"""
from __future__ import annotations

import os
import re
import tomllib
import zlib
from pathlib import Path, PurePosixPath
from typing import Any, Literal

from kiosk.config import Config
from kiosk.records import record

Kind = Literal["video", "image", "subtitle", "toml"]


@record(frozen=True)
class Issue:
    """What is wrong with a file, before it is tied to a pack field."""

    message: str
    expected: str
    where: str = ""  # e.g. "line 7, column 3" for TOML and encoding errors
    unsafe: bool = False  # the path points outside the pack: never read it
    warning: bool = False  # the file is used anyway (e.g. captions read as Windows-1252)
    context: str = ""  # the offending line with a caret under the spot (TOML syntax errors)


def _mb(n: int) -> str:
    return f"{n / (1024 * 1024):.1f} MB" if n >= 1024 * 1024 else f"{n / 1024:.0f} KB"


def _limit(kind: Kind, config: Config) -> int:
    return {"video": config.pack.max_video_bytes, "image": config.pack.max_image_bytes,
            "subtitle": config.pack.max_subtitle_bytes, "toml": config.pack.max_toml_bytes}[kind]


Listings = dict[Path, frozenset[str]]  # folder → its entries, cached for one pack load


def safe_file(root: Path, rel: Path | str, kind: Kind, config: Config,
              listings: Listings | None = None) -> tuple[Path | None, Issue | None]:
    """Resolve ``rel`` inside ``root``; the absolute path, or the reason it cannot be used.

    Symlinks are followed and the target must still be inside the pack. The name must match
    the folder listing exactly, upper/lower case included (``listings`` caches those).
    """
    try:
        base = root.resolve()
        full = (base / rel).resolve()
    except (OSError, RuntimeError, ValueError):
        return None, Issue(f"'{rel}' cannot be resolved (a symlink loop?)",
                           "a plain file in the pack", unsafe=True)
    if not full.is_relative_to(base):
        return None, Issue(f"'{rel}' leads outside the pack folder (symlink or '..')",
                           "a file inside the pack folder", unsafe=True)
    try:
        if not full.is_file():
            if full.is_dir():
                return None, Issue(f"'{rel}' is a folder", "an existing file in the pack")
        # The same message on every system: Windows and macOS open 'IMG_2041.MP4' for
        # 'img_2041.mp4', a Linux kiosk does not; a pack that passes here passes everywhere.
        spelled = _spelled_on_disk(root, str(rel), listings)
        if spelled is not None and spelled != PurePosixPath(rel).as_posix():
            return None, Issue(f"'{rel}' differs in upper/lower case from the file '{spelled}'",
                               f"exactly '{spelled}' (a Linux kiosk sees them as different "
                               "files)")
        if not full.is_file():
            return None, Issue(f"'{rel}' not found", "an existing file in the pack"
                               + _near_names(root, str(rel), listings))
        size = full.stat().st_size
    except OSError as exc:
        return None, Issue(f"'{rel}' cannot be read ({exc.strerror})", "a readable file")
    if size == 0:
        return None, Issue(f"'{rel}' is empty (0 bytes)", f"a real {kind} file")
    limit = _limit(kind, config)
    if size > limit:
        return None, Issue(f"'{rel}' is too large ({_mb(size)})", f"at most {_mb(limit)}")
    return full, None


def _listing(folder: Path, listings: Listings | None) -> frozenset[str]:
    if listings is not None and folder in listings:
        return listings[folder]
    names = frozenset(os.listdir(folder))
    if listings is not None:
        listings[folder] = names
    return names


def _spelled_on_disk(root: Path, rel: str, listings: Listings | None = None) -> str | None:
    """``rel`` as the folder listings spell it (None when a part is not listed at all)."""
    here, spelled = root, []
    for part in PurePosixPath(rel).parts:
        if part in (".", ""):
            continue
        try:
            names = _listing(here, listings)
        except OSError:
            return None
        if part not in names:
            folded = sorted(n for n in names if n.casefold() == part.casefold())
            if not folded:
                return None
            part = folded[0]
        spelled.append(part)
        here = here / part
    return "/".join(spelled)


def _near_names(root: Path, rel: str, listings: Listings | None = None) -> str:
    """"; did you mean 'media/IMG_2041.mp4'?" for a file that differs in case or extension."""
    path = PurePosixPath(rel)
    folder = _spelled_on_disk(root, str(path.parent), listings) if str(path.parent) != "." \
        else ""
    if folder is None:
        return ""
    try:
        names = sorted(n for n in _listing(root / folder, listings)
                       if (root / folder / n).is_file())
    except OSError:
        return ""
    stem = path.stem.casefold()
    same = [n for n in names if n.casefold() == path.name.casefold()
            or PurePosixPath(n).stem.casefold() == stem]
    import difflib  # only for a name that is not found

    close = same or difflib.get_close_matches(path.name, names, n=1, cutoff=0.75)
    if not close:
        return ""
    guess = f"{folder}/{close[0]}" if folder else close[0]
    return f"; bedoel je / did you mean '{guess}'?"


def _read_head(path: Path, n: int) -> bytes:
    with path.open("rb") as fh:
        return fh.read(n)


def sniff_video(path: Path, config: Config, label: str = "") -> Issue | None:
    """A cheap container check: a complete MP4/MOV box structure, or a WebM/Matroska header."""
    label = label or path.name
    expected = "an MP4 (H.264 + AAC) or WebM video file"
    try:
        head = _read_head(path, 16)
        if head[:4] == b"\x1a\x45\xdf\xa3":
            return None  # EBML magic: WebM / Matroska; preflight decodes it
        if head[4:8] != b"ftyp":
            return Issue(f"'{label}' is not a video file (no MP4 'ftyp' or WebM header)", expected)
        return _walk_mp4(path, config, label)
    except OSError as exc:
        return Issue(f"'{label}' cannot be read ({exc.strerror})", expected)


def _walk_mp4(path: Path, config: Config, label: str) -> Issue | None:
    """Walk the top-level boxes: each must fit in the file and a 'moov' must be there."""
    size = path.stat().st_size
    seen: set[bytes] = set()
    with path.open("rb") as fh:
        offset = 0
        for _ in range(config.pack.video_sniff_max_boxes):
            if offset >= size:
                break
            fh.seek(offset)
            header = fh.read(16)
            if len(header) < 8:
                return _truncated(label)
            box_size = int.from_bytes(header[:4], "big")
            seen.add(header[4:8])
            if box_size == 1:
                if len(header) < 16:
                    return _truncated(label)
                box_size = int.from_bytes(header[8:16], "big")
            elif box_size == 0:
                box_size = size - offset  # "to the end of the file"
            if box_size < 8:
                return Issue(f"'{label}' is damaged (bad MP4 box at byte {offset})",
                             "a complete MP4 file; export it again")
            if offset + box_size > size:
                return _truncated(label)
            offset += box_size
    if b"moov" not in seen:
        return Issue(f"'{label}' has no movie header ('moov'); the file is incomplete",
                     "a complete MP4 file; export it again")
    return None


def _truncated(label: str) -> Issue:
    return Issue(f"'{label}' is cut off (truncated)", "a complete MP4 file; copy it again")


def check_subtitle(path: Path, label: str = "") -> Issue | None:
    """A caption file: WebVTT (``.vtt``, starts with ``WEBVTT``) or SubRip (``.srt``).

    UTF-8 is expected; Windows-1252 (what older Windows tools write) is read with a warning.
    """
    label = label or path.name
    srt = path.suffix.lower() == ".srt"
    expected = ("a SubRip file: a counter, then 'hh:mm:ss,mmm --> hh:mm:ss,mmm', then text"
                if srt else "a UTF-8 WebVTT file that starts with 'WEBVTT'")
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return Issue(f"'{label}' cannot be read ({exc.strerror})", expected)
    # imported here: the first attract frame reads the pack's head with this module
    # (kiosk.pack.head) and needs neither captions nor TOML error explanations
    from kiosk.pack.subtitles import decode_caption_bytes, looks_like_srt

    text, note = decode_caption_bytes(raw)
    if srt:
        if "-->" not in text:
            return Issue(f"'{label}' has no cue timing line ('-->')", expected)
    elif not re.match(r"WEBVTT($|[ \t\r\n])", text.removeprefix("\ufeff")):
        if looks_like_srt(text):
            return Issue(f"'{label}' is an SRT file with a .vtt name",
                         f"the name '{path.stem}.srt' (SRT files are fine)")
        return Issue(f"'{label}' does not start with 'WEBVTT'", expected)
    if note is not None:
        return Issue(f"'{label}' is not UTF-8 text (line {note.line}); read as Windows-1252",
                     "the file saved as UTF-8 so accents always show right", warning=True)
    return None


_IMAGE_MAGIC = (b"\x89PNG\r\n\x1a\n", b"\xff\xd8\xff", b"GIF87a", b"GIF89a")


def sniff_image(path: Path, label: str = "") -> Issue | None:
    """PNG, JPEG, GIF or WebP, judged by the first bytes, and complete: a picture copied half
    (a stick pulled out early) or damaged is named here instead of showing as half a picture.
    Structure only, no decoding (milliseconds for a whole pack; kiosk/core has no image codec)."""
    label = label or path.name
    try:
        head = _read_head(path, 12)
        if not (head.startswith(_IMAGE_MAGIC) or (head[:4] == b"RIFF" and head[8:12] == b"WEBP")):
            return Issue(f"'{label}' is not an image", "a PNG, JPEG or WebP image")
        damage = _image_damage(path, head)
    except OSError as exc:
        return Issue(f"'{label}' cannot be read ({exc.strerror})", "a PNG, JPEG or WebP image")
    if damage:
        return Issue(f"'{label}' is damaged: {damage}",
                     "a complete PNG, JPEG or WebP image (copy or export it again)")
    return None


def _image_damage(path: Path, head: bytes) -> str:
    """What is wrong with an image's structure, or "" when it is whole."""
    if head.startswith(b"\x89PNG"):
        return _png_damage(path.read_bytes())
    if head.startswith(b"\xff\xd8"):
        return _jpeg_damage(path.read_bytes())
    if head.startswith(b"GIF"):
        return "" if path.read_bytes().rstrip(b"\0").endswith(b";") else _CUT_OFF
    size = path.stat().st_size                       # WebP: the RIFF header says how long it is
    return "" if int.from_bytes(head[4:8], "little") + 8 <= size else _CUT_OFF


_CUT_OFF = "the file ends before the picture does (cut off while copying?)"


def _png_damage(data: bytes) -> str:
    """Every chunk fits the file and matches its checksum, up to the closing IEND chunk."""
    pos = 8
    while pos + 12 <= len(data):
        length = int.from_bytes(data[pos:pos + 4], "big")
        kind, end = data[pos + 4:pos + 8], pos + 12 + length
        if end > len(data):
            return _CUT_OFF
        if zlib.crc32(data[pos + 4:end - 4]) != int.from_bytes(data[end - 4:end], "big"):
            return f"its {kind.decode('latin-1')!r} part fails its checksum"
        if kind == b"IEND":
            return ""
        pos = end
    return _CUT_OFF


def _jpeg_damage(data: bytes) -> str:
    """The segments before the picture data fit the file, and the end marker follows the data.
    (Phones append things after the end marker: that is fine.)"""
    pos = 2
    while pos + 4 <= len(data):
        if data[pos] != 0xFF:
            return f"an unreadable part at byte {pos}"
        marker = data[pos + 1]
        if marker == 0xFF:                          # fill byte
            pos += 1
            continue
        if marker == 0xDA:                          # start of scan: the data runs to FF D9
            return "" if data.find(b"\xff\xd9", pos) >= 0 else _CUT_OFF
        if marker in (0x01, *range(0xD0, 0xD8)):    # markers without a length
            pos += 2
            continue
        pos += 2 + int.from_bytes(data[pos + 2:pos + 4], "big")
    return _CUT_OFF


def read_toml(path: Path) -> tuple[dict[str, Any] | None, Issue | None]:
    """Parse one TOML file; encoding and syntax errors carry the line they are on."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        return None, Issue(f"cannot be read ({exc.strerror})", "a readable UTF-8 TOML file")
    try:
        text = raw.decode("utf-8-sig")  # a BOM from Windows Notepad is fine
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        return None, Issue("is not UTF-8 text", "the file saved as UTF-8 (in your editor: "
                           "'Save as' → encoding UTF-8)", f"line {line}")
    try:
        return tomllib.loads(text), None
    except tomllib.TOMLDecodeError as exc:
        from kiosk.pack.toml_errors import explain

        syntax = explain(text, str(exc))
        return None, Issue(syntax.message, syntax.expected,
                           f"line {syntax.line}, column {syntax.column}", context=syntax.context)
    except (ValueError, RecursionError) as exc:  # e.g. absurdly deep nesting
        return None, Issue(f"cannot be parsed: {exc}", "valid TOML")


def mp4_duration(path: Path) -> float | None:
    """The duration from an MP4's 'mvhd' box (seconds), or None when it cannot be read."""
    try:
        data = path.read_bytes()[: 4 * 1024 * 1024]  # moov comes first in faststart files
    except OSError:
        return None
    at = data.find(b"mvhd")
    if at < 4 or len(data) < at + 32:
        return None
    version = data[at + 4]
    body = at + 8 + (16 if version == 1 else 8)  # skip version/flags and the two timestamps
    timescale = int.from_bytes(data[body: body + 4], "big")
    size = 8 if version == 1 else 4
    duration = int.from_bytes(data[body + 4: body + 4 + size], "big")
    return duration / timescale if timescale else None
