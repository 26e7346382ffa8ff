# Binary, unreadable, vanished, not regular, symlink loops: skipped and
# named, exit 1, the good document kept.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
printf 'A good document. It stays.\n' >"$T/in/good.txt"
head -c 4096 /dev/urandom >"$T/in/bin.txt"
printf '\000\001\002\003' >>"$T/in/bin.txt"
ln -s loop.txt "$T/in/loop.txt"
ln -s nowhere.txt "$T/in/gone.txt"
mkfifo "$T/in/fifo.txt"
mkdir "$T/in/sub"
ln -s .. "$T/in/sub/up"
run stage tokenize -c "$CONFIG" -o "$T/out.jsonl" -s "$T/stats.json" "$T/in"
check_status "skips exit 1" 1
check_grep "binary named" "^tokenize: bin.txt: skipped: binary file" "$T/err"
check_grep "symlink loop named" "^tokenize: loop.txt: skipped: symlink loop" "$T/err"
check_grep "vanished file named" "^tokenize: gone.txt: skipped: No such file" "$T/err"
check_grep "fifo named" "^tokenize: fifo.txt: skipped: not a regular file" "$T/err"
check_grep "folder cycle named" "^tokenize: sub/up: skipped: symlink loop" "$T/err"
check_grep "good document kept" '"doc":"good"' "$T/out.jsonl"
check_grep "skip record" '"reason":"binary file","type":"skip"' "$T/out.jsonl"
check_grep "skips in stats" '"reason":"binary file"' "$T/stats.json"
if [ "$(id -u)" -ne 0 ]; then
    printf 'secret\n' >"$T/in/locked.txt"
    chmod 000 "$T/in/locked.txt"
    run stage tokenize -c "$CONFIG" -o "$T/out2.jsonl" "$T/in"
    check_grep "unreadable file named" "^tokenize: locked.txt: skipped: cannot open: Permission denied" "$T/err"
fi
