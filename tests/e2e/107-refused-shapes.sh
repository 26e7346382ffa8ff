# extract and normalize read records through jscan, which refuses valid JSON
# of a shape no stage writes (a nested object, an escaped key) and a NUL
# byte between tokens that jansson would pass over. Each such line is named
# "stage: file:LINE: what", the stage exits 1, and every other record is
# still processed.
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -c "$CONFIG" -o "$T/tokens.jsonl" "$TOP/seeds"
check_status "tokenize on the seeds" 0
run stage extract -c "$CONFIG" -o "$T/mentions.jsonl" "$T/tokens.jsonl"
check_status "extract on the seeds" 0

# reshape IN OUT LINE HOW: rewrite line LINE (1-based) of IN: "nested" adds
# a field holding an object, "escaped" spells the key "doc" with an escape,
# "nul" puts a NUL byte after the record's first comma.
reshape() {
    python3 - "$@" <<'PY'
import sys
src, dst, n, how = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
lines = open(src, "rb").read().split(b"\n")
line = lines[n - 1]
if how == "nested":
    line = line[:-1] + b',"zz":{"a":1}}'
elif how == "escaped":
    line = line.replace(b'"doc":', b'"\\u0064oc":', 1)
else:
    i = line.index(b",")
    line = line[: i + 1] + b"\0" + line[i + 1 :]
lines[n - 1] = line
open(dst, "wb").write(b"\n".join(lines))
PY
}

s=$(grep -n -m 1 '"type":"sentence"' "$T/tokens.jsonl" | cut -d: -f1)
for how in nested escaped nul; do
    reshape "$T/tokens.jsonl" "$T/tok-$how.jsonl" "$s" "$how"
    run stage extract -c "$CONFIG" -o "$T/m-$how.jsonl" "$T/tok-$how.jsonl"
    check_status "extract, a sentence with $how shape: exit 1" 1
    if [ "$how" = nul ]; then
        check_grep "extract names the line" "^extract: $T/tok-$how.jsonl:$s: " "$T/err"
    else
        check_grep "extract names the line and why" \
            "^extract: $T/tok-$how.jsonl:$s: record has a shape this stage does not read" "$T/err"
    fi
    check "extract keeps the other sentences" test \
        "$(grep -c '"type":"sentence"' "$T/m-$how.jsonl")" -eq \
        "$(($(grep -c '"type":"sentence"' "$T/mentions.jsonl") - 1))"
done

m=$(grep -n -m 1 '"type":"mention"' "$T/mentions.jsonl" | cut -d: -f1)
reshape "$T/mentions.jsonl" "$T/m-nested2.jsonl" "$m" nested
run stage normalize -c "$CONFIG" -o "$T/n-nested.jsonl" "$T/m-nested2.jsonl"
check_status "normalize, a mention with a nested object: exit 1" 1
check_grep "normalize names the line and why" \
    "^normalize: $T/m-nested2.jsonl:$m: record has a shape this stage does not read" "$T/err"
run stage normalize -c "$CONFIG" -o "$T/normalized.jsonl" "$T/mentions.jsonl"
check "normalize keeps every other number" test "$(wc -l <"$T/n-nested.jsonl")" -eq \
    "$(($(wc -l <"$T/normalized.jsonl") - 1))"
