# A broken claims lexicon or places file stops normalize with exit 2, a
# message naming the file and line, and no output.
. "$TOP/tests/e2e/lib.sh"

printf 'Minst 40 personer ble drept.\n' >"$T/a.txt"
mkdir -p "$T/in" && cp "$T/a.txt" "$T/in/a.txt"
stage tokenize -c "$CONFIG" -o "$T/tokens.jsonl" "$T/in" 2>/dev/null || true
stage extract -c "$CONFIG" -o "$T/mentions.jsonl" "$T/tokens.jsonl" 2>/dev/null || true

cp -R "$CONFIG" "$T/config"
sed 's/"phrase_gap"/"phrase_gapp"/' "$CONFIG/claims/nb.json" >"$T/config/claims/nb.json"
line=$(grep -n '"phrase_gapp"' "$T/config/claims/nb.json" | cut -d: -f1)
run stage normalize -c "$T/config" -o "$T/n.jsonl" "$T/mentions.jsonl"
check_status "misspelt key in a claims lexicon: exit 2" 2
check_grep "the message names file and line" "claims/nb.json:$line: key 'phrase_gapp' unknown" "$T/err"
check "no output written" test ! -e "$T/n.jsonl"

cp "$CONFIG/claims/nb.json" "$T/config/claims/nb.json"
sed 's/"norwegian"/"klingon"/' "$CONFIG/claims/nb.json" >"$T/config/claims/nb.json"
run stage normalize -c "$T/config" -o "$T/n.jsonl" "$T/mentions.jsonl"
check_status "unknown stemmer: exit 2" 2
check_grep "the message names the stemmer key" "key 'stemmer' names no Snowball stemmer" "$T/err"

cp "$CONFIG/claims/nb.json" "$T/config/claims/nb.json"
printf '{"places": [{"id": "x", "parent": "nowhere", "aliases": ["X"]}]}\n' >"$T/config/places.json"
run stage normalize -c "$T/config" -o "$T/n.jsonl" "$T/mentions.jsonl"
check_status "unknown parent place: exit 2" 2
check_grep "the message names places.json" "places.json:1: key 'parent' names an unknown place" "$T/err"

rm "$T/config/places.json"
run stage normalize -c "$T/config" -o "$T/n.jsonl" "$T/mentions.jsonl"
check_status "missing places.json: exit 2" 2
