"""当场公布 on screen (issue 15 item 4): the results screen's reveal dialog confirms, and a
projector app on the same database (a second pilot, a reader) shows the revealed ranking, pages
through it and goes back to the live meeting when the results are hidden."""

from __future__ import annotations

import io
import shutil
from collections.abc import Iterator
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest
from rich.console import Console
from textual import events
from textual.app import App
from textual.widgets import Input, Static

from reviewtui import clock, i18n
from reviewtui.assessment import ballots
from reviewtui.assessment import reveal as rv
from reviewtui.meeting.reveal_board import PAGE_SECONDS
from reviewtui.store import Store, open_session
from reviewtui.tui.projector import ProjectorApp
from reviewtui.tui.results import ResultsScreen
from reviewtui.tui.reveal_board import RevealBoard
from reviewtui.tui.reveal_dialog import RevealDialog

ROOT = Path(__file__).resolve().parents[2]
START = datetime(2017, 2, 24, 16, 10, 0, tzinfo=timezone(timedelta(hours=8)))
SIZE = (120, 40)


class ResultsApp(App[None]):
    def __init__(self, store: Store) -> None:
        super().__init__()
        self.store = store

    def on_mount(self) -> None:
        self.push_screen(ResultsScreen(self.store))


@pytest.fixture
def fake() -> Iterator[clock.FakeClock]:
    fake = clock.FakeClock(START)
    clock.set_source(fake)
    yield fake
    clock.set_source(None)


def sample(tmp_path: Path, forms: int = 32) -> Store:
    """The 2017 meeting (15 units, 102 forms expected) with `forms` ballots: provisional."""
    path = tmp_path / "m.toml"
    shutil.copyfile(ROOT / "sessions" / "mentougou-2017.toml", path)
    store = open_session(path, write=True)
    units = [u.name for u in store.plan.units]
    item = store.plan.assessment.items[0].name
    groups = store.plan.groups
    for n in range(forms):
        group = groups[n % len(groups)]
        grades = ["好", "较好", "一般"]
        marks = {(unit, item): grades[(n + i) % 3 if i % 4 else 0] for i, unit in enumerate(units)}
        code = f"{chr(65 + n % len(groups))}{n // len(groups) + 1:03d}"
        ballots.save(store, code=code, group=group.name, marks=marks)
    return store


def board_text(app: ProjectorApp) -> str:
    """The board's heading and foot as plain text."""
    board = app.query_one(RevealBoard)
    console = Console(file=io.StringIO(), width=120, color_system=None)
    for part in ("head", "foot"):
        console.print(board.query_one(f"#board-{part}", Static).content)
    return console.file.getvalue()  # type: ignore[attr-defined]


async def test_reveal_confirmed_on_the_results_screen_shows_on_the_projector(
    tmp_path: Path, fake: clock.FakeClock
) -> None:
    store = sample(tmp_path)
    try:
        app = ResultsApp(store)
        projector = ProjectorApp(store.path)
        async with app.run_test(size=SIZE) as pilot, projector.run_test(size=SIZE) as beamer:
            await pilot.pause()
            await beamer.pause()
            assert not projector.screen.has_class("-reveal")
            await pilot.press("p")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, RevealDialog)
            summary = str(dialog.query_one("#reveal-summary", Static).render())
            assert "Will show 15 units" in summary
            assert "PROVISIONAL" in str(dialog.query_one("#reveal-warning", Static).render())
            # enter (focus on the scope) without names: refused, says which, the dialog stays
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog
            message = str(dialog.query_one("#reveal-message", Static).render())
            assert "Counter: type the name" in message and "Supervisor" in message
            # the cursor is in the first field the refusal names
            assert app.focused is dialog.query_one("#reveal-counter", Input)
            await pilot.press(*"Zhang", "tab", *"Li", "enter")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            shown = rv.current(store.conn)
            assert shown is not None and (shown.counter, shown.supervisor) == ("Zhang", "Li")
            assert shown.provisional
            line = str(app.screen.query_one("#results-revealed", Static).render())
            assert "ON PROJECTOR" in line and "Zhang" in line

            # The projector follows: the ranking, 10 units a page at 40 lines, two pages.
            projector.refresh_view()
            await beamer.pause()
            assert projector.screen.has_class("-reveal")
            board = projector.query_one(RevealBoard).board
            assert board is not None and board.pages == 2 and len(board.rows) == 10
            first = shown.units[0]
            assert board.rows[0].unit == first["unit"] and board.rows[0].rank == "1"
            assert "PROVISIONAL" in board_text(projector) and "Page 1/2" in board_text(projector)
            assert "Counter: Zhang" in board_text(projector)
            # It turns the page on its own, and with keys.
            fake.advance(PAGE_SECONDS + 0.1)
            projector.refresh_view()
            await beamer.pause()
            assert projector.query_one(RevealBoard).board.page == 1  # type: ignore[union-attr]
            await beamer.press("right")
            await beamer.pause()
            assert projector.query_one(RevealBoard).board.page == 0  # type: ignore[union-attr]
            await beamer.press("left")
            await beamer.pause()
            assert projector.query_one(RevealBoard).board.page == 1  # type: ignore[union-attr]

            # h hides: the projector goes back to the live meeting; ctrl+z brings it back.
            await pilot.press("h")
            await pilot.pause()
            projector.refresh_view()
            await beamer.pause()
            assert not projector.screen.has_class("-reveal")
            await pilot.press("ctrl+z")
            await pilot.pause()
            projector.refresh_view()
            await beamer.pause()
            assert projector.screen.has_class("-reveal")
    finally:
        store.close()


async def test_the_top_n_chosen_in_the_dialog(tmp_path: Path, fake) -> None:
    store = sample(tmp_path)
    try:
        app = ResultsApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            dialog = app.screen
            await pilot.press("space", "down", "enter")  # open the list, pick 前几名
            await pilot.pause()
            assert dialog.scope() == "top"  # type: ignore[attr-defined]
            await pilot.press("tab", "backspace", "2", "tab", *"Zhang", "tab", *"Li")
            await pilot.pause()
            assert "Will show 2 units" in str(dialog.query_one("#reveal-summary").render())
            await pilot.press("enter")
            await pilot.pause()
            shown = rv.current(store.conn)
            assert shown is not None and (shown.scope, shown.top) == ("top", 2)
            assert [u["rank"] for u in shown.units] == [1, 2]
    finally:
        store.close()


async def test_escape_cancels_and_keeps_the_names(tmp_path: Path, fake) -> None:
    store = sample(tmp_path, forms=0)
    try:
        app = ResultsApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            dialog = app.screen
            summary = str(dialog.query_one("#reveal-summary", Static).render())
            assert "no valid ballot" in summary
            await pilot.press("tab", *"Zhang", "escape")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen) and rv.current(store.conn) is None
            await pilot.press("p")
            await pilot.pause()
            assert app.screen.query_one("#reveal-counter").value == "Zhang"  # type: ignore[attr-defined]
    finally:
        store.close()


async def test_name_fields_are_boxed_and_a_refusal_puts_the_cursor_in_the_field_named(
    tmp_path: Path, fake
) -> None:
    """计票人 and 监票人 look like fields (a box, as in the other dialogs); confirming with the
    监票人 left empty says so and puts the cursor there, wherever it was."""
    store = sample(tmp_path)
    try:
        app = ResultsApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, RevealDialog)
            for role in ("counter", "supervisor"):
                field = dialog.query_one(f"#reveal-{role}", Input)
                assert field.styles.border_top[0] not in ("", "none", "hidden")
            await pilot.press("tab", *"Zhang", "tab")
            dialog.set_focus(dialog.query_one("#reveal-scope"))
            await pilot.pause()
            await pilot.press("enter")
            await pilot.pause()
            assert app.screen is dialog and rv.current(store.conn) is None
            assert app.focused is dialog.query_one("#reveal-supervisor", Input)
            await pilot.press(*"Li", "enter")
            await pilot.pause()
        shown = rv.current(store.conn)
        assert shown is not None and (shown.counter, shown.supervisor) == ("Zhang", "Li")
    finally:
        store.close()


def post_burst(app: App[None], keys: list[str]) -> None:
    """Keys posted in one go, as one terminal read brings them (tests/tui/test_text_in_order.py)."""
    for key in keys:
        app.post_message(events.Key(key, key if len(key) == 1 else None))


@pytest.mark.parametrize("start", ["#reveal-counter", "#reveal-scope"])
async def test_names_typed_in_one_burst_land_in_their_fields(
    tmp_path: Path, fake, start: str
) -> None:
    """`张三 tab 李四` in one read (tmux send-keys, an input method): the tab moves on before
    李四 is typed, from a name field and from the drop-down alike."""
    store = sample(tmp_path)
    try:
        app = ResultsApp(store)
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            dialog = app.screen
            assert isinstance(dialog, RevealDialog)
            dialog.set_focus(dialog.query_one(start))
            await pilot.pause()
            keys = ["张", "三", "tab", "李", "四"]
            post_burst(app, keys if start == "#reveal-counter" else ["tab", *keys])
            for _ in range(3):
                await pilot.pause()
            counter = dialog.query_one("#reveal-counter", Input).value
            supervisor = dialog.query_one("#reveal-supervisor", Input).value
            assert (counter, supervisor) == ("张三", "李四")
            assert dialog.scope() == "all"  # the drop-down kept its choice
            post_burst(app, ["enter"])
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
        shown = rv.current(store.conn)
        assert shown is not None and (shown.counter, shown.supervisor) == ("张三", "李四")
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# Snapshots


def _staged(tmp_path: Path, lang: str, *, revealed: bool) -> Store:
    i18n.set_lang(lang)
    clock.set_source(clock.FakeClock(START))
    store = sample(tmp_path)
    if revealed:
        rv.reveal(store, "all", counter="张三", supervisor="李四")
    return store


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_dialog(snap_compare, tmp_path: Path, lang: str) -> None:
    store = _staged(tmp_path, lang, revealed=False)
    try:

        async def fill(pilot) -> None:
            await pilot.pause()
            await pilot.press("p")
            await pilot.pause()
            await pilot.press("tab", *"Zhang San", "tab", *"Li Si")
            await pilot.pause()

        assert snap_compare(ResultsApp(store), terminal_size=SIZE, run_before=fill)
    finally:
        store.close()
        clock.set_source(None)


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=["80x24", "120x40"])
@pytest.mark.parametrize("lang", ["zh", "en"])
def test_snapshot_projector_reveal(snap_compare, tmp_path: Path, lang: str, size) -> None:
    store = _staged(tmp_path, lang, revealed=True)
    try:
        assert snap_compare(ProjectorApp(store.path), terminal_size=size)
    finally:
        store.close()
        clock.set_source(None)
