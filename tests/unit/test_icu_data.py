"""packaging/icu_data.py: the bundle's ICU data library keeps Dutch, English and the
language-neutral data. Checked on PySide6's own libicudata: the package is rewritten in ICU's
exact layout, and ICU loaded from a trimmed copy still formats a Dutch date and number, sorts
Dutch words and splits a Dutch sentence (packaging/bundle_check.py's checks); without the Dutch
items the same checks fail."""
from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

PACKAGING = Path(__file__).resolve().parents[2] / "packaging"
sys.path.insert(0, str(PACKAGING))
from icu_data import (LayoutError, find_data, read_package, replace_data, trim_library,  # noqa: E402
                      wanted, write_package)


def _qt_lib() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    libs = sorted((Path(PySide6.__file__).parent / "Qt" / "lib").glob("libicudata.so.*"))
    return libs[0] if libs else None


ICUDATA = _qt_lib() if sys.platform.startswith("linux") else None
pytestmark = pytest.mark.skipif(ICUDATA is None, reason="needs PySide6's ICU (Linux wheels)")


def icu_copy(folder: Path) -> Path:
    """PySide6's libicuuc and libicui18n in ``folder``: they load the libicudata beside them."""
    assert ICUDATA is not None
    folder.mkdir()
    version = ICUDATA.name.split(".so.")[1]
    for name in ("libicuuc", "libicui18n"):
        shutil.copy2(ICUDATA.parent / f"{name}.so.{version}", folder / f"{name}.so.{version}")
    return folder / ICUDATA.name


def run_icu_checks(folder: Path) -> tuple[list[str], dict, str]:
    """bundle_check.icu_checks in a fresh process on the ICU in ``folder``; also which
    libicudata that process mapped."""
    code = (f"import json, sys; sys.path.insert(0, {str(PACKAGING)!r})\n"
            "from pathlib import Path\nfrom bundle_check import icu_checks\n"
            f"problems, seen = icu_checks(Path({str(folder)!r}))\n"
            "maps = [l.split()[-1] for l in open('/proc/self/maps') if 'libicudata' in l]\n"
            "print(json.dumps([problems, seen, maps[0]]))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 0, done.stderr
    problems, seen, mapped = json.loads(done.stdout)
    return problems, seen, mapped


def test_the_package_is_written_back_byte_for_byte() -> None:
    assert ICUDATA is not None
    elf = ICUDATA.read_bytes()
    _name, _sym, start, size = find_data(elf)
    header, items = read_package(elf[start:start + size])
    assert len(items) > 3000 and ("icudt" + ICUDATA.name.split(".so.")[1] + "l/nl.res"
                                  in dict(items))
    again = write_package(header, items)
    assert again == elf[start:start + size]
    assert replace_data(elf, again) == elf        # the same package: the same file


def test_the_trimmed_library_still_speaks_dutch_and_english(tmp_path: Path) -> None:
    assert ICUDATA is not None
    trimmed = icu_copy(tmp_path / "icu")
    before, after = trim_library(ICUDATA, trimmed)
    assert before == ICUDATA.stat().st_size and after == trimmed.stat().st_size
    assert before > 25 * 2**20 and after < 8 * 2**20, (before, after)
    problems, seen, mapped = run_icu_checks(trimmed.parent)
    assert mapped == str(trimmed)                 # the trimmed library is the one in use
    assert problems == []
    assert seen["date nl_NL"] == "dinsdag 8 december 2026"
    assert seen["number nl_NL"] == "1.234.567,5"
    assert seen["ICU sorts"] == ["Ábc", "appel", "Éclair", "één", "eend", "IJs", "ijzer",
                                 "zebra", "Zweden"]


def test_without_the_dutch_items_the_checks_fail(tmp_path: Path) -> None:
    assert ICUDATA is not None
    lib = icu_copy(tmp_path / "icu")
    elf = ICUDATA.read_bytes()
    _name, _sym, start, size = find_data(elf)
    header, items = read_package(elf[start:start + size])

    def dutch(name: str) -> bool:
        return name.split("/")[-1].startswith(("nl.", "nl_"))

    no_dutch = [(n, d) for n, d in items if wanted(n.split("/", 1)[1]) and not dutch(n)]
    lib.write_bytes(replace_data(elf, write_package(header, no_dutch)))
    problems, seen, _mapped = run_icu_checks(lib.parent)
    # ICU falls back to another locale's formats; English stays as it was
    assert seen["date nl_NL"] != "dinsdag 8 december 2026"
    assert sorted(p.split(" as ")[0] for p in problems) == [
        "ICU formats (2026, 12, 8) in nl_NL", "ICU formats 1234567.5 in nl_NL"], problems


def test_what_stays_and_what_goes() -> None:
    stays = ["root.res", "nl.res", "nl_BE.res", "en_GB.res", "en_150.res", "coll/nl.res",
             "coll/root.res", "coll/ucadata.icu", "res_index.res", "pool.res", "curr/pool.res",
             "brkitr/word.brk", "brkitr/root.res", "zoneinfo64.res", "unames.icu", "nfkc.nrm",
             "ibm-5348_P100-1997.cnv", "cnvalias.icu", "supplementalData.res", "likelySubtags.res"]
    goes = ["fr.res", "zh_Hant_TW.res", "coll/zh.res", "brkitr/cjdict.dict",
            "brkitr/thaidict.dict", "gb18030.cnv", "ibm-943_P130-1999.cnv", "lang/de.res",
            "zone/ja.res", "unit/fy.res"]
    assert [w for w in stays if not wanted(w)] == []
    assert [g for g in goes if wanted(g)] == []


def test_a_file_of_another_shape_is_left_alone(tmp_path: Path) -> None:
    odd = tmp_path / "libicudata.so.99"
    odd.write_bytes(b"\x7fELF\x02\x01" + b"\0" * 200)
    with pytest.raises(LayoutError):
        trim_library(odd)
    assert odd.read_bytes() == b"\x7fELF\x02\x01" + b"\0" * 200
    with pytest.raises(LayoutError):
        read_package(b"not a package" * 10)
