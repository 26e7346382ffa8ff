# The bundled seeds end to end: every file DESIGN.md names, in its shape,
# the same bytes twice, and every offset pointing at its text.
. "$TOP/tests/e2e/lib.sh"

run pipeline "$TOP/seeds" "$T/a"
check_status "pipeline on the seeds succeeds" 0
for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv summary.json; do
    check "writes $f" test -s "$T/a/$f"
done
check "claims.csv header" test "$(head -n 1 "$T/a/claims.csv" | tr -d '\r')" = \
    "claim_id,doc,date,lang,category,value,qualifier,low,high,unit,subject,place,attribution,quote,start,end"
check "conflicts.csv header" test "$(head -n 1 "$T/a/conflicts.csv" | tr -d '\r')" = \
    "conflict_id,kind,category,subject,place,period,n_claims,n_docs,low,best,high,ratio,claim_ids,values,docs,note"
check "no temporary file left" test -z "$(find "$T/a" -name '*.tmp')"
check "quiet when all is well" test ! -s "$T/err"

run pipeline "$TOP/seeds" "$T/b"
for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv; do
    check "same bytes twice: $f" cmp -s "$T/a/$f" "$T/b/$f"
done

# Every normalized record's [start,end) holds its text in the original file.
check_offsets() {
    python3 - "$TOP/seeds" "$1" <<'PY'
import json, sys
seeds, path = sys.argv[1], sys.argv[2]
bad = n = 0
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    raw = open(f"{seeds}/{o['doc']}.txt", "rb").read()
    n += 1
    if raw[o["start"]:o["end"]].decode("utf-8", "replace") != o["text"]:
        bad += 1
        print(f"{o['doc']}@{o['start']}: {raw[o['start']:o['end']]!r} != {o['text']!r}")
sys.exit(1 if bad or n == 0 else 0)
PY
}
check "every offset in normalized.jsonl points at its text" check_offsets "$T/a/normalized.jsonl"
check "the seeds' languages" test "$(grep '"type":"doc"' "$T/a/tokens.jsonl" |
    sed 's/.*"lang":"\([a-z]*\)".*/\1/' | tr '\n' ' ')" = "nb nb nl en sv "
