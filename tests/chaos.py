"""A test crowd: a seeded "chaos visitor" on the real window (used by a test and a benchmark).

Random taps, drags, long presses, two-finger touches, language flips and pauses anywhere on the
window; half of the actions aim at a named item that is on screen right now, so the crowd gets
deep into every screen (game, duo, result, player, companies) instead of tapping the attract
screen forever. Everything goes through real touch events sent to the window.
"""
from __future__ import annotations

import logging
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QPoint, QPointF
from PySide6.QtTest import QTest

from tests.uitools import touch_device, walk

# Never aimed at: the admin's "close the kiosk" (a visitor cannot reach admin without the PIN,
# and a chance PIN must not end the run) and the morning check (spawns a process per tap).
NOT_AIMED_AT = {"adminQuit", "adminPreflight", "kioskWindow", "screenLoader"}
# On every screen, so pressing them again is no way deeper into anything.
ALWAYS_THERE = {"adminCorner", "languageToggle", "homeButton"}


@dataclass
class ChaosReport:
    """What the crowd did and what it found."""

    actions: Counter[str] = field(default_factory=Counter)
    states: Counter[str] = field(default_factory=Counter)
    named: Counter[str] = field(default_factory=Counter)
    errors: list[str] = field(default_factory=list)

    def summary(self) -> str:
        return (f"{sum(self.actions.values())} actions ({dict(self.actions)}); states reached "
                f"{dict(self.states)}; {len(self.named)} different named items tapped; "
                f"{len(self.errors)} errors")


class ErrorCatcher(logging.Handler):
    """Every ERROR log line or logged exception while the crowd is in."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.lines: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.lines.append(self.format(record))


def _targets(window: Any) -> list[tuple[str, QPoint]]:
    """Named items on screen now, with the point a finger would aim at."""
    out = []
    w, h = window.width(), window.height()
    for item in walk(window.contentItem()):
        name = item.objectName()
        if not name or name in NOT_AIMED_AT or not item.isVisible() or item.opacity() <= 0:
            continue
        if item.width() < 4 or item.height() < 4:
            continue
        p = item.mapToScene(QPointF(item.width() / 2, item.height() / 2))
        if 0 <= p.x() < w and 0 <= p.y() < h:
            out.append((name, QPoint(round(p.x()), round(p.y()))))
    return out


def run_crowd(app: Any, rng: random.Random, actions: int, wait: Callable[[int], None],
              report: ChaosReport | None = None) -> ChaosReport:
    """Let ``actions`` random visitor actions loose on ``app``'s window."""
    report = report or ChaosReport()
    window = app.window
    dev = touch_device()

    def anywhere() -> QPoint:
        return QPoint(rng.randrange(window.width()), rng.randrange(window.height()))

    last: list[str] = []

    def aim() -> QPoint:
        targets = _targets(window) if rng.random() < 0.5 else []
        if not targets:
            return anywhere()
        # A visitor who found a button tends to press it again (like, like, nope …): that is
        # how a crowd gets to the end of the game and its result, not only into it.
        again = [t for t in targets if last and t[0] == last[0]]
        name, point = again[0] if again and rng.random() < 0.6 else rng.choice(targets)
        if name not in ALWAYS_THERE:
            last[:] = [name]
        report.named[name] += 1
        return point

    def press(touch_id: int, p: QPoint) -> None:
        QTest.touchEvent(window, dev).press(touch_id, p, window).commit()

    def move(touch_id: int, p: QPoint) -> None:
        QTest.touchEvent(window, dev).move(touch_id, p, window).commit()

    def release(touch_id: int, p: QPoint) -> None:
        QTest.touchEvent(window, dev).release(touch_id, p, window).commit()

    kinds = ["tap"] * 10 + ["drag"] * 4 + ["long"] * 1 + ["two"] * 2 + ["lang"] * 1 + ["pause"] * 2
    for _ in range(actions):
        kind = rng.choice(kinds)
        report.actions[kind] += 1
        if kind == "tap":
            p = aim()
            press(0, p)
            release(0, p)
        elif kind == "drag":
            start = aim()
            end = anywhere() if rng.random() < 0.5 else QPoint(
                start.x() + rng.randint(-700, 700), start.y() + rng.randint(-200, 200))
            steps = rng.randint(2, 12)
            press(0, start)
            for i in range(1, steps + 1):
                move(0, QPoint(start.x() + (end.x() - start.x()) * i // steps,
                               start.y() + (end.y() - start.y()) * i // steps))
                wait(rng.randint(0, 16))
            release(0, end)
        elif kind == "long":
            p = aim()
            press(0, p)
            wait(rng.randint(500, 3500))
            release(0, p)
        elif kind == "two":
            a, b = aim(), anywhere()
            QTest.touchEvent(window, dev).press(0, a, window).press(1, b, window).commit()
            for i in range(1, rng.randint(2, 8)):
                QTest.touchEvent(window, dev).move(0, a + QPoint(30 * i, 0), window) \
                    .move(1, b - QPoint(30 * i, 0), window).commit()
            QTest.touchEvent(window, dev).release(0, a, window).release(1, b, window).commit()
        elif kind == "lang":
            toggle = [p for n, p in _targets(window) if n == "languageToggle"]
            p = toggle[0] if toggle else anywhere()
            press(0, p)
            release(0, p)
        else:
            wait(rng.choice([50, 200, 600, 1500]))
        wait(rng.randint(10, 80))
        report.states[app.controller.state] += 1
    return report
