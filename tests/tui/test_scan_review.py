"""The review queue of held scanned forms (`V` at the ballot screen, SPEC 10): the picture of
the doubtful rows, the digits fixing them, ctrl+s saving the form as any ballot."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment.scan import review
from reviewtui.assessment.scan.command import scan
from reviewtui.store import open_session
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.scan_review import ScanReviewScreen

from .test_ballot_screen import ScreenApp

ROOT = Path(__file__).resolve().parent.parent.parent
HELD = ROOT / "tests" / "fixtures" / "scan" / "held-D001.jpg"


@pytest.mark.asyncio
async def test_review_queue_fixes_and_saves_a_held_form(tmp_path: Path) -> None:
    i18n.set_lang("zh")
    session = tmp_path / "m.toml"
    shutil.copy(ROOT / "sessions" / "mentougou-2017.toml", session)
    store = open_session(session, write=True)
    try:
        scan(store, [str(HELD)], entry=1, entered_by="甲", show_progress=False)
        app = ScreenApp(store, BallotScreen)
        async with app.run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            await pilot.press("V")
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, ScanReviewScreen)
            head = str(screen.query_one("#scan-head", Static).render())
            assert "D001" in head and "1/1" in head
            rows = str(screen.query_one("#scan-rows", Static).render())
            assert "区农委" in rows and "大台街道工委" in rows and "两格之间" in rows
            await pilot.press("ctrl+s")  # refused: two cells not fixed yet
            assert ballots.find(store, "D001", 1) is None
            await pilot.press("1", "2")  # 区农委 好, 大台街道工委 较好
            await pilot.press("ctrl+s")
            await pilot.pause()
            saved = ballots.find(store, "D001", 1)
            assert saved is not None and saved.source == "scan"
            assert saved.marks[("区农委", "总体评价")] == "好"
            assert saved.marks[("大台街道工委", "总体评价")] == "较好"
            assert saved.marks[("雁翅镇党委", "总体评价")] == "一般"  # read by the scan
            assert review.held(store) == []
            assert "没有待复核" in str(screen.query_one("#scan-head", Static).render())
    finally:
        store.close()
