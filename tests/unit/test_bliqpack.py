"""Signed pack archives: keys, build, and every refusal a kiosk must make (no Qt)."""
from __future__ import annotations

import hashlib
import stat
import zipfile
from pathlib import Path

import pytest

from kiosk.pack import bliqpack
from kiosk.pack.bliqpack import PackRefused, RefusalReason, trusted_keys, unpack, verify
from kiosk.config import DEFAULT, Config
from tests.packtools import build, keypair, pack_copy, signed_zip


@pytest.fixture(scope="module")
def keys(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    return keypair(tmp_path_factory.mktemp("keys"))


@pytest.fixture
def kiosk_data(tmp_path: Path, keys: tuple[Path, Path]) -> Path:
    data = tmp_path / "kiosk"
    bliqpack.trust(keys[1], data)
    return data


def refusal(path: Path, data: Path, config: Config = DEFAULT) -> PackRefused:
    with pytest.raises(PackRefused) as info:
        manifest = verify(path, trusted_keys(data), config.campaign)
        unpack(path, manifest, data / "packs", config.campaign)
    assert "\n" not in str(info.value) and path.name in str(info.value)
    return info.value


def test_keygen_makes_a_private_key_only_the_owner_reads(tmp_path: Path) -> None:
    private, public = keypair(tmp_path)
    assert stat.S_IMODE(private.stat().st_mode) == 0o600
    assert public.read_text().startswith("bliq-ed25519 ")
    assert bliqpack.key_id(bliqpack.load_private(private).public_key()) in public.name


def test_a_built_pack_verifies_and_unpacks_byte_for_byte(tmp_path: Path, keys, kiosk_data) -> None:
    pack = pack_copy(tmp_path / "pack", 3)
    archive = build(pack, keys[0], tmp_path / "p.bliqpack")
    manifest = verify(archive, trusted_keys(kiosk_data), DEFAULT.campaign)
    assert (manifest.pack_id, manifest.version) == ("bliq-sample", 3)
    folder = unpack(archive, manifest, kiosk_data / "packs", DEFAULT.campaign)
    for rel, (digest, _size) in manifest.files.items():
        assert hashlib.sha256((folder / rel).read_bytes()).hexdigest() == digest
    assert (folder / "pack.toml").read_bytes() == (pack / "pack.toml").read_bytes()


def test_unsigned(tmp_path: Path, keys, kiosk_data) -> None:
    bad = signed_zip(tmp_path / "u.bliqpack", keys[0], {"a.txt": b"x"}, sign=False)
    assert refusal(bad, kiosk_data).reason is RefusalReason.UNSIGNED


def test_unknown_key_and_a_revoked_one(tmp_path: Path, keys, kiosk_data) -> None:
    other_private, other_public = keypair(tmp_path / "other")
    bad = signed_zip(tmp_path / "k.bliqpack", other_private, {"a.txt": b"x"})
    assert refusal(bad, kiosk_data).reason is RefusalReason.UNKNOWN_KEY
    bliqpack.trust(other_public, kiosk_data)
    good = signed_zip(tmp_path / "k2.bliqpack", other_private, {"a.txt": b"x"})
    assert verify(good, trusted_keys(kiosk_data), DEFAULT.campaign).version == 9
    assert bliqpack.revoke(other_public, kiosk_data)
    assert refusal(good, kiosk_data).reason is RefusalReason.UNKNOWN_KEY


def test_a_changed_manifest_breaks_the_signature(tmp_path: Path, keys, kiosk_data) -> None:
    src = signed_zip(tmp_path / "s.bliqpack", keys[0], {"a.txt": b"x"})
    bad = tmp_path / "m.bliqpack"
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(bad, "w") as zout:
        for info in zin.infolist():
            data = zin.read(info)
            if info.filename == bliqpack.MANIFEST:
                data = data.replace(b'"version": 9', b'"version": 99')
            zout.writestr(info, data)
    assert refusal(bad, kiosk_data).reason is RefusalReason.BAD_SIGNATURE


def test_a_tampered_file(tmp_path: Path, keys, kiosk_data) -> None:
    listed = {"a.txt": {"sha256": hashlib.sha256(b"good").hexdigest(), "size": 4}}
    bad = signed_zip(tmp_path / "t.bliqpack", keys[0], {"a.txt": b"evil"}, manifest_files=listed)
    assert refusal(bad, kiosk_data).reason is RefusalReason.TAMPERED
    assert not any((kiosk_data / "packs").iterdir())  # the temporary folder is gone


def test_a_file_bigger_than_the_manifest_says_is_cut_off(tmp_path: Path, keys, kiosk_data) -> None:
    # a zip bomb that lies in its manifest: the bytes are counted, not believed
    listed = {"a.txt": {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}}
    bad = signed_zip(tmp_path / "b.bliqpack", keys[0], {"a.txt": b"\0" * 5_000_000},
                     manifest_files=listed)
    assert refusal(bad, kiosk_data).reason is RefusalReason.TAMPERED
    assert not any((kiosk_data / "packs").iterdir())


def test_zip_bomb_caps_total_size_and_file_count(tmp_path: Path, keys, kiosk_data) -> None:
    big = signed_zip(tmp_path / "big.bliqpack", keys[0], {"a.bin": b"\0" * 2000})
    assert refusal(big, kiosk_data, Config().with_(pack_max_bytes=1000)).reason is RefusalReason.TOO_BIG
    many = signed_zip(tmp_path / "many.bliqpack", keys[0], {f"f{i}.txt": b"x" for i in range(30)})
    assert refusal(many, kiosk_data, Config().with_(pack_max_files=20)).reason is RefusalReason.TOO_BIG


@pytest.mark.parametrize("name", ["../evil.txt", "/etc/evil.txt", "pack/../../evil.txt",
                                  "pack/a\\..\\..\\evil.txt"])
def test_paths_that_escape_the_folder(tmp_path: Path, keys, kiosk_data, name: str) -> None:
    bad = signed_zip(tmp_path / "p.bliqpack", keys[0], {"a.txt": b"x"}, extra={name: b"x"})
    assert refusal(bad, kiosk_data).reason is RefusalReason.UNSAFE_PATH
    assert not (tmp_path / "evil.txt").exists()


def test_a_manifest_path_that_escapes(tmp_path: Path, keys, kiosk_data) -> None:
    listed = {"../x.txt": {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1}}
    bad = signed_zip(tmp_path / "p.bliqpack", keys[0], {}, manifest_files=listed)
    assert refusal(bad, kiosk_data).reason is RefusalReason.UNSAFE_PATH


def test_a_symlink_entry(tmp_path: Path, keys, kiosk_data) -> None:
    bad = signed_zip(tmp_path / "l.bliqpack", keys[0], {"link": b"/etc/passwd"},
                     entry_mode=stat.S_IFLNK | 0o777)
    assert refusal(bad, kiosk_data).reason is RefusalReason.UNSAFE_PATH


def test_build_refuses_a_pack_with_a_link(tmp_path: Path, keys) -> None:
    pack = pack_copy(tmp_path / "pack", 1)
    (pack / "outside").symlink_to("/etc")
    with pytest.raises(bliqpack.PackSigningError, match="a link"):
        build(pack, keys[0], tmp_path / "l.bliqpack")


def test_a_manifest_listing_a_missing_file(tmp_path: Path, keys, kiosk_data) -> None:
    listed = {"a.txt": {"sha256": hashlib.sha256(b"x").hexdigest(), "size": 1},
              "gone.mp4": {"sha256": "0" * 64, "size": 10}}
    bad = signed_zip(tmp_path / "g.bliqpack", keys[0], {"a.txt": b"x"}, manifest_files=listed)
    error = refusal(bad, kiosk_data)
    assert error.reason is RefusalReason.MISSING_FILE and "gone.mp4" in str(error)


def test_a_file_not_in_the_manifest(tmp_path: Path, keys, kiosk_data) -> None:
    bad = signed_zip(tmp_path / "e.bliqpack", keys[0], {"a.txt": b"x"},
                     extra={"pack/smuggled.txt": b"x"})
    assert refusal(bad, kiosk_data).reason is RefusalReason.EXTRA_FILE


def test_half_copied_archive_and_a_non_zip(tmp_path: Path, keys, kiosk_data) -> None:
    pack = pack_copy(tmp_path / "pack", 3)
    whole = build(pack, keys[0], tmp_path / "whole.bliqpack").read_bytes()
    half = tmp_path / "half.bliqpack"
    half.write_bytes(whole[: len(whole) // 2])
    assert refusal(half, kiosk_data).reason is RefusalReason.INCOMPLETE
    junk = tmp_path / "junk.bliqpack"
    junk.write_bytes(b"not a zip at all")
    assert refusal(junk, kiosk_data).reason is RefusalReason.INCOMPLETE
