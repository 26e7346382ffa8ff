#!/bin/sh
# Replay every kept input (tests/fuzz/corpus/<t>/, tests/fuzz/regress/<t>/)
# through each fuzz target; closes with "replay: N passed, N failed".
set -u
dir=$1
shift
passed=0 failed=0
for t in "$@"; do
    for f in tests/fuzz/corpus/"$t"/* tests/fuzz/regress/"$t"/*; do
        [ -f "$f" ] || continue
        if "$dir/replay_$t" "$f" >/dev/null 2>"$dir/replay.err"; then
            passed=$((passed + 1))
        else
            echo "not ok - replay $t $f"
            sed 's/^/#   /' "$dir/replay.err" | head -n 20
            failed=$((failed + 1))
        fi
    done
done
echo "replay: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
