"""The release artifacts: their sizes, and the Linux build's first screen against the venv's.

    python packaging/build.py && python bench/bench_release.py [--runs N]

The first screen is timed in tmux as a person sees it: from starting `run small.toml` in a new
120x40 session until the agenda shows its first unit, for the unpacked one-folder build and for
the development environment's `reviewtui`, alternately in the same run; the ratio is build/venv.
Not in run_all.py: it needs dist/ (minutes to build).
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from reviewtui import __version__  # noqa: E402

NAME = f"reviewtui-{__version__}"
ARTIFACTS = ("linux-x86_64.tar.gz", "windows-x64.zip", "linux-aarch64.tar.gz")
SHOWN = "雁翅镇党委"


def first_screen(command: list[str], folder: Path, tag: str) -> float:
    """Seconds from start until the agenda shows; the program is then quit with ctrl+q."""
    session = f"bench-release-{os.getpid()}-{tag}"
    db = folder / "small.db"
    db.unlink(missing_ok=True)
    shutil.copyfile(ROOT / "sessions" / "small.toml", folder / "small.toml")
    line = " ".join([*command, "run", "small.toml"])
    start = time.perf_counter()
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", session, "-x", "120", "-y", "40", "-c", str(folder),
         f"env -i HOME={folder} LANG=C.UTF-8 TERM=xterm-256color {line}"],
        check=True,
    )  # fmt: skip
    try:
        while True:
            shown = subprocess.run(
                ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
            ).stdout
            if SHOWN in shown:
                took = time.perf_counter() - start
                break
            if time.perf_counter() - start > 120:
                raise SystemExit(f"{tag}: the agenda never showed:\n{shown}")
            time.sleep(0.02)
        subprocess.run(["tmux", "send-keys", "-t", session, "C-q"], check=True)
        time.sleep(1)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    return took


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    dist = ROOT / "dist"
    print("artifact sizes:")
    for suffix in ARTIFACTS:
        path = dist / f"{NAME}-{suffix}"
        size = f"{path.stat().st_size / 1e6:6.1f} MB" if path.exists() else "  (not built)"
        print(f"  {path.name:45} {size}")
    build = dist / f"{NAME}-linux-x86_64.tar.gz"
    venv = shutil.which("reviewtui", path=str(Path(sys.executable).parent))
    if not build.exists() or venv is None or shutil.which("tmux") is None:
        print("first screen: needs dist/'s Linux build, tmux and this venv's reviewtui")
        return 0
    with tempfile.TemporaryDirectory(prefix="bench-release-") as tmp:
        folder = Path(tmp)
        with tarfile.open(build) as tar:
            tar.extractall(folder, filter="tar")
        unpacked = folder / "reviewtui"
        size = sum(p.stat().st_size for p in unpacked.rglob("*") if p.is_file())
        print(f"  unpacked Linux build                          {size / 1e6:6.1f} MB")
        work = folder / "work"
        work.mkdir()
        frozen, plain = [], []
        first_screen([str(unpacked / "reviewtui")], work, "warm")  # page cache, as a 2nd start
        for n in range(args.runs):
            frozen.append(first_screen([str(unpacked / "reviewtui")], work, f"b{n}"))
            plain.append(first_screen([venv], work, f"v{n}"))
    b, v = statistics.median(frozen), statistics.median(plain)
    print(f"first screen, median of {args.runs}: build {b:.2f} s, venv {v:.2f} s, "
          f"ratio build/venv {b / v:.2f}")  # fmt: skip
    return 0


if __name__ == "__main__":
    sys.exit(main())
