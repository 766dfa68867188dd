"""After a record's dialog closes, the selection stays on the record it was on (issue 28)."""

from __future__ import annotations

import pytest

from reviewtui.tui.live import LiveScreen
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.records import RecordList

from ._live_support import SIZE, make_app, open_first, segments, type_text

pytestmark = pytest.mark.usefixtures("fake_clock")


async def three_records(pilot, fake_clock) -> RecordList:  # type: ignore[no-untyped-def]
    """A report, a question and its answer, ended; the record list has the cursor."""
    await open_first(pilot)
    await pilot.press("r")
    fake_clock.advance(10)
    await pilot.press("q")
    await pilot.pause()
    await type_text(pilot, "zjg")
    await pilot.press("tab")
    await type_text(pilot, "问题")
    await pilot.press("enter")
    await pilot.pause()
    fake_clock.advance(8)
    await pilot.press("a")
    await pilot.pause()
    await pilot.press("enter")
    await pilot.pause()
    fake_clock.advance(5)
    await pilot.press("e")
    await pilot.pause()
    records = pilot.app.screen.query_one(RecordList)
    assert records.has_focus and records.option_count == 3
    return records


async def test_the_selection_stays_after_a_correction_saved_or_discarded(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        records = await three_records(pilot, fake_clock)
        first = segments(small_store)[0].id
        for close in ("enter", "escape"):
            await pilot.press("home")
            assert records.selected_id == first
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, SegmentDialog)
            await type_text(pilot, "x")
            await pilot.press(close)
            await pilot.pause()
            await pilot.pause()
            assert isinstance(app.screen, LiveScreen)
            assert records.has_focus and records.selected_id == first, close


async def test_a_deleted_record_leaves_the_selection_on_its_neighbour(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        records = await three_records(pilot, fake_clock)
        report, question, _answer = segments(small_store)
        await pilot.press("home", "down")
        assert records.selected_id == question.id
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("n")  # not deleted: the selection where it was
        await pilot.pause()
        await pilot.pause()
        assert records.selected_id == question.id and records.option_count == 3
        await pilot.press("home")
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        await pilot.pause()
        ids = [s.id for s in segments(small_store)]
        assert report.id not in ids
        assert records.highlighted == 0 and records.selected_id == ids[0]  # not the last one
