"""BLIQ Kiosk: a touchscreen kiosk for technical-career events."""

__version__ = "0.1.0"
