# A 20 MB single line is read in capped sentences (how fast: make bench; the
# timeout only stops a run that would never end).
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
python3 -c '
import sys
w = b"word 12 000 and more text without any stop "
sys.stdout.buffer.write(w * (20 * 1024 * 1024 // len(w)))' >"$T/in/long.txt"
run timeout 900 ${WRAP:-} "$BIN/tokenize" -c "$CONFIG" -o "$T/out.jsonl" "$T/in"
check_status "20 MB line exits 0" 0
check "sentences are capped" python3 -c '
import json,sys
n=0
for l in open(sys.argv[1]):
    o=json.loads(l)
    if o["type"]=="sentence":
        n+=1
        assert o["end"]-o["start"] <= 2000
sys.exit(0 if n > 10000 else 1)' "$T/out.jsonl"
