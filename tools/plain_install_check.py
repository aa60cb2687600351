"""CI: the install users get is the install that is tested.

    python3 tools/plain_install_check.py [--venv DIR] [--keep]

Makes a second virtualenv with only ``pip install .`` (no extras, not editable), then, from a
folder outside the checkout so nothing is imported from the source tree:

1. imports every module of ``kiosk``;
2. starts the kiosk itself offscreen on the sample pack, waits for "kiosk started" in its log
   and stops it with SIGTERM (must exit 0 and log "kiosk stopped");
3. runs every subcommand of ``kiosk`` once (in ORDER, so keygen comes before pack build and
   trust), found from the argparse parser, so subcommands added
   later are run too: the known ones with real arguments on the sample pack and that data dir,
   any other one with ``--help``.

Fails (exit 1) on any traceback, import error or unexpected exit code; prints one line per step.
"""
from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
STEP_TIMEOUT_S = 300.0     # preflight decodes every clip; a loaded 2-core CI box is slow
START_TIMEOUT_S = 120.0    # the kiosk's first start in a new venv compiles Python files
STOP_TIMEOUT_S = 10.0


# Commands run in this order (later ones use what earlier ones made: keys, a pack, a snapshot);
# commands not listed run after these, with --help.
ORDER = ["check", "preflight", "new-pack", "add-videos", "make-thumbnails", "hash-pin", "name",
         "stats", "export", "merge", "snapshot", "report", "keygen", "pack", "trust"]


def known_arguments(command: str, work: Path, sample: Path) -> list[str] | None:
    """Real arguments for the subcommands we know; None: run it with ``--help`` only.

    Called right before each command runs, so it can name files that earlier commands made."""
    pack, data = str(sample), str(work / "data")
    clip = str(sample / "media" / "aan-de-slag" / "s1e1.mp4")
    keys = sorted((work / "keys").glob("*.key")) + sorted((work / "keys").glob("*.pub"))
    table: dict[str, list[str]] = {
        "check": [pack],
        "preflight": [pack, "--data", data],
        "new-pack": [str(work / "new-pack")],
        "add-videos": [str(work / "new-pack"), clip, "--series", "eigen-videos"],
        "make-thumbnails": [clip, str(work / "thumb.jpg")],
        "hash-pin": ["2468"],
        "name": ["Aula links", "--region", "Zwolle", "--data", data],
        "stats": ["--data", data, "--content", pack],
        "export": ["--data", data, "--out", str(work / "export"), "--content", pack],
        "merge": [str(work / "merged.db"), str(work / "data" / "kiosk.db")],
        "snapshot": ["--data", data, "--out", str(work / "snapshots")],
        "report": [str(work / "snapshots"), "--out", str(work / "report.html"), "--content", pack],
        "keygen": ["--out", str(work / "keys")],
    }
    if len(keys) == 2:  # after keygen: sign the sample pack, trust the key
        table["pack"] = ["build", pack, "--key", str(keys[0]), "--out", str(work / "p.bliqpack")]
        table["trust"] = [str(keys[1]), "--data", data]
    return table.get(command)


def run_order(commands: list[str]) -> list[str]:
    """The parser's subcommands, known ones first in ORDER."""
    return sorted(commands, key=lambda c: ORDER.index(c) if c in ORDER else len(ORDER))


INNER = r"""
import importlib, json, pkgutil, sys, traceback
import kiosk
from kiosk import paths
from kiosk.cli import tools_parser
failed = []
# __main__ modules run the program when imported; they are run below as commands
names = [m.name for m in pkgutil.walk_packages(kiosk.__path__, "kiosk.")
         if not m.name.endswith("__main__")]
for name in names:
    try:
        importlib.import_module(name)
    except Exception:
        failed.append((name, traceback.format_exc(limit=3)))
parser = tools_parser()
sub = next(a for a in parser._actions if a.__class__.__name__ == "_SubParsersAction")
print(json.dumps({"file": kiosk.__file__, "modules": names, "failed": failed,
                  "sample": str(paths.sample_pack()),
                  "commands": list(sub.choices)}))
"""


def _run(cmd: list[str], env: dict[str, str], cwd: Path,
         timeout: float = STEP_TIMEOUT_S) -> subprocess.CompletedProcess[str]:
    return subprocess.run(cmd, env=env, cwd=cwd, capture_output=True, text=True, timeout=timeout,
                          check=False)


def _traceback(text: str) -> bool:
    return "Traceback (most recent call last)" in text


def _start_and_stop_kiosk(kiosk: Path, env: dict[str, str], work: Path) -> str | None:
    """Start the kiosk on its own sample pack (no --content: the installed one), wait for
    "kiosk started" in its log, SIGTERM it; None when all is well."""
    data = work / "data"
    log = data / "kiosk.log"
    cmd = [str(kiosk), "--windowed", "--size", "800x600", "--data", str(data)]
    with subprocess.Popen(cmd, env=env, cwd=work, stdout=subprocess.PIPE,
                          stderr=subprocess.STDOUT, text=True) as child:
        deadline = time.monotonic() + START_TIMEOUT_S
        while time.monotonic() < deadline and child.poll() is None:
            if log.is_file() and "kiosk started" in log.read_text(encoding="utf-8", errors="replace"):
                break
            time.sleep(0.2)  # polling a file another process writes; nothing to wait on
        if child.poll() is not None:
            return f"the kiosk ended by itself (exit {child.returncode}): {child.stdout.read()}"
        if time.monotonic() >= deadline:
            child.kill()
            return f"no 'kiosk started' in {log} after {START_TIMEOUT_S:.0f} s"
        child.terminate()
        try:
            code = child.wait(timeout=STOP_TIMEOUT_S)
        except subprocess.TimeoutExpired:
            child.kill()
            return f"SIGTERM did not stop the kiosk within {STOP_TIMEOUT_S:.0f} s"
        output = child.stdout.read()
    text = log.read_text(encoding="utf-8", errors="replace")
    if code != 0 or _traceback(output + text) or "kiosk stopped" not in text:
        return f"after SIGTERM: exit {code}; output:\n{output}\nlog tail:\n{text[-2000:]}"
    return None


def main(argv: list[str] | None = None) -> int:
    p = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    p.add_argument("--venv", type=Path, help="where to make the virtualenv (default: a temp dir)")
    p.add_argument("--keep", action="store_true", help="keep the virtualenv and work dir")
    args = p.parse_args(argv)
    sys.stdout.reconfigure(line_buffering=True)  # type: ignore[attr-defined]  # CI shows progress
    began = time.monotonic()
    scratch = Path(tempfile.mkdtemp(prefix="kiosk-plain-"))
    venv = args.venv or scratch / "venv"
    work = scratch / "work"
    work.mkdir()
    problems: list[str] = []
    try:
        subprocess.run([sys.executable, "-m", "venv", "--clear", str(venv)], check=True)
        python, kiosk = venv / "bin" / "python", venv / "bin" / "kiosk"
        # pip's own build isolation; no extras, not editable: what `pip install .` gives a user
        pip = _run([str(python), "-m", "pip", "install", "-q", "--disable-pip-version-check",
                    str(REPO)], dict(os.environ), work, timeout=1800)
        if pip.returncode != 0:
            print(pip.stdout, pip.stderr, file=sys.stderr)
            print("FAIL pip install .", file=sys.stderr)
            return 1
        print(f"ok   pip install . ({time.monotonic() - began:.0f} s)")
        env = {k: v for k, v in os.environ.items() if not k.startswith(("PYTHON", "VIRTUAL_ENV"))}
        env.update(QT_QPA_PLATFORM="offscreen", PYTHONDONTWRITEBYTECODE="1")

        inner = _run([str(python), "-c", INNER], env, work)
        if inner.returncode != 0 or _traceback(inner.stderr):
            print(inner.stdout, inner.stderr, file=sys.stderr)
            print("FAIL importing kiosk", file=sys.stderr)
            return 1
        import json

        found = json.loads(inner.stdout.strip().splitlines()[-1])
        if str(REPO) in found["file"]:
            problems.append(f"kiosk was imported from the checkout ({found['file']})")
        sample = Path(found["sample"])
        if str(REPO) in found["sample"] or not (sample / "pack.toml").is_file():
            problems.append(f"the installed sample pack is not in the install: {sample}")
        for name, trace in found["failed"]:
            problems.append(f"import {name}:\n{trace}")
        print(f"{'ok  ' if not found['failed'] else 'FAIL'} import {len(found['modules'])} "
              f"modules of kiosk from {Path(found['file']).parent}")

        stopped = _start_and_stop_kiosk(kiosk, env, work)
        print(f"{'ok  ' if stopped is None else 'FAIL'} kiosk (start, first frame, SIGTERM → exit 0)")
        if stopped:
            problems.append(f"kiosk: {stopped}")

        for command in run_order(found["commands"]):
            if command == "run":
                continue  # the kiosk itself: started above
            extra = known_arguments(command, work, sample)
            cmd = [str(kiosk), command, *(extra if extra is not None else ["--help"])]
            t0 = time.monotonic()
            done = _run(cmd, env, work)
            output = done.stdout + done.stderr
            shown = " ".join(cmd[1:]).replace(str(sample), "$SAMPLE").replace(str(work), "$WORK")
            bad = done.returncode != 0 or _traceback(output)
            print(f"{'FAIL' if bad else 'ok  '} kiosk {shown} → exit {done.returncode} "
                  f"({time.monotonic() - t0:.1f} s)")
            if bad:
                problems.append(f"kiosk {shown}: exit {done.returncode}\n{output[-3000:]}")
    finally:
        if not args.keep:
            shutil.rmtree(scratch, ignore_errors=True)
        else:
            print(f"kept {scratch}")
    for problem in problems:
        print(f"\n--- {problem}", file=sys.stderr)
    verdict = "FAILED" if problems else "passed"
    print(f"plain install check {verdict} in {time.monotonic() - began:.0f} s")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
