#!/usr/bin/env bash
# Desktop integration checks, one per ctest test:
#   desktop-integration.sh desktop-file <source dir>
#   desktop-integration.sh metainfo     <source dir>
#   desktop-integration.sh install      <source dir> <build dir> <datadir, relative to the prefix>
#   desktop-integration.sh open         <source dir> <build dir> <datadir, relative to the prefix>
# The install check installs the build into a temporary prefix and asks xdg-mime, in a session that
# sees only that prefix, which application opens .torrent files and magnet links.
# The open check installs the same way, starts the installed swarmscope, then opens a .torrent and a
# magnet link with xdg-open (and gio open) as a file manager or browser would, and checks that both
# reach that one running window and that no second window stays.
set -euo pipefail

app_id=org.swarmscope.Swarmscope
check=${1:?check name}
src=${2:?source dir}

fail() { echo "FAIL: $*" >&2; exit 1; }
need() { command -v "$1" >/dev/null || fail "$1 is missing (Debian package $2; packaging/dev.sh test installs it)"; }

# Width and height from a PNG's IHDR chunk (bytes 16..23, big-endian).
png_size() {
  local w h
  read -r w h < <(od -An -tu1 -j16 -N8 "$1" | awk '{print $1*16777216+$2*65536+$3*256+$4, $5*16777216+$6*65536+$7*256+$8}')
  echo "${w}x${h}"
}

# Installs the build into $work/prefix as a package would and checks every file a desktop needs;
# sets prefix and share. Runs what a package manager's trigger runs after installing a desktop entry.
install_into_prefix() {
  local build=$1 datadir=$2 f size png
  need update-desktop-database desktop-file-utils
  prefix=$work/prefix
  cmake --install "$build" --prefix "$prefix" >/dev/null || fail "cmake --install failed"

  share=$prefix/$datadir
  for f in "$prefix/bin/swarmscope" "$prefix/bin/swarmscope-cli"; do
    [ -x "$f" ] || fail "$f not installed"
  done
  cmp -s "$src/packaging/$app_id.desktop" "$share/applications/$app_id.desktop" || fail "desktop entry not installed"
  cmp -s "$src/packaging/$app_id.metainfo.xml" "$share/metainfo/$app_id.metainfo.xml" || fail "metainfo not installed"
  cmp -s "$src/resources/icons/$app_id.svg" "$share/icons/hicolor/scalable/apps/$app_id.svg" || fail "SVG icon not installed"
  cmp -s "$src/LICENSE" "$share/doc/swarmscope/copyright" || fail "licence not installed"
  for size in 16 22 24 32 48 64 128 256; do
    png=$share/icons/hicolor/${size}x${size}/apps/$app_id.png
    [ -f "$png" ] || fail "$png not installed"
    [ "$(head -c8 "$png" | od -An -tx1 | tr -d ' \n')" = 89504e470d0a1a0a ] || fail "$png is not a PNG"
    [ "$(png_size "$png")" = "${size}x${size}" ] || fail "$png is $(png_size "$png"), not ${size}x${size}"
  done
  desktop-file-validate "$share/applications/$app_id.desktop" || fail "installed desktop entry invalid"

  update-desktop-database "$share/applications"
  grep -q "^application/x-bittorrent=.*$app_id.desktop" "$share/applications/mimeinfo.cache" \
    || fail "mimeinfo.cache does not list us for application/x-bittorrent"
}

# A login session that knows only this prefix: no desktop environment (so xdg-utils take their
# generic, freedesktop path instead of gio or KDE's tools), empty user config, data, cache and
# runtime folders, no D-Bus session bus, and a private TMPDIR (where Qt puts the single-instance
# socket). XDG_DATA_DIRS adds to the prefix only the MIME database (a folder holding nothing but
# a link to it), which `mimetype` and gio need to tell a .torrent by its name; no other
# application's desktop entry is visible. PATH starts with the prefix's bin, as after an install.
make_session() {
  mkdir -p "$work/home" "$work/config" "$work/data" "$work/cache" "$work/run" "$work/tmp" "$work/system"
  chmod 700 "$work/run"
  if [ -d /usr/share/mime ]; then ln -sfn /usr/share/mime "$work/system/mime"; fi
  session_env=(PATH="$prefix/bin:$PATH" HOME="$work/home" LC_ALL=C.UTF-8
    XDG_DATA_DIRS="$share:$work/system" XDG_DATA_HOME="$work/data" XDG_CONFIG_HOME="$work/config"
    XDG_CONFIG_DIRS="$work/config" XDG_CACHE_HOME="$work/cache" XDG_RUNTIME_DIR="$work/run" TMPDIR="$work/tmp"
    DBUS_SESSION_BUS_ADDRESS="unix:path=$work/run/no-bus"
    # xdg-open looks for the desktop entry only when a display is there. The app draws offscreen,
    # so this socket is never opened; DISPLAY stays unset so that no X11 tool is asked either.
    WAYLAND_DISPLAY="$work/run/no-wayland" QT_QPA_PLATFORM=offscreen
    # Where xdg-open ends up when no desktop entry answers: fail, never start a real browser.
    BROWSER=false
    SWARMSCOPE_TEST_ECHO_ARGS=1)
}
in_session() { env -i "${session_env[@]}" "$@"; }

# Polls "$@" every 0.1 s for up to $1 seconds.
wait_until() {
  local seconds=$1 i
  shift
  for ((i = 0; i < seconds * 10; i++)); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

# Processes running the installed binary: ours only, whatever else runs on the machine.
installed_pids() {
  local p
  for p in /proc/[0-9]*; do
    [ "$(readlink "$p/exe" 2>/dev/null)" = "$prefix/bin/swarmscope" ] && echo "${p#/proc/}"
  done
  return 0
}
only_primary_left() { [ "$(installed_pids)" = "$primary" ]; }
none_left() { [ -z "$(installed_pids)" ]; }
primary_listening() { compgen -G "$work/tmp/swarmscope-*" >/dev/null; }
primary_gone() { ! kill -0 "$primary" 2>/dev/null; }
received() { grep -qFx "received: $1" "$work/primary.log"; }
times_received() { grep -cFx "received: $1" "$work/primary.log" || true; }

# Stops whatever still runs the installed binary (the primary, a stuck second instance), by pid.
stop_installed() {
  local pids
  mapfile -t pids < <(installed_pids)
  ((${#pids[@]} > 0)) || return 0
  kill -TERM "${pids[@]}" 2>/dev/null || true
  wait_until 5 none_left && return 0
  mapfile -t pids < <(installed_pids)
  kill -KILL "${pids[@]}" 2>/dev/null || true
}

# fail, with what the primary printed.
fail_log() {
  echo "FAIL: $*" >&2
  echo "--- the primary's stderr:" >&2
  grep -v 'This plugin does not support' "$work/primary.log" >&2 || true # offscreen's noise
  exit 1
}

# Opens $1 with the command in the rest (xdg-open or gio open) and waits until the primary has it.
# xdg-open's generic path runs the desktop entry's Exec line in the foreground and exits 4 when that
# command fails, so its status is the second instance's. gio starts the command and returns at once:
# there, the second instance's exit is seen as it leaving the process list.
open_with() {
  local item=$1 out rc=0
  shift
  local tool="$*"
  out=$(in_session timeout 10 "$@" "$item" 2>&1) || rc=$?
  [ "$rc" -ne 124 ] || fail_log "$tool '$item' did not return within 10 s (a second instance that did not hand over and stayed?)"
  [ "$rc" -eq 0 ] || fail_log "$tool '$item' exited $rc: $out"
  wait_until 5 received "$item" || fail_log "the running swarmscope did not receive '$item' from $tool"
  wait_until 5 only_primary_left \
    || fail "after $tool '$item', swarmscope runs as pids $(installed_pids | tr '\n' ' ')(primary $primary)"
  echo "$tool: the running window received $item"
}

case "$check" in
  desktop-file)
    need desktop-file-validate desktop-file-utils
    desktop-file-validate "$src/packaging/$app_id.desktop" || fail "desktop-file-validate rejects the desktop entry"
    echo "desktop entry valid"
    ;;
  metainfo)
    need appstreamcli appstream
    # Warnings fail validation too; only pedantic hints (the upper-case letters of our id) pass.
    appstreamcli validate --no-net "$src/packaging/$app_id.metainfo.xml" || fail "appstreamcli rejects the metainfo"
    echo "metainfo valid"
    ;;
  install)
    build=${3:?build dir}
    datadir=${4:?datadir}
    need xdg-mime xdg-utils
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
    install_into_prefix "$build" "$datadir"
    make_session
    for mime in application/x-bittorrent x-scheme-handler/magnet; do
      got=$(in_session xdg-mime query default "$mime") || fail "xdg-mime query default $mime failed"
      [ "$got" = "$app_id.desktop" ] || fail "xdg-mime names '$got' for $mime, not $app_id.desktop"
      echo "$mime -> $got"
    done
    ;;
  open)
    build=${3:?build dir}
    datadir=${4:?datadir}
    need xdg-open xdg-utils
    need file file # xdg-mime's generic path types a file with /usr/bin/file when `mimetype` is missing
    need timeout coreutils
    work=$(mktemp -d)
    prefix=$work/prefix
    trap 'rc=$?; stop_installed; rm -rf "$work"; exit $rc' EXIT
    install_into_prefix "$build" "$datadir"
    make_session

    # A real torrent, made by the installed CLI. The tracker is on loopback and never asked: the
    # app only shows its add dialog. It is there because libmagic, which xdg-mime asks when
    # `mimetype` is missing, knows a torrent by its leading "d8:announce" (a trackerless one is
    # text/plain to it). A space in the name, as downloaded torrents often have.
    make_torrent() {
      mkdir -p "$work/files"
      echo "payload for $1" >"$work/files/$1.txt"
      "$prefix/bin/swarmscope-cli" create "$work/files/$1.txt" -o "$work/files/$1.torrent" \
        --tracker http://127.0.0.1:9/announce >/dev/null || fail "swarmscope-cli create failed"
      echo "$work/files/$1.torrent"
    }
    torrent=$(make_torrent "Swarmscope open check")
    magnet="magnet:?xt=urn:btih:$(printf %040d 1)&dn=Swarmscope+open+check"

    # The primary, with the state folder a launch from the desktop (no --state-dir) also picks:
    # XDG_DATA_HOME/swarmscope, here inside the temporary session.
    # Started by env, not through in_session, so that $! is the app's own pid (env execs it).
    env -i "${session_env[@]}" "$prefix/bin/swarmscope" --no-dht --port 0 --state-dir "$work/data/swarmscope" \
      >"$work/primary.log" 2>&1 &
    primary=$!
    wait_until 10 primary_listening || fail_log "the installed swarmscope did not start listening within 10 s"
    only_primary_left || fail "swarmscope runs as pids $(installed_pids | tr '\n' ' '), not only as $primary"

    open_with "$torrent" xdg-open
    open_with "$magnet" xdg-open
    expected=("$torrent" "$magnet")
    if command -v gio >/dev/null; then
      # gio follows the same desktop entry through GLib's own lookup (not xdg-mime's).
      gio_torrent=$(make_torrent "Swarmscope gio check") # another torrent: a new one, not "already added"
      gio_magnet="magnet:?xt=urn:btih:$(printf %040d 2)&dn=Swarmscope+gio+check"
      open_with "$gio_torrent" gio open
      open_with "$gio_magnet" gio open
      expected+=("$gio_torrent" "$gio_magnet")
    else
      echo "gio not installed (Debian package libglib2.0-bin): gio open not checked"
    fi

    kill -TERM "$primary"
    wait_until 10 primary_gone || fail_log "the primary did not quit within 10 s of SIGTERM"
    rc=0
    wait "$primary" || rc=$?
    [ "$rc" -eq 0 ] || fail_log "the primary exited $rc on SIGTERM"
    for item in "${expected[@]}"; do
      n=$(times_received "$item")
      [ "$n" -eq 1 ] || fail_log "the primary received '$item' $n times, not once"
    done
    n=$(grep -c '^received: ' "$work/primary.log" || true)
    [ "$n" -eq "${#expected[@]}" ] || fail_log "the primary received $n arguments, not ${#expected[@]}"
    echo "one window received all ${#expected[@]} items and quit cleanly on SIGTERM"
    ;;
  *)
    fail "unknown check $check"
    ;;
esac
