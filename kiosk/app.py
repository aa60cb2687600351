"""Builds and wires the kiosk, then runs the event loop.

``build(argv)`` makes everything without entering the loop (tests use it); ``main()`` is
``build(sys.argv[1:])`` plus the loop. Nothing here decides visitor behaviour: that is
``kiosk.visit.flow``; QML only shows.
"""
from __future__ import annotations

import datetime
import gc
import logging
import os
import sys
import time
from collections.abc import Callable
from contextlib import ExitStack
from dataclasses import field
from pathlib import Path
from types import TracebackType
from typing import TYPE_CHECKING, Any

from kiosk import paths
from kiosk.cli import UsageError, is_tool, parse_run_args, run_tool
from kiosk.config import DEFAULT, Config
from kiosk.core.files import prove_writable
from kiosk.ops.process import GracefulStop, SignalCatcher, setup_logging
from kiosk.records import record

if TYPE_CHECKING:  # Qt and the pack load only when a kiosk is built, not for the CLI tools
    import argparse

    from PySide6.QtQml import QQmlApplicationEngine
    from PySide6.QtQuick import QQuickWindow
    from PySide6.QtGui import QGuiApplication

    from kiosk.core.event_sink import HeldEvents
    from kiosk.pack.head import EventHead, PackHead
    from kiosk.pack.models import Event, Pack
    from kiosk.core.event_choice import EventChoice
    from kiosk.ops.heartbeat import Heartbeat
    from kiosk.media.facade import PlayerFacade
    from kiosk.media.thumbcache import ThumbnailMaker
    from kiosk.storage.events import EventStore
    from kiosk.ui.admin_panel import AdminPanel
    from kiosk.ui.controller import Controller
    from kiosk.ui.campaign_service import CampaignService
    from kiosk.ui.catalog import Catalog
    from kiosk.ui.companies import Companies
    from kiosk.ui.dashboard import Dashboard
    from kiosk.ui.game_bridge import GameBridge
    from kiosk.ui.playback import Playback
    from kiosk.ui.pulse_bridge import PulseBridge
    from kiosk.ui.parents_page import ParentsPage
    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.ui.render_mode import RenderMode
    from kiosk.ui.shown_codes import CodeCounter
    from kiosk.ui.kiosk_singleton import Kiosk
    from kiosk.ui.window import Lockdown, Translations

log = logging.getLogger("kiosk")



class StartupError(Exception):
    """The kiosk cannot start; the message is one line saying what is wrong and what to do."""


def _logged(step: Callable[[], object], what: str) -> Callable[[], None]:
    """``step`` for an ExitStack: an error is logged and the teardown goes on."""

    def run() -> None:
        try:
            step()
        except Exception:  # teardown must go on
            log.exception("error while closing %s", what)

    return run


@record
class FirstScreen:
    """What the first attract frame needs: the controller, the render mode and the window
    with Main.qml (``_first_screen``). The rest of the screens' parts join it after that frame
    (``_rest_of_screens``), or at once when the kiosk is not started first-frame-first."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    controller: Controller
    render: RenderMode
    translations: Translations
    lockdown: Lockdown
    exposed: Kiosk
    teardown: ExitStack
    from_head: bool   # made from the pack's head: the controller adopts the full pack later
    held: HeldEvents | None   # the controller's events until the event log is open
    # Teardown places kept for parts made later, so that everything closes in the order it
    # would if it had been made at once: playback stops after the visit ends; read-aloud, the
    # stills maker and admin's checks stop first of all.
    stop_playback: ExitStack = field(default_factory=ExitStack)
    stop_first: ExitStack = field(default_factory=ExitStack)


@record
class Screens:
    """The part of the kiosk made for one pack and event: the QML-facing objects, the player
    and the window. A pack switch closes it and makes a new one; the event log stays."""

    engine: QQmlApplicationEngine
    window: QQuickWindow
    controller: Controller
    catalog: Catalog
    companies: Companies
    game: GameBridge
    player: PlayerFacade
    playback: Playback
    codes: CodeCounter
    dashboard: Dashboard
    admin: AdminPanel
    thumbs: ThumbnailMaker
    lockdown: Lockdown
    translations: Translations
    render: RenderMode
    pulse: PulseBridge
    read_aloud: ReadAloud | None = None
    parents: ParentsPage | None = None
    teardown: ExitStack = field(default_factory=ExitStack)

    def close(self) -> None:
        """Stop making stills, end the visit, stop playing, close the window, drop the engine
        (the reverse of the order things were made in)."""
        self.teardown.close()


@record
class KioskApp:
    """Everything ``build`` made and owns; tests reach the parts through it, never through
    attributes of Qt objects."""

    qapp: QGuiApplication
    pack: Pack | PackHead   # the head (kiosk.pack.head) only until the first frame is drawn
    config: Config
    data_dir: Path
    db_path: Path
    args: argparse.Namespace
    event: Event | EventHead | None = None
    event_choice: EventChoice | None = None   # the event and why (kiosk.core.event_choice)
    today: datetime.date | None = None        # tests: the date events are chosen by
    screens: Screens | None = None
    heartbeat: Heartbeat | None = None
    campaign: CampaignService | None = None
    player_factory: Callable[[Config], PlayerFacade] | None = None   # tests: a fake player
    event_log: EventStore | None = None   # opened after the first frame when that comes first
    first: FirstScreen | None = None   # the attract window before the rest of the screens
    # what stopped the start after the first frame (main() reports it as a failed build would)
    startup_error: Exception | None = None
    teardown: ExitStack = field(default_factory=ExitStack)

    @property
    def store(self) -> EventStore:
        """The event log (open once the kiosk has started, see ``build``)."""
        if self.event_log is None:
            raise RuntimeError("the event log is not open yet (attract's first frame comes first)")
        return self.event_log

    # The current screens' parts (a pack switch replaces them).
    def _now(self) -> Screens:
        if self.screens is None:
            raise RuntimeError("the kiosk has no window (closed, or between two packs)")
        return self.screens

    @property
    def engine(self) -> QQmlApplicationEngine:
        return self.first.engine if self.screens is None and self.first else self._now().engine

    @property
    def window(self) -> QQuickWindow:
        return self.first.window if self.screens is None and self.first else self._now().window

    @property
    def controller(self) -> Controller:
        if self.screens is None and self.first is not None:
            return self.first.controller
        return self._now().controller

    @property
    def loaded_pack(self) -> Pack:
        """The fully loaded pack (not its head: the kiosk has drawn its first frame)."""
        from kiosk.pack.models import Pack

        if not isinstance(self.pack, Pack):
            raise RuntimeError("the pack is not loaded yet (only its head, for attract)")
        return self.pack

    @property
    def game(self) -> GameBridge:
        return self._now().game

    @property
    def playback(self) -> Playback:
        return self._now().playback

    @property
    def player(self) -> PlayerFacade:
        return self._now().player

    @property
    def catalog(self) -> Catalog:
        return self._now().catalog

    @property
    def companies(self) -> Companies:
        return self._now().companies

    @property
    def dashboard(self) -> Dashboard:
        return self._now().dashboard

    @property
    def admin(self) -> AdminPanel:
        return self._now().admin

    @property
    def thumbs(self) -> ThumbnailMaker:
        return self._now().thumbs

    @property
    def pulse(self) -> PulseBridge:
        return self._now().pulse

    @property
    def read_aloud(self) -> ReadAloud | None:
        return self._now().read_aloud

    @property
    def parents(self) -> ParentsPage | None:
        return self._now().parents

    def close(self) -> None:
        """Tear down in order: the screens first, then what lives as long as the kiosk (the
        heartbeat, the campaign service, the exception hook) and last the event log, so every
        event of the closing visit is written."""
        self._close_screens()
        self.teardown.close()

    def _close_screens(self) -> None:
        first, self.first = self.first, None
        if self.screens is not None or first is not None:
            screens, self.screens = self.screens, None
            if screens is not None:
                screens.close()
            elif first is not None:   # the attract window alone (the rest was never made)
                first.teardown.close()
            del screens, first
            # Free the old screens' Python wrappers now, at a known point, rather than at a
            # random allocation later (e.g. inside the next pack's engine.load()).
            gc.collect()

    def switch_pack(self, folder: Path) -> bool:
        """Run the pack in ``folder`` from now on (called at attract); False when it won't load.

        The window, controller and players are made again; the event log stays open."""
        from kiosk.pack.loader import PackError, load_pack

        try:
            pack = load_pack(folder, self.config)
            choice = _pick_event(pack, self.args.event, self.today, strict=False)
        except (PackError, StartupError) as exc:
            log.error("cannot switch to pack %s: %s; keeping %s v%s", folder, exc, self.pack.id,
                      self.pack.version)
            return False
        old = (self.pack.id, self.pack.version)
        self._close_screens()
        self.pack, self.event, self.event_choice = pack, choice.event, choice
        _start_ui(self)
        self.store.record("pack_installed", value=pack.version)
        text = f"switched from pack {old[0]} v{old[1]} to {pack.id} v{pack.version}"
        log.log(logging.WARNING if choice.overrides_date else logging.INFO, "%s (%s)", text,
                choice.log_line())
        if self.campaign is not None:
            self.campaign.switched(text)
        return True


    def follow_the_date(self) -> None:
        """On a new day, at attract: run the event the dates pick now (a kiosk left on overnight
        between two events); a pinned kiosk keeps its event, admin says what the dates pick."""
        choice = _pick_event(self.loaded_pack, self.args.event, self.today, strict=False)
        old = self.event_choice
        if old is not None and choice.event.id == old.event.id:
            self.event_choice = choice
            if self.campaign is not None:
                self.campaign.set_event(choice)
            if choice.overrides_date and not old.overrides_date:
                log.warning("%s", choice.log_line())
            return
        self._close_screens()
        self.event, self.event_choice = choice.event, choice
        _start_ui(self)
        text = (f"event of the day: {choice.event.id} ({choice.why}) instead of "
                f"{old.event.id if old else None}")
        log.info("%s", text)
        if self.campaign is not None:
            self.campaign.switched(text)


def _prepare_data_dir(path: Path) -> Path:
    try:
        prove_writable(path)
    except OSError as exc:
        raise StartupError(
            f"cannot write to data dir {path}: {exc.strerror or exc} "
            "(choose another with --data DIR)") from None
    return path


def _kiosk_id(data_dir: Path, config: Config) -> str:
    """A random id for this kiosk (not for a person), so merged databases stay apart."""
    path = data_dir / config.store.kiosk_id_filename
    try:
        existing = path.read_text(encoding="ascii").strip()
        if existing.isalnum() and 4 <= len(existing) <= 32:
            return existing
    except (OSError, UnicodeDecodeError):
        pass
    import secrets  # a new kiosk only

    new = "k" + secrets.token_hex(6)
    path.write_text(new + "\n", encoding="ascii")
    return new


def _load_pack(content: Path, config: Config) -> Pack:
    from kiosk.pack.loader import PackError, load_pack

    if not content.is_dir():
        raise StartupError(f"content pack {content} is not a folder (use --content DIR)")
    try:
        return load_pack(content, config)   # the kiosk's limits, as for every later pack
    except PackError as exc:
        raise StartupError(f"content pack {content}: {exc}") from None


def _pick_event(pack: Pack, pinned: str | None, today: datetime.date | None = None, *,
                strict: bool = True) -> EventChoice:
    """The running event (kiosk.core.event_choice): ``--event`` pins it, else the dates decide.

    ``strict`` False (a pack that came as an update): a pinned event the pack no longer holds
    gives way to the dates, with a warning, instead of a kiosk that cannot start."""
    from kiosk.core.event_choice import UnknownEvent, running_event

    if not pack.events:
        raise StartupError(f"pack {pack.root} has no usable event in events/: without one the "
                           "admin PIN is unknown and nobody could close the kiosk "
                           "(add events/<id>.toml; 'kiosk check' says what is wrong)")
    try:
        choice = running_event(pack, today, pinned)
    except UnknownEvent as exc:
        if strict:
            raise StartupError(f"{pack.root}: {exc}; use --event ID") from None
        log.warning("%s: %s; following the dates instead of --event", pack.root, exc)
        choice = running_event(pack, today)
    assert choice is not None  # the pack has events
    return choice


def _ensure_qapp() -> QGuiApplication:
    from PySide6.QtGui import QGuiApplication

    running = QGuiApplication.instance()  # under pytest-qt: its application
    if running is None:
        # No Qt Widgets in the kiosk process (docs/design.md §7): the studio is the widgets app.
        qapp = QGuiApplication([sys.argv[0] if sys.argv else "kiosk"])
    elif isinstance(running, QGuiApplication):
        qapp = running
    else:
        raise StartupError("this process runs a Qt application without windows; the kiosk "
                           "needs a QGuiApplication")
    qapp.setApplicationName("BLIQ Kiosk")
    qapp.setOrganizationName("BLIQ")
    return qapp


def _drop_qt_import_hook() -> None:
    """Python's own import back, now that Qt is loaded.

    PySide6 replaces ``__import__`` with a hook that, at every import, reads the importing
    module's source to see whether it selects one of PySide's ``__feature__`` options
    (snake_case, true_property). No kiosk module does (tests/unit/test_import_hook.py), and
    the hook cost about 90 ms of CPU before the first frame (a sixth of the kiosk's imports).
    Where Qt was loaded before the kiosk (a test run), the hook stays."""
    import builtins

    from kiosk import PYTHON_IMPORT

    builtins.__import__ = PYTHON_IMPORT


def _install_excepthook(app: KioskApp) -> Callable[[], None]:
    """An exception anywhere is logged and the kiosk goes back to attract; no dialog, no traceback.

    Returns a function that puts the previous hook back."""
    previous = sys.excepthook

    def hook(kind: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
        log.error("unhandled exception", exc_info=(kind, exc, tb))
        controller = app.screens.controller if app.screens is not None else None
        if controller is not None:
            try:
                controller.recoverFromError()
            except Exception:  # recovery is best effort
                log.exception("recovery after an exception failed")

    sys.excepthook = hook

    def restore() -> None:
        sys.excepthook = previous

    return restore


def build(argv: list[str] | None = None, config: Config = DEFAULT,
          today: datetime.date | None = None,
          player_factory: Callable[[Config], PlayerFacade] | None = None, *,
          first_frame_first: bool = False) -> KioskApp:
    """Build the whole kiosk from command-line style arguments, without entering the event loop.

    This is the composition root: every collaborator is made here (or in ``_start_ui``),
    wired here and owned by the returned ``KioskApp``. ``today`` (tests) is the date the event
    is chosen by when there is no ``--event``; ``player_factory`` (tests) makes the video
    player instead of ``EpisodePlayer``.

    ``first_frame_first`` (``main()``): only what attract's first frame needs is made here,
    from the pack's head (``kiosk.pack.head``, no pydantic); the full pack load, the rest of
    the screens, the campaign service and the heartbeat follow right after that frame
    (``_finish_start``). A pack the head read cannot vouch for is loaded whole first, as
    without the option. Python's cyclic garbage collector waits meanwhile: what is made up to
    that frame stays for the whole run, and the collections its allocations would set off (two
    of the older generation, ~20 of the youngest) cost 1-10 ms of CPU before the first frame
    on a 2-core PC; it runs as usual from the window on."""
    if not first_frame_first:
        return _build(argv, config, today, player_factory, first_frame_first=False)
    gc.disable()
    try:
        return _build(argv, config, today, player_factory, first_frame_first=True)
    finally:
        gc.enable()


def _build(argv: list[str] | None, config: Config, today: datetime.date | None,
           player_factory: Callable[[Config], PlayerFacade] | None, *,
           first_frame_first: bool) -> KioskApp:
    try:
        args = parse_run_args(argv or [])
    except UsageError as exc:
        raise StartupError(str(exc)) from None
    from kiosk.ops.memory import tune_malloc

    tune_malloc()  # before Qt and the decoders start their threads
    if args.lang:
        config = config.with_(default_language=args.lang)
    if args.attract_every:
        config = config.with_(lean_attract_frame_stride=args.attract_every)

    data_dir = _prepare_data_dir(args.data or paths.default_data_dir())
    setup_logging(data_dir, config)
    content = args.content or paths.sample_pack()
    head = _attract_head(content, args, data_dir, config, today) if first_frame_first else None
    if head is not None:
        pack: Pack | PackHead = head[0]
        choice = head[1]
    else:
        pack = _choose_pack(_load_pack(content, config), args.content is None, data_dir, config)
        choice = _chosen_event(pack, args, data_dir, config, today)

    db_path = data_dir / config.store.db_filename
    # the database is opened after the first frame when that comes first (a new one is
    # written to disk several times, migrations included)
    store = None if head is not None else _open_event_log(db_path, data_dir, config)
    qapp = _ensure_qapp()
    _drop_qt_import_hook()
    app = KioskApp(qapp=qapp, event_log=store, pack=pack, config=config, data_dir=data_dir,
                   db_path=db_path, args=args, event=choice.event, event_choice=choice,
                   today=today, player_factory=player_factory)
    # Unwound last-first by close(): what is made later is closed earlier; the log goes last.
    def close_log() -> None:
        if app.event_log is not None:
            app.event_log.close()

    app.teardown.callback(_logged(close_log, "the event log"))
    app.teardown.callback(_logged(_install_excepthook(app), "the exception hook"))
    if head is None:
        _start_campaign(app, args)
        _start_ui(app)
        _started(app)
    else:
        _start_first(app)
        from kiosk.ui.window import after_first_frame

        # kept by the app until it has run: the step is a slot of this object
        app.teardown.callback(_logged(after_first_frame(app.window,
                                                        lambda: _finish_start(app, content))
                                      .deleteLater, "the first frame's follow-up"))
    log.info("kiosk started: pack=%s v%s event=%s data=%s", app.pack.id, app.pack.version,
             app.event.id if app.event else None, data_dir)
    return app


def _open_event_log(db_path: Path, data_dir: Path, config: Config) -> EventStore:
    from kiosk.storage.db import DatabaseError
    from kiosk.storage.events import EventStore

    try:
        store = EventStore(db_path, _kiosk_id(data_dir, config), config.store)
    except DatabaseError as exc:
        raise StartupError(str(exc)) from None
    if store.moved_aside is not None:
        log.warning("the database was damaged; kept it as %s and started a fresh one",
                    store.moved_aside)
    return store


def _attract_head(content: Path, args: argparse.Namespace, data_dir: Path, config: Config,
                  today: datetime.date | None) -> tuple[PackHead, EventChoice] | None:
    """The pack's head and the event it runs, for a first frame before the full load; None
    when the full load must come first: a missing folder or an installed update
    (``_choose_pack`` decides between packs), a head the read does not vouch for, a pinned
    event it does not find (the full load's message names the events)."""
    from kiosk.core.event_choice import UnknownEvent, running_event
    from kiosk.pack.head import read_head

    if not content.is_dir() or (data_dir / config.campaign.packs_dirname).exists():
        return None
    head = read_head(content, config)
    if head is None:
        return None
    try:
        choice = running_event(head, today, args.event)
    except UnknownEvent:
        return None
    return (head, choice) if choice is not None else None


def _chosen_event(pack: Pack, args: argparse.Namespace, data_dir: Path, config: Config,
                  today: datetime.date | None) -> EventChoice:
    """The event ``pack`` runs (``_pick_event``), logged."""
    packs_dir = (data_dir / config.campaign.packs_dirname).resolve()
    choice = _pick_event(pack, args.event, today,
                         strict=not Path(pack.root).resolve().is_relative_to(packs_dir))
    event = choice.event
    if choice.pinned:
        log.log(logging.WARNING if choice.overrides_date else logging.INFO, "%s",
                choice.log_line())
    else:
        log.info("event chosen by date: %s (%s; today is %s)", event.id, choice.why,
                 (today or datetime.date.today()).isoformat())
    return choice


def _finish_start(app: KioskApp, content: Path) -> None:
    """``_finish_rest``; an error stops the kiosk as it would have stopped ``build``: main()
    reports it after the event loop (a watchdog restarts the kiosk), never a kiosk left in
    attract that no touch can start."""
    try:
        _finish_rest(app, content)
    except Exception as exc:   # reported by main(), like an error in build()
        log.exception("stopping, the kiosk could not finish starting")
        app.startup_error = exc
        app.qapp.exit(1)


def _finish_rest(app: KioskApp, content: Path) -> None:
    """After attract's first frame (``build(first_frame_first=True)``): the full pack load,
    the campaign service, the rest of the screens and the heartbeat.

    When the full load sees another event or other attract texts than the head (a file the
    models refuse), attract is made again from the full pack, as a start without the head
    would have shown it. A pack that cannot run at all stops the kiosk with the message and
    exit status it would have had before its first frame (``main()`` prints it)."""
    from kiosk.pack.head import attract_facts

    shown = attract_facts(app.pack, app.event)
    try:
        app.event_log = _open_event_log(app.db_path, app.data_dir, app.config)
        app.event_log.event_id = app.event.id if app.event is not None else None
        if app.first is not None and app.first.held is not None:  # a touch meanwhile
            app.first.held.hand_to(app.event_log)
        pack = _choose_pack(_load_pack(content, app.config), app.args.content is None,
                            app.data_dir, app.config)
        choice = _chosen_event(pack, app.args, app.data_dir, app.config, app.today)
        app.pack, app.event, app.event_choice = pack, choice.event, choice
        _start_campaign(app, app.args)
    except StartupError as exc:
        log.error("stopping, the kiosk cannot run: %s", exc)
        app.startup_error = exc
        app.qapp.exit(2)
        return
    if attract_facts(pack, choice.event) == shown:
        _start_rest(app, drawn=True)
    else:
        log.warning("the full load of %s runs event %s with other attract texts than its head "
                    "read showed; attract is made again", pack.root, choice.event.id)
        app._close_screens()
        _start_ui(app)
    _started(app)


def _started(app: KioskApp) -> None:
    """The heartbeat and the ``kiosk_started`` event: the kiosk runs with everything made."""
    from kiosk.ops.heartbeat import start_heartbeat

    app.heartbeat = start_heartbeat(data_dir=app.data_dir, config=app.config,
                                    controller=_CurrentController(app), window=app.window,
                                    qapp=app.qapp, store=app.store,
                                    quit_after_first_frame=app.args.quit_after_start)
    app.teardown.callback(_logged(app.heartbeat.stop, "the heartbeat"))
    _wire_heartbeat(app)
    app.store.record("kiosk_started")


class _CurrentController:
    """The heartbeat reads the state of whichever controller runs now (a pack switch makes a
    new one)."""

    def __init__(self, app: KioskApp) -> None:
        self._app = app

    @property
    def state(self) -> str:
        screens = self._app.screens
        return str(screens.controller.state) if screens is not None else "attract"


def _wire_heartbeat(app: KioskApp) -> None:
    heartbeat = app.heartbeat
    if heartbeat is None:
        return
    player = app.player
    player.stateChanged.connect(lambda state: heartbeat.set_playing(state == "playing"))
    player.framePresented.connect(heartbeat.note_frame)


def _start_ui(app: KioskApp) -> None:
    """Make the screens for ``app.pack`` and ``app.event``: every QML-facing object, the
    player and the window, wired to each other; ``app.screens`` owns them."""
    _start_first(app)
    _start_rest(app)


def _start_first(app: KioskApp) -> None:
    """The attract window (``_first_screen``); ``app.first`` owns it until the rest joins."""
    if app.event_log is not None:
        app.event_log.event_id = app.event.id if app.event is not None else None
    app.first = first = _first_screen(app)
    from kiosk.ui.window import follow_screen, log_first_frame

    log_first_frame(app.qapp, first.window)
    if not app.args.windowed and app.args.size is None:
        follow_screen(first.window)


def _start_rest(app: KioskApp, drawn: bool = False) -> None:
    """The rest of the screens' parts, joined to the attract window (``_rest_of_screens``)."""
    assert app.first is not None
    app.screens = screens = _rest_of_screens(app, app.first, drawn)
    if app.heartbeat is not None:  # after a pack switch
        _wire_heartbeat(app)
    pack = app.loaded_pack
    if app.campaign is not None:
        app.campaign.watch(screens.controller, (pack.id, pack.version), app.event_choice)
    try:
        from kiosk.campaign.identity import identity

        me = identity(app.data_dir, app.store.kiosk_id, app.config)
        app.store.update_kiosk(name=me.name, region=me.region, pack_id=pack.id,
                               pack_version=pack.version)
    except Exception as exc:  # noqa: BLE001 - the kiosk row is for reports; never block a start
        log.warning("cannot update this kiosk's row: %s", exc)


def _first_screen(app: KioskApp) -> FirstScreen:
    """What attract's first frame needs: the controller, the render mode and the window with
    Main.qml, which shows attract (the pack's head is enough for them, ``kiosk.pack.head``).
    Teardown callbacks go in as each part is made, with places kept for the later parts."""
    from PySide6.QtQml import QQmlApplicationEngine

    from kiosk.core.event_sink import HeldEvents
    from kiosk.pack.head import PackHead
    from kiosk.ui.controller import Controller
    from kiosk.ui.kiosk_singleton import Kiosk, withdraw
    from kiosk.ui.render_mode import render_mode
    from kiosk.ui.window import (
        Lockdown, Translations, available_sections, create_window, load_fonts, screen_files,
    )

    config, args = app.config, app.args
    teardown = ExitStack()
    load_fonts(app.qapp)
    render = render_mode(args.render or config.render.render_mode, config)
    # The head knows no content: the sections come with the full load (Controller.adopt).
    sections = set() if isinstance(app.pack, PackHead) else available_sections(app.pack)
    # Until the event log is open (after the first frame) the controller's events are held.
    held = HeldEvents() if app.event_log is None else None
    controller = Controller(config, held or app.store, app.pack, app.event, sections,
                            idle_timeout_s=args.idle_timeout,
                            restarts_file=app.data_dir / config.watchdog.restarts_filename)
    engine = QQmlApplicationEngine()
    translations = Translations(app.qapp, engine)
    lockdown = Lockdown(controller)
    controller.quitRequested.connect(app.qapp.quit)
    controller.set_language_hook(translations.apply)   # the other parts join in later
    exposed = Kiosk(controller=controller, render=render, screen_files=screen_files())
    window = create_window(engine, exposed, size=args.size, windowed=args.windowed)
    first = FirstScreen(engine=engine, window=window, controller=controller, render=render,
                        translations=translations, lockdown=lockdown, exposed=exposed,
                        teardown=teardown, from_head=isinstance(app.pack, PackHead),
                        held=held)
    # Unwound last-first: stills stop, the visit ends (which also lets the window close),
    # playback stops, the window closes, and the engine goes before Python drops its objects.
    teardown.callback(_logged(render.close, "the video item"))
    teardown.callback(_logged(lambda: withdraw(engine), "the QML objects"))
    teardown.callback(_logged(lambda: _dispose(engine), "the QML engine"))
    teardown.callback(_logged(translations.close, "the translations"))
    teardown.callback(_logged(window.close, "the window"))
    teardown.enter_context(first.stop_playback)
    teardown.callback(_logged(controller.shutdown, "the visit"))
    teardown.enter_context(first.stop_first)
    if config.language.default_language != "nl":  # --lang en: everything starts in English
        translations.apply(config.language.default_language)
    window.installEventFilter(lockdown)
    return first


def _rest_of_screens(app: KioskApp, first: FirstScreen, drawn: bool) -> Screens:
    """Create and wire the per-pack objects beside the attract window (``drawn``: it is on
    screen already); teardown callbacks go into the places ``first`` kept for them."""
    from PySide6.QtCore import Qt

    from kiosk.visit.flow import State
    from kiosk.core.links import LinkBuilder
    from kiosk.media.thumbcache import ThumbnailMaker
    from kiosk.ui.admin_panel import AdminPanel
    from kiosk.ui.catalog import Catalog
    from kiosk.ui.companies import Companies
    from kiosk.ui.chart_images import ChartImages
    from kiosk.ui.dashboard import Dashboard
    from kiosk.ui.game_bridge import GameBridge
    from kiosk.ui.playback import Playback
    from kiosk.media.speech import Speech
    from kiosk.ui.pulse_bridge import PulseBridge
    from kiosk.ui.qr_provider import QrImageProvider
    from kiosk.ui.parents_page import ParentsPage
    from kiosk.ui.read_aloud import ReadAloud
    from kiosk.ui.shown_codes import CodeCounter
    from kiosk.pack.head import EventHead
    from kiosk.ui.window import available_sections

    config, store = app.config, app.store
    pack, event = app.loaded_pack, app.event
    assert not isinstance(event, EventHead), "the loaded pack's event, not the head's"
    event_id = event.id if event is not None else None
    controller, engine, window = first.controller, first.engine, first.window
    translations, render = first.translations, first.render
    if first.from_head:
        controller.adopt(pack, event, available_sections(pack), store)
    catalog = Catalog(pack, featured=list(event.featured_series) if event is not None else [])
    links = LinkBuilder.for_pack(pack, event_id, config)
    companies = Companies(pack, event, links)
    game = GameBridge(pack, event, store, controller, config, links)
    pulse = PulseBridge(event, store, controller)  # the event's [pulse], or never asked
    if app.player_factory is not None:
        player: PlayerFacade = app.player_factory(config)
    else:
        from kiosk.media.player import EpisodePlayer  # QtMultimedia loads with the first window

        player = EpisodePlayer(config)
    playback = Playback(config, pack, store, controller, player, catalog, links)
    parents = ParentsPage(pack, links)
    codes = CodeCounter(store, controller, playback, game, companies, parents)  # qr_shown
    dashboard = Dashboard(store.db_path, config, pack, event_id)
    engine.addImageProvider("charts", ChartImages(dashboard))
    engine.addImageProvider("qr", QrImageProvider(config.qr))
    admin = AdminPanel(config, pack.root, event_id, app.data_dir, store=store)
    thumbs = ThumbnailMaker(pack, app.data_dir / config.media.thumb_cache_dirname, config)
    read_aloud = ReadAloud(Speech(config.speech.read_aloud_engine, config.language.languages),
                           store, controller,
                           config.language.default_language)

    # -- wiring: who listens to whom ------------------------------------------------------------
    controller.playRequested.connect(playback.playEpisode)

    def on_state() -> None:
        read_aloud.stop()   # what was read belongs to the screen that is gone
        catalog.setAudience("parents" if controller.flow.state is State.PARENTS else "students")
        # a result's job filter ends with the screen
        if controller.flow.state is not State.COMPANIES:
            companies.clear_job()
        if controller.flow.state is State.ADMIN:  # figures and log as they are right now
            dashboard.refresh()
            admin.refresh()

    controller.stateChanged.connect(on_state)
    # the end card's autoplay waits while the campaign's question asks on it
    pulse.changed.connect(lambda: playback.set_countdown_held(pulse.asking_after()))

    def apply_parts(lang: str) -> None:
        """nl/en fields for the pack's content."""
        links.set_language(lang)  # before the parts: their codes carry lang=
        for part in (catalog, companies, game, pulse, read_aloud, parents):
            part.set_language(lang)
        playback.changed.emit()   # the end card's codes carry the language too
        player.setLanguage(lang)

    def apply_language(lang: str) -> None:
        """Qt's translations for the UI text, nl/en fields for the pack's content."""
        translations.apply(lang)
        apply_parts(lang)

    controller.set_language_hook(apply_language)
    thumbs.made.connect(lambda eid: catalog.add_thumbnail(eid, pack.episodes[eid].thumbnail))

    # -- into the window --------------------------------------------------------------------------
    first.exposed.add_parts(catalog=catalog, companies=companies, game=game, playback=playback,
                            dashboard=dashboard, admin=admin, campaign=app.campaign,
                            pulse=pulse, read_aloud=read_aloud, parents=parents)
    first.stop_playback.callback(_logged(playback.shutdown, "playback"))
    first.stop_first.callback(_logged(
        lambda: read_aloud.close(config.speech.read_aloud_close_wait_s), "read-aloud"))
    # The engine is a process of its own (kiosk.media.speech: speech-dispatcher's plug-in holds
    # Python's lock for seconds), started once attract is on screen so it costs the first frame
    # nothing; the speaker buttons appear when it reports a voice, long before a visitor
    # reaches a card.
    if drawn:
        read_aloud.start()
    else:
        window.frameSwapped.connect(read_aloud.start, Qt.ConnectionType.SingleShotConnection)
    lang = str(controller.language)
    if lang != "nl":  # --lang en, or a visitor's toggle before this
        apply_parts(lang)
    thumbs.start()
    if render.choice.mode == "lean":  # a very weak PC may ask for fewer attract frames
        playback.attract_frame_stride = config.render.lean_attract_frame_stride
    first.stop_first.callback(_logged(thumbs.stop, "the stills maker"))
    # first: no check outlives the UI
    first.stop_first.callback(_logged(admin.stop, "the admin checks"))
    playback.start_attract_loop()
    return Screens(engine=engine, window=window, controller=controller, catalog=catalog,
                   companies=companies, game=game, player=player, playback=playback,
                   codes=codes, dashboard=dashboard, admin=admin, thumbs=thumbs,
                   lockdown=first.lockdown, translations=translations, render=render,
                   pulse=pulse, read_aloud=read_aloud, parents=parents,
                   teardown=first.teardown)


def _choose_pack(base: Pack, no_content_option: bool, data_dir: Path, config: Config) -> Pack:
    """An installed update (``<data>/packs``) replaces the pack it updates.

    Used when it is the same pack with a higher version, or when no ``--content`` was given."""
    from kiosk.pack.loader import PackError, load_pack
    from kiosk.campaign.updates import installed_pack

    folder = installed_pack(data_dir / config.campaign.packs_dirname)
    if folder is None:
        return base
    try:
        installed = load_pack(folder, config)
    except PackError as exc:
        log.error("installed pack %s does not load (%s); running %s", folder, exc, base.root)
        return base
    if no_content_option or (installed.id == base.id and installed.version > base.version):
        log.info("running installed pack %s v%s (instead of %s v%s)", installed.id,
                 installed.version, base.id, base.version)
        return installed
    return base


def _start_campaign(app: KioskApp, args: argparse.Namespace) -> None:
    """Inbox polling and outbox snapshots (kiosk.ui.campaign_service)."""
    from kiosk.campaign.identity import health
    from kiosk.ui.campaign_service import CampaignService

    started = time.monotonic()

    def health_now() -> dict[str, Any]:
        chosen = app.screens.render if app.screens is not None else None  # lean/full, as chosen
        render = (chosen.choice.mode if chosen is not None else
                  getattr(args, "render", None) or os.environ.get("QT_QUICK_BACKEND") or "default")
        return health(app.data_dir, pack_id=app.pack.id, pack_version=app.pack.version,
                      uptime_s=time.monotonic() - started,
                      clips_skipped=app.store.count("episode_error"), render_mode=render,
                      config=app.config)

    inbox = args.inbox or app.data_dir / app.config.campaign.inbox_dirname
    config = app.config
    try:
        service = CampaignService(data_dir=app.data_dir, inbox=inbox, config=config,
                                  store=app.store, running=(app.pack.id, app.pack.version),
                                  health=health_now, pinned_event=args.event,
                                  today=lambda: app.today or datetime.date.today())
    except OSError as exc:
        raise StartupError(f"cannot use the inbox {inbox}: {exc.strerror or exc} "
                           "(choose another with --inbox DIR)") from None
    app.campaign = service
    service.switchReady.connect(lambda folder: app.switch_pack(Path(folder)))
    service.newDay.connect(app.follow_the_date)
    service.start()
    app.teardown.callback(_logged(service.shutdown, "the campaign service"))


def _dispose(engine: QQmlApplicationEngine) -> None:
    """Delete the QML engine now, before Python drops the objects its bindings read."""
    from PySide6.QtCore import QCoreApplication, QEvent

    engine.deleteLater()
    QCoreApplication.sendPostedEvents(None, QEvent.Type.DeferredDelete.value)


def main(argv: list[str] | None = None) -> None:
    """Entry point of ``python main.py`` and ``kiosk``."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["supervise"]:  # the watchdog: runs the kiosk as a child and restarts it
        from kiosk.ops import watchdog

        sys.exit(watchdog.main(argv[1:]))
    caught = None
    try:
        if is_tool(argv):
            sys.exit(run_tool(argv))
        caught = SignalCatcher()  # a stop signal while the window is built waits for the loop
        app = build(argv, first_frame_first=True)
    except (StartupError, UsageError) as exc:
        print(f"kiosk: {exc}", file=sys.stderr)
        sys.exit(2)
    stop = GracefulStop(app)
    stop.install(caught)
    started = time.monotonic()
    code = app.qapp.exec()
    log.info("kiosk stopped after %.0f s (exit %s)", time.monotonic() - started, code)
    app.close()
    stop.closed.set()
    if isinstance(app.startup_error, StartupError):  # after the first frame: as before it
        print(f"kiosk: {app.startup_error}", file=sys.stderr)
        sys.exit(2)
    if app.startup_error is not None:
        raise app.startup_error
    sys.exit(code)
