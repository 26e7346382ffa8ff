# A bad manifest through make pipeline: a row for a missing document is a
# warning (the run succeeds, the documents are processed); an unterminated
# quote or a duplicate row fails the run with manifest.csv:LINE named and
# leaves the last good outputs whole.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
printf 'About 20 people were killed in the attack.\n' >"$T/in/a.txt"
printf 'At least 300 people fled the town.\n' >"$T/in/b.txt"
printf 'doc,date,lang,source,url\na,2023-09-01,en,,\nmissing,2023-09-02,,,\nb,2023-09-03,,,\n' \
    >"$T/in/manifest.csv"
run pipeline "$T/in" "$T/res"
check_status "a row for a missing document: the run succeeds" 0
check_grep "the row is named with its line" "manifest.csv:3: no document 'missing' for this row" \
    "$T/err"
check_grep "document a is processed, dated by the manifest" '^a@[0-9]*,a,2023-09-01,en,killed,20,' \
    "$T/res/claims.csv"
check_grep "document b is processed" '^b@[0-9]*,b,2023-09-03,en,displaced,300,' "$T/res/claims.csv"
cp "$T/res/claims.csv" "$T/claims.good"

printf 'doc,date,lang,source,url\na,2023-09-01,en,"Reuters,\nb,2023-09-03,,,\n' >"$T/in/manifest.csv"
run pipeline "$T/in" "$T/res"
check "an unterminated quote fails the run" test "$rc" -ne 0
check_grep "naming manifest.csv and the line" "tokenize: .*manifest.csv:2: unterminated quoted field" \
    "$T/err"
check_diff "the last good claims.csv is whole" "$T/claims.good" "$T/res/claims.csv"

printf 'doc,date,lang,source,url\na,2023-09-01,en,,\nb,,,,\na,2023-09-05,,,\n' >"$T/in/manifest.csv"
run pipeline "$T/in" "$T/res"
check "a duplicate row fails the run" test "$rc" -ne 0
check_grep "naming both lines" "manifest.csv:4: duplicate row for doc 'a' (first at line 2)" "$T/err"
check_diff "the last good claims.csv is still whole" "$T/claims.good" "$T/res/claims.csv"
check "no temporary file left" test -z "$(find "$T/res" -name '*.tmp')"
