#!/bin/sh
# Run each cmocka program given; print its output and one closing line
# "unit: N passed, N failed" counting tests. VALGRIND=1 runs each under valgrind.
set -u
passed=0 failed=0
wrap=
[ -n "${VALGRIND:-}" ] && wrap="valgrind -q --error-exitcode=99 --leak-check=full --errors-for-leak-kinds=definite"
for t in "$@"; do
    log=$(mktemp)
    $wrap "$t" >"$log" 2>&1
    rc=$?
    cat "$log"
    p=$(sed -n 's/^\[  PASSED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    f=$(sed -n 's/^\[  FAILED  \] \([0-9]*\) test.*/\1/p' "$log" | tail -n 1)
    passed=$((passed + ${p:-0}))
    failed=$((failed + ${f:-0}))
    if [ "$rc" -ne 0 ] && [ -z "$f" ]; then
        echo "unit: $t exited $rc"
        failed=$((failed + 1))
    fi
    rm -f "$log"
done
echo "unit: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
