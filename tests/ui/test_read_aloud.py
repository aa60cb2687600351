"""Read-aloud: Qt's own text-to-speech behind the speaker buttons (kiosk.ui.read_aloud), in an
engine process of its own (kiosk.media.speech_engine).

Engines used: Qt's "mock" plug-in (ships with PySide6: English voices, no Dutch one, speaks in
a quarter second), a plug-in name Qt does not have (the engine fails to start), and the
machine's speech-dispatcher with espeak-ng where it is installed (tools/setup.sh)."""
from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtTextToSpeech import QTextToSpeech

from kiosk.config import Config
from kiosk.media.speech import Speech, voice_report
from kiosk.ui.read_aloud import ReadAloud
from tests.uitools import find_items, is_shown, open_from_home, touch_tap

ENGINES = QTextToSpeech.availableEngines()
START_MS = 30_000   # an engine process starts in well under a second; a loaded machine is slower


def service(engine: str, lang: str = "nl", **kw: Any) -> ReadAloud:
    return ReadAloud(Speech(engine, ("nl", "en")), lang=lang, **kw)


def started(qtbot: Any, read: ReadAloud, timeout: int = START_MS) -> ReadAloud:
    with qtbot.waitSignal(read.changed, timeout=timeout):
        read.start()
    return read


@pytest.fixture
def made() -> Any:
    services: list[ReadAloud] = []
    yield services
    for s in services:
        s.close(1.0)


@pytest.mark.skipif("mock" not in ENGINES, reason="Qt's mock text-to-speech plug-in missing")
def test_a_voice_per_language_decides_the_button(qtbot: Any, made: list[ReadAloud]) -> None:
    read = started(qtbot, service("mock"))
    made.append(read)
    assert read.available_for("en") and not read.available_for("nl")
    assert not read.available   # the visitor speaks Dutch: no Dutch voice, no button
    read.set_language("en")
    assert read.available


class Store:
    """Records what the service would write (the real store's checks are in test_privacy)."""

    def __init__(self) -> None:
        self.events: list[tuple[str, str | None, dict[str, Any]]] = []

    def record(self, kind: str, session_id: str | None, **fields: Any) -> bool:
        self.events.append((kind, session_id, fields))
        return True


class Visit:
    session_id = "0123456789abcdef"


@pytest.mark.skipif("mock" not in ENGINES, reason="Qt's mock text-to-speech plug-in missing")
def test_reading_then_done_and_a_second_tap_stops(qtbot: Any, made: list[ReadAloud]) -> None:
    store = Store()
    read = started(qtbot, service("mock", "en", store=store, controller=Visit()))
    made.append(read)
    read.read("job", "Electrician. You fit solar panels.")
    assert read.reading == "job\nElectrician. You fit solar panels."
    qtbot.waitUntil(lambda: read.reading == "", timeout=10_000)   # read to the end
    assert store.events == [("read_aloud", Visit.session_id, {"purpose": "job", "lang": "en"})]

    read.read("card", "Build a tree house. " * 40)   # long enough to still be speaking
    qtbot.waitUntil(lambda: read._speaking, timeout=10_000)
    read.read("card", "Build a tree house. " * 40)   # the same button again: stop
    assert read.reading == ""
    qtbot.waitUntil(lambda: not read._speaking, timeout=10_000)
    assert [e[2]["purpose"] for e in store.events] == ["job", "card"]   # a stop is no read


def test_an_engine_that_does_not_start_shows_no_button(qtbot: Any, made: list[ReadAloud]) -> None:
    read = started(qtbot, service("no-such-engine", "en"))
    made.append(read)
    assert not read.available_for("en") and not read.available_for("nl")
    read.read("job", "Electrician")    # a tap that reached it anyway does nothing
    assert read.reading == ""


def test_read_aloud_off_never_starts_an_engine(qtbot: Any) -> None:
    read = service("none", "en")
    read.start()
    qtbot.wait(50)   # nothing to wait for: no thread, no signal
    assert not read.available and not read._speech.started and read.settled
    read.close(0.1)


SPEECHD = "speechd" in ENGINES and shutil.which("speech-dispatcher") and shutil.which("espeak-ng")


@pytest.mark.skipif(not SPEECHD, reason="speech-dispatcher and espeak-ng are not installed")
def test_the_real_engine_has_a_dutch_and_an_english_voice(qtbot: Any,
                                                           made: list[ReadAloud]) -> None:
    # speech-dispatcher lists espeak-ng's voices first: seconds on a loaded machine
    read = started(qtbot, service("speechd"), timeout=60_000)
    made.append(read)
    assert read.available_for("nl") and read.available_for("en")
    ok, said = voice_report("speechd", "nl", 60)
    assert ok and "speechd" in said


def test_preflight_names_an_engine_without_a_dutch_voice() -> None:
    ok, said = voice_report("mock", "nl", 10) if "mock" in ENGINES else (False, "no voice")
    assert not ok and "no voice" in said
    ok, said = voice_report("no-such-engine", "nl", 10)
    assert not ok and "does not start" in said


# -- in the kiosk ----------------------------------------------------------------------------

def _start_game(qtbot: Any, app: Any) -> Any:
    """Start, the game, its first card: that card's speaker (shown or not)."""
    open_from_home(app, qtbot, "homeGame", "game")
    qtbot.waitUntil(lambda: is_shown(app.window, "gameStart"))
    touch_tap(app.window, "gameStart")
    qtbot.waitUntil(lambda: bool(app.game.playerA.card))
    def in_play() -> list[Any]:
        # the card being answered (the one beneath, flying ones and other decks have none)
        card = app.game.playerA.card or {}
        return [i for i in find_items(app.window, "speaker_card")
                if i.property("wanted") and i.parentItem().isVisible()
                and i.parentItem().property("cardId") == card.get("id")]
    qtbot.waitUntil(lambda: len(in_play()) == 1)
    return in_play()[0]


def test_the_card_speaker_reads_in_english_and_hides_without_a_dutch_voice(
        make_kiosk: Any, qtbot: Any, data_dir: Path) -> None:
    app = make_kiosk(config=Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                                   idle_from_event=False, read_aloud_engine="mock"))
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud.available_for("en"), timeout=START_MS)
    speaker = _start_game(qtbot, app)
    assert not speaker.isVisible()    # Dutch: Qt's mock engine has no Dutch voice
    app.controller.setLanguage("en")
    qtbot.waitUntil(speaker.isVisible)
    card = app.game.playerA.card
    touch_tap(app.window, speaker)
    qtbot.waitUntil(lambda: app.read_aloud.reading != "")
    assert app.read_aloud.reading == "card\n" + card["speech"]
    app.controller.goHome()     # another screen: the reading stops
    qtbot.waitUntil(lambda: app.read_aloud.reading == "")
    app.store.flush()
    rows = sqlite3.connect(app.db_path).execute(
        "SELECT purpose, lang, target, screen FROM events WHERE kind = 'read_aloud'").fetchall()
    assert rows == [("card", "en", None, None)]   # the kind and the language, never the text


def test_a_failing_engine_hides_every_speaker(make_kiosk: Any, qtbot: Any) -> None:
    _no_speaker_anywhere_when_the_engine_fails(make_kiosk, qtbot, "no-such-engine")


def _no_speaker_anywhere_when_the_engine_fails(make_kiosk: Any, qtbot: Any, engine: str) -> None:
    """An English kiosk whose engine ``engine`` fails: no speaker on the card, the result or the
    parents' page."""
    app = make_kiosk(config=Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                                   idle_from_event=False, read_aloud_engine=engine),
                     args=("--lang", "en"))
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud._failed, timeout=START_MS)
    speaker = _start_game(qtbot, app)
    assert not speaker.isVisible()
    # after the game: every job card's speaker, then the parents' page's, exists and is hidden
    from tools.layout_check import answer_all

    answer_all(app)
    qtbot.waitUntil(lambda: app.controller.state == "result")
    qtbot.waitUntil(lambda: is_shown(app.window, "resultJob_1"))
    ranks = [j["rank"] for j in app.game.result["jobs"] if not j["surprise"]]
    speakers = [i for r in ranks for i in find_items(app.window, f"speaker_job_{r}")]
    assert len(speakers) >= len(ranks)
    assert not any(i.isVisible() for i in speakers)
    app.controller.goHome()
    qtbot.waitUntil(lambda: app.controller.state == "home")
    app.controller.openSection("parents")
    qtbot.waitUntil(lambda: is_shown(app.window, "parentsStep_1"))
    assert find_items(app.window, "speaker_parents")
    assert not is_shown(app.window, "speaker_parents")


@pytest.fixture()
def no_text_to_speech(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> str:
    """The engine process runs on a Python without QtTextToSpeech (PySide6 without its Addons):
    a sitecustomize on its PYTHONPATH refuses the module, as a build without it would."""
    import os

    import kiosk

    site = tmp_path / "no-tts"
    site.mkdir()
    (site / "sitecustomize.py").write_text(
        "import importlib.abc, sys\n"
        "class _NoTextToSpeech(importlib.abc.MetaPathFinder):\n"
        "    def find_spec(self, name, path=None, target=None):\n"
        "        if name == 'PySide6.QtTextToSpeech':\n"
        "            raise ModuleNotFoundError(\"No module named 'PySide6.QtTextToSpeech'\")\n"
        "        return None\n"
        "sys.meta_path.insert(0, _NoTextToSpeech())\n", encoding="utf-8")
    root = str(Path(kiosk.__file__).resolve().parents[1])
    monkeypatch.setenv("PYTHONPATH", os.pathsep.join(
        p for p in (str(site), root, os.environ.get("PYTHONPATH", "")) if p))
    return str(site)


@pytest.mark.skipif("mock" not in ENGINES, reason="Qt's mock engine missing")
def test_without_qttexttospeech_preflight_says_so_and_no_speaker_shows(
        make_kiosk: Any, qtbot: Any, no_text_to_speech: str) -> None:
    # preflight asks the same engine process the kiosk starts: it names the missing module
    ok, said = voice_report("mock", "en", 20.0)
    assert not ok and "QtTextToSpeech is not installed" in said, said
    # Qt's mock engine has an English voice: with the module the card's speaker shows in English
    # (test_the_card_speaker_reads_in_english…); without it, no speaker anywhere
    _no_speaker_anywhere_when_the_engine_fails(make_kiosk, qtbot, "mock")


def test_a_job_card_reads_the_job_and_once_open_its_details(make_kiosk: Any, qtbot: Any) -> None:
    from tests.ui.test_result_light import play

    app = make_kiosk(config=Config().with_(idle_timeout_s=600.0, still_there_countdown_s=60.0,
                                   idle_from_event=False, read_aloud_engine="mock"),
                     args=("--lang", "en"))
    qtbot.waitUntil(app.window.isExposed)
    qtbot.waitUntil(lambda: app.read_aloud.available, timeout=START_MS)
    app.controller.start()
    play(app, lambda i: i % 3 != 2)
    qtbot.waitUntil(lambda: is_shown(app.window, "speaker_job_1"))
    job = app.game.result["jobs"][0]
    assert job["title"] in job["speech"] and "→" not in job["speech"]
    touch_tap(app.window, "speaker_job_1")
    qtbot.waitUntil(lambda: app.read_aloud.reading == "job\n" + job["speech"])
    touch_tap(app.window, "resultMore_1")             # the details open: the speaker reads them
    qtbot.waitUntil(lambda: is_shown(app.window, "resultRoute_1_1"))
    touch_tap(app.window, "speaker_job_1")
    qtbot.waitUntil(lambda: app.read_aloud.reading == "details\n" + job["detailsSpeech"])
    assert "Here today" in job["detailsSpeech"] or not job["companies"]


@pytest.mark.skipif("speechd" not in ENGINES, reason="Qt's speechd plug-in missing")
def test_a_speech_dispatcher_that_never_answers_leaves_the_kiosk_running(
        qtbot: Any, made: list[ReadAloud], tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    """The daemon does this when it lost its sound output: it accepts and stays silent. Qt's
    plug-in would wait forever holding Python's lock; the kiosk asks first, with a timeout."""
    import socket

    from kiosk.media import speech

    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.bind(str(tmp_path / "speechd.sock"))
    silent.listen(4)            # accepts every client (the kernel does), never answers
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{tmp_path / 'speechd.sock'}")
    monkeypatch.setattr(speech, "SPEECHD_TIMEOUT_S", 0.5)
    read = service("speechd", "en")
    made.append(read)
    ticks: list[int] = []
    with qtbot.waitSignal(read._speech.failed, timeout=10_000) as failed:
        read.start()
        qtbot.waitUntil(lambda: ticks.append(1) or len(ticks) > 3)   # the UI thread runs on
    assert "does not answer" in failed.args[0]
    assert not read.available_for("en") and not read.available_for("nl")
    assert voice_report("speechd", "nl", 10)[0] is False
    silent.close()


# -- the engine's own process ----------------------------------------------------------------

@pytest.mark.skipif("mock" not in ENGINES, reason="Qt's mock text-to-speech plug-in missing")
def test_an_engine_process_that_dies_hides_the_buttons(qtbot: Any, made: list[ReadAloud]) -> None:
    read = started(qtbot, service("mock", "en"))
    made.append(read)
    read.read("job", "Electrician. You fit solar panels. " * 20)
    qtbot.waitUntil(lambda: read._speaking, timeout=10_000)
    process = read._speech._process
    assert process is not None and process.processId() > 0
    with qtbot.waitSignal(read._speech.failed, timeout=10_000) as failed:
        process.kill()      # what a crash in the engine's plug-in looks like from here
    assert "process" in failed.args[0]
    assert not read.available and read.reading == "" and read.settled
    read.read("job", "Electrician")      # a tap that reached it anyway does nothing
    assert read.reading == ""


def test_a_missing_engine_program_hides_the_buttons(qtbot: Any, made: list[ReadAloud],
                                                    tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    from kiosk.media import speech

    monkeypatch.setattr(speech, "child_command",
                        lambda name, langs: [str(tmp_path / "no-such-program"), name])
    read = started(qtbot, service("mock", "en"))
    made.append(read)
    assert not read.available_for("en") and read.settled
    assert voice_report("mock", "nl", 10) == (False, "the speech engine process did not start "
                                                     "(No such file or directory)")


# The kiosk's side in a process of its own: voices arrive, and Qt's text-to-speech (whose
# speechd plug-in holds Python's lock for seconds) was never loaded into it.
KIOSK_SIDE = r"""
import json, os, sys
from PySide6.QtCore import QCoreApplication, QTimer
from kiosk.media.speech import Speech
app = QCoreApplication([])
speech = Speech("mock", ["nl", "en"])
heard = {}
speech.voicesFound.connect(lambda langs: (heard.update(voices=langs), app.quit()))
speech.failed.connect(lambda why: (heard.update(failed=why), app.quit()))
QTimer.singleShot(30_000, app.quit)
speech.start()
app.exec()
heard["engine_pid"] = speech._process.processId()
heard["pid"] = os.getpid()
heard["tts_loaded"] = "PySide6.QtTextToSpeech" in sys.modules
speech.close(1.0)
print(json.dumps(heard))
"""


@pytest.mark.skipif("mock" not in ENGINES, reason="Qt's mock text-to-speech plug-in missing")
def test_the_kiosk_never_loads_the_engine_itself() -> None:
    import json
    import os
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    out = subprocess.run([sys.executable, "-c", KIOSK_SIDE], cwd=root, capture_output=True,
                         text=True, timeout=60, check=True,
                         env={**os.environ, "PYTHONPATH": str(root)}).stdout
    heard = json.loads(out.strip().splitlines()[-1])
    assert heard["voices"] == ["en"]
    assert heard["engine_pid"] not in (0, heard["pid"]) and heard["tts_loaded"] is False


@pytest.mark.skipif("speechd" not in ENGINES, reason="Qt's speechd plug-in missing")
def test_an_engine_process_stuck_in_the_engine_ends_with_the_kiosk(tmp_path: Path) -> None:
    """A daemon that accepts and never answers holds the engine's main thread (here in the
    probe, told to wait 120 s); when the kiosk's side closes, the process still ends."""
    import os
    import socket
    import subprocess
    import sys

    silent = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    silent.bind(str(tmp_path / "speechd.sock"))
    silent.listen(4)
    root = Path(__file__).resolve().parents[2]
    env = {**os.environ, "PYTHONPATH": str(root),
           "SPEECHD_ADDRESS": f"unix_socket:{tmp_path / 'speechd.sock'}"}
    with subprocess.Popen([sys.executable, "-m", "kiosk.media.speech_engine", "speechd", "nl",
                           "120"], stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                          stderr=subprocess.DEVNULL, env=env) as child:
        try:
            assert child.stdout is not None and child.stdin is not None
            child.stdin.write(b'{"stop": true}\n')   # it reads: its main thread is stuck
            child.stdin.flush()
            child.stdin.close()                       # the kiosk is gone
            assert child.wait(timeout=30) == 0        # not after the probe's 120 s
            assert child.stdout.read() == b""         # nothing was reported: it never started
        finally:
            child.kill()
            silent.close()
