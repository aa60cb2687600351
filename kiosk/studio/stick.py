""""Zet op USB-stick": her saved pack, one version higher, signed, on a stick. No Qt.

The archive is the kiosk's own signed ``.bliqpack`` (``kiosk.pack.bliqpack.build``, the code of
``kiosk pack build``), written under a temporary name and renamed when whole, so a full or
pulled stick never holds half an update. Beside it go the organisation's public key (IT trusts
it once per kiosk) and ``LEESMIJ.txt``: what to do at the kiosk, in plain words.
"""
from __future__ import annotations

import errno
from dataclasses import dataclass
from pathlib import Path

from kiosk.config import Config
from kiosk.pack import bliqpack
from kiosk.core.files import atomic_write_text
from kiosk.studio.model import PACK, Studio, StudioError


@dataclass(frozen=True)
class StickResult:
    archive: Path
    version: int
    key_id: str
    new_key: bool      # the key was made just now (the window explains it in one sentence)
    public_key: Path   # the copy on the stick


def organisation_key(keys_dir: Path) -> tuple[Path, Path, bool]:
    """(private, public, made now): the key that signs her updates, made on first use.

    A key the campaign handed out (a ``bliq-*.key`` put in this folder) is used as it is."""
    found = sorted(keys_dir.glob("bliq-*.key")) if keys_dir.is_dir() else []
    for private in found:
        public = private.with_suffix(".pub")
        if public.is_file():
            return private, public, False
    private, public = bliqpack.generate_keys(keys_dir)
    return private, public, True


def readme_text(event_name: str, archive: str, version: int, pub_name: str) -> str:
    return (
        f"BLIQ-kiosk: update voor '{event_name}' (versie {version})\n"
        "================================================\n\n"
        "Zo zet je deze update op een kiosk:\n\n"
        "1. Steek deze stick in de kiosk-pc terwijl de kiosk aan staat.\n"
        "2. Wacht tot er een bestand bliq-result-....txt op de stick verschijnt (ongeveer een\n"
        "   minuut). Daarin staat of de update gelukt is.\n"
        "3. De kiosk schakelt over zodra er niemand mee bezig is.\n"
        "4. Haal de stick eruit en doe hetzelfde bij de volgende kiosk.\n\n"
        f"Staat er 'unknown_key' in het resultaat? Dan kent de kiosk jouw sleutel nog niet.\n"
        f"Vraag de IT-beheerder één keer per kiosk: kiosk trust {pub_name} --data <map>\n\n"
        f"Bestand: {archive}\n"
        "Gemaakt met BLIQ Studio.\n\n"
        "----\n"
        f"BLIQ kiosk: update for '{event_name}' (version {version}). Plug this stick into the\n"
        "running kiosk, wait for bliq-result-....txt to appear, then move on to the next kiosk.\n"
        f"If the result says 'unknown_key', IT trusts the key once: kiosk trust {pub_name}\n"
    )


def put_on_stick(studio: Studio, stick: Path, keys_dir: Path,
                 config: Config) -> StickResult:
    """Save, raise the version, sign and write the update to ``stick``; StudioError says why
    not (and then nothing new is on the stick, and the pack keeps its version)."""
    from kiosk.pack.check import collect

    if not stick.is_dir():
        raise StudioError("{folder}: deze map bestaat niet (meer); steek de stick opnieuw in en "
                          "kies hem nog een keer.", folder=stick)
    studio.save()
    old_version = studio.version()
    studio.set_version(old_version + 1)
    studio.save()
    archive = stick / f"{studio.pack_id()}-{old_version + 1}{bliqpack.SUFFIX}"
    try:
        pack, problems, fatal = collect(studio.root, config)
        errors = [p for p in problems if p.severity == "error"]
        if pack is None or errors:
            first = str(errors[0]) if errors else fatal
            raise StudioError("Het pakket heeft nog {n} fout(en), eerst: {first}. Los die op in "
                              "de lijst 'Nog te doen' en probeer het opnieuw.",
                              n=len(errors) or 1, first=first)
        private, public, new_key = organisation_key(keys_dir)
        manifest = bliqpack.build(studio.root, private, archive, pack.id, pack.version)
        stick_pub = stick / public.name
        atomic_write_text(stick_pub, public.read_text("ascii"))
        atomic_write_text(stick / "LEESMIJ.txt", readme_text(
            studio.event_name(), archive.name, pack.version, public.name))
    except OSError as exc:
        _undo(studio, old_version, archive)
        if exc.errno in (errno.ENOSPC, errno.EDQUOT):
            raise StudioError("{folder}: de stick is vol; maak ruimte vrij of neem een andere "
                              "stick. Er staat niets half op.", folder=stick) from None
        raise StudioError("{folder}: schrijven lukt niet ({error}); is de stick eruit gehaald? "
                          "Steek hem terug en probeer het opnieuw.", folder=stick,
                          error=exc.strerror or exc) from None
    except bliqpack.PackSigningError as exc:
        _undo(studio, old_version, archive)
        raise StudioError("{error}; zet de sleutel van de campagne terug of haal hem weg, dan "
                          "maakt de studio een nieuwe.", error=exc) from None
    except StudioError:
        _undo(studio, old_version, archive)
        raise
    return StickResult(archive, pack.version, manifest.key_id, new_key, stick_pub)


def _undo(studio: Studio, old_version: int, archive: Path) -> None:
    """The update did not get onto the stick: the pack keeps its version, no half file stays."""
    try:
        archive.unlink(missing_ok=True)
    except OSError:
        pass
    studio.set_version(old_version)
    try:
        studio.save()
    except StudioError:
        pass  # the window already says why writing failed


__all__ = ["PACK", "StickResult", "organisation_key", "put_on_stick", "readme_text"]
