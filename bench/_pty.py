"""What the benchmarks share: a bare Textual app as the baseline, and running a program in a
pseudo-terminal while measuring its CPU from /proc/<pid>/stat."""

from __future__ import annotations

import fcntl
import os
import pty
import select
import signal
import struct
import sys
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
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
    """utime + stime of `pid`, in seconds (fields 14 and 15 of proc(5))."""
    with open(f"/proc/{pid}/stat", encoding="ascii") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS


def measure(
    argv: list[str],
    *,
    seconds: float,
    warmup: float,
    size: tuple[int, int],
    expect: bytes = b"",
) -> tuple[float, bool]:
    """(% of one core used by `argv` over `seconds` after `warmup`, whether `expect` was seen)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "en_US.UTF-8")
        os.environ.pop("NO_COLOR", None)
        os.execv(argv[0], argv)
    columns, rows = size
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", rows, columns, 0, 0))
    seen = bytearray()

    def drain(until: float) -> None:  # a terminal reads what the app writes, or the app blocks
        while (left := until - time.monotonic()) > 0:
            ready, _, _ = select.select([fd], [], [], min(left, 0.1))
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    return
                if len(seen) < 1_000_000:
                    seen.extend(chunk)

    try:
        drain(time.monotonic() + warmup)
        before, start = cpu_seconds(pid), time.monotonic()
        drain(start + seconds)
        used, wall = cpu_seconds(pid) - before, time.monotonic() - start
        return 100.0 * used / wall, expect in seen
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def cpu_options(description: str) -> tuple[str, dict[str, object]]:
    """The CPU benchmarks' command line: (the size as given, options for `measure`)."""
    import argparse

    parser = argparse.ArgumentParser(description=description)
    parser.add_argument("--seconds", type=float, default=10.0)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--size", default="120x40")
    args = parser.parse_args()
    columns, rows = (int(n) for n in args.size.split("x"))
    return args.size, {"seconds": args.seconds, "warmup": args.warmup, "size": (columns, rows)}


def sample_db(folder: Path, *, running: bool) -> Path:
    """The seed's meeting as a database: with 雁翅镇党委's report running (long enough never to run
    out) or nothing started yet; its writer closed again, so another process can take it over."""
    sys.path.insert(0, str(ROOT))
    from reviewtui.meeting import Meeting
    from reviewtui.store import open_session

    session = folder / ("running.toml" if running else "idle.toml")
    text = (ROOT / "sessions" / "mentougou-2017.toml").read_text(encoding="utf-8")
    session.write_text(text.replace('report = "5:00"', 'report = "59:00"'), encoding="utf-8")
    store = open_session(session, write=True)
    if running:
        meeting = Meeting(store)
        meeting.next_item()  # the chair's speech
        meeting.next_item()  # 雁翅镇党委
        meeting.start_report()
    store.close()
    return session.with_suffix(".db")
