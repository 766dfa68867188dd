"""A real `reviewtui collect` in a subprocess on 127.0.0.1 and a free port, for the kill test,
the browser test and the bench."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx2


def free_port() -> int:
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def start(
    session: Path, port: int, lang: str = "en", *, bind: bool = True
) -> subprocess.Popen[str]:
    """`collect` on 127.0.0.1:port (without `bind`: where the forms were printed for)."""
    env = {**os.environ, "LANG": "zh_CN.UTF-8" if lang == "zh" else "C.UTF-8"}
    env.pop("LC_ALL", None)
    proc = subprocess.Popen(
        [sys.executable, "-m", "reviewtui", "collect", str(session),
         *(["--bind", "127.0.0.1", "--port", str(port)] if bind else [])],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
    )  # fmt: skip
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"collect ended: {proc.communicate()}")
        try:
            if httpx2.get(f"http://127.0.0.1:{port}/", timeout=1).status_code == 200:
                return proc
        except httpx2.HTTPError:
            time.sleep(0.1)
    proc.kill()
    raise RuntimeError("collect did not start")
