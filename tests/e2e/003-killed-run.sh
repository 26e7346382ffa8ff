# A stage killed mid-write, or one that hits a file-size limit (a stand-in
# for a full disk), leaves the last good output whole and the run failed.
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -c "$CONFIG" -o "$T/tokens.jsonl" "$TOP/seeds"
check_status "tokenize on the seeds" 0
cp "$T/tokens.jsonl" "$T/good"

# Killed by the limit (SIGXFSZ's default action) part-way through writing.
run sh -c "ulimit -f 4; exec \"\$0\" -c \"\$1\" -o \"\$2\" \"\$3\"" "$BIN/tokenize" "$CONFIG" \
    "$T/tokens.jsonl" "$TOP/seeds"
check "a killed stage fails" test "$rc" -ne 0
check "the last good output is whole after a kill" cmp -s "$T/good" "$T/tokens.jsonl"

# With SIGXFSZ ignored, the write fails with EFBIG: the stage must notice.
run sh -c "trap '' XFSZ; ulimit -f 4; exec \"\$0\" -c \"\$1\" -o \"\$2\" \"\$3\"" "$BIN/tokenize" \
    "$CONFIG" "$T/tokens.jsonl" "$TOP/seeds"
check_status "a failed write exits 2" 2
check_grep "and says so" "tokenize: .*tokens.jsonl.*write failed" "$T/err"
check "the last good output is whole after a failed write" cmp -s "$T/good" "$T/tokens.jsonl"
check "no temporary file is left" test ! -e "$T/tokens.jsonl.tmp"

# The same for reconcile's three outputs.
stage extract -c "$CONFIG" -o "$T/mentions.jsonl" "$T/tokens.jsonl" || [ $? -eq 1 ]
stage normalize -c "$CONFIG" -o "$T/normalized.jsonl" "$T/mentions.jsonl" || [ $? -eq 1 ]
mkdir "$T/rec"
run stage reconcile -c "$CONFIG" -o "$T/rec" "$T/normalized.jsonl"
check_status "reconcile" 0
cp "$T/rec/claims.csv" "$T/claims.good"
run sh -c "trap '' XFSZ; ulimit -f 0; exec \"\$0\" -c \"\$1\" -o \"\$2\" \"\$3\"" \
    "$BIN/reconcile" "$CONFIG" "$T/rec" "$T/normalized.jsonl"
check_status "reconcile that cannot write exits 2" 2
check "its last good claims.csv is whole" cmp -s "$T/claims.good" "$T/rec/claims.csv"
check "and no temporary file is left" test -z "$(find "$T/rec" -name '*.tmp')"
