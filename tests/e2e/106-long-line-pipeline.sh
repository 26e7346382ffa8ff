# A 20 MB single line next to a good document through the whole pipeline:
# the run completes within 90 s, the long line's numbers come through every
# stage, and the good document's claims are those of a run without it.
# Skipped under valgrind (WRAP); 015 covers tokenize there. Today normalize
# takes about 130 s and 220 MB per MB of such a line (resolving ~34,000
# mentions per MB), so the run is stopped at 90 s and this fails until fixed.
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
run timeout 90 make -s -C "$TOP" pipeline IN="$T/in" OUT="$T/res" BUILD="$(dirname "$BIN")"
check_status "with a 20 MB line the run completes within 90 s" 0
check "no crash message" sh -c "! grep -Ei 'segmentation|abort|sanitizer|core dumped' '$T/err'"
n=$(grep -c '"doc":"long".*"value":12000' "$T/res/normalized.jsonl" 2>/dev/null || true)
check "the long line's numbers reach normalized.jsonl" test "${n:-0}" -gt 1000
grep '^003_' "$T/ref/claims.csv" >"$T/ref.claims" || true
grep '^003_' "$T/res/claims.csv" >"$T/res.claims" 2>/dev/null || true
check "the good document has claims" test -s "$T/ref.claims"
check_diff "the good document's claims are those of a run without the long line" \
    "$T/ref.claims" "$T/res.claims"
