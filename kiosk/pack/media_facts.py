"""What a video file is, read from its container headers only (no decoding, no Qt).

MP4/MOV boxes (``moov`` → ``mvhd``, ``trak`` → ``tkhd``/``hdlr``/``stsd``), WebM/Matroska
EBML elements (``Info``, ``Tracks``), and enough of AVI and ASF (WMV) to name what they hold.
Reading a few kilobytes of headers takes a millisecond, so the loader can measure every
clip's duration at start-up instead of trusting a typed number.
"""
from __future__ import annotations

import math
import struct
from collections.abc import Iterator
from dataclasses import dataclass, replace
from pathlib import Path

# Sample-entry / codec-id → a name an organiser can look up.
_MP4_CODECS = {
    b"avc1": "H.264", b"avc3": "H.264", b"hvc1": "HEVC (H.265)", b"hev1": "HEVC (H.265)",
    b"av01": "AV1", b"vp09": "VP9", b"vp08": "VP8", b"mp4v": "MPEG-4 part 2",
    b"jpeg": "Motion JPEG", b"mjpa": "Motion JPEG", b"mp4a": "AAC", b"Opus": "Opus",
    b"ac-3": "AC-3", b"ec-3": "E-AC-3", b"alac": "ALAC", b"lpcm": "PCM", b"sowt": "PCM",
    b"twos": "PCM", b"apch": "ProRes", b"apcn": "ProRes", b"apcs": "ProRes", b"apco": "ProRes",
    b"ap4h": "ProRes",
}
_MKV_CODECS = {
    "V_MPEG4/ISO/AVC": "H.264", "V_MPEGH/ISO/HEVC": "HEVC (H.265)", "V_AV1": "AV1",
    "V_VP9": "VP9", "V_VP8": "VP8", "V_MPEG4/ISO/ASP": "MPEG-4 part 2", "V_MJPEG": "Motion JPEG",
    "A_OPUS": "Opus", "A_VORBIS": "Vorbis", "A_AAC": "AAC", "A_MPEG/L3": "MP3", "A_AC3": "AC-3",
}
_AVI_CODECS = {"XVID": "MPEG-4 part 2", "DIVX": "MPEG-4 part 2", "DX50": "MPEG-4 part 2",
               "FMP4": "MPEG-4 part 2", "MP4V": "MPEG-4 part 2", "H264": "H.264",
               "AVC1": "H.264", "MJPG": "Motion JPEG"}
_ASF_GUID = bytes.fromhex("3026B2758E66CF11A6D900AA0062CE6C")
# Codecs the kiosk's player (Qt's FFmpeg backend) is meant to play; AV1 only where a decoder is.
PLAYABLE_CODECS = ("H.264", "HEVC (H.265)", "VP9", "VP8", "AV1")
PLAYABLE_CONTAINERS = ("MP4", "MOV", "WebM", "Matroska")
_HEADER_LIMIT = 64 * 1024 * 1024  # a moov bigger than this is not a kiosk clip


@dataclass(frozen=True)
class MediaFacts:
    """Facts about one clip. ``problem`` is "" when the headers could be read."""

    container: str = "unknown"
    video_codec: str = ""
    audio_codec: str = ""
    width: int = 0           # coded size, before rotation
    height: int = 0
    rotation: int = 0        # degrees clockwise the player turns the picture (0/90/180/270)
    duration_s: float = 0.0
    fps: float = 0.0         # average frames per second of the video track (0: unknown)
    size_bytes: int = 0
    problem: str = ""

    @property
    def has_audio(self) -> bool:
        return bool(self.audio_codec)

    @property
    def display_size(self) -> tuple[int, int]:
        """Width and height as shown: rotation by 90° or 270° swaps them."""
        if self.rotation in (90, 270):
            return self.height, self.width
        return self.width, self.height

    @property
    def orientation(self) -> str:
        """"portrait", "landscape" or "square" as the picture is shown."""
        w, h = self.display_size
        return "portrait" if h > w else "landscape" if w > h else "square"

    @property
    def bitrate_mbps(self) -> float:
        return self.size_bytes * 8 / self.duration_s / 1e6 if self.duration_s > 0 else 0.0

    @property
    def playable(self) -> bool:
        """Container and codec the kiosk plays (decoding on this machine is still to be tried)."""
        return (not self.problem and self.container in PLAYABLE_CONTAINERS
                and self.video_codec in PLAYABLE_CODECS)

    def describe(self) -> str:
        """"MP4, H.264 + AAC" / "AVI, MPEG-4 part 2 (XVID)" / "MOV, HEVC (H.265), no audio"."""
        codecs = self.video_codec or "no video track found"
        codecs += f" + {self.audio_codec}" if self.audio_codec else ", no audio"
        return f"{self.container}, {codecs}"


def read_facts(path: Path) -> MediaFacts:
    """Read the headers of ``path``; never raises (``problem`` says what went wrong)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as fh:
            head = fh.read(64)
    except OSError as exc:
        return MediaFacts(problem=f"cannot be read ({exc.strerror})")
    if size == 0:
        return MediaFacts(problem="is empty (0 bytes)")
    try:
        if head[4:8] == b"ftyp":
            facts = _mp4(path, size, head)
        elif head[:4] == b"\x1a\x45\xdf\xa3":
            facts = _matroska(path, size)
        elif head[:4] == b"RIFF" and head[8:12] == b"AVI ":
            facts = _avi(path, size)
        elif head[:16] == _ASF_GUID:
            facts = MediaFacts(container="WMV/ASF", video_codec=_asf_codec(path))
        elif head[:1] == b"\x47" and len(head) > 1 and _looks_like_ts(path):
            facts = MediaFacts(container="MPEG-TS", video_codec="unknown")
        else:
            return MediaFacts(size_bytes=size, problem="is not a video file (no known header)")
    except (OSError, ValueError, IndexError, struct.error) as exc:
        return MediaFacts(size_bytes=size, problem=f"has damaged headers ({exc})")
    sane = math.isfinite(facts.duration_s) and 0 <= facts.duration_s <= 7 * 86_400
    fps = facts.fps if math.isfinite(facts.fps) and 0 <= facts.fps <= 1000 else 0.0
    return replace(facts, size_bytes=size, duration_s=facts.duration_s if sane else 0.0, fps=fps)


# ---- MP4 / MOV ------------------------------------------------------------------------------
def _boxes(data: bytes, start: int = 0,
           end: int | None = None) -> Iterator[tuple[bytes, int, int]]:
    """(type, body start, body end) of each box in ``data[start:end]``."""
    end = len(data) if end is None else end
    at = start
    while at + 8 <= end:
        size = int.from_bytes(data[at:at + 4], "big")
        kind = data[at + 4:at + 8]
        header = 8
        if size == 1:
            size = int.from_bytes(data[at + 8:at + 16], "big")
            header = 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            raise ValueError(f"box '{kind.decode('latin-1')}' at byte {at} runs past its parent")
        yield kind, at + header, at + size
        at += size


def _mp4(path: Path, size: int, head: bytes) -> MediaFacts:
    container = "MOV" if head[8:12] == b"qt  " else "MP4"
    moov = None
    with path.open("rb") as fh:
        at = 0
        while at + 8 <= size:
            fh.seek(at)
            hdr = fh.read(16)
            box = int.from_bytes(hdr[:4], "big")
            header = 8
            if box == 1:
                box, header = int.from_bytes(hdr[8:16], "big"), 16
            elif box == 0:
                box = size - at
            if box < header:
                raise ValueError(f"bad box at byte {at}")
            if at + box > size:
                return MediaFacts(container=container, problem="is cut off (truncated)")
            if hdr[4:8] == b"moov":
                if box > _HEADER_LIMIT:
                    raise ValueError("movie header too large")
                fh.seek(at + header)
                moov = fh.read(box - header)
            at += box
    if at < size:  # a few bytes left that cannot be a box: the copy stopped early
        return MediaFacts(container=container, problem="is cut off (truncated)")
    if moov is None:
        return MediaFacts(container=container,
                          problem="has no movie header ('moov'); the file is incomplete")
    facts = MediaFacts(container=container)
    for kind, s, e in _boxes(moov):
        if kind == b"mvhd":
            facts = replace(facts, duration_s=_mvhd_duration(moov[s:e]))
        elif kind == b"trak":
            facts = _trak(moov, s, e, facts)
    return facts


def _mvhd_duration(body: bytes) -> float:
    if body[0] == 1:
        scale, duration = struct.unpack(">IQ", body[20:32])
    else:
        scale, duration = struct.unpack(">II", body[12:20])
    return duration / scale if scale else 0.0


def _trak(data: bytes, start: int, end: int, facts: MediaFacts) -> MediaFacts:
    handler, codec, rotation, width, height = b"", "", 0, 0, 0
    media_s, samples = 0.0, 0
    for kind, s, e in _boxes(data, start, end):
        if kind == b"tkhd":
            rotation, width, height = _tkhd(data[s:e])
        elif kind == b"mdia":
            for k2, s2, e2 in _boxes(data, s, e):
                if k2 == b"hdlr":
                    handler = data[s2 + 8:s2 + 12]
                elif k2 == b"mdhd":
                    media_s = _mvhd_duration(data[s2:e2])  # same layout up to the duration
                elif k2 == b"minf":
                    codec, samples = _stsd_codec(data, s2, e2)
    if handler == b"vide" and not facts.video_codec:
        fps = samples / media_s if media_s > 0 and samples else 0.0
        return replace(facts, video_codec=codec or "unknown", width=width, height=height,
                       rotation=rotation, fps=fps)
    if handler == b"soun" and not facts.audio_codec:
        return replace(facts, audio_codec=codec or "unknown")
    return facts


def _tkhd(body: bytes) -> tuple[int, int, int]:
    """Rotation from the display matrix, and the track's width/height (16.16 fixed point)."""
    matrix_at = 4 + (32 if body[0] == 1 else 20) + 16  # version/flags, times+ids, layer…volume
    a, b, _u, c, d = struct.unpack(">iiiii", body[matrix_at:matrix_at + 20])
    width, height = struct.unpack(">II", body[matrix_at + 36:matrix_at + 44])
    angle = round(math.degrees(math.atan2(b, a))) % 360
    rotation = min((0, 90, 180, 270, 360), key=lambda r: abs(r - angle)) % 360
    del c, d
    return rotation, width >> 16, height >> 16


def _stsd_codec(data: bytes, start: int, end: int) -> tuple[str, int]:
    """The codec of the track's first sample entry and its number of samples (frames)."""
    codec, samples = "", 0
    for kind, s, e in _boxes(data, start, end):
        if kind == b"stbl":
            for k2, s2, _e2 in _boxes(data, s, e):
                if k2 == b"stsd":
                    entry = data[s2 + 12:s2 + 16]
                    codec = _MP4_CODECS.get(entry, entry.decode("latin-1").strip() or "unknown")
                elif k2 == b"stsz":
                    samples = int.from_bytes(data[s2 + 8:s2 + 12], "big")
    return codec, samples


# ---- WebM / Matroska -------------------------------------------------------------------------
def _vint(data: bytes, at: int, keep_marker: bool) -> tuple[int, int]:
    first = data[at]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8:
        raise ValueError(f"bad EBML number at byte {at}")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[at + 1:at + length]:
        value = (value << 8) | byte
    if at + length > len(data):
        raise IndexError("EBML number past the end")
    return value, length


def _elements(data: bytes, start: int, end: int) -> Iterator[tuple[int, int, int]]:
    """(id, body start, body end) of EBML elements; unknown sizes run to ``end``."""
    at = start
    while at < end - 1:
        eid, n = _vint(data, at, keep_marker=True)
        size, m = _vint(data, at + n, keep_marker=False)
        body = at + n + m
        if size == (1 << (7 * m)) - 1:  # "unknown size": a live-written segment
            size = end - body
        yield eid, body, min(body + size, end)
        at = body + size


def _uint(data: bytes, s: int, e: int) -> int:
    return int.from_bytes(data[s:e], "big")


def _matroska(path: Path, size: int) -> MediaFacts:
    with path.open("rb") as fh:
        data = fh.read(min(size, 2 * 1024 * 1024))  # Info and Tracks come before the clusters
    facts = MediaFacts(container="Matroska")
    scale, duration = 1_000_000, 0.0
    for eid, s, e in _elements(data, 0, len(data)):
        if eid == 0x1A45DFA3:
            for cid, cs, ce in _elements(data, s, e):
                if cid == 0x4282 and data[cs:ce].rstrip(b"\0") == b"webm":
                    facts = replace(facts, container="WebM")
        elif eid == 0x18538067:
            for cid, cs, ce in _elements(data, s, e):
                if cid == 0x1549A966:
                    for iid, i_s, i_e in _elements(data, cs, ce):
                        if iid == 0x2AD7B1:
                            scale = _uint(data, i_s, i_e)
                        elif iid == 0x4489:
                            fmt = ">f" if i_e - i_s == 4 else ">d"
                            duration = struct.unpack(fmt, data[i_s:i_e])[0]
                elif cid == 0x1654AE6B:
                    for tid, ts, te in _elements(data, cs, ce):
                        if tid == 0xAE:
                            facts = _mkv_track(data, ts, te, facts)
                elif cid == 0x1F43B675:
                    break  # clusters: the headers are behind us
    return replace(facts, duration_s=duration * scale / 1e9)


def _mkv_track(data: bytes, start: int, end: int, facts: MediaFacts) -> MediaFacts:
    kind, codec, width, height, frame_ns = 0, "", 0, 0, 0
    for eid, s, e in _elements(data, start, end):
        if eid == 0x83:
            kind = _uint(data, s, e)
        elif eid == 0x23E383:  # DefaultDuration: nanoseconds per frame
            frame_ns = _uint(data, s, e)
        elif eid == 0x86:
            raw = data[s:e].rstrip(b"\0").decode("ascii", "replace")
            codec = _MKV_CODECS.get(raw, raw)
        elif eid == 0xE0:
            for vid, vs, ve in _elements(data, s, e):
                if vid == 0xB0:
                    width = _uint(data, vs, ve)
                elif vid == 0xBA:
                    height = _uint(data, vs, ve)
    if kind == 1 and not facts.video_codec:
        return replace(facts, video_codec=codec or "unknown", width=width, height=height,
                       fps=1e9 / frame_ns if frame_ns else 0.0)
    if kind == 2 and not facts.audio_codec:
        return replace(facts, audio_codec=codec or "unknown")
    return facts


# ---- AVI, ASF, MPEG-TS: only enough to name them in a refusal ---------------------------------
def _avi(path: Path, size: int) -> MediaFacts:
    with path.open("rb") as fh:
        data = fh.read(min(size, 64 * 1024))
    codec = "unknown"
    at = data.find(b"vids")  # strh: b"strh", size, b"vids", the codec's fourcc
    if at >= 8 and data[at - 8:at - 4] == b"strh":
        fourcc = data[at + 4:at + 8].decode("latin-1").strip("\0 ").upper()
        codec = f"{_AVI_CODECS.get(fourcc, fourcc)} ({fourcc})" if fourcc else "unknown"
    audio = "audio" if b"auds" in data else ""
    return MediaFacts(container="AVI", video_codec=codec, audio_codec=audio)


def _asf_codec(path: Path) -> str:
    with path.open("rb") as fh:
        data = fh.read(64 * 1024)
    for fourcc in (b"WMV3", b"WMV2", b"WMV1", b"WVC1"):
        if fourcc in data:
            return f"Windows Media Video ({fourcc.decode()})"
    return "Windows Media Video"


def _looks_like_ts(path: Path) -> bool:
    with path.open("rb") as fh:
        data = fh.read(188 * 3 + 1)
    return len(data) > 376 and data[188] == 0x47 and data[376] == 0x47
