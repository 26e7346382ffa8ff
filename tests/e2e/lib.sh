# Sourced by every tests/e2e/NNN-*.sh. Provides a temp dir $T (removed on
# exit), stage runners and ok/not ok reporting; run.sh counts the lines.
# BIN, CONFIG and TOP come from the Makefile; WRAP (e.g. valgrind) may too.
set -eu
export LC_ALL=C
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
EXPECTED=$TOP/tests/e2e/expected
DATA=$TOP/tests/data

pass() { echo "ok - $1"; }
fail() {
    echo "not ok - $1"
    shift
    for f in "$@"; do [ -f "$f" ] && sed 's/^/#   /' "$f" | head -n 40; done
    return 0
}

# run CMD...: run it, keeping stdout in $T/out, stderr in $T/err, status in $rc.
run() {
    set +e
    "$@" >"$T/out" 2>"$T/err"
    rc=$?
    set -e
}

# stage NAME ARGS...: one of the pipeline's binaries, under $WRAP when set.
stage() {
    name=$1
    shift
    ${WRAP:-} "$BIN/$name" "$@"
}

# pipeline IN OUT: the four stages in sequence, as make pipeline runs them.
pipeline() {
    pipeline_make IN="$1" OUT="$2"
}

# pipeline_make VAR=VALUE...: make pipeline with the binaries under test.
pipeline_make() {
    env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -C "$TOP" pipeline \
        BUILD="$(dirname "$BIN")" NOBUILD=1 "$@"
}

# check NAME CMD...: ok when CMD succeeds.
check() {
    name=$1
    shift
    if "$@"; then pass "$name"; else fail "$name" "$T/err"; fi
}

# check_status NAME WANT: the last run's status.
check_status() {
    if [ "$rc" -eq "$2" ]; then pass "$1"; else fail "$1 (exit $rc, want $2)" "$T/err"; fi
}

# check_grep NAME PATTERN FILE
check_grep() {
    if grep -q -- "$2" "$3"; then pass "$1"; else fail "$1 (no '$2' in $3)" "$3"; fi
}

# check_diff NAME EXPECTED ACTUAL
check_diff() {
    if diff -u "$2" "$3" >"$T/diff"; then pass "$1"; else fail "$1" "$T/diff"; fi
}
