# Bad bytes: invalid UTF-8, NUL, BOM + CRLF, empty file, date header.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
printf 'Caf\351 au lait costs 3 euros. Second \377\376 sentence.\n' >"$T/in/bad.txt"
printf 'Before\000after the NUL byte. Next sentence.\n' >"$T/in/nul.txt"
printf '\357\273\277 date 2023-09-27 First line.\r\nSecond line here.\r\n' >"$T/in/bom.txt"
: >"$T/in/empty.txt"
run stage tokenize -c "$CONFIG" -o "$T/out.jsonl" "$T/in"
check_status "bad bytes are not fatal" 0
check_grep "invalid UTF-8 warned with count and line" \
    "^tokenize: bad.txt:1: 3 invalid UTF-8 and 0 NUL bytes replaced by U+FFFD" "$T/err"
check_grep "NUL warned" "^tokenize: nul.txt:1: 0 invalid UTF-8 and 1 NUL bytes replaced" "$T/err"
check_grep "invalid bytes counted" '"doc":"bad".*"invalid_bytes":3' "$T/out.jsonl"
check_grep "replaced bytes listed in bad" '"bad":\[3\]' "$T/out.jsonl"
check_grep "NUL counted" '"nul_bytes":1' "$T/out.jsonl"
check_grep "text holds U+FFFD" 'Caf\\ufffd\|Caf�' "$T/out.jsonl"
check_grep "BOM and header skipped: text_start" '"date":"2023-09-27","date_source":"header","doc":"bom".*"text_start":20' "$T/out.jsonl"
check_grep "CR is not in the text" '"text":"First line."' "$T/out.jsonl"
check_grep "empty file is a document with no sentences" '"doc":"empty".*"sentences":0' "$T/out.jsonl"
check "output is valid JSON" python3 -c 'import json,sys; [json.loads(l) for l in open(sys.argv[1])]' "$T/out.jsonl"
