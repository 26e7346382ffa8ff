#!/bin/sh
# extract and normalize on bad input: a broken line is named and skipped (exit 1),
# a bad config or a missing input stops the stage (exit 2) with nothing written.
. "$TOP/tests/e2e/lib.sh"

printf '{"type":"doc","doc":"a","lang":"en"}\nnot json\n{"type":"sentence","doc":"a","sid":0,"start":0,"end":8,"text":"5 people","tokens":[]}\n' >"$T/tokens.jsonl"
run stage extract -c "$CONFIG" -o "$T/m.jsonl" "$T/tokens.jsonl"
check_status "extract: a broken line exits 1" 1
check_grep "extract: the line is named" "tokens.jsonl:2:" "$T/err"
check_grep "extract: the rest is read" '"type":"mention"' "$T/m.jsonl"
run stage normalize -c "$CONFIG" -o "$T/n.jsonl" "$T/m.jsonl"
check_status "normalize: clean mentions exit 0" 0
check_grep "normalize: the number" '"value":5' "$T/n.jsonl"
printf '{"type":"skip","doc":"b","path":"b.txt","reason":"binary file"}\n' >>"$T/m.jsonl"
run stage normalize -c "$CONFIG" -o "$T/n2.jsonl" "$T/m.jsonl"
check_status "normalize: a skipped document exits 1" 1
mkdir -p "$T/cfg/numbers"
cp "$CONFIG/normalize.json" "$T/cfg/"
printf '{"decimal":".","group":[","],"cardinals":{},"qualifers":{}}\n' >"$T/cfg/numbers/en.json"
run stage extract -c "$T/cfg" -o "$T/m3.jsonl" "$T/tokens.jsonl"
check_status "extract: a misspelt config key exits 2" 2
check_grep "extract: the key is named" "qualifers" "$T/err"
if [ -e "$T/m3.jsonl" ]; then fail "extract: nothing written"; else pass "extract: nothing written"; fi
run stage normalize -c "$CONFIG" -o "$T/n4.jsonl" "$T/missing.jsonl"
check_status "normalize: a missing input exits 2" 2
if [ -e "$T/n4.jsonl" ]; then fail "normalize: nothing written"; else pass "normalize: nothing written"; fi
