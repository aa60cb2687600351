"""The one module that knows where things live: source checkout or frozen (PyInstaller) bundle."""
from __future__ import annotations

import sys
from collections.abc import Sequence
from pathlib import Path


def is_frozen() -> bool:
    """True when running from a PyInstaller bundle."""
    return bool(getattr(sys, "frozen", False))


def root() -> Path:
    """The folder that holds ``kiosk/``, ``assets/`` and ``episodes/``."""
    if is_frozen():
        return Path(getattr(sys, "_MEIPASS", Path(sys.executable).parent))
    return Path(__file__).resolve().parent.parent


def data_root() -> Path:
    """The folder that holds ``assets/`` and ``episodes/``: the checkout or bundle, or for a
    plain (not editable) ``pip install .`` the ``share/bliq-kiosk`` folder it installs."""
    here = root()
    if is_frozen() or (here / "episodes").is_dir():
        return here
    installed = Path(sys.prefix) / "share" / "bliq-kiosk"
    return installed if installed.is_dir() else here


def package_dir() -> Path:
    return root() / "kiosk"


def qml_dir() -> Path:
    return package_dir() / "ui" / "qml"


def i18n_dir() -> Path:
    return package_dir() / "i18n"


def assets_dir() -> Path:
    return data_root() / "assets"


def asset(*parts: str) -> Path:
    """Path of a bundled asset, e.g. ``asset("fonts", "Inter.ttf")``."""
    return assets_dir().joinpath(*parts)


def sample_pack() -> Path:
    """The sample content pack that ``python main.py`` shows."""
    return data_root() / "episodes"


def default_data_dir() -> Path:
    """Per-user data dir (database, log, kiosk id) from platformdirs."""
    from platformdirs import user_data_dir

    return Path(user_data_dir("bliq-kiosk", "BLIQ"))


def cache_dir() -> Path:
    """Per-user cache folder (what the tools can make again, e.g. a pack's titles)."""
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("bliq-kiosk", "BLIQ"))


def kiosk_command(kiosk_args: Sequence[str]) -> list[str]:
    """The command that starts the kiosk: the bundle's own executable, or ``python -m kiosk``."""
    if is_frozen():
        return [sys.executable, *kiosk_args]
    return [sys.executable, "-m", "kiosk", *kiosk_args]
