#!/bin/sh
# extract and normalize: the numbers of a small nb/nl corpus, as a golden file.
. "$TOP/tests/e2e/lib.sh"

stage tokenize -c "$CONFIG" -o "$T/tokens.jsonl" "$DATA/numbers/in" 2>"$T/err"
run stage extract -c "$CONFIG" -s "$T/extract.stats.json" -o "$T/mentions.jsonl" "$T/tokens.jsonl"
check_status "extract exits 0" 0
run stage normalize -c "$CONFIG" -o "$T/normalized.jsonl" "$T/mentions.jsonl"
check_status "normalize exits 0" 0
python3 -c '
import json, sys
for line in open(sys.argv[1]):
    o = json.loads(line)
    print(o["doc"], o["start"], o["end"], o["text"], o["value"], o["low"], o["high"],
          o["qualifier"], o["kind"], o["unit"], o["lang"], o["ambiguous"], sep="\t")
' "$T/normalized.jsonl" >"$T/numbers.tsv"
check_diff "numbers, values, intervals, kinds" "$EXPECTED/050-numbers.tsv" "$T/numbers.tsv"
check_grep "mentions keep the doc records" '"type":"doc"' "$T/mentions.jsonl"
check_grep "extract writes its figures" '"stage":"extract"' "$T/extract.stats.json"
if grep -q '"type"' "$T/normalized.jsonl"; then fail "normalized.jsonl holds only numbers"; else
    pass "normalized.jsonl holds only numbers"; fi
