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
