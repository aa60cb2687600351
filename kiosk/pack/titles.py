"""What the organisers' figures read from a pack: its id and version, the titles of its items
and the jobs' domains, remembered per pack so ``kiosk stats`` need not load the whole pack.

The loader (``kiosk.pack.loader``) stays the one rule for which items a pack has and what they
are called: the first time a pack is asked for (and after any change to it) it is loaded in
full, and ``extract`` keeps what the figures read in a small JSON file in the user's cache
folder. The next run reads that file instead when nothing changed since: no file in the pack
folder (names, sizes, modification times), not the kiosk's own code, not its settings. Those
runs do not import pydantic, validate every table or read the clips' headers: 0.2-0.35 s of
CPU for the sample pack, against about 20 ms to check and read the file, in the fixed cost of
every ``kiosk stats``. A pack that could not be loaded is remembered with its message, so that
message stays the same too.

No Qt, no pydantic at import: the loader is imported only when a pack is loaded in full.
"""
from __future__ import annotations

import contextlib
import hashlib
import json
import logging
import os
import sys
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

from kiosk import __version__, paths
from kiosk.config import Config
from kiosk.pack.text import PackText

log = logging.getLogger("kiosk.pack")

FORMAT = 2  # of the remembered file; raise it when what ``extract`` keeps changes


@dataclass(frozen=True)
class EpisodeTitle:
    title: PackText


@dataclass(frozen=True)
class JobTitle:
    title: PackText
    domains: dict[str, float]  # the figures' domain chart counts a job under its main domain


@dataclass(frozen=True)
class CardText:
    id: str
    text: PackText


@dataclass(frozen=True)
class CompanyName:
    name: str


@dataclass(frozen=True)
class EventName:
    name: PackText


@dataclass(frozen=True)
class PackTitles:
    """The part of a loaded ``Pack`` the figures read, under the same attribute names (so the
    figures' ``Names`` reads either the same way)."""

    id: str
    version: int
    episodes: dict[str, EpisodeTitle]
    jobs: dict[str, JobTitle]
    cards: list[CardText]
    companies: dict[str, CompanyName]
    events: dict[str, EventName]
    errors: list[str]  # the loader's errors, one line each: which file, which field, what is wrong


def _title(text: Any) -> PackText:
    return PackText(nl=text.nl, en=text.en)


def extract(pack: Any) -> PackTitles:
    """What the figures read from a loaded ``kiosk.pack.models.Pack``."""
    return PackTitles(
        id=pack.id, version=pack.version,
        episodes={k: EpisodeTitle(_title(e.title)) for k, e in pack.episodes.items()},
        jobs={k: JobTitle(_title(j.title), dict(j.domains)) for k, j in pack.jobs.items()},
        cards=[CardText(c.id, _title(c.text)) for c in pack.cards],
        companies={k: CompanyName(c.name) for k, c in pack.companies.items()},
        events={k: EventName(_title(e.name)) for k, e in pack.events.items()},
        errors=[str(p) for p in pack.errors])


def _from_dict(d: dict[str, Any]) -> PackTitles:
    def title(t: dict[str, Any]) -> PackText:
        return PackText(nl=t["nl"], en=t["en"])

    return PackTitles(
        id=d["id"], version=d["version"],
        episodes={k: EpisodeTitle(title(v["title"])) for k, v in d["episodes"].items()},
        jobs={k: JobTitle(title(v["title"]), dict(v["domains"])) for k, v in d["jobs"].items()},
        cards=[CardText(c["id"], title(c["text"])) for c in d["cards"]],
        companies={k: CompanyName(v["name"]) for k, v in d["companies"].items()},
        events={k: EventName(title(v["name"])) for k, v in d["events"].items()},
        errors=[str(e) for e in d["errors"]])


def pack_titles(root: Path, config: Config,
                cache: Path | None) -> tuple[PackTitles | None, str | None]:
    """The titles of the pack at ``root`` and, when it cannot be loaded, why not (one line:
    the loader's own first message, naming the file and the field). ``cache``: the folder
    where they are remembered (None: load the pack every time)."""
    key = fingerprint(root, config) if cache is not None else None
    stored = _remembered(cache, root, key) if cache is not None and key is not None else None
    if stored is not None:
        titles, problem = stored
    else:
        try:
            titles, problem = _load(root, config)
        except Exception as e:  # noqa: BLE001 - titles are a nicety; the figures still come out
            return None, _problem(root, e)  # not a pack's verdict (e.g. a disk error): not kept
        if cache is not None and key is not None and fingerprint(root, config) == key:
            _remember(cache, root, key, titles, problem)  # unless it changed while loading
    return titles, f"{root}: {problem}" if problem is not None else None


def _load(root: Path, config: Config) -> tuple[PackTitles | None, str | None]:
    """The full load; a pack the loader refuses gives its message instead of titles."""
    from kiosk.pack.loader import load_pack
    from kiosk.pack.models import PackError

    try:
        return extract(load_pack(root, config)), None
    except PackError as e:  # its message starts with the folder, which the caller adds
        return None, _refused(root, e)


def _refused(root: Path, e: Exception) -> str:
    return _first_line(e).removeprefix(f"{root}: ")


def cache_folder(config: Config) -> Path:
    """Where the titles are remembered: the user's cache folder."""
    return paths.cache_dir() / config.insights.titles_cache_dirname


def remember_loaded(root: Path, config: Config, key: str | None, pack: Any | None,
                    refused: Exception | None = None) -> None:
    """Remember the titles of a pack just loaded in full for another reason (``kiosk check``,
    ``kiosk pack``, a pack installed from a stick), so the first ``kiosk stats`` after a pack
    changed need not load it again: the loader's verdict (``pack``, or the ``PackError`` it
    raised as ``refused``) is the one ``pack_titles`` would reach. ``key``: ``fingerprint``
    taken before that load; nothing is kept when the pack changed meanwhile. Costs a look at
    the pack folder's files and a small write; a cache that cannot be written costs nothing
    more."""
    if key is None:
        return
    try:
        if fingerprint(root, config) != key:
            return
        if pack is not None:
            titles, problem = extract(pack), None
        elif refused is not None:
            titles, problem = None, _refused(root, refused)
        else:
            return
        _remember(cache_folder(config), root, key, titles, problem)
    except Exception as e:  # noqa: BLE001 - a nicety for the figures: never the caller's failure
        log.info("pack titles of %s not remembered (%s)", root, e)


def _first_line(e: Exception) -> str:
    return str(e).splitlines()[0] if str(e) else type(e).__name__


def _problem(root: Path, e: Exception) -> str:
    return f"{root}: {_first_line(e)}"


# --- remembering ----------------------------------------------------------------------------

def fingerprint(root: Path, config: Config) -> str | None:
    """A digest of everything a pack load depends on, or None when it cannot be told (no such
    folder, or a folder linked in from elsewhere whose files would not be seen)."""
    try:
        tree = _tree(root.resolve())
    except OSError:
        return None
    if tree is None:
        return None
    h = hashlib.sha256()
    for part in (FORMAT, __version__, sys.version, _code(), repr(config), str(root.resolve()),
                 tree):
        h.update(repr(part).encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def _tree(root: Path) -> list[tuple[str, int, int]] | None:
    """Every file and folder under ``root``: (path, size, modification time in ns)."""
    found: list[tuple[str, int, int]] = []
    folders = [root]
    while folders:
        folder = folders.pop()
        with os.scandir(folder) as entries:
            for entry in entries:
                info = entry.stat()  # a linked file: its target's size and time
                found.append((os.path.relpath(entry.path, root), info.st_size,
                              info.st_mtime_ns))
                if entry.is_dir(follow_symlinks=False):
                    folders.append(Path(entry.path))
                elif entry.is_dir():
                    return None
    found.sort()
    return found


def _code() -> list[tuple[str, int, int]]:
    """The kiosk's own code, as far as the loader's rules go: a change there can change which
    items a pack has (a frozen bundle: its executable)."""
    if paths.is_frozen():
        info = Path(sys.executable).stat()
        return [("executable", info.st_size, info.st_mtime_ns)]
    files = [paths.package_dir() / "config.py"]
    for part in ("pack", "core"):
        files += sorted((paths.package_dir() / part).glob("*.py"))
    out = []
    for file in files:
        info = file.stat()
        out.append((file.name, info.st_size, info.st_mtime_ns))
    return out


def _file(cache: Path, root: Path) -> Path:
    name = hashlib.sha256(str(root.resolve()).encode("utf-8", "surrogatepass")).hexdigest()
    return cache / f"{name[:24]}.json"


def _remembered(cache: Path, root: Path,
                key: str) -> tuple[PackTitles | None, str | None] | None:
    try:
        data = json.loads(_file(cache, root).read_text(encoding="utf-8"))
        if data["key"] != key:
            return None
        titles = _from_dict(data["titles"]) if data["titles"] is not None else None
        problem = data["problem"]
        return titles, problem if isinstance(problem, str) else None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # not there, or not ours: load the pack


def _remember(cache: Path, root: Path, key: str, titles: PackTitles | None,
              problem: str | None) -> None:
    target = _file(cache, root)
    partial = target.with_name(f".{target.name}.{os.getpid()}")
    data = {"key": key, "titles": asdict(titles) if titles is not None else None,
            "problem": problem}
    try:
        cache.mkdir(parents=True, exist_ok=True)
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        os.replace(partial, target)  # a reader sees the old file or the new one
    except OSError as e:  # a read-only home: the next run loads the pack again
        log.info("pack titles not remembered in %s (%s)", cache, e)
        with contextlib.suppress(OSError):
            partial.unlink(missing_ok=True)
