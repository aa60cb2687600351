"""A plain ``pip install .`` carries the sample pack and the assets (data-files in pyproject)."""
from __future__ import annotations

import tomllib
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_every_file_of_the_sample_pack_and_assets_is_installed() -> None:
    table = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
    data_files = table["tool"]["setuptools"]["data-files"]
    installed: set[str] = set()
    for target, patterns in data_files.items():
        assert target.startswith("share/bliq-kiosk/")
        for pattern in patterns:
            for path in REPO.glob(pattern):
                if path.is_file():
                    assert target == "share/bliq-kiosk/" + path.parent.relative_to(REPO).as_posix()
                    installed.add(path.relative_to(REPO).as_posix())
    wanted = {p.relative_to(REPO).as_posix() for folder in ("episodes", "assets")
              for p in (REPO / folder).rglob("*") if p.is_file()}
    assert sorted(wanted - installed) == []
