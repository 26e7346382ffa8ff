# A real spreadsheet reads the CSVs back: LibreOffice converts claims.csv and
# conflicts.csv to xlsx and back to CSV, and every cell comes back the same,
# numbers as numbers and injection cells (=1+1, @SUM(A1), -2+3, +cmd) as
# text, none evaluated. Fails (does not skip) when soffice is missing: CI
# installs it with sh scripts/deps.sh --ci.
. "$TOP/tests/e2e/lib.sh"

if ! command -v soffice >/dev/null 2>&1; then
    fail "soffice is missing (install with: sh scripts/deps.sh --ci)"
    exit 1
fi
cat "$DATA/reconcile/seeds.jsonl" "$DATA/reconcile/inject.jsonl" >"$T/in.jsonl"
run stage reconcile -c "$CONFIG" -o "$T/o" "$T/in.jsonl"
check_status "reconcile succeeds" 0
check_grep "the injection cells are in the output" "'=1+1" "$T/o/claims.csv"

# soffice keeps a profile; give it its own so parallel runs do not collide.
office() {
    HOME=$T timeout 300 soffice --headless -env:UserInstallation=file://$T/profile "$@" \
        >>"$T/office.log" 2>&1
}
for f in claims conflicts; do
    mkdir -p "$T/x" "$T/back"
    office --convert-to xlsx --outdir "$T/x" "$T/o/$f.csv"
    check "$f.csv opens and saves as xlsx" test -s "$T/x/$f.xlsx"
    office --convert-to csv --outdir "$T/back" "$T/x/$f.xlsx"
    check "$f.xlsx saves back as csv" test -s "$T/back/$f.csv"
    check "$f: same cells after the round trip" python3 - "$T/o/$f.csv" "$T/back/$f.csv" <<'PY'
import csv, sys
a = list(csv.reader(open(sys.argv[1], encoding="utf-8", newline="")))
b = list(csv.reader(open(sys.argv[2], encoding="utf-8", newline="")))
bad = [(i, j, x, y) for i, (ra, rb) in enumerate(zip(a, b))
       for j, (x, y) in enumerate(zip(ra, rb)) if x != y]
if len(a) != len(b) or bad or any(len(ra) != len(rb) for ra, rb in zip(a, b)):
    print(len(a), len(b), bad[:5])
    sys.exit(1)
PY
done
check "no formula evaluated (=1+1 did not become 2)" grep -q "'=1+1" "$T/back/claims.csv"
check "-2+3 stayed text" grep -q "'-2+3" "$T/back/claims.csv"
