"""Walk every visitor screen of a real kiosk window and report what a visitor would trip over.

Used by ``tools/screenshots.py --check`` and by ``tests/ui/test_layout_check.py`` (offscreen).
A problem is one line naming the size, language, screen and item:

- a ``Text`` with an objectName, or inside a result/company/episode card, that reports
  ``truncated`` (an ellipsis or lines cut off), or that sticks out of its card or the window;
- such a text with a word wider than its line (broken in the middle, or sticking out);
- anything inside a card (a button, a picture, a line) that sticks out of the card;
- "Ben je er nog?" over a QR code (a visitor may be scanning it);
- two named interactive items that overlap, or one that covers such a text;
- a named interactive item smaller than 48 px at 720p (scaled with the window's short side);
- a named interactive item outside the reach zone: in portrait the lower 60 % of the screen
  (docs/setup.md says how high to mount the screen so that zone is 0.38–1.22 m from the floor);
  in landscape the whole screen (mounted as docs/setup.md says, its top edge is at 1.22 m).
  Items inside a scrolling list are exempt from the reach rule: a finger brings them down.
"""
from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QCoreApplication, QElapsedTimer, QRectF
from PySide6.QtGui import QFontMetricsF
from PySide6.QtQuick import QQuickItem, QQuickWindow

SIZES = ("1280x720", "1920x1080", "720x1280", "1080x1920")
LANGS = ("nl", "en")
REACH_FRACTION = 0.6          # portrait: the lower 60 % of the screen is within reach
MIN_TARGET_720P = 48          # px at 720p; scaled with the window's short side
CARD = re.compile(r"^(resultJob_.*|resultJobSurprise|companyTile_.*|episodeTile_.*|guessPanel_\d)$")
TAG = re.compile(r"<[^>]+>")
HANDLERS = {"QQuickTapHandler", "QQuickDragHandler"}
# Items that catch touches on purpose but are no visitor control: the organiser's hidden corner,
# full-screen catchers ("tap anywhere") and the dragged game card (like/nope buttons are the
# reachable way to answer it).
NOT_CONTROLS = re.compile(r"^(adminCorner|attractScreen|playerView|playerProgress|stillThereOverlay"
                          r"|adminPin|nextUpCard|swipeCard(_\d)?)$")
# While one of these covers the screen, only what is on it counts.
MODALS = ("adminPin", "stillThereOverlay")
# Admin screens are for the organiser, not visitors.
SKIP_SCREENS = {"admin"}


@dataclass
class Found:
    """One named or card text item and where it sits."""

    item: QQuickItem
    name: str
    rect: QRectF
    card: QQuickItem | None


def walk(item: QQuickItem) -> Iterator[QQuickItem]:
    yield item
    for child in item.childItems():
        if child.isVisible() and child.opacity() > 0:
            yield from walk(child)


def scene_rect(item: QQuickItem) -> QRectF:
    return item.mapRectToScene(QRectF(0, 0, item.width(), item.height()))


def class_name(obj: Any) -> str:
    return obj.metaObject().className()


def is_text(item: QQuickItem) -> bool:
    # inherits(): a QML type made from Text (WordFitText) is a text too
    return item.inherits("QQuickText") and not item.inherits("QQuickTextInput")


def is_control(item: QQuickItem) -> bool:
    """A named item a finger acts on: it has an enabled tap or drag handler, or a MouseArea."""
    if not item.objectName() or NOT_CONTROLS.match(item.objectName()) or not item.isEnabled():
        return False
    for child in item.children():
        name = class_name(child)
        if name in HANDLERS and child.property("enabled"):
            return True
    return False


def ancestors(item: QQuickItem) -> Iterator[QQuickItem]:
    parent = item.parentItem()
    while parent is not None:
        yield parent
        parent = parent.parentItem()


def card_of(item: QQuickItem) -> QQuickItem | None:
    for parent in ancestors(item):
        if CARD.match(parent.objectName() or ""):
            return parent
    return None


def flickable_of(item: QQuickItem) -> QQuickItem | None:
    for p in ancestors(item):
        if class_name(p).startswith(("QQuickListView", "QQuickGridView", "QQuickFlickable")):
            return p
    return None


def in_flickable(item: QQuickItem) -> bool:
    return flickable_of(item) is not None


def shown_rect(item: QQuickItem) -> QRectF:
    """Where the item shows: a list clips what scrolled out of its view."""
    rect = scene_rect(item)
    flick = flickable_of(item)
    return rect.intersected(scene_rect(flick)) if flick is not None else rect


def overlap(a: QRectF, b: QRectF) -> bool:
    inter = a.intersected(b)
    return inter.width() > 1 and inter.height() > 1


def label(item: QQuickItem) -> str:
    if item.objectName():
        return item.objectName()
    text = str(item.property("text") or "")[:40]
    return f"text '{text}'"


def check_window(window: QQuickWindow, where: str) -> list[str]:
    """Every problem on the screen the window shows now."""
    width, height = window.width(), window.height()
    screen = QRectF(0, 0, width, height)
    portrait = height > width
    min_target = MIN_TARGET_720P * min(width, height) / 720
    reach_top = height * (1 - REACH_FRACTION) if portrait else 0.0
    problems: list[str] = []
    texts: list[Found] = []
    controls: list[Found] = []
    root = window.contentItem()
    problems += _codes_covered(root, where)
    for item in walk(root):
        if item.objectName() in MODALS:
            root = item
            break
    for item in walk(root):
        if CARD.match(item.objectName()):
            problems += _sticking_out(item, where)
    for item in walk(root):
        if is_text(item):
            card = card_of(item)
            if (item.objectName() or card is not None) and str(item.property("text") or ""):
                shown = shown_rect(item)
                if not shown.isEmpty():
                    texts.append(Found(item, label(item), shown, card))
        elif is_control(item):
            shown = shown_rect(item)
            if not shown.isEmpty():
                controls.append(Found(item, item.objectName(), shown, card_of(item)))

    for t in texts:
        if (t.item.property("contentWidth") or 0) > t.item.width() + 2:
            problems.append(f"{where}: {t.name} runs wider than its box")
        word = _word_too_wide(t.item)
        if word:
            problems.append(f"{where}: {t.name}: the word '{word}' does not fit its line")
        if t.item.property("truncated"):
            problems.append(f"{where}: {t.name} is cut off ('{t.item.property('text')}')")
        slack = 2.0
        bounds = scene_rect(t.card) if t.card is not None else screen
        if t.card is not None and in_flickable(t.card):
            bounds = scene_rect(t.card)      # a card in a list may scroll past the screen edge
        elif t.card is not None:
            bounds = bounds.intersected(screen)
        r = scene_rect(t.item) if not in_flickable(t.item) else t.rect
        if (r.left() < bounds.left() - slack or r.right() > bounds.right() + slack
                or r.top() < bounds.top() - slack or r.bottom() > bounds.bottom() + slack):
            inside = f"its card {t.card.objectName()}" if t.card is not None else "the screen"
            problems.append(f"{where}: {t.name} sticks out of {inside}")

    for i, c in enumerate(controls):
        r = c.rect
        full = scene_rect(c.item)
        if min(full.width(), full.height()) < min_target - 0.5:
            problems.append(f"{where}: {c.name} is {full.width():.0f}x{full.height():.0f} px, "
                            f"smaller than {min_target:.0f} px (48 px at 720p)")
        if not in_flickable(c.item):
            if r.top() < reach_top - 0.5 or r.bottom() > height + 0.5 or r.left() < -0.5 \
                    or r.right() > width + 0.5:
                zone = f"the lower {REACH_FRACTION:.0%} (y ≥ {reach_top:.0f})" if portrait \
                    else "the screen"
                problems.append(f"{where}: {c.name} at y={r.top():.0f}..{r.bottom():.0f} "
                                f"is outside the reach zone, {zone}")
        for other in controls[i + 1:]:
            related = other.item in ancestors(c.item) or c.item in ancestors(other.item)
            if not related and overlap(r, other.rect):
                problems.append(f"{where}: {c.name} overlaps {other.name}")
        for t in texts:
            if c.item in ancestors(t.item) or t.item in ancestors(c.item):
                continue
            if overlap(r, t.rect) and t.rect.intersected(r).height() > 2:
                problems.append(f"{where}: {c.name} covers {t.name}")
    return problems


def _word_too_wide(item: QQuickItem) -> str:
    """The first word of a text that is wider than the text's line, or ""."""
    font = item.property("font")
    width = item.width()
    if font is None or width <= 0:
        return ""
    metrics = QFontMetricsF(font)
    text = TAG.sub("", str(item.property("text") or ""))
    for word in text.split():
        if metrics.horizontalAdvance(word) > width + 2:
            return word
    return ""


def _sticking_out(card: QQuickItem, where: str) -> list[str]:
    """Every visible thing inside ``card`` that reaches past its edge (2 px of slack)."""
    found = []
    box = QRectF(0, 0, card.width(), card.height()).adjusted(-2, -2, 2, 2)
    for item in walk(card):
        if item is card or item.width() <= 0 or item.height() <= 0:
            continue
        r = item.mapRectToItem(card, QRectF(0, 0, item.width(), item.height()))
        if not box.contains(r):
            found.append(f"{where}: {label(item)} sticks out of its card {card.objectName()}")
    return found


def _codes_covered(root: QQuickItem, where: str) -> list[str]:
    """ "Ben je er nog?" beside the codes must leave every code on screen free."""
    card = next((i for i in walk(root) if i.objectName() == "stillThereCard"), None)
    if card is None:
        return []
    box = scene_rect(card)
    return [f"{where}: stillThereCard covers {item.objectName()}" for item in walk(root)
            if item.objectName().startswith("qr_") and overlap(box, scene_rect(item))]


# -- driving the kiosk through its screens -------------------------------------------------------

def pump(ms: int) -> None:
    timer = QElapsedTimer()
    timer.start()
    while timer.elapsed() < ms:
        QCoreApplication.processEvents()


def wait_for(condition: Callable[[], bool], timeout_ms: int = 5000) -> bool:
    timer = QElapsedTimer()
    timer.start()
    while not condition():
        if timer.elapsed() > timeout_ms:
            return False
        QCoreApplication.processEvents()
    return True


def settle(window: QQuickWindow) -> None:
    """Let bindings, layouts and polish finish: a grab renders one frame synchronously."""
    QCoreApplication.processEvents()
    window.grabWindow()
    QCoreApplication.processEvents()


def answer_cards(player: Any, liked: Callable[[int], bool] = lambda i: i % 3 != 2,
                 limit: int = 80) -> None:
    """One player answers through the game's own intents until done: the i-th answer likes its
    card when ``liked(i)``, every duel goes to its first option."""
    for i in range(limit):
        if player.done:
            break
        if player.duel:
            player.choose(player.duel["a"]["id"])
        elif player.card:
            player.swipe(player.card["id"], liked(i), "button")


def answer_all(app: Any) -> None:
    """Both players answer; a duo with the sample pack then matches three jobs that each have
    a role model's video, the fullest job cards (video, "+" and speaker on a narrow card)."""
    game = app.game
    duo = game.mode == "duo"
    for player in (game.playerA, game.playerB) if duo else (game.playerA,):
        answer_cards(player, (lambda i: i % 2 == 0) if duo else (lambda i: i % 3 != 2), limit=60)


def screens(app: Any) -> Iterator[str]:
    """Put the kiosk on each visitor screen in turn; yields the screen's name when it shows."""
    c = app.controller
    window = app.window

    def state(name: str) -> bool:
        return wait_for(lambda: c.state == name)

    yield "attract"
    c.start()
    if c.state == "pulse":  # the event asks the campaign's question first
        yield "pulse"
        app.pulse.answer("before", 3)
        if app.pulse.step == "group":
            yield "pulse-group"
            app.pulse.skip("before")
    state("home")
    yield "home"
    c.openSection("episodes")
    state("episodes")
    yield "episodes"
    c.goHome()
    state("home")
    if "parents" in c.sections:
        c.openSection("parents")
        state("parents")
        yield "parents"
        c.goHome()
        state("home")
    if "companies" in c.sections:
        c.openSection("companies")
        state("companies")
        yield "companies"
        c.goHome()
        state("home")
    if "game" in c.sections:
        c.openSection("game")
        state("game")
        yield "game-intro"
        app.game.start("solo")
        wait_for(lambda: bool(app.game.playerA.card))
        yield "game-solo"
        answer_all(app)
        state("result")
        yield "result"
        _idle(app)
        yield "still-there-codes"
        c.note_touch()
        c.goHome()
        state("home")
        c.openSection("game")
        state("game")
        app.game.start("duo")
        wait_for(lambda: bool(app.game.playerB.card))
        yield "game-duo"
        answer_all(app)
        state("result")
        yield "result-duo"
        c.goHome()
        state("home")
    rows = app.catalog.rows
    episode = rows[0]["episodes"][0]["id"] if rows else ""
    if episode:
        c.openSection("episodes")
        state("episodes")
        c.playEpisode(episode, "tile")
        state("player")
        view = _find(window, "playerView")
        if view is not None:
            view.setProperty("controlsShown", True)
        yield "player"
        app.playback.on_finished(episode, 1.0, True)   # as if the clip had played to its end
        if state("next_up"):
            yield "end-card"
        c.goHome()
        state("home")
        _idle(app)
        yield "still-there"
        c.note_touch()
    c.adminGesture()
    wait_for(lambda: c.pinPadVisible)
    yield "pin-pad"
    c.cancelPin()
    c.endSession()
    state("attract")


def _idle(app: Any) -> None:
    """As if nobody touched the screen for the idle time: "Ben je er nog?" comes up."""
    flow = app.controller.flow
    flow.tick(app.controller.now() + flow.effective_idle_timeout())
    wait_for(lambda: app.controller.stillThere)


def _find(window: QQuickWindow, name: str) -> QQuickItem | None:
    for item in walk(window.contentItem()):
        if item.objectName() == name:
            return item
    return None


def check_app(app: Any, size: str, langs: tuple[str, ...] = LANGS,
              shot: Callable[[str, str], None] | None = None) -> list[str]:
    """Every screen in every language of one kiosk window; ``shot(screen, lang)`` after each."""
    problems: list[str] = []
    # the speaker buttons appear when read-aloud's engine process reports its voices: wait for
    # that first, so no screen is checked while they come in
    wait_for(lambda: app.read_aloud is None or app.read_aloud.settled, 30_000)
    for lang in langs:
        for name in screens(app):
            if app.controller.language != lang:
                app.controller.setLanguage(lang)
            settle(app.window)
            if name not in SKIP_SCREENS:
                problems += check_window(app.window, f"{size} {lang} {name}")
            if shot is not None:
                shot(name, lang)
    return problems
