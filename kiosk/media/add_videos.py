"""``kiosk add-videos PACK PATH... [--series ID] [--season N] [--convert]``.

For each clip: measure it (container headers), try it on this machine's decoder while making
its thumbnail (a lively middle frame), copy it and its caption files into
``media/<series>/``, and append an episode block to ``series/<series>.toml``. One line per
file; a clip the kiosk cannot play is refused with what was found and how to convert it (or
converted, with ``--convert``). Exit status 1 when anything was refused; never a traceback.
"""
from __future__ import annotations

import os
import shutil
import subprocess
import time
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

from kiosk.config import Config
from kiosk.pack.add_videos import (AddError, EpisodeEntry, PackState, SeriesFile, Source,
                                   advice, classify, convert_command, read_pack_state,
                                   readable_title, slug, unique_id)
from kiosk.pack.models import ID_RE
from kiosk.core.files import prove_writable
from kiosk.pack.media_facts import MediaFacts, read_facts
from kiosk.media.preflight import _ensure_qt_app, stderr_to

DEFAULT_SERIES = "eigen-videos"


def find_ffmpeg() -> str | None:
    """An ffmpeg executable: on PATH, else the one in the optional imageio-ffmpeg package."""
    found = shutil.which("ffmpeg")
    if found:
        return found
    try:
        import imageio_ffmpeg  # optional extra: pip install 'bliq-kiosk[convert]'
    except ImportError:
        return None
    try:
        return str(imageio_ffmpeg.get_ffmpeg_exe())
    except RuntimeError:
        return None


def run_add_videos(pack: Path, paths: list[Path], series: str | None, season: int | None,
                   convert: bool, out: TextIO, config: Config,
                   progress: bool = False) -> int:
    """Import clips; print one line per file and a summary. 0: all went in, 1: not all.
    ``progress``: also a ``% FILE PERCENT`` line at each step of a clip (read 10, copied or
    converted 70 — a conversion counts from 10 to 70 as FFmpeg goes — thumbnail 90), so a
    window can show a percentage without a terminal."""
    try:
        importer = _Importer(pack, paths, series, season, convert, out, config)
        importer.progress = progress
        return importer.run()
    except AddError as exc:
        print(f"✘ {exc}", file=out)
        return 1


class _Importer:
    def __init__(self, pack: Path, paths: list[Path], series: str | None, season: int | None,
                 convert: bool, out: TextIO, config: Config) -> None:
        self.root, self.paths, self.out, self.config = Path(pack), paths, out, config
        self.convert = convert
        self.series_id, self.series_title = self._series(series)
        self.season_arg = season
        self.imported = self.refused = self.skipped = 0
        self.progress = False
        self._shown = -1

    def _series(self, given: str | None) -> tuple[str, str]:
        if given is not None:
            if not ID_RE.fullmatch(given) or len(given) > self.config.pack.max_id_chars:
                raise AddError(f"--series '{given}' is not a valid id (lowercase letters, "
                               "digits and '-', e.g. open-dag-2026)")
            return given, readable_title(Path(given)) or given
        folders = [p for p in self.paths if p.is_dir()]
        if len(folders) == 1 and len(self.paths) == 1:
            title = readable_title(Path(folders[0].resolve().name + ".x"))
            if slug(title):
                return slug(title), title
        return DEFAULT_SERIES, "Eigen video’s"

    # -- the run -----------------------------------------------------------------------------
    def run(self) -> int:
        if not self.root.is_dir():
            raise AddError(f"{self.root}: not a folder (make a pack first: kiosk new-pack DIR)")
        state = read_pack_state(self.root)
        sources, missing = classify(self.paths)
        for line in missing:
            print(line, file=self.out)
        self.refused += len(missing)
        media_dir = self.root / "media" / self.series_id
        series_path = self.root / "series" / f"{self.series_id}.toml"
        self._check_writable(media_dir, series_path)
        try:
            series_file = SeriesFile(series_path, self.series_id, self.series_title,
                                     state.channel_url.rstrip("/") + "/")
        except (OSError, UnicodeDecodeError, ValueError) as exc:
            raise AddError(f"{series_path}: cannot be read ({exc}); fix it first "
                           f"(kiosk check {self.root})") from None
        season = self.season_arg or series_file.last_season()
        app = _ensure_qt_app()  # decoding needs a Qt application
        if app is not None:  # our own process: Qt's stream dumps would bury the report
            from PySide6.QtCore import QLoggingCategory

            QLoggingCategory.setFilterRules("qt.multimedia.*=false\nqt.rhi.*=false")
        for source in sources:
            if source.kind == "skip":
                self.skipped += 1
                print(f"· {source.path.name}: {source.note}", file=self.out)
                continue
            try:
                self._one(source, state, series_file, season, media_dir)
            except OSError as exc:
                self.refused += 1
                print(f"✘ {source.path.name}: not imported: {exc.strerror or exc} "
                      f"(disk full or read-only?); the pack is unchanged for this clip",
                      file=self.out)
        print(f"{self.imported} imported, {self.refused} not imported, {self.skipped} skipped; "
              f"series/{self.series_id}.toml · check: kiosk check {self.root}", file=self.out)
        return 1 if self.refused else 0

    def _check_writable(self, media_dir: Path, series_path: Path) -> None:
        """Fail before anything is copied when the pack cannot be written."""
        try:
            for folder in (media_dir, series_path.parent):
                prove_writable(folder)
        except OSError as exc:
            raise AddError(f"{self.root}: cannot write here ({exc.strerror}; read-only pack "
                           "folder or USB stick?): nothing imported") from None

    def _refuse(self, source: Source, message: str) -> None:
        self.refused += 1
        print(f"✘ {source.path.name}: not imported: {message}", file=self.out)

    def _step(self, path: Path, percent: float) -> None:
        """A ``% FILE PERCENT`` line when asked for, only when the whole percent went up
        (FFmpeg's time can step back a little between the audio and the video stream)."""
        whole = int(max(0.0, min(100.0, percent)))
        if self.progress and whole > self._shown:
            self._shown = whole
            print(f"% {path.name} {whole}", file=self.out, flush=True)

    def _one(self, source: Source, state: PackState, series_file: SeriesFile, season: int,
             media_dir: Path) -> None:
        path = source.path
        self._shown = -1
        if path.stat().st_size == 0:
            return self._refuse(source, "the file is empty (0 bytes); copy it again from the "
                                "camera or phone")
        same = state.duplicate_of(path)
        if same is not None and same.resolve() != path.resolve():  # not the very same file
            self.skipped += 1
            print(f"= {path.name}: already in the pack as "
                  f"{same.relative_to(self.root).as_posix()}: skipped", file=self.out)
            return None
        facts = read_facts(path)
        if facts.problem and facts.container == "unknown":
            return self._refuse(source, f"{facts.problem}; this is not a clip the kiosk can "
                                "play (export it again as MP4)")
        if "truncated" in facts.problem or "incomplete" in facts.problem:
            return self._refuse(source, f"{facts.container}: {facts.problem}; copy it again "
                                "(the copy stopped early)")
        reason = self._conversion_reason(facts)
        self._step(path, 10)
        number = series_file.next_number(season)
        title = readable_title(path) or f"Aflevering {number}"
        episode_id = unique_id(slug(title) or f"{self.series_id}-s{season}e{number}",
                               state.episode_ids)
        work = path
        converted = False
        if reason and (not facts.playable or self.convert):
            if not self.convert:
                state.episode_ids.discard(episode_id)
                return self._refuse(source, f"{facts.describe()} ({reason}); {advice(path)}")
            made_mp4 = self._convert(path, media_dir / f".{episode_id}.converting.mp4", facts)
            if made_mp4 is None:
                state.episode_ids.discard(episode_id)
                return self._refuse(source, f"{facts.describe()}; conversion failed; "
                                    f"{advice(path)}")
            work = made_mp4
            converted, facts = True, read_facts(work)
        from kiosk.media.frames import representative_frame, save_jpeg

        made: list[Path] = []
        try:
            while True:
                dest = media_dir / f"{episode_id}{'.mp4' if converted else path.suffix.lower()}"
                if converted:
                    os.replace(work, dest)
                else:
                    _copy_atomic(path, dest)
                made.append(dest)
                self._step(path, 70)
                began = time.monotonic()
                with stderr_to(None):  # FFmpeg's decoder chatter would bury the one line
                    image, error = representative_frame(dest, self.config.media)
                if image is not None:
                    break
                _remove(made)
                made.clear()
                # looked playable but does not decode here (AV1 without a decoder): convert
                retry = None
                if self.convert and not converted:
                    reason = f"does not decode on this machine ({error})"
                    retry = self._convert(path, media_dir / f".{episode_id}.converting.mp4",
                                          facts)
                if retry is None:
                    state.episode_ids.discard(episode_id)
                    return self._refuse(source, f"{facts.describe()}: does not decode on "
                                        f"this machine ({error}); {advice(path)}")
                work, converted, facts = retry, True, read_facts(retry)
            thumb = media_dir / f"{episode_id}.jpg"
            save_jpeg(image, thumb, self.config.media.thumb_width)
            made.append(thumb)
            thumb_s = time.monotonic() - began
            self._step(path, 90)
            subtitles: dict[str, str] = {}
            for lang, caption in sorted(source.captions.items()):
                target = media_dir / f"{episode_id}.{lang}{caption.suffix.lower()}"
                _copy_atomic(caption, target)
                made.append(target)
                subtitles[lang] = target.relative_to(self.root).as_posix()
            entry = EpisodeEntry(
                id=episode_id, number=number, title=title,
                video=dest.relative_to(self.root).as_posix(),
                thumbnail=thumb.relative_to(self.root).as_posix(), subtitles=subtitles,
                measured=_facts_comment(facts), source=f"{path.name} (sha256 "
                f"{state.source_hash(path)[:16]})")
            series_file.add(season, entry.text())
            series_file.save()
        except (OSError, ValueError):
            _remove(made)
            state.episode_ids.discard(episode_id)
            raise
        state.remember(dest)
        self.imported += 1
        self._report(path, entry, facts, season, converted, reason, thumb_s)
        return None

    def _conversion_reason(self, facts: MediaFacts) -> str:
        if facts.problem:
            return facts.problem
        if facts.container not in ("MP4", "MOV", "WebM", "Matroska"):
            return f"the kiosk does not play {facts.container} files"
        if not facts.playable:
            return f"the kiosk does not play {facts.video_codec}"
        short = min(facts.display_size)
        if short > self.config.media.max_clip_pixels_short_side:
            return (f"{facts.display_size[0]}x{facts.display_size[1]} is above "
                    f"{self.config.media.max_clip_pixels_short_side}p")
        if facts.bitrate_mbps > self.config.media.max_clip_mbps:
            return f"{facts.bitrate_mbps:.0f} Mbit/s is above {self.config.media.max_clip_mbps:g}"
        return ""

    def _convert(self, src: Path, dst: Path, facts: MediaFacts) -> Path | None:
        ffmpeg = find_ffmpeg()
        if ffmpeg is None:
            print(f"  {src.name}: --convert needs ffmpeg (install it, or: pip install "
                  "'bliq-kiosk[convert]')", file=self.out)
            return None
        cmd = convert_command(str(src), str(dst), ffmpeg,
                              self.config.media.max_clip_pixels_short_side)
        # progress every 0.2 s: a row in the studio moves while a short clip converts
        cmd[1:1] = ["-v", "error", "-nostats", "-progress", "pipe:1", "-stats_period", "0.2"]
        total = facts.duration_s or 0.0
        bar = _Progress(self.out, src.name, lambda f: self._step(src, 10 + 60 * f))
        try:
            with subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  stdin=subprocess.DEVNULL, text=True) as proc:
                assert proc.stdout is not None
                for line in proc.stdout:
                    if line.startswith("out_time_us=") and total > 0:
                        value = line.split("=", 1)[1].strip()
                        if value.isdigit():
                            bar.show(int(value) / 1e6 / total)
                proc.wait()
            bar.done()
        except OSError:
            dst.unlink(missing_ok=True)
            return None
        if proc.returncode != 0 or not dst.is_file():
            dst.unlink(missing_ok=True)
            return None
        return dst

    def _report(self, path: Path, entry: EpisodeEntry, facts: MediaFacts, season: int,
                converted: bool, reason: str, thumb_s: float) -> None:
        w, h = facts.display_size
        parts = [f"{facts.describe()}", f"{w}x{h} {facts.orientation}",
                 f"{facts.duration_s:.1f} s"]
        if facts.rotation:
            parts.append(f"turned {facts.rotation}°")
        parts.append("captions " + "+".join(sorted(entry.subtitles)) if entry.subtitles
                     else "no captions")
        notes = []
        if converted:
            notes.append(f"converted ({reason})")
        elif reason:
            notes.append(f"{reason}: may stutter on a small PC; --convert makes it lighter")
        if not facts.has_audio:
            notes.append("no sound track (plays silent)")
        todo = ["title.en", "jobs", "role_model"]
        if "en" not in entry.subtitles:
            todo.append("en captions")
        print(f"✔ {path.name} → {entry.id} (season {season}, episode {entry.number}, "
              f"'{entry.title}'): {', '.join(parts)}"
              + (f"; {'; '.join(notes)}" if notes else "")
              + f"; thumbnail {thumb_s:.1f} s; still to fill in: {', '.join(todo)}",
              file=self.out)


class _Progress:
    """A one-line progress bar on a terminal; a single closing line elsewhere."""

    def __init__(self, out: TextIO, name: str,
                 step: Callable[[float], None] | None = None) -> None:
        self.out, self.name, self.step = out, name, step
        self.tty = bool(getattr(out, "isatty", lambda: False)())

    def show(self, fraction: float) -> None:
        if self.step is not None and not self.tty:
            self.step(fraction)
        if self.tty:
            filled = int(max(0.0, min(1.0, fraction)) * 30)
            self.out.write(f"\r  converting {self.name} [{'#' * filled}{'.' * (30 - filled)}] "
                           f"{fraction * 100:3.0f}%")
            self.out.flush()

    def done(self) -> None:
        self.out.write(("\r" if self.tty else "") + f"  converted {self.name}"
                       + " " * 30 + "\n")


def _facts_comment(facts: MediaFacts) -> str:
    w, h = facts.display_size
    return f"gemeten / measured: {facts.duration_s:.1f} s, {w}x{h}, {facts.video_codec}"


def _copy_atomic(src: Path, dest: Path) -> None:
    tmp = dest.with_name(f".{dest.name}.{os.getpid()}.tmp")
    try:
        shutil.copyfile(src, tmp)
        os.replace(tmp, dest)
    finally:
        tmp.unlink(missing_ok=True)


def _remove(paths: list[Path]) -> None:
    for path in paths:
        path.unlink(missing_ok=True)
