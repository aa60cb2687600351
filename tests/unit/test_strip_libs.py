"""packaging/strip_libs.py: the bundle's libraries lose their symbol tables, and a library that
strip breaks (the loader would refuse it) is put back as it was; the libraries a library links
are read from its dynamic section (packaging/smoke.py checks the bundle holds them); a second
copy of a library becomes a link to the first."""
from __future__ import annotations

import shutil
import struct
import subprocess
import sys
import sysconfig
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "packaging"))
from strip_libs import (exported_symbols, has_symbol_table, link_duplicates, misaligned_segments,
                        needed_libraries, strip_folder)

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


def _pillow_xau() -> Path | None:
    try:
        import PIL
    except ImportError:
        return None
    return next((Path(PIL.__file__).parent.parent / "pillow.libs").glob("libXau-*.so*"), None)


def _system_xau() -> Path | None:
    return next((p for p in (Path("/usr/lib/x86_64-linux-gnu/libXau.so.6"),
                             Path("/usr/lib/aarch64-linux-gnu/libXau.so.6"),
                             Path("/usr/lib64/libXau.so.6")) if p.is_file()), None)


def test_a_library_exports_what_it_defines() -> None:
    import _bisect

    # an extension module defines exactly its init function for others
    assert exported_symbols(Path(_bisect.__file__).read_bytes()) == {"PyInit__bisect"}
    assert exported_symbols(b"no ELF here" * 10) == set()


@pytest.mark.skipif(_pillow_xau() is None or _system_xau() is None,
                    reason="needs Pillow's wheel copy of libXau and the system's libXau")
def test_second_copies_become_links_and_still_load(tmp_path: Path) -> None:
    import ctypes
    import _bisect

    wheel, system = _pillow_xau(), _system_xau()
    assert wheel is not None and system is not None
    # the bundle's layout: system libraries at the top, a wheel's copies in <name>.libs/
    shutil.copy2(system, tmp_path / "libXau.so.6")
    (tmp_path / "pillow.libs").mkdir()
    shutil.copy2(wheel, tmp_path / "pillow.libs" / wheel.name)
    ext = Path(_bisect.__file__)
    shutil.copy2(ext, tmp_path / "libsame.so.1")
    shutil.copy2(ext, tmp_path / "libsame.so.1.0")          # the same bytes under two names
    (tmp_path / "other.libs").mkdir()                          # a wheel's libXau that is not
    shutil.copy2(ext, tmp_path / "other.libs" / "libXau-0123abcd.so.6.0.0")  # really libXau
    saved, linked = link_duplicates(tmp_path)
    assert sorted((str(a.relative_to(tmp_path)), str(b.relative_to(tmp_path)))
                  for a, b in linked) == [("libsame.so.1.0", "libsame.so.1"),
                                          (f"pillow.libs/{wheel.name}", "libXau.so.6")]
    assert saved == wheel.stat().st_size + ext.stat().st_size
    link = tmp_path / "pillow.libs" / wheel.name
    assert link.is_symlink() and str(link.readlink()) == "../libXau.so.6"
    assert not (tmp_path / "other.libs" / "libXau-0123abcd.so.6.0.0").is_symlink()
    # what the wheel's libxcb calls is there through the link
    assert ctypes.CDLL(str(link)).XauGetBestAuthByAddr is not None
