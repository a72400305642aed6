#!/usr/bin/env python3
"""Builds data/locations/sovereignty.csv from data/states/states.csv: for each state that emerged from a
larger one (or a divided one), the predecessor's COW code holds the successor's ISO location from the
predecessor's spell start until the day before the successor's COW entry. Every date comes from COW."""
import csv, datetime, pathlib
root = pathlib.Path(__file__).resolve().parents[3]
spells = {}
for r in csv.DictReader(open(root / "data/states/states.csv")):
    spells.setdefault(int(r["cow"]), []).append((r["from"], r["to"]))
def day_before(d):
    return (datetime.date.fromisoformat(d) - datetime.timedelta(days=1)).isoformat()
rows = []
def succession(pred, successors, note, floor="0000-00-00"):
    for iso, succ in successors:
        entries = sorted(f for f, _ in spells[succ])
        for pf, pt in spells[pred]:
            for e in entries:
                # the predecessor's spell that overlaps the time before this entry of the successor
                if pf < e and (not pt or pt >= day_before(e)):
                    prior_end = max([t for f, t in spells[succ] if t and t < e] or [""])
                    start = max(floor, pf, (datetime.date.fromisoformat(prior_end) + datetime.timedelta(days=1)).isoformat() if prior_end else pf)
                    if start <= day_before(e):
                        rows.append((iso, pred, start, day_before(e), note))
succession(365, [("UA", 369), ("BY", 370), ("MD", 359), ("EE", 366), ("LV", 367), ("LT", 368), ("GE", 372), ("AM", 371),
                 ("AZ", 373), ("KZ", 705), ("KG", 703), ("TJ", 702), ("TM", 701), ("UZ", 704)], "part of the USSR (COW 365) before independence",
           floor="1922-12-30")  # the USSR's founding; earlier borders of the Russian Empire are not encoded
succession(345, [("HR", 344), ("SI", 349), ("BA", 346), ("MK", 343), ("ME", 341)], "part of Yugoslavia (COW 345) before independence")
succession(315, [("CZ", 316), ("SK", 317)], "part of Czechoslovakia (COW 315)")
succession(770, [("BD", 771)], "East Pakistan, part of Pakistan (COW 770)")
succession(530, [("ER", 531)], "part of Ethiopia (COW 530)")
succession(625, [("SS", 626)], "part of Sudan (COW 625)")
# Divided states: both halves hold the ISO location of today's united state during their spells.
for iso, halves, note in [("DE", [260, 265], "divided Germany: FRG (260) and GDR (265)"),
                          ("YE", [678, 680], "divided Yemen: YAR (678) and PDRY (680)"),
                          ("VN", [816, 817], "divided Vietnam: North (816) and South (817)")]:
    for h in halves:
        for f, t in spells[h]:
            if t:
                rows.append((iso, h, f, t, note))
rows.sort()
with open(root / "data/locations/sovereignty.csv", "w", newline="") as out:
    w = csv.writer(out, lineterminator="\n")
    w.writerow(["code", "cow", "from", "to", "note"])
    w.writerows(rows)
print(len(rows), "rows")
