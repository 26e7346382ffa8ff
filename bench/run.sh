#!/bin/sh
# make bench: throughput and peak memory per stage and end to end on a
# generated corpus (bench/gencorpus.c, fixed seed: the same bytes each run),
# at several sizes to show how cost grows; and a naive `grep -oE` number
# extractor over the same text for scale. Prints a table and writes
# $OUT/bench.json. The stages run one after another, each with its default
# threads (one per core); the same run with -t 1 gives the one-thread end to
# end figure, and its outputs must be the same bytes. Environment: BIN,
# CONFIG, OUT, SIZES (MB, default "10 50 200"), BENCH_DIR (where corpora are
# kept, default build/bench). Each timed run (ours, -t 1, grep) starts with the
# corpus just read once, so that all three read it from the page cache: a
# machine that pages cold files out (DAMON, memory pressure) would otherwise
# time its disk, differently for each.
set -eu
export LC_ALL=C
: "${SIZES:=10 50 200}" "${BENCH_DIR:=build/bench}" "${OUT:=out}"
mkdir -p "$BENCH_DIR" "$OUT"

now() { date +%s.%N; }
field() { sed -n "s/.*\"$2\":\([0-9.eE+-]*\).*/\1/p" "$1"; }

# warm DIR: read every file of DIR once.
warm() { find "$1" -type f -exec cat {} + >/dev/null; }

corpus() {
    dir=$BENCH_DIR/corpus-$1
    if [ ! -f "$dir/.complete" ]; then
        rm -rf "$dir"
        "$BIN/gencorpus" seeds "$dir" "$1"
        touch "$dir/.complete"
    fi
    echo "$dir"
}

stage_json() {
    f=$1/$2.stats.json
    printf '"%s":{"seconds":%s,"cpu_seconds":%s,"peak_rss_kb":%s,"mb_per_s":%s}' "$2" \
        "$(field "$f" seconds)" "$(field "$f" cpu_seconds)" "$(field "$f" peak_rss_kb)" \
        "$(awk -v b="$3" -v s="$(field "$f" seconds)" 'BEGIN{printf "%.2f", b/1e6/(s>0?s:1e-9)}')"
}

# stages CORPUS OUTDIR [-t N]: the four stages in sequence.
stages() {
    "$BIN/tokenize" -c "$CONFIG" ${3:+"$3" "$4"} -s "$2/tokenize.stats.json" -o "$2/tokens.jsonl" \
        "$1" || [ $? -eq 1 ]
    "$BIN/extract" -c "$CONFIG" ${3:+"$3" "$4"} -s "$2/extract.stats.json" \
        -o "$2/mentions.jsonl" "$2/tokens.jsonl" || [ $? -eq 1 ]
    "$BIN/normalize" -c "$CONFIG" ${3:+"$3" "$4"} -s "$2/normalize.stats.json" \
        -o "$2/normalized.jsonl" "$2/mentions.jsonl" || [ $? -eq 1 ]
    "$BIN/reconcile" -c "$CONFIG" ${3:+"$3" "$4"} -s "$2/reconcile.stats.json" -o "$2" \
        "$2/normalized.jsonl" || [ $? -eq 1 ]
}

run_size() {
    mb=$1
    dir=$(corpus "$mb")
    out=$BENCH_DIR/out-$mb
    rm -rf "$out"
    mkdir -p "$out"
    bytes=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END{print s}')
    files=$(find "$dir" -name '*.txt' | wc -l)
    warm "$dir"
    t0=$(now)
    stages "$dir" "$out"
    t1=$(now)
    rm -rf "$out-1t"
    mkdir -p "$out-1t"
    warm "$dir"
    u0=$(now)
    stages "$dir" "$out-1t" -t 1
    u1=$(now)
    same=true
    for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv; do
        cmp -s "$out/$f" "$out-1t/$f" || same=false
    done
    rm -rf "$out-1t"
    warm "$dir"
    g0=$(now)
    find "$dir" -name '*.txt' -exec grep -hoE '[0-9]+([.,][0-9]+)*' {} + | wc -l >/dev/null
    g1=$(now)
    tokbytes=$(wc -c <"$out/tokens.jsonl")
    claims=$(($(wc -l <"$out/claims.csv") - 1))
    e2e=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
    e2e1=$(awk -v a="$u0" -v b="$u1" 'BEGIN{printf "%.3f", b-a}')
    grep_s=$(awk -v a="$g0" -v b="$g1" 'BEGIN{printf "%.3f", b-a}')
    printf '{"megabytes":%s,"bytes":%s,"files":%s,"claims":%s,"tokens_ratio":%s,' "$mb" "$bytes" \
        "$files" "$claims" "$(awk -v t="$tokbytes" -v b="$bytes" 'BEGIN{printf "%.2f", t/b}')"
    printf '"end_to_end":{"seconds":%s,"mb_per_s":%s},' \
        "$e2e" "$(awk -v b="$bytes" -v s="$e2e" 'BEGIN{printf "%.2f", b/1e6/s}')"
    printf '"end_to_end_1_thread":{"seconds":%s,"mb_per_s":%s,"same_bytes":%s},' \
        "$e2e1" "$(awk -v b="$bytes" -v s="$e2e1" 'BEGIN{printf "%.2f", b/1e6/s}')" "$same"
    printf '"grep_baseline":{"seconds":%s,"mb_per_s":%s},' "$grep_s" \
        "$(awk -v b="$bytes" -v s="$grep_s" 'BEGIN{printf "%.2f", b/1e6/s}')"
    printf '"stages":{%s,%s,%s,%s},"reconcile_bytes_per_claim":%s}' \
        "$(stage_json "$out" tokenize "$bytes")" "$(stage_json "$out" extract "$bytes")" \
        "$(stage_json "$out" normalize "$bytes")" "$(stage_json "$out" reconcile "$bytes")" \
        "$(awk -v k="$(field "$out/reconcile.stats.json" peak_rss_kb)" -v c="$claims" \
            'BEGIN{printf "%.0f", (c>0 ? k*1024/c : 0)}')"
}

table() {
    python3 - "$1" <<'PY' 2>/dev/null || cat "$1"
import json, sys
runs = json.load(open(sys.argv[1]))["runs"]
print(f"{'MB':>5} {'files':>6} {'stage':>10} {'MB/s':>8} {'wall s':>8} {'cpu s':>8} {'peak MB':>8}")
for r in runs:
    for name, s in r["stages"].items():
        print(f"{r['megabytes']:>5} {r['files']:>6} {name:>10} {s['mb_per_s']:>8.2f} "
              f"{s['seconds']:>8.2f} {s['cpu_seconds']:>8.2f} {s['peak_rss_kb']/1024:>8.1f}")
    e, g = r["end_to_end"], r["grep_baseline"]
    print(f"{r['megabytes']:>5} {r['files']:>6} {'end2end':>10} {e['mb_per_s']:>8.2f} {e['seconds']:>8.2f}"
          f"   grep -oE {g['mb_per_s']:.2f} MB/s (ours at {e['mb_per_s']/g['mb_per_s']:.4f}x of it)"
          f"; tokens.jsonl {r['tokens_ratio']:.2f}x input; reconcile {r['reconcile_bytes_per_claim']}"
          f" B/claim over {r['claims']} claims")
    o = r["end_to_end_1_thread"]
    print(f"{r['megabytes']:>5} {r['files']:>6} {'1 thread':>10} {o['mb_per_s']:>8.2f} {o['seconds']:>8.2f}"
          f"   end to end with -t 1: {'the same' if o['same_bytes'] else 'DIFFERENT'} output bytes")
PY
}

{
    printf '{"machine":{"cores":%s},"runs":[' "$(nproc)"
    sep=
    for mb in $SIZES; do
        printf '%s' "$sep"
        run_size "$mb"
        sep=,
    done
    printf ']}\n'
} >"$OUT/bench.json.tmp"
mv "$OUT/bench.json.tmp" "$OUT/bench.json"
table "$OUT/bench.json"
