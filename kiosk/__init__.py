"""BLIQ Kiosk: a touchscreen kiosk for technical-career events."""
import builtins

__version__ = "0.1.0"

# Python's own import, as it is before Qt loads: PySide6 replaces it with a hook (see
# kiosk.app.build, which puts this back once Qt is loaded).
PYTHON_IMPORT = builtins.__import__
