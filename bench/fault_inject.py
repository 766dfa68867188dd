"""Fault injection: a scripted meeting driven through the core, killed with SIGKILL at random
moments. After every kill the database must pass `integrity_check` and hold every record the
script had acknowledged (printed) before the kill; the restart must take the writer lock over.

    python bench/fault_inject.py [--kills 50] [--seed 1]

The child prints one JSON line per command *after* the command returned, i.e. after its commit:
that line is the "shown on screen" moment. Anything printed must survive the kill.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def child(session: str, seed: int) -> None:
    """Drive the meeting forever, acknowledging each committed command on stdout."""
    from reviewtui.meeting import Meeting
    from reviewtui.store import open_session

    deadline = time.monotonic() + 10
    while True:  # the killed writer's lock must be retakeable at once
        try:
            store = open_session(session, write=True)
            break
        except Exception:
            if time.monotonic() > deadline:
                raise
            time.sleep(0.01)
    meeting = Meeting(store)
    rng = random.Random(seed)
    if meeting.current_item() is None:
        meeting.next_item()
    step = 0
    while True:
        step += 1
        op = rng.choice(
            ["report", "question", "answer", "comment", "pause", "end", "note", "edit", "next"]
        )
        ack: dict[str, object] = {"op": op}
        if op == "report":
            ack["id"] = meeting.start_report().id
        elif op == "question":
            text = f"问题 {seed}-{step}"
            ack["id"] = meeting.start_question("党代表 张建国", text).id
            ack["text"] = text
        elif op == "answer":
            segment = meeting.start_answer()
            ack["id"] = segment.id if segment else None
        elif op == "comment":
            text = f"点评 {seed}-{step}"
            ack["id"] = meeting.start_comment(text=text).id
            ack["text"] = text
        elif op == "pause":
            meeting.toggle_pause()
        elif op == "end":
            meeting.end_segment()
        elif op == "note":
            item = meeting.current_item()
            if item is not None:
                text = f"主要举措 {seed}-{step}"
                meeting.set_note(item.id, text)
                ack.update(item=item.id, text=text)
        elif op == "edit":
            running = meeting.running()
            if running is not None:
                text = f"更正 {seed}-{step}"
                meeting.edit_segment(running.id, text=text)
                ack.update(id=running.id, text=text)
        elif op == "next":
            item = meeting.next_item()
            if item is None:  # the agenda is done: start over from the top
                meeting.open_item(meeting.items()[0].id)
        print(json.dumps(ack, ensure_ascii=False), flush=True)


def verify(db: Path, acks: list[dict]) -> list[str]:
    """Problems found: integrity, and acknowledged records that are not in the database."""
    problems: list[str] = []
    if not db.exists():  # killed before the database was made: then nothing was acknowledged
        return ["database missing after acknowledgements"] if acks else []
    conn = sqlite3.connect(db)
    if conn.execute("PRAGMA integrity_check").fetchone()[0] != "ok":
        problems.append("integrity_check failed")
    journal = [row[0] or "" for row in conn.execute("SELECT new FROM journal")]
    segment_ids = {row[0] for row in conn.execute("SELECT id FROM segments")}
    texts = "\n".join(journal)
    for ack in acks:
        started = ack["op"] in ("report", "question", "answer", "comment")
        if started and ack.get("id") and ack["id"] not in segment_ids:
            problems.append(f"segment {ack['id']} ({ack['op']}) acknowledged but missing")
        if "text" in ack and json.dumps(ack["text"], ensure_ascii=False)[1:-1] not in texts:
            problems.append(f"text {ack['text']!r} acknowledged but not journaled")
    conn.close()
    return problems


def run(
    kills: int, seed: int, quiet: bool = False, after_first_ack: bool = False
) -> dict[str, int]:
    """`after_first_ack`: each kill comes a random moment after the child's first
    acknowledgement, not a fixed time after its start (a test must not depend on the machine's
    speed: under load the child may not have started writing within any fixed time)."""
    rng = random.Random(seed)
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-fault-"))
    session = folder / "small.toml"
    session.write_bytes((ROOT / "sessions" / "small.toml").read_bytes())
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    acked_total = 0
    failures = 0
    all_acks: list[dict] = []
    for round_ in range(kills):
        proc = subprocess.Popen(
            [sys.executable, __file__, "--child", str(session), "--seed", str(seed + round_)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            env=env,
            text=True,
        )
        first = ""
        if after_first_ack:
            assert proc.stdout is not None
            for line in iter(proc.stdout.readline, ""):  # "" : it ended, acknowledging none
                first += line
                if line.startswith("{"):
                    break
            time.sleep(rng.uniform(0.0, 0.3))
        else:  # a random moment: sometimes at start-up, mostly mid-write
            time.sleep(rng.uniform(0.05, 0.6))
        proc.send_signal(signal.SIGKILL)
        out, err = proc.communicate()
        out = first + out
        acks = [json.loads(line) for line in out.splitlines() if line.startswith("{")]
        all_acks += acks
        acked_total += len(acks)
        problems = verify(session.with_suffix(".db"), all_acks)
        if "Traceback" in err:
            problems.append("child traceback: " + err.strip().splitlines()[-1])
        if problems:
            failures += 1
            if not quiet:
                print(f"round {round_}: " + "; ".join(problems[:3]))
    result = {"kills": kills, "acknowledged": acked_total, "failed_rounds": failures}
    if not quiet:
        print(
            f"{kills} SIGKILLs at random moments; {acked_total:,} commands acknowledged before "
            f"them; after each restart integrity_check ok and every acknowledged record there: "
            f"{kills - failures}/{kills} rounds"
        )
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--kills", type=int, default=50)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--child", metavar="SESSION")
    args = parser.parse_args()
    if args.child:
        child(args.child, args.seed)
    else:
        result = run(args.kills, args.seed)
        sys.exit(1 if result["failed_rounds"] else 0)


if __name__ == "__main__":
    main()
