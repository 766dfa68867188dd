"""Launch time as a person sees it: `reviewtui run` started in a real terminal (a tmux pane,
120x40) until its first screen is drawn, against a bare Textual app that shows one line, started
the same way in the same run (interleaved rounds, so machine noise hits both alike).

The pane is read with `tmux capture-pane` every 10 ms; the first screen counts as shown once its
last on-site unit and its key bar are both on the pane. tmux sessions are named
`reviewtui-bench-<pid>-<n>` and each is killed after its round.

    python bench/bench_startup_tmux.py [--rounds 7]

Goal: run ≤ 1.25x the bare app (issue 23). Skips (exit 0 with a note) where tmux is missing.
"""

from __future__ import annotations

import argparse
import compileall
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PYTHON = sys.executable

sys.path.insert(0, str(Path(__file__).resolve().parent))
from _pty import BARE_APP  # noqa: E402


def _tmux(*args: str) -> str:
    done = subprocess.run(["tmux", *args], capture_output=True, text=True, check=False)
    return done.stdout


class SessionLost(RuntimeError):
    """The pane went away before it showed anything: on a shared machine another user's
    `tmux kill-server` ends every session. The round is measured again."""


def _gone(name: str) -> bool:
    done = subprocess.run(["tmux", "has-session", "-t", name], capture_output=True, check=False)
    return done.returncode != 0


def measured(name: str, argv: list[str], markers: tuple[str, ...], tries: int = 3) -> float:
    """`time_in_tmux`, again (under a new session name) when the session was lost."""
    for attempt in range(tries):
        try:
            return time_in_tmux(f"{name}-{attempt}", argv, markers)
        except SessionLost:
            continue
    raise SessionLost(name)


def time_in_tmux(
    name: str, argv: list[str], markers: tuple[str, ...], timeout: float = 30.0
) -> float:
    """Seconds from asking tmux for the pane until every one of `markers` is on it."""
    command = "env TERM=xterm-256color LANG=en_US.UTF-8 " + shlex.join(argv)
    start = time.perf_counter()
    _tmux("new-session", "-d", "-s", name, "-x", "120", "-y", "40", command)
    pane = ""
    try:
        while time.perf_counter() - start < timeout:
            pane = _tmux("capture-pane", "-p", "-t", name)
            if all(marker in pane for marker in markers):
                return time.perf_counter() - start
            if not pane and _gone(name):
                raise SessionLost(name)
            time.sleep(0.01)
        shown = "\n".join(line for line in pane.splitlines() if line.strip())
        raise TimeoutError(f"{markers!r} never all shown by {argv}; the pane:\n{shown}")
    finally:
        _tmux("kill-session", "-t", name)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args()
    if shutil.which("tmux") is None:
        print("tmux not found: nothing measured")
        return
    compileall.compile_dir(ROOT / "reviewtui", quiet=1)
    folder = Path(tempfile.mkdtemp(prefix="reviewtui-bench-"))
    try:
        bare = folder / "bare.py"
        bare.write_text(BARE_APP)
        session = folder / "sample.toml"
        shutil.copyfile(ROOT / "sessions" / "mentougou-2017.toml", session)
        subprocess.run(
            [PYTHON, "-c", "from reviewtui.store import open_session; "
             f"open_session({str(session)!r}, write=False).close()"],
            check=True,
        )  # fmt: skip
        db = session.with_suffix(".db")
        run = [PYTHON, "-m", "reviewtui", "run", "--lang", "en", str(db)]
        times: dict[str, list[float]] = {"bare": [], "run": []}
        prefix = f"reviewtui-bench-{os.getpid()}"
        for n in range(args.rounds):
            times["bare"].append(measured(f"{prefix}-b{n}", [PYTHON, str(bare)], ("BARE-READY",)))
            times["run"].append(measured(f"{prefix}-r{n}", run, ("大台街道工委", "Commands")))
    finally:
        shutil.rmtree(folder, ignore_errors=True)
    med = {k: statistics.median(v) for k, v in times.items()}
    best = {k: min(v) for k, v in times.items()}
    print(f"bare Textual app in tmux, first screen : {med['bare'] * 1000:7.0f} ms (baseline)")
    print(
        f"reviewtui run in tmux, first screen    : {med['run'] * 1000:7.0f} ms  "
        f"ratio {med['run'] / med['bare']:.2f}x, fastest runs {best['run'] / best['bare']:.2f}x  "
        "(goal ≤ 1.25x)"
    )


if __name__ == "__main__":
    main()
