"""Memory: reading this process's RSS, and when a memory restart may happen."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from kiosk.ops.memory import _linux_rss, rss_bytes, should_restart

MB = 2**20


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_rss_grows_when_this_process_touches_memory() -> None:
    before = rss_bytes()
    block = bytearray(64 * MB)  # zero-filled pages become resident once written
    for i in range(0, len(block), 4096):
        block[i] = 1
    after = rss_bytes()
    assert before is not None and after is not None
    assert after - before >= 60 * MB
    del block


def test_statm_is_read_in_pages(tmp_path: Path) -> None:
    statm = tmp_path / "statm"
    statm.write_text("5000 1200 300 10 0 900 0\n")  # size resident shared text lib data dt
    assert _linux_rss(statm) == 1200 * os.sysconf("SC_PAGE_SIZE")


@pytest.mark.parametrize("content", ["", "garbage", "1"])
def test_unreadable_statm_is_unknown_not_an_error(tmp_path: Path, content: str) -> None:
    statm = tmp_path / "statm"
    statm.write_text(content)
    assert _linux_rss(statm) is None
    assert _linux_rss(tmp_path / "missing") is None


@pytest.mark.parametrize(("rss", "limit", "state", "expected"), [
    (900 * MB, 800 * MB, "attract", True),     # over the limit, nobody using it
    (900 * MB, 800 * MB, "player", False),     # over, but a visitor is watching: wait
    (900 * MB, 800 * MB, "game", False),
    (900 * MB, 800 * MB, "admin", False),      # the organiser is looking at admin
    (800 * MB, 800 * MB, "attract", False),    # at the limit is not over it
    (700 * MB, 800 * MB, "attract", False),
    (900 * MB, 0, "attract", False),           # limit 0: the check is off
    (None, 800 * MB, "attract", False),        # unknown RSS never restarts (no restart loops)
])
def test_restart_only_over_the_limit_and_in_attract(rss: int | None, limit: int, state: str,
                                                   expected: bool) -> None:
    assert should_restart(rss, limit, state) is expected


def test_malloc_tuning_takes_effect_on_glibc_and_is_skipped_elsewhere(monkeypatch):
    import platform

    from kiosk.ops import memory

    if platform.libc_ver()[0] == "glibc":
        assert memory.tune_malloc() is True
    monkeypatch.setattr(memory.sys, "platform", "win32")
    assert memory.tune_malloc() is False
