"""Launch time: from starting `reviewtui run` to its first screen, against a bare Textual app
that shows one line, both launched the same way (a pseudo-terminal, 120x40) in the same run.
Also a 200-unit agenda against the 12-unit sample: first screen, and scrolling to its end.

    python bench/bench_startup.py [--rounds 5]

Goals: run ≤ 1.25x the bare app; 200 units ≤ 1.5x the sample meeting.
"""

from __future__ import annotations

import argparse
import asyncio
import fcntl
import os
import pty
import select
import shutil
import signal
import statistics
import struct
import sys
import tempfile
import termios
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import BARE_APP  # noqa: E402


def time_to_text(
    argv: list[str], marker: str, *, keys: bytes = b"", then: str = "", timeout: float = 30.0
) -> float:
    """Seconds from fork to `marker` on the screen (and, with `keys`, to `then` after them)."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "en_US.UTF-8")
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    buffer = b""
    target = marker.encode()
    sent = False
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                buffer += chunk
                if target in buffer:
                    if not keys:
                        return time.perf_counter() - start
                    if not sent:
                        os.write(fd, keys)
                        sent, buffer, target = True, b"", then.encode()
        tail = buffer[-600:].decode("utf-8", "replace")
        raise TimeoutError(f"{target.decode()!r} never shown by {argv}: ...{tail!r}")
    finally:
        os.kill(pid, signal.SIGKILL)
        os.waitpid(pid, 0)
        os.close(fd)


def session_with_units(count: int, folder: Path) -> Path:
    lines = [
        "[meeting]",
        'title = "Benchmark meeting"',
        'date = "2017-02-24"',
        "",
        "[[leaders]]",
        'name = "L"',
        "",
    ]
    for n in range(count):
        mode = "onsite" if n % 2 == 0 else "written"
        lines += ["[[units]]", f'name = "单位{n:03d}"', f'mode = "{mode}"', 'commenter = "L"', ""]
    path = folder / f"units{count}.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


def fresh(session: Path, folder: Path) -> Path:
    copy = folder / f"{time.perf_counter_ns()}-{session.name}"
    shutil.copyfile(session, copy)
    return copy


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    bare = folder / "bare.py"
    bare.write_text(BARE_APP)
    sample = ROOT / "sessions" / "mentougou-2017.toml"
    big = session_with_units(200, folder)
    # A database per launch would time its creation too; create each once, then run on the .db.
    dbs = {}
    for name, session in (("sample", sample), ("big", big)):
        copy = fresh(session, folder)
        env_cmd = [
            PYTHON,
            "-c",
            f"from reviewtui.store import open_session; "
            f"open_session({str(copy)!r}, write=False).close()",
        ]
        os.spawnv(os.P_WAIT, PYTHON, env_cmd)
        dbs[name] = copy.with_suffix(".db")
    run = [PYTHON, "-m", "reviewtui", "run", "--lang", "en"]
    times: dict[str, list[float]] = {"bare": [], "run": [], "big": []}
    for _ in range(args.rounds):  # interleaved, so machine noise hits all alike
        times["bare"].append(time_to_text([PYTHON, str(bare)], "BARE-READY"))
        times["run"].append(time_to_text([*run, str(dbs["sample"])], "大台街道工委"))
        times["big"].append(time_to_text([*run, str(dbs["big"])], "单位000"))
    scroll = asyncio.run(scroll_times(dbs, args.rounds))
    med = {k: statistics.median(v) for k, v in times.items()}
    print(f"bare Textual app, first screen : {med['bare'] * 1000:7.0f} ms (baseline)")
    print(
        f"reviewtui run, first screen    : {med['run'] * 1000:7.0f} ms  "
        f"ratio {med['run'] / med['bare']:.2f}x  (goal ≤ 1.25x)"
    )
    print(
        f"200-unit agenda, first screen  : {med['big'] * 1000:7.0f} ms  "
        f"ratio {med['big'] / med['run']:.2f}x vs the 12-unit sample  (goal ≤ 1.5x)"
    )
    print(
        f"scrolling the agenda top→end→top, 200 units vs sample: "
        f"{scroll['big'] * 1000:.1f} ms vs {scroll['sample'] * 1000:.1f} ms, "
        f"ratio {scroll['big'] / scroll['sample']:.2f}x  (goal ≤ 1.5x)"
    )


async def scroll_times(dbs: dict[str, Path], rounds: int) -> dict[str, float]:
    """Median seconds for the agenda to take `ctrl+end` then `ctrl+home` (in process)."""
    from reviewtui.store import Store
    from reviewtui.tui.app import ReviewApp

    result: dict[str, list[float]] = {"sample": [], "big": []}
    for _ in range(rounds):
        for name, db in dbs.items():
            store = Store.open_writer(db)
            app = ReviewApp(store)
            async with app.run_test(size=(120, 40)) as pilot:
                await pilot.pause()
                start = time.perf_counter()
                for key in ("ctrl+end", "ctrl+home") * 5:
                    await pilot.press(key)
                    await pilot.pause()
                result[name].append(time.perf_counter() - start)
            store.close()
    return {k: statistics.median(v) for k, v in result.items()}


if __name__ == "__main__":
    main()
