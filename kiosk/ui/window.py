"""Creates the QML engine and the one fullscreen window, with fonts, translations and lockdown."""
from __future__ import annotations

import logging
from pathlib import Path
from typing import Any

from PySide6.QtCore import QEvent, QObject, QTimer, QTranslator, QUrl, Qt
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import paths
from kiosk.config import Config
from kiosk.core.flow import SECTIONS, State
from kiosk.ui.bridge import Controller
from kiosk.core.links import LinkBuilder
from kiosk.ui.catalog import Catalog
from kiosk.ui.admin import AdminPanel
from kiosk.ui.companies import Companies
from kiosk.ui.dashboard import Dashboard
from kiosk.ui.game_bridge import GameController
from kiosk.ui.playback import Playback
from kiosk.ui.qr import QrImageProvider

log = logging.getLogger("kiosk.ui")

# A visitor section is offered only when its screen exists (no "coming soon" screens).
SCREEN_FILES: dict[State, str] = {
    State.ATTRACT: "Attract.qml",
    State.HOME: "Home.qml",
    State.EPISODES: "Episodes.qml",
    State.PARENTS: "Episodes.qml",
    State.PLAYER: "Player.qml",
    State.NEXT_UP: "Player.qml",   # the end card lies over the last frame: no reload, no black
    State.GAME: "Game.qml",
    State.RESULT: "Result.qml",
    State.COMPANIES: "Companies.qml",
    State.ADMIN: "Admin.qml",
}


def available_sections(pack: Any) -> set[State]:
    """Sections whose screen exists and whose content the pack has."""
    screens = paths.qml_dir() / "screens"
    has_content = {
        State.EPISODES: any("students" in e.audience for e in pack.episodes.values()),
        State.PARENTS: any("parents" in e.audience for e in pack.episodes.values()),
        State.GAME: bool(getattr(pack, "deck_ok", False)) and bool(pack.jobs),
        State.COMPANIES: bool(pack.companies),
    }
    return {s for s in SECTIONS if has_content[s] and (screens / SCREEN_FILES[s]).is_file()}


class _Lockdown(QObject):
    """Window event filter: every press counts as a touch; visitor escapes do nothing."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt API
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            # After delivery: an overlay that a touch dismisses must still catch that touch,
            # or it would fall through to the screen beneath.
            QTimer.singleShot(0, self._controller.note_touch)
        elif kind == QEvent.Type.ContextMenu:
            return True
        elif kind == QEvent.Type.KeyPress and event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4,
                                                               Qt.Key.Key_Back, Qt.Key.Key_Menu):
            return True
        elif kind == QEvent.Type.Close and not self._controller.quitAllowed:
            event.ignore()
            return True
        return False


def _load_fonts(qapp: Any) -> None:
    fonts = paths.asset("fonts")
    families: list[str] = []
    for file in sorted(fonts.glob("*.[ot]tf")) if fonts.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        qapp.setFont(QFont(families[0]))


class _Translations:
    """Installs the compiled .qm for the chosen language; Dutch is the source language."""

    def __init__(self, qapp: Any, engine: QQmlApplicationEngine) -> None:
        self._qapp = qapp
        self._engine = engine
        self._translator: QTranslator | None = None

    def apply(self, lang: str) -> None:
        if self._translator is not None:
            self._qapp.removeTranslator(self._translator)
            self._translator = None
        if lang != "nl":
            translator = QTranslator()
            if translator.load(f"kiosk_{lang}", str(paths.i18n_dir())):
                self._qapp.installTranslator(translator)
                self._translator = translator
            else:
                log.warning("no translation file for '%s' in %s", lang, paths.i18n_dir())
        self._engine.retranslate()


def create_window(qapp: Any, *, pack: Any, event: Any, store: Any, config: Config,
                  size: tuple[int, int] | None, windowed: bool, data_dir: Path,
                  idle_timeout_s: float | None = None,
                  extra_context: dict[str, QObject] | None = None, render: str = "auto"
                  ) -> tuple[QQmlApplicationEngine, QQuickWindow, Controller]:
    """Load Main.qml with the controller and return (engine, window, controller)."""
    _load_fonts(qapp)
    from kiosk.ui.render import render_mode

    render_choice = render_mode(render, config)
    controller = Controller(config, store, pack, event, available_sections(pack),
                            idle_timeout_s=idle_timeout_s)
    engine = QQmlApplicationEngine()
    translations = _Translations(qapp, engine)
    catalog = Catalog(pack, featured=list(event.featured_series) if event is not None else [])
    links = LinkBuilder.for_pack(pack, event.id if event is not None else None, config)
    companies = Companies(pack, event, links)
    game = GameController(pack, event, store, controller, config, links)
    from kiosk.media.player import EpisodePlayer  # QtMultimedia loads only when a window is made

    player = EpisodePlayer(config)
    playback = Playback(config, pack, store, controller, player, catalog, links)
    controller.playRequested.connect(playback.playEpisode)
    event_id = event.id if event is not None else None
    dashboard = Dashboard(store.db_path, config, pack, event_id)
    admin = AdminPanel(config, pack.root, event_id, data_dir, store=store)

    def on_state() -> None:
        catalog.setAudience("parents" if controller.state == State.PARENTS.value else "students")
        if controller.state == State.ADMIN.value:  # figures and log as they are right now
            dashboard.refresh()
            admin.refresh()

    controller.stateChanged.connect(on_state)

    def apply_language(lang: str) -> None:
        """Qt's translations for the UI text, nl/en fields for the pack's content."""
        translations.apply(lang)
        for part in (catalog, companies, game):
            part.set_language(lang)
        player.setLanguage(lang)

    controller.set_language_hook(apply_language)
    engine.rootContext().setContextProperty("controller", controller)
    engine.rootContext().setContextProperty("catalog", catalog)
    engine.rootContext().setContextProperty("companies", companies)
    engine.rootContext().setContextProperty("game", game)
    engine.rootContext().setContextProperty("playback", playback)
    engine.rootContext().setContextProperty("dashboard", dashboard)
    engine.rootContext().setContextProperty("admin", admin)
    for name, obj in (extra_context or {}).items():  # e.g. "campaign" (kiosk.ui.campaign)
        engine.rootContext().setContextProperty(name, obj)
    engine.rootContext().setContextProperty("renderMode", render_choice)
    engine.addImageProvider("qr", QrImageProvider(config))
    engine.rootContext().setContextProperty("screenFiles",
                                            {s.value: f for s, f in SCREEN_FILES.items()})
    engine.load(QUrl.fromLocalFile(str(paths.qml_dir() / "Main.qml")))
    roots = engine.rootObjects()
    if not roots:
        raise RuntimeError("Main.qml failed to load (see the log)")
    window = roots[0]
    if config.default_language != "nl":  # --lang en: everything starts in English
        apply_language(config.default_language)
    lockdown = _Lockdown(controller)
    window.installEventFilter(lockdown)
    window._lockdown = lockdown  # keep the filter and the catalog alive as long as the window
    window._catalog = catalog
    window._companies = companies
    window._game = game
    window._playback = playback
    window._dashboard = dashboard
    window._admin = admin
    from kiosk.media.thumbcache import ThumbnailMaker

    thumbs = ThumbnailMaker(pack, data_dir / config.thumb_cache_dirname, config)
    thumbs.made.connect(lambda eid: catalog.add_thumbnail(eid, pack.episodes[eid].thumbnail))
    window._thumbs = thumbs
    thumbs.start()
    window._render = render_choice
    if render_choice.lean:
        playback.attract_frame_stride = config.lean_attract_frame_stride
    playback.start_attract_loop()
    controller.quitRequested.connect(qapp.quit)

    window.setFlags(window.flags() | Qt.WindowType.FramelessWindowHint)
    screen = QGuiApplication.primaryScreen()
    if size is not None:
        window.resize(*size)
    if windowed or size is not None:
        window.setPosition(0, 0)
        window.show()
    else:
        # With no window manager showFullScreen() needs the screen geometry (DESIGN.md §6).
        window.setGeometry(screen.geometry())
        window.showFullScreen()
    return engine, window, controller
