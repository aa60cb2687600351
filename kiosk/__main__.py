"""``python -m kiosk``."""
from kiosk.app import main

main()
