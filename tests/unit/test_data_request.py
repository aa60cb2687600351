"""A stick gets the kiosk's figures only with a request signed by a trusted key (no Qt)."""
from __future__ import annotations

import base64
import datetime
import json
from pathlib import Path

import pytest

from kiosk.config import DEFAULT, Config
from kiosk.pack import bliqpack
from kiosk.campaign.data_request import REQUEST_FILE, check_request, write_request
from tests.packtools import keypair

DAY = datetime.date(2026, 11, 28)


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def trusted(tmp_path: Path, keys) -> dict:
    bliqpack.trust(keys[1], tmp_path / "data")
    return bliqpack.trusted_keys(tmp_path / "data")


def test_a_request_signed_by_a_trusted_key_is_honoured_until_it_expires(
        tmp_path: Path, keys, trusted) -> None:
    stick = tmp_path / "STICK"
    stick.mkdir()
    written = write_request(stick, keys[0], today=DAY, config=Config().with_(data_request_days=31).campaign)
    assert written == stick / "bliq-data" / REQUEST_FILE
    assert [p.name for p in written.parent.iterdir()] == [REQUEST_FILE]  # no temporary left
    verdict = check_request(stick, trusted, DAY + datetime.timedelta(days=31), DEFAULT.campaign)
    assert verdict.ok and verdict.why.startswith("request signed by key ")
    late = check_request(stick, trusted, DAY + datetime.timedelta(days=32), DEFAULT.campaign)
    assert not late.ok and late.why == "bliq-data/bliq-request.json expired on 2026-12-29"
    assert late.nl.startswith("Het verzoek op de stick is verlopen (2026-12-29): maak de stick "
                              "klaar in de studio met 'Haal de cijfers op'")


def test_no_request_a_strangers_key_or_a_changed_one_gets_nothing(tmp_path: Path, keys,
                                                                    trusted) -> None:
    bare = tmp_path / "bare"
    (bare / "bliq-data").mkdir(parents=True)
    verdict = check_request(bare, trusted, DAY, DEFAULT.campaign)
    assert not verdict.ok and verdict.why == "no signed request (bliq-data/bliq-request.json) " \
        "on the stick"
    assert verdict.en.startswith("This stick does not ask for the figures: prepare the stick")

    stranger = tmp_path / "stranger"
    write_request(stranger, keypair(tmp_path / "other")[0], today=DAY, config=DEFAULT.campaign)
    verdict = check_request(stranger, trusted, DAY, DEFAULT.campaign)
    assert not verdict.ok and "which this kiosk does not trust" in verdict.why

    changed = tmp_path / "changed"
    path = write_request(changed, keys[0], today=DAY, config=DEFAULT.campaign)
    signed = json.loads(path.read_text())
    signed["body"] = signed["body"].replace("2026-12-29", "2099-12-31")  # a longer life
    path.write_text(json.dumps(signed))
    verdict = check_request(changed, trusted, DAY, DEFAULT.campaign)
    assert not verdict.ok and "the signature does not match" in verdict.why

    path.write_text("not json")
    verdict = check_request(changed, trusted, DAY, DEFAULT.campaign)
    assert not verdict.ok and "is not a request made by the studio" in verdict.why
    path.write_bytes(b"{" + b" " * 10_000 + b"}")
    assert "too large" in check_request(changed, trusted, DAY, DEFAULT.campaign).why


def test_a_pack_signature_is_not_a_data_request(tmp_path: Path, keys, trusted) -> None:
    """The same key signs packs: a signed body for another purpose must not pass."""
    from kiosk.campaign.data_request import FORMAT

    key = bliqpack.load_private(keys[0])
    body = json.dumps({"format": FORMAT, "purpose": "something-else", "valid_until": "2099-01-01"})
    path = tmp_path / "s" / "bliq-data" / REQUEST_FILE
    path.parent.mkdir(parents=True)
    path.write_text(json.dumps({"body": body, "key_id": bliqpack.key_id(key.public_key()),
                                "signature": base64.b64encode(key.sign(body.encode())).decode()}))
    verdict = check_request(tmp_path / "s", trusted, DAY, DEFAULT.campaign)
    assert not verdict.ok and verdict.why.endswith("is not a request for the figures")
