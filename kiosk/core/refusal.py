"""Why a pack update was refused: the ``reason`` of a ``pack_refused`` event."""
from __future__ import annotations

from enum import StrEnum


class RefusalReason(StrEnum):
    """Why a pack was not installed (stored as the ``reason`` of ``pack_refused``)."""

    INCOMPLETE = "incomplete"          # not a whole zip: still copying, or the stick was pulled
    UNSIGNED = "unsigned"
    UNKNOWN_KEY = "unknown_key"        # signed by a key this kiosk does not (or no longer) trust
    BAD_SIGNATURE = "bad_signature"    # the manifest was changed after signing
    BAD_MANIFEST = "bad_manifest"
    TAMPERED = "tampered"              # a file's bytes differ from the manifest
    MISSING_FILE = "missing_file"      # the manifest lists a file the archive lacks
    EXTRA_FILE = "extra_file"          # the archive holds a file the manifest does not list
    UNSAFE_PATH = "unsafe_path"        # ../, an absolute path, a link
    TOO_BIG = "too_big"                # zip bomb caps: total size, file count
    NOT_NEWER = "not_newer"            # same or older version than the running pack
    CHECK_FAILED = "check_failed"      # 'kiosk check' finds errors
    DISK_FULL = "disk_full"
    READ_ERROR = "read_error"


_REMAKE = ("De update is na het maken veranderd of beschadigd: maak hem opnieuw in de studio en "
           "zet hem opnieuw op de stick.",
           "The update was changed or damaged after it was made: make it again in the studio and "
           "copy it to the stick again.")

# One plain sentence per reason (Dutch, English) for a stick's result file: what to do, for an
# organiser at the kiosk, not why in technical terms (the technical line follows it).
ADVICE: dict[RefusalReason, tuple[str, str]] = {
    RefusalReason.INCOMPLETE: (
        "Het bestand is niet heel (te vroeg uitgetrokken of nog aan het kopiëren): zet het "
        "opnieuw op de stick.",
        "The file is not whole (pulled out too early or still copying): copy it to the stick "
        "again."),
    RefusalReason.UNSIGNED: (
        "Deze update is niet ondertekend: maak hem in de studio, die ondertekent hem.",
        "This update is not signed: make it in the studio, which signs it."),
    RefusalReason.UNKNOWN_KEY: (
        "Deze kiosk kent de sleutel van deze update niet: laat IT de sleutel op de kiosk zetten "
        "(kiosk trust) of maak de update met de sleutel van de campagne.",
        "This kiosk does not know the key of this update: ask IT to add the key to the kiosk "
        "(kiosk trust) or make the update with the campaign's key."),
    RefusalReason.BAD_SIGNATURE: _REMAKE,
    RefusalReason.BAD_MANIFEST: _REMAKE,
    RefusalReason.TAMPERED: _REMAKE,
    RefusalReason.MISSING_FILE: _REMAKE,
    RefusalReason.EXTRA_FILE: _REMAKE,
    RefusalReason.UNSAFE_PATH: (
        "De update bevat een link of een pad buiten het pakket: maak hem opnieuw in de studio.",
        "The update holds a link or a path outside the pack: make it again in the studio."),
    RefusalReason.TOO_BIG: (
        "De update is te groot voor een kiosk: haal grote of overbodige video's weg en maak hem "
        "opnieuw.",
        "The update is too big for a kiosk: remove large or unneeded videos and make it again."),
    RefusalReason.NOT_NEWER: (
        "Deze update is niet nieuwer dan wat er al op staat: maak hem opnieuw in de studio.",
        "This update is not newer than the one installed: make it again in the studio."),
    RefusalReason.CHECK_FAILED: (
        "Het pakket heeft nog fouten: los ze op in de studio (lijst Problemen) en maak de update "
        "opnieuw.",
        "The pack still has errors: fix them in the studio (the Problems list) and make the "
        "update again."),
    RefusalReason.DISK_FULL: (
        "De schijf van de kiosk is vol: vraag IT om ruimte te maken; er is niets veranderd.",
        "The kiosk's disk is full: ask IT to make room; nothing was changed."),
    RefusalReason.READ_ERROR: (
        "De update kon niet gelezen worden: probeer het nog eens, of met een andere stick.",
        "The update could not be read: try again, or with another stick."),
}


def advice(reason: RefusalReason | None, version: int | None = None, have: int | None = None,
           already: bool = False) -> tuple[str, str]:
    """What to do about a refusal, in one sentence (Dutch, English).

    For ``not_newer``: ``version`` is the update's, ``have`` the installed one's; ``already``
    means this very update (same version, same files) is installed: nothing to do."""
    if reason is RefusalReason.NOT_NEWER and version is not None and have is not None:
        if already:
            return (f"Deze update (versie {version}) staat er al op: er hoeft niets te gebeuren.",
                    f"This update (version {version}) is already installed: nothing to do.")
        if version == have:
            return (f"Deze update heeft versie {version}, net als wat er al op staat: maak hem "
                    "opnieuw in de studio, die geeft hem een hoger nummer.",
                    f"This update has version {version}, the same as the one installed: make "
                    "it again in the studio, which gives it a higher number.")
        return (f"Deze update (versie {version}) is ouder dan wat er al op staat (versie "
                f"{have}): maak hem opnieuw in de studio.",
                f"This update (version {version}) is older than the one installed (version "
                f"{have}): make it again in the studio.")
    return ADVICE.get(reason, ADVICE[RefusalReason.READ_ERROR]) if reason else \
        ADVICE[RefusalReason.READ_ERROR]
