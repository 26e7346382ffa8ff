# A 20 MB single line next to a good document through the whole pipeline:
# the run completes, the long line's numbers come through every stage, and
# the good document's claims are those of a run without it. Skipped under
# valgrind (WRAP); 015 covers tokenize there. How fast is make bench's
# business; the timeout only stops a run that would never end.
. "$TOP/tests/e2e/lib.sh"

if [ -n "${WRAP:-}" ]; then
    pass "# SKIP 20 MB line under $WRAP"
    exit 0
fi
mkdir "$T/good" "$T/in"
cp "$TOP/seeds/003_f1544da85298896f.txt" "$T/good/"
cp "$T/good/"*.txt "$T/in/"
python3 -c '
import sys
w = b"about 12,000 people fled and 300 were killed without any stop "
sys.stdout.buffer.write(w * (20 * 1024 * 1024 // len(w)))' >"$T/in/long.txt"
run pipeline "$T/good" "$T/ref"
check_status "the good document alone" 0
run timeout 900 sh -c '. "$TOP/tests/e2e/lib.sh"; pipeline_make IN="$1" OUT="$2"' sh "$T/in" "$T/res"
check_status "with a 20 MB line the run completes" 0
check "no crash message" sh -c "! grep -Ei 'segmentation|abort|sanitizer|core dumped' '$T/err'"
n=$(grep -c '"doc":"long".*"value":12000' "$T/res/normalized.jsonl" 2>/dev/null || true)
check "the long line's numbers reach normalized.jsonl" test "${n:-0}" -gt 1000
grep '^003_' "$T/ref/claims.csv" >"$T/ref.claims" || true
grep '^003_' "$T/res/claims.csv" >"$T/res.claims" 2>/dev/null || true
check "the good document has claims" test -s "$T/ref.claims"
check_diff "the good document's claims are those of a run without the long line" \
    "$T/ref.claims" "$T/res.claims"
