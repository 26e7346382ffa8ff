#!/bin/sh
# Run each libFuzzer target for SECONDS, starting from tests/fuzz/corpus/<t>
# (new interesting inputs stay in build-fuzz/corpus/<t>); a crash input is
# written to tests/fuzz/regress/<t>/ to be kept as a regression test.
# Fork mode goes on after a crash, so one run finds more than one; the
# targets' own messages are silenced (-close_fd_mask), sanitizer reports not.
set -u
dir=$1 seconds=$2
shift 2
status=0
for t in "$@"; do
    work=build-fuzz/corpus/$t
    mkdir -p "$work" "tests/fuzz/regress/$t" "tests/fuzz/corpus/$t"
    echo "fuzz: $t for ${seconds}s"
    "$dir/fuzz_$t" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
        -fork=1 -ignore_crashes=1 -ignore_timeouts=1 -ignore_ooms=1 -close_fd_mask=3 \
        -print_final_stats=1 -artifact_prefix="tests/fuzz/regress/$t/" \
        "$work" "tests/fuzz/corpus/$t" >"build-fuzz/$t.log" 2>&1 || status=1
    tail -n 3 "build-fuzz/$t.log"
done
exit $status
