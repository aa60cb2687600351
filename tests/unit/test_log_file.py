"""The kiosk's log file (kiosk.ops.process.SturdyLogHandler): rotated by size exactly as the
standard library's RotatingFileHandler rotates, and lines the disk refused written later."""
from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

import pytest

from kiosk.ops.process import SturdyLogHandler

FORMAT = logging.Formatter("%(levelname)s %(name)s: %(message)s")


def _record(message: str) -> logging.LogRecord:
    return logging.LogRecord("kiosk", logging.INFO, __file__, 1, message, None, None)


def _files(folder: Path) -> dict[str, str]:
    return {p.name: p.read_text(encoding="utf-8") for p in sorted(folder.iterdir())}


@pytest.mark.parametrize("backups", [0, 1, 3])
def test_the_log_rotates_as_the_standard_rotating_handler_does(tmp_path: Path,
                                                              backups: int) -> None:
    ours, theirs = tmp_path / "ours", tmp_path / "theirs"
    for folder in (ours, theirs):
        folder.mkdir()
        (folder / "kiosk.log").write_text("a line from the day before\n", encoding="utf-8")
    mine = SturdyLogHandler(ours / "kiosk.log", maxBytes=300, backupCount=backups,
                            encoding="utf-8", backlog=10)
    standard = logging.handlers.RotatingFileHandler(
        theirs / "kiosk.log", maxBytes=300, backupCount=backups, encoding="utf-8")
    # lines of every length (so that some end exactly at the limit), one just under the
    # limit, one over it, accents
    messages = [f"visit {i} é {'x' * (i % 41)}" for i in range(200)]
    messages[17] = "y" * 280
    messages[33] = "z" * 400
    for handler in (mine, standard):
        handler.setFormatter(FORMAT)
        for message in messages:
            handler.emit(_record(message))
        handler.close()
    files = _files(ours)
    assert files == _files(theirs)
    assert len(files) == 1 + backups
    if backups:  # it did rotate, and kept the newest lines in kiosk.log
        assert "visit 199" in files["kiosk.log"] and "a line from the day before" not in str(files)


def test_lines_the_disk_refused_are_written_in_order_once_it_takes_them(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    handler = SturdyLogHandler(tmp_path / "kiosk.log", maxBytes=10_000, backupCount=2,
                               encoding="utf-8", backlog=2)
    handler.setFormatter(FORMAT)
    handler.emit(_record("before"))

    def full(*_: object) -> None:
        raise OSError(28, "No space left on device")

    # the disk refuses: the open file fails to write, and so does opening it again
    handler.stream.close()
    monkeypatch.setattr(handler, "_open", full)
    for message in ("refused 1", "refused 2", "refused 3"):
        handler.emit(_record(message))
    assert handler.stream is None and handler.lost == 1   # a backlog of 2: the oldest fell out
    monkeypatch.undo()
    # the disk takes writes again: the kept lines come first
    handler.emit(_record("after"))
    handler.close()
    lines = (tmp_path / "kiosk.log").read_text(encoding="utf-8").splitlines()
    assert lines == ["INFO kiosk: before", "INFO kiosk: refused 2", "INFO kiosk: refused 3",
                     "INFO kiosk: after"]


def test_a_line_that_would_reach_the_limit_goes_to_a_new_file_as_in_the_standard(
        tmp_path: Path) -> None:
    found = []
    for handler in (SturdyLogHandler(tmp_path / "ours.log", maxBytes=100, backupCount=1,
                                     encoding="utf-8", backlog=10),
                    logging.handlers.RotatingFileHandler(tmp_path / "theirs.log", maxBytes=100,
                                                         backupCount=1, encoding="utf-8")):
        handler.setFormatter(FORMAT)
        for letter in "abc":   # "INFO kiosk: " + 37 letters + newline: 50 bytes a line
            handler.emit(_record(letter * 37))
        handler.close()
        base = Path(handler.baseFilename)
        found.append((base.read_text(encoding="utf-8"),
                       Path(f"{base}.1").read_text(encoding="utf-8")))
    # 50 + 50 bytes would reach 100: "b" starts a new file, and "c" the next one
    assert found[0] == found[1] == (f"INFO kiosk: {'c' * 37}\n", f"INFO kiosk: {'b' * 37}\n")
