"""Benchmark: the project's ballot import and tally against a straightforward pure-Python tally.

40 units, 5 graded items, 6 rater groups, 500 ballots: 100,000 marks in a long-form CSV. In one
run it times
  (a) a baseline: read the CSV with the csv module into dicts and apply SPEC section 6 simply,
  (b) the project's import of that CSV (all checks, bulk insert, every row journaled),
  (c) the project's results (`tally_store`) from the database,
checks that (a) and (c) agree, and prints the ratios against the goals:
  results / baseline <= 0.5, (import + results) / baseline <= 2.

Run: python bench/bench_tally.py [--repeat N]
"""

from __future__ import annotations

import argparse
import csv
import math
import random
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterable
from pathlib import Path

from reviewtui.assessment.importer import import_file
from reviewtui.assessment.tally import tally_store
from reviewtui.store import open_session

UNITS = 40
ITEMS = 5
GROUPS = 6
BALLOTS = 500
SCALE = [("好", 100.0), ("较好", 80.0), ("一般", 60.0), ("差", 40.0)]
ITEM_WEIGHTS = [1.0, 1.0, 2.0, 1.5, 0.5]
GROUP_WEIGHTS = [0.3, 0.2, 0.2, 0.1, 0.1, 0.1]
LEVELS = [("好", 90.0), ("较好", 80.0), ("一般", 60.0), ("差", 0.0)]
TRIM = 1
ONSITE_WEIGHT = 0.7


def unit_name(index: int) -> str:
    return f"第{index + 1:02d}镇党委"


def write_session(folder: Path) -> Path:
    lines = ["[meeting]", 'title = "基准测试会议"', 'date = "2017-02-24"', ""]
    for g in range(GROUPS):
        issued = BALLOTS // GROUPS + 1
        lines += [
            "[[groups]]",
            f'name = "类别{g + 1}"',
            f"weight = {GROUP_WEIGHTS[g]}",
            f"issued = {issued}",
            "",
        ]
    for u in range(UNITS):
        lines += ["[[units]]", f'name = "{unit_name(u)}"']
        lines += [f"daily = {80 + u % 20}.5"] if u % 2 == 0 else []
        lines.append("")
    items = ", ".join(
        f'{{ name = "项目{i + 1}", weight = {ITEM_WEIGHTS[i]} }}' for i in range(ITEMS)
    )
    lines += [
        "[assessment]",
        f"items = [ {items} ]",
        f"trim = {TRIM}",
        f"onsite_weight = {ONSITE_WEIGHT}",
        "",
    ]
    path = folder / "bench.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_ballots(folder: Path) -> Path:
    rng = random.Random(2017)
    path = folder / "ballots.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ballot", "group", "unit", "item", "value"])
        for b in range(1, BALLOTS + 1):
            group = f"类别{b % GROUPS + 1}"
            for u in range(UNITS):
                bias = u % 4  # units differ, so the ranking means something
                for i in range(ITEMS):
                    grade = SCALE[min(3, max(0, int(rng.gauss(bias * 0.6, 0.9))))][0]
                    writer.writerow([b, group, unit_name(u), f"项目{i + 1}", grade])
    return path


def baseline(path: Path) -> dict[str, dict]:
    """SPEC section 6, written the plain way: rows into dicts, then the formulas in order."""
    points = dict(SCALE)
    weights = {f"项目{i + 1}": ITEM_WEIGHTS[i] for i in range(ITEMS)}
    group_weights = {f"类别{g + 1}": GROUP_WEIGHTS[g] for g in range(GROUPS)}
    daily = {unit_name(u): 80 + u % 20 + 0.5 for u in range(UNITS) if u % 2 == 0}
    ballots: dict[str, dict] = {}
    with open(path, encoding="utf-8-sig", newline="") as handle:
        for row in csv.DictReader(handle):
            ballot = ballots.setdefault(row["ballot"], {"group": row["group"], "marks": {}})
            ballot["marks"][(row["unit"], row["item"])] = row["value"]

    scores: dict[str, dict[str, list[float]]] = defaultdict(lambda: defaultdict(list))
    grade_counts: dict[str, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for ballot in ballots.values():
        unit_scores = {}
        for unit in (unit_name(u) for u in range(UNITS)):
            total = weight_sum = 0.0
            for item, weight in weights.items():
                value = ballot["marks"].get((unit, item), "")
                if value in points:
                    total += weight * points[value]
                    weight_sum += weight
            if weight_sum:
                unit_scores[unit] = total / weight_sum
        if not unit_scores:
            continue  # an invalid ballot
        for unit, score in unit_scores.items():
            scores[unit][ballot["group"]].append(score)
        for (unit, _item), value in ballot["marks"].items():
            grade_counts[unit][value] += 1

    units = [unit_name(u) for u in range(UNITS)]
    return rank_units(units, scores, grade_counts, group_weights, daily)


def rank_units(
    units: Iterable[str],
    scores: dict[str, dict[str, list[float]]],
    grade_counts: dict[str, dict[str, int]],
    group_weights: dict[str, float],
    daily: dict[str, float],
) -> dict[str, dict]:
    """SPEC 6 from the valid ballots' unit scores on: group scores (trimmed), composite, final,
    good rate, rank and level, per unit."""
    finals: dict[str, float | None] = {}
    good_rates: dict[str, float | None] = {}
    for unit in units:
        weighted = weight_total = 0.0
        for group, values in scores[unit].items():
            values = sorted(values)
            if TRIM and len(values) >= 2 * TRIM + 3:
                values = values[TRIM:-TRIM]
            weighted += group_weights[group] * sum(values) / len(values)
            weight_total += group_weights[group]
        composite = weighted / weight_total if weight_total else None
        if composite is not None and unit in daily:
            finals[unit] = ONSITE_WEIGHT * composite + (1 - ONSITE_WEIGHT) * daily[unit]
        else:
            finals[unit] = composite
        counted = sum(grade_counts[unit].values())
        good_rates[unit] = grade_counts[unit]["好"] / counted if counted else None

    scored = [u for u in finals if finals[u] is not None]
    ordered = sorted(scored, key=lambda u: -round(finals[u], 2))
    results = {}
    for position, unit in enumerate(ordered, start=1):
        final = finals[unit]
        previous = ordered[position - 2] if position > 1 else None
        same = previous is not None and round(finals[previous], 2) == round(final, 2)
        rank = results[previous]["rank"] if same else position
        level = next((name for name, low in LEVELS if round(final, 2) >= low), None)
        results[unit] = {"final": final, "rank": rank, "level": level, "good": good_rates[unit]}
    return results


def best_of(repeat: int, run) -> tuple[float, object]:
    best = math.inf
    result = None
    for _ in range(repeat):
        start = time.perf_counter()
        result = run()
        best = min(best, time.perf_counter() - start)
    return best, result


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewtui-bench-") as tmp:
        folder = Path(tmp)
        session = write_session(folder)
        csv_path = write_ballots(folder)
        print(
            f"{UNITS} units, {ITEMS} graded items, {GROUPS} groups, {BALLOTS} ballots: "
            f"{UNITS * ITEMS * BALLOTS:,} marks, {csv_path.stat().st_size / 1e6:.1f} MB CSV"
        )

        t_base, expected = best_of(args.repeat, lambda: baseline(csv_path))

        t_import = math.inf
        store = None
        for attempt in range(args.repeat):
            if store is not None:
                store.close()
            db = folder / f"bench-{attempt}.db"
            store = open_session(session, db, write=True)
            start = time.perf_counter()
            result = import_file(store, csv_path)
            t_import = min(t_import, time.perf_counter() - start)
        assert store is not None and result.marks == UNITS * ITEMS * BALLOTS
        journal = store.conn.execute("SELECT count(*) FROM journal").fetchone()[0]

        t_results, results = best_of(args.repeat, lambda: tally_store(store))
        store.close()

        # The baseline and the project must agree, or the timing means nothing.
        for unit in results.units:  # type: ignore[attr-defined]
            want = expected[unit.unit]  # type: ignore[index]
            assert math.isclose(want["final"], unit.final, rel_tol=1e-9), (unit.unit, want)
            assert (want["rank"], want["level"]) == (unit.rank, unit.level), (unit.unit, want)
            assert math.isclose(want["good"], unit.good_rate), (unit.unit, want)

        print(f"journal rows written by the import: {journal:,}")
        print(f"(a) baseline tally of the CSV : {t_base * 1000:8.1f} ms")
        print(f"(b) import                    : {t_import * 1000:8.1f} ms")
        print(f"(c) results                   : {t_results * 1000:8.1f} ms")
        r1 = t_results / t_base
        r2 = (t_import + t_results) / t_base
        verdict = {True: "ok", False: "MISSED"}
        print(f"results / baseline            : {r1:8.2f}   (goal <= 0.5) {verdict[r1 <= 0.5]}")
        print(f"(import + results) / baseline : {r2:8.2f}   (goal <= 2)   {verdict[r2 <= 2]}")
        return 0 if r1 <= 0.5 and r2 <= 2 else 1


if __name__ == "__main__":
    sys.exit(main())
