"""Read-aloud's engine, Qt's own text-to-speech, in a process of its own.

The engine is the platform's: SAPI or WinRT voices on Windows, speech-dispatcher with espeak-ng
on Linux. Starting it takes seconds (speech-dispatcher lists every voice variant first), Qt's
speechd plug-in holds Python's lock all that time (about 2 s here: every thread of a process
that loads it stands still, the event writer's too), and a speech-dispatcher that lost its sound
output stops answering: a client then waits forever. So the kiosk never loads the engine. It
runs ``kiosk.media.speech_engine`` as a child process and talks to it over a pipe (``Speech``):
the child says which languages have a voice, the kiosk asks it to say or stop a text. A child
that fails, hangs or dies only leaves the kiosk without voices (the speaker buttons hide).

``voice_report`` starts the same child for ``kiosk preflight``, bounded by a timeout.
"""
from __future__ import annotations

import contextlib
import json
import logging
import subprocess
import sys
import threading
from collections.abc import Iterable
from typing import Any

from PySide6.QtCore import QLocale, QObject, QProcess, Signal, Slot

from kiosk import paths

log = logging.getLogger(__name__)

# The visitor's languages and the voices that can read them.
LANGUAGES: dict[str, QLocale.Language] = {"nl": QLocale.Language.Dutch,
                                          "en": QLocale.Language.English}
OFF = "none"  # Config.speech.read_aloud_engine: no read-aloud at all
SPEECHD_TIMEOUT_S = 5.0   # a speech-dispatcher slower than this to answer is taken as stuck
ENGINE_ARGUMENT = "speech-engine"   # the bundle's executable runs the engine with this
PLATFORM_ENGINE = ""   # what Config.speech.read_aloud_engine "" means: the platform's own engine


def child_command(engine_name: str, languages: Iterable[str]) -> list[str]:
    """The command that runs the engine process (``kiosk.media.speech_engine``): the bundle's
    own executable, or this Python with the module (not ``-m kiosk``: that loads the kiosk)."""
    args = [engine_name, ",".join(languages), f"{SPEECHD_TIMEOUT_S:g}"]
    if paths.is_frozen():
        return [sys.executable, ENGINE_ARGUMENT, *args]
    return [sys.executable, "-m", "kiosk.media.speech_engine", *args]


class Speech(QObject):
    """The kiosk's side of the engine process: ask it to speak, hear what it can and does.

    ``voicesFound(list)`` once the engine started (the languages that have a voice),
    ``failed(str)`` when it cannot start or speak, or the process is missing or died,
    ``speakingChanged(bool)``. Nothing here waits for the engine: its lines arrive through
    Qt's event loop.
    """

    voicesFound = Signal(list)
    failed = Signal(str)
    speakingChanged = Signal(bool)

    def __init__(self, engine_name: str, languages: Iterable[str]) -> None:
        super().__init__()
        self.engine_name = engine_name or PLATFORM_ENGINE
        self._languages = list(languages)
        self._process: QProcess | None = None
        self._ready = False     # the engine reported its voices
        self._closing = False
        self._dead = False      # failed or ended: say nothing more

    @property
    def started(self) -> bool:
        """The process was started (read-aloud is not off)."""
        return self._process is not None

    @property
    def settled(self) -> bool:
        """The engine reported its voices, or read-aloud is off, failed or ended."""
        return self._ready or self._dead or self.engine_name == OFF

    def start(self) -> None:
        """Start the engine process; its voices arrive later (``voicesFound``)."""
        if self.engine_name == OFF or self._process is not None or self._closing:
            return
        command = child_command(self.engine_name, self._languages)
        process = QProcess(self)
        process.setProgram(command[0])
        process.setArguments(command[1:])
        process.readyReadStandardOutput.connect(self._read)
        process.readyReadStandardError.connect(self._read_errors)
        process.errorOccurred.connect(self._on_error)
        process.finished.connect(self._on_finished)
        self._process = process
        process.start()

    def say(self, text: str, lang: str) -> None:
        self._send({"say": text, "lang": lang})

    def stop(self) -> None:
        self._send({"stop": True})

    def close(self, wait_s: float) -> bool:
        """Stop speaking and end the process; False when it did not end within ``wait_s`` (it
        is killed then). A process that has not reported yet is killed at once: it says
        nothing yet, and waiting would only hold up the kiosk's closing."""
        self._closing = True
        process = self._process
        if process is None or process.state() == QProcess.ProcessState.NotRunning:
            return True
        ended = False
        if self._ready and not self._dead:
            self.stop()
            process.closeWriteChannel()    # the end of its input ends it
            ended = process.waitForFinished(max(1, int(wait_s * 1000)))
        if not ended:
            process.kill()
            process.waitForFinished(1000)
        return ended or not self._ready

    def _send(self, message: dict[str, Any]) -> None:
        process = self._process
        if (process is None or self._dead or self._closing
                or process.state() != QProcess.ProcessState.Running):
            return
        process.write((json.dumps(message, ensure_ascii=False) + "\n").encode("utf-8"))

    @Slot()
    def _read(self) -> None:
        process = self._process
        if process is None:
            return
        while process.canReadLine():
            line = bytes(process.readLine().data()).decode("utf-8", "replace")
            try:
                message = json.loads(line)
            except ValueError:
                log.info("read-aloud engine: %s", line.rstrip())
                continue
            if isinstance(message, dict):
                self._on_message(message)

    def _on_message(self, message: dict[str, Any]) -> None:
        if "voices" in message:
            self._ready = True
            languages = [str(x) for x in message["voices"]]
            log.info("read-aloud: engine %s, voices for %s", message.get("engine") or "(default)",
                     ", ".join(languages) or "no language of the kiosk")
            self.voicesFound.emit(languages)
        elif "failed" in message:
            self._fail(str(message["failed"]))
        elif "speaking" in message:
            self.speakingChanged.emit(bool(message["speaking"]))

    @Slot()
    def _read_errors(self) -> None:
        process = self._process
        if process is None:
            return
        text = bytes(process.readAllStandardError().data()).decode("utf-8", "replace")
        for line in text.splitlines():
            if line.strip():
                log.info("read-aloud engine: %s", line.rstrip())

    def _fail(self, reason: str) -> None:
        if self._dead:
            return
        self._dead = True
        log.warning("read-aloud off: %s", reason)
        self.failed.emit(reason)

    @Slot(QProcess.ProcessError)
    def _on_error(self, error: QProcess.ProcessError) -> None:
        if error == QProcess.ProcessError.FailedToStart and not self._closing:
            process = self._process
            self._fail("the speech engine process did not start"
                       + (f" ({process.errorString()})" if process is not None else ""))

    @Slot(int, QProcess.ExitStatus)
    def _on_finished(self, code: int, status: QProcess.ExitStatus) -> None:
        if self._closing:
            return
        self._read()   # its last lines first
        how = "crashed" if status == QProcess.ExitStatus.CrashExit else f"ended with {code}"
        self._fail(f"the speech engine process {how}")


def voice_report(engine_name: str, lang: str, timeout_s: float) -> tuple[bool, str]:
    """(a voice for ``lang`` exists, what to say) for preflight: the engine process the kiosk
    would start, asked once; never waits past the timeout."""
    engine_name = engine_name or PLATFORM_ENGINE
    if engine_name == OFF:
        return False, "read-aloud is off (Config.speech.read_aloud_engine)"
    try:
        child = subprocess.Popen(child_command(engine_name, [lang]), stdin=subprocess.PIPE,
                                 stdout=subprocess.PIPE, stderr=subprocess.DEVNULL,
                                 encoding="utf-8")
    except OSError as exc:
        return False, f"the speech engine process did not start ({exc.strerror or exc})"
    said: list[dict[str, Any]] = []

    def first_answer() -> None:
        assert child.stdout is not None
        for line in child.stdout:
            try:
                message = json.loads(line)
            except ValueError:
                continue
            if isinstance(message, dict) and ("voices" in message or "failed" in message):
                said.append(message)
                return

    reader = threading.Thread(target=first_answer, name="speech-probe", daemon=True)
    reader.start()
    reader.join(timeout_s)
    child.kill()
    child.wait()
    reader.join(1.0)   # the killed child's output ends
    for pipe in (child.stdin, child.stdout):
        with contextlib.suppress(OSError):
            if pipe is not None:
                pipe.close()
    if not said:
        if reader.is_alive():
            return False, f"the speech engine did not answer within {timeout_s:g} s"
        return False, f"the speech engine process ended (exit {child.returncode})"
    answer = said[0]
    if "failed" in answer:
        return False, str(answer["failed"])
    names = answer.get("names") or {}
    engine = answer.get("engine") or engine_name or "(default)"
    if lang in answer["voices"] and lang in names:
        return True, f"{names[lang]} ({engine})"
    return False, f"engine {engine} has no voice for '{lang}'"
