"""Resident memory of this process and the policy for a memory restart. No Qt.

Kiosk players elsewhere die "every 48 hours like clockwork"; this one restarts itself before
that, and only while nobody is using it (in attract).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ATTRACT = "attract"  # kiosk.core.flow.State.ATTRACT; a plain str keeps this module Qt-free


def rss_bytes() -> int | None:
    """Resident set size of this process in bytes, or None where it cannot be read."""
    if sys.platform.startswith("linux"):
        return _linux_rss(Path("/proc/self/statm"))
    if sys.platform == "win32":
        return _windows_rss()
    return None


def _linux_rss(statm: Path) -> int | None:
    # statm: size resident shared text lib data dt, in pages
    try:
        resident_pages = int(statm.read_text(encoding="ascii").split()[1])
    except (OSError, ValueError, IndexError):
        return None
    return resident_pages * os.sysconf("SC_PAGE_SIZE")


def _windows_rss() -> int | None:
    """WorkingSetSize via GetProcessMemoryInfo (ctypes, so no psutil in the bundle)."""
    import ctypes
    from ctypes import wintypes

    class Counters(ctypes.Structure):
        _fields_ = [("cb", wintypes.DWORD), ("PageFaultCount", wintypes.DWORD),
                    ("PeakWorkingSetSize", ctypes.c_size_t), ("WorkingSetSize", ctypes.c_size_t),
                    ("QuotaPeakPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaPeakNonPagedPoolUsage", ctypes.c_size_t),
                    ("QuotaNonPagedPoolUsage", ctypes.c_size_t),
                    ("PagefileUsage", ctypes.c_size_t), ("PeakPagefileUsage", ctypes.c_size_t)]

    try:
        counters = Counters()
        counters.cb = ctypes.sizeof(Counters)
        kernel32 = ctypes.WinDLL("kernel32")  # type: ignore[attr-defined]
        psapi = ctypes.WinDLL("psapi")  # type: ignore[attr-defined]
        kernel32.GetCurrentProcess.restype = wintypes.HANDLE
        ok = psapi.GetProcessMemoryInfo(kernel32.GetCurrentProcess(), ctypes.byref(counters),
                                        counters.cb)
    except (OSError, AttributeError):
        return None
    return int(counters.WorkingSetSize) if ok else None


def should_restart(rss: int | None, limit: int, state: str) -> bool:
    """True when memory is over the limit and nobody is using the kiosk (it shows attract).

    An unknown RSS or a limit of 0 never restarts: a restart loop is worse than a slow leak."""
    if rss is None or limit <= 0:
        return False
    return rss > limit and state == ATTRACT
