"""Install scripts and the systemd unit: shellcheck, systemd-analyze, and what install.sh writes."""
from __future__ import annotations

import os
import re
import shutil
import stat
import subprocess
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
LINUX = REPO / "packaging" / "linux"
WINDOWS = REPO / "packaging" / "windows"
SCRIPTS = [REPO / "packaging" / "build.sh", REPO / "packaging" / "ci-smoke.sh",
           LINUX / "install.sh", LINUX / "screen-awake.sh"]


def _env(tmp_path: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY")}
    return {**env, "XDG_CONFIG_HOME": str(tmp_path / "config"),
            "XDG_STATE_HOME": str(tmp_path / "state"),
            "XDG_DATA_HOME": str(tmp_path / "share"), **extra}


def _install(tmp_path: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(["bash", str(LINUX / "install.sh"), "--allow-root", "--no-start", *args],
                          env=_env(tmp_path), capture_output=True, text=True, timeout=30)


@pytest.mark.skipif(shutil.which("shellcheck") is None, reason="shellcheck is not installed")
@pytest.mark.parametrize("script", SCRIPTS, ids=lambda p: p.name)
def test_shellcheck_is_clean(script: Path) -> None:
    done = subprocess.run(["shellcheck", "--severity=style", str(script)],
                          capture_output=True, text=True, timeout=60)
    assert done.returncode == 0, done.stdout


def test_scripts_are_executable() -> None:
    for script in SCRIPTS:
        assert script.stat().st_mode & stat.S_IXUSR, f"{script} is not executable (chmod +x)"


def test_install_writes_a_unit_that_runs_the_watchdog_with_the_options(tmp_path: Path) -> None:
    data = tmp_path / "kiosk data 100%"  # a space and a % must survive systemd's parsing
    done = _install(tmp_path, "--mode", "systemd", "--data", str(data), "--event", "open-dag")
    assert done.returncode == 0, done.stderr
    unit = (tmp_path / "config" / "systemd" / "user" / "bliq-kiosk.service").read_text()
    exec_start = next(line for line in unit.splitlines() if line.startswith("ExecStart="))
    # the source checkout's watchdog, each word quoted, % doubled (systemd.unit specifiers)
    assert exec_start.endswith(f'"-m" "kiosk" "supervise" "--data" "{tmp_path}/kiosk data 100%%" '
                               '"--event" "open-dag"')
    assert f"WorkingDirectory={REPO}" in unit
    assert "Restart=on-failure" in unit and "After=graphical-session.target" in unit
    assert f'ExecStartPre=-"{LINUX}/screen-awake.sh" on' in unit
    assert re.search(r"@[A-Z_]+@", unit) is None  # every @FIELD@ filled in
    desktop = (tmp_path / "config" / "autostart" / "bliq-kiosk.desktop").read_text()
    assert "systemctl --user start bliq-kiosk.service" in desktop


@pytest.mark.skipif(shutil.which("systemd-analyze") is None, reason="systemd-analyze is absent")
def test_systemd_analyze_accepts_the_installed_unit(tmp_path: Path) -> None:
    assert _install(tmp_path, "--mode", "systemd").returncode == 0
    unit = tmp_path / "config" / "systemd" / "user" / "bliq-kiosk.service"
    done = subprocess.run(["systemd-analyze", "verify", str(unit)], capture_output=True,
                          text=True, timeout=60)
    assert done.returncode == 0, done.stderr
    assert "bliq-kiosk.service" not in done.stderr, done.stderr


def test_without_systemd_the_autostart_entry_runs_the_watchdog(tmp_path: Path) -> None:
    done = _install(tmp_path, "--mode", "autostart")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "config" / "systemd").exists()
    desktop = (tmp_path / "config" / "autostart" / "bliq-kiosk.desktop").read_text()
    exec_line = next(line for line in desktop.splitlines() if line.startswith("Exec="))
    assert exec_line.startswith('Exec="sh" "-c" "\\"\\$0\\" on; exec \\"\\$@\\"" '
                                f'"{LINUX}/screen-awake.sh" ')
    assert exec_line.endswith('"-m" "kiosk" "supervise"')


def test_uninstall_removes_what_install_wrote(tmp_path: Path) -> None:
    assert _install(tmp_path, "--mode", "systemd").returncode == 0
    done = _install(tmp_path, "--uninstall")
    assert done.returncode == 0, done.stderr
    assert not (tmp_path / "config" / "systemd" / "user" / "bliq-kiosk.service").exists()
    assert not (tmp_path / "config" / "autostart" / "bliq-kiosk.desktop").exists()


def test_install_refuses_bad_options_with_one_line(tmp_path: Path) -> None:
    done = _install(tmp_path, "--content", str(tmp_path / "nope"))
    assert done.returncode == 2
    assert done.stderr.strip() == f"install.sh: --content {tmp_path}/nope: not a folder"


def _fake_tools(bin_dir: Path, store: Path) -> None:
    """gsettings and xset stand-ins: gsettings keeps values as files, xset logs its calls."""
    bin_dir.mkdir()
    store.mkdir()
    (bin_dir / "gsettings").write_text(f"""#!/bin/sh
f="{store}/$2.$3"
case "$1" in
  get) [ -e "$f" ] || exit 1; cat "$f" ;;
  set) [ -e "$f" ] || exit 1; printf '%s\\n' "$4" > "$f" ;;
esac
""")
    (bin_dir / "xset").write_text(f'#!/bin/sh\necho "$*" >> "{store}/xset.log"\n')
    for tool in ("gsettings", "xset"):
        (bin_dir / tool).chmod(0o755)


def test_screen_awake_turns_blanking_off_and_puts_the_desktop_back(tmp_path: Path) -> None:
    store = tmp_path / "settings"
    _fake_tools(tmp_path / "bin", store)
    idle = store / "org.gnome.desktop.session.idle-delay"
    lock = store / "org.gnome.desktop.screensaver.lock-enabled"
    idle.write_text("uint32 300\n")
    lock.write_text("true\n")  # the other keys: schema absent on this "desktop", skipped
    env = _env(tmp_path, PATH=f"{tmp_path / 'bin'}:{os.environ['PATH']}", DISPLAY=":9")
    awake = [str(LINUX / "screen-awake.sh")]

    def run(arg: str) -> None:
        assert subprocess.run([*awake, arg], env=env, timeout=30).returncode == 0

    run("on")
    assert (idle.read_text(), lock.read_text()) == ("uint32 0\n", "false\n")
    run("on")  # a restart of the kiosk must not save the kiosk's own values as the desktop's
    run("off")
    assert (idle.read_text(), lock.read_text()) == ("uint32 300\n", "true\n")
    assert (store / "xset.log").read_text().splitlines() == [
        "s off", "s noblank", "-dpms", "s off", "s noblank", "-dpms", "s on", "+dpms"]


@pytest.mark.skipif(shutil.which("cage") is None, reason="cage is not installed")
def test_the_default_is_the_kiosk_alone_under_cage_started_on_tty1(tmp_path: Path) -> None:
    env = _env(tmp_path, HOME=str(tmp_path))
    (tmp_path / ".profile").write_text("# the user's own lines stay\n")
    run = ["bash", str(LINUX / "install.sh"), "--allow-root", "--no-start", "--data",
           str(tmp_path / "kiosk data")]
    for _ in range(2):  # twice: still one block in ~/.profile
        done = subprocess.run(run, env=env, capture_output=True, text=True, timeout=30)
        assert done.returncode == 0, done.stderr
    script = tmp_path / "config" / "bliq-kiosk" / "kiosk-session.sh"
    text = script.read_text()
    assert script.stat().st_mode & stat.S_IXUSR
    exec_line = text.splitlines()[-1]
    assert exec_line.startswith("exec cage -d -s -- ") and " -m kiosk supervise " in exec_line
    assert exec_line.endswith("--data " + str(tmp_path / "kiosk data").replace(" ", "\\ "))
    profile = (tmp_path / ".profile").read_text()
    assert profile.startswith("# the user's own lines stay\n")
    assert profile.count(">>> bliq-kiosk") == 1 and str(script) in profile
    assert subprocess.run(["sh", "-n", str(tmp_path / ".profile")]).returncode == 0
    if shutil.which("shellcheck"):
        assert subprocess.run(["shellcheck", str(script)], capture_output=True).returncode == 0
    autologin = (tmp_path / "config" / "bliq-kiosk" / "autologin.conf").read_text()
    assert "--autologin" in autologin and "getty@tty1" in done.stdout
    assert not (tmp_path / "config" / "systemd").exists()   # no desktop pieces
    done = subprocess.run(["bash", str(LINUX / "install.sh"), "--allow-root", "--uninstall"],
                          env=env, capture_output=True, text=True, timeout=30)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / ".profile").read_text() == "# the user's own lines stay\n"
    assert not script.exists()


def _desktop_entry(path: Path) -> dict[str, str]:
    lines = path.read_text().splitlines()
    assert lines[0] == "[Desktop Entry]"
    return dict(line.split("=", 1) for line in lines[1:] if "=" in line)


def test_install_puts_the_studio_in_the_app_menu_and_uninstall_takes_it_away(
        tmp_path: Path) -> None:
    done = _install(tmp_path, "--session", "desktop", "--mode", "autostart")
    assert done.returncode == 0, done.stderr
    launcher = tmp_path / "share" / "applications" / "bliq-studio.desktop"
    entry = _desktop_entry(launcher)
    # the source checkout's studio (the bundle's is bliq-studio), opening what it is given
    venv = REPO / ".venv" / "bin" / "python"
    python = str(venv) if venv.exists() else shutil.which("python3", path=os.environ["PATH"])
    assert entry["Exec"] == f'"{python}" "-m" "kiosk" "studio" %f', entry["Exec"]
    assert entry["Path"] == str(REPO) and entry["Name"] == "BLIQ Studio"
    assert entry["Icon"] == str(REPO / "assets" / "brand" / "bliq-icon.png")
    assert Path(entry["Icon"]).is_file()
    assert "NoDisplay" not in entry and entry["Terminal"] == "false"  # in the menu, windowed
    assert not re.search(r"@[A-Z_]+@", launcher.read_text())
    if shutil.which("desktop-file-validate"):
        done = subprocess.run(["desktop-file-validate", str(launcher)], capture_output=True,
                              text=True, timeout=30)
        assert done.returncode == 0, done.stdout
    # the kiosk's own autostart entry is still the kiosk's
    assert '"-m" "kiosk" "supervise"' in (tmp_path / "config" / "autostart" / "bliq-kiosk.desktop").read_text()
    assert _install(tmp_path, "--uninstall").returncode == 0
    assert not launcher.exists()


def test_install_studio_alone_writes_only_the_menu_entry(tmp_path: Path) -> None:
    done = _install(tmp_path, "--studio")  # an organiser's laptop: no cage needed, no kiosk
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "share" / "applications" / "bliq-studio.desktop").is_file()
    assert not (tmp_path / "config").exists()


def test_in_a_bundle_the_launcher_runs_the_bundles_studio(tmp_path: Path) -> None:
    bundle = tmp_path / "bliq kiosk"  # a space must survive the Exec quoting
    shutil.copytree(LINUX, bundle / "linux")
    for name in ("bliq-kiosk", "bliq-studio"):
        (bundle / name).write_text("#!/bin/sh\n")
        (bundle / name).chmod(0o755)
    done = subprocess.run(["bash", str(bundle / "linux" / "install.sh"), "--allow-root",
                           "--studio"], env=_env(tmp_path), capture_output=True, text=True,
                          timeout=30)
    assert done.returncode == 0, done.stderr
    entry = _desktop_entry(tmp_path / "share" / "applications" / "bliq-studio.desktop")
    assert entry["Exec"] == f'"{bundle}/bliq-studio" %f'
    assert entry["Icon"] == f"{bundle}/_internal/assets/brand/bliq-icon.png"


def test_windows_install_makes_start_menu_and_desktop_shortcuts_to_the_studio() -> None:
    """No PowerShell here: what the scripts say. install-studio.ps1 links bliq-studio.exe from
    the Start menu (Programs) and the desktop; install-startup.ps1 runs it and undoes it."""
    studio = (WINDOWS / "install-studio.ps1").read_text()
    assert "$exe = Join-Path $bundle 'bliq-studio.exe'" in studio
    assert "GetFolderPath('Programs')" in studio and "GetFolderPath('Desktop')" in studio
    assert "'BLIQ Studio.lnk'" in studio and "$shortcut.TargetPath = $exe" in studio
    assert "-Uninstall" in studio and "Remove-Item -LiteralPath $link" in studio
    startup = (WINDOWS / "install-startup.ps1").read_text()
    assert "& (Join-Path $here 'install-studio.ps1')\n" in startup
    assert "& (Join-Path $here 'install-studio.ps1') -Uninstall" in startup
    # the bundle carries the script (the spec copies packaging/windows) and the exe it links
    spec = (REPO / "packaging" / "kiosk.spec").read_text()
    assert 'for _folder in ("linux", "windows"):' in spec and 'name="bliq-studio"' in spec
