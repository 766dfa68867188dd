"""CPU of the live screen: a real `reviewtui run` process showing a running report (the big
countdown redrawn every second; the tick looks at the clock four times a second and redraws only
when the shown second changes) for 10 s, against a bare Textual app that shows one line, both
launched the same way (a pseudo-terminal, output drained) in the same run. CPU time is read from
/proc/<pid>/stat (utime + stime) after a warm-up, so start-up is not counted.

    python bench/bench_live_cpu.py [--seconds 10] [--warmup 3] [--size 120x40]

Goal: the live screen ≤ 1% of one core. The ratio to the bare app says how much of that is ours.
"""

from __future__ import annotations

import shutil
import sys
import tempfile
from pathlib import Path

PYTHON = sys.executable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import BARE_APP, cpu_options, measure, sample_db  # noqa: E402


def main() -> None:
    size, options = cpu_options(__doc__.splitlines()[0])

    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    try:
        bare = folder / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        db = sample_db(folder, running=True)
        live, shown = measure(
            [PYTHON, "-m", "reviewtui", "run", str(db), "--lang", "en"],
            **options,
            expect=b"RUNNING",
        )
        baseline, _ = measure([PYTHON, str(bare)], **options, expect=b"BARE-READY")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{size}, {options['seconds']:g} s each, % of one core (utime + stime)")
    print(f"live screen, a report running (redrawn every second): {live:.2f}%")
    print(f"bare Textual app showing one line:                    {baseline:.2f}%")
    if baseline > 0:
        print(f"ratio live / bare: {live / baseline:.2f}x")
    else:  # below the clock-tick resolution of /proc: no ratio to give
        print("ratio live / bare: n/a (the bare app used less than one clock tick)")
    if not shown:
        print("warning: the live screen was not seen in the app's output")
    print(f"goal ≤ 1% of a core: {'OK' if live <= 1.0 else 'OVER'}")


if __name__ == "__main__":
    main()
