# manifest.csv: values win; malformed is fatal with its line; duplicates
# are fatal; a row for a missing document is a warning.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
printf ' date 2020-01 Det er ikke mye igjen nå, og det blir ikke bedre.\n' >"$T/in/a.txt"
printf 'doc,date,lang,source,url\na,2021-02-03,sv,"Paper, The",http://x\nmissing,,,,\n' >"$T/in/manifest.csv"
run stage tokenize -c "$CONFIG" -o "$T/out.jsonl" "$T/in"
check_status "a row for a missing document is not fatal" 0
check_grep "missing document warned with its line" "^tokenize: .*manifest.csv:3: no document 'missing' for this row" "$T/err"
check_grep "manifest values win" '"date":"2021-02-03","date_source":"manifest","doc":"a".*"lang":"sv","lang_source":"manifest".*"source":"Paper, The".*"url":"http://x"' "$T/out.jsonl"

printf 'doc,date,lang,source,url\na,2021-02,,"unterminated,\n' >"$T/in/manifest.csv"
run stage tokenize -c "$CONFIG" -o "$T/out2.jsonl" "$T/in"
check_status "unterminated quote exits 2" 2
check_grep "names manifest.csv:LINE" "^tokenize: .*manifest.csv:2: unterminated quoted field" "$T/err"
check "no output file" test ! -e "$T/out2.jsonl" -a ! -e "$T/out2.jsonl.tmp"

printf 'doc,date,lang,source,url\na,,,,\nb,,,,\na,,,,\n' >"$T/in/manifest.csv"
run stage tokenize -c "$CONFIG" -o "$T/out3.jsonl" "$T/in"
check_status "duplicate rows exit 2" 2
check_grep "duplicate named with both lines" "manifest.csv:4: duplicate row for doc 'a' (first at line 2)" "$T/err"

printf 'doc,date,lang\na,,\n' >"$T/in/manifest.csv"
run stage tokenize -c "$CONFIG" -o "$T/out4.jsonl" "$T/in"
check_status "wrong header exits 2" 2
check_grep "wrong header named" "manifest.csv:1: 3 fields, want 5" "$T/err"
printf 'doc,date,lang,source,url\na,2021-13,,,\n' >"$T/in/manifest.csv"
run stage tokenize -c "$CONFIG" -o "$T/out5.jsonl" "$T/in"
check_status "bad date exits 2" 2
check_grep "bad date named" "manifest.csv:2: date is not YYYY-MM or YYYY-MM-DD: '2021-13'" "$T/err"
