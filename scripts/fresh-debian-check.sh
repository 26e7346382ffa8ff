#!/bin/sh
# Try the README's quick start on a minimal Debian bookworm, as a new user
# would: debootstrap --variant=minbase into a temporary folder, clone this
# repository into it, and run the two quick-start commands in a chroot.
# Needs root and debootstrap; takes a few minutes. FRESH_TAR=file reuses a
# tarball of an earlier minbase tree instead of running debootstrap.
set -eu
[ "$(id -u)" -eq 0 ] || { echo "fresh-debian-check: run as root" >&2; exit 2; }
top=$(git rev-parse --show-toplevel)
root=$(mktemp -d /tmp/claimrec-fresh.XXXXXX)
cleanup() {
    umount "$root/proc" 2>/dev/null || true
    rm -rf "$root"
}
trap cleanup EXIT
if [ -n "${FRESH_TAR:-}" ]; then
    tar -C "$root" -xf "$FRESH_TAR"
else
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >/dev/null
fi
cp /etc/resolv.conf "$root/etc/resolv.conf"
git clone -q "$top" "$root/claimrec"
mount -t proc proc "$root/proc"
chroot "$root" /bin/sh -c 'cd /claimrec && ./quickstart pipeline && ls -l out/claims.csv out/conflicts.csv out/summary.json'
log=${FRESH_LOG:-/tmp/claimrec-fresh-test.log}
if ! chroot "$root" /bin/sh -c 'cd /claimrec && ./quickstart test' >"$log" 2>&1; then
    grep -E '^not ok|^#|passed' "$log" | head -n 60
    echo "fresh-debian-check: ./quickstart test failed (log: $log)" >&2
    exit 1
fi
grep -E 'passed' "$log"
echo "fresh-debian-check: both quick-start commands passed"
