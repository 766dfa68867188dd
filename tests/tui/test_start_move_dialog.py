"""The correction dialog moves a record's start (SPEC 5: a timer started late)."""

from __future__ import annotations

from datetime import timedelta

from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.countdown import Countdown
from tests.conftest import FAKE_START
from tests.tui._live_support import (
    SIZE,
    make_app,
    notifications,
    only,
    open_first,
    type_text,
)


async def test_moving_a_running_report_back_30_s(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(10)
        await pilot.pause(0.4)
        countdown = app.screen.query_one(Countdown)
        assert countdown.time_text == "0:20"  # 0:30 planned, 10 s spoken
        await pilot.press("enter")  # the report is the selected record
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog) and app.screen.correcting
        start = app.screen.query_one("#start")
        assert start.value == "14:30:00"
        await pilot.press("tab")  # from the text to the start
        assert app.focused is start
        await type_text(pilot, "-0:30")  # the field's text was selected: typing replaces it
        await pilot.press("enter")
        await pilot.pause(0.4)
        assert not isinstance(app.screen, SegmentDialog)
        report = only(small_store, "report")
        assert report.started_at == FAKE_START - timedelta(seconds=30) and report.running
        assert countdown.time_text == "-0:10"  # 40 s spoken of 0:30: it counts from the new start
        assert countdown.state == "over"
        await pilot.press("ctrl+z")
        await pilot.pause(0.4)
        assert only(small_store, "report").started_at == FAKE_START
        assert countdown.time_text == "0:20"


async def test_a_refused_start_keeps_the_dialog_open_and_says_why(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(10)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "+1:00")  # after now
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)  # still open, on the start field
        assert app.focused is app.screen.query_one("#start")
        assert any("must be before 14:30:10 (now" in n for n in notifications(app))
        assert only(small_store, "report").started_at == FAKE_START
        await pilot.press("escape")  # discards the typed start
        await pilot.pause()
        assert not isinstance(app.screen, SegmentDialog)
        assert only(small_store, "report").started_at == FAKE_START


async def test_a_new_record_dialog_has_no_start_field(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog) and not app.screen.correcting
        assert not app.screen.query("#start")


async def test_a_huge_or_full_width_start_is_answered_not_a_crash(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(40)
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "+" + "9" * 25)  # a number too big for any time
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)  # still open, saying why
        assert any("is not readable" in n for n in notifications(app))
        start = app.screen.query_one("#start")
        start.value = "＋０：１０"  # full-width: ten seconds later
        await pilot.press("enter")
        await pilot.pause()
        assert not isinstance(app.screen, SegmentDialog)
        assert only(small_store, "report").started_at == FAKE_START + timedelta(seconds=10)
