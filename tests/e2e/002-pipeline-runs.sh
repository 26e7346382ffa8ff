# make pipeline as cron runs it: a lock on OUT, STRICT, reruns that notice
# a changed IN, and a failed stage that leaves the last good outputs whole.
. "$TOP/tests/e2e/lib.sh"

mkdir -p "$T/in"
cp "$TOP/seeds/003_f1544da85298896f.txt" "$T/in/a.txt"
run pipeline "$T/in" "$T/res"
check_status "first run succeeds" 0
cp "$T/res/claims.csv" "$T/claims.first"

# A second run on the same OUT while one holds the lock fails at once.
(flock "$T/res/.lock" sleep 3) &
sleep 0.5
run pipeline "$T/in" "$T/res"
check "a run on a locked OUT fails" test "$rc" -ne 0
check_grep "and says why" "in use by another run" "$T/err"
wait

# A skipped (binary) document: the run completes; STRICT=1 makes it fail.
printf '\000\001\002\003\000\000\000\377' >"$T/in/b.txt"
run pipeline "$T/in" "$T/res"
check_status "a skipped document does not fail the run" 0
check_grep "the skipped document is named" "b.txt" "$T/err"
check_grep "and listed in summary.json" '"b"' "$T/res/summary.json"
run pipeline_make IN="$T/in" OUT="$T/res2" STRICT=1
check_status "STRICT=1 fails when a document was skipped" 2
rm "$T/in/b.txt"

# A document that vanished from IN is noticed although no timestamp is newer.
cp "$TOP/seeds/004_dc57c91d7ab00de9.txt" "$T/in/c.txt"
run pipeline "$T/in" "$T/res"
check_grep "a new document is picked up" '"doc":"c"' "$T/res/tokens.jsonl"
rm "$T/in/c.txt"
run pipeline "$T/in" "$T/res"
check "a removed document is dropped" sh -c "! grep -q '\"doc\":\"c\"' '$T/res/tokens.jsonl'"
check_diff "and the outputs are as before" "$T/claims.first" "$T/res/claims.csv"

# A config that stops a stage: the run fails, the last good outputs stay whole.
cp -R "$CONFIG" "$T/config"
echo '{"no_such_key": 1}' >"$T/config/reconcile.json"
touch "$T/config/reconcile.json"
run pipeline_make IN="$T/in" OUT="$T/res" CONFIG="$T/config"
check "a bad config fails the run" test "$rc" -ne 0
check_grep "naming the file and key" "reconcile.json:1: key 'no_such_key'" "$T/err"
check_diff "the last good claims.csv is whole" "$T/claims.first" "$T/res/claims.csv"
check "no temporary file left" test -z "$(find "$T/res" -name '*.tmp')"
