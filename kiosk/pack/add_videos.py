"""The plain-Python half of ``kiosk add-videos`` (no Qt): names, files, TOML text, advice.

Decoding (the thumbnail, the "does it play here" test) and conversion live in
``kiosk/media/add_videos.py``. Everything here either returns a value or raises
``AddError`` with one line for the organiser; nothing writes half a file: TOML is written to a
temp file beside the target and renamed over it, after the new text has parsed.
"""
from __future__ import annotations

import hashlib
import json
import re
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.core.files import atomic_write_text

VIDEO_EXTS = {".mp4", ".m4v", ".mov", ".webm", ".mkv", ".avi", ".wmv", ".asf", ".mpg", ".mpeg",
              ".ts", ".mts", ".m2ts", ".3gp", ".flv", ".ogv"}
PHOTO_EXTS = {".jpg", ".jpeg", ".png", ".heic", ".heif", ".gif", ".webp", ".bmp", ".tif",
              ".tiff", ".raw", ".dng"}
CAPTION_EXTS = (".vtt", ".srt")
JUNK_NAMES = {".ds_store", "thumbs.db", "desktop.ini", "ehthumbs.db", ".localized"}
# Names Windows cannot store: a pack made on Linux must still copy to a Windows kiosk.
WINDOWS_RESERVED = {"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                    *(f"lpt{i}" for i in range(1, 10))}
# Camera and phone file-name prefixes that say nothing to a visitor.
_CAMERA = re.compile(r"^(img|vid|mvi|dsc|dscn|dji|gopr|gp|pxl|mov|video|clip|screenrecording|"
                     r"schermopname|whatsapp video)[ _-]*[\d_ .-]*", re.IGNORECASE)
_DATE = re.compile(r"\b(19|20)\d{6}([ _-]?\d{4,6})?\b|\b\d{4}-\d{2}-\d{2}\b")
_SEASON_HEADER = re.compile(r"^\s*\[\[\s*seasons\s*\]\]\s*(#.*)?$")
HANDBRAKE_PRESET = "Fast 1080p30"
_SOURCE = re.compile(r"\(sha256 ([0-9a-f]{16})\)\s*\nvideo = \"([^\"]+)\"")


class AddError(Exception):
    """Adding cannot go on (e.g. the pack is read-only); the message is one line."""


@dataclass
class Source:
    """One file found under the PATHs, with what add-videos will do with it."""

    path: Path
    kind: str            # "video" | "skip"
    note: str = ""       # why it is skipped
    captions: dict[str, Path] = field(default_factory=dict)  # lang → caption file beside it


def classify(paths: list[Path]) -> tuple[list[Source], list[str]]:
    """Every file under ``paths`` (folders one level deep and below, sorted) as a Source.

    Returns (sources, lines for PATHs that do not exist). Caption files are attached to the
    clip with the same name and not listed on their own unless no clip claims them."""
    files: list[Path] = []
    missing: list[str] = []
    for given in paths:
        if given.is_dir():
            files += sorted((p for p in given.rglob("*") if p.is_file()), key=_sort_key)
        elif given.is_file():
            files.append(given)
        else:
            missing.append(f"✘ {given}: not found (give a video file or a folder of videos)")
    claimed: set[Path] = set()
    sources: list[Source] = []
    for path in files:
        suffix = path.suffix.lower()
        low = path.name.lower()
        if low in JUNK_NAMES or low.startswith("._"):
            sources.append(Source(path, "skip", "system file, skipped"))
        elif suffix in PHOTO_EXTS:
            sources.append(Source(path, "skip", "a photo, not a clip: skipped"))
        elif suffix in CAPTION_EXTS:
            continue  # attached below
        elif suffix in VIDEO_EXTS or _has_video_magic(path):
            sources.append(Source(path, "video", captions=find_captions(path, files, claimed)))
        else:
            sources.append(Source(path, "skip", f"not a video ('{suffix or 'no extension'}'): "
                                  "skipped"))
    for path in files:
        if path.suffix.lower() in CAPTION_EXTS and path not in claimed:
            sources.append(Source(path, "skip", "caption file without a clip of the same name: "
                                  "skipped (name it <clip name>.vtt, .nl.vtt or .en.srt)"))
    return sources, missing


def _sort_key(path: Path) -> tuple[str, str]:
    return (str(path.parent).lower(), path.name.lower())


def _has_video_magic(path: Path) -> bool:
    try:
        with path.open("rb") as fh:
            head = fh.read(12)
    except OSError:
        return False
    return head[4:8] == b"ftyp" or head[:4] == b"\x1a\x45\xdf\xa3"


def find_captions(clip: Path, files: list[Path], claimed: set[Path]) -> dict[str, Path]:
    """``<stem>.vtt``/``.srt`` (Dutch), ``<stem>.nl.vtt``, ``<stem>.en.srt``… beside ``clip``.

    A name without a language means Dutch; .vtt wins over .srt for the same language."""
    found: dict[str, Path] = {}
    stem = clip.stem.lower()
    for path in sorted(files, key=lambda p: p.suffix.lower() != ".vtt"):
        if path.parent != clip.parent or path.suffix.lower() not in CAPTION_EXTS:
            continue
        middle = path.name[: -len(path.suffix)].lower()
        if middle == stem:
            lang = "nl"
        elif middle.startswith(stem + ".") and middle[len(stem) + 1:] in ("nl", "en"):
            lang = middle[len(stem) + 1:]
        else:
            continue
        if lang not in found:
            found[lang] = path
        claimed.add(path)
    return found


def readable_title(path: Path) -> str:
    """A Dutch tile title from a file name: 'IMG_2041 werkplaats.mov' → 'Werkplaats'."""
    stem = path.stem
    text = _CAMERA.sub("", stem)
    text = _DATE.sub(" ", text)
    text = re.sub(r"[_.\-+]+", " ", text)
    text = "".join(ch for ch in text if unicodedata.category(ch)[0] != "S"
                   and unicodedata.category(ch) not in ("Cc", "Cf", "Co", "Cs"))
    text = re.sub(r"^\d+\s+", "", re.sub(r"\s+", " ", text).strip())
    text = re.sub(r"\s*\(\d+\)$", "", text)  # "clip (1)" from a second download
    if not re.search(r"[^\W\d_]", text):
        return ""
    return text[0].upper() + text[1:]


def slug(text: str, limit: int = 40) -> str:
    """A pack id from any text: ASCII lowercase, digits and '-'."""
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:limit].strip("-")
    return out


def unique_id(base: str, taken: set[str]) -> str:
    """``base``, else ``base-2``, ``base-3``…; never a name Windows reserves."""
    if base in WINDOWS_RESERVED:
        base = f"{base}-clip"
    candidate, n = base, 2
    while candidate in taken:
        candidate, n = f"{base}-{n}", n + 1
    taken.add(candidate)
    return candidate


def file_hash(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as fh:
        for chunk in iter(lambda: fh.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


@dataclass
class PackState:
    """What add-videos needs to know of a pack before it writes anything."""

    root: Path
    channel_url: str
    episode_ids: set[str]
    media: dict[int, list[Path]]           # size → media files (duplicates by content)
    hashes: dict[str, Path] = field(default_factory=dict)
    sources: dict[str, Path] = field(default_factory=dict)  # hash prefix of a converted original

    def source_hash(self, path: Path) -> str:
        return file_hash(path)

    def duplicate_of(self, path: Path) -> Path | None:
        """The file in the pack with the same content as ``path`` (None: new).

        A converted clip differs from its original, so the original's hash is kept in the
        episode's comment and matched here too."""
        size = path.stat().st_size
        if size not in self.media and not self.sources:
            return None
        digest = file_hash(path)
        if digest[:16] in self.sources:
            return self.sources[digest[:16]]
        if size not in self.media:
            return None
        for other in self.media[size]:
            if other not in self.hashes.values():
                self.hashes[file_hash(other)] = other
        return self.hashes.get(digest)

    def remember(self, path: Path) -> None:
        self.media.setdefault(path.stat().st_size, []).append(path)


def read_pack_state(root: Path) -> PackState:
    """pack.toml's channel, every episode id in series/*.toml, every media file by size."""
    head = root / "pack.toml"
    if not head.is_file():
        raise AddError(f"{root}: no pack.toml here (make a pack first: kiosk new-pack {root})")
    try:
        head_data = tomllib.loads(head.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AddError(f"{head}: cannot be read ({exc}); run 'kiosk check {root}'") from None
    ids: set[str] = set()
    sources: dict[str, Path] = {}
    for series_file in sorted((root / "series").glob("*.toml")):
        ids.update(_episode_ids(_read_series(series_file)))
        # "# …; bron / source: name (sha256 0123…)" then 'video = "…"' on the next line
        text = series_file.read_text("utf-8-sig")
        for match in _SOURCE.finditer(text):
            sources[match.group(1)] = root / match.group(2)
    media: dict[int, list[Path]] = {}
    for path in (root / "media").rglob("*") if (root / "media").is_dir() else []:
        if path.is_file() and path.suffix.lower() in VIDEO_EXTS:
            media.setdefault(path.stat().st_size, []).append(path)
    channel = head_data.get("channel_url")
    channel = channel if isinstance(channel, str) else ""
    return PackState(root, channel or "https://nxtv.example/", ids, media, sources=sources)


def _read_series(path: Path) -> dict[str, Any]:
    try:
        return tomllib.loads(path.read_text("utf-8-sig"))
    except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
        raise AddError(f"{path}: cannot be read ({exc}); fix it first (kiosk check)") from None


def _episode_ids(data: dict[str, Any]) -> set[str]:
    ids: set[str] = set()
    for season in data.get("seasons") or []:
        for episode in (season.get("episodes") or []) if isinstance(season, dict) else []:
            if isinstance(episode, dict) and isinstance(episode.get("id"), str):
                ids.add(episode["id"])
    return ids


def toml_str(text: str) -> str:
    """A TOML basic string (JSON's escaping is valid TOML)."""
    return json.dumps(text, ensure_ascii=False)


def new_series_text(series_id: str, title: str, channel_url: str) -> str:
    """The head of a series file add-videos creates (the organiser may edit every line)."""
    return (f"# Serie / series '{series_id}', begonnen door / started by kiosk add-videos.\n"
            f"# Vul de beschrijving in / fill in the description; docs/content-packs.md.\n\n"
            f"id = {toml_str(series_id)}\n"
            f"title = {{ nl = {toml_str(title)} }}\n"
            f"description = {{ nl = {toml_str('Video’s van ' + title)}, "
            f"en = {toml_str('Videos of ' + title)} }}\n"
            f"channel_url = {toml_str(channel_url)}\n")


def season_text(number: int) -> str:
    return (f"\n[[seasons]]\nnumber = {number}\n"
            f"title = {{ nl = \"Seizoen {number}\", en = \"Season {number}\" }}\n")


@dataclass
class EpisodeEntry:
    """One episode block as add-videos writes it."""

    id: str
    number: int
    title: str
    video: str
    thumbnail: str | None
    subtitles: dict[str, str]
    measured: str  # a comment: the measured facts
    source: str = ""  # a comment: the file it came from (a second run skips it)

    def text(self) -> str:
        lines = [
            "",
            "[[seasons.episodes]]                         # kiosk add-videos",
            f"id = {toml_str(self.id)}",
            f"number = {self.number}",
            f"title = {{ nl = {toml_str(self.title)} }}",
            f"# {self.measured}" + (f"; bron / source: {self.source}" if self.source else ""),
            f"video = {toml_str(self.video)}",
        ]
        if self.thumbnail:
            lines.append(f"thumbnail = {toml_str(self.thumbnail)}")
        if self.subtitles:
            subs = ", ".join(f"{k} = {toml_str(v)}" for k, v in sorted(self.subtitles.items()))
            lines.append(f"subtitles = {{ {subs} }}")
        lines += [
            "# Optioneel / optional: beroepen uit jobs.toml en een rolmodel; zonder die blijft de",
            "# aflevering buiten het spel / without them the game never suggests this episode.",
            "# jobs = [\"elektromonteur\"]",
            "# role_model = { name = \"Sam\", age = 19, job = { nl = \"Elektromonteur\" } }",
        ]
        return "\n".join(lines) + "\n"


class SeriesFile:
    """A series TOML file changed only by inserting text blocks (comments stay as written)."""

    def __init__(self, path: Path, series_id: str, title: str, channel_url: str) -> None:
        self.path = path
        self.exists = path.is_file()
        self.text = (path.read_bytes().decode("utf-8-sig") if self.exists
                     else new_series_text(series_id, title, channel_url))
        if self.text and not self.text.endswith("\n"):
            self.text += "\n"
        self.data = tomllib.loads(self.text) if self.exists else {"seasons": []}

    def seasons(self) -> list[dict[str, Any]]:
        seasons = self.data.get("seasons")
        return [s for s in seasons if isinstance(s, dict)] if isinstance(seasons, list) else []

    def last_season(self) -> int:
        numbers = [n for s in self.seasons() if isinstance(n := s.get("number"), int)]
        return max(numbers) if numbers else 1

    def next_number(self, season: int) -> int:
        for s in self.seasons():
            if s.get("number") == season:
                numbers = [n for e in s.get("episodes") or []
                           if isinstance(e, dict) and isinstance(n := e.get("number"), int)]
                return max(numbers, default=0) + 1
        return 1

    def add(self, season: int, block: str) -> None:
        """Insert ``block`` at the end of ``season``'s section (the season is made if new)."""
        index = next((i for i, s in enumerate(self.seasons()) if s.get("number") == season), None)
        text = self.text
        if index is None:
            text += season_text(season) + block
        else:
            lines = text.splitlines(keepends=True)
            headers = [i for i, line in enumerate(lines) if _SEASON_HEADER.match(line)]
            if index + 1 < len(headers):
                lines.insert(headers[index + 1], block.lstrip("\n") + "\n")
                text = "".join(lines)
            else:
                text += block
        self.data = tomllib.loads(text)  # the new text must parse, or nothing changes
        self.text = text

    def save(self) -> None:
        atomic_write_text(self.path, self.text)
        self.exists = True


def convert_command(src: str, dst: str, ffmpeg: str = "ffmpeg",
                    short_side: int = 1080) -> list[str]:
    """ffmpeg arguments: H.264 + AAC, short side ≤ ``short_side``, even sizes, +faststart."""
    scale = (f"scale='if(gt(iw,ih),-2,min({short_side},iw))':"
             f"'if(gt(iw,ih),min({short_side},ih),-2)'")
    return [ffmpeg, "-y", "-i", src, "-map", "0:v:0", "-map", "0:a:0?", "-vf", scale,
            "-c:v", "libx264", "-preset", "medium", "-crf", "21", "-pix_fmt", "yuv420p",
            "-maxrate", "6M", "-bufsize", "12M", "-c:a", "aac", "-b:a", "128k", "-ac", "2",
            "-movflags", "+faststart", dst]


def advice(path: Path) -> str:
    """How to make a clip the kiosk plays: HandBrake, an ffmpeg line, or --convert."""
    out = path.with_suffix(".mp4").name
    if out == path.name:
        out = f"{path.stem}-h264.mp4"
    cmd = convert_command(path.name, out)
    shown = " ".join(f'"{a}"' if (" " in a or "'" in a) else a for a in cmd)
    return (f"convert it to MP4 (H.264 + AAC): HandBrake preset '{HANDBRAKE_PRESET}', or "
            f"{shown} (or run add-videos again with --convert)")
