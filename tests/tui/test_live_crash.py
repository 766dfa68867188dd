"""Crash safety through a real process: the app runs in tmux, is killed with SIGKILL mid-report,
and is started again on the same session (SPEC 5: the live screen comes back with the segment
still running, its time counted from its original start; text typed into a dialog survives).

Skipped where tmux is not installed. The waits poll the screen and the database; no assertion
is about how long anything took.
"""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import time
import uuid
from pathlib import Path

import pytest

from reviewtui import clock
from reviewtui.meeting import Meeting
from reviewtui.store import Store

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")

ROOT = Path(__file__).resolve().parents[2]
WAIT = 20.0  # seconds at most for the app to show something (slow CI machines)


class Tmux:
    """One private tmux server (its own socket), one session running the app."""

    def __init__(self, tmp_path: Path) -> None:
        self.socket = ""
        self.session = "app"
        self.tmp = tmp_path

    def tmux(self, *args: str) -> str:
        result = subprocess.run(
            ["tmux", "-L", self.socket, *args], capture_output=True, text=True, check=False
        )
        return result.stdout

    def start(self, toml: Path) -> None:
        self.socket = f"rt-crash-{os.getpid()}-{uuid.uuid4().hex[:8]}"  # a fresh server each time
        command = f"{sys.executable} -m reviewtui run {toml} --lang en"
        env = {k: v for k, v in os.environ.items() if not k.startswith("TMUX")}
        env.pop("NO_COLOR", None)
        subprocess.run(
            ["tmux", "-L", self.socket, "new-session", "-d", "-s", self.session,
             "-x", "100", "-y", "30", command],
            check=True, env=env, cwd=self.tmp,
        )  # fmt: skip

    def screen(self) -> str:
        return self.tmux("capture-pane", "-p", "-t", self.session)

    def keys(self, *keys: str, literal: bool = False) -> None:
        self.tmux("send-keys", "-t", self.session, *(["-l"] if literal else []), *keys)

    def wait_for(self, *texts: str) -> str:
        deadline = time.monotonic() + WAIT
        while True:
            shown = self.screen()
            if all(text in shown for text in texts):
                return shown
            if time.monotonic() > deadline:
                raise AssertionError(f"never showed {texts!r}:\n{shown}")
            time.sleep(0.2)

    def app_pid(self) -> int:
        """The app's process: the pane's process, or its child when a shell runs it."""
        pane = int(self.tmux("display-message", "-p", "-t", self.session, "#{pane_pid}"))
        for pid in [pane, *children(pane)]:
            if b"reviewtui" in Path(f"/proc/{pid}/cmdline").read_bytes():
                return pid
        raise AssertionError("the app's process was not found")

    def close(self) -> None:
        if self.socket:
            self.tmux("kill-server")


def children(pid: int) -> list[int]:
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


def kill_and_wait(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)
    deadline = time.monotonic() + WAIT
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}").exists() else ""
        if ") Z" in stat:  # a zombie: dead, not yet reaped by tmux
            break
        time.sleep(0.05)


def poll_db(db: Path, check) -> Meeting:
    deadline = time.monotonic() + WAIT
    while True:
        store = Store.open_reader(db)
        meeting = Meeting(store)
        if check(meeting):
            return meeting
        store.close()
        if time.monotonic() > deadline:
            raise AssertionError("the database never reached the expected state")
        time.sleep(0.2)


@pytest.fixture
def tmux(tmp_path):
    session = Tmux(tmp_path)
    yield session
    session.close()


@pytest.fixture
def small_toml(tmp_path) -> Path:
    target = tmp_path / "small.toml"
    shutil.copyfile(ROOT / "sessions" / "small.toml", target)
    return target


def test_sigkill_mid_report_then_restart_resumes_it(tmux, small_toml):
    db = small_toml.with_suffix(".db")
    tmux.start(small_toml)
    tmux.wait_for("雁翅镇党委", "Reporter/speaker")
    tmux.keys("Enter")
    tmux.wait_for("Nothing recorded yet")
    tmux.keys("r")
    tmux.wait_for("RUNNING")
    meeting = poll_db(db, lambda m: m.running() is not None)
    report = meeting.running()
    meeting.store.close()
    assert report.kind == "report"
    time.sleep(1.5)  # the report runs a while
    kill_and_wait(tmux.app_pid())
    killed_at = clock.now()
    time.sleep(3)  # the laptop is down; the reporter keeps talking
    tmux.close()
    tmux.start(small_toml)
    shown = tmux.wait_for("雁翅镇党委", "Report · 雁翅镇党委书记", "used")
    assert "Reporter/speaker" not in shown  # straight to the live screen, not the agenda

    store = Store.open_reader(db)
    try:
        meeting = Meeting(store)
        again = meeting.running()
        assert again is not None and again.id == report.id  # the same segment, still running
        assert again.started_at == report.started_at  # counted from its original start
        assert again.elapsed() >= (killed_at - report.started_at).total_seconds() + 3
        assert meeting.current_item().id == report.item_id
    finally:
        store.close()
    # the screen counts the downtime too: "used 0:0N" with N ≥ 4 (1.5 s before, 3 s down)
    used = shown.split("used", 1)[1].split()[0]
    minutes, seconds = used.split(":")
    assert int(minutes) * 60 + int(seconds) >= 4


def test_sigkill_with_a_dialog_open_keeps_its_text(tmux, small_toml):
    db = small_toml.with_suffix(".db")
    tmux.start(small_toml)
    tmux.wait_for("雁翅镇党委", "Reporter/speaker")
    tmux.keys("Enter")
    tmux.wait_for("Nothing recorded yet")
    tmux.keys("r")
    tmux.wait_for("RUNNING")
    tmux.keys("q")
    tmux.wait_for("Asked by")
    tmux.keys("zjg", literal=True)
    tmux.wait_for("Recorded as: 党代表 张建国")
    tmux.keys("Tab")
    time.sleep(0.3)
    tmux.keys("why so late", literal=True)
    poll_db(db, lambda m: (s := m.running()) is not None and s.text == "why so late").store.close()
    kill_and_wait(tmux.app_pid())
    tmux.close()
    tmux.start(small_toml)
    tmux.wait_for("Asked by", "党代表 张建国", "why so late")
    store = Store.open_reader(db)
    try:
        meeting = Meeting(store)
        question = meeting.running()
        assert question.kind == "question" and question.running
        assert (question.speaker, question.text) == ("党代表 张建国", "why so late")
        assert meeting.open_dialog() == question.id
    finally:
        store.close()
