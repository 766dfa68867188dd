"""Pilot tests of every key of the agenda and live screens (SPEC 5), with a fake clock so that
durations are exact to the second. The database is the truth: every assertion reads it back
through `Meeting` queries, never from a widget alone."""

from __future__ import annotations

import sys
import types

import pytest
from textual.screen import Screen

from reviewtui.meeting import Meeting
from reviewtui.tui.agenda import AgendaScreen
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.help import HelpScreen
from reviewtui.tui.live import LiveScreen
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.countdown import Countdown
from reviewtui.tui.widgets.notes import NotesArea
from reviewtui.tui.widgets.records import RecordList

from ._live_support import (
    SIZE,
    field,
    make_app,
    notifications,
    only,
    open_first,
    segments,
    start,
    static_text,
    type_text,
)

pytestmark = pytest.mark.usefixtures("fake_clock")


# -- agenda screen ------------------------------------------------------------------------------


async def test_enter_opens_the_selected_item_on_the_live_screen(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        assert isinstance(app.screen, LiveScreen)
        current = Meeting(small_store).current_item()
        assert current is not None and current.title == "雁翅镇党委"
        assert current.status == "live"
        assert isinstance(app.focused, RecordList)  # no text field has the cursor


async def test_down_and_up_select_an_item(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("down", "down", "up", "enter")
        await pilot.pause()
        assert Meeting(small_store).current_item().title == "城子街道工委"
        assert app.screen.item_id == Meeting(small_store).current_item().id


async def test_a_written_unit_opens_no_timer(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await start(pilot)
        await pilot.press("down", "down", "enter")  # 王平镇党委, written
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert Meeting(small_store).current_item() is None
        assert any("王平镇党委" in n and "in writing" in n for n in notifications(app))


@pytest.mark.parametrize(
    ("key", "module", "name"),
    [
        ("b", "reviewtui.tui.ballots", "BallotScreen"),
        ("s", "reviewtui.tui.results", "ResultsScreen"),
        ("x", "reviewtui.tui.export_dialog", "ExportDialog"),
    ],
)
async def test_b_s_x_open_their_screens(small_store, monkeypatch, key, module, name):
    opened = []

    class Fake(Screen[None]):
        def __init__(self, store):
            super().__init__()
            opened.append(store)

    fake = types.ModuleType(module)
    setattr(fake, name, Fake)
    monkeypatch.setitem(sys.modules, module, fake)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press(key)
        await pilot.pause()
        assert isinstance(app.screen, Fake)
        assert opened == [small_store]


def test_screens_are_imported_normally():
    """No screen is looked up by its name at run time: a broken one is a bug that shows."""
    import inspect

    from reviewtui.tui import agenda

    source = inspect.getsource(agenda)
    assert "import_module" not in source and "importlib" not in source


async def test_ctrl_q_quits(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+q")
        await pilot.pause()
        assert app._exit  # the app is on its way out


# -- live screen: segments ----------------------------------------------------------------------


async def test_r_times_the_report_exactly(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(65)
        await pilot.press("e")
        await pilot.pause()
    report = only(small_store, "report")
    assert report.speaker == "雁翅镇党委书记"
    assert report.planned == 30
    assert report.elapsed() == 65.0
    assert not report.running


async def test_q_starts_the_question_at_the_key_press_and_asks_who(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(40)
        await pilot.press("q")
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)
        assert app.focused is field(app, "#who")  # SPEC 5: the cursor in the asker field
        question = only(small_store, "question")
        assert question.running and question.speaker == ""
        assert only(small_store, "report").elapsed() == 40.0  # starting one ends the other
        fake_clock.advance(3)  # typing takes time; the timer started at the key press
        await type_text(pilot, "zjg")
        assert "党代表 张建国" in static_text(app, "#resolved")
        await pilot.press("tab")
        await type_text(pilot, "第一书记怎么管")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert isinstance(app.focused, RecordList)  # back on the screen, not in a text field
        fake_clock.advance(5)
        await pilot.press("a")  # the answer's dialog: the reporter filled in, the gist typed
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog) and app.screen.who.value == "雁翅镇党委书记"
        await pilot.press(*"派驻三年", "enter")
        await pilot.pause()
        fake_clock.advance(15)
        await pilot.press("e")
        await pilot.pause()
    question = only(small_store, "question")
    assert only(small_store, "answer").text == "派驻三年"
    assert (question.speaker, question.text) == ("党代表 张建国", "第一书记怎么管")
    assert question.elapsed() == 8.0
    answer = only(small_store, "answer")
    assert answer.question_id == question.id and answer.elapsed() == 15.0
    assert answer.speaker == "雁翅镇党委书记"
    assert Meeting(small_store).open_dialog() is None


async def test_keys_in_the_same_read_as_tab_go_to_the_text(small_store):
    """tmux, a fast typist or an input method can deliver `tab` and the next characters in one
    read; Textual routes them all to the name field before `tab` moves the cursor on."""
    from textual import events

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "zjg")
        for key, character in (("tab", "\t"), ("村", "村"), ("路", "路")):
            app.post_message(events.Key(key, character))  # no pause between them
        await pilot.pause()
        assert field(app, "#who").value == "党代表 张建国"
        assert field(app, "#text").value == "村路"
        assert app.focused is field(app, "#text")
    question = only(small_store, "question")
    assert (question.speaker, question.text) == ("党代表 张建国", "村路")


async def test_keys_in_the_same_read_as_q_go_to_its_dialog(small_store):
    """Keys that arrive with the `q` that opens the dialog belong to the dialog, and never act
    as the live screen's single-letter keys (`a` would start an answer)."""
    from textual import events

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        for key in "qzjga":
            app.post_message(events.Key(key, key))  # no pause between them
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog)
        assert field(app, "#who").value == "zjga"
    assert [s.kind for s in segments(small_store)] == ["question"]


async def test_keys_in_the_same_read_as_m_go_to_the_notes(small_store):
    from textual import events

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        for key in "measure":  # `m`, then keys that would be `e`nd, `a`nswer… on the screen
            app.post_message(events.Key(key, key))
        await pilot.pause()
        assert isinstance(app.focused, NotesArea)
        assert app.focused.text == "easure"
    assert segments(small_store) == []


async def test_free_text_asker_is_kept_as_typed(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "区人大代表 孙某")
        await pilot.press("tab")
        await type_text(pilot, "hi")
        await pilot.press("enter")
        await pilot.pause()
    assert only(small_store, "question").speaker == "区人大代表 孙某"


async def test_a_without_a_question_says_so(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert segments(small_store) == []
        assert any("No question" in n for n in notifications(app))


async def test_escape_in_a_dialog_keeps_what_was_typed(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "lxy")
        await pilot.press("tab")
        await type_text(pilot, "资金[red]怎么用")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert isinstance(app.focused, RecordList)
        question = only(small_store, "question")
        assert question.running  # the segment keeps running until e, n or another one
        assert (question.speaker, question.text) == ("党代表 李秀英", "资金[red]怎么用")
        assert Meeting(small_store).open_dialog() is None
        # user text is never markup: "[red]" shows as typed in the record list
        records = app.screen.query_one(RecordList)
        assert "资金[red]怎么用" in str(records.get_option_at_index(0).prompt)


async def test_dialog_text_is_saved_shortly_after_typing_in_one_write(small_store):
    """Typing is saved DEBOUNCE seconds after the last key, one write per pause (not one fsync'd
    transaction per keystroke), and the writes are not undo steps."""
    from reviewtui.tui.segment_dialog import DEBOUNCE

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        assert Meeting(small_store).open_dialog() == only(small_store, "question").id
        before = small_store.row("SELECT count(DISTINCT tx) AS n FROM journal")["n"]
        await type_text(pilot, "zjg")
        await pilot.press("tab")
        await type_text(pilot, "半句话")
        await pilot.pause(DEBOUNCE + 0.3)
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 张建国", "半句话")  # before enter
        after = small_store.row("SELECT count(DISTINCT tx) AS n FROM journal")["n"]
        assert after - before <= 2  # tab saves the name at once; the text once, after the pause
    undoable = Meeting(small_store).last_undoable()
    assert undoable is not None and undoable.action == "question"


async def test_c_prefills_the_commenter_and_puts_the_cursor_in_the_text(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("c")
        await pilot.pause()
        assert field(app, "#who").value == "区委书记"
        assert app.focused is field(app, "#text")
        await type_text(pilot, "抓得实")
        fake_clock.advance(12)
        await pilot.press("enter")
        await pilot.pause()
        await pilot.press("e")
        await pilot.pause()
    comment = only(small_store, "comment")
    assert (comment.speaker, comment.text) == ("区委书记", "抓得实")
    assert comment.elapsed() == 12.0 and comment.planned == 20


async def test_any_leader_may_comment(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("c")
        await pilot.pause()
        await pilot.press("shift+tab")  # back to the leader field; its text is selected
        await type_text(pilot, "qwfsj")
        assert "区委副书记" in static_text(app, "#resolved")
        await pilot.press("enter")
        await pilot.pause()
    assert only(small_store, "comment").speaker == "区委副书记"


async def test_arrows_pick_another_offered_name(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "ddb")  # 党代表 张建国, 党代表 李秀英
        await pilot.press("down")
        await pilot.pause()
        assert "李秀英" in static_text(app, "#resolved")
        await pilot.press("enter")
        await pilot.pause()
    assert only(small_store, "question").speaker == "党代表 李秀英"


async def test_space_pauses_and_resumes(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(10)
        await pilot.press("space")
        await pilot.pause()
        assert only(small_store, "report").paused
        assert app.screen.query_one(Countdown).state == "paused"
        fake_clock.advance(20)
        await pilot.press("space")
        await pilot.pause()
        assert not only(small_store, "report").paused
        fake_clock.advance(5)
        await pilot.press("e")
        await pilot.pause()
    report = only(small_store, "report")
    assert report.elapsed() == 15.0
    assert report.paused_seconds == 20.0


async def test_e_without_a_running_segment_changes_nothing(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("e", "space")
        await pilot.pause()
        assert segments(small_store) == []
        assert any("Nothing is being timed" in n for n in notifications(app))


async def test_n_ends_the_running_segment_and_opens_the_next_item(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(31)
        await pilot.press("n")
        await pilot.pause()
        meeting = Meeting(small_store)
        assert meeting.current_item().title == "城子街道工委"
        assert isinstance(app.screen, LiveScreen)
        assert app.screen.item_id == meeting.current_item().id
        assert meeting.item(only(small_store, "report").item_id).status == "done"
        # the written unit is skipped: after 城子街道工委 comes the assessment
        await pilot.press("n")
        await pilot.pause()
        assert meeting.current_item().kind == "assessment"
    report = only(small_store, "report")
    assert report.elapsed() == 31.0 and not report.running


async def test_escape_goes_back_to_the_agenda_and_the_timer_runs_on(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r", "escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)
        assert only(small_store, "report").running


async def test_a_speech_item_times_a_speech(sample_session, fake_clock):
    from reviewtui.store import open_session

    store = open_session(sample_session, write=True)
    try:
        app = make_app(store)
        async with app.run_test(size=SIZE) as pilot:
            await open_first(pilot)  # 主持人说明议程, speaker 区委副书记
            await pilot.press("r")
            fake_clock.advance(100)
            await pilot.press("e")
            await pilot.pause()
        speech = only(store, "speech")
        assert speech.speaker == "区委副书记" and speech.elapsed() == 100.0
        assert speech.planned == 180
    finally:
        store.close()


# -- the countdown ------------------------------------------------------------------------------


async def test_countdown_warns_then_says_overtime_in_words(small_store, fake_clock, lang):
    from reviewtui.i18n import t

    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        countdown = app.screen.query_one(Countdown)
        assert countdown.state == "running"
        assert countdown.time_text == "0:30"
        fake_clock.advance(20)  # 10 s left = timing.warn, but a quarter of 0:30 is shorter
        await pilot.pause(0.4)
        assert countdown.state == "running"
        fake_clock.advance(3)  # 7 s left: inside the last quarter
        await pilot.pause(0.4)
        assert countdown.state == "warn"
        assert countdown.has_class("-warn")
        fake_clock.advance(12)  # 5 s past zero
        await pilot.pause(0.4)
        assert countdown.state == "over"
        assert countdown.time_text == "-0:05"
        assert t("live.state.over") in static_text(app, "#count-state")  # never colour alone


async def test_the_timer_redraws_only_when_the_shown_second_changes(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        await pilot.pause()
        updates = []
        for selector in ("#count-digits", "#count-big"):  # small and tall terminals
            digits = app.screen.query_one(selector)
            original = digits.update
            digits.update = lambda value, original=original: (
                updates.append(value),
                original(value),
            )
        await pilot.pause(0.8)  # several ticks, the clock standing still
        assert updates == []
        fake_clock.advance(1)
        await pilot.pause(0.8)
        assert updates == ["0:29"]


# -- focus and notes ----------------------------------------------------------------------------


async def test_letters_are_text_while_typing_notes_and_escape_leaves(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("m")
        await pilot.pause()
        notes = app.screen.query_one(NotesArea)
        assert app.focused is notes
        await type_text(pilot, "rqace n")
        assert segments(small_store) == []  # no key acted: they were text
        assert isinstance(app.screen, LiveScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)  # escape left the field, not the screen
        assert isinstance(app.focused, RecordList)
        item = Meeting(small_store).current_item()
        assert Meeting(small_store).note(item.id) == "rqace n"  # saved on leaving the field
        await pilot.press("r")
        await pilot.pause()
        assert only(small_store, "report").running


async def test_notes_are_saved_while_typing(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("m")
        await type_text(pilot, "主要举措")
        await pilot.pause(1.5)  # the debounce (0.5 s) has long passed; still in the field
        assert isinstance(app.focused, NotesArea)
        item = Meeting(small_store).current_item()
        assert Meeting(small_store).note(item.id) == "主要举措"


# -- corrections and undo -----------------------------------------------------------------------


async def test_ctrl_z_undoes_the_last_action_and_says_what(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(10)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert [s.kind for s in segments(small_store)] == ["report"]
        assert only(small_store, "report").running  # the question's start had ended it
        assert any("Undone: starting a question" in n for n in notifications(app))


async def test_enter_on_a_record_corrects_it_as_one_undoable_edit(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "zjg")
        await pilot.press("tab")
        await type_text(pilot, "原问题")
        await pilot.press("enter", "e")
        await pilot.pause()
        await pilot.press("enter")  # the record list has the cursor; the question is selected
        await pilot.pause()
        assert isinstance(app.screen, SegmentDialog) and app.screen.correcting
        await type_text(pilot, "lxy")  # the asker's text was selected: typing replaces it
        await pilot.press("tab")  # the cursor lands after the text: it is edited, not replaced
        await type_text(pilot, "(改)")
        await pilot.press("enter")
        await pilot.pause()
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 李秀英", "原问题(改)")
        await pilot.press("ctrl+z")
        await pilot.pause()
        question = only(small_store, "question")
        assert (question.speaker, question.text) == ("党代表 张建国", "原问题")
        assert not question.running  # only the correction was undone


async def test_delete_a_record_after_confirming(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(5)
        await pilot.press("q")
        await pilot.pause()
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("delete")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("escape")  # no: nothing is deleted
        await pilot.pause()
        assert len(segments(small_store)) == 2
        await pilot.press("delete")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        assert [s.kind for s in segments(small_store)] == ["report"]
        assert isinstance(app.focused, RecordList)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert len(segments(small_store)) == 2


# -- help and palette ---------------------------------------------------------------------------


@pytest.mark.parametrize("where", ["agenda", "live"])
async def test_help_lists_every_key(small_store, lang, where):
    from reviewtui.i18n import t

    app = make_app(small_store)
    async with app.run_test(size=(120, 50)) as pilot:
        await start(pilot)
        if where == "live":
            await pilot.press("enter")
            await pilot.pause()
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        text = "\n".join(str(w.render()) for w in app.screen.query(".help-keys"))
        if where == "agenda":
            expected = {
                "↑↓": "agenda.key.select",
                "↵": "agenda.key.open",
                "b": "agenda.key.ballots",
                "s": "agenda.key.results",
                "x": "agenda.key.export",
                "?": "help.key.help",
            }
        else:
            expected = {
                "r": "kind.report",
                "q": "kind.question",
                "a": "kind.answer",
                "c": "kind.comment",
                t("live.space"): "live.key.pause",
                "e": "live.key.end",
                "n": "live.key.next",
                "esc": "live.key.back",
                "m": "live.key.notes",
                "↵": "live.key.edit",
                "del": "key.delete",
                "?": "help.key.help",
            }
        expected.update(
            {
                "^z": "key.undo",
                "^q": "help.key.quit",
                "^p": "palette.key",
                "↵": "key.save",
                "↑↓": "dialog.key.pick",
            }
        )
        expected.setdefault("esc", "key.close")
        lines = [" ".join(line.split()) for line in text.splitlines()]
        for key, description in expected.items():
            assert any(
                line.startswith(key + " ") and line.endswith(t(description)) for line in lines
            ), (key, t(description), lines)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, HelpScreen)


async def test_command_palette_jumps_to_a_unit_by_pinyin(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.press("ctrl+p")
        await pilot.pause()
        await type_text(pilot, "czjd")  # 城子街道工委
        await pilot.pause(0.5)
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert Meeting(small_store).current_item().title == "城子街道工委"


# -- restart ------------------------------------------------------------------------------------


async def test_restart_reopens_the_live_screen_and_the_open_dialog(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(12)
        await pilot.press("q")
        await pilot.pause()
        await type_text(pilot, "zjg")
        await pilot.press("tab")
        await type_text(pilot, "还没问完")
        # the app goes away here with the dialog open, as a kill would leave it
    fake_clock.advance(30)  # the laptop restarts; the asker keeps talking
    again = make_app(small_store)
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(again.screen, SegmentDialog)
        assert isinstance(again.screen_stack[-2], LiveScreen)
        assert field(again, "#who").value == "党代表 张建国"
        assert field(again, "#text").value == "还没问完"
        question = only(small_store, "question")
        assert question.running and question.elapsed() == 30.0
        await type_text(pilot, "?")
        await pilot.press("enter")
        await pilot.pause()
        assert only(small_store, "question").text == "还没问完?"
        assert isinstance(again.focused, RecordList)


async def test_restart_reopens_a_correction_with_its_draft(small_store):
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("c")
        await pilot.pause()
        await type_text(pilot, "原文")
        await pilot.press("enter", "e")
        await pilot.pause()
        await pilot.press("enter")
        await pilot.pause()
        await type_text(pilot, "+改")  # not applied yet: a correction applies when it closes
        assert only(small_store, "comment").text == "原文"
    again = make_app(small_store)
    async with again.run_test(size=SIZE) as pilot:
        await start(pilot)
        await pilot.pause()
        assert isinstance(again.screen, SegmentDialog) and again.screen.correcting
        assert field(again, "#text").value == "原文+改"
        await pilot.press("enter")  # saves the correction typed before the restart
        await pilot.pause()
    assert only(small_store, "comment").text == "原文+改"
    assert Meeting(small_store).open_dialog() is None


async def test_restart_with_a_running_segment_opens_its_live_screen(small_store, fake_clock):
    meeting = Meeting(small_store)
    first = meeting.items()[0]
    meeting.open_item(first.id)
    meeting.start_report()
    fake_clock.advance(7)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert isinstance(app.screen, LiveScreen) and app.screen.item_id == first.id
        assert app.screen.query_one(Countdown).time_text == "0:23"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, AgendaScreen)  # the agenda is beneath it


async def test_without_a_running_segment_the_app_opens_on_the_agenda(small_store):
    meeting = Meeting(small_store)
    meeting.open_item(meeting.items()[0].id)
    app = make_app(small_store)
    async with app.run_test(size=SIZE) as pilot:
        await start(pilot)
        assert isinstance(app.screen, AgendaScreen)


async def test_no_color_keeps_every_state_in_words(small_store, fake_clock, monkeypatch):
    from textual.filter import Monochrome

    monkeypatch.setenv("NO_COLOR", "1")
    app = make_app(small_store)
    assert app.no_color and any(isinstance(f, Monochrome) for f in app._filters)
    async with app.run_test(size=SIZE) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(40)
        await pilot.pause(0.4)
        assert "OVERTIME" in static_text(app, "#count-state")
        await pilot.press("space")
        await pilot.pause()
        assert "PAUSED" in static_text(app, "#count-state")


async def test_the_agenda_shows_status_and_times(small_store, fake_clock):
    from reviewtui.tui.widgets.agenda_table import AgendaTable

    app = make_app(small_store)
    async with app.run_test(size=(120, 30)) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(45)  # over its 0:30 report (the item plans 0:30 + 0:20 comment)
        await pilot.press("e")
        fake_clock.advance(1)
        await pilot.press("escape")
        await pilot.pause()
        table = app.screen.query_one(AgendaTable)
        rows = [table.row_text(i) for i in range(table.row_count)]
        first, second, written, assessment = rows
        assert first[1:5] == [
            "雁翅镇党委",
            "雁翅镇党委书记",
            "区委书记",
            "1:20",
        ]  # 0:30 + (0:10 + 0:20) + 0:20
        assert first[5] == "0:45" and first[6] == "● live"
        assert second[6] == "to do" and second[5] == "—"
        assert written[1] == "王平镇党委" and written[4] == "—" and written[6] == "written"
        assert assessment[1] == "Assessment"  # titled in the language the db was made in
        header = str(app.screen.query_one("#header").render())
        assert "测试用述职评议考核会" in header and "14:30" in header and "ends ≈" in header


async def test_opening_another_item_ends_what_runs_and_says_so(small_store, fake_clock):
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(9)
        await pilot.press("escape")
        await pilot.pause()
        assert only(small_store, "report").running  # the agenda alone ends nothing
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, LiveScreen)
        assert Meeting(small_store).current_item().title == "城子街道工委"
        report = only(small_store, "report")
        assert not report.running and report.elapsed() == 9.0
        assert any("Ended the report running on “雁翅镇党委”" in n for n in notifications(app))


async def test_undoing_an_old_resume_asks_first_and_says_what_changes_in_time(
    small_store, fake_clock
):
    """pause, resume, notes, escape, ctrl+z: the resume is 4 s old, so the first ctrl+z only
    says that the 0:04 since would count as paused; the second one undoes it. An undo right
    after the key press is one key."""
    app = make_app(small_store)
    async with app.run_test(size=SIZE, notifications=True) as pilot:
        await open_first(pilot)
        await pilot.press("r")
        fake_clock.advance(6)
        await pilot.press("space")  # pause
        fake_clock.advance(3)
        await pilot.press("space")  # resume
        await pilot.pause()
        fake_clock.advance(2)
        await pilot.press("ctrl+z")  # 2 s after: the slip is taken back at once
        await pilot.pause()
        assert only(small_store, "report").paused
        assert any("Undone: resuming" in n for n in notifications(app))
        await pilot.press("space")  # resume again
        await pilot.pause()
        await pilot.press("m", *"notes", "escape")
        fake_clock.advance(4 * 60 + 4)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert not only(small_store, "report").paused  # not undone yet
        told = notifications(app)[-1]
        assert "the 4:04 since will count as paused" in told and "ctrl+z again" in told
        fake_clock.advance(3)
        await pilot.press("ctrl+z")
        await pilot.pause()
        assert only(small_store, "report").paused
        assert "Undone: resuming" in notifications(app)[-1]
