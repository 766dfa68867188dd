"""The correction dialog (SPEC 5: `enter` on a record): `enter` saves, `escape` discards.

The database is the truth: each test reads the record and the journal back. The dialogs of a new
record (q, a, c) keep what is typed on escape; their tests are in test_live_keys.py.
"""

from __future__ import annotations

from datetime import timedelta

import pytest

from reviewtui import i18n
from reviewtui.meeting import Meeting
from reviewtui.store import Store
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.segment_dialog import DEBOUNCE, SegmentDialog
from reviewtui.tui.widgets.records import RecordList
from tests.conftest import FAKE_START

from ._live_support import SIZE, field, make_app, notifications, only, open_first, start, type_text

pytestmark = pytest.mark.usefixtures("fake_clock")


def rows(store: Store) -> list[dict[str, object]]:
    return [dict(r) for r in store.rows("SELECT * FROM segments ORDER BY id")]


def last_tx(store: Store) -> int:
    return store.row("SELECT coalesce(max(tx), 0) AS n FROM journal")["n"]


async def ask_and_correct(pilot, fake_clock) -> None:
    """A question by 张建国, "原问题", ended; then enter on it: its correction dialog opens."""
    await open_first(pilot)
    await pilot.press("r")
    fake_clock.advance(10)
    await pilot.press("q")
    await pilot.pause()
    await type_text(pilot, "zjg")
    await pilot.press("tab")
    await type_text(pilot, "原问题")
    await pilot.press("enter")
    await pilot.pause()
    fake_clock.advance(8)
    await pilot.press("e")
    await pilot.pause()
    await pilot.press("enter")  # the record list has the cursor; the question is selected
    await pilot.pause()


async def test_escape_discards_the_correction(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_and_correct(pilot, fake_clock)
        dialog = app.screen
        assert isinstance(dialog, SegmentDialog) and dialog.correcting
        before = rows(small_store)
        before_tx = last_tx(small_store)
        await type_text(pilot, "lxy")  # the asker's text was selected: typing replaces it
        await pilot.press("tab")
        await type_text(pilot, "(改)")
        await pilot.press("tab")
        await type_text(pilot, "-0:03")
        await pilot.pause(DEBOUNCE + 0.3)  # the typing is kept as a draft (a crash keeps it)
        draft = Meeting(small_store).correction(only(small_store, "question").id)
        assert draft is not None and draft.text == "原问题(改)" and draft.start == "-0:03"
        assert rows(small_store) == before  # ... beside the record, not in it
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert isinstance(app.focused, RecordList)
        assert rows(small_store) == before  # speaker, text and start as the dialog found them
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 张建国", "原问题")
        assert question.started_at == FAKE_START + timedelta(seconds=10)
        meeting = Meeting(small_store)
        assert meeting.open_dialog() is None and meeting.correction(question.id) is None
        # nothing of it is left: no journal row touched a record, and no draft remains
        written = small_store.rows("SELECT tbl, action FROM journal WHERE tx > ?", (before_tx,))
        assert {r["tbl"] for r in written} == {"meta"}
        assert {r["action"] for r in written} <= {"ui", "draft"}
        assert small_store.meta("dialog_draft") is None
        assert any("record is unchanged" in n for n in notifications(app))
        # ctrl+z then undoes the command before (ending the question), not a correction
        undoable = meeting.last_undoable()
        assert undoable is not None and undoable.action == "end"


async def test_enter_saves_the_correction_and_ctrl_z_takes_it_back(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await ask_and_correct(pilot, fake_clock)
        before_tx = last_tx(small_store)
        await type_text(pilot, "lxy")
        await pilot.press("tab")
        await type_text(pilot, "(改)")
        await pilot.press("tab")
        await type_text(pilot, "-0:03")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 李秀英", "原问题(改)")
        assert question.started_at == FAKE_START + timedelta(seconds=7)
        assert only(small_store, "report").ended_at == question.started_at  # moved with it
        edits = small_store.rows(
            "SELECT DISTINCT tx FROM journal WHERE tx > ? AND tbl = 'segments'", (before_tx,)
        )
        assert len(edits) == 1  # one journaled command
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert any("Undone: the correction" in n for n in notifications(app))
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 张建国", "原问题")
        assert question.started_at == FAKE_START + timedelta(seconds=10)
        assert only(small_store, "report").ended_at == question.started_at
        assert not isinstance(app.screen, SegmentDialog)  # undo reopens no dialog
        assert Meeting(small_store).open_dialog() is None


async def test_after_a_restart_escape_still_restores_the_record(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await ask_and_correct(pilot, fake_clock)
        before = rows(small_store)
        await pilot.press("tab")
        await type_text(pilot, "+崩溃前")
        await pilot.press("tab")
        await type_text(pilot, "-0:02")
        # the app goes away here with the dialog open, as a kill would leave it
    assert rows(small_store) == before
    again = make_app(small_store)
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        dialog = again.screen
        assert isinstance(dialog, SegmentDialog) and dialog.correcting  # reopened, with its text
        assert field(again, "#text").value == "原问题+崩溃前"
        assert field(again, "#start").value == "-0:02"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(again.screen, LiveScreen)
    assert rows(small_store) == before
    assert Meeting(small_store).open_dialog() is None
    assert small_store.meta("dialog_draft") is None


async def test_after_a_restart_a_shift_counts_from_the_start_shown(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await ask_and_correct(pilot, fake_clock)
        await pilot.press("tab", "tab")
        await type_text(pilot, "-0:02")
    again = make_app(small_store)
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(again.screen, SegmentDialog)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(again.screen, LiveScreen)
    question = only(small_store, "question")
    assert question.started_at == FAKE_START + timedelta(seconds=8)
    assert question.text == "原问题"


async def test_the_correction_dialog_says_escape_discards(small_store, fake_clock):
    i18n.set_lang("zh")
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await ask_and_correct(pilot, fake_clock)
        hint = str(app.screen.query_one("#dialog-hint").render())
        assert "esc 放弃修改" in hint
        keys = {b.binding.action: b.binding.description for b in app.active_bindings.values()}
        assert keys["close"] == "放弃修改"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("q")  # a new record's dialog: escape closes, keeping what is typed
        await pilot.pause()
        hint = str(app.screen.query_one("#dialog-hint").render())
        assert "esc 关闭" in hint
        keys = {b.binding.action: b.binding.description for b in app.active_bindings.values()}
        assert keys["close"] == "关闭"
