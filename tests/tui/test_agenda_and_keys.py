"""The agenda's table (keys, scrolling, mouse) and the key bar at the foot of every screen."""

from __future__ import annotations

from pathlib import Path

from reviewtui.store import open_session
from reviewtui.tui.help import HelpScreen
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.widgets.agenda_table import AgendaTable
from reviewtui.tui.widgets.keybar import KeyBar

from ._live_support import make_app, start


def big_meeting(folder: Path, units: int = 60) -> Path:
    lines = ['[meeting]\ntitle = "大会"\ndate = "2017-02-24"\n\n[[leaders]]\nname = "区长"\n']
    for n in range(units):
        lines.append(f'[[units]]\nname = "第{n:02d}单位"\nmode = "onsite"\ncommenter = "区长"\n')
    path = folder / "big.toml"
    path.write_text("\n".join(lines), encoding="utf-8")
    return path


async def test_keys_move_the_cursor_and_the_view_follows(tmp_path: Path) -> None:
    store = open_session(big_meeting(tmp_path), write=True)
    app = make_app(store)
    try:
        async with app.run_test(size=(100, 20)) as pilot:
            await start(pilot)
            table = app.screen.query_one(AgendaTable)
            assert table.row_count == 61 and table.cursor_row == 0
            rows_in_view = table.size.height - 1  # the header stays
            await pilot.press("pagedown")
            assert table.cursor_row == table.size.height - 2
            await pilot.press("end")
            await pilot.pause()
            assert table.cursor_row == 60
            assert table.scroll_y == 61 - rows_in_view  # the last row at the bottom
            assert table.row_text(60)[1] == "Assessment"
            await pilot.press("up")
            assert table.cursor_row == 59 and table.scroll_y == 61 - rows_in_view
            await pilot.press("home")
            await pilot.pause()
            assert (table.cursor_row, table.scroll_y) == (0, 0)
    finally:
        store.close()


async def test_a_click_selects_and_a_double_click_opens(small_store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=(100, 20)) as pilot:
        await start(pilot)
        table = app.screen.query_one(AgendaTable)
        await pilot.click(AgendaTable, offset=(5, 2))  # line 2: the second item
        assert table.cursor_row == 1 and not isinstance(app.screen, LiveScreen)
        await pilot.click(AgendaTable, offset=(5, 0))  # the header: nothing happens
        assert table.cursor_row == 1
        await pilot.double_click(AgendaTable, offset=(5, 2))
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen) and app.screen.item_id == table.selected_key


async def test_a_click_on_a_key_presses_it(small_store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=(100, 20)) as pilot:
        await start(pilot)
        bar = app.screen.query_one(KeyBar)
        placed, _palette = bar.place(bar.size.width)
        help_key = next(p for p in placed if p.key.display == "?")
        await pilot.click(KeyBar, offset=(help_key.x + 1, help_key.row))
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)


async def test_keys_wrap_onto_a_grid_where_one_row_does_not_fit(small_store) -> None:
    app = make_app(small_store)
    async with app.run_test(size=(100, 20)) as pilot:
        await start(pilot)
        bar = app.screen.query_one(KeyBar)
        assert bar.size.height == 1 and bar.fits()
        assert bar.place(bar.size.width)[1] is not None  # the palette's key, at the right
        for width in (60, 50, 40):
            await pilot.resize_terminal(width, 20)
            await pilot.pause()
            placed, palette = bar.place(bar.size.width)
            assert palette is None  # left out: ctrl+p still opens it
            assert bar.size.height == max(p.row for p in placed) + 1 > 1
            assert bar.fits(), width
