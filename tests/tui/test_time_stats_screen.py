"""The time statistics screen: opened with t from the agenda and the results, escape back."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, TabbedContent

from reviewtui.store import open_session
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.results import ResultsScreen
from reviewtui.tui.time_stats_screen import TimeStatsScreen
from tests.tui._live_support import make_app, static_text
from tests.tui.test_live_snapshots import SIZES, stage


@pytest.fixture
def staged(sample_session, fake_clock, lang):
    store = open_session(sample_session, write=True)
    stage(store, fake_clock)
    yield store
    store.close()


def rows(app, key: str) -> list[list[str]]:
    table = app.screen.query_one(f"#stats-{key}", DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


async def test_from_the_agenda_and_back(staged, lang):
    app = make_app(staged)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape")  # the live screen: back to the agenda
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimeStatsScreen)
        summary = static_text(app, "#stats-summary")
        if lang == "zh":
            assert summary.startswith("共超时 2 次：述职 1 次，点评 1 次")
            assert ["雁翅镇党委", "述职", "1", "5:00", "5:31", "0:31", "1"] in rows(app, "phases")
        else:
            assert summary.startswith("overruns: 2 (Report 1, Comment 1)")
        assert isinstance(app.focused, DataTable) and app.focused.id == "stats-phases"
        await pilot.press("4")
        await pilot.pause()
        assert app.screen.query_one(TabbedContent).active == "pane-schedule"
        assert app.focused.id == "stats-schedule"
        assert [r[0] for r in rows(app, "schedule")] == [
            "主持人说明议程",
            "雁翅镇党委",
            "军庄镇党委",
        ]
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)


async def test_from_the_results(staged, lang):
    app = make_app(staged)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("escape", "s")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimeStatsScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ResultsScreen)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_time_stats_screen(snap_compare, staged, size):
    app = make_app(staged)
    assert snap_compare(app, terminal_size=size, press=["escape", "t"])
