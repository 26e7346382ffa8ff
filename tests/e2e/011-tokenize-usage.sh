# -h, misuse, single files, stdin.
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -h
check_status "-h exits 0" 0
check_grep "-h prints usage on stdout" "usage: tokenize" "$T/out"
check_grep "usage lists exit codes" "exit status" "$T/out"
run stage tokenize
check_status "no input is misuse" 2
check_grep "misuse prints usage on stderr" "usage: tokenize" "$T/err"
run stage tokenize -x "$TOP/seeds"
check_status "unknown option is misuse" 2

printf 'Hello there. This is a test of the tokenizer, with 2,000 words.\n' >"$T/one.txt"
run stage tokenize -c "$CONFIG" "$T/one.txt"
check_status "a single file" 0
check_grep "doc id is the base name" '"doc":"one"' "$T/out"
printf 'Det er ikke mye igjen nå.\n' | { run stage tokenize -c "$CONFIG" -n piped -; }
check_status "stdin" 0
check_grep "stdin doc id set with -n" '"doc":"piped"' "$T/out"
