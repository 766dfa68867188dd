"""Kills through the real TUI: tests/tui/test_tui_kills.py (`reviewtui run` in tmux, driven by
keys, 5 SIGKILLs at random moments per run, every record shown before a kill checked in the
database after it), run several times with fresh seeds, and the counts summed.

    python bench/tui_kills.py [--runs 5]

Slow (~25 s a run) and timing-dependent, so CI leaves it to this script.
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
TEST = [sys.executable, "-m", "pytest", "-q", "-s", "-p", "no:randomly"]
TEST.append("tests/tui/test_tui_kills.py")
LINE = re.compile(r"seed (\d+): (\d+) kills, (\d+) shown records verified")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    env = {**os.environ, "REVIEWTUI_TUI_KILLS": "1"}
    env.pop("REVIEWTUI_KILL_SEED", None)  # a new seed each run
    passed = kills = records = 0
    for _ in range(args.runs):
        done = subprocess.run(
            TEST,
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
            check=False,
        )
        found = LINE.search(done.stdout)
        if done.returncode == 0 and found:
            passed += 1
            kills += int(found.group(2))
            records += int(found.group(3))
            print(f"  {found.group(0)}")
        else:
            print(f"  FAILED:\n{done.stdout[-2000:]}")
    print(
        f"TUI kill runs: {passed}/{args.runs} passed, {kills} SIGKILLs, "
        f"{records} shown records found in the database afterwards"
    )
    return 0 if passed == args.runs else 1


if __name__ == "__main__":
    sys.exit(main())
