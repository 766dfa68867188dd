"""The rectification list screen: `z` from the live and the results screens, edit, drop, merge,
add and undo through its keys; last year's lines on the live screen; snapshots zh/en."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from reviewtui.meeting import Meeting
from reviewtui.rectify import Rectification
from reviewtui.store import Store, open_session
from reviewtui.tui.rectify_screen import RectifyScreen, widths
from reviewtui.tui.results import ResultsScreen

from ._live_support import SIZE, make_app, notifications, open_first, start, type_text


def records(store: Store) -> None:
    """雁翅镇党委: a question and a comment, through the core."""
    meeting = Meeting(store)
    first = meeting.next_item()
    assert first is not None and first.unit == "雁翅镇党委"
    meeting.start_question("党代表 张建国", "第一书记怎样考核？")
    meeting.start_comment(None, "基层阵地建设还有短板")
    meeting.end_segment()


async def test_edit_drop_undo_from_the_live_screen(small_store: Store, fake_clock) -> None:
    records(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("z")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, RectifyScreen) and screen.unit == "雁翅镇党委"
        assert [x.problem for x in screen.lines] == ["第一书记怎样考核？", "基层阵地建设还有短板"]
        assert app.focused is screen.table  # no text field has the cursor

        await pilot.press("enter")  # the dialog, cursor in the problem field
        await pilot.pause()
        await pilot.press("tab")
        await type_text(pilot, "制定考核办法")
        await pilot.press("tab")
        await type_text(pilot, "组织委员")
        await pilot.press("tab")
        await type_text(pilot, "2017-06-30")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen and app.focused is screen.table
        line = Rectification(small_store).lines()[0]
        assert (line.measure, line.owner, line.deadline) == (
            "制定考核办法",
            "组织委员",
            "2017-06-30",
        )
        assert line.follows_record  # the problem text was left as it was

        await pilot.press("down", "d")
        await pilot.pause()
        assert [x.status for x in Rectification(small_store).lines()] == ["open", "dropped"]
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [x.status for x in Rectification(small_store).lines()] == ["open", "open"]
        assert any("删除整改问题" in n or "dropping" in n for n in notifications(app))
        await pilot.press("ctrl+z")  # the edit
        await pilot.pause()
        assert Rectification(small_store).lines()[0].measure == ""
        assert small_store.rows("SELECT * FROM problems") == []
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen.id == "live"


async def test_a_bad_deadline_keeps_what_was_typed(small_store: Store, fake_clock) -> None:
    records(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await type_text(pilot, "台账不规范")
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "明年")
        await pilot.press("enter")
        await pilot.pause()
        dialog = app.screen
        assert dialog.id != "rectify"  # opened again, with the refusal and the text
        assert dialog.query_one("#line-problem").value == "台账不规范"
        assert dialog.query_one("#line-error").display
        deadline = dialog.query_one("#line-deadline")
        deadline.value = "2017年12月31日"
        await pilot.press("enter")
        await pilot.pause()
        added = Rectification(small_store).lines("雁翅镇党委")[-1]
        assert (added.source, added.problem, added.deadline) == (
            "secretary",
            "台账不规范",
            "2017-12-31",
        )


async def test_merge_with_m_and_undo(small_store: Store, fake_clock) -> None:
    records(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("m", "down", "m")
        await pilot.pause()
        lines = Rectification(small_store).lines()
        assert len(lines) == 1 and "基层阵地建设还有短板" in lines[0].problem
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(Rectification(small_store).lines()) == 2


async def test_z_on_the_results_screen(small_store: Store, fake_clock) -> None:
    records(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        app.push_screen(ResultsScreen(small_store))
        await pilot.pause()
        await pilot.press("z")
        await pilot.pause()
        assert isinstance(app.screen, RectifyScreen)
        await pilot.press("a")  # every unit
        await pilot.pause()
        assert app.screen.unit is None and len(app.screen.lines) == 2


def last_year(tmp_path: Path, small_session: Path, fake_clock) -> Path:
    """Last year's database beside a session file that names it."""
    old = tmp_path / "old"
    old.mkdir()
    shutil.copy(small_session, old / "small.toml")
    store = open_session(old / "small.toml", write=True)
    records(store)
    rect = Rectification(store)
    rect.drop(rect.lines()[1].key)  # dropped lines are not followed up
    store.close()
    text = small_session.read_text(encoding="utf-8")
    small_session.write_text(
        text.replace('date = "2017-02-24"', 'date = "2018-02-24"\nprevious = "old/small.db"'),
        encoding="utf-8",
    )
    return old / "small.db"


async def test_last_year_on_the_live_screen(
    tmp_path: Path, small_session: Path, fake_clock
) -> None:
    last_year(tmp_path, small_session, fake_clock)
    store = open_session(small_session, write=True)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_first(pilot)
            box = app.screen.query_one("#previous")
            assert box.display
            assert "第一书记怎样考核？" in str(box.render())
            assert "基层阵地建设" not in str(box.render())
            await pilot.press("n")  # 城子街道工委: no lines last year
            await pilot.pause()
            assert not box.display
    finally:
        store.close()


async def test_missing_last_year_warns(tmp_path: Path, small_session: Path, fake_clock) -> None:
    last_year(tmp_path, small_session, fake_clock).unlink()
    store = open_session(small_session, write=True)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE, notifications=True) as pilot:
            await open_first(pilot)
            assert not app.screen.query_one("#previous").display
            assert any("small.db" in n for n in notifications(app))
    finally:
        store.close()


def test_widths_fit_the_screen() -> None:
    for total in (80, 100, 120):
        cells = widths(total, with_unit=True)
        assert sum(cells.values()) + 2 * len(cells) + 2 <= total
        assert cells["problem"] >= 14


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot(snap_compare, small_store: Store, fake_clock, lang, size) -> None:
    records(small_store)
    rect = Rectification(small_store)
    rect.add("雁翅镇党委", "部分村党支部“三会一课”记录不全，台账资料不规范，需要逐项整改销号")
    rect.edit(rect.lines()[0].key, measure="制定第一书记考核办法", owner="组织委员")
    rect.drop(rect.lines()[1].key)
    app = make_app(small_store)
    assert snap_compare(app, terminal_size=size, press=["enter", "z"])


async def test_help_names_z_on_the_live_screen(small_store: Store, fake_clock) -> None:
    from reviewtui.i18n import t
    from reviewtui.tui.help import HelpScreen

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert t("rectify.key.open") in shown


async def test_status_is_a_choice_and_a_refusal_keeps_the_cursor_in_its_field(
    small_store: Store, fake_clock
) -> None:
    """The status is picked from the allowed values (in the user's language), never typed;
    a refused deadline reopens the dialog with the cursor in the deadline field, so the keys
    typed next correct the deadline and not the problem; the line is added once."""
    from textual.widgets import Select

    records(small_store)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("z")
        await pilot.pause()
        await pilot.press("plus")
        await pilot.pause()
        await type_text(pilot, "台账不规范")
        dialog = app.screen
        status = dialog.query_one("#line-status")
        assert isinstance(status, Select)
        labels = [str(prompt) for prompt, _ in status._options]
        assert labels == ["open", "done", "dropped"] or labels == ["未整改", "已整改", "不列入"]
        await pilot.press("tab", "tab", "tab")
        await type_text(pilot, "六月底")
        await pilot.press("tab", "down")  # the status list opens on the arrow
        await pilot.pause()
        await pilot.press("down", "enter")  # picks 已整改 (done); the dialog stays
        await pilot.pause()
        assert app.screen is dialog and status.value == "done"
        await pilot.press("enter")
        await pilot.pause()
        again = app.screen
        assert again is not dialog and again.query_one("#line-error").display
        assert app.focused is again.query_one("#line-deadline")  # the field it names
        assert Rectification(small_store).lines("雁翅镇党委")[-1].problem != "台账不规范"
        await pilot.press(*["backspace"] * 3)
        await type_text(pilot, "2017-06-30")
        await pilot.press("enter")
        await pilot.pause()
        added = [
            x for x in Rectification(small_store).lines("雁翅镇党委") if x.problem == "台账不规范"
        ]
        assert [(x.status, x.deadline) for x in added] == [("done", "2017-06-30")]
