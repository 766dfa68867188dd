"""The ballot screen with opinion lines (意见建议, `assessment.opinions = true`): `o` types the
current unit's opinion, and no key typed there moves the grade cursor or sets a grade."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.store import Store, open_session
from reviewtui.tui.ballot_grid import BallotGrid
from reviewtui.tui.ballot_view import OpinionField
from reviewtui.tui.ballots import BallotScreen

from .test_ballot_screen import ScreenApp, session

ROOT = Path(__file__).resolve().parents[2]
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"
SIZE = (120, 40)


def opinion_store(tmp_path: Path) -> Store:
    text = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")
    path = tmp_path / "m.toml"
    path.write_text(text.replace("[assessment]\n", "[assessment]\nopinions = true\n"), "utf-8")
    return open_session(path, write=True)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    opened = opinion_store(tmp_path)
    yield opened
    opened.close()


async def test_digits_typed_in_an_opinion_stay_text_and_the_cursor_stays(store: Store) -> None:
    app = ScreenApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        grid = screen.grid
        await pilot.press("1")  # 雁翅镇党委: 好; the cursor moves on to 城子街道工委
        assert grid.cursor_coordinate == (1, 0)
        await pilot.press("o", "3", "2", "x", "1", "0")  # one burst: all of it is the opinion
        await pilot.pause()
        assert isinstance(app.focused, OpinionField)
        assert grid.cursor_coordinate == (1, 0)  # where it was
        assert grid.values == {(YAN, ITEM): "好"}  # no digit became a grade
        assert grid.opinions == {CHENG: "32x10"}
        await pilot.press("enter", "2")  # back to the grades, where the cursor was
        await pilot.pause()
        assert isinstance(app.focused, BallotGrid)
        assert grid.values == {(YAN, ITEM): "好", (CHENG, ITEM): "较好"}
        assert grid.cursor_coordinate == (2, 0)
        # escape leaves the line too, keeping what was typed; right never enters the column
        await pilot.press("o", "好", "escape", "right", "right")
        await pilot.pause()
        assert isinstance(app.focused, BallotGrid) and grid.cursor_coordinate == (2, 0)
        await pilot.press("ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # a unit left blank: saved once confirmed
        await pilot.pause()
        (saved,) = ballots.load(store)
        assert saved.opinions == {CHENG: "32x10", WANG: "好"}
        assert saved.marks == {(YAN, ITEM): "好", (CHENG, ITEM): "较好"}
        assert grid.opinions == {}  # a fresh form


async def test_a_correction_shows_and_edits_the_opinions(store: Store) -> None:
    first = ballots.save(
        store, code="1", group="区级领导", marks={(YAN, ITEM): "好"}, opinions={YAN: "多调研"}
    )
    app = ScreenApp(store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        screen.open_saved(first.id)
        await pilot.pause()
        assert screen.grid.opinions == {YAN: "多调研"}
        assert screen.opinion_input.value == "多调研"  # the line shows the current unit's
        assert not screen.dirty
        await pilot.press("o", "backspace", "backspace", "backspace", *"少开会")
        assert screen.dirty
        await pilot.press("enter", "ctrl+s")
        await pilot.pause()
        await pilot.press("enter")  # units left blank: saved once confirmed
        await pilot.pause()
        assert ballots.get(store, first.id).opinions == {YAN: "少开会"}
        # undo (ctrl+z) brings the opinion back with the marks
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert ballots.get(store, first.id).opinions == {YAN: "多调研"}


async def test_without_opinions_the_screen_has_no_opinion_line(small: Store) -> None:
    app = ScreenApp(small)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        screen = app.screen
        assert not screen.query("#ballot-opinion") and not screen.query("#ballot-opinion-line")
        keys = str(screen.query_one("#ballot-keys-entry").render())
        assert "Opinion" not in keys
        await pilot.press("o", "1")  # o does nothing; 1 is a grade
        await pilot.pause()
        assert screen.grid.values == {(YAN, ITEM): "好"}
        assert len(screen.grid.columns) == 1


@pytest.fixture
def small(tmp_path: Path) -> Iterator[Store]:
    opened = session(tmp_path)
    yield opened
    opened.close()


# ------------------------------------------------------------------------------------------------
# Snapshots, zh and en


@pytest.fixture
def snap_store(tmp_path: Path, fake_clock: object, lang: str) -> Iterator[Store]:
    opened = opinion_store(tmp_path)
    ballots.save(
        opened,
        code="A001",
        group="区级领导",
        marks={(YAN, ITEM): "好", (CHENG, ITEM): "较好"},
        entered_by="secretary",
        opinions={YAN: "基层调研要常态化，问题清单要见底"},
    )
    yield opened
    opened.close()


@pytest.mark.parametrize("size", [(80, 24), (120, 40)], ids=lambda s: f"{s[0]}x{s[1]}")
def test_snapshot_ballot_screen_with_opinions(snap_compare, snap_store, size) -> None:
    lang = i18n.get_lang()

    async def run_before(pilot) -> None:
        await pilot.pause()
        screen = pilot.app.screen
        for field in screen.query("Input"):
            field.cursor_blink = False
        (saved,) = ballots.load(snap_store)
        screen.open_saved(saved.id)
        await pilot.pause()
        await pilot.press("down", "o", *("2号意见" if lang == "zh" else "note 2"))
        await pilot.pause()

    app = ScreenApp(snap_store)
    assert snap_compare(app, terminal_size=size, run_before=run_before)
