"""Every benchmark, one after another; each prints its figures as ratios against a baseline
measured in the same run (absolute times on a shared machine mislead).

    python bench/run_all.py
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
BENCHMARKS = [
    ("launch time and a 200-unit agenda", "bench_startup.py"),
    ("CPU of the live screen while a timer runs", "bench_live_cpu.py"),
    ("CPU of the projector", "bench_projector_cpu.py"),
    ("recording 1,000 segments and questions", "bench_record.py"),
    ("the 100,000-mark tally", "bench_tally.py"),
    ("the 100,000-mark tally with the invalid-form rules on", "bench_rules.py"),
    ("`results --json` on 100,000 marks vs a plain-Python tally", "bench_results_cli.py"),
    ("300 phone forms submitted at once to `collect` on loopback", "bench_phones.py"),
    ("fault injection: SIGKILLs through the core", "fault_inject.py"),
    ("fault injection: SIGKILLs through the real TUI in tmux", "tui_kills.py"),
]


def main() -> int:
    failed = 0
    for title, script in BENCHMARKS:
        print(f"\n== {title} ({script})", flush=True)
        if not (HERE / script).exists():
            print("   missing")
            failed += 1
            continue
        failed += subprocess.call([sys.executable, str(HERE / script)]) != 0
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
