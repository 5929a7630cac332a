#!/usr/bin/env bash
# Build the .deb with CPack and prove it installs and runs on a clean Debian 12:
#
#   sudo bash packaging/deb-check.sh
#
# 1. configures a Release build without tests (SWARMSCOPE_DEB_BUILD_DIR, default ./build-deb),
#    builds it and runs `cpack -G DEB` there; prints the package's control data and contents.
#    With SWARMSCOPE_DEB_REUSE_BUILD=1 the build directory is used as it is configured (CI packs
#    the build its tests just ran: cpack installs only the install rules, stripped);
# 2. makes a minimal Debian 12 with debootstrap (kept pristine in $SWARMSCOPE_DEB_CHROOT-base,
#    about 2 minutes the first time) and copies it to a fresh $SWARMSCOPE_DEB_CHROOT
#    (default /tmp/pkgchroot) for every run;
# 3. inside it, `apt-get install ./swarmscope_*.deb` must resolve the dependencies (Qt, OpenSSL)
#    from Debian, then swarmscope --version / --help, swarmscope-cli version, and the app started
#    on the offscreen platform must run.
# Needs root (debootstrap, chroot, mount) and the network to Debian's mirror, so it is not a ctest.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
build_dir=${SWARMSCOPE_DEB_BUILD_DIR:-$root/build-deb}
chroot_dir=${SWARMSCOPE_DEB_CHROOT:-/tmp/pkgchroot}
base_dir=$chroot_dir-base
jobs=$(nproc 2>/dev/null || echo 2)

log() { printf '[deb-check] %s\n' "$*" >&2; }
die() { log "FAIL: $*"; exit 1; }

[ "$(id -u)" -eq 0 ] || die "run as root (debootstrap, chroot and mount need it)"
for tool in cmake cpack dpkg-deb dpkg-shlibdeps debootstrap; do
  command -v "$tool" >/dev/null || die "$tool missing (Debian: cmake, dpkg-dev, debootstrap)"
done

# shellcheck disable=SC2034 # read by chroot-lib.sh
mounts=(proc dev/pts)
# shellcheck source-path=SCRIPTDIR source=chroot-lib.sh
. "$root/packaging/chroot-lib.sh"
mirror=$(mirror_for debian)
security_mirror=$(mirror_for debian-security)

# --- 1. the package -----------------------------------------------------------------------------
log "building the .deb in $build_dir"
if [ "${SWARMSCOPE_DEB_REUSE_BUILD:-0}" = 1 ]; then
  [ -f "$build_dir/CPackConfig.cmake" ] || die "$build_dir is not a configured build (SWARMSCOPE_DEB_REUSE_BUILD=1)"
else
  cmake -S "$root" -B "$build_dir" -G Ninja -DCMAKE_BUILD_TYPE=Release \
    -DSWARMSCOPE_BUILD_TESTS=OFF -DSWARMSCOPE_BUILD_UI=ON >/dev/null
fi
cmake --build "$build_dir" -j "$jobs"
rm -f "$build_dir"/swarmscope_*.deb
(cd "$build_dir" && cpack -G DEB)
deb=$(ls "$build_dir"/swarmscope_*.deb)
dpkg-deb -I "$deb"
dpkg-deb -c "$deb"
log "Depends: $(dpkg-deb -f "$deb" Depends)"

# --- 2. a clean Debian 12 -----------------------------------------------------------------------
if [ ! -x "$base_dir/usr/bin/apt-get" ]; then
  log "debootstrap bookworm from $mirror into $base_dir"
  rm -rf "$base_dir"
  debootstrap --variant=minbase bookworm "$base_dir" "$mirror" >/dev/null
fi
umount_all
rm -rf "$chroot_dir"
cp -a "$base_dir" "$chroot_dir"
trap umount_all EXIT
mount -t proc proc "$chroot_dir/proc"
mount -t devpts devpts "$chroot_dir/dev/pts"
cp /etc/resolv.conf "$chroot_dir/etc/resolv.conf"
# What a Debian 12 installation configures: the release, its updates and security.
cat >"$chroot_dir/etc/apt/sources.list" <<SOURCES
deb $mirror bookworm main
deb $mirror bookworm-updates main
deb $security_mirror bookworm-security main
SOURCES
cp "$deb" "$chroot_dir/tmp/"

# --- 3. install and run -------------------------------------------------------------------------
in_chroot apt-get update -qq
log "apt-get install ./$(basename "$deb")"
in_chroot sh -c "cd /tmp && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ./$(basename "$deb")" \
  | tee "$build_dir/deb-check-install.log" | grep -E '^(The following NEW|[0-9]+ upgraded|Setting up swarmscope)' \
  || die "apt-get install failed (log: $build_dir/deb-check-install.log)"
in_chroot dpkg -s swarmscope | grep -q '^Status: install ok installed' || die "swarmscope not installed"

log "swarmscope --version"
in_chroot swarmscope --version || die "swarmscope --version"
log "swarmscope --help (offscreen)"
in_chroot env QT_QPA_PLATFORM=offscreen swarmscope --help || die "swarmscope --help"
log "swarmscope-cli version"
in_chroot swarmscope-cli version || die "swarmscope-cli version"
# The app proper: window, engine and state database on the offscreen platform. Still running
# after 5 s (timeout's 124) means it started; any earlier exit is a failure.
log "swarmscope (offscreen, 5 s)"
status=0
in_chroot env QT_QPA_PLATFORM=offscreen timeout 5 swarmscope --no-dht --port 0 --state-dir /tmp/state || status=$?
[ "$status" -eq 124 ] || die "swarmscope exited with $status within 5 s"
[ -n "$(ls -A "$chroot_dir/tmp/state" 2>/dev/null)" ] || die "swarmscope wrote no state into --state-dir"
for f in /usr/share/applications/org.swarmscope.Swarmscope.desktop \
         /usr/share/metainfo/org.swarmscope.Swarmscope.metainfo.xml \
         /usr/share/icons/hicolor/scalable/apps/org.swarmscope.Swarmscope.svg \
         /usr/share/icons/hicolor/48x48/apps/org.swarmscope.Swarmscope.png; do
  [ -f "$chroot_dir$f" ] || die "$f missing after install"
done
log "OK: $(basename "$deb") installs on Debian 12 and runs"
