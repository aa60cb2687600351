"""Every doc a file of the repository names is in the repository.

A maintainer who reads "see docs/setup.md" or a comment quoting a design page must be able to
open it: a reference to a ``.md`` file that is not here (the team's old briefs, a renamed page)
fails, and so does a relative link in a doc whose target is gone.
"""
from __future__ import annotations

import re
import subprocess
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# A name ending in .md that is not part of a longer word or of a URL's path.
_DOC_NAME = re.compile(r"(?<![\w/.\-])((?:\.{1,2}/|[\w\-]+/)*[\w\-.]*[\w\-]\.md)(?![\w/])")
_URL = re.compile(r"\b[a-z][a-z0-9+.\-]*://\S+", re.IGNORECASE)
_MD_LINK = re.compile(r"\]\(([^)\s]+)\)")
# Places outside the repository that files used to point to.
_OUTSIDE = re.compile(r"\.\./shared/|/work/shared")


def repository_files(root: Path) -> list[Path]:
    """The text files git would commit (tracked, and new ones not ignored)."""
    listed = subprocess.run(["git", "ls-files", "--cached", "--others", "--exclude-standard",
                             "-z"], cwd=root, capture_output=True, check=True).stdout
    files = []
    for name in sorted(set(listed.decode().split("\0")) - {""}):
        path = root / name
        if path.is_file():
            files.append(path)
    return files


def _text(path: Path) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except (UnicodeDecodeError, OSError):
        return None          # pictures, clips, compiled translations


def _exists(root: Path, referrer: Path, name: str) -> bool:
    """``name`` read from ``referrer``: relative to its folder, the root, or docs/."""
    name = name.split("#", 1)[0]
    bases = (referrer.parent, root, root / "docs")
    return any((base / name).exists() for base in bases)


def missing_docs(root: Path, files: list[Path]) -> list[str]:
    """``file:line: what`` for each named doc or linked file that is not in the repository."""
    problems = []
    for path in files:
        text = _text(path)
        if text is None:
            continue
        rel = path.relative_to(root)
        for number, line in enumerate(text.splitlines(), 1):
            if _OUTSIDE.search(line):
                problems.append(f"{rel}:{number}: points outside the repository: {line.strip()}")
            bare = _URL.sub(" ", line)
            for name in dict.fromkeys(_DOC_NAME.findall(bare)):
                if not _exists(root, path, name):
                    problems.append(f"{rel}:{number}: names {name}, which is not here")
            if path.suffix == ".md":
                for target in dict.fromkeys(_MD_LINK.findall(bare)):
                    if target.startswith(("#", "mailto:")) or "://" in target:
                        continue
                    if not _exists(root, path, target):
                        problems.append(f"{rel}:{number}: links to {target}, which is not here")
    return problems


def test_every_named_doc_is_in_the_repository() -> None:
    # This file names missing docs on purpose (its own check below).
    files = [p for p in repository_files(ROOT) if p != Path(__file__).resolve()]
    problems = missing_docs(ROOT, files)
    assert not problems, "\n".join(problems)


def test_a_missing_doc_is_found(tmp_path: Path) -> None:
    """The check itself: names that resolve pass, names that do not are each reported."""
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "design.md").write_text("See [the map](map.md) and [flow](#flow).\n")
    (tmp_path / "docs" / "map.md").write_text("Back to [design](design.md#flow).\n")
    gone = "DESIGN" + ".md"
    code = tmp_path / "code.py"
    code.write_text(f"# see docs/design.md §2 and {gone} §7\n"
                    "# https://example.org/CHANGES.md is a web page, not ours\n"
                    "# layout: ../shared/notes\n")
    broken = tmp_path / "docs" / "broken.md"
    broken.write_text("Read [the game](game.md) and [a picture](shots/home.png).\n")
    problems = missing_docs(tmp_path, [code, broken, tmp_path / "docs" / "design.md",
                                       tmp_path / "docs" / "map.md"])
    assert problems == [
        f"code.py:1: names {gone}, which is not here",
        "code.py:3: points outside the repository: # layout: ../shared/notes",
        "docs/broken.md:1: names game.md, which is not here",
        "docs/broken.md:1: links to game.md, which is not here",
        "docs/broken.md:1: links to shots/home.png, which is not here",
    ]
