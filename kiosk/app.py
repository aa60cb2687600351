"""Builds and wires the kiosk, then runs the event loop.

``build(argv)`` makes everything without entering the loop (tests use it); ``main()`` is
``build(sys.argv[1:])`` plus the loop. Nothing here decides visitor behaviour: that is
``kiosk.core.flow``; QML only shows.
"""
from __future__ import annotations

import logging
import logging.handlers
import os
import secrets
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from types import TracebackType
from typing import Any

from kiosk import paths
from kiosk.cli import UsageError, is_tool, parse_run_args, run_tool
from kiosk.config import DEFAULT, Config

log = logging.getLogger("kiosk")


class StartupError(Exception):
    """The kiosk cannot start; the message is one line saying what is wrong and what to do."""


@dataclass
class KioskApp:
    """Everything ``build`` made; tests reach the UI through ``window`` and ``controller``."""

    qapp: Any
    engine: Any
    window: Any
    controller: Any
    store: Any
    pack: Any
    config: Config
    data_dir: Path
    db_path: Path
    heartbeat: Any = None
    _closers: list[Any] = field(default_factory=list)

    def close(self) -> None:
        """Tear down in order: UI first, then flush the event log."""
        for closer in reversed(self._closers):
            try:
                closer()
            except Exception:  # noqa: BLE001 - teardown must go on
                log.exception("error while closing")
        self._closers.clear()


def _prepare_data_dir(path: Path) -> Path:
    try:
        path.mkdir(parents=True, exist_ok=True)
        probe = path / ".write-test"
        probe.write_text("ok")
        probe.unlink()
    except OSError as exc:
        raise StartupError(
            f"cannot write to data dir {path}: {exc.strerror or exc} "
            "(choose another with --data DIR)") from None
    return path


def _setup_logging(data_dir: Path, config: Config) -> None:
    root = logging.getLogger("kiosk")
    for handler in list(root.handlers):
        if getattr(handler, "_kiosk", False):
            root.removeHandler(handler)
            handler.close()
    handler = logging.handlers.RotatingFileHandler(
        data_dir / config.log_filename, maxBytes=config.log_max_bytes,
        backupCount=config.log_backups, encoding="utf-8")
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    handler._kiosk = True  # type: ignore[attr-defined]
    root.addHandler(handler)
    root.setLevel(logging.INFO)


def _kiosk_id(data_dir: Path, config: Config) -> str:
    """A random id for this kiosk (not for a person), so merged databases stay apart."""
    path = data_dir / config.kiosk_id_filename
    try:
        existing = path.read_text(encoding="ascii").strip()
        if existing.isalnum() and 4 <= len(existing) <= 32:
            return existing
    except (OSError, UnicodeDecodeError):
        pass
    new = "k" + secrets.token_hex(6)
    path.write_text(new + "\n", encoding="ascii")
    return new


def _load_pack(content: Path) -> Any:
    from kiosk.core.content import PackError, load_pack

    if not content.is_dir():
        raise StartupError(f"content pack {content} is not a folder (use --content DIR)")
    try:
        return load_pack(content)
    except PackError as exc:
        raise StartupError(f"content pack {content}: {exc}") from None


def _pick_event(pack: Any, event_id: str | None) -> Any:
    if not pack.events:
        raise StartupError(f"pack {pack.root} has no usable event in events/: without one the "
                           "admin PIN is unknown and nobody could close the kiosk "
                           "(add events/<id>.toml; 'kiosk check' says what is wrong)")
    chosen = event_id or pack.default_event
    if chosen is None:
        return next(iter(pack.events.values()))
    if chosen not in pack.events:
        known = ", ".join(sorted(pack.events)) or "none"
        raise StartupError(f"event '{chosen}' is not in pack {pack.root} (events: {known}); "
                           "use --event ID")
    return pack.events[chosen]


def _ensure_qapp() -> Any:
    from PySide6.QtWidgets import QApplication

    qapp = QApplication.instance()
    if qapp is None:
        # QtCharts in QML needs the widgets application (DESIGN.md §7).
        qapp = QApplication([sys.argv[0] if sys.argv else "kiosk"])
    qapp.setApplicationName("BLIQ Kiosk")
    qapp.setOrganizationName("BLIQ")
    return qapp


def _install_excepthook(app_ref: dict[str, Any]) -> Any:
    """An exception anywhere is logged and the kiosk goes back to attract; no dialog, no traceback.

    Returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        controller = app_ref.get("controller")
        if controller is not None:
            try:
                controller.recoverFromError()
            except Exception:  # noqa: BLE001
                log.exception("recovery after an exception failed")
        if os.environ.get("KIOSK_RERAISE") == "1":
            previous(kind, exc, tb)

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def build(argv: list[str] | None = None, config: Config = DEFAULT) -> KioskApp:
    """Build the whole kiosk from command-line style arguments, without entering the event loop."""
    try:
        args = parse_run_args(argv or [])
    except UsageError as exc:
        raise StartupError(str(exc)) from None
    if args.lang:
        config = config.with_(default_language=args.lang)

    data_dir = _prepare_data_dir(args.data or paths.default_data_dir())
    _setup_logging(data_dir, config)
    pack = _load_pack(args.content or paths.sample_pack())
    event = _pick_event(pack, args.event)

    from kiosk.storage.db import DatabaseError
    from kiosk.storage.events import EventStore

    db_path = data_dir / config.db_filename
    try:
        store = EventStore(db_path, _kiosk_id(data_dir, config), config)
    except DatabaseError as exc:
        raise StartupError(str(exc)) from None
    if store.moved_aside is not None:
        log.warning("the database was damaged; kept it as %s and started a fresh one",
                    store.moved_aside)
    store.event_id = event.id if event is not None else None

    qapp = _ensure_qapp()
    from kiosk.ui.window import create_window

    app_ref: dict[str, Any] = {}
    restore_hook = _install_excepthook(app_ref)
    engine, window, controller = create_window(
        qapp, pack=pack, event=event, store=store, config=config,
        size=args.size, windowed=args.windowed, data_dir=data_dir, idle_timeout_s=args.idle_timeout)
    app_ref["controller"] = controller
    controller.restarts_file = data_dir / config.restarts_filename
    app = KioskApp(qapp=qapp, engine=engine, window=window, controller=controller, store=store,
                   pack=pack, config=config, data_dir=data_dir, db_path=db_path)
    # closers run last-first: the window closes, the session ends, then the log is flushed
    app._closers += [store.close, restore_hook, lambda: _dispose(engine), window.close,
                     window._playback.shutdown, controller.shutdown, window._thumbs.stop]
    from kiosk.heartbeat import start_heartbeat

    app.heartbeat = start_heartbeat(data_dir=data_dir, config=config, controller=controller,
                                    window=window, qapp=qapp, store=store)
    app._closers.append(app.heartbeat.stop)
    player = window._playback.player
    player.stateChanged.connect(lambda state: app.heartbeat.set_playing(state == "playing"))
    player.framePresented.connect(app.heartbeat.note_frame)
    store.record("kiosk_started")
    log.info("kiosk started: pack=%s event=%s data=%s", pack.id,
             event.id if event else None, data_dir)
    return app


def _dispose(engine: Any) -> None:
    """Delete the QML engine now, before Python drops the objects its bindings read."""
    from PySide6.QtCore import QCoreApplication, QEvent

    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``python main.py`` and ``kiosk``."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["supervise"]:  # the watchdog: runs the kiosk as a child and restarts it
        from kiosk import watchdog

        sys.exit(watchdog.main(argv[1:]))
    try:
        if is_tool(argv):
            sys.exit(run_tool(argv))
        app = build(argv)
    except (StartupError, UsageError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        sys.exit(2)
    started = time.monotonic()
    code = app.qapp.exec()
    log.info("kiosk stopped after %.0f s (exit %s)", time.monotonic() - started, code)
    app.close()
    sys.exit(code)
