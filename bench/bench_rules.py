"""Benchmark: the tally with the invalid-form rules on, against a plain reference that applies
them too.

The meeting of `bench_tally.py` (40 units, 5 graded items with weights, 6 weighted groups, trim 1,
daily scores, 500 ballots: 100,000 marks) with `[assessment.rules]` all_same = true,
min_marked = 0.5 and a quota of at most half 好. Among the ballots some give every cell the same
grade, some mark only 15 units, some are nearly all 好, some are blank, so every rule voids
forms. In one run it times
  (a) a reference: read the CSV with the csv module into dicts and apply SPEC section 6 simply,
      rules included (each invalid ballot's reason, in SPEC order),
  (b) the project's results (`tally_store`) from the database, after its import,
checks that both agree on every reason, score, rank, level and good rate, and prints the ratio
against the goal: results / reference <= 0.5.

Run: python bench/bench_rules.py [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

from bench_tally import (
    BALLOTS,
    GROUP_WEIGHTS,
    GROUPS,
    ITEM_WEIGHTS,
    ITEMS,
    SCALE,
    UNITS,
    best_of,
    rank_units,
    unit_name,
    write_session,
)

from reviewtui.assessment.importer import import_file
from reviewtui.assessment.tally import tally_store
from reviewtui.store import open_session

ALL_SAME = True
MIN_MARKED = 0.5
QUOTA = ("好", 0.5)
RULES = f"""
[assessment.rules]
all_same = {"true" if ALL_SAME else "false"}
min_marked = {MIN_MARKED}
quota = [ {{ grade = "{QUOTA[0]}", max_share = {QUOTA[1]} }} ]
"""


def write_ballots(folder: Path) -> Path:
    """Long form, every cell a row (a blank cell has an empty value): 100,000 marks."""
    rng = random.Random(2017)
    path = folder / "ballots.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ballot", "group", "unit", "item", "value"])
        for b in range(1, BALLOTS + 1):
            group = f"类别{b % GROUPS + 1}"
            kind = b % 25
            for u in range(UNITS):
                bias = u % 4
                for i in range(ITEMS):
                    if kind == 0:
                        grade = "较好"  # every cell the same: all_same
                    elif kind == 1:
                        grade = SCALE[bias][0] if u < 15 else ""  # 15 of 40 units: min_marked
                    elif kind == 2:
                        grade = "较好" if (u, i) == (0, 0) else "好"  # 199 of 200 好: quota
                    elif kind == 3:
                        grade = ""  # blank
                    else:
                        grade = SCALE[min(3, max(0, int(rng.gauss(bias * 0.6 + 0.3, 0.9))))][0]
                    writer.writerow([b, group, unit_name(u), f"项目{i + 1}", grade])
    return path


def reference(path: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """SPEC section 6, written the plain way, the rules applied as the spec words them."""
    points = dict(SCALE)
    weights = {f"项目{i + 1}": ITEM_WEIGHTS[i] for i in range(ITEMS)}
    group_weights = {f"类别{g + 1}": GROUP_WEIGHTS[g] for g in range(GROUPS)}
    daily = {unit_name(u): 80 + u % 20 + 0.5 for u in range(UNITS) if u % 2 == 0}
    units = [unit_name(u) for u in range(UNITS)]
    ballots: dict[str, dict] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            ballot = ballots.setdefault(row["ballot"], {"group": row["group"], "marks": {}})
            if row["value"]:
                ballot["marks"][(row["unit"], row["item"])] = row["value"]

    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    grade_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    reasons: dict[str, str] = {}
    for code, ballot in ballots.items():
        marks = ballot["marks"]
        unit_scores = {}
        for unit in units:
            total = weight_sum = 0.0
            for item, weight in weights.items():
                value = marks.get((unit, item), "")
                if value in points:
                    total += weight * points[value]
                    weight_sum += weight
            if weight_sum:
                unit_scores[unit] = total / weight_sum
        graded = [value for value in marks.values() if value in points]
        graded_units = {unit for (unit, _item), value in marks.items() if value in points}
        reason = None
        if not unit_scores:
            reason = "blank"
        elif ALL_SAME and len(graded_units) >= 2 and len(set(graded)) == 1:
            reason = "all_same"
        elif len(unit_scores) < MIN_MARKED * UNITS:
            reason = "min_marked"
        elif graded and graded.count(QUOTA[0]) / len(graded) > QUOTA[1]:
            reason = f"quota:{QUOTA[0]}"
        if reason is not None:
            reasons[code] = reason
            continue
        for unit, score in unit_scores.items():
            scores[unit][ballot["group"]].append(score)
        for (unit, _item), value in marks.items():
            grade_counts[unit][value] += 1

    return rank_units(units, scores, grade_counts, group_weights, daily), reasons


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewtui-bench-") as tmp:
        folder = Path(tmp)
        session = write_session(folder)
        session.write_text(session.read_text("utf-8") + RULES, "utf-8")
        csv_path = write_ballots(folder)
        print(
            f"{UNITS} units, {ITEMS} graded items, {GROUPS} groups, {BALLOTS} ballots: "
            f"{UNITS * ITEMS * BALLOTS:,} marks; rules: all_same, min_marked = {MIN_MARKED}, "
            f"quota {QUOTA[0]} <= {QUOTA[1]}"
        )

        t_ref, (expected, reasons) = best_of(args.repeat, lambda: reference(csv_path))
        store = open_session(session, folder / "bench.db", write=True)
        imported = import_file(store, csv_path)
        t_results, results = best_of(args.repeat, lambda: tally_store(store))
        store.close()

        # The reference and the project must agree, or the timing means nothing.
        assert dict(results.invalid_reasons) == reasons, "the invalid ballots differ"
        assert dict(imported.invalid) == reasons, "the import reports other invalid ballots"
        for unit in results.units:
            want = expected[unit.unit]
            assert math.isclose(want["final"], unit.final, rel_tol=1e-9), (unit.unit, want)
            assert (want["rank"], want["level"]) == (unit.rank, unit.level), (unit.unit, want)
            assert math.isclose(want["good"], unit.good_rate), (unit.unit, want)
        by_rule: dict[str, int] = {}
        for reason in reasons.values():
            by_rule[reason] = by_rule.get(reason, 0) + 1
        print(f"invalid ballots by rule: {by_rule} ({results.valid} valid)")
        print(f"(a) reference tally with rules  : {t_ref * 1000:8.1f} ms")
        print(f"(b) results with rules          : {t_results * 1000:8.1f} ms")
        ratio = t_results / t_ref
        verdict = "ok" if ratio <= 0.5 else "MISSED"
        print(f"results / reference             : {ratio:8.2f}   (goal <= 0.5) {verdict}")
        return 0 if ratio <= 0.5 else 1


if __name__ == "__main__":
    sys.exit(main())
