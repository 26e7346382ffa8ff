# reconcile on bad input and bad config: malformed records are named with
# file:line and skipped (exit 1), a bad config stops with exit 2 and writes
# nothing, an empty input gives the headers.
. "$TOP/tests/e2e/lib.sh"
IN=$DATA/reconcile/seeds.jsonl

head -n 3 "$IN" >"$T/bad.jsonl"
echo '{"doc":"x","start":0}' >>"$T/bad.jsonl"
echo 'not json' >>"$T/bad.jsonl"
sed -n 4p "$IN" | sed 's/"value":65036/"value":"65036"/' >>"$T/bad.jsonl"
run stage reconcile -c "$CONFIG" -o "$T/o" "$T/bad.jsonl"
check_status "malformed records: exit 1" 1
check_grep "missing field named with file:line" "reconcile: $T/bad.jsonl:4: field 'end' is missing" "$T/err"
check_grep "wrong type named with file:line" "reconcile: $T/bad.jsonl:6: field 'value' is not a number" "$T/err"
check "the good claims are still written" test "$(grep -c '^000_' "$T/o/claims.csv")" = 2
check_grep "skips in summary.json" '"reason": "malformed record"' "$T/o/summary.json"

: >"$T/empty.jsonl"
run stage reconcile -c "$CONFIG" -o "$T/e" "$T/empty.jsonl"
check_status "empty input: exit 0" 0
check "empty input: header only" test "$(wc -l <"$T/e/conflicts.csv")" = 1

mkdir "$T/cfg"
sed 's/"divergence_factor"/"divergence_facter"/' "$CONFIG/reconcile.json" >"$T/cfg/reconcile.json"
run stage reconcile -c "$T/cfg" -o "$T/c" "$IN"
check_status "unknown config key: exit 2" 2
check_grep "unknown key named with file:line" \
    "reconcile: $T/cfg/reconcile.json:4: key 'divergence_facter' unknown" "$T/err"
check "nothing written on a config error" test ! -e "$T/c/claims.csv"

run stage reconcile -c "$CONFIG" -o "$T/m" "$T/missing.jsonl"
check_status "missing input: exit 2" 2
check "nothing written when an input is missing" test ! -e "$T/m/claims.csv"

run stage reconcile -h
check_status "-h: exit 0" 0
check_grep "-h prints the usage" "usage: reconcile" "$T/out"
run stage reconcile -x
check_status "bad option: exit 2" 2
