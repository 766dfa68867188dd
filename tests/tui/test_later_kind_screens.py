"""A meeting a later release recorded a kind in (one this release does not declare): the live
screen shows its record, its dialog opens (enter on it crashed the app: KeyError
'dialog.who.follow_up'), and the time statistics count it."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Label

from reviewtui.i18n import t
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.time_stats_screen import TimeStatsScreen
from reviewtui.tui.widgets.records import RecordList

from ._live_support import SIZE, make_app, open_first

pytestmark = pytest.mark.usefixtures("fake_clock")

LATER = "follow_up"


def _later_release_recorded(store) -> int:  # type: ignore[no-untyped-def]
    """As that release wrote it: the kind listed, one ended follow-up on the first unit."""
    conn = store.conn
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO segment_kinds (name) VALUES (?)", (LATER,))
    cursor = conn.execute(
        "INSERT INTO segments (item_id, kind, speaker, text, planned, started_at, ended_at) "
        "VALUES (1, ?, '区委书记', '追问的要点', 30, "
        "'2017-02-24T14:30:00.000+08:00', '2017-02-24T14:31:00.000+08:00')",
        (LATER,),
    )
    conn.execute("COMMIT")
    return int(cursor.lastrowid or 0)


@pytest.mark.parametrize("lang", ["zh", "en"])
async def test_a_later_kinds_record_opens_and_is_counted(small_store, lang: str) -> None:
    from reviewtui import i18n

    i18n.set_lang(lang)
    segment = _later_release_recorded(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        records = app.screen.query_one(RecordList)
        assert records.option_count == 1
        assert LATER in str(records.get_option_at_index(0).prompt)
        records.focus()
        await pilot.press("home", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)
        assert app.screen.segment.id == segment
        labels = [str(label.render()) for label in app.screen.query(Label)]
        assert t("dialog.who.speech") in labels
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("escape")  # the agenda
        await pilot.pause()
        await pilot.press("t")
        await pilot.pause()
        assert isinstance(app.screen, TimeStatsScreen)
        table = app.screen.query_one("#stats-kinds", DataTable)
        kinds = [str(table.get_row_at(n)[0]) for n in range(table.row_count)]
        assert LATER in kinds
