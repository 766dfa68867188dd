"""CPU of the projector: a real `reviewtui projector` process following a running report (its
digits redrawn every second) for 10 s, against a bare Textual app that shows one line, both
launched the same way (a pseudo-terminal, 120x40, output drained) in the same run; and the
projector with nothing running (its polling alone). CPU time is read from /proc/<pid>/stat
(utime + stime) after a warm-up, so start-up is not counted.

    python bench/bench_projector_cpu.py [--seconds 10] [--warmup 3] [--size 120x40]

Goal: the projector ≤ 1% of a core. The ratio to the bare app says how much of that is ours.
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
        command = [PYTHON, "-m", "reviewtui", "projector"]
        projector = measure([*command, str(sample_db(folder, running=True))], **options)[0]
        idle = measure([*command, str(sample_db(folder, running=False))], **options)[0]
        baseline = measure([PYTHON, str(bare)], **options)[0]
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{size}, {options['seconds']:g} s each, % of one core (utime + stime)")
    print(f"projector, a report running (redrawn every second): {projector:.2f}%")
    print(f"projector, nothing running (polling only):          {idle:.2f}%")
    print(f"bare Textual app showing one line:                  {baseline:.2f}%")
    if baseline > 0:
        print(f"ratio projector / bare: {projector / baseline:.2f}x")
    else:  # below the clock-tick resolution of /proc: no ratio to give
        print("ratio projector / bare: n/a (the bare app used less than one clock tick)")
    verdict = "OK" if projector <= 1.0 else "OVER"
    print(f"goal ≤ 1% of a core: {verdict}")


if __name__ == "__main__":
    main()
