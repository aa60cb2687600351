"""Qt's own text-to-speech (QtTextToSpeech) on a thread of its own.

The engine is the platform's: SAPI or WinRT voices on Windows, speech-dispatcher with espeak-ng
on Linux. Starting it can take seconds (speech-dispatcher lists every voice variant first), and
a speech-dispatcher that lost its sound output stops answering: a client then waits forever in
the engine's constructor or in ``say``. So the engine never runs on the UI thread. It lives on
a daemon thread with its own event loop; the UI talks to it through queued signals and hears
back which languages have a voice and whether it is speaking. A thread stuck in the engine is
left behind (a daemon thread ends with the process); the kiosk only sees no voices.

``voice_report`` is the same start-up for ``kiosk preflight``, bounded by a timeout.
"""
from __future__ import annotations

import logging
import os
import shutil
import socket
import subprocess
import threading
from pathlib import Path
from collections.abc import Callable, Iterable

from PySide6.QtCore import QEventLoop, QLocale, QObject, Signal, Slot

try:  # PySide6-Addons; a build without it reads nothing aloud and runs on
    from PySide6.QtTextToSpeech import QTextToSpeech, QVoice
except ImportError:  # pragma: no cover - the test environment has it
    QTextToSpeech = None  # type: ignore[assignment,misc]
    QVoice = None  # type: ignore[assignment,misc]

log = logging.getLogger(__name__)

# The visitor's languages and the voices that can read them.
LANGUAGES: dict[str, QLocale.Language] = {"nl": QLocale.Language.Dutch,
                                          "en": QLocale.Language.English}
OFF = "none"  # Config.read_aloud_engine: no read-aloud at all
SPEECHD_TIMEOUT_S = 5.0   # a speech-dispatcher slower than this to answer is taken as stuck


def voices_for(tts: QTextToSpeech, lang: str) -> list[QVoice]:
    """The engine's voices that speak ``lang`` ('nl'); an engine may answer a locale it does not
    have with voices of another, so the language of each voice is checked."""
    language = LANGUAGES.get(lang)
    if language is None:
        return []
    return [v for v in tts.allVoices(QLocale(language)) if v.locale().language() == language]


def _make_engine(name: str) -> QTextToSpeech:
    return QTextToSpeech(name) if name else QTextToSpeech()


def _speechd_socket() -> Path:
    """Where speech-dispatcher listens (libspeechd's own rule for a unix socket)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    runtime = os.environ.get("XDG_RUNTIME_DIR")
    base = Path(runtime) if runtime else Path.home() / ".cache"
    return base / "speech-dispatcher" / "speechd.sock"


def speechd_answers(timeout_s: float) -> str | None:
    """None when speech-dispatcher answers a command within ``timeout_s``, else why not.

    Qt's speechd plug-in holds Python's lock while it connects and lists voices, so a daemon
    that stops answering (it does when it lost its sound output) would freeze every Python
    thread of the kiosk. This asks first, in plain Python, with a timeout; a missing daemon is
    started the way the plug-in would (``speech-dispatcher --spawn``), outside that lock."""
    path = _speechd_socket()
    try:
        return _speechd_reply(path, timeout_s)
    except (FileNotFoundError, ConnectionRefusedError):
        # no daemon: no socket, or one left behind by a daemon that ended (it ends by itself a
        # few seconds after its last client, and its socket file stays): start it, ask again
        pass
    spawn = shutil.which("speech-dispatcher")
    if spawn is None:
        return "speech-dispatcher is not installed"
    try:
        subprocess.run([spawn, "--spawn"], timeout=timeout_s, capture_output=True, check=False)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"speech-dispatcher did not start ({type(exc).__name__})"
    try:
        return _speechd_reply(path, timeout_s)
    except OSError as exc:
        return f"speech-dispatcher does not answer ({exc.strerror or type(exc).__name__})"


def _speechd_reply(path: Path, timeout_s: float) -> str | None:
    """None when the daemon behind ``path`` answers a command within ``timeout_s``, else why
    not; raises FileNotFoundError or ConnectionRefusedError when no daemon listens there."""
    try:
        with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as sock:
            sock.settimeout(timeout_s)
            sock.connect(str(path))
            sock.sendall(b"QUIT\r\n")   # any command gets a numbered answer line
            if not sock.recv(64)[:1].isdigit():
                return "speech-dispatcher gave no answer"
    except (FileNotFoundError, ConnectionRefusedError):
        raise
    except OSError as exc:
        return f"speech-dispatcher does not answer ({exc.strerror or type(exc).__name__})"
    return None


def _uses_speechd(name: str) -> bool:
    if name:
        return name == "speechd"
    engines = QTextToSpeech.availableEngines() if QTextToSpeech is not None else []
    return bool(engines) and engines[0] == "speechd"


class _Engine(QObject):
    """The engine and its slots; lives on the speech thread."""

    voices = Signal(list, str)   # languages with a voice, the engine's name ([] when it failed)
    failed = Signal(str)
    speaking = Signal(bool)

    def __init__(self, engine_name: str, languages: Iterable[str],
                 make: Callable[[str], QTextToSpeech]) -> None:
        super().__init__()
        self._name = engine_name
        self._languages = list(languages)
        self._make = make
        self._tts: QTextToSpeech | None = None

    def start(self) -> None:
        if self._make is _make_engine and _uses_speechd(self._name):
            problem = speechd_answers(SPEECHD_TIMEOUT_S)
            if problem is not None:
                self.failed.emit(problem)
                return
        tts = self._make(self._name)   # may take seconds, or never return
        if tts.state() == QTextToSpeech.State.Error:
            self.failed.emit(tts.errorString() or "the engine did not start")
            return
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        self.voices.emit([lang for lang in self._languages if voices_for(tts, lang)],
                         tts.engine())

    @Slot(str, str)
    def say(self, text: str, lang: str) -> None:
        tts = self._tts
        if tts is None:
            return
        found = voices_for(tts, lang)
        if not found:
            return
        tts.stop()
        if tts.voice().locale().language() != LANGUAGES[lang]:
            tts.setLocale(found[0].locale())
            if tts.voice().locale().language() != LANGUAGES[lang]:
                tts.setVoice(found[0])
        tts.say(text)

    @Slot()
    def stop(self) -> None:
        if self._tts is not None:
            self._tts.stop()

    def _on_state(self, state: QTextToSpeech.State) -> None:
        if state == QTextToSpeech.State.Error:
            self._on_error()
            return
        self.speaking.emit(state in (QTextToSpeech.State.Speaking,
                                     QTextToSpeech.State.Synthesizing))

    def _on_error(self, *_: object) -> None:
        tts = self._tts
        self.failed.emit((tts.errorString() if tts is not None else "") or "speech failed")

    def close(self) -> None:
        if self._tts is not None:
            self._tts.stop()
            self._tts.deleteLater()
            self._tts = None


class Speech(QObject):
    """The UI thread's side of the engine: ask it to speak, hear what it can and does.

    ``voicesFound(list)`` once the engine started (the languages that have a voice),
    ``failed(str)`` when it cannot start or speak, ``speakingChanged(bool)``.
    """

    voicesFound = Signal(list)
    failed = Signal(str)
    speakingChanged = Signal(bool)
    _sayRequested = Signal(str, str)
    _stopRequested = Signal()
    _quitRequested = Signal()

    def __init__(self, engine_name: str, languages: Iterable[str]) -> None:
        super().__init__()
        self.engine_name = engine_name
        self._languages = list(languages)
        self._closing = threading.Event()
        self._started = threading.Event()   # the engine started or failed (voices known)
        self._thread: threading.Thread | None = None
        self._make = _make_engine   # read now: the thread may start it later

    def start(self, wait_s: float = 0.0) -> None:
        """Start the engine on its thread; wait up to ``wait_s`` until it has started.

        Qt's speechd plug-in lists its voices holding Python's lock (about 2 s): every Python
        thread, the event writer's too, stands still meanwhile. The kiosk waits for that while
        it builds, before a visitor can make events, rather than stall at a random moment."""
        if self.engine_name == OFF or self._thread is not None:
            return
        if QTextToSpeech is None:
            self._on_failed("QtTextToSpeech is not installed (PySide6-Addons)")
            return
        self._thread = threading.Thread(target=self._run, name="speech", daemon=True)
        self._thread.start()
        if wait_s > 0 and not self._started.wait(wait_s):
            log.warning("read-aloud: the engine did not start within %g s; going on without "
                        "waiting", wait_s)

    def say(self, text: str, lang: str) -> None:
        self._sayRequested.emit(text, lang)

    def stop(self) -> None:
        self._stopRequested.emit()

    def close(self, wait_s: float) -> bool:
        """Stop speaking and end the thread; False when it did not end within ``wait_s`` (an
        engine that hangs: the daemon thread is left to end with the process)."""
        self._closing.set()
        self._stopRequested.emit()
        self._quitRequested.emit()
        thread = self._thread
        if thread is None:
            return True
        thread.join(wait_s)
        return not thread.is_alive()

    @Slot(list, str)
    def _on_voices(self, languages: list[str], engine: str) -> None:
        log.info("read-aloud: engine %s, voices for %s", engine or "(default)",
                 ", ".join(languages) or "no language of the kiosk")
        self.voicesFound.emit(languages)

    @Slot(str)
    def _on_failed(self, reason: str) -> None:
        log.warning("read-aloud off: %s", reason)
        self.failed.emit(reason)

    @Slot(bool)
    def _on_speaking(self, speaking: bool) -> None:
        self.speakingChanged.emit(speaking)

    def _run(self) -> None:
        loop = QEventLoop()
        engine = _Engine(self.engine_name, self._languages, self._make)
        # Made on this thread, so every signal from the UI thread is queued to this loop.
        self._sayRequested.connect(engine.say)
        self._stopRequested.connect(engine.stop)
        self._quitRequested.connect(loop.quit)
        engine.voices.connect(self._on_voices)
        engine.failed.connect(self._on_failed)
        engine.speaking.connect(self._on_speaking)
        try:
            if not self._closing.is_set():
                engine.start()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in must not take the kiosk down
            engine.failed.emit(f"{type(exc).__name__}: {exc}")
        finally:
            self._started.set()
        if not self._closing.is_set():
            loop.exec()
        engine.close()


def voice_report(engine_name: str, lang: str, timeout_s: float) -> tuple[bool, str]:
    """(a voice for ``lang`` exists, what to say) for preflight; never waits past the timeout."""
    if engine_name == OFF:
        return False, "read-aloud is off (Config.read_aloud_engine)"
    if QTextToSpeech is None:
        return False, "QtTextToSpeech is not installed (PySide6-Addons)"
    result: list[tuple[bool, str]] = []

    def probe() -> None:
        try:
            if _uses_speechd(engine_name):
                problem = speechd_answers(min(timeout_s, SPEECHD_TIMEOUT_S))
                if problem is not None:
                    result.append((False, problem))
                    return
            tts = _make_engine(engine_name)
            if tts.state() == QTextToSpeech.State.Error:
                result.append((False, f"engine {engine_name or '(default)'} does not start: "
                                      f"{tts.errorString() or 'no reason given'}"))
                return
            found = voices_for(tts, lang)
            result.append((bool(found), f"{found[0].name()} ({tts.engine()})" if found else
                           f"engine {tts.engine()} has no voice for '{lang}'"))
        except Exception as exc:  # noqa: BLE001 - preflight reports, never crashes
            result.append((False, f"{type(exc).__name__}: {exc}"))

    thread = threading.Thread(target=probe, name="speech-probe", daemon=True)
    thread.start()
    thread.join(timeout_s)
    if not result:
        return False, f"the speech engine did not answer within {timeout_s:g} s"
    return result[0]
