"""The ballot screen's import (`I`): the first laptop merges the second laptop's ballot file
without quitting `run` (the merge of `ballots import`, on the screen's own store)."""

from __future__ import annotations

import os
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Button, Input, Static

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.store import Store
from reviewtui.tui.ballot_import import ImportDialog, ReportDialog
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.confirm_dialog import ConfirmDialog

from .test_ballot_screen import CHENG, ITEM, YAN, ScreenApp, session

SIZE = (120, 40)
GROUP = "区级领导"
HEADER = "ballot,group,unit,item,value\n"


@pytest.fixture
def entered(tmp_path: Path) -> Iterator[Store]:
    """The first laptop: ballots 1 to 3 entered, every unit 好."""
    store = session(tmp_path)
    for code in ("1", "2", "3"):
        marks = {(u, ITEM): "好" for u in (YAN, CHENG)}
        ballots.save(store, code=code, group=GROUP, marks=marks, entered_by="张三")
    yield store
    store.close()


def export(store: Store, name: str, forms: dict[str, str], mtime: int | None = None) -> Path:
    """A second laptop's export beside the database: `forms` is code -> the grade of each unit."""
    path = store.path.with_name(f"{store.path.stem}-ballots-1-laptopB-{name}.csv")
    rows = [f"{code},{GROUP},{unit},{ITEM},{grade}\n" for code, grade in forms.items()
            for unit in (YAN, CHENG)]  # fmt: skip
    path.write_text(HEADER + "".join(rows), encoding="utf-8")
    if mtime is not None:
        os.utime(path, (mtime, mtime))
    return path


def import_txs(store: Store) -> list[int]:
    rows = store.conn.execute(
        "SELECT DISTINCT tx FROM journal WHERE action = 'ballot.import' ORDER BY tx"
    ).fetchall()
    return [r[0] for r in rows]


def message(screen) -> str:
    return str(screen.query_one("#ballot-message", Static).render())


def dialog_text(dialog: ImportDialog) -> str:
    return str(dialog.query_one("#import-message", Static).render())


async def open_dialog(app: ScreenApp, pilot) -> ImportDialog:
    await pilot.pause()
    await pilot.press("I")
    await pilot.pause()
    dialog = app.screen
    assert isinstance(dialog, ImportDialog)
    return dialog


async def test_a_good_file_then_the_same_file_again(entered: Store) -> None:
    path = export(entered, "a", {"4": "较好", "5": "较好"})
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        # The newest export beside the database is offered, and taken by enter.
        assert dialog.query_one("#import-path", Input).value == path.name
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportDialog)
        assert any("2 ballot(s)" in line and "entry round 1" in line for line in report.lines)
        await pilot.press("escape")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        assert screen.saved_table.row_count == 5  # the saved list and progress follow
        assert f"{GROUP} 5/" in str(screen.query_one("#ballot-progress", Static).render())
        assert screen.code_input.value == "6"  # the next free id, past the imported ones
        assert "2 ballot(s)" in message(screen)
        assert len(import_txs(entered)) == 1  # one journaled command
        before = entered.content_sha256()

        # The same file again: nothing new, each one said to be a duplicate, nothing written.
        await open_dialog(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportDialog)
        assert any("2 duplicate(s)" in line and "4、5" in line for line in report.lines)
        assert entered.content_sha256() == before and len(import_txs(entered)) == 1


async def test_a_conflict_is_refused_then_skipped_on_a_second_confirmation(
    entered: Store,
) -> None:
    export(entered, "b", {"2": "差", "3": "好", "4": "较好"})  # 2 differs, 3 the same, 4 new
    before = entered.content_sha256()
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        skip = dialog.query_one("#import-skip", Button)
        assert not skip.display  # offered only after a conflict refusal
        await pilot.press("ctrl+o")  # nothing to skip yet: no dialog
        await pilot.pause()
        assert app.screen is dialog
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog  # refused: the dialog stays, saying why
        text = dialog_text(dialog)
        assert "ballot 2 is already entered" in text and "entered 好, in the file 差" in text
        assert "nothing was imported" in text and "ctrl+o" in text
        assert "--skip-conflicts" not in text  # the screen's way, not the command line's
        assert entered.content_sha256() == before
        assert skip.display
        await pilot.press("ctrl+o")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "1 conflicting" in confirm.question and "1 new" in confirm.question
        await pilot.press("y")
        await pilot.pause()
        report = app.screen
        assert isinstance(report, ReportDialog)
        assert any("1 conflicting ballot(s) not imported" in line for line in report.lines)
    assert ballots.find(entered, "4", 1) is not None
    kept = ballots.find(entered, "2", 1)
    assert kept is not None and set(kept.marks.values()) == {"好"}  # the entered version


async def test_escape_on_the_skip_question_imports_nothing(entered: Store) -> None:
    export(entered, "b", {"2": "差", "4": "较好"})
    before = entered.content_sha256()
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        await pilot.press("enter", "ctrl+o", "escape")
        await pilot.pause()
        assert app.screen is dialog
        # Another file (or round) forgets the refusal: ctrl+o is no longer offered.
        dialog.query_one("#import-path", Input).value = "other.csv"
        await pilot.pause()
        assert not dialog.query_one("#import-skip", Button).display
        await pilot.press("ctrl+o")
        await pilot.pause()
        assert app.screen is dialog
    assert entered.content_sha256() == before


async def test_bad_rows_and_a_missing_file_change_nothing(entered: Store, tmp_path: Path) -> None:
    bad = entered.path.with_name("bad.csv")
    bad.write_text(HEADER + f"4,{GROUP},{YAN},{ITEM},很好\n", encoding="utf-8")
    before = entered.content_sha256()
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#import-path", Input)
        assert field.value == ""  # nothing exported beside the database: nothing offered
        await pilot.press("enter")
        await pilot.pause()
        assert "Type the path" in dialog_text(dialog)
        field.value = "bad.csv"  # beside the database
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "bad.csv:2" in dialog_text(dialog)
        assert not dialog.query_one("#import-skip", Button).display  # no conflict: no skip
        field.value = str(tmp_path / "nowhere.csv")
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is dialog and "nowhere.csv" in dialog_text(dialog)
    assert entered.content_sha256() == before


async def test_ctrl_z_undoes_the_whole_import_after_asking(entered: Store) -> None:
    export(entered, "a", {"4": "较好", "5": "较好", "6": "一般"})
    before = entered.content_sha256()
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        await open_dialog(app, pilot)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("escape", "ctrl+z")
        await pilot.pause()
        confirm = app.screen
        assert isinstance(confirm, ConfirmDialog)
        assert "3 imported ballot(s)" in confirm.question
        assert "laptopB-a.csv" in confirm.detail.plain
        await pilot.press("n")  # kept
        await pilot.pause()
        assert len(ballots.load(entered, entry=1)) == 6
        await pilot.press("ctrl+z")
        await pilot.pause()
        await pilot.press("y")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        assert "Undone: importing 3 ballot(s) from m-ballots-1-laptopB-a.csv" in message(screen)
        assert screen.saved_table.row_count == 3 and screen.code_input.value == "4"
        # The next ctrl+z takes back what came before it: the save of ballot 3.
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert "saving ballot 3" in message(screen)
    assert [b.code for b in ballots.load(entered, entry=1)] == ["1", "2"]
    assert entered.content_sha256() != before  # the undos are journaled, never erased


async def test_the_round_is_chosen_with_double_entry(tmp_path: Path) -> None:
    from .test_ballot_screen import DOUBLE

    store = session(tmp_path, DOUBLE)
    try:
        export(store, "a", {"1": "好"})
        app = ScreenApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("e")  # the screen in round 2: the dialog starts there
            await pilot.pause()
            dialog = await open_dialog(app, pilot)
            assert dialog.query_one("#import-entry-row").display
            assert dialog.chosen_entry() == 2
            await pilot.press("enter")
            await pilot.pause()
            assert isinstance(app.screen, ReportDialog)
        assert ballots.find(store, "1", 2) is not None and ballots.find(store, "1", 1) is None
    finally:
        store.close()


async def test_help_lists_the_import_key(entered: Store) -> None:
    from reviewtui.tui.help import HelpScreen

    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        shown = " ".join(str(w.render()) for w in app.screen.query("Static"))
        assert "Import" in shown and "I " in shown


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_dialog_after_a_conflict(
    snap_compare, entered: Store, lang: str, monkeypatch
) -> None:
    monkeypatch.setenv("TZ", "Asia/Shanghai")  # the offered files' times, as the secretary's
    time.tzset()
    i18n.set_lang(lang)
    export(entered, "20170224-153012", {"4": "较好"}, mtime=1487921412)
    export(entered, "20170224-160000", {"2": "差", "4": "较好"}, mtime=1487923200)

    async def refuse(pilot) -> None:
        await pilot.pause()
        await pilot.press("I")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()

    try:
        assert snap_compare(ScreenApp(entered), terminal_size=SIZE, run_before=refuse)
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()


async def test_a_path_and_enter_in_one_read_import_that_path(entered: Store) -> None:
    """tmux, a barcode scanner or an input method sends `path⏎` in one read: the dialog's
    priority `enter` must wait for the field to take the keys before it (it found it empty)."""
    from textual import events

    path = export(entered, "burst", {"4": "好"})
    app = ScreenApp(entered)
    async with app.run_test(size=SIZE) as pilot:
        dialog = await open_dialog(app, pilot)
        field = dialog.query_one("#import-path", Input)
        field.value = ""
        field.focus()
        await pilot.pause()
        for char in path.name:  # posted at once, as the driver posts the keys of one read
            app.post_message(events.Key(char, char))
        app.post_message(events.Key("enter", None))
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, ReportDialog), dialog_text(dialog)  # imported: its report
    assert import_txs(entered)  # the file was imported
