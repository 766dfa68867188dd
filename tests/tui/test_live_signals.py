"""Typed text survives SIGTERM and SIGHUP (closing the terminal window): a real app in tmux is
sent the signal right after the text is on screen, while its save is still waiting for the pause
after the last key, and the database must hold the text (ISSUE12, Keys and signals).

Skipped where tmux is not installed. The waits poll the screen and the database.
"""

from __future__ import annotations

import os
import shutil
import signal
import time
from pathlib import Path

import pytest

from reviewtui.meeting import Meeting
from reviewtui.store import Store

from .test_live_crash import ROOT, WAIT, Tmux, poll_db

pytestmark = pytest.mark.skipif(shutil.which("tmux") is None, reason="tmux is not installed")


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


def wait_gone(pid: int) -> None:
    deadline = time.monotonic() + WAIT
    while Path(f"/proc/{pid}").exists() and time.monotonic() < deadline:
        stat = Path(f"/proc/{pid}/stat").read_text() if Path(f"/proc/{pid}").exists() else ""
        if ") Z" in stat:
            return
        time.sleep(0.05)
    assert not Path(f"/proc/{pid}").exists() or ") Z" in Path(f"/proc/{pid}/stat").read_text()


def stop(session: Tmux, how: str) -> None:
    pid = session.app_pid()
    if how == "SIGTERM":
        os.kill(pid, signal.SIGTERM)
    else:  # the terminal window closes: tmux hangs up on the pane's process
        session.tmux("kill-session", "-t", session.session)
    wait_gone(pid)


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_notes_on_screen_survive_the_signal(tmux, small_toml, how):
    db = small_toml.with_suffix(".db")
    tmux.start(small_toml)
    tmux.wait_for("雁翅镇党委", "Reporter/speaker")
    tmux.keys("Enter")
    tmux.wait_for("Nothing recorded yet")
    tmux.keys("m")
    time.sleep(0.3)
    tmux.keys("roads and schools", literal=True)
    tmux.wait_for("roads and schools")
    stop(tmux, how)
    meeting = poll_db(db, lambda m: m.current_item() is not None)
    try:
        assert meeting.note(meeting.current_item().id) == "roads and schools"
    finally:
        meeting.store.close()


@pytest.mark.parametrize("how", ["SIGTERM", "SIGHUP"])
def test_dialog_text_on_screen_survives_the_signal(tmux, small_toml, how):
    db = small_toml.with_suffix(".db")
    tmux.start(small_toml)
    tmux.wait_for("雁翅镇党委", "Reporter/speaker")
    tmux.keys("Enter")
    tmux.wait_for("Nothing recorded yet")
    tmux.keys("q")
    tmux.wait_for("Asked by")
    tmux.keys("zjg", literal=True)
    tmux.wait_for("Recorded as: 党代表 张建国")
    tmux.keys("Tab")
    time.sleep(0.3)
    tmux.keys("why so late", literal=True)
    tmux.wait_for("why so late")
    stop(tmux, how)
    store = Store.open_reader(db)
    try:
        question = Meeting(store).segments()[-1]
        assert (question.kind, question.speaker, question.text) == (
            "question",
            "党代表 张建国",
            "why so late",
        )
    finally:
        store.close()
