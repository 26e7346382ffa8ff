# Numbers too large for the machine through the whole pipeline: 10^400
# written out in digits, 99999999999999999999 people, and claims near
# DBL_MAX straight into reconcile. No crash, every output number finite
# (never inf or nan in CSV or JSON), the ordinary claims kept, and no number
# dropped without a word.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
python3 -c '
big = "1" + "0" * 400
open("'"$T"'/in/over.txt", "w").write(
    " date 2023-10-01\n"
    "The ministry said 99999999999999999999 people were displaced by the floods.\n"
    "At least " + big + " people were killed in the region.\n"
    "Officials said 12 people were injured.\n")'
run pipeline "$T/in" "$T/res"
check_status "the pipeline completes" 0
check "no crash message" sh -c "! grep -Ei 'segmentation|abort|sanitizer|core dumped' '$T/err'"

# finite FILE...: every JSON number in the JSONL/JSON files is finite.
finite_json() {
    python3 - "$@" <<'PY'
import json, math, sys
def bad(c):
    raise ValueError("non-finite " + c)
def walk(x):
    if isinstance(x, float) and not math.isfinite(x):
        raise ValueError("non-finite")
    for y in (x.values() if isinstance(x, dict) else x if isinstance(x, list) else []):
        walk(y)
for p in sys.argv[1:]:
    text = open(p, encoding="utf-8").read()
    docs = [text] if p.endswith(".json") else text.splitlines()
    for d in docs:
        walk(json.loads(d, parse_constant=bad))
PY
}

# plain_csv FILE COLS: the numeric columns COLS are plain decimals or empty.
plain_csv() {
    python3 - "$@" <<'PY'
import csv, re, sys
rows = list(csv.DictReader(open(sys.argv[1], encoding="utf-8", newline="")))
for r in rows:
    for c in sys.argv[2].split(","):
        assert re.fullmatch(r"(-?[0-9]+(\.[0-9]+)?)?", r[c]), (c, r[c][:40])
PY
}

check "JSON numbers are finite" finite_json "$T/res/tokens.jsonl" "$T/res/mentions.jsonl" \
    "$T/res/normalized.jsonl" "$T/res/summary.json"
check "claims.csv numbers are plain decimals" plain_csv "$T/res/claims.csv" value,low,high,start,end
check_grep "99999999999999999999 people is a claim" '^over@35,.*,displaced,[0-9]\{20,21\},' \
    "$T/res/claims.csv"
check_grep "the ordinary claim is kept" '^over@[0-9]*,.*,injured,12,exact,12,12,' "$T/res/claims.csv"
# 10^400 cannot be a double: it must be in normalized.jsonl (flagged) or
# named in a warning, never silently gone. Today extract drops it without a
# word (numval_digits fails, so no mention): this fails until fixed.
check "10^400 is not dropped without a word" sh -c \
    "grep -q '\"start\":[0-9]*,\"text\":\"1000000000' '$T/res/normalized.jsonl' ||
     grep -q 'over.*too large' '$T/err'"

# Claims near DBL_MAX straight into reconcile: a range whose midpoint would
# overflow, an estimate, an exact figure and a lower bound (each a copy of
# the run's first claim with other figures).
python3 -c '
import json
base = next(r for r in map(json.loads, open("'"$T"'/res/normalized.jsonl")) if r["category"])
rows = [(1.7e308, 1e308, 1.7e308, "range"), (1.7e308, None, None, "approx"),
        (1.5e308, None, None, "exact"), (1e300, 1e300, None, "min")]
with open("'"$T"'/big.jsonl", "w") as f:
    for i, (v, lo, hi, q) in enumerate(rows):
        r = dict(base, doc="d%d" % i, value=v, low=lo, high=hi, qualifier=q)
        f.write(json.dumps(r) + "\n")'
run stage reconcile -c "$CONFIG" -o "$T/big" "$T/big.jsonl"
check_status "reconcile on claims near DBL_MAX" 0
check "their JSON is finite" finite_json "$T/big/summary.json"
check "claims.csv numbers are plain decimals" plain_csv "$T/big/claims.csv" value,low,high
check "conflicts.csv numbers are plain decimals" plain_csv "$T/big/conflicts.csv" low,best,high,ratio
check "every claim keeps its value" python3 -c '
import csv, sys
rows = list(csv.DictReader(open(sys.argv[1], newline="")))
sys.exit(0 if len(rows) == 4 and all(len(r["value"]) > 300 for r in rows) else 1)' "$T/big/claims.csv"
check "the note names every figure whole" python3 -c '
import csv, sys
import re
note = next(csv.DictReader(open(sys.argv[1], newline="")))["note"]
figs = [len(f) for f in re.findall(r"[0-9][0-9,]*[0-9]", note)]
sys.exit(0 if sorted(figs, reverse=True)[:5] == [411] * 4 + [401] else 1)' "$T/big/conflicts.csv"
