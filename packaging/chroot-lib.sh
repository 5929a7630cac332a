# Shared by the chroot checks (packaging/deb-check.sh, tests/solid/trixie-chroot.sh); sourced, not run.
# Expects $chroot_dir and, for umount_all, the array $mounts (paths inside the chroot).

# The Debian mirror this machine already uses (deb822 or one-line sources), else deb.debian.org.
mirror_for() { # $1: archive path suffix, "debian" or "debian-security"
  local url
  url=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
    | grep -Eo "https?://[^ ]+/$1/?( |$)" | head -n1 | tr -d ' ') || true
  echo "${url:-http://deb.debian.org/$1}"
}

# Unmounts what the check mounted inside the chroot (lazily when busy); safe to call twice.
umount_all() {
  local m
  for m in "${mounts[@]}"; do
    if mountpoint -q "$chroot_dir/$m"; then umount "$chroot_dir/$m" || umount -l "$chroot_dir/$m"; fi
  done
  return 0
}

# A command inside the chroot, with a clean environment.
in_chroot() {
  chroot "$chroot_dir" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME=/root LANG=C.UTF-8 "$@"
}
