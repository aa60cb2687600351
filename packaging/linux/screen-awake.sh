#!/usr/bin/env bash
# Keeps the screen on while the kiosk runs: screen saver, blanking, dimming and DPMS off
# (X11: xset; GNOME and its relatives: gsettings), and puts the desktop's settings back after.
# Every step is best effort: a desktop without xset or gsettings is simply skipped.
# Usage: screen-awake.sh on|off
set -uo pipefail

state_dir="${XDG_STATE_HOME:-$HOME/.local/state}/bliq-kiosk"
saved="$state_dir/screen-settings"

# schema key value-for-the-kiosk
settings=(
  "org.gnome.desktop.session idle-delay uint32 0"
  "org.gnome.desktop.screensaver idle-activation-enabled false"
  "org.gnome.desktop.screensaver lock-enabled false"
  "org.gnome.settings-daemon.plugins.power idle-dim false"
  "org.gnome.settings-daemon.plugins.power sleep-inactive-ac-type 'nothing'"
  "org.gnome.settings-daemon.plugins.power sleep-inactive-battery-type 'nothing'"
)

have() { command -v "$1" >/dev/null 2>&1; }

on() {
  if have gsettings; then
    mkdir -p "$state_dir"
    # Keep the desktop's own values only once: a restarted kiosk must not save the kiosk's.
    local keep=1
    [ -e "$saved" ] && keep=0
    for line in "${settings[@]}"; do
      read -r schema key value <<<"$line"
      old=$(gsettings get "$schema" "$key" 2>/dev/null) || continue
      [ "$keep" = 1 ] && printf '%s %s %s\n' "$schema" "$key" "$old" >>"$saved"
      gsettings set "$schema" "$key" "$value" 2>/dev/null || true
    done
  fi
  if [ -n "${DISPLAY:-}" ] && have xset; then
    xset s off; xset s noblank; xset -dpms
  fi
  return 0
}

off() {
  if [ -e "$saved" ] && have gsettings; then
    while read -r schema key value; do
      gsettings set "$schema" "$key" "$value" 2>/dev/null || true
    done <"$saved"
  fi
  rm -f "$saved"
  if [ -n "${DISPLAY:-}" ] && have xset; then
    xset s on; xset +dpms
  fi
  return 0
}

case "${1:-}" in
  on) on ;;
  off) off ;;
  *) echo "usage: $0 on|off" >&2; exit 2 ;;
esac
