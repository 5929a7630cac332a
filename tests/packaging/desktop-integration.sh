#!/usr/bin/env bash
# Desktop integration checks, one per ctest test:
#   desktop-integration.sh desktop-file <source dir>
#   desktop-integration.sh metainfo     <source dir>
#   desktop-integration.sh install      <source dir> <build dir> <datadir, relative to the prefix>
# The install check installs the build into a temporary prefix and asks xdg-mime, in a session that
# sees only that prefix, which application opens .torrent files and magnet links.
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
    need update-desktop-database desktop-file-utils
    work=$(mktemp -d)
    trap 'rm -rf "$work"' EXIT
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

    # What a package manager's trigger does after installing a desktop entry.
    update-desktop-database "$share/applications"
    grep -q "^application/x-bittorrent=.*$app_id.desktop" "$share/applications/mimeinfo.cache" \
      || fail "mimeinfo.cache does not list us for application/x-bittorrent"

    # A session that knows only this prefix: no desktop environment (so xdg-mime uses the
    # freedesktop lookup, not gio or KDE's tools), empty user config and data folders.
    mkdir -p "$work/home" "$work/config" "$work/data"
    run_xdg() {
      env -i PATH="$PATH" HOME="$work/home" XDG_DATA_DIRS="$share" XDG_DATA_HOME="$work/data" \
        XDG_CONFIG_HOME="$work/config" XDG_CONFIG_DIRS="$work/config" "$@"
    }
    for mime in application/x-bittorrent x-scheme-handler/magnet; do
      got=$(run_xdg xdg-mime query default "$mime") || fail "xdg-mime query default $mime failed"
      [ "$got" = "$app_id.desktop" ] || fail "xdg-mime names '$got' for $mime, not $app_id.desktop"
      echo "$mime -> $got"
    done
    ;;
  *)
    fail "unknown check $check"
    ;;
esac
