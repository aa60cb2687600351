"""A smaller ICU data library for the bundle: Dutch, English and language-neutral data only.

    python packaging/icu_data.py LIBICUDATA [OUT]     (packaging/kiosk.spec runs it on Linux)

Qt Core links ICU (libicuuc, libicui18n and libicudata; PySide6 ships ICU 73). libicudata is
one exported array, ``icudt73_dat``: ICU's data package (format "CmnD"), a table of contents and
~3,900 items. Most are other languages' names of months, currencies, languages, regions and
units, their collation rules, Chinese/Japanese/Thai/Lao/Khmer/Burmese word dictionaries and
~200 legacy character-set tables (30.6 MB in all). The kiosk and the studio speak Dutch and
English; Qt asks ICU to sort (QCollator), change case by locale and convert legacy encodings.

What stays: every language-neutral item (the root locale, the Unicode collation table,
normalisation, character names, break rules, time zones, plural and currency data, likely
subtags), every Dutch and English locale's items (``nl``, ``nl_BE``, ``en_GB``, ``en_150`` …), and
the Western European character sets (Windows-1252, ISO-8859-15, DOS 437/850/858, Mac Roman).
What goes: the other languages' locale items, the word dictionaries and the other character
sets. A locale without data falls back to root, as ICU always does for an unknown locale.

The library is rewritten without a compiler: the package is rebuilt in ICU's own layout and put
where the old one was in the ELF file, and the file's later parts (the dynamic section, section
headers) move up with their addresses; anything unexpected in the file leaves it untouched.
``bliq-kiosk bundle-check`` (packaging/bundle_check.py) proves it in the bundle: a Dutch date
and number formatted by ICU, Dutch words sorted, a Dutch sentence split into words.
"""
from __future__ import annotations

import re
import struct
import sys
from pathlib import Path

KEEP_LANGUAGES = ("nl", "en")
# Western European legacy character sets ICU converts (Qt's QStringDecoder for names it does
# not handle itself): Windows-1252 (two tables), ISO-8859-15, DOS 437, 850 and 858, Mac Roman
KEEP_CONVERTERS = {"ibm-5348_P100-1997", "ibm-1252_P100-2000", "ibm-923_P100-1998",
                   "ibm-437_P100-1995", "ibm-850_P100-1995", "ibm-858_P100-1997",
                   "macos-0_2-10.2"}
# A locale's item: language (2-3 letters), then script/region/variant parts (``res_index`` is
# the one item of that shape that is not a locale: the list of locales)
_LOCALE_ITEM = re.compile(r"([a-z]{2,3})(?:_[A-Za-z0-9]+)*\.res")

_ALIGN = 16  # ICU aligns every item to 16 bytes
SHT_DYNSYM, PT_LOAD, PT_DYNAMIC = 11, 1, 2
# dynamic-section tags whose value is an address in the file's memory image
_ADDRESS_TAGS = {3, 4, 5, 6, 7, 12, 13, 17, 23, 25, 26, 32, 0x6FFFFEF5, 0x6FFFFFF0,
                 0x6FFFFFFC, 0x6FFFFFFE}
_RELOCATION_TAGS = {7, 17, 23}  # DT_RELA, DT_REL, DT_JMPREL


class LayoutError(ValueError):
    """The library is not laid out as expected; it is left as it is."""


def wanted(item: str) -> bool:
    """Whether a package item (``coll/nl.res``, ``brkitr/cjdict.dict``, ``gb18030.cnv`` …) stays."""
    base = item.rsplit("/", 1)[-1]
    if base.endswith(".cnv"):
        return base[:-4] in KEEP_CONVERTERS
    if base.endswith(".dict"):
        return False
    locale = _LOCALE_ITEM.fullmatch(base)
    if locale and base != "res_index.res":
        return locale.group(1) in KEEP_LANGUAGES
    return True


def read_package(package: bytes) -> tuple[bytes, list[tuple[str, bytes]]]:
    """(header, [(name, item bytes)]) of an ICU common data package (little-endian "CmnD")."""
    if len(package) < 32:
        raise LayoutError("too short for an ICU data package")
    header_size, magic1, magic2 = struct.unpack_from("<HBB", package, 0)
    if (magic1, magic2) != (0xDA, 0x27) or package[12:16] != b"CmnD" or package[8] != 0:
        raise LayoutError("not a little-endian ICU common data package")
    count, = struct.unpack_from("<I", package, header_size)
    entries = [struct.unpack_from("<II", package, header_size + 4 + 8 * i) for i in range(count)]
    starts = [header_size + data for _name, data in entries] + [len(package)]
    items = []
    for i, (name_at, _data) in enumerate(entries):
        at = header_size + name_at
        name = package[at:package.index(b"\0", at)].decode("ascii")
        items.append((name, package[starts[i]:starts[i + 1]]))
    return package[:header_size], items


def write_package(header: bytes, items: list[tuple[str, bytes]]) -> bytes:
    """An ICU common data package in ICU's layout: the header, the table of contents (item
    count, then name and data offsets from the table's start), the names, then each item at a
    16-byte boundary, padded with 0xAA as ICU pads (names sorted: ICU finds items by binary
    search). With every item of a package this gives back the same bytes."""
    items = sorted(items)
    names = b"".join(name.encode("ascii") + b"\0" for name, _data in items)
    toc = 4 + 8 * len(items)
    first = toc + len(names)
    first += -(len(header) + first) % _ALIGN
    entries, body, name_at = [], bytearray(), toc
    for name, data in items:
        entries.append(struct.pack("<II", name_at, first + len(body)))
        name_at += len(name) + 1
        body += data + b"\xaa" * (-len(data) % _ALIGN)
    table = struct.pack("<I", len(items)) + b"".join(entries) + names
    table += b"\xaa" * (first - len(table))
    return header + table + bytes(body)


def _sections(elf: bytes) -> list[list[int]]:
    shoff, = struct.unpack_from("<Q", elf, 40)
    shentsize, shnum = struct.unpack_from("<HH", elf, 58)
    # name, type, flags, addr, offset, size, link, info, addralign, entsize
    return [list(struct.unpack_from("<IIQQQQIIQQ", elf, shoff + i * shentsize))
            for i in range(shnum)]


def _segments(elf: bytes) -> list[list[int]]:
    phoff, = struct.unpack_from("<Q", elf, 32)
    phentsize, phnum = struct.unpack_from("<HH", elf, 54)
    # type, flags, offset, vaddr, paddr, filesz, memsz, align
    return [list(struct.unpack_from("<IIQQQQQQ", elf, phoff + i * phentsize))
            for i in range(phnum)]


def find_data(elf: bytes) -> tuple[str, int, int, int]:
    """(symbol name, its .dynsym entry's file offset, data file offset, data size) of the
    ``icudtNN_dat`` array in a libicudata."""
    if elf[:6] != b"\x7fELF\x02\x01":
        raise LayoutError("not a 64-bit little-endian ELF file")
    sections = _sections(elf)
    for _name, kind, _flags, _addr, offset, size, link, _info, _align, entsize in sections:
        if kind != SHT_DYNSYM or not entsize:
            continue
        strings = sections[link][4]
        for at in range(offset, offset + size, entsize):
            st_name, _st_info, _other, shndx, value, st_size = struct.unpack_from(
                "<IBBHQQ", elf, at)
            name = elf[strings + st_name:elf.index(b"\0", strings + st_name)].decode("ascii")
            if re.fullmatch(r"icudt\d+_dat", name) and shndx:
                for seg in _segments(elf):
                    if seg[0] == PT_LOAD and seg[3] <= value < seg[3] + seg[5]:
                        return name, at, seg[2] + value - seg[3], st_size
    raise LayoutError("no icudtNN_dat array in the library")


def replace_data(elf: bytes, package: bytes) -> bytes:
    """The library with its data array replaced by ``package``. The array must end its loadable
    segment (as in ICU's and Qt's builds); what follows it in the file moves by the change in
    size, and with it the addresses of what follows it in memory (offset and address keep their
    difference, so the loader's page alignment holds)."""
    _name, sym_at, start, size = find_data(elf)
    if size % _ALIGN:
        raise LayoutError("the data array's size is not a multiple of 16")
    package += b"\0" * (-len(package) % _ALIGN)
    end, delta = start + size, len(package) - size
    out = bytearray(elf[:start] + package + elf[end:])
    shoff, = struct.unpack_from("<Q", elf, 40)
    # ELF header: where the section headers now are
    struct.pack_into("<Q", out, 40, shoff + delta if shoff >= end else shoff)
    # program headers (in the first page, before the data: they do not move)
    phoff, = struct.unpack_from("<Q", elf, 32)
    phentsize, _phnum = struct.unpack_from("<HH", elf, 54)
    moved_from = None  # the first address after the data, in memory
    for i, seg in enumerate(_segments(elf)):
        kind, flags, offset, vaddr, paddr, filesz, memsz, align = seg
        if offset <= start and end <= offset + filesz and kind == PT_LOAD:
            if end != offset + filesz or memsz != filesz:
                raise LayoutError("the data array does not end its segment")
            filesz, memsz = filesz + delta, memsz + delta
            moved_from = vaddr + (end - offset)
        elif offset >= end:
            offset, vaddr, paddr = offset + delta, vaddr + delta, paddr + delta
        elif offset + filesz > start:
            raise LayoutError("a segment overlaps the data array")
        struct.pack_into("<IIQQQQQQ", out, phoff + i * phentsize, kind, flags, offset, vaddr,
                         paddr, filesz, memsz, align)
    if moved_from is None:
        raise LayoutError("the data array is in no loadable segment")
    # section headers: later sections move, the one holding the array changes size
    new_shoff, = struct.unpack_from("<Q", out, 40)
    shentsize, _shnum = struct.unpack_from("<HH", elf, 58)
    for i, sec in enumerate(_sections(elf)):
        if sec[4] >= end and sec[1] != 8:            # (8: NOBITS, no bytes in the file)
            sec[4] += delta
            sec[3] = sec[3] + delta if sec[3] else 0
        elif sec[4] <= start and end <= sec[4] + sec[5]:
            sec[5] += delta
        struct.pack_into("<IIQQQQIIQQ", out, new_shoff + i * shentsize, *sec)
    # the dynamic section's addresses of what moved (in this library: none but itself)
    for seg in _segments(bytes(out)):
        if seg[0] != PT_DYNAMIC:
            continue
        for at in range(seg[2], seg[2] + seg[5] - 15, 16):
            tag, value = struct.unpack_from("<qQ", out, at)
            if tag in _RELOCATION_TAGS:
                raise LayoutError("the library has relocations")
            if tag in _ADDRESS_TAGS and value >= moved_from:
                struct.pack_into("<qQ", out, at, tag, value + delta)
    # the symbol's size
    st_name, st_info, other, shndx, value, _size = struct.unpack_from("<IBBHQQ", elf, sym_at)
    struct.pack_into("<IBBHQQ", out, sym_at, st_name, st_info, other, shndx, value,
                     len(package))
    return bytes(out)


def trim_library(path: Path, out: Path | None = None) -> tuple[int, int]:
    """Rewrite the libicudata at ``path`` (to ``out``, else in place) with only the data that
    stays; (bytes before, bytes after). LayoutError leaves the file as it was."""
    elf = path.read_bytes()
    _name, _sym, start, size = find_data(elf)
    header, items = read_package(elf[start:start + size])
    kept = [(name, data) for name, data in items if wanted(name.split("/", 1)[-1])]
    smaller = replace_data(elf, write_package(header, kept))
    # read back: the same array, at the same place, that ICU will see
    _name2, _sym2, start2, size2 = find_data(smaller)
    if read_package(smaller[start2:start2 + size2])[1] != sorted(kept):
        raise LayoutError("the rewritten library does not read back")
    (out or path).write_bytes(smaller)
    return len(elf), len(smaller)


if __name__ == "__main__":
    target = Path(sys.argv[2]) if len(sys.argv) > 2 else None
    before, after = trim_library(Path(sys.argv[1]), target)
    print(f"ICU data: {before / 2**20:.1f} -> {after / 2**20:.1f} MB")
