# The bundled seeds against what a careful reader finds in them
# (tests/data/gold/): every core claim with its qualifier, both conflicts
# with the right kind, and none of the nine pairs that are no conflict.
. "$TOP/tests/e2e/lib.sh"

run pipeline "$TOP/seeds" "$T/res"
check_status "pipeline on the seeds" 0
python3 "$TOP/tests/e2e/gold_check.py" claims "$DATA/gold" "$T/res" >"$T/claims" 2>&1 || true
check_grep "core claims: every gold claim, nothing else, every qualifier right" \
    "core F1 1.000 P 1.000 R 1.000 qualifiers 18/18" "$T/claims"
python3 "$TOP/tests/e2e/gold_check.py" conflicts "$DATA/gold" "$T/res" >"$T/conflicts" 2>&1 || true
check_grep "both conflicts, right kind, no false pair" \
    "conflicts found 2/2 kind 2 wrong 0/9" "$T/conflicts"
