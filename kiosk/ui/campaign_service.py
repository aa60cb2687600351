"""The running kiosk's side of the campaign: pack updates from the inbox and sticks, snapshots.

A timer on the UI thread hands one job at a time to a worker thread: look at the inbox and the
mounted sticks, verify and unpack a new pack, write a snapshot, write a stick's result file. The
worker never touches Qt objects; it reports back through a queued signal. A newly installed pack
is switched to by the app (``switchReady``) only while the kiosk shows attract, never during a
visit. Admin reads this object (``campaign`` in QML).
"""
from __future__ import annotations

import datetime
import logging
import os
import threading
import time
from collections import deque
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import Property, QObject, QTimer, Signal, Slot

from kiosk.campaign.identity import Identity, identity
from kiosk.config import Config
from kiosk.pack.bliqpack import trusted_keys
from kiosk.campaign.data_request import check_request
from kiosk.core.event_choice import EventChoice
from kiosk.core.refusal import RefusalReason
from kiosk.campaign.updates import Inbox, Installer, Outcome, rollback, write_result
from kiosk.storage.snapshot import SnapshotError, copy_to, snapshot, snapshots

if TYPE_CHECKING:
    from kiosk.storage.events import EventStore
    from kiosk.ui.controller import Controller

log = logging.getLogger("kiosk.campaign")

STATUS_LINES = 12  # admin shows the last updates, refusals and snapshots
SEEN_FILE = "seen.json"  # archives already installed or refused (kiosk.campaign.updates.Inbox)


@dataclass
class _Work:
    """What one worker job did (read on the UI thread)."""

    outcomes: list[Outcome] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)        # log lines at INFO
    problems: list[str] = field(default_factory=list)     # log lines at WARNING


def _lower_priority(nice: int) -> None:
    """Give the worker thread a lower CPU priority than the UI (Linux: a thread is a task with
    its own nice value), so hashing and unpacking a large pack never takes a visitor's frames."""
    try:
        os.setpriority(os.PRIO_PROCESS, threading.get_native_id(), nice)
    except (AttributeError, OSError):  # not Linux, or not allowed: the default priority is fine
        pass


def _ignore_temporaries(outbox: Path) -> None:
    """Tell a sync engine sharing the outbox to leave our temporary files alone (Syncthing's
    ``.stignore``); a snapshot appears only under its final name."""
    ignore = outbox / ".stignore"
    if not ignore.exists():
        try:
            outbox.mkdir(parents=True, exist_ok=True)
            ignore.write_text("// written by BLIQ Kiosk: snapshots in progress\n(?d).*.tmp\n",
                              encoding="utf-8")
        except OSError as e:
            log.warning("cannot write %s: %s", ignore, e.strerror or e)


def _event_name(event: Any) -> str:
    """The event's Dutch name with its id (admin is for the organiser and for IT)."""
    name = event.name.get("nl") if hasattr(event.name, "get") else str(event.name)
    return f"{name} ({event.id})" if name and name != event.id else str(event.id)


class CampaignService(QObject):
    """Inbox → install, outbox snapshots, stick hand-over; admin's campaign tab."""

    changed = Signal()
    switchReady = Signal(str)        # folder of a pack to run from the next attract on
    newDay = Signal()                # at attract on another day: the dates may pick another event
    _workDone = Signal(object)       # emitted in the worker thread, delivered on the UI thread

    def __init__(self, *, data_dir: Path, inbox: Path, config: Config, store: EventStore,
                 running: tuple[str, int], health: Callable[[], dict[str, Any]],
                 pinned_event: str | None = None,
                 today: Callable[[], datetime.date] = datetime.date.today) -> None:
        super().__init__()
        self._data_dir = data_dir
        self._config = config
        self._store = store
        self._health = health
        self._running = running
        self._today = today
        self._event: EventChoice | None = None
        self._event_day = today()        # the day the running event was chosen on
        self.packs_dir = data_dir / config.campaign.packs_dirname
        inbox.mkdir(parents=True, exist_ok=True)
        self._inbox = Inbox(inbox, config.campaign.removable_media_globs, config.campaign,
                            state_file=self.packs_dir / SEEN_FILE)
        self._installer = Installer(data_dir, running, config, pinned_event=pinned_event,
                                    today=today)
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="kiosk-campaign")
        self._future: Future[Any] | None = None
        self._stick_lines: dict[Path, list[str]] = {}   # worker thread only
        self._status: deque[str] = deque(maxlen=STATUS_LINES)
        self._pending: Path | None = None
        self._state: Callable[[], str] = lambda: ""
        self._closed = False
        self._workDone.connect(self._on_work_done)
        self._poll_timer = QTimer(self)
        self._poll_timer.setInterval(int(config.campaign.inbox_poll_s * 1000))
        self._poll_timer.timeout.connect(self.poll)
        self._snap_timer = QTimer(self)
        self._snap_timer.setInterval(int(config.campaign.snapshot_interval_s * 1000))
        self._snap_timer.timeout.connect(self.snapshotNow)

    # --- wiring -----------------------------------------------------------------------------

    def start(self) -> None:
        self._poll_timer.start()
        self._snap_timer.start()

    def watch(self, controller: Controller, running: tuple[str, int],
              event: EventChoice | None) -> None:
        """Follow a (new) controller's state: a pending pack switches at its next attract."""
        self._state = lambda: str(controller.state)
        controller.stateChanged.connect(self._on_state)
        self._running = running
        self._installer.running_id, self._installer.running_version = running
        self.set_event(event)

    def set_event(self, event: EventChoice | None) -> None:
        """The running event (chosen again: a new pack, or a new day)."""
        self._event = event
        self._event_day = self._today()
        self.changed.emit()

    @property
    def pending(self) -> Path | None:
        return self._pending

    def identity(self) -> Identity:
        return identity(self._data_dir, self._store.kiosk_id, self._config)

    # --- admin (QML) --------------------------------------------------------------------------

    @Property(str, notify=changed)
    def kioskName(self) -> str:
        return self.identity().name

    @Property(str, notify=changed)
    def region(self) -> str:
        return self.identity().region

    @Property(str, notify=changed)
    def packText(self) -> str:
        return f"{self._running[0]} v{self._running[1]}"

    @Property(str, notify=changed)
    def eventText(self) -> str:
        """``<id> (<why>)`` for the log and tools; admin composes its own words from below."""
        return f"{self._event.event.id} ({self._event.why})" if self._event else ""

    @Property(str, notify=changed)
    def eventName(self) -> str:
        return _event_name(self._event.event) if self._event else ""

    @Property(str, notify=changed)
    def eventWhy(self) -> str:
        """pinned|today|upcoming|default|first (kiosk.core.event_choice)."""
        return self._event.why if self._event else ""

    @Property(bool, notify=changed)
    def eventPinned(self) -> bool:
        return bool(self._event and self._event.pinned)

    @Property(str, notify=changed)
    def eventByDate(self) -> str:
        """What the dates would run when ``--event`` pins another event; else empty."""
        return _event_name(self._event.by_date) if self._event and self._event.overrides_date \
            else ""

    @Property(list, notify=changed)
    def statusLines(self) -> list[str]:
        return list(self._status)

    @Property(bool, notify=changed)
    def updatePending(self) -> bool:
        return self._pending is not None

    @Property(bool, notify=changed)
    def canRollback(self) -> bool:
        from kiosk.campaign.updates import read_current

        current = read_current(self.packs_dir)
        return bool(current and current.get("previous")
                    and (self.packs_dir / current["previous"]).is_dir())

    @Slot()
    def rollback(self) -> None:
        """Admin: back to the previous installed version (switches when admin closes)."""
        folder = rollback(self.packs_dir)
        if folder is None:
            self._say("no previous version to go back to", warning=True)
            return
        self._say(f"rollback to {folder.name}: switching when admin closes")
        self._pending = folder
        self.changed.emit()

    @Slot()
    def snapshotNow(self) -> None:
        """A snapshot (admin's button, the timer): while a poll runs it waits its turn behind
        it instead of being dropped as a poll would be (the worker is one thread: in order)."""
        self._submit(self._snapshot_job, wait_turn=True)

    # --- polling ------------------------------------------------------------------------------

    @Slot()
    def poll(self) -> None:
        self._submit(self._poll_job)

    def _submit(self, job: Callable[[], _Work], wait_turn: bool = False) -> None:
        busy = self._future is not None and not self._future.done()
        if self._closed or (busy and not wait_turn):
            return  # one poll at a time; the next tick tries again

        def run() -> None:
            _lower_priority(self._config.campaign.campaign_worker_nice)
            try:
                work = job()
            except Exception as e:  # the worker must never die
                log.exception("campaign job failed")
                work = _Work(problems=[f"campaign job failed: {type(e).__name__}: {e}"])
            self._workDone.emit(work)

        self._future = self._executor.submit(run)

    def _poll_job(self) -> _Work:
        """Worker thread: new sticks get the newest data; settled archives are installed."""
        work = _Work()
        mounts = set(self._inbox.mounts())
        for gone in set(self._stick_lines) - mounts:
            del self._stick_lines[gone]
        for mount in sorted(mounts - set(self._stick_lines)):
            self._stick_lines[mount] = []
            if (mount / self._config.campaign.stick_data_dirname).is_dir():
                # Only a stick that asks with a request signed by a trusted key gets the data.
                verdict = check_request(mount, trusted_keys(self._data_dir), self._today(),
                                        self._config.campaign)
                if verdict.ok:
                    self._copy_data_to(mount, work)
                else:
                    work.problems.append(f"no data for the stick at {mount}: {verdict.why}")
                    self._stick_lines[mount].append(
                        f"NIET GEKOPIEERD  cijfers: {verdict.nl}\n"
                        f"    NOT COPIED: figures: {verdict.en}")
                    self._write_result(mount, work)
        candidates = self._inbox.poll()
        if candidates:
            work.outcomes = self._installer.install(candidates)
            for outcome in work.outcomes:
                # Installed or not newer stays so; other refusals are tried again after a restart.
                self._inbox.handled(outcome.file, remember=outcome.installed
                                    or outcome.reason is RefusalReason.NOT_NEWER)
                for mount in mounts:
                    if outcome.file.parent == mount:
                        self._stick_lines[mount].append(outcome.line())
                        self._write_result(mount, work)
        return work

    def _copy_data_to(self, mount: Path, work: _Work) -> None:
        try:
            snap = self._write_snapshot()
            target = copy_to(snap, mount / self._config.campaign.stick_data_dirname
                             / self.identity().folder_name)
        except (OSError, SnapshotError) as e:  # a stick pulled out mid-copy, or full
            why = getattr(e, "strerror", None) or e
            line = (f"NIET GEKOPIEERD  cijfers: {why}: probeer het nog eens, of met een andere "
                    f"stick.\n    NOT COPIED: figures: {why}: try again, or with another stick.")
            work.problems.append(f"copying data to {mount} failed: {e}")
        else:
            where = target.relative_to(mount).as_posix()
            line = f"OK  cijfers gekopieerd: {where}\n    Figures copied: {where}"
            work.notes.append(f"data copied to {target}")
        self._stick_lines[mount].append(line)
        self._write_result(mount, work)

    def _write_result(self, mount: Path, work: _Work) -> None:
        written = write_result(mount, self.identity().name, self._stick_lines.get(mount, []))
        if written is None:
            work.problems.append(f"cannot write the result file on {mount}")

    def _snapshot_job(self) -> _Work:
        work = _Work()
        try:
            work.notes.append(f"snapshot written: {self._write_snapshot().name}")
        except SnapshotError as e:
            work.problems.append(str(e))
        return work

    def _write_snapshot(self) -> Path:
        """Worker thread (or shutdown): this kiosk's row with its health, then a snapshot."""
        me = self.identity()
        try:
            self._store.update_kiosk(name=me.name, region=me.region, pack_id=self._running[0],
                                     pack_version=self._running[1], health=self._health())
        except Exception as e:  # noqa: BLE001 - the data matters more than the health row
            log.warning("cannot update the kiosk row before a snapshot: %s", e)
        self._store.flush()
        outbox = self._data_dir / self._config.campaign.outbox_dirname
        _ignore_temporaries(outbox)
        out = outbox / me.folder_name
        return snapshot(self._store.db_path, out, self._config.store,
                        self._config.campaign.snapshot_keep)

    def newest_snapshot(self) -> Path | None:
        outbox = self._data_dir / self._config.campaign.outbox_dirname
        found = snapshots(outbox / self.identity().folder_name)
        return found[-1] if found else None

    # --- results (UI thread) --------------------------------------------------------------------

    @Slot(object)
    def _on_work_done(self, work: _Work) -> None:
        for note in work.notes:
            self._say(note)
        for problem in work.problems:
            self._say(problem, warning=True)
        for outcome in work.outcomes:
            if outcome.installed:
                self._say(f"pack {outcome.file.name} version {outcome.version} ready; "
                          "switching at the next return to attract")
                self._pending = outcome.pack_dir
            else:
                self._say(f"pack refused: {outcome.message}", warning=True)
                self._store.record("pack_refused", value=outcome.version,
                                   reason=outcome.reason.value if outcome.reason else "read_error")
        self.changed.emit()
        self._on_state()

    def _say(self, text: str, warning: bool = False) -> None:
        log.log(logging.WARNING if warning else logging.INFO, "%s", text)
        self._status.append(f"{time.strftime('%H:%M')}  {text}")
        self.changed.emit()

    @Slot()
    def _on_state(self) -> None:
        """At attract (entered, or still there at a poll): a pending pack, else a new day."""
        if self._state() != "attract":
            return
        if self._pending is not None:
            folder, self._pending = self._pending, None
            # After the current event is handled: the window that sent it is about to go.
            QTimer.singleShot(0, lambda: self.switchReady.emit(str(folder)))
        elif self._event is not None and self._today() != self._event_day:
            # A kiosk left on overnight: today's event may be another one than yesterday's.
            self._event_day = self._today()
            QTimer.singleShot(0, self.newDay.emit)

    def switched(self, text: str) -> None:
        """The app now runs a new pack (logged, and shown in admin)."""
        self._say(text)

    # --- shutdown -------------------------------------------------------------------------------

    def shutdown(self) -> None:
        """Stop polling, let a running job finish, write the last snapshot. Safe twice."""
        if self._closed:
            return
        self._closed = True
        self._poll_timer.stop()
        self._snap_timer.stop()
        if self._future is not None:
            try:
                self._future.result(timeout=self._config.campaign.snapshot_timeout_s)
            except Exception:  # noqa: BLE001 - timeout or a failed job: still try the snapshot
                log.warning("a campaign job was still running at shutdown")
        self._executor.shutdown(wait=False, cancel_futures=True)
        try:
            path = self._write_snapshot()
            log.info("snapshot at shutdown: %s", path)
        except Exception as e:  # noqa: BLE001 - closing must go on
            log.error("snapshot at shutdown failed: %s", e)
