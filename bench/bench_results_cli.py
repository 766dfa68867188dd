"""Benchmark: `reviewtui results DB --json` as a user runs it, against a plain-Python tally of the
same ballots as a CSV, each a whole process started the same way in the same run.

100,000 marks (bench_tally's meeting: 40 units, 5 graded items, 6 groups, 500 ballots). The
reference is the script in REFERENCE below, run with the same interpreter: the csv module, rows
into dicts, per-group means with trimming, group and item weights, the daily blend (SPEC section
6 basics). Its figures are checked against the command's JSON, so both do the same work.

Goal: results / reference <= 0.5.

Run: python bench/bench_results_cli.py [--repeat N]
"""

from __future__ import annotations

import argparse
import compileall
import json
import math
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_tally import (
    GROUP_WEIGHTS,
    GROUPS,
    ITEM_WEIGHTS,
    ITEMS,
    ONSITE_WEIGHT,
    SCALE,
    TRIM,
    UNITS,
    unit_name,
    write_ballots,
    write_session,
)

GOAL = 0.5

# The plain way, as someone would write it in an afternoon; the constants are filled in below.
REFERENCE = """
import csv, json, sys
from collections import defaultdict

POINTS = dict(SCALE)
ITEM_W = ITEM_WEIGHTS_BY_NAME
GROUP_W = GROUP_WEIGHTS_BY_NAME
DAILY = DAILY_BY_UNIT
units = UNIT_NAMES
ballots = {}
with open(sys.argv[1], encoding="utf-8-sig", newline="") as handle:
    for row in csv.DictReader(handle):
        ballot = ballots.setdefault(row["ballot"], {"group": row["group"], "marks": {}})
        ballot["marks"][(row["unit"], row["item"])] = row["value"]
scores = defaultdict(lambda: defaultdict(list))
for ballot in ballots.values():
    for unit in units:
        total = weight_sum = 0.0
        for item, weight in ITEM_W.items():
            value = ballot["marks"].get((unit, item))
            if value in POINTS:
                total += weight * POINTS[value]
                weight_sum += weight
        if weight_sum:
            scores[unit][ballot["group"]].append(total / weight_sum)
out = []
for unit in units:
    weighted = weight_total = 0.0
    for group, values in scores[unit].items():
        values = sorted(values)
        if TRIM and len(values) >= 2 * TRIM + 3:
            values = values[TRIM:-TRIM]
        weighted += GROUP_W[group] * sum(values) / len(values)
        weight_total += GROUP_W[group]
    final = weighted / weight_total
    if unit in DAILY:
        final = ONSITE_WEIGHT * final + (1 - ONSITE_WEIGHT) * DAILY[unit]
    out.append({"unit": unit, "final": final})
out.sort(key=lambda u: -u["final"])
sys.stdout.write(json.dumps({"units": out}, ensure_ascii=False, indent=2) + "\\n")
"""


def reference_script(folder: Path) -> Path:
    constants = {
        "SCALE": repr(SCALE),
        "ITEM_WEIGHTS_BY_NAME": repr({f"项目{i + 1}": ITEM_WEIGHTS[i] for i in range(ITEMS)}),
        "GROUP_WEIGHTS_BY_NAME": repr({f"类别{g + 1}": GROUP_WEIGHTS[g] for g in range(GROUPS)}),
        "DAILY_BY_UNIT": repr(
            {unit_name(u): 80 + u % 20 + 0.5 for u in range(UNITS) if u % 2 == 0}
        ),
        "UNIT_NAMES": repr([unit_name(u) for u in range(UNITS)]),
        "ONSITE_WEIGHT": repr(ONSITE_WEIGHT),
        "TRIM": repr(TRIM),
    }
    text = REFERENCE
    for name in sorted(constants, key=len, reverse=True):  # longest first: no partial matches
        text = text.replace(name, constants[name])
    path = folder / "reference_tally.py"
    path.write_text(text, encoding="utf-8")
    return path


def command() -> list[str]:
    """`reviewtui` as installed beside this interpreter, else `python -m reviewtui`."""
    script = Path(sys.executable).with_name("reviewtui")
    return [str(script)] if script.exists() else [sys.executable, "-m", "reviewtui"]


def timed(argv: list[str], repeat: int) -> tuple[float, str]:
    env = {**os.environ, "LANG": "C.UTF-8"}
    best, output = math.inf, ""
    for _ in range(repeat):
        start = time.perf_counter()
        done = subprocess.run(argv, capture_output=True, text=True, env=env, check=False)
        elapsed = time.perf_counter() - start
        if done.returncode != 0:
            raise SystemExit(f"{argv} exited {done.returncode}: {done.stderr}")
        best, output = min(best, elapsed), done.stdout
    return best, output


def build_database(folder: Path) -> tuple[Path, Path]:
    from reviewtui.assessment.importer import import_file
    from reviewtui.store import open_session

    session = write_session(folder)
    csv_path = write_ballots(folder)
    db = folder / "bench.db"
    store = open_session(session, db, write=True)
    try:
        import_file(store, csv_path)
    finally:
        store.close()
    return db, csv_path


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5, help="runs per timing (best is kept)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="reviewtui-bench-") as tmp:
        folder = Path(tmp)
        # An installed package has its bytecode compiled by pip; a checkout run with
        # PYTHONDONTWRITEBYTECODE would compile reviewtui from source at every launch instead.
        compileall.compile_dir(Path(__file__).resolve().parent.parent / "reviewtui", quiet=1)
        db, csv_path = build_database(folder)
        reference = reference_script(folder)
        # Interleave warm-ups so neither side is timed on a cold file cache.
        timed([sys.executable, str(reference), str(csv_path)], 1)
        timed([*command(), "results", str(db), "--json"], 1)
        t_ref, ref_out = timed([sys.executable, str(reference), str(csv_path)], args.repeat)
        t_cli, cli_out = timed([*command(), "results", str(db), "--json"], args.repeat)

        want = {u["unit"]: u["final"] for u in json.loads(ref_out)["units"]}
        got = {u["unit"]: u["final"] for u in json.loads(cli_out)["units"]}
        assert want.keys() == got.keys()
        for unit, final in want.items():
            assert math.isclose(final, got[unit], rel_tol=1e-9), (unit, final, got[unit])

        ratio = t_cli / t_ref
        verdict = "ok" if ratio <= GOAL else "MISSED"
        print(f"{UNITS * ITEMS * 500:,} marks; best of {args.repeat}, whole processes")
        print(f"reference: python tally of the CSV     : {t_ref * 1000:8.1f} ms")
        print(f"reviewtui results DB --json            : {t_cli * 1000:8.1f} ms")
        print(f"results / reference                    : {ratio:8.2f}   (goal <= {GOAL}) {verdict}")
        return 0 if ratio <= GOAL else 1


if __name__ == "__main__":
    sys.exit(main())
