#!/bin/sh
# Install what claimrec needs to build, test and run, from Debian's packages.
#
#   sh scripts/deps.sh            install what is missing (as root, or through sudo)
#   sh scripts/deps.sh --test     the same, plus what the tests use (python3, LibreOffice, ...)
#   sh scripts/deps.sh --ci       --test, plus the tools CI uses (clang-format, valgrind, ...)
#                                 and Slurm (make test-slurm)
#   sh scripts/deps.sh --slurm    the build's packages plus Slurm and munge (make slurm, test-slurm)
#   sh scripts/deps.sh --missing  only print the missing packages (empty when none)
#
# Exits 0 when everything is there afterwards, 1 when it could not install
# (it then prints the one command that does).
set -u

# package  how to tell it is there
BUILD_PKGS='gcc:cmd:cc make:cmd:make pkg-config:cmd:pkg-config libc6-dev:hdr:stdio.h
libjansson-dev:pc:jansson libgsl-dev:pc:gsl libutf8proc-dev:pc:libutf8proc
libexttextcat-dev:pc:libexttextcat libcsv-dev:hdr:csv.h libstemmer-dev:hdr:libstemmer.h
libcmocka-dev:pc:cmocka iso-codes:file:/usr/share/iso-codes/json/iso_3166-1.json'
TEST_PKGS='python3:cmd:python3 diffutils:cmd:diff util-linux:cmd:flock
libreoffice-calc-nogui:cmd:soffice'
CI_PKGS='clang-format:cmd:clang-format valgrind:cmd:valgrind git:cmd:git'
SLURM_PKGS='slurm-wlm:cmd:slurmctld munge:cmd:munged'

has() {
    kind=$1 what=$2
    case $kind in
    cmd) command -v "$what" >/dev/null 2>&1 ;;
    pc) command -v pkg-config >/dev/null 2>&1 && pkg-config --exists "$what" ;;
    hdr) [ -f "/usr/include/$what" ] || [ -f "/usr/include/x86_64-linux-gnu/$what" ] ||
        echo "#include <$what>" | cc -E -x c - >/dev/null 2>&1 ;;
    file) [ -e "$what" ] ;;
    esac
}

missing() {
    out= pcs= all_pc=no
    for spec in $1; do
        case $spec in *:pc:*) pcs="$pcs ${spec##*:}" ;; esac
    done
    # One pkg-config for all when they are all there (each make run asks).
    if [ -n "$pcs" ] && command -v pkg-config >/dev/null 2>&1 && pkg-config --exists $pcs; then
        all_pc=yes
    fi
    for spec in $1; do
        case $all_pc:$spec in yes:*:pc:*) continue ;; esac
        pkg=${spec%%:*} rest=${spec#*:}
        has "${rest%%:*}" "${rest#*:}" || out="$out $pkg"
    done
    echo "${out# }"
}

want=$BUILD_PKGS
case ${1:-} in
--missing) missing "$BUILD_PKGS"; exit 0 ;;
--test) want="$BUILD_PKGS $TEST_PKGS" ;;
--ci) want="$BUILD_PKGS $TEST_PKGS $CI_PKGS $SLURM_PKGS" ;;
--slurm) want="$BUILD_PKGS $SLURM_PKGS" ;;
'') ;;
*) echo "usage: sh scripts/deps.sh [--test | --ci | --slurm | --missing]" >&2; exit 2 ;;
esac

pkgs=$(missing "$want")
[ -z "$pkgs" ] && exit 0
if [ "$(id -u)" -eq 0 ]; then
    sudo=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    sudo=sudo
else
    echo "deps: missing: $pkgs" >&2
    echo "deps: install with: sudo apt-get install -y $pkgs" >&2
    exit 1
fi
echo "deps: installing: $pkgs" >&2
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq >&2 || true
# shellcheck disable=SC2086
if ! $sudo apt-get install -y -qq --no-install-recommends $pkgs >&2; then
    echo "deps: apt-get failed; install with: sudo apt-get install -y $pkgs" >&2
    exit 1
fi
left=$(missing "$want")
if [ -n "$left" ]; then
    echo "deps: still missing after install: $left" >&2
    exit 1
fi
