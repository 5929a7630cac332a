#!/usr/bin/env bash
# Swarmscope's developer entry point on Debian 12 (and newer Debian/Ubuntu with Qt >= 6.4).
#
#   bash packaging/dev.sh run [-- app arguments]   install what is missing, build, launch the app
#   bash packaging/dev.sh test                     install what is missing, build, run every test
#   bash packaging/dev.sh build                    install build dependencies and build
#   bash packaging/dev.sh chroot-checks            (root) the KDE Solid tests in a Debian 13 chroot, and
#                                                  the .deb of the test build installed on a clean Debian 12
#   bash packaging/dev.sh fuzz [seconds] [--merge] build the libFuzzer targets with clang and run each;
#                                                  --merge adds new coverage to tests/fuzz/corpus
#
# Packages are installed only when missing (apt-get needs root: sudo is used when not root), and
# the build is incremental, so a second run is fast. SWARMSCOPE_BUILD_DIR overrides ./build.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${SWARMSCOPE_BUILD_DIR:-$root/build}
jobs=$(nproc 2>/dev/null || echo 2)

build_packages=(cmake ninja-build g++ pkg-config
  qt6-base-dev qt6-base-dev-tools libqt6sql6-sqlite libgl-dev libssl-dev
  qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools librsvg2-bin)
run_packages=(fonts-dejavu-core qt6-translations-l10n)
# Real peers and tools nobody here wrote, for the interop tests; the desktop-file validators, and
# what xdg-open's generic path (file) and gio open (libglib2.0-bin) use to open a torrent with us.
test_packages=(mktorrent transmission-cli transmission-daemon aria2 python3-libtorrent python3 opentracker dbus-daemon
  desktop-file-utils appstream xdg-utils file libglib2.0-bin)
fuzz_packages=(clang libclang-rt-14-dev)
# The chroot checks: debootstrap for the chroots, dpkg-dev for CPack's dependency scan.
chroot_packages=(debootstrap dpkg-dev)

log() { printf '[dev.sh] %s\n' "$*" >&2; }

install_missing() {
  local missing=() pkg
  for pkg in "$@"; do
    dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q 'install ok installed' || missing+=("$pkg")
  done
  ((${#missing[@]} == 0)) && return 0
  local sudo=()
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null || { log "need root to install: ${missing[*]}"; exit 1; }
    sudo=(sudo)
  fi
  log "installing: ${missing[*]}"
  "${sudo[@]}" apt-get update -qq
  DEBIAN_FRONTEND=noninteractive "${sudo[@]}" apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
  # Debian's opentracker and transmission-daemon packages enable system-wide services (a
  # tracker on port 6969, a peer on 51413); the tests start their own on loopback, so keep the
  # services off where systemd runs.
  if command -v systemctl >/dev/null && systemctl is-system-running >/dev/null 2>&1; then
    local service
    for service in opentracker transmission-daemon; do
      if [[ " ${missing[*]} " == *" $service "* ]]; then
        "${sudo[@]}" systemctl disable --now "$service.service" >/dev/null 2>&1 || true
      fi
    done
  fi
}

configure_and_build() {
  local dir=$1; shift
  if [ ! -f "$dir/build.ninja" ]; then
    cmake -S "$root" -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo "$@" >/dev/null
  fi
  cmake --build "$dir" -j "$jobs"
}

cmd=${1:-}
shift || true
case "$cmd" in
  build)
    install_missing "${build_packages[@]}"
    configure_and_build "$build_dir"
    ;;
  run)
    install_missing "${build_packages[@]}" "${run_packages[@]}"
    configure_and_build "$build_dir"
    [ "${1:-}" = "--" ] && shift
    exec "$build_dir/app/swarmscope" "$@"
    ;;
  test)
    install_missing "${build_packages[@]}" "${test_packages[@]}"
    configure_and_build "$build_dir"
    cd "$build_dir"
    ctest --output-on-failure -j "$jobs" --timeout 600
    ;;
  chroot-checks)
    # After `test` (CI runs it next): packs the build the tests just used instead of a second one.
    install_missing "${build_packages[@]}" "${chroot_packages[@]}"
    configure_and_build "$build_dir"
    bash "$root/tests/solid/trixie-chroot.sh"
    SWARMSCOPE_DEB_BUILD_DIR=$build_dir SWARMSCOPE_DEB_REUSE_BUILD=1 bash "$root/packaging/deb-check.sh"
    ;;
  fuzz)
    seconds=${1:-60}
    merge=${2:-}
    install_missing "${build_packages[@]}" "${fuzz_packages[@]}"
    fuzz_dir="$root/build-fuzz"
    CC=clang CXX=clang++ configure_and_build "$fuzz_dir" -DSWARMSCOPE_FUZZ=ON -DSWARMSCOPE_BUILD_UI=OFF \
      -DSWARMSCOPE_BUILD_TESTS=OFF -DCMAKE_BUILD_TYPE=RelWithDebInfo
    for corpus in "$root"/tests/fuzz/corpus/*/; do
      corpus=${corpus%/}
      name=fuzz_$(basename "$corpus")
      [ -n "${FUZZ_ONLY:-}" ] && [ "$name" != "fuzz_$FUZZ_ONLY" ] && continue
      fuzzer="$fuzz_dir/tests/fuzz/$name"
      [ -f "$fuzzer" ] && [ -x "$fuzzer" ] || { log "no fuzzer built for $corpus"; exit 1; }
      work=$(mktemp -d)
      log "fuzzing $name for ${seconds}s (corpus $corpus)"
      if ! "$fuzzer" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -artifact_prefix="$work/" "$work" "$corpus"; then
        log "$name found a problem: the input is in $work (add it to $corpus once fixed)"
        exit 1
      fi
      if [ "$merge" = "--merge" ]; then
        "$fuzzer" -merge=1 "$corpus" "$work" 2>/dev/null
      fi
      rm -rf "$work"
    done
    ;;
  *)
    sed -n '2,12p' "${BASH_SOURCE[0]}" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
