"""Bench: a copy of the `.db` alone, taken while a long `ballots import` runs or after it was
killed, is whole (issue 30.3, SPEC 3).

A meeting holds a note and a few ballots entered before the import (acknowledged records). A
60,000-ballot CSV is imported with the real command (`reviewtui ballots import`), in a child
process:
  (a) once to its end, the `.db` alone copied every --every seconds while it runs;
  (b) --kills times more, each killed (SIGKILL) at an evenly spread point of (a)'s run time,
      the `.db` alone copied right after the kill.
Each copy, alone in a folder of its own (no journal beside it), is opened as `results` would
(`Store.open_reader`) and checked: readable (opens, `PRAGMA integrity_check` ok), and records
present (the note and every ballot entered before the import; the import all or nothing).
The original, with its journal, is checked too: the next reader plays the journal back.
Prints the figures, and the child's peak memory (dirty pages stay in memory until COMMIT).

Run: python bench/bench_kill_copy.py [--ballots 60000] [--kills 9] [--every 0.5]
"""

from __future__ import annotations

import argparse
import csv
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from reviewtui.assessment import ballots
from reviewtui.store import Store, open_session

UNITS = ("雁翅镇党委", "城子街道工委", "王平镇党委")
GRADES = ("好", "较好", "一般", "差")
BEFORE = 5  # ballots entered before the import
NOTE = "导入前记下的说明"


def write_session(folder: Path, count: int) -> Path:
    lines = ["[meeting]", 'title = "断电拷贝测试"', 'date = "2017-02-24"', ""]
    for name in ("区级领导", "党代表"):
        lines += ["[[groups]]", f'name = "{name}"', f"issued = {count // 2 + BEFORE}", ""]
    for unit in UNITS:
        lines += ["[[units]]", f'name = "{unit}"', ""]
    path = folder / "m.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def write_ballots(folder: Path, count: int) -> Path:
    path = folder / "ballots.csv"
    with open(path, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ballot", "group", "unit", "item", "value"])
        for n in range(count):
            group = "区级领导" if n % 2 else "党代表"
            for u, unit in enumerate(UNITS):
                writer.writerow([f"I{n:06d}", group, unit, "总体评价", GRADES[(n + u) % 4]])
    return path


def make_meeting(folder: Path, count: int) -> Path:
    session = write_session(folder, count)
    store = open_session(session, write=True)
    try:
        with store.transaction("note") as tx:
            tx.insert("notes", {"item_id": 1, "text": NOTE, "updated_at": "2017-02-24T09:00"})
        for n in range(BEFORE):
            marks = {(unit, "总体评价"): GRADES[n % 4] for unit in UNITS}
            ballots.save(store, code=f"P{n:03d}", group="党代表", marks=marks)
    finally:
        store.close()
    return folder / "m.db"


def check(db: Path, count: int) -> tuple[bool, bool, int]:
    """(readable, records present, ballots): opened as a reader would, in a folder of its own."""
    try:
        store = Store.open_reader(db)
    except Exception:
        return False, False, 0
    try:
        ok = store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        note = store.row("SELECT text FROM notes WHERE item_id = 1")
        codes = {r["code"] for r in store.rows("SELECT code FROM ballots")}
        present = (
            note is not None
            and note["text"] == NOTE
            and {f"P{n:03d}" for n in range(BEFORE)} <= codes
            and len(codes) in (BEFORE, BEFORE + count)  # all or nothing
        )
        return ok, ok and present, len(codes)
    except Exception:
        return False, False, 0
    finally:
        store.close()


def lone_copy(db: Path, folder: Path, name: str) -> Path:
    target = folder / name
    target.mkdir()
    shutil.copyfile(db, target / db.name)  # the .db alone, as staff copy it
    return target / db.name


def start_import(db: Path, csv_path: Path) -> subprocess.Popen[bytes]:
    command = [sys.executable, "-m", "reviewtui", "ballots", "import", str(db), str(csv_path)]
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--ballots", type=int, default=60_000)
    parser.add_argument("--kills", type=int, default=9)
    parser.add_argument("--every", type=float, default=0.5)
    args = parser.parse_args()
    work = Path(tempfile.mkdtemp(prefix="bench-kill-copy-"))
    try:
        base = make_meeting_in(work, args.ballots)
        csv_path = write_ballots(work, args.ballots)
        copies = work / "copies"
        copies.mkdir()

        # (a) one full run, copies taken while it runs
        run = work / "full"
        run.mkdir()
        db = run / "m.db"
        shutil.copyfile(base, db)
        during: list[tuple[float, bool, bool, int]] = []
        started = time.monotonic()
        child = start_import(db, csv_path)
        while child.poll() is None:
            time.sleep(args.every)
            at = time.monotonic() - started
            copy = lone_copy(db, copies, f"during-{len(during)}")
            during.append((at, *check(copy, args.ballots)))
        took = time.monotonic() - started
        err = child.stderr.read().decode() if child.stderr else ""
        if child.returncode != 0:
            sys.exit(f"the import failed: {err}")
        whole = check(db, args.ballots)

        # (b) killed at evenly spread points of that run
        killed: list[tuple[float, bool, bool, int, bool, int]] = []
        for k in range(1, args.kills + 1):
            run = work / f"kill-{k}"
            run.mkdir()
            db = run / "m.db"
            shutil.copyfile(base, db)
            at = took * k / (args.kills + 1)
            child = start_import(db, csv_path)
            time.sleep(at)
            child.send_signal(signal.SIGKILL)
            child.wait()
            copy = lone_copy(db, copies, f"kill-{k}")
            readable, present, count = check(copy, args.ballots)
            original = check(db, args.ballots)  # with its journal: the reader plays it back
            killed.append((at, readable, present, count, original[1], original[2]))
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    finally:
        shutil.rmtree(work, ignore_errors=True)

    marks = args.ballots * len(UNITS)
    print(f"import of {args.ballots:,} ballots ({marks:,} marks): {took:.1f} s; after it: "
          f"readable {whole[0]}, records present {whole[1]}, ballots {whole[2]:,}")  # fmt: skip
    print("\ncopies of the .db alone taken while the import ran:")
    for at, readable, present, count in during:
        print(f"  at {at:5.1f} s: readable {readable!s:5}  records present {present!s:5}  "
              f"ballots {count:,}")  # fmt: skip
    print("\nkilled (SIGKILL), then the .db alone copied:")
    for at, readable, present, count, recovered, after in killed:
        print(f"  at {at:5.1f} s: readable {readable!s:5}  records present {present!s:5}  "
              f"ballots {count:,}; the original with its journal: records present "
              f"{recovered!s:5} ballots {after:,}")  # fmt: skip
    all_copies = [(r, p) for _, r, p, _ in during] + [(r, p) for _, r, p, *_ in killed]
    print(f"\ncopies readable: {sum(r for r, _ in all_copies)}/{len(all_copies)}; "
          f"records present: {sum(p for _, p in all_copies)}/{len(all_copies)}; "
          f"originals recovered: {sum(k[4] for k in killed)}/{len(killed)}")  # fmt: skip
    print(f"peak memory of a child (import or reader): {peak:.0f} MB")
    failed = len(all_copies) - sum(p for _, p in all_copies)
    if failed:
        sys.exit(1)


def make_meeting_in(work: Path, count: int) -> Path:
    folder = work / "base"
    folder.mkdir(exist_ok=True)
    return make_meeting(folder, count)


if __name__ == "__main__":
    main()
