"""The one fullscreen window: loads Main.qml, and the window's fonts, translations and lockdown.

Nothing here creates the kiosk's objects; ``kiosk.app`` does and hands them in."""
from __future__ import annotations

import logging
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, QTranslator, QUrl, Slot
from PySide6.QtGui import QFont, QFontDatabase, QGuiApplication, QKeyEvent, QScreen, QWindow
from PySide6.QtQml import QQmlApplicationEngine
from PySide6.QtQuick import QQuickWindow

from kiosk import paths
from kiosk.visit.flow import SECTIONS, State
from kiosk.ui.controller import Controller
from kiosk.ui.kiosk_singleton import Kiosk, expose, withdraw

if TYPE_CHECKING:
    from kiosk.pack.models import Pack

log = logging.getLogger("kiosk.ui")

# A visitor section is offered only when its screen exists (no "coming soon" screens).
SCREEN_FILES: dict[State, str] = {
    State.ATTRACT: "Attract.qml",
    State.PULSE: "Pulse.qml",
    State.HOME: "Home.qml",
    State.EPISODES: "Episodes.qml",
    State.PARENTS: "Parents.qml",
    State.PLAYER: "Player.qml",
    State.NEXT_UP: "Player.qml",   # the end card lies over the last frame: no reload, no black
    State.GAME: "Game.qml",
    State.RESULT: "Result.qml",
    State.COMPANIES: "Companies.qml",
    State.ADMIN: "Admin.qml",
}


def screen_files() -> dict[str, str]:
    """Flow state → the screen's QML file, as QML reads it (``Kiosk.screenFiles``)."""
    return {s.value: f for s, f in SCREEN_FILES.items()}


def available_sections(pack: Pack) -> set[State]:
    """Sections whose screen exists and whose content the pack has."""
    screens = paths.qml_dir() / "screens"
    has_content = {
        State.EPISODES: any("students" in e.audience for e in pack.episodes.values()),
        State.PARENTS: any("parents" in e.audience for e in pack.episodes.values()),
        State.GAME: bool(getattr(pack, "deck_ok", False)) and bool(pack.jobs),
        State.COMPANIES: bool(pack.companies),
    }
    return {s for s in SECTIONS if has_content[s] and (screens / SCREEN_FILES[s]).is_file()}


class Lockdown(QObject):
    """Window event filter: every press counts as a touch; visitor escapes do nothing."""

    def __init__(self, controller: Controller) -> None:
        super().__init__()
        self._controller = controller

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # Qt's name
        kind = event.type()
        if kind in (QEvent.Type.MouseButtonPress, QEvent.Type.TouchBegin):
            # After delivery: an overlay that a touch dismisses must still catch that touch,
            # or it would fall through to the screen beneath.
            QTimer.singleShot(0, self._controller.note_touch)
        elif kind == QEvent.Type.ContextMenu:
            return True
        elif isinstance(event, QKeyEvent) and kind == QEvent.Type.KeyPress:
            # imported here: Qt's namespace (~100 enums, about 25 ms of CPU) is not needed
            # before the first attract frame
            from PySide6.QtCore import Qt

            return event.key() in (Qt.Key.Key_Escape, Qt.Key.Key_F4, Qt.Key.Key_Back,
                                   Qt.Key.Key_Menu)
        elif kind == QEvent.Type.Close and not self._controller.quitAllowed:
            event.ignore()
            return True
        return False


def load_fonts(qapp: QGuiApplication) -> None:
    fonts = paths.asset("fonts")
    families: list[str] = []
    for file in sorted(fonts.glob("*.[ot]tf")) if fonts.is_dir() else []:
        font_id = QFontDatabase.addApplicationFont(str(file))
        if font_id >= 0:
            families += QFontDatabase.applicationFontFamilies(font_id)
    if families:
        qapp.setFont(QFont(families[0]))


class Translations:
    """Installs the compiled .qm for the chosen language; Dutch is the source language."""

    def __init__(self, qapp: QGuiApplication, engine: QQmlApplicationEngine) -> None:
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

    def close(self) -> None:
        """Take this window's translator off the application (the next kiosk starts Dutch)."""
        if self._translator is not None:
            self._qapp.removeTranslator(self._translator)
            self._translator = None


def create_window(engine: QQmlApplicationEngine, kiosk: Kiosk, *,
                  size: tuple[int, int] | None, windowed: bool) -> QQuickWindow:
    """Load Main.qml into ``engine``, which gives its QML ``kiosk`` as ``Kiosk``, and show it.

    Only QML loading and showing happen here (the image providers, for QR codes and admin's
    charts, come with the parts that use them, after attract's first frame); the composition
    root (``kiosk.app``) makes, wires and owns every object ``kiosk`` holds, and withdraws it
    when the engine goes."""
    expose(engine, kiosk)
    engine.load(QUrl.fromLocalFile(str(paths.qml_dir() / "Main.qml")))
    roots = engine.rootObjects()
    if not roots or not isinstance(roots[0], QQuickWindow):
        withdraw(engine)
        raise RuntimeError("Main.qml failed to load (see the log)")
    window = roots[0]   # frameless: Main.qml sets its flags
    if size is not None:
        window.resize(*size)
    if windowed or size is not None:
        window.setPosition(0, 0)
        window.show()
    else:
        # With no window manager showFullScreen() needs the screen geometry (docs/design.md §6).
        window.setGeometry(QGuiApplication.primaryScreen().geometry())
        window.showFullScreen()
    return window


def screen_of(window: QWindow) -> QScreen | None:
    """The screen ``window`` is on, asked of the application instead of the window.

    ``window.screen()`` gives a QScreen wrapper that shiboken ties to the window's wrapper;
    when a replaced window's wrapper is collected (after a pack switch) the tie makes shiboken
    delete the real QScreen, and the next window made crashes in QWindow's connectToScreen
    (seen under gdb). Wrappers from QGuiApplication's static calls have no such tie."""
    return (QGuiApplication.screenAt(window.geometry().center())
            or QGuiApplication.primaryScreen())


class _AfterFirstFrame(QObject):
    """Runs one step on the GUI thread after the window's first frame, once."""

    def __init__(self, window: QQuickWindow, step: Callable[[], None]) -> None:
        super().__init__()
        self._window: QQuickWindow | None = window
        self._step = step
        window.frameSwapped.connect(self.run)   # a GUI-thread object: queued from a render thread

    @Slot()
    def run(self) -> None:
        window, self._window = self._window, None
        if window is None:
            return
        window.frameSwapped.disconnect(self.run)
        QTimer.singleShot(0, self._step)   # never inside the frame being swapped


def after_first_frame(window: QQuickWindow, step: Callable[[], None]) -> QObject:
    """Run ``step`` on the GUI thread once ``window``'s first frame is on screen, after that
    frame and never inside it. The caller keeps the returned object until then."""
    return _AfterFirstFrame(window, step)


def log_first_frame(qapp: QGuiApplication, window: QQuickWindow) -> None:
    """One log line when the first frame is on screen: which platform, how big, full screen?
    (What tells a person reading the log, or the cage test, how the kiosk came up.)"""

    done: list[bool] = []

    def first() -> None:
        if done:  # a second frame was already queued (threaded render loop)
            return
        done.append(True)
        window.frameSwapped.disconnect(first)
        g = window.geometry()
        screen = screen_of(window)
        size = f"{screen.geometry().width()}x{screen.geometry().height()}" if screen else "?"
        log.info("first frame: platform %s, window %dx%d, screen %s, %s", qapp.platformName(),
                 g.width(), g.height(), size, window.visibility().name)

    window.frameSwapped.connect(first)


def follow_screen(window: QWindow) -> None:
    """Full screen stays full screen when the monitor is rotated, swapped or re-sized.

    Compositors and window managers resize a full-screen window themselves; without one
    (a bare X server) nobody does, so the window follows its screen's geometry here."""
    watched: list[QScreen] = []

    def fit(*_: Any) -> None:
        try:
            screen = screen_of(window)
        except RuntimeError:  # this window was replaced (a pack switch makes a new one)
            return
        if screen is not None and window.geometry() != screen.geometry():
            log.info("screen is now %dx%d; the kiosk follows", screen.geometry().width(),
                     screen.geometry().height())
            window.setGeometry(screen.geometry())
            window.showFullScreen()

    def watch(screen: QScreen | None) -> None:
        if screen is not None and screen not in watched:
            watched.append(screen)
            screen.geometryChanged.connect(fit)
        fit()

    window.screenChanged.connect(watch)
    watch(screen_of(window))
