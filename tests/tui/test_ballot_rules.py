"""The ballot screen asks before saving a form that the rules make invalid or that leaves units
blank (SPEC 5 and 6): it says which rule, escape saves nothing, a confirmation saves."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from textual.widgets import Static

from reviewtui.assessment import ballots
from reviewtui.assessment.tally import tally_store
from reviewtui.store import Store, open_session
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.confirm_dialog import ConfirmDialog

from ._live_support import make_app, start

ROOT = Path(__file__).resolve().parents[2]
RULES = '\n[assessment.rules]\nall_same = true\nmin_marked = 0.5\nquota = [ { grade = "好", max_share = 0.5 } ]\n'  # noqa: E501
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"


def ruled_session(folder: Path) -> Path:
    """sessions/small.toml (3 units) with every rule on: 2 units must be marked (0.5 × 3 = 1.5),
    at most half the grades 好, and not all the same."""
    path = folder / "rules.toml"
    path.write_text((ROOT / "sessions" / "small.toml").read_text("utf-8") + RULES, "utf-8")
    return path


@pytest.fixture
def ruled(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Store]:
    monkeypatch.setattr(ballots, "default_entered_by", lambda: "秘书")  # not this machine's name
    store = open_session(ruled_session(tmp_path), write=True)
    try:
        yield store
    finally:
        store.close()


def detail(app) -> str:
    return str(app.screen.query_one("#confirm-detail", Static).render())


def title(app) -> str:
    return str(app.screen.query_one("#confirm-box").border_title)


async def test_a_form_breaking_a_rule_asks_says_which_and_saves_only_when_confirmed(
    ruled: Store,
) -> None:
    app = make_app(ruled)
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        await pilot.press("2", "2", "2", "ctrl+s")  # every unit 较好
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert title(app) == "This ballot will be invalid"
        assert "every unit has the same grade" in detail(app)
        assert "blank" not in detail(app)  # no unit is blank
        # escape: back to the form as it was typed, nothing saved
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is screen and ballots.load(ruled) == []
        assert screen.grid.values == {(u, ITEM): "较好" for u in (YAN, CHENG, WANG)}
        assert "Not saved" in str(screen.query_one("#ballot-message", Static).render())
        # ctrl+s twice (a burst) does not save a form the rules void; enter does
        await pilot.press("ctrl+s", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog) and ballots.load(ruled) == []
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        (saved,) = ballots.load(ruled)
        assert saved.code == "1" and len(saved.marks) == 3
        assert "Ballot 1 saved" in str(screen.query_one("#ballot-message", Static).render())

        # One unit marked of three: too few (2 needed), and two units blank.
        await pilot.press("3", "0", "0", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        text = detail(app)
        assert "only 1 unit(s) marked; at least 2 of the 3 must be" in text
        assert "2 of the 3 units left blank" in text
        await pilot.press("y")
        await pilot.pause()

        # Two units marked, 好 and 一般: valid (2 = 2 units; 好 is 1/2, the quota reached), but
        # one unit blank: asked, without a rule.
        await pilot.press("1", "3", "0", "ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        assert title(app) == "This ballot leaves units blank"
        assert "1 of the 3 units left blank" in detail(app) and "Why" not in detail(app)
        await pilot.press("ctrl+s")  # a blank unit only: the repeated press saves
        await pilot.pause()
        assert app.screen is screen and len(ballots.load(ruled)) == 3
        await pilot.pause()

        # 好 好 一般: 2 of 3 好 exceeds the half allowed.
        await pilot.press("1", "1", "3", "ctrl+s")
        await pilot.pause()
        assert "2 cell(s) of '好' make 66.7% of its grades, more than the 50% allowed" in detail(
            app
        )
        await pilot.press("enter")
        await pilot.pause()

        # A full, valid form saves at once.
        await pilot.press("1", "2", "3", "ctrl+s")
        await pilot.pause()
        assert app.screen is screen
    results = tally_store(ruled)
    assert results.invalid_reasons == {"1": "all_same", "2": "min_marked", "4": "quota:好"}
    assert results.valid == 2


def test_snapshot_the_question_before_saving(
    snap_compare, ruled: Store, lang: str, fake_clock
) -> None:
    app = make_app(ruled)
    assert snap_compare(app, terminal_size=(80, 24), press=["b", "1", "0", "0", "ctrl+s"])
