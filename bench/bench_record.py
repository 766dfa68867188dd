"""Recording cost: 1,000 segments and questions through the core (`Meeting`, one journaled
transaction each) against raw sqlite3 inserts of the same rows with the same pragmas and the
same journal mode, one transaction each, in the same run.

    python bench/bench_record.py [--n 1000] [--mode rollback|wal-checkpoint]

`rollback` (the product's choice): the store's rollback journal (TRUNCATE) with synchronous=FULL.
`wal-checkpoint` (the alternative, for comparison): WAL with synchronous=FULL and a checkpoint
after every command. Either way the .db file alone holds every acknowledged record.

Goal: the core at most 2x the raw inserts.
"""

from __future__ import annotations

import argparse
import shutil
import sqlite3
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def through_core(folder: Path, n: int, mode: str) -> float:
    from reviewtui.meeting import Meeting
    from reviewtui.store import connect, open_session

    if mode == "wal-checkpoint":
        connect.JOURNAL_MODE = "WAL"  # the store then checkpoints after every command

    session = folder / "core.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", session)
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.next_item()
    start = time.perf_counter()
    for i in range(n // 2):
        meeting.start_report()
        meeting.start_question("党代表 张建国", f"问题 {i}")
    elapsed = time.perf_counter() - start
    store.close()
    return elapsed


def raw_inserts(folder: Path, n: int, mode: str) -> float:
    from reviewtui.store import JOURNAL_MODE

    conn = sqlite3.connect(folder / "raw.db", isolation_level=None)
    conn.execute(f"PRAGMA journal_mode = {'WAL' if mode == 'wal-checkpoint' else JOURNAL_MODE}")
    conn.execute("PRAGMA synchronous = FULL")
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute(
        "CREATE TABLE segments (id INTEGER PRIMARY KEY, item_id INTEGER, kind TEXT, speaker TEXT,"
        " text TEXT, started_at TEXT, ended_at TEXT)"
    )
    start = time.perf_counter()
    previous = None
    for i in range(n):
        now = time.strftime("%Y-%m-%dT%H:%M:%S+08:00")
        conn.execute("BEGIN IMMEDIATE")
        if previous is not None:  # starting a segment ends the running one, as in the core
            conn.execute("UPDATE segments SET ended_at = ? WHERE id = ?", (now, previous))
        kind = "report" if i % 2 == 0 else "question"
        previous = conn.execute(
            "INSERT INTO segments (item_id, kind, speaker, text, started_at) VALUES (1,?,?,?,?)",
            (kind, "党代表 张建国", f"问题 {i}", now),
        ).lastrowid
        conn.execute("COMMIT")
        if mode == "wal-checkpoint":
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)")
    elapsed = time.perf_counter() - start
    conn.close()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--n", type=int, default=1000)
    parser.add_argument("--mode", choices=["rollback", "wal-checkpoint"], default="rollback")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    raw = raw_inserts(folder, args.n, args.mode)
    core = through_core(folder, args.n, args.mode)
    print(f"journal: {args.mode}")
    print(f"raw sqlite3, {args.n} rows      : {raw * 1000:7.0f} ms (baseline)")
    print(
        f"core, {args.n} segments+questions: {core * 1000:7.0f} ms  ratio {core / raw:.2f}x "
        "(goal ≤ 2x)"
    )


if __name__ == "__main__":
    main()
