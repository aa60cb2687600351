#!/usr/bin/env bash
# Sets up BLIQ Kiosk to start by itself for the current user (Linux). Two ways:
#  --session cage (default): the kiosk alone on the screen under cage, a Wayland kiosk
#     compositor (no desktop, no gestures, notifications or shortcuts above the kiosk). Log in
#     on tty1 starts cage with the watchdog; install.sh prints the two root steps (autologin on
#     tty1, boot without the desktop). Needs: sudo apt-get install cage xwayland
#  --session desktop: inside the normal desktop session (GNOME autologin): a systemd user
#     service runs the watchdog, an autostart entry starts it, screen blanking off meanwhile
#     (screen-awake.sh); without a systemd user session the autostart entry runs it directly.
#
# Usage: bash install.sh [--content DIR] [--data DIR] [--session cage|desktop] [--event ID]
#                        [--mode auto|systemd|autostart (desktop only)]
#                        [--no-start] [--uninstall] [--allow-root] [-- more kiosk options]
#        bash install.sh --studio   (only BLIQ Studio in the app menu: an organiser's own laptop)
# Every install also puts BLIQ Studio, the organisers' app, in this user's app menu.
# Run it from the bundle (bliq-kiosk/linux/install.sh) or from a source checkout
# (packaging/linux/install.sh). Never as root: the kiosk runs as the logged-in user.
# Without --event the kiosk follows the pack's dates (today's event, else the next one);
# --event ID pins one event whatever the date (admin and the log then say so).
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"
unit_dir="$config_home/systemd/user"
autostart_dir="$config_home/autostart"
apps_dir="${XDG_DATA_HOME:-$HOME/.local/share}/applications"
unit="bliq-kiosk.service"

mode=auto
session=cage
mode_given=0
start=1
uninstall=0
allow_root=0
studio_only=0
kiosk_args=()

die() { echo "install.sh: $*" >&2; exit 2; }

while [ $# -gt 0 ]; do
  case "$1" in
    --content|--event|--data)
      [ $# -ge 2 ] || die "$1 needs a value"
      value="$2"
      if [ "$1" != "--event" ]; then
        [ -d "$value" ] || [ "$1" = "--data" ] || die "$1 $value: not a folder"
        value="$(mkdir -p "$value" 2>/dev/null; cd "$value" 2>/dev/null && pwd || echo "$value")"
      fi
      kiosk_args+=("$1" "$value"); shift 2 ;;
    --mode) [ $# -ge 2 ] || die "--mode needs auto, systemd or autostart"; mode="$2"; mode_given=1
      shift 2 ;;
    --session) [ $# -ge 2 ] || die "--session needs cage or desktop"; session="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    --studio) studio_only=1; shift ;;
    --allow-root) allow_root=1; shift ;;
    --) shift; kiosk_args+=("$@"); break ;;
    -h|--help) sed -n '2,19p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$mode" in auto|systemd|autostart) ;; *) die "--mode $mode: use auto, systemd or autostart" ;; esac
case "$session" in cage|desktop) ;; *) die "--session $session: use cage or desktop" ;; esac
# --mode only means something inside a desktop session (kept for existing set-ups)
[ "$mode_given" = 0 ] || session=desktop
[ "$(id -u)" -ne 0 ] || [ "$allow_root" = 1 ] ||
  die "run this as the kiosk's user, not as root (or add --allow-root)"

have_user_systemd() { command -v systemctl >/dev/null 2>&1 && systemctl --user show-environment >/dev/null 2>&1; }

# The cage session's files, and the lines it adds to ~/.profile between these markers.
cage_dir="$config_home/bliq-kiosk"
cage_script="$cage_dir/kiosk-session.sh"
profile="$HOME/.profile"
begin_mark="# >>> bliq-kiosk (install.sh) >>>"
end_mark="# <<< bliq-kiosk (install.sh) <<<"
remove_profile_block() {
  [ -f "$profile" ] || return 0
  sed -i "/^$begin_mark\$/,/^$end_mark\$/d" "$profile"
}

if [ "$uninstall" = 1 ]; then
  remove_profile_block
  rm -f "$cage_script" "$cage_dir/autologin.conf"
  if have_user_systemd; then
    systemctl --user disable --now "$unit" 2>/dev/null || true
  fi
  rm -f "$unit_dir/$unit" "$autostart_dir/bliq-kiosk.desktop" "$apps_dir/bliq-studio.desktop"
  have_user_systemd && systemctl --user daemon-reload
  "$here/screen-awake.sh" off
  echo "BLIQ Kiosk autostart removed (the data folder is kept)."
  exit 0
fi

# What to run: the bundle's executable, or the source checkout's Python.
if [ -x "$here/../bliq-kiosk" ]; then
  workdir="$(cd "$here/.." && pwd)"
  command=("$workdir/bliq-kiosk" supervise)
  studio=("$workdir/bliq-studio")
  icon="$workdir/_internal/assets/brand/bliq-icon.png"
  docs="file://$workdir/docs/setup.md"
elif [ -f "$here/../../kiosk/__main__.py" ]; then
  workdir="$(cd "$here/../.." && pwd)"
  if [ -x "$workdir/.venv/bin/python" ]; then python="$workdir/.venv/bin/python"
  else python="$(command -v python3)" || die "no python3 found (run tools/setup.sh first)"; fi
  # "kiosk supervise" as the bundle says it: the service line does not name a module inside
  # the package, so it keeps working when the code is laid out differently
  command=("$python" -m kiosk supervise)
  studio=("$python" -m kiosk studio)
  icon="$workdir/assets/brand/bliq-icon.png"
  docs="file://$workdir/docs/setup.md"
else
  die "cannot find the kiosk next to this script (run it from the bundle or the source folder)"
fi
command+=("${kiosk_args[@]}")

# systemd's command-line quoting: each word in double quotes, \ and " escaped, % doubled.
sd_quote() {
  local out="" word
  for word in "$@"; do
    word="${word//\\/\\\\}"; word="${word//\"/\\\"}"; word="${word//%/%%}"
    out+="\"$word\" "
  done
  printf '%s' "${out% }"
}
# Desktop-entry quoting (the Exec key): the same, plus $ and ` escaped; % doubled.
desktop_quote() {
  local out="" word
  for word in "$@"; do
    word="${word//\\/\\\\}"; word="${word//\"/\\\"}"; word="${word//\$/\\\$}"
    word="${word//\`/\\\`}"; word="${word//%/%%}"
    out+="\"$word\" "
  done
  printf '%s' "${out% }"
}
# sed replacement text: escape \, & and the | delimiter.
sed_escape() { printf '%s' "$1" | sed -e 's/[\\&|]/\\&/g'; }

if [ "$session" = cage ] && [ "$studio_only" = 0 ]; then
  command -v cage >/dev/null 2>&1 ||
    die "cage is not installed: sudo apt-get install cage xwayland (or use --session desktop)"
fi

# BLIQ Studio in the app menu (Education), opening a .bliqpack or folder given to it.
mkdir -p "$apps_dir"
sed -e "s|@EXEC@|$(sed_escape "$(desktop_quote "${studio[@]}")")|" \
    -e "s|@ICON@|$(sed_escape "$icon")|" -e "s|@WORKDIR@|$(sed_escape "$workdir")|" \
    "$here/bliq-studio.desktop" >"$apps_dir/bliq-studio.desktop"
echo "BLIQ Studio in the app menu: $apps_dir/bliq-studio.desktop"
[ "$studio_only" = 0 ] || exit 0

if [ "$session" = cage ]; then
  mkdir -p "$cage_dir"
  {
    echo '#!/bin/bash'
    echo '# Written by bliq-kiosk install.sh: the kiosk alone on the screen under cage.'
    echo '# -d: no window decorations; -s: Ctrl+Alt+F2 reaches a console (needs a keyboard).'
    echo 'export XDG_SESSION_TYPE=wayland QT_QPA_PLATFORM=wayland'
    echo "cd $(printf '%q' "$workdir") || exit 1"
    printf 'exec cage -d -s --'
    printf ' %q' "${command[@]}"
    printf '\n'
  } >"$cage_script"
  chmod +x "$cage_script"
  remove_profile_block
  {
    echo "$begin_mark"
    echo '# Log-in on tty1 (autologin) starts the kiosk; when admin closes it, a shell remains.'
    # shellcheck disable=SC2016 # expanded when ~/.profile runs, not now
    echo 'if [ -z "${WAYLAND_DISPLAY:-}${DISPLAY:-}" ] && [ "$(tty)" = /dev/tty1 ]; then'
    printf '  %q || exit  # a failure: log out, and autologin starts it again\n' "$cage_script"
    echo 'fi'
    echo "$end_mark"
  } >>"$profile"
  user="$(id -un)"
  # shellcheck disable=SC2016 # $TERM is for systemd to expand
  printf '[Service]\nExecStart=\nExecStart=-/sbin/agetty --autologin %s --noclear %%I $TERM\n' \
    "$user" >"$cage_dir/autologin.conf"
  echo "Installed (cage):"
  echo "  session:   $cage_script"
  echo "  started by: $profile (log-in on tty1)"
  echo "  runs:      cage -- ${command[*]}"
  echo "Two steps as root finish it (log in automatically on tty1; boot without the desktop):"
  echo "  sudo install -D -m 644 $cage_dir/autologin.conf /etc/systemd/system/getty@tty1.service.d/autologin.conf"
  echo "  sudo systemctl set-default multi-user.target"
  echo "Back to the desktop: sudo systemctl set-default graphical.target (see docs/setup.md)."
  exit 0
fi

if [ "$mode" = auto ]; then
  if have_user_systemd; then mode=systemd; else mode=autostart; fi
fi

mkdir -p "$autostart_dir"
awake="$here/screen-awake.sh"
if [ "$mode" = systemd ]; then
  mkdir -p "$unit_dir"
  sed -e "s|@COMMAND@|$(sed_escape "$(sd_quote "${command[@]}")")|" \
      -e "s|@SCREEN_AWAKE@|$(sed_escape "$(sd_quote "$awake")")|g" \
      -e "s|@WORKDIR@|$(sed_escape "${workdir//%/%%}")|" \
      -e "s|@DOCS@|$(sed_escape "$docs")|" \
      "$here/bliq-kiosk.service" >"$unit_dir/$unit"
  # The session's display variables reach the service through the user manager.
  exec_line="sh -c \"systemctl --user import-environment DISPLAY XAUTHORITY WAYLAND_DISPLAY; systemctl --user start $unit\""
else
  # No systemd user session: the autostart entry keeps the screen on and runs the watchdog.
  exec_line="$(desktop_quote sh -c "\"\$0\" on; exec \"\$@\"" "$awake" "${command[@]}")"
fi
sed -e "s|@EXEC@|$(sed_escape "$exec_line")|" -e "s|@ICON@|$(sed_escape "$icon")|" \
    "$here/bliq-kiosk.desktop" >"$autostart_dir/bliq-kiosk.desktop"

echo "Installed ($mode):"
[ "$mode" = systemd ] && echo "  service:   $unit_dir/$unit"
echo "  autostart: $autostart_dir/bliq-kiosk.desktop"
echo "  runs:      ${command[*]}"

if [ "$mode" = systemd ] && have_user_systemd; then
  systemctl --user daemon-reload
  systemctl --user enable "$unit" >/dev/null 2>&1 || true
  if [ "$start" = 1 ]; then
    systemctl --user import-environment DISPLAY XAUTHORITY WAYLAND_DISPLAY 2>/dev/null || true
    systemctl --user restart "$unit"
    echo "Started. Status: systemctl --user status bliq-kiosk   Log: journalctl --user -u bliq-kiosk"
  fi
fi
echo "Log in automatically as this user (see docs/setup.md) so the kiosk starts after a power cut."
