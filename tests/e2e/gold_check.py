"""Check a pipeline output folder against the hand-annotated gold facts of
the seeds (tests/data/gold/, the careful reader's claims and conflicts).

  gold_check.py claims GOLD_DIR OUT     prints "core F1 F P R qualifiers Q/N"
  gold_check.py conflicts GOLD_DIR OUT  prints "conflicts found F/N kind K wrong W/M"

A gold claim is found when claims.csv has a row of its document and
category with its value (a percent within half a point); a gold conflict
pair when one conflicts.csv row of its category lists claims with both
values; a non-conflict pair is wrong when one row lists both.
"""
import csv, sys

CORE = {"killed", "injured", "missing", "displaced", "troops", "population", "detained", "rescued"}


def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))


def same(a, b, unit=""):
    return abs(float(a) - float(b)) <= (0.5 if unit == "%" else 1e-6 * max(1.0, abs(float(b))))


def claims(gold_dir, out):
    gold = [g for g in rows(f"{gold_dir}/seeds_claims.csv") if g["category"] in CORE]
    pred = [p for p in rows(f"{out}/claims.csv") if p["category"] in CORE]
    seen, uniq = set(), []
    for p in pred:  # a document repeating a claim (headline, then body) states it once
        key = (p["doc"], p["category"], float(p["value"]), p["unit"])
        if key not in seen:
            seen.add(key)
            uniq.append(p)
    used, tp, qual = set(), 0, 0
    for g in gold:
        for i, p in enumerate(uniq):
            if i not in used and p["doc"] == g["doc"] and p["category"] == g["category"] \
                    and same(p["value"], g["value"], g["unit"]):
                used.add(i)
                tp += 1
                qual += p["qualifier"] == g["qualifier"]
                break
    prec = tp / len(uniq) if uniq else 0.0
    rec = tp / len(gold) if gold else 0.0
    f1 = 2 * prec * rec / (prec + rec) if prec + rec else 0.0
    print(f"core F1 {f1:.3f} P {prec:.3f} R {rec:.3f} qualifiers {qual}/{tp}")


def listed(groups, cat, a, b):
    for r, members in groups:
        if (cat is None or r["category"] == cat) and \
                any(m["doc"] == a[0] and same(m["value"], a[1]) for m in members) and \
                any(m["doc"] == b[0] and same(m["value"], b[1]) for m in members):
            return r
    return None


def conflicts(gold_dir, out):
    by_id = {c["claim_id"]: c for c in rows(f"{out}/claims.csv")}
    groups = [(r, [by_id[i] for i in r["claim_ids"].split(";") if i in by_id])
              for r in rows(f"{out}/conflicts.csv")]
    found = kinds = n = 0
    for g in rows(f"{gold_dir}/seeds_conflicts.csv"):
        ms = [m.split(":") for m in g["members"].split(";")]
        for i in range(len(ms)):
            for j in range(i + 1, len(ms)):
                n += 1
                r = listed(groups, g["category"], ms[i][:2], ms[j][:2])
                found += r is not None
                kinds += r is not None and r["kind"] == g["kind"]
    non = rows(f"{gold_dir}/seeds_nonconflicts.csv")
    wrong = sum(1 for x in non
                if listed(groups, None, *[m.split(":")[:2] for m in x["members"].split(";")][:2]))
    print(f"conflicts found {found}/{n} kind {kinds} wrong {wrong}/{len(non)}")


if __name__ == "__main__":
    {"claims": claims, "conflicts": conflicts}[sys.argv[1]](sys.argv[2], sys.argv[3])
