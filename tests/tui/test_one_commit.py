"""A `q` press is one durable commit (issue 20): the question starts, and which dialog is open
is kept beside it in the same commit, as screen state, not as a journal step. A restart still
finds the open dialog (draft recovery)."""

from __future__ import annotations

import pytest

from reviewtui.meeting import Meeting
from reviewtui.tui.segment_dialog import SegmentDialog

from ._live_support import SIZE, make_app, only, open_first

pytestmark = pytest.mark.usefixtures("fake_clock")


@pytest.mark.parametrize("key", ["q", "c"])
async def test_a_dialog_key_is_one_commit_and_no_journal_step_for_the_dialog(
    small_store, key: str
) -> None:
    commits: list[str] = []
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        small_store.conn.set_trace_callback(
            lambda sql: commits.append(sql) if sql.strip().upper() == "COMMIT" else None
        )
        await pilot.press(key)
        await pilot.pause()
        await pilot.pause()
        small_store.conn.set_trace_callback(None)
        assert isinstance(app.screen, SegmentDialog)
        assert len(commits) == 1
        kind = {"q": "question", "c": "comment"}[key]
        segment = only(small_store, kind)
        actions = [
            row[0] for row in small_store.conn.execute("SELECT DISTINCT action FROM journal")
        ]
        assert "ui" not in actions  # the open dialog is screen state, never a journal step
        # A crash now: the restart finds the dialog that was open, to reopen it.
        assert Meeting(small_store).open_dialog() == segment.id
        await pilot.press("escape")
        await pilot.pause()
        assert Meeting(small_store).open_dialog() is None
