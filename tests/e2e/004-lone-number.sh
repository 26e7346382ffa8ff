# A line that is only a number is text (a one-line document, a figure on its
# own line); only a number in parentheses on its own line is a counter.
. "$TOP/tests/e2e/lib.sh"

mkdir -p "$T/in"
printf '1\n' >"$T/in/a.txt"
printf 'Fighting went on.\n(12)\n' >"$T/in/b.txt"
printf 'doc,date,lang,source,url\na,,en,,\nb,,en,,\n' >"$T/in/manifest.csv"
run pipeline "$T/in" "$T/res"
check_status "pipeline" 0
check_grep "a lone number is read" '"doc":"a".*"value":1[,}]' "$T/res/normalized.jsonl"
check "a counter in parentheses is furniture, not a number" \
    sh -c "! grep -q '\"doc\":\"b\"' '$T/res/normalized.jsonl'"
