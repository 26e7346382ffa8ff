# Threads (-t) change nothing but the time: on the seeds, a generated corpus
# and inputs with every kind of problem, the four stages give
# the same output bytes, messages, exit status and figures with 1 to 7
# threads; make pipeline gives the same files run as make -j2 or with THREADS.
. "$TOP/tests/e2e/lib.sh"

# The corpus: the seeds, 1 MB of generated articles, and what must be skipped or warned of.
mkdir "$T/in"
"$BIN/gencorpus" "$TOP/seeds" "$T/in" 1 >/dev/null
cp "$TOP"/seeds/*.txt "$T/in"
{ cat "$T/in/manifest.csv"; tail -n +2 "$TOP/seeds/manifest.csv"; echo "gone,2023-01,,,"; } \
    >"$T/manifest.csv"
mv "$T/manifest.csv" "$T/in/manifest.csv"
printf 'binary\000\001\002' >"$T/in/g000007.txt"
printf 'Nearly \377 200 people fled.\n' >"$T/in/g000011.txt"

# figures FILE: the stats without the timings, which differ from run to run.
figures() {
    sed 's/"\(seconds\|cpu_seconds\|peak_rss_kb\)":[0-9.e+-]*,//g' "$1"
}

# same_with_threads NAME STAGE INPUT...: STAGE -t 1, 2, 3 and 7 agree in every respect.
same_with_threads() {
    what=$1 st=$2
    shift 2
    ok=1
    for t in 1 2 3 7; do
        set +e
        stage "$st" -c "$CONFIG" -t $t -s "$T/$st.$t.stats" -o "$T/$st.$t.out" "$@" \
            2>"$T/$st.$t.err"
        echo $? >"$T/$st.$t.rc"
        set -e
        figures "$T/$st.$t.stats" >"$T/$st.$t.fig"
        for f in out err rc fig; do
            cmp -s "$T/$st.1.$f" "$T/$st.$t.$f" || { ok=0; echo "# -t $t: $f differs"; }
        done
    done
    if [ $ok = 1 ]; then pass "$what"; else fail "$what" "$T/$st.1.err" "$T/$st.7.err"; fi
}

same_with_threads "tokenize: same with 1, 2, 3, 7 threads" tokenize "$T/in"
check "and it skipped the binary file" grep -q 'g000007.txt: skipped' "$T/tokenize.7.err"
check "and warned of the unused manifest row" grep -q 'gone' "$T/tokenize.7.err"
check "with exit status 1" grep -qx 1 "$T/tokenize.7.rc"
check "with documents of every part" test "$(grep -c '"type":"doc"' "$T/tokenize.7.out")" -gt 200

cp "$T/tokenize.1.out" "$T/tokens.jsonl"
same_with_threads "extract: same with 1, 2, 3, 7 threads" extract "$T/tokens.jsonl"
cp "$T/extract.1.out" "$T/mentions.jsonl"
same_with_threads "normalize: same with 1, 2, 3, 7 threads" normalize "$T/mentions.jsonl"

# Bad lines spread through the file: each part names its own with the right line number.
awk 'NR % 997 == 500 { print "{\"type\":\"sentence\",broken"; next }
     NR % 1499 == 700 { print "{\"doc\":\"x\"}"; next } { print }' "$T/tokens.jsonl" >"$T/bad.jsonl"
same_with_threads "extract: bad lines, same with 1, 2, 3, 7 threads" extract "$T/bad.jsonl"
check "and each named at its line" test "$(grep -c 'bad.jsonl:[0-9]*:' "$T/extract.7.err")" -ge 4
check "the last of them at its own line" grep -q "bad.jsonl:$(awk 'NR % 1499 == 700 {n=NR} END {print n}' "$T/tokens.jsonl"): record has no 'type'" "$T/extract.7.err"
awk 'NR % 1201 == 600 { print "{\"doc\":\"x\",\"type\":\"mention\",\"start\":\"no\"}"; next }
     { print }' "$T/mentions.jsonl" >"$T/badm.jsonl"
same_with_threads "normalize: bad lines, same with 1, 2, 3, 7 threads" normalize "$T/badm.jsonl"
check "and each named" test "$(grep -c 'badm.jsonl:[0-9]*:' "$T/normalize.7.err")" -ge 2

# reconcile: the same three files, messages, status and figures with 1 to 7 threads.
same_reconcile() {
    what=$1
    shift
    ok=1
    for t in 1 2 3 7; do
        set +e
        stage reconcile -c "$CONFIG" -t $t -s "$T/rec.$t.stats" -o "$T/rec.$t" "$@" \
            2>"$T/rec.$t.err"
        echo $? >"$T/rec.$t.rc"
        set -e
        figures "$T/rec.$t.stats" >"$T/rec.$t.fig"
        tr -d ' \n' <"$T/rec.$t/summary.json" | sed 's/"\(seconds\|cpu_seconds\|peak_rss_kb\)":[0-9.e+-]*,//g' \
            >"$T/rec.$t.sum"
        for f in err rc fig sum; do
            cmp -s "$T/rec.1.$f" "$T/rec.$t.$f" || { ok=0; echo "# -t $t: $f differs"; }
        done
        for f in claims.csv conflicts.csv; do
            cmp -s "$T/rec.1/$f" "$T/rec.$t/$f" || { ok=0; echo "# -t $t: $f differs"; }
        done
    done
    if [ $ok = 1 ]; then pass "$what"; else fail "$what" "$T/rec.1.err" "$T/rec.7.err"; fi
}
cp "$T/normalize.1.out" "$T/normalized.jsonl"
same_reconcile "reconcile: same with 1, 2, 3, 7 threads" "$T/normalized.jsonl"
check "with claims of every part" test "$(wc -l <"$T/rec.7/claims.csv")" -gt 1000
cp "$T/rec.1/claims.csv" "$T/claims.csv"
awk 'NR % 401 == 200 { print "{\"doc\":\"x\",\"category\":7}"; next }
     NR % 613 == 300 { print "not json"; next } { print }' "$T/normalized.jsonl" >"$T/badn.jsonl"
same_reconcile "reconcile: bad lines, same with 1, 2, 3, 7 threads" "$T/badn.jsonl"
check "and each named at its line" grep -q "badn.jsonl:$(awk 'NR % 613 == 300 {n=NR} END {print n}' "$T/normalized.jsonl"):" "$T/rec.7.err"
check "with exit status 1" grep -qx 1 "$T/rec.7.rc"
cat "$T/normalized.jsonl" | stage reconcile -c "$CONFIG" -t 2 -o "$T/rec.stdin" - 2>/dev/null
check "reconcile -t 2 from standard input: the same" cmp -s "$T/claims.csv" \
    "$T/rec.stdin/claims.csv"
# Several inputs (the shards): read in their order, each in parts.
split -l 500 "$T/normalized.jsonl" "$T/nsplit."
same_reconcile "reconcile: several inputs, same with 1, 2, 3, 7 threads" "$T"/nsplit.*
check "and the same claims as from one" cmp -s "$T/claims.csv" "$T/rec.7/claims.csv"
run stage reconcile -c "$CONFIG" -t 99 -o "$T/rec.bad" "$T/normalized.jsonl"
check_status "reconcile -t 99 is refused" 2

# Standard input cannot be cut into parts: it is read whole, to the same bytes.
run stage extract -c "$CONFIG" -t 2 - <"$T/tokens.jsonl"
check "extract -t 2 from standard input: the same" cmp -s "$T/out" "$T/mentions.jsonl"

run stage extract -c "$CONFIG" -t 65 "$T/tokens.jsonl"
check_status "-t 65 is refused" 2
check_grep "saying why" "not a thread count" "$T/err"
run stage normalize -c "$CONFIG" -t x "$T/mentions.jsonl"
check_status "-t x is refused" 2

# make pipeline: threads per stage by default, one each under make -j2, or THREADS=.
rm "$T/in/g000007.txt" "$T/in/g000011.txt"
pipeline_make IN="$T/in" OUT="$T/a" SHARDS=2 2>"$T/a.err"
env -u MAKEFLAGS -u MFLAGS -u MAKELEVEL make -s -j2 -C "$TOP" pipeline BUILD="$(dirname "$BIN")" \
    NOBUILD=1 IN="$T/in" OUT="$T/b" SHARDS=2 2>"$T/b.err"
pipeline_make IN="$T/in" OUT="$T/c" SHARDS=2 THREADS=3 2>"$T/c.err"
ok=1
for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv; do
    cmp -s "$T/a/$f" "$T/b/$f" && cmp -s "$T/a/$f" "$T/c/$f" || { ok=0; echo "# $f differs"; }
done
check "make pipeline: the same files with make -j2 and THREADS=3" test $ok = 1
