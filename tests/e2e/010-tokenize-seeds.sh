# tokenize on the seeds: same bytes twice, the seeds' languages with the
# manifest's lang column empty, every sentence's text at its span, valid tokens.
. "$TOP/tests/e2e/lib.sh"

run stage tokenize -c "$CONFIG" -o "$T/a.jsonl" -s "$T/stats.json" "$TOP/seeds"
check_status "tokenize seeds exits 0" 0
check "quiet on the seeds" test ! -s "$T/err"
run stage tokenize -c "$CONFIG" -o "$T/b.jsonl" "$TOP/seeds"
check "same bytes twice" cmp -s "$T/a.jsonl" "$T/b.jsonl"
check "the seeds' languages" test "$(grep '"type":"doc"' "$T/a.jsonl" |
    sed 's/.*"lang":"\([a-z]*\)".*/\1/' | tr '\n' ' ')" = "nb nb nl en sv "
check "the seeds' dates come from the manifest" test "$(grep -c '"date_source":"manifest"' "$T/a.jsonl")" -eq 5
check "stats name the stage" grep -q '"stage":"tokenize"' "$T/stats.json"

spans() {
    python3 - "$TOP/seeds" "$1" <<'PY'
import json, sys
root, path = sys.argv[1], sys.argv[2]
bad = 0
for line in open(path, encoding="utf-8"):
    o = json.loads(line)
    if o["type"] != "sentence":
        continue
    raw = open(f"{root}/{o['doc']}.txt", "rb").read()
    if raw[o["start"]:o["end"]].decode("utf-8") != o["text"]:
        bad += 1
    last = o["start"]
    for off, n, t in o["tokens"]:  # [offset from the sentence's start, length, type]
        s, e = o["start"] + off, o["start"] + off + n
        if not (last <= s < e <= o["end"]) or t not in "wnps":
            bad += 1
        last = e
sys.exit(1 if bad else 0)
PY
}
check "every sentence's text is the original bytes at its span; tokens valid" spans "$T/a.jsonl"
check "65.036 is one number token" grep -q '"text":"En talsperson[^}]*\[[0-9]*,[0-9]*,"n"\]' "$T/a.jsonl"
check "120 000 is one number token" python3 -c '
import json,sys
for l in open(sys.argv[1]):
    o=json.loads(l)
    if o["type"]=="sentence" and "120 000" in o["text"]:
        raw=open(sys.argv[2],"rb").read()
        sys.exit(0 if any(raw[o["start"]+s:o["start"]+s+n]==b"120 000" and t=="n" for s,n,t in o["tokens"]) else 1)
sys.exit(1)' "$T/a.jsonl" "$TOP/seeds/004_dc57c91d7ab00de9.txt"
check "11 a.m. does not end a sentence" grep -q '"text":"The Armenian government said that as of 11 a.m. Wednesday, 50,000 people' "$T/a.jsonl"
check "header is not text" grep -q '"text_start":14' "$T/a.jsonl"
check "furniture: video notice, markup, placeholder, foreign script" \
    sh -c "grep -q video-notice '$T/a.jsonl' && grep -q markup '$T/a.jsonl' && grep -q placeholder '$T/a.jsonl' && grep -q foreign-script '$T/a.jsonl'"
check "no sentence holds furniture" sh -c "! grep -E '\"text\":\"[^\"]*(Les mer Lukk|browser doesn|\\[annons_2\\]|Kommentar \\(0\\)|< p>)' '$T/a.jsonl'"
