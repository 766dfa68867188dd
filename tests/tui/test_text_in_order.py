"""Every text field the secretary types in applies keys in the order they arrive, keeps what is
pasted (cleaned), and stored text never reaches the terminal raw (ISSUE12, Keys / Text that acts).

The keys are posted to the app in one go, with no pause between them: that is how a burst from
one terminal read arrives (Pilot.press waits between keys, which would hide the bug)."""

from __future__ import annotations

import json

import pytest
from textual import events
from textual.widgets import Input, TextArea

from reviewtui import plan as plan_module
from reviewtui.meeting import Meeting
from reviewtui.store import Store
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.keys import PASTE_LIMIT
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.palette import Palette, PaletteInput
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.notes import NotesArea

from ._live_support import SIZE, make_app, notifications, only, open_first, start

pytestmark = pytest.mark.usefixtures("fake_clock")

BURST = [*"abc", "backspace", "backspace", "backspace", *"xyz"]


def post_burst(app, keys=BURST) -> None:
    for key in keys:
        character = key if len(key) == 1 else ("\x7f" if key == "backspace" else None)
        app.post_message(events.Key(key, character))


def value_of(widget) -> str:
    return widget.text if isinstance(widget, TextArea) else widget.value


async def burst_into(app, pilot, widget) -> str:
    app.screen.set_focus(widget)
    await pilot.pause()
    if isinstance(widget, Input):
        widget.value = ""
    post_burst(app)
    await pilot.pause()
    await pilot.pause()
    return value_of(widget)


async def test_a_burst_with_backspaces_in_the_question_dialog(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, SegmentDialog)
        assert await burst_into(app, pilot, dialog.who) == "xyz"
        assert await burst_into(app, pilot, dialog.text) == "xyz"
        post_burst(app, ["left", "left", "backspace", "home", "delete", "end", "q"])
        await pilot.pause()
        assert dialog.text.value == "zq"  # x y z ← ← ⌫(x) home del(y) end q
        await pilot.press("enter")
        await pilot.pause()
    assert only(small_store, "question").text == "zq"


async def test_a_burst_with_backspaces_in_the_notes(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        notes = app.screen.query_one(NotesArea)
        assert await burst_into(app, pilot, notes) == "xyz"
    item = Meeting(small_store).current_item()
    assert Meeting(small_store).note(item.id) == "xyz"  # saved when the app closed


async def test_a_burst_with_backspaces_in_the_ballot_fields(small_store):
    app = make_app(small_store)
    async with app.run_test(size=(120, 36)) as pilot:
        await start(pilot)
        await pilot.press("b")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, BallotScreen)
        assert await burst_into(app, pilot, screen.code_input) == "xyz"
        assert await burst_into(app, pilot, screen.who_input) == "xyz"


async def test_a_burst_with_backspaces_in_the_palette(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        assert isinstance(app.screen, Palette)
        field = app.screen.query_one(PaletteInput)
        assert await burst_into(app, pilot, field) == "xyz"


async def test_keys_after_escape_in_the_same_burst_act_on_the_screen(small_store):
    """Escape leaves the notes at once; `r` typed after it starts the report, not a letter."""
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        notes = app.screen.query_one(NotesArea)
        app.screen.set_focus(notes)
        await pilot.pause()
        post_burst(app, ["a", "b", "escape", "r"])
        await pilot.pause()
        await pilot.pause()
        assert notes.text == "ab"
        assert isinstance(app.screen, LiveScreen)
    assert [s.kind for s in Meeting(small_store).segments()] == ["report"]


async def test_a_multi_line_paste_keeps_every_line_joined(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q", "tab")
        await pilot.pause()
        text = app.screen.text
        text.post_message(events.Paste("第一行\r\n第二行\n\x1b]0;x\x07第三行\t尾"))
        await pilot.pause()
        assert text.value == "第一行 第二行 ]0;x第三行 尾"
        await pilot.press("enter")
        await pilot.pause()
    assert only(small_store, "question").text == "第一行 第二行 ]0;x第三行 尾"


async def test_a_huge_paste_is_cut_at_the_cap_and_says_so(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("q", "tab")
        await pilot.pause()
        text = app.screen.text
        text.post_message(events.Paste("问" * 100_000))
        await pilot.pause()
        assert text.value == "问" * PASTE_LIMIT
        assert any(f"{100_000 - PASTE_LIMIT}" in n for n in notifications(app))


async def test_a_paste_into_the_notes_keeps_lines_without_control_characters(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        notes = app.screen.query_one(NotesArea)
        app.screen.set_focus(notes)
        await pilot.pause()
        notes.post_message(events.Paste("一\r\n二\x01三\n"))
        await pilot.pause()
        assert notes.text == "一\n二三\n"


def test_the_meeting_cleans_text_on_the_way_in(small_store):
    meeting = Meeting(small_store)
    item = meeting.items()[0]
    meeting.open_item(item.id)
    segment = meeting.start_question("a\x1bb", "q\x07\nx")
    assert (segment.speaker, segment.text) == ("ab", "q x")
    meeting.set_note(item.id, "n\x01\r\no")
    assert meeting.note(item.id) == "n\no"


OSC = "\x1b]0;pwned\x07"


async def test_escape_sequences_in_stored_text_never_reach_the_terminal(small_session, tmp_path):
    # Built from a plan past the session-file validator, as an older database may hold it.
    data = json.loads(plan_module.load(small_session).to_json())
    data["meeting"]["title"] = f"会议{OSC}标题"
    store = Store.create(tmp_path / "osc.db", plan_module.from_json(json.dumps(data)))
    try:
        first = Meeting(store).items()[0]
        Meeting(store).open_item(first.id)
        Meeting(store).set_note(first.id, "ok")
        store.conn.execute("UPDATE notes SET text = ?", (f"note{OSC}",))  # as an old release
        with store.transaction("edit") as tx:
            tx.update("items", {"id": first.id}, {"title": f"单位{OSC}"})
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await start(pilot)
            assert "\x1b" not in app.title and "\x1b" not in app.sub_title
            agenda = app.export_screenshot()
            await pilot.press("enter")
            await pilot.pause()
            live = app.export_screenshot()
            notes = app.screen.query_one(NotesArea)
            assert "\x1b" not in notes.text
        for shot in (agenda, live):
            assert "\x1b" not in shot
            assert "\\x1b" in shot  # shown, visibly
    finally:
        store.close()
