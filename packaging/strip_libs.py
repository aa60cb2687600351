"""Strips the symbol tables from a bundle's libraries, where that is safe (Linux, macOS ELF only).

    python packaging/strip_libs.py dist/bliq-kiosk     (packaging/kiosk.spec runs it)

Only libraries that still carry a symbol table are stripped (libpython alone is 22 MB with it,
5 MB without): the rest were stripped by whoever built them. GNU strip rewrites a file's layout,
and on some libraries built elsewhere it leaves a loadable segment whose file offset and address
no longer agree modulo the page size; the loader then refuses the library ("ELF load command
address/offset not page-aligned": PySide6's FFmpeg libraries did, and the kiosk could not play).
So every stripped file is checked and put back as it was when it does not pass.
"""
from __future__ import annotations

import os
import shutil
import struct
import subprocess
import sys
from pathlib import Path

PAGE = 4096
SHT_SYMTAB = 2
PT_LOAD = 1


def _elf64(data: bytes) -> bool:
    return data[:4] == b"\x7fELF" and len(data) >= 64 and data[4] == 2 and data[5] == 1


def has_symbol_table(data: bytes) -> bool:
    """A 64-bit little-endian ELF file with a .symtab section (what strip removes)."""
    if not _elf64(data):
        return False
    shoff, = struct.unpack_from("<Q", data, 40)
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    for i in range(shnum):
        at = shoff + i * shentsize
        if at + 8 > len(data):
            return False
        if struct.unpack_from("<I", data, at + 4)[0] == SHT_SYMTAB:
            return True
    return False


def misaligned_segments(data: bytes) -> list[int]:
    """The loadable segments whose file offset and address differ modulo the page size (the
    loader refuses such a file)."""
    if not _elf64(data):
        return []
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    bad = []
    for i in range(phnum):
        p_type, _flags, offset, vaddr = struct.unpack_from("<IIQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD and offset % PAGE != vaddr % PAGE:
            bad.append(i)
    return bad


PT_DYNAMIC = 2
DT_NEEDED, DT_STRTAB = 1, 5


def _file_offset(data: bytes, address: int) -> int | None:
    """Where the loadable segment that maps ``address`` holds it in the file."""
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    for i in range(phnum):
        p_type, _flags, offset, vaddr, _paddr, filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize)
        if p_type == PT_LOAD and vaddr <= address < vaddr + filesz:
            return offset + address - vaddr
    return None


def needed_libraries(data: bytes) -> list[str]:
    """The libraries an ELF file links (its DT_NEEDED entries, what ``readelf -d`` lists)."""
    if not _elf64(data):
        return []
    phoff, = struct.unpack_from("<Q", data, 32)
    phentsize, phnum = struct.unpack_from("<HH", data, 54)
    dynamic = None
    for i in range(phnum):
        p_type, _flags, offset, _vaddr, _paddr, filesz = struct.unpack_from(
            "<IIQQQQ", data, phoff + i * phentsize)
        if p_type == PT_DYNAMIC:
            dynamic = (offset, filesz)
    if dynamic is None:
        return []
    entries = [struct.unpack_from("<qQ", data, dynamic[0] + at)
               for at in range(0, dynamic[1] - 15, 16)]
    strtab = next((value for tag, value in entries if tag == DT_STRTAB), None)
    table = _file_offset(data, strtab) if strtab is not None else None
    if table is None:
        return []
    names = []
    for tag, value in entries:
        if tag == DT_NEEDED:
            end = data.index(b"\0", table + value)
            names.append(data[table + value:end].decode("utf-8", "replace"))
    return names


SHT_DYNSYM = 11
# The linker's own markers, in every library's dynamic symbols
_LINKER_SYMBOLS = {"_edata", "_end", "__bss_start", "_init", "_fini"}


def exported_symbols(data: bytes) -> set[str]:
    """The functions and data an ELF library defines for others (its defined, non-local
    dynamic symbols, without the linker's markers)."""
    if not _elf64(data):
        return set()
    shoff, = struct.unpack_from("<Q", data, 40)
    shentsize, shnum = struct.unpack_from("<HH", data, 58)
    sections = [struct.unpack_from("<IIQQQQIIQQ", data, shoff + i * shentsize)
                for i in range(shnum)]
    names = set()
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != SHT_DYNSYM or not entsize:
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, st_info, _other, shndx, _value, _size = struct.unpack_from(
                "<IBBHQQ", data, at)
            if shndx and st_info >> 4 != 0:          # defined here, and global or weak
                end = data.index(b"\0", strings + st_name)
                names.add(data[strings + st_name:end].decode("utf-8", "replace"))
    return names - _LINKER_SYMBOLS


# Wheels' private copies of a system library (auditwheel names them libX-<hash>.so.N) that the
# bundle also holds as the system's own: X11's authorisation library (libXau, eight functions
# unchanged for decades) is 14 KB from Debian and 2 MB in Pillow's wheel (its segments were
# moved 2 MB apart when the wheel was repaired). Only these are replaced, and only when both
# define the same functions.
SHARED_WITH_SYSTEM = ("libXau",)


def link_duplicates(folder: Path) -> tuple[int, list[tuple[Path, Path]]]:
    """Replace second copies of a library by links to the first: files with the same bytes in
    one folder (libbz2.so.1 and libbz2.so.1.0), and a wheel's copy of a SHARED_WITH_SYSTEM
    library by the bundled system one. (bytes saved, [(link, what it points to)])."""
    saved, linked = 0, []
    seen: dict[tuple[Path, bytes], Path] = {}
    for path in sorted(folder.rglob("*.so*")):
        if path.is_symlink() or not path.is_file():
            continue
        key = (path.parent, path.read_bytes())
        if key in seen:
            linked.append((path, seen[key]))
        else:
            seen[key] = path
    for path in sorted(folder.rglob("*.libs/lib*-*.so*")):
        stem, _, rest = path.name.partition("-")
        major = rest.split(".so.", 1)[-1].split(".")[0]
        system = folder / f"{stem}.so.{major}"
        if path.is_symlink() or stem not in SHARED_WITH_SYSTEM or not system.is_file():
            continue
        mine, theirs = path.read_bytes(), system.read_bytes()
        if exported_symbols(mine) and exported_symbols(mine) == exported_symbols(theirs):
            linked.append((path, system))
    for link, target in linked:
        saved += link.stat().st_size
        link.unlink()
        link.symlink_to(os.path.relpath(target, link.parent))  # relative: the bundle moves
    return saved, linked


def strip_folder(folder: Path, strip: str | None = None) -> tuple[int, int, list[Path]]:
    """Strip every library under ``folder`` that has a symbol table; (bytes before, bytes
    after, files put back because stripping broke them)."""
    strip = strip or shutil.which("strip")
    before = after = 0
    kept: list[Path] = []
    if strip is None:
        return before, after, kept
    for path in sorted(folder.rglob("*")):
        if path.is_symlink() or not path.is_file() or ".so" not in path.name:
            continue
        original = path.read_bytes()
        if not has_symbol_table(original) or misaligned_segments(original):
            continue
        done = subprocess.run([strip, "--strip-unneeded", str(path)], capture_output=True,
                              check=False)
        stripped = path.read_bytes()
        if done.returncode != 0 or misaligned_segments(stripped) or not _elf64(stripped):
            path.write_bytes(original)
            kept.append(path)
            stripped = original
        before += len(original)
        after += len(stripped)
    return before, after, kept


if __name__ == "__main__":
    was, now, broken = strip_folder(Path(sys.argv[1]))
    print(f"stripped {was / 2**20:.1f} MB of libraries to {now / 2**20:.1f} MB"
          + (f"; left {len(broken)} as they were (strip broke them)" if broken else ""))
