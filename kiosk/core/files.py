"""Writing small files so that a reader, a crash or a pulled stick never sees half of one."""
from __future__ import annotations

import os
import secrets
from pathlib import Path


def atomic_write_bytes(target: Path, data: bytes) -> None:
    """Write via a temporary name in the same folder, fsync, then rename over ``target``.

    The random part of the temporary name keeps two writers (two threads, two processes) off
    each other's temporary file; the rename is atomic on one file system."""
    tmp = target.with_name(f".{target.name}.{secrets.token_hex(4)}.tmp")
    try:
        with tmp.open("wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, target)
    finally:
        tmp.unlink(missing_ok=True)


def atomic_write_text(target: Path, text: str) -> None:
    """``atomic_write_bytes`` of UTF-8 text, written as given (``\\n`` stays ``\\n`` on Windows)."""
    atomic_write_bytes(target, text.encode("utf-8"))
