"""How QML sees the kiosk's Python objects: ``import Kiosk`` and ``Kiosk.controller.state``.

``Kiosk`` is a QML singleton whose properties are typed (``Controller``, ``Catalog`` …), so
qmllint checks every name QML reads (``tools/qmllint.py``). The type is registered once per
process, but each QML engine gets its own instance: a pack switch makes a new engine with new
objects, and the test suite builds many kiosks in one process. The composition root
(``kiosk.app``) calls :func:`expose` before it loads Main.qml and :func:`withdraw` when the
engine goes; the engine asks :meth:`Kiosk.create` for its instance the first time QML reads it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, Signal
from PySide6.QtQml import QmlElement, QmlSingleton, QQmlEngine

from kiosk.ui.controller import Controller
from kiosk.ui.render_mode import RenderMode

if TYPE_CHECKING:
    # The parts made after the first attract frame (kiosk.app): importing this seam must not
    # import them (the game, the figures, the campaign ...). To QML a Python QObject subclass
    # is a QObject* whatever the Property names, so their properties are declared QObject;
    # tools/qmllint.py reads the real class from the getter's return type.
    from kiosk.ui.admin_panel import AdminPanel
    from kiosk.ui.campaign_service import CampaignService
    from kiosk.ui.catalog import Catalog
    from kiosk.ui.companies import Companies
    from kiosk.ui.dashboard import Dashboard
    from kiosk.ui.game_bridge import GameBridge
    from kiosk.ui.playback import Playback
    from kiosk.ui.pulse_bridge import PulseBridge
    from kiosk.ui.parents_page import ParentsPage
    from kiosk.ui.read_aloud import ReadAloud

# Read by PySide's QmlElement: the QML module is "Kiosk 1.0".
QML_IMPORT_NAME = "Kiosk"
QML_IMPORT_MAJOR_VERSION = 1

_BY_ENGINE: dict[QQmlEngine, Kiosk] = {}


@QmlElement
@QmlSingleton
class Kiosk(QObject):
    """The objects behind one QML engine. A part may be None: the campaign service when
    there is none, everything but what one component needs when a test loads it alone, or
    everything but the controller and the render mode until the first attract frame is drawn
    (:meth:`add_parts` then hands in the rest)."""

    partsChanged = Signal()

    def __init__(self, *, controller: Controller | None = None, catalog: Catalog | None = None,
                 companies: Companies | None = None, game: GameBridge | None = None,
                 playback: Playback | None = None, dashboard: Dashboard | None = None,
                 admin: AdminPanel | None = None, render: RenderMode | None = None,
                 campaign: CampaignService | None = None,
                 screen_files: dict[str, str] | None = None,
                 pulse: PulseBridge | None = None,
                 read_aloud: ReadAloud | None = None,
                 parents: ParentsPage | None = None) -> None:
        super().__init__()
        self._controller = controller
        self._catalog = catalog
        self._companies = companies
        self._game = game
        self._playback = playback
        self._dashboard = dashboard
        self._admin = admin
        self._render = render
        self._campaign = campaign
        self._screen_files = dict(screen_files or {})
        self._pulse = pulse
        self._read_aloud = read_aloud
        self._parents = parents

    def add_parts(self, *, catalog: Catalog, companies: Companies, game: GameBridge,
                  playback: Playback, dashboard: Dashboard, admin: AdminPanel,
                  campaign: CampaignService | None, pulse: PulseBridge,
                  read_aloud: ReadAloud | None, parents: ParentsPage | None) -> None:
        """The parts made after the first attract frame; QML's bindings to them wake up."""
        self._catalog, self._companies, self._game = catalog, companies, game
        self._playback, self._dashboard, self._admin = playback, dashboard, admin
        self._campaign, self._pulse = campaign, pulse
        self._read_aloud, self._parents = read_aloud, parents
        self.partsChanged.emit()

    @staticmethod
    def create(engine: QQmlEngine) -> Kiosk:
        """QML's factory: the instance :func:`expose` gave this engine.

        An engine nobody exposed anything to (a test showing one component) gets an empty one."""
        kiosk = _BY_ENGINE.get(engine)
        if kiosk is None:
            return Kiosk()
        # The composition root owns it; the engine must not delete it when it goes.
        QQmlEngine.setObjectOwnership(kiosk, QQmlEngine.ObjectOwnership.CppOwnership)
        return kiosk

    @Property(Controller, constant=True)
    def controller(self) -> Controller | None:
        return self._controller

    @Property(QObject, notify=partsChanged)
    def catalog(self) -> Catalog | None:
        return self._catalog

    @Property(QObject, notify=partsChanged)
    def companies(self) -> Companies | None:
        return self._companies

    @Property(QObject, notify=partsChanged)
    def game(self) -> GameBridge | None:
        return self._game

    @Property(QObject, notify=partsChanged)
    def playback(self) -> Playback | None:
        return self._playback

    @Property(QObject, notify=partsChanged)
    def dashboard(self) -> Dashboard | None:
        return self._dashboard

    @Property(QObject, notify=partsChanged)
    def admin(self) -> AdminPanel | None:
        return self._admin

    @Property(RenderMode, constant=True)
    def renderMode(self) -> RenderMode | None:
        return self._render

    @Property(QObject, notify=partsChanged)
    def campaign(self) -> CampaignService | None:
        return self._campaign

    @Property(QObject, notify=partsChanged)
    def pulse(self) -> PulseBridge | None:
        """The campaign's optional question (``enabled`` false unless the event asks it)."""
        return self._pulse

    @Property(QObject, notify=partsChanged)
    def readAloud(self) -> ReadAloud | None:
        """Read-aloud: ``available`` for the visitor's language, ``read(kind, text)``."""
        return self._read_aloud

    @Property(QObject, notify=partsChanged)
    def parents(self) -> ParentsPage | None:
        """The parents' page: the route's steps, the profiles, the take-home code."""
        return self._parents

    @Property(dict, constant=True)
    def screenFiles(self) -> dict[str, Any]:
        """Flow state → the screen's QML file (kiosk.ui.window.SCREEN_FILES)."""
        return dict(self._screen_files)


def expose(engine: QQmlEngine, kiosk: Kiosk) -> None:
    """Give ``engine``'s QML ``kiosk`` as the ``Kiosk`` singleton (before anything loads)."""
    _BY_ENGINE[engine] = kiosk


def withdraw(engine: QQmlEngine) -> None:
    """Forget ``engine`` (when it is deleted): its objects are no longer kept for it."""
    _BY_ENGINE.pop(engine, None)
