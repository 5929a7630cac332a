#!/usr/bin/env bash
# The KDE Solid backends, built and tested where KF6 Solid exists: a Debian 13 (trixie) chroot.
#
#   sudo bash tests/solid/trixie-chroot.sh          # .ci/run runs it after the main suite
#
# KF6 Solid needs Qt >= 6.6; Debian 12 has Qt 6.4, so the Solid code cannot be built on the host.
# 1. makes a minimal trixie with debootstrap from the Debian mirror this machine uses and installs
#    the compiler, Qt and KF6 Solid there (about 2 minutes once; kept in $SWARMSCOPE_TRIXIE_CHROOT,
#    default /var/tmp/swarmscope-trixie, and reused while its package list is unchanged);
# 2. bind-mounts this source tree read-only at /src, configures it with SWARMSCOPE_REQUIRE_SOLID=ON
#    (configure fails if find_package(KF6Solid) does not succeed) and builds only the Solid tests;
# 3. runs them with ctest -L solid: Solid's fake hardware backend (SOLID_FAKEHW) under
#    dbus-run-session, volumes unplugged and unmounted while the policy watches.
# With SWARMSCOPE_TRIXIE_FULL=1 it builds everything (UI, translations, every test) against
# Debian 13's Qt with warnings as errors and runs the tests that need no outside peers: the
# check that the project builds clean on a newer Qt than Debian 12's.
# Needs root (debootstrap, chroot, mount) and the network to Debian's mirror only.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
chroot_dir=${SWARMSCOPE_TRIXIE_CHROOT:-/var/tmp/swarmscope-trixie}
jobs=$(nproc 2>/dev/null || echo 2)
packages="g++ cmake ninja-build qt6-base-dev libkf6solid-dev libssl-dev dbus-daemon"
full=${SWARMSCOPE_TRIXIE_FULL:-0}
if [ "$full" = 1 ]; then
  packages="$packages qt6-base-dev-tools qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite"
  packages="$packages libgl-dev librsvg2-bin pkg-config"
fi

log() { printf '[solid-chroot] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mount need it)"
if ! command -v debootstrap >/dev/null; then
  log "installing debootstrap"
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null || die "apt-get install debootstrap"
fi

# shellcheck disable=SC2034 # read by chroot-lib.sh
mounts=(proc dev/pts src)
# shellcheck source-path=SCRIPTDIR source=../../packaging/chroot-lib.sh
. "$root/packaging/chroot-lib.sh"
mirror=$(mirror_for debian)
trap umount_all EXIT
umount_all

# --- 1. the chroot ----------------------------------------------------------------------------------
stamp=$chroot_dir/.swarmscope-packages
if [ "$(cat "$stamp" 2>/dev/null)" != "$packages" ]; then
  start=$SECONDS
  if [ ! -x "$chroot_dir/usr/bin/apt-get" ]; then
    log "debootstrap trixie from $mirror into $chroot_dir"
    rm -rf "$chroot_dir"
    debootstrap --variant=minbase trixie "$chroot_dir" "$mirror" >"$chroot_dir.debootstrap.log" 2>&1 \
      || { tail -n 20 "$chroot_dir.debootstrap.log" >&2; die "debootstrap trixie"; }
  fi
  mount -t proc proc "$chroot_dir/proc"
  mount -t devpts devpts "$chroot_dir/dev/pts"
  cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
  echo "deb $mirror trixie main" >"$chroot_dir/etc/apt/sources.list"
  log "apt-get install $packages"
  in_chroot apt-get update -qq || die "apt-get update in the chroot"
  in_chroot env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $packages \
    >"$chroot_dir.apt.log" 2>&1 || { tail -n 20 "$chroot_dir.apt.log" >&2; die "apt-get install in the chroot"; }
  in_chroot apt-get clean
  echo "$packages" >"$stamp"
  log "chroot ready in $((SECONDS - start)) s"
  umount_all
fi

# --- 2. build ---------------------------------------------------------------------------------------
mkdir -p "$chroot_dir/src" "$chroot_dir/build"
mount -t proc proc "$chroot_dir/proc"
mount -t devpts devpts "$chroot_dir/dev/pts"
mount --bind "$root" "$chroot_dir/src"
mount -o remount,bind,ro "$chroot_dir/src"
log "Qt $(in_chroot sh -c 'dpkg-query -W -f "\${Version}" qt6-base-dev'), KF6 Solid $(in_chroot sh -c 'dpkg-query -W -f "\${Version}" libkf6solid-dev')"
start=$SECONDS
if [ "$full" = 1 ]; then
  in_chroot cmake -S /src -B /build-full -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSWARMSCOPE_BUILD_UI=ON \
    -DSWARMSCOPE_REQUIRE_SOLID=ON -DSWARMSCOPE_WERROR=ON >/dev/null || die "configure (full, newer Qt)"
  in_chroot cmake --build /build-full -j "$jobs" || die "full build on Debian 13's Qt"
  log "built everything in $((SECONDS - start)) s"
  in_chroot sh -c "cd /build-full && ctest -j $jobs --output-on-failure -LE 'interop|integration|packaging'" \
    || die "tests on Debian 13's Qt"
  log "OK: everything builds clean and the tests pass on Debian 13's Qt"
  exit 0
fi
# Warnings as errors: core is also built here against a newer Qt (6.8) than Debian 12's.
in_chroot cmake -S /src -B /build -G Ninja -DCMAKE_BUILD_TYPE=Debug -DSWARMSCOPE_BUILD_UI=OFF \
  -DSWARMSCOPE_REQUIRE_SOLID=ON -DSWARMSCOPE_WERROR=ON >/dev/null || die "configure with KF6 Solid"
in_chroot cmake --build /build -j "$jobs" --target swarmscope_solid_tests || die "build of the Solid tests"
log "built in $((SECONDS - start)) s"

# --- 3. test ----------------------------------------------------------------------------------------
in_chroot sh -c 'cd /build && ctest -L solid --output-on-failure --no-tests=error' || die "Solid tests"
log "OK: the Solid backends pass on Debian 13"
