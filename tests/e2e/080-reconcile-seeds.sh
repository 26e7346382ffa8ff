# reconcile on a hand-made normalized.jsonl that models the seeds' claims:
# both gold conflicts flagged with the right kind, none of the nine
# non-conflicts, the same bytes twice, and summary.json's counts.
. "$TOP/tests/e2e/lib.sh"
IN=$DATA/reconcile/seeds.jsonl

run stage reconcile -c "$CONFIG" -o "$T/a" "$IN"
check_status "reconcile on the seed claims succeeds" 0
check_diff "claims.csv as expected" "$EXPECTED/reconcile-seeds-claims.csv" "$T/a/claims.csv"
check_diff "conflicts.csv as expected" "$EXPECTED/reconcile-seeds-conflicts.csv" "$T/a/conflicts.csv"
python3 "$TOP/tests/e2e/gold_check.py" conflicts "$DATA/gold" "$T/a" >"$T/score" 2>&1 || true
check_grep "both gold conflicts, right kind, no false pair" \
    "conflicts found 2/2 kind 2 wrong 0/9" "$T/score"

run stage reconcile -c "$CONFIG" -o "$T/b" "$IN"
for f in claims.csv conflicts.csv; do
    check "same bytes twice: $f" cmp -s "$T/a/$f" "$T/b/$f"
done
strip_times() { grep -v -e '"seconds"' -e '"cpu_seconds"' -e '"peak_rss_kb"' "$1"; }
strip_times "$T/a/summary.json" >"$T/sa"
strip_times "$T/b/summary.json" >"$T/sb"
check "summary.json the same but for timings" cmp -s "$T/sa" "$T/sb"

summary() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$T/a/summary.json" "$1"; }
check "summary: claims per category" test "$(summary 's["claims"]["per_category"]["killed"]')" = 7
check "summary: conflicts per kind" \
    test "$(summary '(s["conflicts"]["contradiction"], s["conflicts"]["divergence"])')" = "(1, 1)"
check "summary: documents" test "$(summary 's["documents"]["with_numbers"]')" = 5

# Other stages' figures fold in, skipped documents named once with reasons.
printf '%s\n' '{"stage":"tokenize","documents":6,"skipped":[{"doc":"bin","path":"in/bin.txt","reason":"binary file"}],"records_in":0,"records_out":9,"bytes_in":10,"seconds":0.1,"cpu_seconds":0.1,"peak_rss_kb":100,"warnings":0}' >"$T/tok.json"
printf '%s\n' '{"stage":"extract","documents":5,"skipped":[{"doc":"bin","path":"in/bin.txt","reason":"binary file"}],"records_in":9,"records_out":9,"bytes_in":10,"seconds":0.1,"cpu_seconds":0.1,"peak_rss_kb":100,"warnings":0}' >"$T/ext.json"
run stage reconcile -c "$CONFIG" -o "$T/c" -s "$T/c.stats.json" -S "$T/tok.json" -S "$T/ext.json" "$IN"
check_status "reconcile with -S succeeds" 0
s2() { python3 -c 'import json,sys; s=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' "$T/c/summary.json" "$1"; }
check "summary: documents read from tokenize" test "$(s2 's["documents"]["read"]')" = 6
check "summary: a skip named once, with its reason" \
    test "$(s2 '[(k["doc"], k["reason"]) for k in s["skipped"]]')" = "[('bin', 'binary file')]"
check "summary: time and memory per stage" \
    test "$(s2 '[(x["stage"], "seconds" in x, "peak_rss_kb" in x) for x in s["stages"]]')" = \
    "[('tokenize', True, True), ('extract', True, True), ('reconcile', True, True)]"
check "-s writes reconcile's own figures" grep -q '"stage":"reconcile"' "$T/c.stats.json"
