"""`run --entry-only` (tui/entry_only.py): a second laptop's copy opens straight on ballot entry,
in its round, says what it is, offers no key that records the meeting, and exports its ballots."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from textual.widgets import Static

from reviewtui import i18n
from reviewtui.assessment import ballots
from reviewtui.assessment.merge import EntryCopy
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.store import Store, open_session
from reviewtui.tui.app import ReviewApp
from reviewtui.tui.entry_only import EntryOnlyScreen
from reviewtui.tui.results import ResultsScreen

ROOT = Path(__file__).resolve().parents[2]
SIZE = (120, 40)
YAN, CHENG, WANG = "雁翅镇党委", "城子街道工委", "王平镇党委"
ITEM = "总体评价"


def copy_mid_meeting(tmp_path: Path) -> Store:
    """A copy of a meeting's database taken while a report was running, as a second laptop
    gets it; with double entry."""
    text = (ROOT / "sessions" / "small.toml").read_text("utf-8")
    session = tmp_path / "a" / "m.toml"
    session.parent.mkdir()
    session.write_text(
        text.replace("[assessment]", "[assessment]\ndouble_entry = true", 1), "utf-8"
    )
    store = open_session(session, write=True)
    meeting = Meeting(store)
    meeting.open_item(1)
    meeting.start_report()
    ballots.save(store, code="1", group="区级领导", marks={(YAN, ITEM): "好"}, entered_by="A")
    store.close()
    copy = tmp_path / "b" / "copy.db"
    copy.parent.mkdir()
    shutil.copyfile(session.with_suffix(".db"), copy)
    return open_session(copy, write=True)


def text_of(app: ReviewApp, selector: str) -> str:
    widget = app.screen.query_one(selector, Static)
    return str(widget.render())


@pytest.mark.parametrize(
    ("lang", "badge", "note"),
    [
        ("en", "entry-only copy · typing round 2", "Entry-only copy: ballots only"),
        ("zh", "仅录入副本 · 录第 2 遍", "仅录入副本：这里只录测评表"),
    ],
)
async def test_the_copy_opens_on_ballot_entry(
    tmp_path: Path, lang: str, badge: str, note: str
) -> None:
    i18n.set_lang(lang)
    store = copy_mid_meeting(tmp_path)
    before = store.conn.execute("SELECT count(*) FROM segments").fetchone()
    app = ReviewApp(store, cursor_blink=False, entry_copy=EntryCopy(2, "laptopB"))
    try:
        async with app.run_test(size=SIZE) as pilot:
            await pilot.pause()
            screen = app.screen
            # Not the live screen of the running report, not the agenda: ballot entry.
            assert isinstance(screen, EntryOnlyScreen)
            assert badge in text_of(app, "#ballot-title")
            assert note in text_of(app, "#entry-only-note")
            assert screen.entry == 2 and screen.who_input.value == "laptopB"
            assert screen.code_input.value == "1"  # the form entered in round 1 comes first
            # The round is the copy's: `e` neither shows nor acts; escape goes nowhere.
            keys = {b.binding.key for b in screen.active_bindings.values()}
            assert "e" not in keys and "s" in keys
            await pilot.press("e")
            assert screen.entry == 2
            await pilot.press("escape")
            assert app.screen is screen
            # Type round 2 of form 1 and save it: entered as this laptop, in round 2, and it
            # agrees with round 1 (which the copy holds).
            await pilot.press("1", "0", "0", "ctrl+s")
            await pilot.pause()
            await pilot.press("enter")  # two units blank: saved once confirmed
            await pilot.pause()
            saved = ballots.find(store, "1", 2)
            assert saved is not None and saved.entered_by == "laptopB"
            assert saved.marks == {(YAN, ITEM): "好"}
            assert text_of(app, "#ballot-message") == t("ballot.confirmed", code="1")
            # Results are there, and back again.
            await pilot.press("s")
            await pilot.pause()
            assert isinstance(app.screen, ResultsScreen)
            await pilot.press("escape")
            await pilot.pause()
            assert app.screen is screen
            # x writes this round's ballots beside the copy, named with the round and laptop.
            await pilot.press("x")
            await pilot.pause()
            (written,) = (tmp_path / "b").glob("copy-ballots-2-*.csv")
            assert "ballots import" in text_of(app, "#ballot-message")
            assert written.read_text("utf-8-sig").splitlines()[2:] == [  # past identity, header
                f"1,区级领导,{unit},{ITEM},{grade}"
                for unit, grade in ((YAN, "好"), (CHENG, ""), (WANG, ""))
            ]
            # The command palette's "go to" opens no live screen either.
            app.open_live(1)
            await pilot.pause()
            assert app.screen is screen
    finally:
        store.close()
        i18n.set_lang("en")
    # Nothing of the meeting was recorded on the copy: the running report is as it was.
    after = open_session(tmp_path / "b" / "copy.db", write=False)
    try:
        assert after.conn.execute("SELECT count(*) FROM segments").fetchone() == before
        (running,) = after.conn.execute("SELECT ended_at FROM segments").fetchone()
        assert running is None
    finally:
        after.close()
