"""Signed, versioned pack archives (``.bliqpack``): keys, building, verifying, unpacking. No Qt.

An archive is one zip file so that a copy or a sync engine moves it as a whole:

- ``bliq-manifest.json``: pack id, version, and the SHA-256 and size of every file;
- ``bliq-manifest.sig``: an Ed25519 signature over the manifest's exact bytes, and the id of the
  key that made it;
- ``pack/<path>``: the pack's files.

A kiosk trusts the public keys in ``<data>/trusted-keys/``; removing one there revokes it.
Nothing in an archive is trusted before its signature checks out, and the unpacked bytes are
hashed again, so the zip's own headers (sizes, names) are never believed: sizes are counted while
writing, names are checked before anything is written, and everything lands in a temporary
folder that is renamed into place only when the whole pack is there and passes ``check``.
"""
from __future__ import annotations

import base64
import binascii
import errno
import hashlib
import json
import os
import secrets
import shutil
import stat
import time
import zipfile
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import TYPE_CHECKING, Any

from kiosk.config import CampaignConfig
from kiosk.core.files import atomic_write_bytes
from kiosk.core.refusal import RefusalReason

if TYPE_CHECKING:  # cryptography loads on first use: a kiosk start never needs it (11 MB, 20 ms)
    from cryptography.hazmat.primitives.asymmetric.ed25519 import (
        Ed25519PrivateKey, Ed25519PublicKey,
    )

MANIFEST = "bliq-manifest.json"
SIGNATURE = "bliq-manifest.sig"
PACK_PREFIX = "pack/"
SUFFIX = ".bliqpack"
PUBLIC_PREFIX = "bliq-ed25519"  # the one line of a public key file: "bliq-ed25519 <base64>"
TRUST_DIR = "trusted-keys"
FORMAT = 1


class PackRefused(Exception):
    """A pack that must not be installed; ``reason`` is the enum, the message one line."""

    def __init__(self, reason: RefusalReason, message: str, version: int | None = None, *,
                 have: int | None = None, already: bool = False) -> None:
        super().__init__(message)
        self.reason = reason
        self.version = version
        self.have = have          # not_newer: the version the kiosk already has
        self.already = already    # not_newer: this very update (same files) is installed


class PackSigningError(Exception):
    """A pack cannot be signed as asked: a key file cannot be used, or the pack holds a link.
    The message names the file."""


@dataclass(frozen=True)
class Manifest:
    """A verified manifest: what the archive says it holds, signed by a trusted key."""

    pack_id: str
    version: int
    files: dict[str, tuple[str, int]]   # path inside the pack → (sha256 hex, size)
    key_id: str

    @property
    def total_size(self) -> int:
        return sum(size for _, size in self.files.values())

    @property
    def digest(self) -> str:
        """One hash of every file's hash and path: two archives with the same files share it."""
        listed = json.dumps(sorted(self.files.items()), separators=(",", ":"))
        return hashlib.sha256(listed.encode("utf-8")).hexdigest()


# --- keys -----------------------------------------------------------------------------------

def key_id(public: Ed25519PublicKey) -> str:
    """A short, stable name for a public key (first 16 hex digits of its SHA-256)."""
    from cryptography.hazmat.primitives import serialization
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return hashlib.sha256(raw).hexdigest()[:16]


def public_line(public: Ed25519PublicKey) -> str:
    from cryptography.hazmat.primitives import serialization
    raw = public.public_bytes(serialization.Encoding.Raw, serialization.PublicFormat.Raw)
    return f"{PUBLIC_PREFIX} {base64.b64encode(raw).decode('ascii')}"


def generate_keys(out_dir: Path) -> tuple[Path, Path]:
    """Write a new key pair to ``out_dir``; never overwrites. Returns (private, public) paths."""
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    out_dir.mkdir(parents=True, exist_ok=True)
    private = Ed25519PrivateKey.generate()
    kid = key_id(private.public_key())
    priv_path = out_dir / f"bliq-{kid}.key"
    pub_path = out_dir / f"bliq-{kid}.pub"
    pem = private.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8,
                                serialization.NoEncryption())
    fd = os.open(priv_path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)  # only the owner reads it
    with os.fdopen(fd, "wb") as f:
        f.write(pem)
    pub_path.write_text(public_line(private.public_key()) + "\n", encoding="ascii")
    return priv_path, pub_path


def load_private(path: Path) -> Ed25519PrivateKey:
    from cryptography.hazmat.primitives import serialization
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey
    try:
        key = serialization.load_pem_private_key(path.read_bytes(), password=None)
    except OSError as e:
        raise PackSigningError(f"{path}: cannot read the key ({e.strerror or e})") from None
    except (ValueError, TypeError):
        raise PackSigningError(f"{path}: not a private key made by 'kiosk keygen'") from None
    if not isinstance(key, Ed25519PrivateKey):
        raise PackSigningError(f"{path}: not an Ed25519 key (make one with 'kiosk keygen')")
    return key


def parse_public(text: str, where: str) -> Ed25519PublicKey:
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    parts = text.strip().split()
    try:
        if len(parts) != 2 or parts[0] != PUBLIC_PREFIX:
            raise ValueError
        return Ed25519PublicKey.from_public_bytes(base64.b64decode(parts[1], validate=True))
    except (ValueError, binascii.Error):
        raise PackSigningError(f"{where}: not a public key made by 'kiosk keygen' "
                        f"(expected one line '{PUBLIC_PREFIX} <base64>')") from None


def load_public(path: Path) -> Ed25519PublicKey:
    try:
        text = path.read_text(encoding="ascii")
    except (OSError, UnicodeDecodeError) as e:
        raise PackSigningError(f"{path}: cannot read the public key ({e})") from None
    return parse_public(text, str(path))


def trust(public_path: Path, data_dir: Path) -> Path:
    """Record a trusted public key in ``<data>/trusted-keys/``; returns the stored file."""
    public = load_public(public_path)
    folder = data_dir / TRUST_DIR
    folder.mkdir(parents=True, exist_ok=True)
    target = folder / f"{key_id(public)}.pub"
    atomic_write_bytes(target, (public_line(public) + "\n").encode("ascii"))
    return target


def revoke(public_path: Path, data_dir: Path) -> bool:
    """Stop trusting a key; True when it was trusted."""
    target = data_dir / TRUST_DIR / f"{key_id(load_public(public_path))}.pub"
    if target.exists():
        target.unlink()
        return True
    return False


def trusted_keys(data_dir: Path) -> dict[str, Ed25519PublicKey]:
    """The keys this kiosk trusts, by key id; an unreadable file is skipped."""
    keys: dict[str, Ed25519PublicKey] = {}
    folder = data_dir / TRUST_DIR
    for path in sorted(folder.glob("*.pub")) if folder.is_dir() else []:
        try:
            public = load_public(path)
        except PackSigningError:
            continue
        keys[key_id(public)] = public
    return keys


# --- building -------------------------------------------------------------------------------

def pack_files(pack_dir: Path) -> list[tuple[str, Path]]:
    """Every regular file of the pack, as (posix path inside the pack, file); links refused."""
    found: list[tuple[str, Path]] = []
    for root, dirs, files in os.walk(pack_dir):
        dirs.sort()
        for name in sorted(files) + [d for d in dirs if (Path(root) / d).is_symlink()]:
            full = Path(root) / name
            rel = full.relative_to(pack_dir).as_posix()
            if full.is_symlink():
                raise PackSigningError(f"{full}: a link; a pack holds only real files")
            if name.startswith(".") or "__pycache__" in rel:
                continue  # editor and OS leftovers (.DS_Store, .swp) are not content
            found.append((rel, full))
    return found


def _sha256(path: Path) -> tuple[str, int]:
    digest, size = hashlib.sha256(), 0
    with path.open("rb") as f:
        while chunk := f.read(1 << 20):
            digest.update(chunk)
            size += len(chunk)
    return digest.hexdigest(), size


def build(pack_dir: Path, key_path: Path, out: Path, pack_id: str, version: int) -> Manifest:
    """Write ``out`` (a signed archive of ``pack_dir``) via a temporary name; returns the
    manifest."""
    key = load_private(key_path)
    files = {rel: _sha256(full) for rel, full in (pack_files(pack_dir))}
    body = {"format": FORMAT, "pack_id": pack_id, "version": version,
            "created": time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime()),
            "files": {rel: {"sha256": h, "size": n} for rel, (h, n) in files.items()}}
    manifest_bytes = json.dumps(body, indent=1, sort_keys=True).encode("utf-8")
    kid = key_id(key.public_key())
    signature = {"key_id": kid,
                 "signature": base64.b64encode(key.sign(manifest_bytes)).decode("ascii")}
    out.parent.mkdir(parents=True, exist_ok=True)
    tmp = out.with_name(f".{out.name}.{secrets.token_hex(4)}.tmp")
    try:
        with zipfile.ZipFile(tmp, "w", compression=zipfile.ZIP_STORED) as zf:
            # Stored, not deflated: videos do not shrink, and unpacking stays I/O-bound.
            zf.writestr(MANIFEST, manifest_bytes)
            zf.writestr(SIGNATURE, json.dumps(signature).encode("utf-8"))
            for rel, full in pack_files(pack_dir):
                zf.write(full, PACK_PREFIX + rel)
        with tmp.open("rb") as f:
            os.fsync(f.fileno())
        os.replace(tmp, out)
    finally:
        tmp.unlink(missing_ok=True)
    return Manifest(pack_id, version, files, kid)


# --- verifying ------------------------------------------------------------------------------

def _safe_name(name: str) -> bool:
    """A zip entry name that stays inside the folder it is unpacked into."""
    if not name or "\\" in name or "\x00" in name or name.startswith("/"):
        return False
    if len(name) > 1 and name[1] == ":":  # C:foo
        return False
    parts = PurePosixPath(name).parts
    return all(part not in ("..", ".", "") for part in parts)


def _is_link(info: zipfile.ZipInfo) -> bool:
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)  # 0 when the zip says nothing about the file type
    return kind != 0 and not (stat.S_ISREG(mode) or stat.S_ISDIR(mode))


def open_archive(path: Path) -> zipfile.ZipFile:
    try:
        return zipfile.ZipFile(path)
    except zipfile.BadZipFile:
        raise PackRefused(RefusalReason.INCOMPLETE, f"{path.name}: not a whole archive "
                          "(still being copied, or the stick was pulled out)") from None
    except OSError as e:
        raise PackRefused(RefusalReason.READ_ERROR,
                          f"{path.name}: cannot read it ({e.strerror or e})") from None


def verify(path: Path, keys: dict[str, Ed25519PublicKey], config: CampaignConfig) -> Manifest:
    """Check structure, caps, names, signature and manifest of an archive (not yet the bytes).

    Raises ``PackRefused``. The file hashes are checked while unpacking (``unpack``)."""
    with open_archive(path) as zf:
        return _verify_open(path, zf, keys, config)


def _verify_open(path: Path, zf: zipfile.ZipFile, keys: dict[str, Ed25519PublicKey],
                 config: CampaignConfig) -> Manifest:
    from cryptography.exceptions import InvalidSignature
    name = path.name
    infos = zf.infolist()
    if len(infos) > config.pack_max_files + 2:
        raise PackRefused(RefusalReason.TOO_BIG, f"{name}: {len(infos)} files; at most "
                          f"{config.pack_max_files} allowed")
    for info in infos:
        if not _safe_name(info.filename):
            raise PackRefused(RefusalReason.UNSAFE_PATH, f"{name}: file name "
                              f"'{info.filename}' points outside the pack")
        if _is_link(info):
            raise PackRefused(RefusalReason.UNSAFE_PATH, f"{name}: '{info.filename}' is a link; "
                              "a pack holds only real files")
    entries = {info.filename for info in infos}
    if SIGNATURE not in entries:
        raise PackRefused(RefusalReason.UNSIGNED, f"{name}: not signed ({SIGNATURE} missing); "
                          "build it with 'kiosk pack build'")
    if MANIFEST not in entries:
        raise PackRefused(RefusalReason.BAD_MANIFEST, f"{name}: {MANIFEST} missing")
    for small in (MANIFEST, SIGNATURE):
        if zf.getinfo(small).file_size > config.pack_max_manifest_bytes:
            raise PackRefused(RefusalReason.TOO_BIG, f"{name}: {small} is too large")
    try:
        manifest_bytes = zf.read(MANIFEST)
        sig = json.loads(zf.read(SIGNATURE))
        signature = base64.b64decode(sig["signature"], validate=True)
        kid = str(sig["key_id"])
    except (zipfile.BadZipFile, OSError, EOFError) as e:
        raise PackRefused(RefusalReason.INCOMPLETE, f"{name}: cannot read it whole ({e})") from None
    except (ValueError, KeyError, TypeError, binascii.Error):
        raise PackRefused(RefusalReason.UNSIGNED, f"{name}: {SIGNATURE}: not a signature made "
                          "by 'kiosk pack build'") from None
    public = keys.get(kid)
    if public is None:
        raise PackRefused(RefusalReason.UNKNOWN_KEY, f"{name}: signed by key {kid}, which this "
                          "kiosk does not trust (add it with 'kiosk trust')")
    try:
        public.verify(signature, manifest_bytes)
    except InvalidSignature:
        raise PackRefused(RefusalReason.BAD_SIGNATURE, f"{name}: the signature does not match "
                          "the manifest (changed after signing)") from None
    manifest = _parse_manifest(name, manifest_bytes, kid)
    if manifest.total_size > config.pack_max_bytes:
        raise PackRefused(RefusalReason.TOO_BIG, f"{name}: {manifest.total_size} bytes unpacked; "
                          f"at most {config.pack_max_bytes} allowed", manifest.version)
    listed = {PACK_PREFIX + rel for rel in manifest.files}
    present = {e for e in entries if e.startswith(PACK_PREFIX) and not e.endswith("/")}
    missing = sorted(listed - present)
    if missing:
        raise PackRefused(RefusalReason.MISSING_FILE, f"{name}: the manifest lists "
                          f"'{missing[0][len(PACK_PREFIX):]}' but the archive lacks it",
                          manifest.version)
    extra = sorted((present - listed) | {e for e in entries - present - {MANIFEST, SIGNATURE}
                                         if not e.endswith("/")})
    if extra:
        raise PackRefused(RefusalReason.EXTRA_FILE, f"{name}: '{extra[0]}' is not in the signed "
                          "manifest", manifest.version)
    return manifest


def _parse_manifest(name: str, raw: bytes, kid: str) -> Manifest:
    try:
        body: Any = json.loads(raw)
        if body.get("format") != FORMAT:
            raise ValueError(f"format {body.get('format')!r}; this kiosk reads {FORMAT}")
        pack_id, version = body["pack_id"], body["version"]
        if not isinstance(pack_id, str) or not isinstance(version, int) or version < 0:
            raise ValueError("pack_id/version")
        files: dict[str, tuple[str, int]] = {}
        for rel, entry in body["files"].items():
            digest, size = entry["sha256"], entry["size"]
            if not (isinstance(digest, str) and len(digest) == 64 and isinstance(size, int)
                    and size >= 0):
                raise ValueError(f"files.{rel}")
            if not _safe_name(PACK_PREFIX + rel):
                raise PackRefused(RefusalReason.UNSAFE_PATH, f"{name}: manifest path '{rel}' "
                                  "points outside the pack")
            files[rel] = (digest, size)
    except PackRefused:
        raise
    except (ValueError, KeyError, TypeError, AttributeError) as e:
        raise PackRefused(RefusalReason.BAD_MANIFEST,
                          f"{name}: {MANIFEST}: unreadable ({e})") from None
    return Manifest(pack_id, version, files, kid)


# --- unpacking ------------------------------------------------------------------------------

def unpack(path: Path, manifest: Manifest, packs_dir: Path, config: CampaignConfig) -> Path:
    """Unpack into ``packs_dir/<id>-<version>/`` via a temporary folder; returns the folder.

    Each file is written with its bytes counted and hashed as they come (the zip's declared
    sizes are not believed); any mismatch, overflow or write error removes the temporary folder.
    The pack is *not* checked here (``kiosk.campaign.updates`` runs ``check`` before renaming)."""
    packs_dir.mkdir(parents=True, exist_ok=True)
    tmp = packs_dir / f".unpack-{manifest.pack_id}-{manifest.version}-{secrets.token_hex(4)}"
    try:
        tmp.mkdir()
        with open_archive(path) as zf:
            written = 0
            for rel, (digest, size) in manifest.files.items():
                target = tmp.joinpath(*PurePosixPath(rel).parts)
                target.parent.mkdir(parents=True, exist_ok=True)
                written += _copy_member(path.name, zf, rel, target, digest, size,
                                        config.pack_max_bytes - written)
    except PackRefused:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    except OSError as e:
        shutil.rmtree(tmp, ignore_errors=True)
        if e.errno in (errno.ENOSPC, errno.EDQUOT):
            raise PackRefused(RefusalReason.DISK_FULL, f"{path.name}: the disk is full while "
                              "unpacking; nothing was installed", manifest.version) from None
        raise PackRefused(RefusalReason.READ_ERROR, f"{path.name}: {e.strerror or e} while "
                          "unpacking; nothing was installed", manifest.version) from None
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    return tmp


def _copy_member(name: str, zf: zipfile.ZipFile, rel: str, target: Path, digest: str,
                 size: int, budget: int) -> int:
    h, n = hashlib.sha256(), 0
    try:
        with zf.open(PACK_PREFIX + rel) as src, target.open("wb") as dst:
            while chunk := src.read(1 << 20):
                n += len(chunk)
                if n > size or n > budget:
                    reason = RefusalReason.TOO_BIG if n > budget else RefusalReason.TAMPERED
                    raise PackRefused(reason, f"{name}: '{rel}' is larger than the manifest says")
                h.update(chunk)
                dst.write(chunk)
    except (zipfile.BadZipFile, EOFError):
        raise PackRefused(RefusalReason.INCOMPLETE, f"{name}: '{rel}' cannot be read whole "
                          "(still being copied, or the stick was pulled out)") from None
    except zipfile.LargeZipFile:
        raise PackRefused(RefusalReason.TOO_BIG, f"{name}: '{rel}' is too large") from None
    if n != size or h.hexdigest() != digest:
        raise PackRefused(RefusalReason.TAMPERED, f"{name}: '{rel}' differs from the signed "
                          "manifest (changed or damaged)")
    return n
