"""CPU of the projector: a real `reviewtui projector` process following a running report (its
digits redrawn every second) for 10 s, against a bare Textual app that shows one line, both
launched the same way (a pseudo-terminal, 120x40, output drained) in the same run; and the
projector with nothing running (its polling alone). CPU time is read from /proc/<pid>/stat
(utime + stime) after a warm-up, so start-up is not counted.

    python bench/bench_projector_cpu.py [--seconds 10] [--warmup 3] [--size 120x40]

Goal: the projector ≤ 1% of a core. The ratio to the bare app says how much of that is ours.
"""

from __future__ import annotations

import argparse
import fcntl
import os
import pty
import select
import shutil
import signal
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable
TICKS = os.sysconf("SC_CLK_TCK")

BARE_APP = """
from textual.app import App
from textual.widgets import Static

class Bare(App):
    def compose(self):
        yield Static("BARE-READY")

Bare().run()
"""


def cpu_seconds(pid: int) -> float:
    """utime + stime of `pid`, in seconds."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # fields 14 and 15 of proc(5)


def measure(argv: list[str], *, seconds: float, warmup: float, size: tuple[int, int]) -> float:
    """Percent of one core used by `argv` over `seconds`, after `warmup`, in a pseudo-terminal."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "en_US.UTF-8")
        os.execv(argv[0], argv)
    columns, rows = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))

    def drain(until: float) -> None:  # a terminal reads what the app writes, or the app blocks
        while (left := until - time.monotonic()) > 0:
            ready, _, _ = select.select([fd], [], [], min(left, 0.1))
            if ready:
                try:
                    os.read(fd, 65536)
                except OSError:
                    return

    try:
        drain(time.monotonic() + warmup)
        before, start = cpu_seconds(pid), time.monotonic()
        drain(start + seconds)
        used, wall = cpu_seconds(pid) - before, time.monotonic() - start
        return 100.0 * used / wall
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def meeting_db(folder: Path, *, running: bool) -> Path:
    """A meeting database, a long report running in it or nothing yet, its writer gone."""
    sys.path.insert(0, str(ROOT))
    from reviewtui.meeting import Meeting
    from reviewtui.store import open_session

    session = folder / ("running.toml" if running else "idle.toml")
    text = (ROOT / "sessions" / "mentougou-2017.toml").read_text(encoding="utf-8")
    session.write_text(text.replace('report = "5:00"', 'report = "59:00"'), encoding="utf-8")
    store = open_session(session, write=True)
    if running:
        meeting = Meeting(store)
        meeting.next_item()
        meeting.next_item()
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

    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    try:
        bare = folder / "bare.py"
        bare.write_text(BARE_APP, encoding="utf-8")
        options = {"seconds": args.seconds, "warmup": args.warmup, "size": (columns, rows)}
        command = [PYTHON, "-m", "reviewtui", "projector"]
        projector = measure([*command, str(meeting_db(folder, running=True))], **options)
        idle = measure([*command, str(meeting_db(folder, running=False))], **options)
        baseline = measure([PYTHON, str(bare)], **options)
    finally:
        shutil.rmtree(folder, ignore_errors=True)

    print(f"{args.size}, {args.seconds:g} s each, % of one core (utime + stime)")
    print(f"projector, a report running (redrawn every second): {projector:.2f}%")
    print(f"projector, nothing running (polling only):          {idle:.2f}%")
    print(f"bare Textual app showing one line:                  {baseline:.2f}%")
    ratio = projector / baseline if baseline > 0 else float("inf")
    print(f"ratio projector / bare: {ratio:.2f}x")
    verdict = "OK" if projector <= 1.0 else "OVER"
    print(f"goal ≤ 1% of a core: {verdict}")


if __name__ == "__main__":
    main()
