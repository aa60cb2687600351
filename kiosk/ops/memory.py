"""Resident memory of this process and the policy for a memory restart. No Qt.

Kiosk players elsewhere die "every 48 hours like clockwork"; this one restarts itself before
that, and only while nobody is using it (in attract).
"""
from __future__ import annotations

import os
import sys
from pathlib import Path

ATTRACT = "attract"  # kiosk.visit.flow.State.ATTRACT; a plain str keeps this module Qt-free


# glibc's mallopt parameters (malloc.h)
_M_TRIM_THRESHOLD, _M_MMAP_THRESHOLD, _M_ARENA_MAX = -1, -3, -8


def tune_malloc(arenas: int = 2, threshold: int = 128 * 1024) -> bool:
    """Keep glibc's heap from holding on to freed memory (Linux; call before threads start).

    Left alone, glibc raises its mmap threshold each time a large block is freed, so video
    frame buffers (1–8 MB) end up inside heaps it never returns, and gives each of the
    decoder's threads an arena of its own. Fixed thresholds and two arenas: 38 MB less
    resident memory while playing (286 -> 248 MB on the sample clip at 1920x1080). Returns
    whether it took effect (False off glibc)."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        libc = ctypes.CDLL("libc.so.6")
        mallopt = libc.mallopt
    except (OSError, AttributeError):
        return False  # not glibc (musl): nothing to tune
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    done = [mallopt(_M_ARENA_MAX, arenas), mallopt(_M_MMAP_THRESHOLD, threshold),
            mallopt(_M_TRIM_THRESHOLD, threshold)]
    return all(done)


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
