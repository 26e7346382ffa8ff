# normalize annotates a long document a window of sentences at a time, with
# its lead always in view: the numbers and their categories are those of an
# unwindowed run, and every claim still has a main place from the lead (which
# of the lead's places wins depends on the mentions in view: see CAVEATS in
# normalize.1).
. "$TOP/tests/e2e/lib.sh"

stage tokenize -c "$CONFIG" -o "$T/t.jsonl" "$TOP/seeds"
stage extract -c "$CONFIG" -o "$T/m.jsonl" "$T/t.jsonl"
cp -R "$CONFIG" "$T/config"
python3 - "$T/config/normalize.json" <<'PY'
import json, sys
c = json.load(open(sys.argv[1]))
c["window_sentences"] = 2
json.dump(c, open(sys.argv[1], "w"))
PY
run stage normalize -c "$CONFIG" -o "$T/whole.jsonl" "$T/m.jsonl"
check_status "normalize, default window" 0
run stage normalize -c "$T/config" -o "$T/windows.jsonl" "$T/m.jsonl"
check_status "normalize, windows of 2 sentences" 0
fields() {
    python3 -c '
import json, sys
for l in open(sys.argv[1]):
    o = json.loads(l)
    print(o["doc"], o["start"], o["value"], o["category"])' "$1"
}
fields "$T/whole.jsonl" >"$T/whole.txt"
fields "$T/windows.jsonl" >"$T/windows.txt"
check "the seeds have claims" grep -q ' killed$' "$T/whole.txt"
check_diff "same numbers and categories" "$T/whole.txt" "$T/windows.txt"
check "every claim has a main place" sh -c "! grep '\"category\":\"[a-z]' '$T/windows.jsonl' |
    grep -q '\"doc_place\":\"\"'"

echo '{"approx_tolerance": 0.25, "window_sentences": 0}' >"$T/config/normalize.json"
run stage normalize -c "$T/config" -o "$T/bad.jsonl" "$T/m.jsonl"
check_status "a window of 0 sentences is a config error" 2
check_grep "naming the key" "normalize.json:1: key 'window_sentences'" "$T/err"
