"""packaging/strip_libs.py: the bundle's libraries lose their symbol tables, and a library that
strip breaks (the loader would refuse it) is put back as it was; the libraries a library links
are read from its dynamic section (packaging/smoke.py checks the bundle holds them)."""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from strip_libs import has_symbol_table, misaligned_segments, needed_libraries, strip_folder

STRIP = shutil.which("strip")


def library_with_symbols() -> Path | None:
    """One of this Python's own extension modules that still has its symbol table."""
    folder = Path(sysconfig.get_config_var("DESTSHARED") or "")
    for path in sorted(folder.glob("*.so")):
        if has_symbol_table(path.read_bytes()):
            return path
    return None


LIB = library_with_symbols() if sys.platform.startswith("linux") else None
needs_one = pytest.mark.skipif(STRIP is None or LIB is None,
                               reason="needs GNU strip and an extension module with symbols")


@needs_one
def test_a_library_with_symbols_is_stripped_and_still_loads(tmp_path: Path) -> None:
    assert LIB is not None
    copy = tmp_path / "lib" / LIB.name
    copy.parent.mkdir()
    shutil.copy2(LIB, copy)
    before, after, put_back = strip_folder(tmp_path)
    assert put_back == [] and before == LIB.stat().st_size and 0 < after < before
    data = copy.read_bytes()
    assert not has_symbol_table(data) and misaligned_segments(data) == []
    name = LIB.name.split(".")[0]
    loads = (f"import importlib.util as u; s = u.spec_from_file_location({name!r}, {str(copy)!r});"
             "m = u.module_from_spec(s); s.loader.exec_module(m); print(m.__name__)")
    done = subprocess.run([sys.executable, "-c", loads], capture_output=True, text=True)
    assert done.returncode == 0 and done.stdout.strip() == name, done.stderr


# What GNU strip did to PySide6's FFmpeg libraries, in small: the first loadable segment's
# file offset moves by 8 bytes while its address stays.
BREAKS_ALIGNMENT = r'''#!{python}
import struct, sys
path = sys.argv[-1]
data = bytearray(open(path, "rb").read())
phoff, = struct.unpack_from("<Q", data, 32)
size, count = struct.unpack_from("<HH", data, 54)
for i in range(count):
    at = phoff + i * size
    if struct.unpack_from("<I", data, at)[0] == 1:
        offset, = struct.unpack_from("<Q", data, at + 8)
        struct.pack_into("<Q", data, at + 8, offset + 8)
        break
open(path, "wb").write(bytes(data[:len(data) - 100]))
'''


@needs_one
def test_a_library_that_strip_breaks_is_put_back(tmp_path: Path) -> None:
    assert LIB is not None
    copy = tmp_path / LIB.name
    shutil.copy2(LIB, copy)
    bad_strip = tmp_path / "strip"
    bad_strip.write_text(BREAKS_ALIGNMENT.format(python=sys.executable))
    bad_strip.chmod(0o755)
    _before, _after, put_back = strip_folder(tmp_path, strip=str(bad_strip))
    assert put_back == [copy]
    assert copy.read_bytes() == LIB.read_bytes()     # as it was, so it still loads


def test_the_alignment_check_finds_a_moved_segment() -> None:
    # a minimal ELF64 header with one program header: PT_LOAD at offset 0x1008, address 0x1000
    header = bytearray(64)
    header[:6] = b"\x7fELF\x02\x01"
    struct.pack_into("<Q", header, 32, 64)           # program headers right after the header
    struct.pack_into("<HH", header, 54, 56, 1)
    segment = struct.pack("<IIQQQQQQ", 1, 5, 0x1008, 0x1000, 0x1000, 16, 16, 0x1000)
    assert misaligned_segments(bytes(header) + segment) == [0]
    aligned = struct.pack("<IIQQQQQQ", 1, 5, 0x1000, 0x1000, 0x1000, 16, 16, 0x1000)
    assert misaligned_segments(bytes(header) + aligned) == []
    assert not has_symbol_table(bytes(header) + aligned)   # no sections at all


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="ELF libraries")
def test_the_libraries_a_library_links_are_read_from_it() -> None:
    import PySide6
    from PySide6 import QtCore

    # PySide6's binding of Qt Core links Qt Core itself and the Python binding's runtime
    linked = needed_libraries(Path(QtCore.__file__).read_bytes())
    assert "libQt6Core.so.6" in linked and any(n.startswith("libshiboken6") for n in linked)
    # the same list readelf gives, in the same order
    readelf = shutil.which("readelf")
    lib = Path(PySide6.__file__).parent / "Qt" / "lib" / "libQt6Gui.so.6"
    if readelf and lib.is_file():
        out = subprocess.run([readelf, "-d", str(lib)], capture_output=True, text=True).stdout
        listed = [line.split("[", 1)[1].rstrip("]") for line in out.splitlines()
                  if "(NEEDED)" in line]
        assert needed_libraries(lib.read_bytes()) == listed and "libQt6Core.so.6" in listed
    assert needed_libraries(b"not an ELF file at all, just text" * 4) == []
