"""The read-aloud probe of speech-dispatcher (kiosk.media.speech_engine.speechd_answers), with a
stand-in daemon: a real unix socket and a real child process, no Qt."""
from __future__ import annotations

import os
import socket
import stat
import sys
from pathlib import Path

import pytest

from kiosk.media import speech_engine as speech

# What `speech-dispatcher --spawn` does, in small: a daemon in the background that answers
# one command on the socket, then ends; the spawning command returns at once.
DAEMON = r'''#!{python}
import os, socket, sys
path = {path!r}
listening, told = os.pipe()
if os.fork():
    os.read(listening, 1)   # like speech-dispatcher --spawn: back once the daemon listens
    sys.exit(0)
os.setsid()
quiet = os.open(os.devnull, os.O_RDWR)
for fd in (0, 1, 2):
    os.dup2(quiet, fd)      # a daemon keeps none of its caller's pipes
if os.path.exists(path):
    os.unlink(path)
server = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
server.bind(path)
server.listen(1)
open({ready!r}, "w").close()
os.write(told, b"!")
conn, _ = server.accept()
conn.recv(64)
conn.sendall(b"231 HAPPY HACKING\r\n")
conn.close()
'''


@pytest.fixture
def address(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    path = tmp_path / "speechd.sock"
    monkeypatch.setenv("SPEECHD_ADDRESS", f"unix_socket:{path}")
    return path


def fake_spawn(tmp_path: Path, path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    ready = tmp_path / "spawned"
    script = tmp_path / "speech-dispatcher"
    script.write_text(DAEMON.format(python=sys.executable, path=str(path), ready=str(ready)))
    script.chmod(script.stat().st_mode | stat.S_IXUSR)
    monkeypatch.setattr(speech.shutil, "which", lambda name: str(script))
    return ready


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the stand-in daemon forks (POSIX)")
def test_a_socket_left_by_a_daemon_that_ended_starts_it_again(tmp_path: Path, address: Path,
                                                              monkeypatch) -> None:
    # a daemon ended and left its socket file: connecting is refused
    stale = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    stale.bind(str(address))
    stale.close()
    assert address.exists()
    ready = fake_spawn(tmp_path, address, monkeypatch)
    assert speech.speechd_answers(5.0) is None
    assert ready.exists()  # it was started, and it answered


@pytest.mark.skipif(not hasattr(os, "fork"), reason="the stand-in daemon forks (POSIX)")
def test_no_socket_starts_the_daemon(tmp_path: Path, address: Path, monkeypatch) -> None:
    ready = fake_spawn(tmp_path, address, monkeypatch)
    assert speech.speechd_answers(5.0) is None
    assert ready.exists()


def test_a_daemon_that_listens_but_never_answers_is_named_not_started_again(
        tmp_path: Path, address: Path, monkeypatch) -> None:
    hung = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    hung.bind(str(address))
    hung.listen(1)
    started = []
    monkeypatch.setattr(speech.shutil, "which", lambda name: started.append(name) or None)
    try:
        problem = speech.speechd_answers(0.3)
    finally:
        hung.close()
    assert problem is not None and "does not answer" in problem
    assert started == []  # a hung daemon is reported, not spawned over


def test_without_the_program_it_says_so(tmp_path: Path, address: Path, monkeypatch) -> None:
    monkeypatch.setattr(speech.shutil, "which", lambda name: None)
    assert speech.speechd_answers(1.0) == "speech-dispatcher is not installed"


@pytest.mark.parametrize("runtime, cache, where", [
    ("/run/user/7", "/elders/cache", "/run/user/7"),
    (None, "/elders/cache", "/elders/cache"),
    (None, None, "~/.cache"),
])
def test_the_probe_asks_where_speech_dispatcher_listens(monkeypatch, runtime, cache,
                                                        where) -> None:
    """libspeechd's rule (GLib's user runtime folder): XDG_RUNTIME_DIR, else the user cache
    folder, XDG_CACHE_HOME or ~/.cache. A probe that skipped XDG_CACHE_HOME asked at ~/.cache
    while the daemon it had started listened in the other folder: read-aloud went off."""
    monkeypatch.delenv("SPEECHD_ADDRESS", raising=False)
    for name, value in (("XDG_RUNTIME_DIR", runtime), ("XDG_CACHE_HOME", cache)):
        if value is None:
            monkeypatch.delenv(name, raising=False)
        else:
            monkeypatch.setenv(name, value)
    expected = Path(where).expanduser() / "speech-dispatcher" / "speechd.sock"
    assert speech._speechd_socket() == expected
