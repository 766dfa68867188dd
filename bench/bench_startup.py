"""Launch time: from starting `reviewtui run` to its first screen, against a bare Textual app
that shows one line, both launched the same way (a pseudo-terminal, 120x40) in the same run.
The first screen counts as shown once its table and its key bar are both drawn. Also a 200-unit
agenda against a 12-unit one: first screen, and scrolling to its end and back.

    python bench/bench_startup.py [--rounds 7]

Goals: run ≤ 1.25x the bare app; 200 units ≤ 1.5x 12 units.
"""

from __future__ import annotations

import argparse
import asyncio
import compileall
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


def time_to_text(argv: list[str], markers: tuple[str, ...], *, timeout: float = 30.0) -> float:
    """Seconds from fork until every one of `markers` has been drawn on the screen."""
    pid, fd = pty.fork()
    if pid == 0:
        os.environ["TERM"] = "xterm-256color"
        os.environ.setdefault("LANG", "en_US.UTF-8")
        os.execv(argv[0], argv)
    fcntl.ioctl(fd, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
    start = time.perf_counter()
    buffer = b""
    targets = [marker.encode() for marker in markers]
    try:
        while time.perf_counter() - start < timeout:
            ready, _, _ = select.select([fd], [], [], 0.05)
            if ready:
                try:
                    chunk = os.read(fd, 65536)
                except OSError:
                    break
                buffer += chunk
                if all(target in buffer for target in targets):
                    return time.perf_counter() - start
        tail = buffer[-600:].decode("utf-8", "replace")
        raise TimeoutError(f"{markers!r} never all shown by {argv}: ...{tail!r}")
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
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    # An installed package has its bytecode compiled by pip, as Textual's has; a checkout run
    # with PYTHONDONTWRITEBYTECODE would compile reviewtui from source at every launch instead.
    compileall.compile_dir(ROOT / "reviewtui", quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    bare = folder / "bare.py"
    bare.write_text(BARE_APP)
    sessions = {
        "sample": ROOT / "sessions" / "mentougou-2017.toml",
        "twelve": session_with_units(12, folder),
        "big": session_with_units(200, folder),
    }
    # A database per launch would time its creation too; create each once, then run on the .db.
    dbs = {}
    for name, session in sessions.items():
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
    # The first screen is whole when its last written unit and its keys are drawn.
    keys = "Commands"  # the palette key, last on the key bar
    times: dict[str, list[float]] = {"bare": [], "sample": [], "twelve": [], "big": []}
    for _ in range(args.rounds):  # interleaved, so machine noise hits all alike
        times["bare"].append(time_to_text([PYTHON, str(bare)], ("BARE-READY",)))
        times["sample"].append(time_to_text([*run, str(dbs["sample"])], ("大台街道工委", keys)))
        times["twelve"].append(time_to_text([*run, str(dbs["twelve"])], ("单位011", keys)))
        times["big"].append(time_to_text([*run, str(dbs["big"])], ("单位000", keys)))
    pair = {k: dbs[k] for k in ("twelve", "big")}
    # At 120x12 both agendas scroll; at 120x40 the 12 units fit, and `ctrl+end` only moves the
    # cursor there while the 200 units redraw every row in view.
    scroll = asyncio.run(scroll_times(pair, args.rounds, (120, 12)))
    tall = asyncio.run(scroll_times(pair, args.rounds, (120, 40)))
    med = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    print(f"bare Textual app, first screen   : {med['bare'] * 1000:7.0f} ms (baseline)")
    print(
        f"reviewtui run, sample meeting    : {med['sample'] * 1000:7.0f} ms  "
        f"ratio {med['sample'] / med['bare']:.2f}x, fastest runs "
        f"{best['sample'] / best['bare']:.2f}x  (goal ≤ 1.25x)"
    )
    print(
        f"200-unit agenda, first screen    : {med['big'] * 1000:7.0f} ms  "
        f"ratio {med['big'] / med['twelve']:.2f}x vs 12 units "
        f"({med['twelve'] * 1000:.0f} ms)  (goal ≤ 1.5x)"
    )
    print(
        f"scrolling top→end→top ×5 (CPU), 120x12, 200 units vs 12: "
        f"{scroll['big'] * 1000:.1f} ms vs {scroll['twelve'] * 1000:.1f} ms, "
        f"ratio {scroll['big'] / scroll['twelve']:.2f}x  (goal ≤ 1.5x)"
    )
    print(
        f"  the same at 120x40, where the 12 units need no scrolling: "
        f"{tall['big'] * 1000:.1f} ms vs {tall['twelve'] * 1000:.1f} ms, "
        f"ratio {tall['big'] / tall['twelve']:.2f}x"
    )


async def scroll_times(
    dbs: dict[str, Path], rounds: int, size: tuple[int, int]
) -> dict[str, float]:
    """Median CPU seconds for the agenda to take `ctrl+end` then `ctrl+home` five times, each
    drawn (in process; CPU rather than wall time, since the test pilot's settling waits are
    idle time and would hide what drawing the rows costs)."""
    from reviewtui.store import Store
    from reviewtui.tui.app import ReviewApp

    result: dict[str, list[float]] = {name: [] for name in dbs}
    for _ in range(rounds):
        for name, db in dbs.items():
            store = Store.open_writer(db)
            app = ReviewApp(store)
            async with app.run_test(size=size) as pilot:
                await pilot.pause()
                start = time.process_time()
                for key in ("ctrl+end", "ctrl+home") * 5:
                    await pilot.press(key)
                    await pilot.pause()
                result[name].append(time.process_time() - start)
            store.close()
    return {k: statistics.median(v) for k, v in result.items()}


if __name__ == "__main__":
    main()
