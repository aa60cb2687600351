#!/usr/bin/env bash
# Sets up BLIQ Kiosk to start by itself for the current user (Linux):
#  - a systemd user service that runs the kiosk under its watchdog (restart on failure),
#  - an autostart entry that starts that service when the desktop session begins,
#  - screen saver, blanking and power saving off while the kiosk runs (screen-awake.sh).
# Without a systemd user session the autostart entry runs the watchdog directly.
#
# Usage: bash install.sh [--content DIR] [--event ID] [--data DIR] [--mode auto|systemd|autostart]
#                        [--no-start] [--uninstall] [--allow-root] [-- more kiosk options]
# Run it from the bundle (bliq-kiosk/linux/install.sh) or from a source checkout
# (packaging/linux/install.sh). Never as root: the kiosk runs as the logged-in user.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
config_home="${XDG_CONFIG_HOME:-$HOME/.config}"
unit_dir="$config_home/systemd/user"
autostart_dir="$config_home/autostart"
unit="bliq-kiosk.service"

mode=auto
start=1
uninstall=0
allow_root=0
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
    --mode) [ $# -ge 2 ] || die "--mode needs auto, systemd or autostart"; mode="$2"; shift 2 ;;
    --no-start) start=0; shift ;;
    --uninstall) uninstall=1; shift ;;
    --allow-root) allow_root=1; shift ;;
    --) shift; kiosk_args+=("$@"); break ;;
    -h|--help) sed -n '2,12p' "$0"; exit 0 ;;
    *) die "unknown option $1 (see --help)" ;;
  esac
done
case "$mode" in auto|systemd|autostart) ;; *) die "--mode $mode: use auto, systemd or autostart" ;; esac
[ "$(id -u)" -ne 0 ] || [ "$allow_root" = 1 ] ||
  die "run this as the kiosk's user, not as root (or add --allow-root)"

have_user_systemd() { command -v systemctl >/dev/null 2>&1 && systemctl --user show-environment >/dev/null 2>&1; }

if [ "$uninstall" = 1 ]; then
  if have_user_systemd; then
    systemctl --user disable --now "$unit" 2>/dev/null || true
  fi
  rm -f "$unit_dir/$unit" "$autostart_dir/bliq-kiosk.desktop"
  have_user_systemd && systemctl --user daemon-reload
  "$here/screen-awake.sh" off
  echo "BLIQ Kiosk autostart removed (the data folder is kept)."
  exit 0
fi

# What to run: the bundle's executable, or the source checkout's Python.
if [ -x "$here/../bliq-kiosk" ]; then
  workdir="$(cd "$here/.." && pwd)"
  command=("$workdir/bliq-kiosk" supervise)
  icon="$workdir/_internal/assets/brand/bliq-icon.png"
  docs="file://$workdir/docs/setup.md"
elif [ -f "$here/../../kiosk/watchdog.py" ]; then
  workdir="$(cd "$here/../.." && pwd)"
  if [ -x "$workdir/.venv/bin/python" ]; then python="$workdir/.venv/bin/python"
  else python="$(command -v python3)" || die "no python3 found (run tools/setup.sh first)"; fi
  command=("$python" -m kiosk.watchdog)
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
