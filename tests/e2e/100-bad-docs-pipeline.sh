# The whole pipeline on a folder of bad documents next to good ones: invalid
# UTF-8, a NUL byte, an empty file, a binary file, a BOM with CRLF, a symlink
# loop, a dangling link (a document gone before it is read). The run completes (exit 0),
# each skipped document is named with its reason on stderr and in
# summary.json, and the good documents' claims are exactly those of a run
# without the bad ones.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/good" "$T/in"
cp "$TOP/seeds/003_f1544da85298896f.txt" "$TOP/seeds/004_dc57c91d7ab00de9.txt" "$T/good/"
cp "$T/good/"*.txt "$T/in/"
printf 'About 300 people were killed \377\376 in the attack.\n' >"$T/in/badutf8.txt"
printf 'At least 40 people were injured.\000 More than 12 are missing.\n' >"$T/in/nul.txt"
: >"$T/in/empty.txt"
head -c 4096 /dev/urandom >"$T/in/binary.txt"
printf '\000\001\002\003' >>"$T/in/binary.txt"
printf '\357\273\277 date 2023-09-27\r\nAbout 5,000 people fled the town.\r\n\r\n' >"$T/in/bomcrlf.txt"
ln -s loop.txt "$T/in/loop.txt"
ln -s nowhere.txt "$T/in/dangling.txt"

run pipeline "$T/good" "$T/ref"
check_status "the good documents alone: exit 0" 0
run pipeline "$T/in" "$T/res"
check_status "with bad documents the run completes: exit 0" 0
check_grep "binary file named" "tokenize: binary.txt: skipped: binary file" "$T/err"
check_grep "symlink loop named" "tokenize: loop.txt: skipped: symlink loop" "$T/err"
check_grep "dangling link named" "tokenize: dangling.txt: skipped: .*No such file" "$T/err"
check_grep "invalid UTF-8 warned at its line" \
    "tokenize: badutf8.txt:1: 2 invalid UTF-8 and 0 NUL bytes replaced" "$T/err"
check_grep "NUL warned at its line" "tokenize: nul.txt:1: 0 invalid UTF-8 and 1 NUL bytes" "$T/err"
check "no crash message" sh -c "! grep -Ei 'segmentation|abort|sanitizer|core dumped' '$T/err'"
for d in binary loop dangling; do
    check_grep "summary.json lists $d as skipped" "\"doc\": \"$d\"" "$T/res/summary.json"
done
# The good documents lose nothing: their claims are the clean run's.
grep -E '^(003|004)_' "$T/ref/claims.csv" >"$T/ref.claims"
grep -E '^(003|004)_' "$T/res/claims.csv" >"$T/res.claims"
check "the good documents have claims" test -s "$T/ref.claims"
check_diff "the good documents' claims are those of a clean run" "$T/ref.claims" "$T/res.claims"
# The readable bad documents are read, their numbers kept.
check_grep "a number next to invalid UTF-8 is read" '"doc":"badutf8".*"value":300' \
    "$T/res/normalized.jsonl"
check_grep "a number after a NUL is read" '"doc":"nul".*"value":12[,}]' "$T/res/normalized.jsonl"
check_grep "BOM and CRLF: the header's date and the number" \
    '"date":"2023-09-27".*"doc":"bomcrlf".*"value":5000' "$T/res/normalized.jsonl"
check_grep "the empty document is a document" '"doc":"empty".*"sentences":0' "$T/res/tokens.jsonl"
check "every JSONL line is JSON" python3 -c '
import json, sys
for p in sys.argv[1:]:
    for l in open(p, encoding="utf-8"):
        json.loads(l)' "$T/res/tokens.jsonl" "$T/res/mentions.jsonl" "$T/res/normalized.jsonl"
check "no temporary file left" test -z "$(find "$T/res" -name '*.tmp')"
