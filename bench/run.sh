#!/bin/sh
# make bench: throughput and peak memory per stage and end to end on a
# generated corpus (bench/gencorpus.c, fixed seed: the same bytes each run),
# at several sizes to show how cost grows; and a naive `grep -oE` number
# extractor over the same text for scale. Prints a table and writes
# $OUT/bench.json. Environment: BIN, CONFIG, OUT, SIZES (MB, default
# "10 50 200"), BENCH_DIR (where corpora are kept, default build/bench).
set -eu
export LC_ALL=C
: "${SIZES:=10 50 200}" "${BENCH_DIR:=build/bench}" "${OUT:=out}"
mkdir -p "$BENCH_DIR" "$OUT"

now() { date +%s.%N; }
field() { sed -n "s/.*\"$2\":\([0-9.eE+-]*\).*/\1/p" "$1"; }

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

run_size() {
    mb=$1
    dir=$(corpus "$mb")
    out=$BENCH_DIR/out-$mb
    rm -rf "$out"
    mkdir -p "$out"
    bytes=$(find "$dir" -name '*.txt' -printf '%s\n' | awk '{s+=$1} END{print s}')
    files=$(find "$dir" -name '*.txt' | wc -l)
    t0=$(now)
    "$BIN/tokenize" -c "$CONFIG" -s "$out/tokenize.stats.json" -o "$out/tokens.jsonl" "$dir" || [ $? -eq 1 ]
    "$BIN/extract" -c "$CONFIG" -s "$out/extract.stats.json" -o "$out/mentions.jsonl" "$out/tokens.jsonl" || [ $? -eq 1 ]
    "$BIN/normalize" -c "$CONFIG" -s "$out/normalize.stats.json" -o "$out/normalized.jsonl" "$out/mentions.jsonl" || [ $? -eq 1 ]
    "$BIN/reconcile" -c "$CONFIG" -s "$out/reconcile.stats.json" -o "$out" "$out/normalized.jsonl" || [ $? -eq 1 ]
    t1=$(now)
    g0=$(now)
    find "$dir" -name '*.txt' -exec grep -hoE '[0-9]+([.,][0-9]+)*' {} + | wc -l >/dev/null
    g1=$(now)
    tokbytes=$(wc -c <"$out/tokens.jsonl")
    claims=$(($(wc -l <"$out/claims.csv") - 1))
    e2e=$(awk -v a="$t0" -v b="$t1" 'BEGIN{printf "%.3f", b-a}')
    grep_s=$(awk -v a="$g0" -v b="$g1" 'BEGIN{printf "%.3f", b-a}')
    printf '{"megabytes":%s,"bytes":%s,"files":%s,"claims":%s,"tokens_ratio":%s,' "$mb" "$bytes" \
        "$files" "$claims" "$(awk -v t="$tokbytes" -v b="$bytes" 'BEGIN{printf "%.2f", t/b}')"
    printf '"end_to_end":{"seconds":%s,"mb_per_s":%s},"grep_baseline":{"seconds":%s,"mb_per_s":%s},' \
        "$e2e" "$(awk -v b="$bytes" -v s="$e2e" 'BEGIN{printf "%.2f", b/1e6/s}')" "$grep_s" \
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
