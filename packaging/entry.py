"""Entry point of the frozen bundle: ``bliq-kiosk [options]`` runs the kiosk and
``bliq-kiosk supervise [options]`` runs it under the watchdog (``kiosk.ops.watchdog``);
``bliq-studio [PACK]`` (the same program under another name) opens the organisers' studio;
``bliq-kiosk speech-engine …`` is read-aloud's engine process, which the kiosk starts itself;
``bliq-kiosk bundle-check`` checks the parts the bundle trims (packaging/bundle_check.py)."""
import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["speech-engine"]:
        # read-aloud's engine, a child of the kiosk (kiosk.media.speech): Qt's speech and no more
        from kiosk.media.speech_engine import main as speech_engine

        sys.exit(speech_engine(sys.argv[2:]))
    if sys.argv[1:2] == ["bundle-check"]:
        # packaging/smoke.py's look inside the bundle: ICU in Dutch, sound, pictures
        from bundle_check import main as bundle_check

        sys.exit(bundle_check(sys.argv[2:]))
    from pathlib import Path

    from kiosk.cli import SUBCOMMANDS

    first = sys.argv[1] if len(sys.argv) > 1 else ""
    if Path(sys.argv[0]).stem.lower().startswith("bliq-studio") and first not in SUBCOMMANDS:
        # (the studio runs kiosk tools and the preview through its own executable: those keep
        # their subcommand, 'add-videos …' or 'run …')
        # the same bundle as the organisers' studio: bliq-studio[.exe] [PACK]
        from kiosk.studio import main as studio

        sys.exit(studio(sys.argv[1:]))
    if sys.argv[1:2] == ["supervise"]:
        from kiosk.ops.watchdog import main as supervise

        sys.exit(supervise(sys.argv[2:]))
    from kiosk.app import main

    main()
