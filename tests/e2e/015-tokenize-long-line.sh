# A 20 MB single line finishes quickly, in capped sentences.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
python3 -c '
import sys
w = b"word 12 000 and more text without any stop "
sys.stdout.buffer.write(w * (20 * 1024 * 1024 // len(w)))' >"$T/in/long.txt"
start=$(date +%s)
run stage tokenize -c "$CONFIG" -o "$T/out.jsonl" "$T/in"
took=$(($(date +%s) - start))
check_status "20 MB line exits 0" 0
check "20 MB line takes under 30 s (took ${took}s)" test "$took" -lt 30
check "sentences are capped" python3 -c '
import json,sys
n=0
for l in open(sys.argv[1]):
    o=json.loads(l)
    if o["type"]=="sentence":
        n+=1
        assert o["end"]-o["start"] <= 2000
sys.exit(0 if n > 10000 else 1)' "$T/out.jsonl"
