# Claims in five languages: category, scope, victim class, place, attribution
# and time anchor of every number, against tests/e2e/expected/070-claims.txt.
. "$TOP/tests/e2e/lib.sh"

run pipeline "$DATA/claims" "$T/res"
check_status "pipeline on tests/data/claims succeeds" 0

project() {
    python3 - "$1" <<'PY'
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    cat = o["category"] or "-"
    print("|".join([o["doc"], o["text"], cat, o["scope"], o["victim"], o["side"], o["place"],
                    o["attribution"], o["as_of"], o["date"], o["source"]]))
PY
}
project "$T/res/normalized.jsonl" >"$T/claims.txt"
check_diff "claims as expected" "$EXPECTED/070-claims.txt" "$T/claims.txt"
for lang in en nb nl sv de; do
    check "a claim in $lang" grep -q "^${lang}_[^|]*|[^|]*|[a-z]" "$T/claims.txt"
done
check "every quote is at most 300 bytes and names its number" python3 -c '
import json, sys
for line in open(sys.argv[1], encoding="utf-8"):
    o = json.loads(line)
    if len(o["quote"].encode()) > 300 or o["text"] not in o["quote"]:
        sys.exit(1)
' "$T/res/normalized.jsonl"
check "claims.csv has the claims" test "$(grep -c '^[a-z][a-z]_' "$T/res/claims.csv")" -eq \
    "$(grep -c '^[^|]*|[^|]*|[a-z]' "$T/claims.txt")"
