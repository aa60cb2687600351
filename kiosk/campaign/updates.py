"""Pack updates from folders that fill up by themselves (an inbox, a USB stick). No Qt.

``Inbox.poll()`` finds ``*.bliqpack`` files that are *settled* (same size and time for
``config.campaign.inbox_settle_s``), never a hidden or temporary file (Syncthing writes
``.syncthing.<name>.tmp`` and renames it when complete). ``Installer.install()`` verifies the
candidates, unpacks the newest valid one and records it in ``<data>/packs/current.json``; the
UI switches to it at the next return to attract. Both run off the UI thread.
"""
from __future__ import annotations

import datetime
import glob
import json
import logging
import os
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from kiosk.config import CampaignConfig, Config
from kiosk.pack.bliqpack import (
    SUFFIX,
    Manifest,
    PackRefused,
    trusted_keys,
    unpack,
    verify,
)
from kiosk.core.event_choice import EventChoice
from kiosk.core.files import atomic_write_text
from kiosk.core.refusal import RefusalReason, advice

log = logging.getLogger("kiosk.updates")

CURRENT_FILE = "current.json"


@dataclass(frozen=True)
class Outcome:
    """What happened to one archive."""

    file: Path
    installed: bool
    version: int | None
    reason: RefusalReason | None
    message: str
    pack_dir: Path | None = None
    have: int | None = None               # not_newer: the version the kiosk already has
    already: bool = False                 # not_newer: this very update is installed
    showing: EventChoice | None = None    # installed: the event the kiosk shows with it

    def line(self) -> str:
        """The lines a stick's result file holds for this archive: Dutch, English, and for a
        refusal the technical reason (for IT)."""
        if self.installed:
            nl, en = f"versie {self.version} geïnstalleerd.", f"Installed version {self.version}."
            if self.showing is not None:
                show_nl, show_en = showing_text(self.showing)
                nl, en = f"{nl} {show_nl}", f"{en} {show_en}"
            return f"OK  {self.file.name}: {nl}\n    {en}"
        nl, en = advice(self.reason, self.version, self.have, self.already)
        return (f"NIET GEÏNSTALLEERD  {self.file.name}: {nl}\n    NOT INSTALLED: {en}\n"
                f"    ({self.reason or 'read_error'}: {self.message})")


def showing_text(choice: EventChoice) -> tuple[str, str]:
    """"Toont nu: <event name>" (Dutch, English), with a pin by --event called out."""
    def name(event: Any, lang: str) -> str:
        text = getattr(event, "name", None)
        return str((text.get(lang) if text is not None else None) or event.id)

    nl, en = f"Toont nu: {name(choice.event, 'nl')}", f"Now showing: {name(choice.event, 'en')}"
    if choice.overrides_date:
        nl += (f" (vast ingesteld op deze kiosk; volgens de datum zou het "
               f"{name(choice.by_date, 'nl')} zijn)")
        en += f" (pinned on this kiosk; by date it would be {name(choice.by_date, 'en')})"
    elif choice.pinned:
        nl += " (vast ingesteld op deze kiosk)"
        en += " (pinned on this kiosk)"
    return nl + ".", en + "."


def is_candidate_name(name: str) -> bool:
    """A finished archive's name; hidden and temporary names are a copy in progress."""
    return (name.endswith(SUFFIX) and not name.startswith((".", "~"))
            and ".syncthing." not in name)


_DRIVE_REMOVABLE = 2  # GetDriveTypeW: a USB stick or card reader (fixed disks are 3)


def removable_drives(platform: str = os.name,
                     logical_drives: Callable[[], int] | None = None,
                     drive_type: Callable[[str], int] | None = None) -> list[Path]:
    """Root folders of removable drives on Windows (``E:\\`` …); nothing elsewhere.

    Windows gives a stick a new drive letter instead of a folder under /media. The two kernel32
    calls are injectable so the bitmask decoding is tested on any platform."""
    if platform != "nt":
        return []
    if logical_drives is None or drive_type is None:
        import ctypes  # only on Windows: windll exists there alone

        kernel32 = ctypes.windll.kernel32  # type: ignore[attr-defined]
        logical_drives = logical_drives or kernel32.GetLogicalDrives
        drive_type = drive_type or kernel32.GetDriveTypeW
    mask = int(logical_drives())
    roots = [f"{chr(ord('A') + i)}:\\" for i in range(26) if mask >> i & 1]
    return [Path(r) for r in roots if r[0] not in "AB" and drive_type(r) == _DRIVE_REMOVABLE]


@dataclass
class Inbox:
    """Polls folders for settled archives; each (file, size, time) is handed out once.

    With ``state_file`` that stays true across restarts: a synced packs folder keeps the pack
    that is already running, and it must not be refused again at every start."""

    inbox: Path
    media_globs: tuple[str, ...]
    config: CampaignConfig
    clock: Callable[[], float] = time.monotonic
    state_file: Path | None = None
    drives: Callable[[], list[Path]] = field(default_factory=lambda: removable_drives)
    _first_seen: dict[Path, tuple[tuple[int, int], float]] = field(default_factory=dict)
    _handled: set[tuple[Path, int, int]] = field(default_factory=set)
    _remembered: set[tuple[Path, int, int]] = field(default_factory=set)  # kept in state_file

    def __post_init__(self) -> None:
        if self.state_file is None:
            return
        try:
            entries = json.loads(self.state_file.read_text(encoding="utf-8"))
            self._remembered = {(Path(p), int(size), int(mtime)) for p, size, mtime in entries}
            self._handled = set(self._remembered)
        except FileNotFoundError:
            pass
        except (OSError, ValueError, TypeError) as e:
            log.warning("%s: unreadable (%s); archives may be looked at again", self.state_file, e)

    def mounts(self) -> list[Path]:
        """Mounted removable media right now (folders matching the configured globs, and on
        Windows the drive letters of removable drives)."""
        found: list[Path] = []
        for pattern in self.media_globs:
            found += [Path(p) for p in sorted(glob.glob(pattern)) if os.path.isdir(p)]
        if self.media_globs:  # tests and kiosks without stick support set no globs: no drives
            found += [d for d in self.drives() if d not in found]
        return found

    def poll(self) -> list[Path]:
        """Archives that have settled and were not handed out before, oldest name first."""
        now = self.clock()
        ready: list[Path] = []
        seen: set[Path] = set()
        for folder in [self.inbox, *self.mounts()]:
            try:
                names = sorted(os.listdir(folder))
            except OSError:
                continue  # no inbox yet, or a stick pulled out between glob and listdir
            for name in names:
                if not is_candidate_name(name):
                    continue
                path = folder / name
                try:
                    st = path.stat()
                except OSError:
                    continue
                if not os.path.isfile(path):
                    continue
                seen.add(path)
                sig = (st.st_size, st.st_mtime_ns)
                if (path, *sig) in self._handled:
                    continue
                first = self._first_seen.get(path)
                if first is None or first[0] != sig:
                    self._first_seen[path] = (sig, now)  # new, or still growing: wait
                    continue
                if now - first[1] >= self.config.inbox_settle_s:
                    ready.append(path)
        for gone in set(self._first_seen) - seen:
            del self._first_seen[gone]
        return ready

    def handled(self, path: Path, remember: bool = True) -> None:
        """Do not hand ``path`` out again while it stays as it is.

        ``remember`` False: only until a restart (a refusal the kiosk side can mend, such as an
        untrusted key, is tried again after ``kiosk trust`` and a restart)."""
        try:
            st = path.stat()
        except OSError:
            return
        self._handled.add((path, st.st_size, st.st_mtime_ns))
        self._first_seen.pop(path, None)
        if remember:
            self._remembered.add((path, st.st_size, st.st_mtime_ns))
        if self.state_file is not None and remember:
            # Only files still there: the list never grows past what the folders hold.
            self._remembered = {h for h in self._remembered if h[0].exists()}
            try:
                self.state_file.parent.mkdir(parents=True, exist_ok=True)
                atomic_write_text(self.state_file, json.dumps(
                    sorted([str(p), size, mtime] for p, size, mtime in self._remembered)))
            except OSError as e:
                log.warning("cannot write %s: %s", self.state_file, e.strerror or e)


# --- installed packs ----------------------------------------------------------------------------

def read_current(packs_dir: Path) -> dict[str, Any] | None:
    """``current.json``: {"dir", "id", "version", "previous"}; None when missing or unusable."""
    try:
        data = json.loads((packs_dir / CURRENT_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or not isinstance(data.get("dir"), str):
        return None
    folder = packs_dir / data["dir"]
    return data if folder.is_dir() and "/" not in data["dir"] else None


def write_current(packs_dir: Path, folder: str, pack_id: str, version: int,
                  previous: str | None, content: str | None = None) -> None:
    """``content``: the installed archive's ``Manifest.digest`` (the same update seen again is
    "already installed", not "make it again")."""
    atomic_write_text(packs_dir / CURRENT_FILE, json.dumps(
        {"dir": folder, "id": pack_id, "version": version, "previous": previous,
         "content": content}) + "\n")


def installed_pack(packs_dir: Path) -> Path | None:
    current = read_current(packs_dir)
    return packs_dir / current["dir"] if current else None


def rollback(packs_dir: Path) -> Path | None:
    """Make the previous installed version current again; returns its folder (None: none)."""
    current = read_current(packs_dir)
    if not current or not current.get("previous"):
        return None
    prev = str(current["previous"])
    if not (packs_dir / prev).is_dir():
        return None
    pack_id, _, version = prev.rpartition("-")
    write_current(packs_dir, prev, pack_id, int(version) if version.isdigit() else 0, None)
    return packs_dir / prev


def _prune(packs_dir: Path, keep: set[str]) -> None:
    """Remove installed versions other than ``keep`` (and leftovers of an interrupted unpack)."""
    for entry in packs_dir.iterdir():
        if entry.is_dir() and entry.name not in keep:
            shutil.rmtree(entry, ignore_errors=True)


# --- installing -----------------------------------------------------------------------------

PackCheck = Callable[[Path], str | None]
"""Returns the first error of a pack folder (``kiosk check``), or None when it has none."""


def check_errors(folder: Path, config: Config) -> str | None:
    from kiosk.pack.check import collect

    _pack, problems, fatal = collect(folder, config)
    errors = [p for p in problems if p.severity == "error"]
    if fatal or errors:
        return f"{len(errors) or 1} error(s), first: {errors[0] if errors else fatal}"
    return None


class Installer:
    """Verifies archives and installs the newest valid one (off the UI thread)."""

    def __init__(self, data_dir: Path, running: tuple[str, int], config: Config,
                 check: PackCheck | None = None, *, pinned_event: str | None = None,
                 today: Callable[[], datetime.date] = datetime.date.today) -> None:
        self.data_dir = data_dir
        self.packs_dir = data_dir / config.campaign.packs_dirname
        self.config = config
        self.running_id, self.running_version = running
        self._check = check or (lambda folder: check_errors(folder, config))
        self.pinned_event = pinned_event   # the kiosk's --event: what it shows after a switch
        self.today = today

    def install(self, candidates: list[Path]) -> list[Outcome]:
        """One outcome per candidate; at most one is installed: the newest that passes all."""
        keys = trusted_keys(self.data_dir)
        outcomes: dict[Path, Outcome] = {}
        valid: list[tuple[Manifest, Path]] = []
        for path in candidates:
            try:
                manifest = verify(path, keys, self.config.campaign)
                self._newer(path, manifest)
                valid.append((manifest, path))
            except PackRefused as e:
                outcomes[path] = Outcome(path, False, e.version, e.reason, str(e),
                                         have=e.have, already=e.already)
            except Exception as e:  # a bad file must never stop the kiosk
                log.exception("unexpected error verifying %s", path)
                outcomes[path] = Outcome(path, False, None, RefusalReason.READ_ERROR,
                                         f"{path.name}: {type(e).__name__}: {e}")
        valid.sort(key=lambda mv: mv[0].version, reverse=True)
        winner: Outcome | None = None
        for manifest, path in valid:
            if winner is not None:
                outcomes[path] = Outcome(path, False, manifest.version, RefusalReason.NOT_NEWER,
                                         f"{path.name}: version {manifest.version}; version "
                                         f"{winner.version} from {winner.file.name} is newer",
                                         have=winner.version)
                continue
            outcome = self._install_one(path, manifest)
            outcomes[path] = outcome
            if outcome.installed:
                winner = outcome
        return [outcomes[p] for p in candidates]

    def _newer(self, path: Path, manifest: Manifest) -> None:
        current = read_current(self.packs_dir)
        versions = [self.running_version] if manifest.pack_id == self.running_id else []
        if current and current.get("id") == manifest.pack_id:
            versions.append(int(current.get("version") or 0))
        if (self.packs_dir / f"{manifest.pack_id}-{manifest.version}").exists():
            versions.append(manifest.version)
        if versions and manifest.version <= max(versions):
            have = max(versions)
            already = bool(current and current.get("id") == manifest.pack_id
                           and current.get("version") == manifest.version
                           and current.get("content") == manifest.digest)
            raise PackRefused(RefusalReason.NOT_NEWER, f"{path.name}: holds version "
                              f"{manifest.version}; this kiosk has version {have}"
                              + (" from this very file" if already else
                                 ": raise version for every update"),
                              manifest.version, have=have, already=already)

    def _install_one(self, path: Path, manifest: Manifest) -> Outcome:
        tmp: Path | None = None
        try:
            tmp = unpack(path, manifest, self.packs_dir, self.config.campaign)
            error = self._check(tmp)
            if error:
                raise PackRefused(RefusalReason.CHECK_FAILED, f"{path.name}: 'kiosk check' "
                                  f"finds {error}", manifest.version)
            name = f"{manifest.pack_id}-{manifest.version}"
            os.rename(tmp, self.packs_dir / name)  # atomic: the pack is whole or absent
            tmp = None
            previous = read_current(self.packs_dir)
            prev_dir = previous["dir"] if previous else None
            write_current(self.packs_dir, name, manifest.pack_id, manifest.version, prev_dir,
                          manifest.digest)
            _prune(self.packs_dir, {name, *(filter(None, [prev_dir])), CURRENT_FILE})
            return Outcome(path, True, manifest.version, None, f"{path.name}: installed "
                           f"version {manifest.version}", self.packs_dir / name,
                           showing=self._showing(self.packs_dir / name))
        except PackRefused as e:
            return Outcome(path, False, manifest.version, e.reason, str(e))
        except OSError as e:
            return Outcome(path, False, manifest.version, RefusalReason.DISK_FULL
                           if e.errno == 28 else RefusalReason.READ_ERROR,
                           f"{path.name}: {e.strerror or e}; nothing was installed")
        except Exception as e:  # e.g. a bug in check: refuse, never crash
            log.exception("unexpected error installing %s", path)
            return Outcome(path, False, manifest.version, RefusalReason.CHECK_FAILED,
                           f"{path.name}: {type(e).__name__}: {e}")
        finally:
            if tmp is not None:
                shutil.rmtree(tmp, ignore_errors=True)


    def _showing(self, folder: Path) -> EventChoice | None:
        """The event the kiosk will show with the pack in ``folder`` (the app's own rule)."""
        from kiosk.pack.loader import PackError, load_pack
        from kiosk.pack.titles import fingerprint, remember_loaded
        from kiosk.core.event_choice import UnknownEvent, running_event

        try:
            key = fingerprint(folder, self.config)
            pack = load_pack(folder, self.config)
            # where it is installed, for the first 'kiosk stats --content' on it (a full load)
            remember_loaded(folder, self.config, key, pack)
            try:
                return running_event(pack, self.today(), self.pinned_event)
            except UnknownEvent:  # the app follows the dates then, and warns
                return running_event(pack, self.today())
        except (PackError, OSError) as e:
            log.warning("%s: cannot tell which event it shows (%s)", folder, e)
            return None


def write_result(stick: Path, kiosk_name: str, lines: list[str]) -> Path | None:
    """``bliq-result-<kiosk name>.txt`` on a stick: what this kiosk did with it (None: failed)."""
    safe = "".join(c if c.isalnum() or c in "-_" else "-" for c in kiosk_name)[:64] or "kiosk"
    target = stick / f"bliq-result-{safe}.txt"
    stamp = time.strftime("%Y-%m-%d %H:%M:%S")
    try:
        atomic_write_text(target, f"BLIQ kiosk {kiosk_name}, {stamp}\n" + "\n".join(lines) + "\n")
    except OSError as e:  # the stick was pulled out, or is read-only
        log.warning("cannot write %s: %s", target, e.strerror or e)
        return None
    return target
