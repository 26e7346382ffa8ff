# A config value of the wrong type stops each stage: exit 2, a message
# "stage: file:line: key 'k' ..." naming the file, its line and the key, and
# nothing written (no new output, a previous output left as it was).
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -c "$CONFIG" -o "$T/tokens.jsonl" "$TOP/seeds"
check_status "tokenize on the seeds" 0
run stage extract -c "$CONFIG" -o "$T/mentions.jsonl" "$T/tokens.jsonl"
check_status "extract on the seeds" 0
run stage normalize -c "$CONFIG" -o "$T/normalized.jsonl" "$T/mentions.jsonl"
check_status "normalize on the seeds" 0

# wrong FILE KEY VALUE: a copy of the config in $T/cfg with KEY's first
# value in FILE replaced by VALUE; sets $line to its line.
wrong() {
    rm -rf "$T/cfg"
    cp -R "$CONFIG" "$T/cfg"
    line=$(grep -n -m 1 "\"$2\": " "$T/cfg/$1" | cut -d: -f1)
    sed -i "${line}s/\"$2\": [^,]*/\"$2\": $3/" "$T/cfg/$1"
}

# expect STAGE FILE KEY OUTPUT: exit 2, file:line and key named, OUTPUT untouched.
expect() {
    check_status "$1: $3 of the wrong type exits 2" 2
    check_grep "$1: names $2:$line and key '$3'" "^$1: .*$2:$line: key '$3'" "$T/err"
    check "$1: the previous output is left as it was" cmp -s "$T/keep" "$4"
    check "$1: no temporary file left" test -z "$(find "$T" -name '*.tmp')"
}

wrong tokenize.json max_document_bytes '"big"'
printf 'previous\n' >"$T/keep"
cp "$T/keep" "$T/out.jsonl"
run stage tokenize -c "$T/cfg" -o "$T/out.jsonl" "$TOP/seeds"
expect tokenize tokenize.json max_document_bytes "$T/out.jsonl"

wrong numbers/en.json decimal 5
cp "$T/keep" "$T/out.jsonl"
run stage extract -c "$T/cfg" -o "$T/out.jsonl" "$T/tokens.jsonl"
expect extract numbers/en.json decimal "$T/out.jsonl"

wrong normalize.json approx_tolerance '"0.25"'
cp "$T/keep" "$T/out.jsonl"
run stage normalize -c "$T/cfg" -o "$T/out.jsonl" "$T/mentions.jsonl"
expect normalize normalize.json approx_tolerance "$T/out.jsonl"

wrong reconcile.json divergence_factor '[2]'
mkdir "$T/rec"
cp "$T/keep" "$T/rec/claims.csv"
run stage reconcile -c "$T/cfg" -o "$T/rec" "$T/normalized.jsonl"
expect reconcile reconcile.json divergence_factor "$T/rec/claims.csv"
check "reconcile: no conflicts.csv or summary.json written" \
    test ! -e "$T/rec/conflicts.csv" -a ! -e "$T/rec/summary.json"
