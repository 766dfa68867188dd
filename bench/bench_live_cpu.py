"""CPU of the live screen: a real `reviewtui run` process showing a running report (the big
countdown redrawn every second; the tick looks at the clock four times a second and redraws only
when the shown second changes) for 10 s, against a bare Textual app that shows one line, both
launched the same way (a pseudo-terminal, output drained) in the same run. CPU time is read from
/proc/<pid>/stat (utime + stime) after a warm-up, so start-up is not counted.

    python bench/bench_live_cpu.py [--seconds 10] [--warmup 3] [--size 120x40]

Goal: the live screen ≤ 1% of one core. The ratio to the bare app says how much of that is ours.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import BARE_APP, measure  # noqa: E402


def running_report(folder: Path) -> Path:
    """The seed's meeting with 雁翅镇党委's report running (long enough never to run out); its
    writer closed again, so that `run` takes the database over and opens the live screen."""
    sys.path.insert(0, str(ROOT))
    from reviewtui.meeting import Meeting
    from reviewtui.store import open_session

    session = folder / "meeting.toml"
    text = (ROOT / "sessions" / "mentougou-2017.toml").read_text(encoding="utf-8")
    session.write_text(text.replace('report = "5:00"', 'report = "59:00"'), encoding="utf-8")
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.next_item()  # the chair's speech
    meeting.next_item()  # 雁翅镇党委
    meeting.start_report()
    store.close()
    return session.with_suffix(".db")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    options = {"seconds": args.seconds, "warmup": args.warmup, "size": (columns, rows)}

    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    try:
        bare = folder / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        db = running_report(folder)
        live, shown = measure(
            [PYTHON, "-m", "reviewtui", "run", str(db), "--lang", "en"],
            **options,
            expect=b"RUNNING",
        )
        baseline, _ = measure([PYTHON, str(bare)], **options, expect=b"BARE-READY")
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{args.size}, {args.seconds:g} s each, % of one core (utime + stime)")
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
