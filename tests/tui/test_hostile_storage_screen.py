"""Hostile storage on screen: the secretary is told what happened and what to do, the app goes
on, and nothing acknowledged is lost."""

from __future__ import annotations

import os

import pytest

from reviewtui.meeting import Meeting
from reviewtui.tui.live import LiveScreen

from ._live_support import SIZE, make_app, notifications, open_first

pytestmark = pytest.mark.usefixtures("fake_clock")


async def test_disk_full_is_shown_and_recording_resumes(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        conn = small_store.conn
        pages = conn.execute("PRAGMA page_count").fetchone()[0]
        conn.execute(f"PRAGMA max_page_count = {pages}")
        for _ in range(30):  # until the file has no room left
            await pilot.press("space")
            await pilot.pause()
            if any("disk is full" in n for n in notifications(app)):
                break
        assert any("disk is full" in n for n in notifications(app))
        assert isinstance(app.screen, LiveScreen)  # no crash
        conn.execute("PRAGMA max_page_count = 1073741823")
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
