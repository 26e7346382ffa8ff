# Incremental runs: an unchanged corpus redoes nothing; a changed, new or
# removed document (or its manifest row) redoes only its shard; the outputs
# are always the bytes of a run from scratch.
. "$TOP/tests/e2e/lib.sh"

mkdir "$T/in"
cp "$TOP"/seeds/*.txt "$TOP/seeds/manifest.csv" "$T/in"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check_status "first run" 0

# changed_since MARK: the output files written after MARK, as "shards/K/f" or "f".
changed_since() {
    (cd "$T/res" && find . -newer "$1" -type f ! -name '.lock' ! -name '*.stats.json' |
        sed 's|^\./||' | LC_ALL=C sort | tr '\n' ' ')
}
# shard_of DOC: the shard tokenize -S puts DOC in.
shard_of() {
    for k in 0 1 2 3; do
        if "$BIN/tokenize" -S $k/4 -l "$T/in" | grep -q "^file	$1.txt	"; then echo $k; fi
    done
}
fresh() {
    rm -rf "$T/fresh"
    pipeline_make IN="$T/in" OUT="$T/fresh" SHARDS=4 2>"$T/fresh.err"
    for f in tokens.jsonl mentions.jsonl normalized.jsonl claims.csv conflicts.csv; do
        cmp -s "$T/res/$f" "$T/fresh/$f" || return 1
    done
}

sleep 1
touch "$T/mark1"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check_status "second run" 0
check "an unchanged corpus redoes nothing" test -z "$(changed_since "$T/mark1")"

d=003_f1544da85298896f
k=$(shard_of $d)
touch "$T/mark2"
printf '\nAt least 12 people were killed in the fighting.\n' >>"$T/in/$d.txt"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check_status "a run after one document changed" 0
check "redoes only its shard" test "$(changed_since "$T/mark2")" = \
    "claims.csv conflicts.csv mentions.jsonl normalized.jsonl shards/$k/.inputs shards/$k/mentions.jsonl shards/$k/normalized.jsonl shards/$k/tokens.jsonl summary.json tokens.jsonl "
check "the same bytes as a fresh run" fresh

touch "$T/mark3"
touch "$T/in/$d.txt"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check "a touched document redoes its shard" test -n "$(changed_since "$T/mark3" |
    grep "shards/$k/tokens.jsonl")"

cp "$T/in/000_6dd27f85b6c2954e.txt" "$T/in/new.txt"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check_grep "a new document is read" '"doc":"new"' "$T/res/tokens.jsonl"
check "the same bytes as a fresh run after an arrival" fresh
rm "$T/in/new.txt" "$T/in/001_ebe4dd916377be72.txt"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check "removed documents are dropped" sh -c "! grep -q '\"doc\":\"\\(new\\|001_ebe4dd916377be72\\)\"' '$T/res/tokens.jsonl'"
check "the same bytes as a fresh run after removals" fresh

# A manifest row: only the shard of the document it names.
d=004_dc57c91d7ab00de9
k=$(shard_of $d)
touch "$T/mark4"
sed -i "s/^$d,[^,]*,/$d,2024-01-02,/" "$T/in/manifest.csv"
run pipeline_make IN="$T/in" OUT="$T/res" SHARDS=4
check_grep "a changed manifest row is used" '"date":"2024-01-02","date_source":"manifest","doc":"004' \
    "$T/res/tokens.jsonl"
check "and redoes only that document's shard" test "$(changed_since "$T/mark4" | tr ' ' '\n' |
    grep '^shards/.*tokens' | tr '\n' ' ')" = "shards/$k/tokens.jsonl "
check "the same bytes as a fresh run after a manifest change" fresh

# IN names another folder: everything is redone.
cp -R "$T/in" "$T/in2"
rm "$T/in2/$d.txt"
run pipeline_make IN="$T/in2" OUT="$T/res" SHARDS=4
check "another IN is noticed" sh -c "! grep -q '\"doc\":\"$d\"' '$T/res/tokens.jsonl'"

# A rerun is cheap: make reads the shard count from config itself, starting
# no process for it (a sed shim in PATH would count the reads), and the
# make that pipeline starts is told it.
mkdir "$T/shim"
real_sed=$(command -v sed)
printf '#!/bin/sh\ncase "$*" in *pipeline.json*) echo read >>"%s" ;; esac\nexec "%s" "$@"\n' \
    "$T/shim/log" "$real_sed" >"$T/shim/sed"
chmod +x "$T/shim/sed"
pipeline_make IN="$T/in" OUT="$T/dflt" 2>/dev/null
: >"$T/shim/log"
PATH="$T/shim:$PATH" pipeline_make IN="$T/in" OUT="$T/dflt" 2>"$T/err"
check "an unchanged rerun starts no sed for the shard count" test "$(wc -l <"$T/shim/log")" -eq 0
# nor pkg-config: with the programs built, there is nothing to check the libraries for.
printf '#!/bin/sh\necho run >>"%s"\nexec "%s" "$@"\n' "$T/shim/pc.log" "$(command -v pkg-config)" \
    >"$T/shim/pkg-config"
chmod +x "$T/shim/pkg-config"
PATH="$T/shim:$PATH" pipeline_make IN="$T/in" OUT="$T/dflt" 2>"$T/err"
check "nor pkg-config" test ! -s "$T/shim/pc.log"
check "and it is read all the same" test -d "$T/dflt/shards/3"
