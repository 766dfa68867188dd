"""Hostile storage on screen: the secretary is told what happened and what to do, the app goes
on, and nothing acknowledged is lost."""

from __future__ import annotations

import os

import pytest
from textual import events

from reviewtui.meeting import Meeting
from reviewtui.tui.live import LiveScreen

from ._live_support import SIZE, make_app, notifications, open_first, type_text

pytestmark = pytest.mark.usefixtures("fake_clock")


def _fill_disk(store) -> None:
    """From now on the database cannot grow: the next writes that need a page fail."""
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages}")


def _free_disk(store) -> None:
    store.conn.execute("PRAGMA max_page_count = 1073741823")


async def test_disk_full_is_shown_and_recording_resumes(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        _fill_disk(small_store)
        for _ in range(30):  # until the file has no room left
            await pilot.press("space")
            await pilot.pause()
            if any("disk is full" in n for n in notifications(app)):
                break
        assert any("disk is full" in n for n in notifications(app))
        assert isinstance(app.screen, LiveScreen)  # no crash
        _free_disk(small_store)
        await pilot.press("e")
        await pilot.pause()
        report = Meeting(small_store).segments()[0]
        assert report.kind == "report" and not report.running


async def test_removed_database_is_written_back_and_said(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        path = small_store.path
        os.remove(path)
        await pilot.press("e")
        await pilot.pause(1.2)  # the app checks the store's notices once a second
        assert path.exists()
        assert any("written back" in n for n in notifications(app))
        assert not Meeting(small_store).segments()[0].running


LONG = "村里的路怎么修,资金从哪里来,什么时候开工?" * 5  # enough to need new pages
# Typing is saved once per pause, so one write must need new pages: a pasted page of text.
PASTED = "村里的路怎么修,资金从哪里来,什么时候开工?" * 100


def _fill_notes_page(store) -> None:
    """Fill the notes table's one page with another item's note (3,900 of its 4,096 bytes), so
    the next note needs a new page whatever room the other pages have left."""
    last = Meeting(store).items()[-1]
    Meeting(store).set_note(last.id, "x" * 3900)


async def test_typed_question_is_kept_while_the_disk_is_full(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        _fill_disk(small_store)
        await type_text(pilot, "zjg")
        await pilot.press("tab")
        app.screen.focused.post_message(events.Paste(PASTED))
        await pilot.pause()
        await pilot.press("enter")  # the dialog closes; what was typed stays in memory
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert app.pending, "nothing was refused: the test did not fill the disk"
        said = notifications(app)
        assert any("disk is full" in n for n in said)
        assert any("kept in memory" in n for n in said)
        # Said once per write refused (the draft; the closing of the dialog), not per keystroke.
        assert sum("kept in memory" in n for n in said) <= 2
        assert Meeting(small_store).segments()[0].text != PASTED
        _free_disk(small_store)
        await pilot.pause(1.3)  # retried once a second
        assert not app.pending
        assert any("all been written" in n for n in notifications(app))
        question = Meeting(small_store).segments()[0]
        assert (question.speaker, question.text) == ("党代表 张建国", PASTED)
        assert Meeting(small_store).open_dialog() is None


async def _notes_typed_on_a_full_disk(pilot, app, store) -> None:
    await open_first(pilot)
    await pilot.press("m")
    _fill_notes_page(store)
    _fill_disk(store)
    await type_text(pilot, LONG)
    await pilot.press("escape")  # leaving the notes saves them at once
    await pilot.pause()
    assert app.pending, "nothing was refused: the test did not fill the disk"


async def test_notes_are_kept_and_quitting_asks_twice(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _notes_typed_on_a_full_disk(pilot, app, small_store)
        item_id = app.screen.item_id
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running  # not quit: the notes would be lost
        assert any("ctrl+q again" in n for n in notifications(app))
        _free_disk(small_store)
        await pilot.pause(1.3)
        assert not app.pending
        assert Meeting(small_store).note(item_id) == LONG
        await pilot.press("ctrl+q")  # nothing waits: quits at once
        await pilot.pause()
        assert not app.is_running


async def test_a_second_ctrl_q_quits_without_what_waits(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await _notes_typed_on_a_full_disk(pilot, app, small_store)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app.is_running
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert not app.is_running
