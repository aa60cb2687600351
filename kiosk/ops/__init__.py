"""Keeping the kiosk running: the log and clean stop (process), the heartbeat, the
supervisor (watchdog) and the files it shares with the kiosk, the memory policy.
watchdog, supervisor_files and memory import no Qt: the supervisor must outlive Qt."""
