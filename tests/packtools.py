"""Signed test archives: real packs built with ``kiosk pack build``'s code, and hand-made
(bad) ones signed with a real key, for the refusal tests."""
from __future__ import annotations

import base64
import hashlib
import json
import re
import shutil
import zipfile
from pathlib import Path
from typing import Any

from kiosk.config import DEFAULT
from kiosk.pack import bliqpack

SAMPLE = Path(__file__).resolve().parent.parent / "episodes"


def keypair(folder: Path) -> tuple[Path, Path]:
    return bliqpack.generate_keys(folder)


def pack_copy(dest: Path, version: int, *, title_nl: str | None = None) -> Path:
    """A copy of the sample pack with ``version`` (and optionally another Dutch title)."""
    shutil.copytree(SAMPLE, dest)
    toml = dest / "pack.toml"
    text = toml.read_text(encoding="utf-8")
    if title_nl:
        text = text.replace('nl = "BLIQ voorbeeldpakket"', f'nl = "{title_nl}"')
    text, found = re.subn(r"(?m)^version = \d+$", f"version = {version}", text)
    toml.write_text(text if found else text + f"\nversion = {version}\n", encoding="utf-8")
    return dest


def build(pack: Path, key: Path, out: Path) -> Path:
    from kiosk.pack.check import collect

    loaded, _problems, _fatal = collect(pack, DEFAULT)
    assert loaded is not None
    bliqpack.build(pack, key, out, loaded.id, loaded.version)
    return out


def signed_zip(out: Path, key: Path, files: dict[str, bytes], *, pack_id: str = "bliq-sample",
               version: int = 9, manifest_files: dict[str, Any] | None = None,
               extra: dict[str, bytes] | None = None, sign: bool = True,
               entry_mode: int | None = None) -> Path:
    """A hand-made archive: ``files`` under pack/, a manifest (of ``files`` unless
    ``manifest_files`` is given), signed with ``key`` unless ``sign`` is False."""
    listed = manifest_files if manifest_files is not None else {
        rel: {"sha256": hashlib.sha256(data).hexdigest(), "size": len(data)}
        for rel, data in files.items()}
    manifest = json.dumps({"format": 1, "pack_id": pack_id, "version": version,
                           "created": "2026-12-01T00:00:00Z", "files": listed}).encode()
    private = bliqpack.load_private(key)
    with zipfile.ZipFile(out, "w") as zf:
        zf.writestr(bliqpack.MANIFEST, manifest)
        if sign:
            zf.writestr(bliqpack.SIGNATURE, json.dumps({
                "key_id": bliqpack.key_id(private.public_key()),
                "signature": base64.b64encode(private.sign(manifest)).decode()}))
        for rel, data in files.items():
            info = zipfile.ZipInfo(rel if rel.startswith(("/", "..")) else "pack/" + rel)
            if entry_mode is not None:
                info.external_attr = entry_mode << 16
            zf.writestr(info, data)
        for name, data in (extra or {}).items():
            zf.writestr(name, data)
    return out
