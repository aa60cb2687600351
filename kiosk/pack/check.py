"""``kiosk check PACK [--json]``: list every problem of a pack, never a traceback (no Qt)."""
from __future__ import annotations

import json
import logging
from pathlib import Path
from typing import Any, TextIO

from kiosk.config import Config
from kiosk.pack.loader import Pack, PackError, Problem, load_pack
from kiosk.pack.cross_refs import deck_advice
from kiosk.pack.readiness import readiness_problems
from kiosk.pack.site_pages import site_problems
from kiosk.pack.titles import fingerprint, remember_loaded

log = logging.getLogger("kiosk.pack")


# Where the output's encoding lacks a character (a Windows code page, a pipe in ASCII).
_ASCII = str.maketrans({"✔": "OK", "✘": "XX", "⚠": "!!", "→": "->", "←": "<-", "…": "...",
                        "–": "-", "—": "-", "≥": ">=", "≤": "<=", "“": '"', "”": '"',
                        "‘": "'", "’": "'", "×": "x"})


class SafeOut:
    """Writes to ``out``; text its encoding cannot hold gets ASCII stand-ins, never a crash.

    ``kiosk preflight > checklist.txt`` on a Windows laptop writes cp1252, which has no ✔.
    """

    def __init__(self, out: TextIO) -> None:
        self.out = out
        self.encoding = getattr(out, "encoding", None) or "utf-8"
        self.ascii_marks = not self.can_encode("✔✘⚠")

    def can_encode(self, text: str) -> bool:
        try:
            text.encode(self.encoding)
        except (UnicodeEncodeError, LookupError):
            return False
        return True

    def write(self, text: str) -> None:
        if not self.can_encode(text):
            text = text.translate(_ASCII)
            if not self.can_encode(text):
                text = text.encode(self.encoding, "replace").decode(self.encoding, "replace")
        self.out.write(text)

    def isatty(self) -> bool:
        return bool(getattr(self.out, "isatty", lambda: False)())


def collect(pack_path: Path, config: Config, remember_titles: bool = False
            ) -> tuple[Pack | None, list[Problem], str]:
    """Load the pack; (pack or None, every problem, the fatal message or "").

    ``remember_titles``: also keep what the figures read from it (``kiosk.pack.titles``), so
    the first ``kiosk stats`` after an organiser changed and checked a pack need not load it
    in full again (about 0.3 s of CPU, mostly pydantic's import)."""
    key = _titles_key(pack_path, config) if remember_titles else None
    pack: Pack | None = None
    try:
        pack = load_pack(pack_path, config)
        if key is not None:
            remember_loaded(pack_path, config, key, pack)
        # the take-home site and the game's advice (notes) are checked here, not in load_pack:
        # the kiosk itself needs no site, and its admin lists only what is wrong
        advice = deck_advice(pack, config) if pack.deck_ok else []
        return pack, list(pack.problems) + site_problems(pack, config) + advice, ""
    except PackError as exc:
        if key is not None and pack is None:  # the loader's own verdict, not the advice's
            remember_loaded(pack_path, config, key, None, exc)
        problems = list(exc.problems) or [Problem(str(pack_path), "(pack)", str(exc),
                                                  "a content pack folder with pack.toml")]
        return None, problems, str(exc)
    except Exception as exc:  # noqa: BLE001 - a checker must report, not crash
        problem = Problem(str(pack_path), "(pack)", f"internal error: {type(exc).__name__}: "
                          f"{exc}", "please report this as a bug")
        return None, [problem], str(problem)


def _titles_key(pack_path: Path, config: Config) -> str | None:
    try:
        return fingerprint(pack_path, config)
    except Exception as e:  # noqa: BLE001 - a nicety for the figures: never the check's failure
        log.info("pack titles of %s not remembered (%s)", pack_path, e)
        return None


def _counts(pack: Pack | None, problems: list[Problem]) -> dict[str, Any]:
    counts: dict[str, Any] = {
        "errors": sum(p.severity == "error" for p in problems),
        "warnings": sum(p.severity == "warning" for p in problems),
    }
    if pack is not None:
        counts.update(series=len(pack.series), episodes=len(pack.episodes), jobs=len(pack.jobs),
                      cards=len(pack.cards), deck_ok=pack.deck_ok,
                      companies=len(pack.companies), events=len(pack.events))
    return counts


def run_check(pack: Path, as_json: bool, out: TextIO, config: Config,
              strict: bool = False) -> int:
    """Print every problem (or a JSON object with them); 1 when there are errors, else 0.

    ``strict``: placeholder content (``.example`` links, new-pack texts, the demo PIN) is an
    error too; a valid pack is not yet a pack for a real event. Plain check leaves it out:
    the sample pack and a fresh ``new-pack`` are valid, and say so.
    """
    out = SafeOut(out)  # type: ignore[assignment]
    loaded, problems, fatal = collect(Path(pack), config, remember_titles=True)
    if strict and loaded is not None:
        problems += readiness_problems(loaded, config.pack, "error")
    counts = _counts(loaded, problems)
    code = 1 if counts["errors"] or fatal else 0
    if as_json:
        json.dump({"pack": str(pack), "ok": code == 0, "fatal": fatal or None,
                   "counts": counts, "problems": [p.as_dict() for p in problems]},
                  out, ensure_ascii=False, indent=2)
        out.write("\n")
        return code
    for problem in problems:
        label = {"error": "FOUT/ERROR", "note": "notitie/note"}.get(problem.severity,
                                                                  "let op/warning")
        out.write(f"{label}  {problem}\n")
        for line in problem.context.splitlines():
            out.write(f"    {line}\n")
    if fatal:
        out.write(f"Pakket niet bruikbaar / pack unusable: {fatal}\n")
    summary = (f"{counts['errors']} fout(en)/error(s), "
               f"{counts['warnings']} waarschuwing(en)/warning(s)")
    if loaded is not None:
        deck = "ok" if loaded.deck_ok else "NIET ok/NOT ok (spel verborgen/game hidden)"
        summary += (f"; {counts['series']} series, {counts['episodes']} afleveringen/episodes, "
                    f"{counts['jobs']} beroepen/jobs, {counts['cards']} kaarten/cards "
                    f"(deck {deck}), {counts['companies']} bedrijven/companies, "
                    f"{counts['events']} events")
    out.write(("OK: " if code == 0 else "NIET OK / NOT OK: ") + summary + "\n")
    return code
