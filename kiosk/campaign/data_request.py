"""A stick asks for the kiosk's figures with a signed request; only a trusted one gets them. No Qt.

The kiosk copies its newest snapshot to ``<stick>/bliq-data/<kiosk name>/`` only when
``<stick>/bliq-data/bliq-request.json`` is signed by a key the kiosk trusts for pack updates
(``<data>/trusted-keys/``, ``kiosk trust``) and has not expired. Any other stick, a forgotten
one from a visitor or a teacher's with an empty ``bliq-data`` folder, gets nothing, and the
kiosk says why in one line. The request is not bound to one stick: a copy of it works on
another stick until it expires (``Config.campaign.data_request_days``), so it is short-lived.

The organisers' studio writes one ("haal de cijfers op"); IT can use ``kiosk data-request STICK
--key KEY``. Both call ``write_request``.
"""
from __future__ import annotations

import base64
import binascii
import datetime
import json
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from kiosk.config import CampaignConfig
from kiosk.pack.bliqpack import key_id, load_private
from kiosk.core.files import atomic_write_text

if TYPE_CHECKING:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey

REQUEST_FILE = "bliq-request.json"
PURPOSE = "bliq-data"     # what the signature allows: nothing else reads this file
FORMAT = 1
MAX_BYTES = 4096


@dataclass(frozen=True)
class Verdict:
    """May this stick have the data? ``why`` is one English line for the log and admin;
    ``nl``/``en`` one sentence for the stick's result file (empty when ``ok``)."""

    ok: bool
    why: str
    nl: str = ""
    en: str = ""


def write_request(stick: Path, key_path: Path, *, config: CampaignConfig,
                  today: datetime.date | None = None) -> Path:
    """Write a signed request for the figures onto ``stick`` (a folder: a stick's root).

    Makes ``bliq-data/`` there; returns the request file. Raises ``PackSigningError`` for a key that
    cannot be used and ``OSError`` when the stick cannot be written (full, read-only, pulled
    out); the file is written under a temporary name first, so it is whole or absent."""
    key = load_private(key_path)
    made = today or datetime.date.today()
    body = json.dumps({"format": FORMAT, "purpose": PURPOSE, "made": made.isoformat(),
                       "valid_until": (made + datetime.timedelta(
                           days=config.data_request_days)).isoformat()}, sort_keys=True)
    signed = {"body": body, "key_id": key_id(key.public_key()),
              "signature": base64.b64encode(key.sign(body.encode("utf-8"))).decode("ascii")}
    folder = stick / config.stick_data_dirname
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / REQUEST_FILE
    atomic_write_text(target, json.dumps(signed, indent=1) + "\n")
    return target


_ASK = ("maak de stick klaar in de studio met 'Haal de cijfers op' (of laat IT 'kiosk "
        "data-request' gebruiken)", "prepare the stick in the studio with 'Haal de cijfers op' "
        "(or ask IT to use 'kiosk data-request')")


def _no(why: str, nl: str, en: str) -> Verdict:
    return Verdict(False, why, f"{nl}: {_ASK[0]}.", f"{en}: {_ASK[1]}.")


def check_request(stick: Path, keys: dict[str, Ed25519PublicKey],
                  today: datetime.date | None, config: CampaignConfig) -> Verdict:
    """Whether ``stick`` carries a valid request signed by one of ``keys``."""
    from cryptography.exceptions import InvalidSignature

    path = stick / config.stick_data_dirname / REQUEST_FILE
    where = f"{config.stick_data_dirname}/{REQUEST_FILE}"
    try:
        if path.stat().st_size > MAX_BYTES:
            return _no(f"{where} is too large to be a request", "Het verzoek op de stick is "
                       "niet goed", "The request on the stick is not valid")
        signed = json.loads(path.read_text(encoding="utf-8"))
        body_text, kid = signed["body"], signed["key_id"]
        signature = base64.b64decode(signed["signature"], validate=True)
        if not isinstance(body_text, str) or not isinstance(kid, str):
            raise TypeError
    except FileNotFoundError:
        return _no(f"no signed request ({where}) on the stick",
                   "Deze stick vraagt niet om de cijfers", "This stick does not ask for the "
                   "figures")
    except OSError as e:
        return Verdict(False, f"{where}: cannot read it ({e.strerror or e})",
                       "De stick kon niet gelezen worden: probeer het nog eens.",
                       "The stick could not be read: try again.")
    except (ValueError, KeyError, TypeError, binascii.Error):
        return _no(f"{where} is not a request made by the studio or 'kiosk data-request'",
                   "Het verzoek op de stick is niet goed", "The request on the stick is not "
                   "valid")
    public = keys.get(kid)
    if public is None:
        return _no(f"{where} is signed by key {kid}, which this kiosk does not trust",
                   "Deze kiosk kent de sleutel van het verzoek niet", "This kiosk does not know "
                   "the request's key")
    try:
        public.verify(signature, body_text.encode("utf-8"))
    except InvalidSignature:
        return _no(f"{where}: the signature does not match (changed after signing)",
                   "Het verzoek op de stick is veranderd", "The request on the stick was "
                   "changed")
    try:
        body = json.loads(body_text)
        if body.get("purpose") != PURPOSE or body.get("format") != FORMAT:
            raise ValueError
        valid_until = datetime.date.fromisoformat(body["valid_until"])
    except (ValueError, KeyError, TypeError, AttributeError):
        return _no(f"{where} is not a request for the figures", "Het verzoek op de stick is "
                   "niet goed", "The request on the stick is not valid")
    if (today or datetime.date.today()) > valid_until:
        return _no(f"{where} expired on {valid_until.isoformat()}",
                   f"Het verzoek op de stick is verlopen ({valid_until.isoformat()})",
                   f"The request on the stick expired ({valid_until.isoformat()})")
    return Verdict(True, f"request signed by key {kid}, valid until {valid_until.isoformat()}")
