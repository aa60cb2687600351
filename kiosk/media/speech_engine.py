"""The read-aloud engine's own process: Qt's text-to-speech (QtTextToSpeech) and nothing else.

    python -m kiosk.media.speech_engine ENGINE LANGS TIMEOUT     (bliq-kiosk speech-engine …)

The kiosk runs this as a child (``kiosk.media.speech.Speech``) instead of loading the engine
itself: Qt's speechd plug-in holds Python's lock for about 2 s while it lists voices, and a
speech-dispatcher that lost its sound output never answers at all. In a process of its own
that stalls only this process; the kiosk's UI and event writer run on.

The pipe speaks one JSON object a line, UTF-8. To the kiosk (stdout):
``{"voices": ["nl", "en"], "engine": "speechd", "names": {"nl": "Dutch"}}`` once the engine
started (the languages in LANGS that have a voice), ``{"failed": "why"}`` when it cannot start
or speak, ``{"speaking": true|false}``. From the kiosk (stdin): ``{"say": "text", "lang": "nl"}``
and ``{"stop": true}``. The end of stdin (the kiosk closed it, or died) ends this process.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, TextIO

from PySide6.QtCore import QCoreApplication, QObject, QTimer, Signal, Slot

from kiosk.media import speech

try:  # PySide6-Addons; without it the kiosk hears "failed" and hides the speaker buttons
    from PySide6.QtTextToSpeech import QTextToSpeech
except ImportError:  # pragma: no cover - the test environment has it
    QTextToSpeech = None  # type: ignore[assignment,misc]


def _speechd_socket() -> Path:
    """Where speech-dispatcher listens (libspeechd's own rule for a unix socket)."""
    address = os.environ.get("SPEECHD_ADDRESS", "")
    if address.startswith("unix_socket:"):
        return Path(address.split(":", 1)[1])
    # GLib's user runtime folder: XDG_RUNTIME_DIR, else the user cache folder (XDG_CACHE_HOME,
    # else ~/.cache)
    runtime = os.environ.get("XDG_RUNTIME_DIR") or os.environ.get("XDG_CACHE_HOME")
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


def _make_engine(name: str) -> QTextToSpeech:
    return QTextToSpeech(name) if name else QTextToSpeech()


class _Engine(QObject):
    """The engine and what the kiosk asks of it, on this process's main thread."""

    voices = Signal(list, str, dict)   # languages with a voice, the engine's name, voice names
    failed = Signal(str)
    speaking = Signal(bool)

    def __init__(self, engine_name: str, languages: Iterable[str], speechd_timeout_s: float,
                 make: Callable[[str], QTextToSpeech] = _make_engine) -> None:
        super().__init__()
        self._name = engine_name
        self._languages = list(languages)
        self._timeout_s = speechd_timeout_s
        self._make = make
        self._tts: QTextToSpeech | None = None

    @Slot()
    def start(self) -> None:
        try:
            self._start()
        except Exception as exc:  # noqa: BLE001 - a broken plug-in is reported, not raised
            self.failed.emit(f"{type(exc).__name__}: {exc}")

    def _start(self) -> None:
        if QTextToSpeech is None:
            self.failed.emit("QtTextToSpeech is not installed (PySide6-Addons)")
            return
        if self._uses_speechd():
            # the plug-in would wait forever on a daemon that accepts and never answers
            problem = speechd_answers(self._timeout_s)
            if problem is not None:
                self.failed.emit(problem)
                return
        tts = self._make(self._name)   # may take seconds
        if tts.state() == QTextToSpeech.State.Error:
            self.failed.emit(f"engine {self._name or '(default)'} does not start: "
                             f"{tts.errorString() or 'no reason given'}")
            return
        self._tts = tts
        tts.stateChanged.connect(self._on_state)
        tts.errorOccurred.connect(self._on_error)
        found = {lang: self._voices_for(tts, lang) for lang in self._languages}
        self.voices.emit([lang for lang, v in found.items() if v], tts.engine(),
                         {lang: v[0].name() for lang, v in found.items() if v})

    def _uses_speechd(self) -> bool:
        if self._name:
            return self._name == "speechd"
        engines = QTextToSpeech.availableEngines()
        return bool(engines) and engines[0] == "speechd"

    @staticmethod
    def _voices_for(tts: QTextToSpeech, lang: str) -> list[Any]:
        """The engine's voices that speak ``lang``; an engine may answer a locale it does not
        have with voices of another, so the language of each voice is checked."""
        from PySide6.QtCore import QLocale

        language = speech.LANGUAGES.get(lang)
        if language is None:
            return []
        return [v for v in tts.allVoices(QLocale(language))
                if v.locale().language() == language]

    @Slot(str, str)
    def say(self, text: str, lang: str) -> None:
        tts = self._tts
        if tts is None:
            return
        found = self._voices_for(tts, lang)
        if not found:
            return
        tts.stop()
        if tts.voice().locale().language() != speech.LANGUAGES[lang]:
            tts.setLocale(found[0].locale())
            if tts.voice().locale().language() != speech.LANGUAGES[lang]:
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


QUIT_GRACE_S = 2.0   # after the kiosk's side closed, then this process ends regardless


class _Commands(QObject):
    """Reads the kiosk's lines on a thread of its own (a pipe cannot be watched by Qt's event
    loop on Windows) and hands each to the main thread."""

    command = Signal(dict)
    ended = Signal()

    def __init__(self, source: TextIO, finished: threading.Event) -> None:
        super().__init__()
        self._source = source
        self._finished = finished

    def run(self) -> None:
        for line in self._source:
            try:
                message = json.loads(line)
            except ValueError:
                continue   # not ours; the next line may be
            if isinstance(message, dict):
                self.command.emit(message)
        self.ended.emit()
        # The kiosk closed its side or is gone. A main thread stuck in the engine (Qt's speechd
        # plug-in waits in connect() for ever on a daemon that stopped answering) would keep
        # this process alive, orphaned, for ever: it gets a moment to end, then it is ended.
        if not self._finished.wait(QUIT_GRACE_S):
            os._exit(0)


def main(argv: list[str]) -> int:
    """Run the engine for the kiosk on stdin/stdout until stdin ends; see the module's text."""
    if len(argv) != 3 or sys.stdin is None or sys.stdout is None:
        print("usage: speech_engine ENGINE LANG[,LANG…] SPEECHD_TIMEOUT_S", file=sys.stderr)
        return 2
    engine_name, languages, timeout = argv[0], [x for x in argv[1].split(",") if x], argv[2]
    app = QCoreApplication([sys.argv[0] if sys.argv else "speech-engine"])
    stdin = open(sys.stdin.fileno(), encoding="utf-8", closefd=False)
    stdout = open(sys.stdout.fileno(), "w", encoding="utf-8", closefd=False)

    def send(message: dict[str, object]) -> None:
        try:
            stdout.write(json.dumps(message, ensure_ascii=False) + "\n")
            stdout.flush()
        except OSError:   # the kiosk is gone
            app.quit()

    engine = _Engine(engine_name, languages, float(timeout))
    engine.voices.connect(lambda langs, name, names: send(
        {"voices": langs, "engine": name, "names": names}))
    engine.failed.connect(lambda why: send({"failed": why}))
    engine.speaking.connect(lambda on: send({"speaking": on}))

    def obey(message: dict[str, Any]) -> None:
        if "say" in message:
            engine.say(str(message["say"]), str(message.get("lang", "")))
        elif message.get("stop"):
            engine.stop()

    finished = threading.Event()
    commands = _Commands(stdin, finished)
    commands.command.connect(obey)          # queued: emitted on the reading thread
    commands.ended.connect(app.quit)
    threading.Thread(target=commands.run, name="commands", daemon=True).start()
    QTimer.singleShot(0, engine.start)
    app.exec()
    engine.stop()
    finished.set()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
