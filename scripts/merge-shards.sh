#!/bin/sh
# merge-shards.sh OUTPUT SHARD_FILE...: join the shards' JSONL files into
# OUTPUT in document order, as one run over the whole corpus writes it.
#
# Each shard's file lists its documents sorted by "doc" (byte order), every
# record of a document together; this is a k-way merge of those runs by
# doc, so OUTPUT does not depend on the number of shards. One file is
# copied as it is. OUTPUT appears whole (OUTPUT.tmp, then rename) or not
# at all; exit 0, or 2 with the reason on stderr.
set -u
out=$1
shift
export LC_ALL=C
if [ $# -eq 1 ]; then
    cat "$1" >"$out.tmp"
else
    awk '
    # The doc id of a record, still JSON-escaped ("" when it has none).
    function doc(line) {
        if (!match(line, /"doc":"([^"\\]|\\.)*"/))
            return ""
        return substr(line, RSTART + 7, RLENGTH - 8)
    }
    # Read file i'"'"'s next record into cur[i]; 0 at its end.
    function advance(i,    rc) {
        rc = (getline cur[i] < ARGV[i])
        if (rc < 0) {
            print "pipeline: cannot read " ARGV[i] > "/dev/stderr"
            exit 2
        }
        live[i] = rc > 0
        if (live[i])
            key[i] = doc(cur[i])
        return live[i]
    }
    BEGIN {
        for (i = 1; i < ARGC; i++)
            advance(i)
        for (;;) {
            best = 0
            for (i = 1; i < ARGC; i++)
                if (live[i] && (best == 0 || key[i] < key[best]))
                    best = i
            if (best == 0)
                exit 0
            d = key[best]
            do
                print cur[best]
            while (advance(best) && key[best] == d)
        }
    }' "$@" >"$out.tmp"
fi
status=$?
if [ $status -ne 0 ] || ! mv "$out.tmp" "$out"; then
    rm -f "$out.tmp"
    echo "pipeline: could not write $out" >&2
    exit 2
fi
