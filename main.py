"""Thin launcher: ``python main.py`` runs the kiosk on the sample pack."""
from kiosk.app import main

if __name__ == "__main__":
    main()
