"""Pilot tests of ballot entry (SPEC 5) and the results screen, on a tiny app per test."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from rich.console import Console
from textual.app import App
from textual.widgets import DataTable, Input, Static

from reviewtui.assessment import ballots, serials
from reviewtui.assessment.tally import tally_store
from reviewtui.store import Store, open_session
from reviewtui.tui.ballots import BallotGrid, BallotScreen, MismatchScreen
from reviewtui.tui.results import ResultsScreen

ROOT = Path(__file__).resolve().parents[2]
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"
SIZE = (120, 40)


class ScreenApp(App[None]):
    """Nothing but the screen under test, opened on `store` as the agenda would open it."""

    def __init__(self, store: Store, screen: type = BallotScreen) -> None:
        super().__init__()
        self.store = store
        self.screen_class = screen

    def on_mount(self) -> None:
        self.push_screen(self.screen_class(self.store))


def session(tmp_path: Path, text: str | None = None, name: str = "m.toml") -> Store:
    path = tmp_path / name
    if text is None:
        shutil.copyfile(ROOT / "sessions" / "small.toml", path)
    else:
        path.write_text(text, encoding="utf-8")
    return open_session(path, write=True)


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    store = session(tmp_path)
    yield store
    store.close()


DOUBLE = """
[meeting]
title = "双录入测试"
date = "2017-02-24"

[[groups]]
name = "区级领导"

[[groups]]
name = "党代表"

[[units]]
name = "雁翅镇党委"

[[units]]
name = "城子街道工委"

[[units]]
name = "王平镇党委"
mode = "written"

[assessment]
double_entry = true
"""

NUMERIC = """
[meeting]
title = "打分测试"
date = "2017-02-24"

[[units]]
name = "雁翅镇党委"

[[units]]
name = "城子街道工委"

[assessment]
items = [ { name = "总体评价" }, { name = "实绩", max = 20 } ]
"""


def message(app: App) -> str:
    return str(app.screen.query_one("#ballot-message", Static).render())


def plain(renderable: object) -> str:
    console = Console(file=io.StringIO(), width=120, color_system=None)
    console.print(renderable)
    return console.file.getvalue()  # type: ignore[attr-defined]


def stored(store: Store) -> dict[str, tuple[str, dict]]:
    return {b.code: (b.group, b.marks) for b in ballots.load(store)}


# ------------------------------------------------------------------------------------------------
# Entering ballots


async def test_digits_fill_the_form_and_ctrl_s_saves(small: Store) -> None:
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        assert isinstance(app.focused, BallotGrid)  # no text field has the cursor
        assert screen.code_input.value == "1"
        await pilot.press("1", "2", "3", "ctrl+s")
        await pilot.pause()
        assert stored(small) == {
            "1": ("区级领导", {(YAN, ITEM): "好", (CHENG, ITEM): "较好", (WANG, ITEM): "一般"})
        }
        assert "Ballot 1 saved (entry 1)" in message(app)
        # A fresh form: the next id, the same group, the cursor back on the first cell.
        assert screen.code_input.value == "2"
        assert screen.grid.values == {} and screen.grid.cursor_coordinate == (0, 0)
        assert screen.group == "区级领导"
        (saved,) = ballots.load(small)
        assert saved.entered_by == ballots.default_entered_by()
        # 0 leaves a cell blank and moves on; g changes the group.
        await pilot.press("g", "0", "4", "0", "ctrl+s", "enter")  # 2 units blank: confirmed
        await pilot.pause()
        assert stored(small)["2"] == ("党代表", {(CHENG, ITEM): "差"})
        progress = str(screen.query_one("#ballot-progress", Static).render())
        assert "区级领导 1/3" in progress and "党代表 1/5" in progress


async def test_a_fifteen_unit_ballot_takes_sixteen_key_presses(tmp_path: Path) -> None:
    units = "\n".join(f'[[units]]\nname = "第{i:02d}镇党委"\n' for i in range(1, 16))
    store = session(tmp_path, f'[meeting]\ntitle = "十五个单位"\ndate = "2017-02-24"\n\n{units}')
    try:
        app = ScreenApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            keys = [
                "1",
                "2",
                "3",
                "4",
                "1",
                "1",
                "2",
                "2",
                "3",
                "1",
                "1",
                "1",
                "2",
                "1",
                "4",
                "ctrl+s",
            ]
            assert len(keys) <= 17
            await pilot.press(*keys)
            await pilot.pause()
        (ballot,) = ballots.load(store)
        assert len(ballot.marks) == 15
        assert ballot.marks[("第15镇党委", ITEM)] == "差"
    finally:
        store.close()


async def test_a_ballot_id_used_twice_is_refused(small: Store) -> None:
    ballots.save(small, code="7", group="区级领导", marks={(YAN, ITEM): "好"})
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("i")  # the id field, its text selected: typing replaces it
        assert isinstance(app.focused, Input)
        await pilot.press("7")
        assert "Ballot 7 is already entered in entry 1" in message(app)  # checked as typed
        await pilot.press("enter")  # back to the grid
        assert isinstance(app.focused, BallotGrid)
        await pilot.press("2", "2", "ctrl+s", "enter")  # 王平 blank: confirmed
        await pilot.pause()
        assert "ballot 7 is already entered in entry round 1" in message(app)
        assert stored(small) == {"7": ("区级领导", {(YAN, ITEM): "好"})}  # unchanged
        # The typed marks are still there to save under the right id.
        assert app.screen.grid.values == {(YAN, ITEM): "较好", (CHENG, ITEM): "较好"}
        await pilot.press("i", "8", "escape", "ctrl+s", "enter")
        await pilot.pause()
        assert stored(small)["8"] == ("区级领导", {(YAN, ITEM): "较好", (CHENG, ITEM): "较好"})


async def test_correct_then_delete_a_saved_ballot(small: Store) -> None:
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "1", "1", "ctrl+s", "2", "ctrl+s", "enter")
        await pilot.pause()
        assert set(stored(small)) == {"1", "2"}
        screen = app.screen
        # Open ballot 1 from the saved list, change its first cell, save the correction.
        await pilot.press("l")
        assert isinstance(app.focused, DataTable) and not isinstance(app.focused, BallotGrid)
        await pilot.press("enter")
        await pilot.pause()
        assert screen.grid.values[(YAN, ITEM)] == "好"
        assert "Correcting ballot 1" in message(app)
        await pilot.press("4", "0", "ctrl+s", "enter")
        await pilot.pause()
        assert stored(small)["1"] == ("区级领导", {(YAN, ITEM): "差", (WANG, ITEM): "好"})
        assert "Ballot 1 corrected" in message(app)
        # Delete ballot 2: select it in the list, d, then confirm with y.
        await pilot.press("l", "down", "d")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        assert set(stored(small)) == {"1"}
        assert "Ballot 2 deleted" in message(app)
        # ctrl+z takes the delete back: the ballot returns exactly as it was.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert stored(small)["2"] == ("区级领导", {(YAN, ITEM): "较好"})
        assert "Undone: deleting ballot 2 (entry 1)" in message(app)
    actions = [r[0] for r in small.conn.execute("SELECT action FROM journal ORDER BY id")]
    assert {"ballot.save", "ballot.correct", "ballot.delete"} <= set(actions)


async def test_double_entry_disagreement_is_retyped_not_edited(tmp_path: Path) -> None:
    store = session(tmp_path, DOUBLE)
    try:
        app = ScreenApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            assert isinstance(screen, BallotScreen) and screen.entry == 1
            await pilot.press("1", "2", "3", "ctrl+s")
            await pilot.pause()
            # The second round: blind, the same form offered first.
            await pilot.press("e")
            await pilot.pause()
            assert screen.entry == 2 and screen.code_input.value == "1"
            assert screen.grid.values == {}
            await pilot.press("1", "2", "4", "ctrl+s")  # 王平 typed wrongly: 差, not 一般
            await pilot.pause()
            mismatch = app.screen
            assert isinstance(mismatch, MismatchScreen)
            assert [(d.unit, d.first, d.second) for d in mismatch.comparison.diffs] == [
                (WANG, "一般", "差")
            ]
            cells = mismatch.query_one("#mismatch-cells", DataTable)
            assert [str(c) for c in cells.get_row_at(0)] == [WANG, ITEM, "一般", "差"]
            assert ballots.compare_store(store)[0].status == ballots.MISMATCHED
            # The paper says 一般: entry 2 is wrong. It is typed again from a blank form.
            await pilot.press("2")
            await pilot.pause()
            assert app.screen is screen
            assert (screen.entry, screen.retyping) == (2, True)
            assert screen.grid.values == {} and screen.code_input.value == "1"
            assert "Retyping ballot 1, entry 2" in message(app)
            await pilot.press("1", "2", "3", "ctrl+s")
            await pilot.pause()
            assert "Ballot 1: both entries agree" in message(app)
        (comparison,) = ballots.compare_store(store)
        assert comparison.status == ballots.CONFIRMED
        assert tally_store(store).valid == 1
        retyped = store.conn.execute(
            "SELECT count(*) FROM journal WHERE action = 'ballot.retype'"
        ).fetchone()[0]
        assert retyped >= 1
    finally:
        store.close()


async def test_numeric_cells_take_a_number_and_enter(tmp_path: Path) -> None:
    store = session(tmp_path, NUMERIC)
    try:
        app = ScreenApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            # 雁翅: grade 较好, then 15.5 + enter; 城子: blank grade, 25 is refused, 20 taken.
            await pilot.press("2", "1", "5", "full_stop", "5", "enter", "0")
            await pilot.press("2", "5", "enter")
            await pilot.pause()
            assert "25 is out of range: must be 0 to 20" in message(app)
            await pilot.press("backspace", "backspace", "2", "0", "enter", "ctrl+s")
            await pilot.pause()
        assert stored(store) == {
            "1": (
                "all",
                {
                    ("雁翅镇党委", ITEM): "较好",
                    ("雁翅镇党委", "实绩"): 15.5,
                    ("城子街道工委", "实绩"): 20.0,
                },
            )
        }
    finally:
        store.close()


async def test_blank_ballot_asks_first_and_leaving_asks_for_a_second_press(small: Store) -> None:
    from reviewtui.tui.confirm_dialog import ConfirmDialog

    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and stored(small) == {}
        detail = plain(app.screen.query_one("#confirm-detail", Static).content)
        assert "nothing on it scores" in detail and "3 of the 3 units left blank" in detail
        await pilot.press("escape")  # back to the form, nothing saved
        await pilot.pause()
        assert isinstance(app.screen, BallotScreen) and stored(small) == {}
        assert "Not saved" in message(app)
        await pilot.press("ctrl+s", "ctrl+s")  # a burst of two never saves a void form
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and stored(small) == {}
        await pilot.press("enter")  # enter does
        await pilot.pause()
        assert stored(small) == {"1": ("区级领导", {})}  # an invalid ballot, deliberately saved
        await pilot.press("1", "escape")
        assert isinstance(app.screen, BallotScreen) and "not saved" in message(app)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, BallotScreen)


async def test_export_writes_the_long_form(small: Store) -> None:
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "ctrl+s", "enter", "x")
        await pilot.pause()
        assert "Exported 1 ballot(s)" in message(app)
    (path,) = small.path.parent.glob("*-ballots-1-*.csv")
    lines = path.read_text(encoding="utf-8-sig").splitlines()[1:]  # past the identity line
    assert lines[0] == "ballot,group,unit,item,value"
    assert lines[1] == f"1,区级领导,{YAN},{ITEM},好"
    assert len(lines) == 4  # every cell of the form, blanks included


# ------------------------------------------------------------------------------------------------
# Results


async def test_results_screen_ranks_and_refreshes_when_shown(small: Store) -> None:
    ballots.save(small, code="1", group="区级领导", marks={(YAN, ITEM): "好", (CHENG, ITEM): "差"})
    app = ScreenApp(small, ResultsScreen)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        table = screen.query_one("#results-ranking", DataTable)
        assert [str(table.get_row_at(i)[1]) for i in range(table.row_count)] == [YAN, CHENG, WANG]
        assert str(table.get_row_at(0)[2]) == "100.00"
        groups = plain(screen.query_one("#results-groups", Static).content)
        assert "雁翅镇党委: by rater group" in groups
        assert "区级领导" in groups and "1/3" in groups and "100.00" in groups
        bars = plain(screen.query_one("#results-grades", Static).content)
        assert "好 " in bars and "█" * 24 in bars
        await pilot.press("down")
        await pilot.pause()
        assert screen.selected == CHENG
        # A ballot saved elsewhere appears when the screen is shown again.
        ballots.save(small, code="2", group="党代表", marks={(CHENG, ITEM): "好"})
        app.push_screen(BallotScreen(small))
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen
        # 城子: 区级领导 40 (ballot 1), 党代表 100 (ballot 2): 0.6 * 40 + 0.4 * 100 = 64.
        assert [str(c) for c in table.get_row_at(1)[1:3]] == [CHENG, "64.00"]
        assert screen.selected == CHENG and table.cursor_row == 1  # still selected


async def test_results_screen_x_opens_the_export_dialog_on_xlsx(small: Store) -> None:
    from reviewtui.tui.export_dialog import ExportDialog

    app = ScreenApp(small, ResultsScreen)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        await pilot.press("x")
        await pilot.pause()
        assert isinstance(app.screen, ExportDialog)
        assert app.screen.export_format == "xlsx"


async def test_a_stack_of_ten_printed_forms_costs_sixteen_keys_a_form(tmp_path: Path) -> None:
    """After B001 the id offered is B002 (the group's next serial), so each form after the
    first is its 15 grades and ctrl+s; the first needs `i` and its serial."""
    units = "\n".join(f'[[units]]\nname = "第{i:02d}镇党委"\n' for i in range(1, 16))
    groups = '[[groups]]\nname = "区级领导"\nissued = 3\n\n'
    groups += '[[groups]]\nname = "党代表"\nissued = 10\n'
    text = f'[meeting]\ntitle = "十五个单位"\ndate = "2017-02-24"\n\n{groups}\n{units}'
    store = session(tmp_path, text)
    serials.record(store, store.plan)  # what `print forms` records: A001–A003, B001–B010
    grades = ["1", "2", "3", "4", "1", "1", "2", "2", "3", "1", "1", "1", "2", "1", "4"]
    counted: list[str] = []
    try:
        app = ScreenApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            for form in range(10):
                keys = ["i", "backspace", "b", "1", "enter"] if form == 0 else []
                keys += [*grades, "ctrl+s"]
                counted += keys
                await pilot.press(*keys)
                await pilot.pause()
        saved = stored(store)
        assert sorted(saved) == [f"B{n:03d}" for n in range(1, 11)]
        assert all(group == "党代表" and len(marks) == 15 for group, marks in saved.values())
        assert len(counted) == 5 + 10 * 16  # 165 keys for 10 forms: 16 a form, 5 for the first id
    finally:
        store.close()


def test_the_id_offered_after_the_last_printed_serial_of_a_group_is_a_number(small: Store) -> None:
    serials.record(small, small.plan)  # what `print forms` records: A001–A003, B001–B005
    ballots.save(small, code="A003", group="区级领导", marks={})
    assert ballots.next_code(small) == "1"  # 区级领导 was issued 3 forms: no A004
    ballots.save(small, code="B001", group="党代表", marks={})
    ballots.save(small, code="B002", group="党代表", marks={})
    assert ballots.next_code(small) == "B003"
    ballots.save(small, code="B004", group="党代表", marks={})
    ballots.save(small, code="B003", group="党代表", marks={})
    assert ballots.next_code(small) == "B005"  # B004 is taken: the next free one


async def test_a_printed_serial_gives_the_group_and_an_unprinted_one_is_refused(small: Store):
    serials.record(small, small.plan)  # what `print forms` records: A001–A003, B001–B005
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen) and screen.group == "区级领导"
        await pilot.press("i", "backspace", "b", "4", "enter")
        await pilot.pause()
        assert screen.group == "党代表"  # B is the second group's serial prefix
        await pilot.press("1", "2", "3", "ctrl+s")
        await pilot.pause()
        assert stored(small)["B004"][0] == "党代表"  # typed b4, saved as printed
        await pilot.press("i", *["backspace"] * 6, "a", "0", "0", "4", "enter")
        await pilot.pause()
        assert screen.group == "区级领导"
        await pilot.press("1", "2", "3", "ctrl+s")
        await pilot.pause()
        assert "A004" not in stored(small)  # only 3 forms were issued to 区级领导
        assert "A004" in message(app) and "A001–A003" in message(app)
        assert "printed 20" in message(app)  # and when they were printed


async def test_without_printed_forms_an_office_numbering_is_free_form(small: Store) -> None:
    """Nothing printed: `C024` and `B0001` are the office's own ids, kept as typed; they name
    no group, and a group returning more forms than issued is saved (and flagged), not refused."""
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen) and screen.group == "区级领导"
        for code in ("C024", "B0001", "A007", "A008"):  # 区级领导 was issued 3 forms
            await pilot.press("i", *["backspace"] * 8, *code, "enter")
            await pilot.pause()
            assert screen.group == "区级领导"  # no letter names a group: nothing was printed
            await pilot.press("1", "2", "3", "ctrl+s")
            await pilot.pause()
        saved = stored(small)
        codes = ("C024", "B0001", "A007", "A008")
        assert {code: saved[code][0] for code in codes} == dict.fromkeys(codes, "区级领导")
    result = tally_store(small)
    assert {g.name: g.over_issued for g in result.groups}["区级领导"]


async def test_a_burst_through_the_id_field_lands_where_it_was_typed(small: Store) -> None:
    """`i`, the serial, enter and the grades in one read: the keys after `i` go to the id
    field and those after enter to the grid, though focus moves in the middle of the read."""
    from textual import events

    serials.record(small, small.plan)  # printed: b4 is form B004 of 党代表
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        keys = ["i", "backspace", "b", "4", "enter", "1", "2", "3", "ctrl+s"]
        for key in keys:
            character = {"backspace": "\x7f", "enter": "\r", "ctrl+s": None}.get(key, key)
            app.post_message(events.Key(key, character))
        for _ in range(4):
            await pilot.pause()
        assert stored(small)["B004"] == (
            "党代表",
            {(YAN, ITEM): "好", (CHENG, ITEM): "较好", (WANG, ITEM): "一般"},
        )


async def test_the_saved_list_keeps_its_check_column_at_80_columns(tmp_path: Path) -> None:
    """A long group name never pushes 核对 (the double entry's verdict) off the side panel."""
    text = (
        '[meeting]\ntitle = "双录入"\ndate = "2017-02-24"\n\n'
        '[[groups]]\nname = "基层党组织书记和党代表代表"\nissued = 5\n\n'
        '[[units]]\nname = "雁翅镇党委"\n\n[assessment]\ndouble_entry = true\n'
    )
    store = session(tmp_path, text)
    try:
        ballots.save(store, code="A001", group="基层党组织书记和党代表代表", marks={}, entry=1)
        app = ScreenApp(store)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            table = app.screen.saved_table
            keys = [str(key.value) for key in table.columns]
            upto = keys[: keys.index("check") + 1]
            used = sum(table.columns[key].get_render_width(table) for key in upto)
            assert used <= table.scrollable_content_region.width
    finally:
        store.close()


async def test_results_screen_at_80_columns_shows_every_column_and_whole_names(
    tmp_path: Path,
) -> None:
    """English at 80x24: "Good rate" is not cut off the right, and 中关村科技园门头沟园工委
    wraps in its column instead of being cut."""
    from reviewtui import i18n

    i18n.set_lang("en")
    store = session(tmp_path, (ROOT / "sessions" / "mentougou-2017.toml").read_text("utf-8"))
    units = [u.name for u in store.plan.units]
    item = store.plan.assessment.items[0].name
    ballots.save(store, code="A001", group=store.plan.groups[0].name,
                 marks={(u, item): "好" for u in units})  # fmt: skip
    try:
        app = ScreenApp(store, ResultsScreen)
        async with app.run_test(size=(80, 24)) as pilot:
            await pilot.pause()
            table = app.screen.query_one("#results-ranking", DataTable)
            used = sum(c.get_render_width(table) for c in table.columns.values())
            assert used <= table.scrollable_content_region.width
            names = {str(table.get_row_at(i)[1]) for i in range(table.row_count)}
            assert names == set(units)
    finally:
        store.close()


async def test_n_on_an_unsaved_ballot_says_what_a_second_n_does(small: Store) -> None:
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("1", "n")
        await pilot.pause()
        assert "press n again to discard it" in message(app)  # not "escape", which leaves
        assert app.screen.grid.values  # kept until the second n
        await pilot.press("n")
        await pilot.pause()
        assert not app.screen.grid.values
