"""Entry point of the frozen bundle: ``bliq-kiosk [options]`` runs the kiosk and
``bliq-kiosk supervise [options]`` runs it under the watchdog (``kiosk.watchdog``)."""
import sys

if __name__ == "__main__":
    if sys.argv[1:2] == ["supervise"]:
        from kiosk.watchdog import main as supervise

        sys.exit(supervise(sys.argv[2:]))
    from kiosk.app import main

    main()
