# Shards: tokenize -S K/N takes each document into exactly one shard, and
# make pipeline with any SHARDS gives the same bytes as with one.
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -c "$CONFIG" -S 4/4 "$TOP/seeds"
check_status "-S K/N with K >= N is misuse" 2
check_grep "and says why" "tokenize: -S: '4/4': K must be less than N" "$T/err"
run stage tokenize -c "$CONFIG" -S 0/0 "$TOP/seeds"
check_status "-S with N = 0 is misuse" 2
run stage tokenize -c "$CONFIG" -S 1 "$TOP/seeds"
check_grep "-S without /N is misuse" "not K/N" "$T/err"
run stage tokenize -l "$TOP/seeds"
check_status "-l without -S is misuse" 2

# The shards' documents, merged, are the whole run's.
stage tokenize -c "$CONFIG" -o "$T/all.jsonl" "$TOP/seeds"
for k in 0 1 2; do
    stage tokenize -c "$CONFIG" -S $k/3 -o "$T/part$k.jsonl" "$TOP/seeds"
done
check "every document is in exactly one shard" test "$(cat "$T"/part?.jsonl |
    grep -c '"type":"doc"')" -eq 5
sh "$TOP/scripts/merge-shards.sh" "$T/merged.jsonl" "$T/part0.jsonl" "$T/part1.jsonl" \
    "$T/part2.jsonl"
check "the shards merged are the whole run" cmp -s "$T/all.jsonl" "$T/merged.jsonl"
run stage tokenize -S 0/3 -l "$TOP/seeds"
check "-l lists the shard's files" test "$(grep -c '^file	' "$T/out")" -eq \
    "$(grep -c '"type":"doc"' "$T/part0.jsonl")"
check_grep "and its manifest rows" '^row	' "$T/out"

# -L: every shard's listing from one walk, into DIR/K/.inputs, each rewritten
# only when it changes.
run stage tokenize -S all/3 "$TOP/seeds"
check_status "-S all/N without -L is misuse" 2
check_grep "and says why" "it goes with -L DIR" "$T/err"
run stage tokenize -S all/x -L "$T/lists" "$TOP/seeds"
check_grep "-S all/x is misuse" "N of all/N must be a whole number" "$T/err"
run stage tokenize -S 0/3 -l -L "$T/lists" "$TOP/seeds"
check_status "-l and -L together are misuse" 2
run stage tokenize -S all/3 -L "$T/lists" "$TOP/seeds"
check_status "-S all/3 -L" 0
for k in 0 1 2; do
    { echo "in $TOP/seeds shard $k/3" && stage tokenize -S $k/3 -l "$TOP/seeds"; } >"$T/want$k"
    check "-L writes shard $k's -l listing under its header" cmp -s "$T/want$k" \
        "$T/lists/$k/.inputs"
done
touch "$T/mark"
sleep 1
run stage tokenize -S all/3 -L "$T/lists" "$TOP/seeds"
check "an unchanged listing is left as it was" test -z "$(find "$T/lists" -newer "$T/mark" -type f)"
run stage tokenize -S 1/3 -L "$T/lists" "$TOP/seeds" "$TOP/seeds/000_6dd27f85b6c2954e.txt"
check "-S K/N -L rewrites shard K's only" test "$(find "$T/lists" -newer "$T/mark" -type f)" = \
    "$T/lists/1/.inputs"
check_grep "naming every input in its header" "^in $TOP/seeds $TOP/seeds/000_6dd27f85b6c2954e.txt shard 1/3\$" \
    "$T/lists/1/.inputs"
run stage tokenize -S all/3 -L "$T/nowhere/lists" "$TOP/seeds"
check_status "-L into a folder that cannot be made fails" 2
check_grep "and says why" "nowhere/lists: cannot create folder" "$T/err"

# make pipeline: the same outputs whatever SHARDS is, per-shard files kept.
run pipeline_make IN="$TOP/seeds" OUT="$T/one" SHARDS=1
check_status "SHARDS=1" 0
run pipeline_make IN="$TOP/seeds" OUT="$T/four" SHARDS=4
check_status "SHARDS=4" 0
check "quiet" test ! -s "$T/err"
for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv; do
    check "SHARDS=4 and SHARDS=1 give the same $f" cmp -s "$T/one/$f" "$T/four/$f"
done
check "per-shard files" test -s "$T/four/shards/3/normalized.jsonl"
strip() { grep -v '"seconds"\|"cpu_seconds"\|"peak_rss_kb"' "$1"; }
strip "$T/one/summary.json" >"$T/one.sum"
strip "$T/four/summary.json" >"$T/four.sum"
check_diff "summary.json adds up the shards' figures" "$T/one.sum" "$T/four.sum"
check "one entry per stage" test "$(grep -c '"stage":' "$T/four/summary.json")" -eq 4

# Fewer shards: the ones left over go.
run pipeline_make IN="$TOP/seeds" OUT="$T/four" SHARDS=2
check_status "SHARDS=2 into the same OUT" 0
check "the shards left over are removed" test ! -e "$T/four/shards/2"
check "and the outputs are the same" cmp -s "$T/one/claims.csv" "$T/four/claims.csv"

run pipeline_make IN="$TOP/seeds" OUT="$T/bad" SHARDS=x
check_status "SHARDS=x fails" 2
check_grep "and says why" "SHARDS='x' is not a whole number" "$T/err"
for bad in 0 00 3x -2 "1 2" ""; do
    run pipeline_make IN="$TOP/seeds" OUT="$T/bad" SHARDS="$bad"
    check "SHARDS='$bad' fails too" test "$rc" -eq 2
done
run pipeline_make IN="$TOP/seeds" OUT="$T/ten" SHARDS=010
check "SHARDS=010 is ten shards" test -d "$T/ten/shards/9" -a ! -e "$T/ten/shards/10"

# A skipped document in one shard: STRICT=1 still sees it.
mkdir "$T/in"
cp "$TOP"/seeds/*.txt "$T/in"
printf '\000\001\002\003\000\000\000\377' >"$T/in/bin.txt"
run pipeline_make IN="$T/in" OUT="$T/strict" SHARDS=3 STRICT=1
check "STRICT=1 fails on a skip in any shard" test "$rc" -ne 0
check_grep "the skip is in summary.json" '"doc": "bin"' "$T/strict/summary.json"
