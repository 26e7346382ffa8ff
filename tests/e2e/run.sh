#!/bin/sh
# Run every tests/e2e/NNN-*.sh and close with "e2e: N passed, N failed".
set -u
cd "$TOP"
passed=0 failed=0
for t in tests/e2e/[0-9][0-9][0-9]-*.sh; do
    [ -f "$t" ] || continue
    echo "# $t"
    log=$(mktemp)
    sh "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(grep -c '^ok ' "$log")
    f=$(grep -c '^not ok ' "$log")
    if [ "$rc" -ne 0 ]; then
        echo "not ok - $t exited $rc"
        f=$((f + 1))
    fi
    passed=$((passed + p))
    failed=$((failed + f))
    rm -f "$log"
done
echo "e2e: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
