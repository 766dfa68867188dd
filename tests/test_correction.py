"""A correction of a record (SPEC 5: `enter` on a record): the core of its dialog.

While the dialog is open nothing is written to the record: the typing (start field included) is a
draft beside it, with the record as the dialog found it. Saving is one undoable `edit` of what
changed; discarding leaves the record as found, after a restart too.
"""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from reviewtui import clock
from reviewtui.errors import UserError
from reviewtui.meeting import Meeting
from reviewtui.meeting.drafts import Correction
from reviewtui.store import Store
from tests.conftest import FAKE_START


def segment_rows(store: Store) -> list[dict[str, object]]:
    return [dict(r) for r in store.rows("SELECT * FROM segments ORDER BY id")]


def journal_since(store: Store, tx: int) -> list[dict[str, object]]:
    return [dict(r) for r in store.rows("SELECT * FROM journal WHERE tx > ? ORDER BY id", (tx,))]


def last_tx(store: Store) -> int:
    return store.row("SELECT coalesce(max(tx), 0) AS n FROM journal")["n"]


@pytest.fixture
def asked(small_store: Store, fake_clock: clock.FakeClock) -> Meeting:
    """A live unit with a report and an ended question by 张建国."""
    meeting = Meeting(small_store)
    meeting.next_item()
    meeting.start_report()
    fake_clock.advance(20)
    meeting.start_question("党代表 张建国", "资金怎么用")
    fake_clock.advance(15)
    meeting.end_segment()
    return meeting


def test_discard_leaves_the_record_as_found(asked: Meeting, fake_clock: clock.FakeClock) -> None:
    store = asked.store
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    before_rows = segment_rows(store)
    before_tx = last_tx(store)
    opened = asked.open_correction(question.id)
    assert opened == Correction.of(question)
    asked.save_dialog_draft(question.id, "党代表 李秀英", "资金怎么管", "-0:05")
    kept = asked.correction(question.id)
    assert kept is not None
    assert (kept.speaker, kept.text, kept.start) == ("党代表 李秀英", "资金怎么管", "-0:05")
    assert (kept.original_speaker, kept.original_text) == ("党代表 张建国", "资金怎么用")
    assert segment_rows(store) == before_rows  # typing never touches the record
    asked.discard_correction(question.id)
    assert segment_rows(store) == before_rows
    assert asked.open_dialog() is None and asked.correction(question.id) is None
    assert store.meta("dialog_draft") is None
    # the journal holds only typing and screen state, none of it on the record, none undoable
    written = journal_since(store, before_tx)
    assert {row["tbl"] for row in written} == {"meta"}
    assert {row["action"] for row in written} <= {"ui", "draft"}
    undone = asked.last_undoable()
    assert undone is not None and undone.action == "end"


def test_save_is_one_undoable_edit_of_what_changed(
    asked: Meeting, fake_clock: clock.FakeClock
) -> None:
    store = asked.store
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    asked.open_correction(question.id)
    asked.save_dialog_draft(question.id, "党代表 张建国", "资金怎么管")
    draft = asked.correction(question.id)
    assert draft is not None
    before_tx = last_tx(store)
    moved = FAKE_START + timedelta(seconds=15)  # asked 5 s earlier than recorded (14:30:20)
    saved = asked.save_correction(draft, moved)
    assert saved is not None and (saved.speaker, saved.text) == ("党代表 张建国", "资金怎么管")
    assert saved.started_at == moved
    written = journal_since(store, before_tx)
    assert {row["tx"] for row in written} == {before_tx + 1}  # one command
    assert {row["action"] for row in written} == {"edit"}
    # only what changed is written: the text, the start, and the report's end that moved with it
    changed = {
        (json.loads(row["row_key"])["id"], key) for row in written for key in json.loads(row["new"])
    }
    report = next(s for s in asked.segments() if s.kind == "report")
    assert changed == {(question.id, "text"), (question.id, "started_at"), (report.id, "ended_at")}
    asked.set_open_dialog(None)
    undone = asked.undo()  # one ctrl+z takes the whole correction back
    assert undone is not None and undone.action == "edit"
    back = asked.segment(question.id)
    assert (back.speaker, back.text, back.started_at) == (
        "党代表 张建国",
        "资金怎么用",
        FAKE_START + timedelta(seconds=20),
    )
    assert asked.segment(report.id).ended_at == FAKE_START + timedelta(seconds=20)
    assert asked.open_dialog() is None  # undo does not reopen the dialog


def test_save_without_a_change_writes_nothing(asked: Meeting) -> None:
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    draft = asked.open_correction(question.id)
    before_tx = last_tx(asked.store)
    assert asked.save_correction(draft) is None
    assert journal_since(asked.store, before_tx) == []


def test_a_field_left_as_found_overwrites_nothing(asked: Meeting) -> None:
    """Reopened after a restart, a correction changes only what was typed in it: a field left
    as found does not undo what another command (a rename, say) wrote meanwhile."""
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    asked.open_correction(question.id)
    asked.save_dialog_draft(question.id, "党代表 张建国", "资金怎么管")
    asked.edit_segment(question.id, speaker="张建国代表")  # meanwhile (`reviewtui amend`)
    draft = asked.open_correction(question.id, reopened=True)
    assert (draft.original_speaker, draft.text) == ("党代表 张建国", "资金怎么管")
    saved = asked.save_correction(draft)
    assert saved is not None and (saved.speaker, saved.text) == ("张建国代表", "资金怎么管")


def test_reopened_keeps_the_draft_and_the_record_as_found(asked: Meeting) -> None:
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    asked.open_correction(question.id)
    asked.save_dialog_draft(question.id, "党代表 李秀英", "改了", "14:30:18")
    # a restart: the dialog opens again from what the database says
    assert asked.open_dialog() == question.id
    reopened = asked.open_correction(question.id, reopened=True)
    assert (reopened.speaker, reopened.text, reopened.start) == (
        "党代表 李秀英",
        "改了",
        "14:30:18",
    )
    assert reopened.original_text == "资金怎么用"
    asked.discard_correction(question.id)
    assert asked.segment(question.id) == question
    # opened afresh (enter on the record), a correction starts from the record as it is
    fresh = asked.open_correction(question.id)
    assert fresh == Correction.of(question)


def test_a_late_draft_write_of_a_closed_dialog_is_let_go(asked: Meeting) -> None:
    """A draft write kept while the storage refused it, retried after the dialog was discarded,
    brings nothing back."""
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    asked.open_correction(question.id)
    asked.discard_correction(question.id)
    asked.save_dialog_draft(question.id, "x", "y")
    assert asked.correction(question.id) is None and asked.open_dialog() is None


def test_a_draft_of_an_older_release_reads_with_the_record_as_original(asked: Meeting) -> None:
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    with asked.store.transaction("ui") as tx:  # as the previous release wrote it
        tx.set_meta("dialog", str(question.id))
        old = {"segment": question.id, "speaker": "党代表 李秀英", "text": "旧稿"}
        tx.set_meta("dialog_draft", json.dumps(old, ensure_ascii=False))
    draft = asked.correction(question.id)
    assert draft is not None
    assert (draft.speaker, draft.text, draft.start) == ("党代表 李秀英", "旧稿", "")
    assert (draft.original_speaker, draft.original_text) == ("党代表 张建国", "资金怎么用")
    asked.discard_correction(question.id)
    assert asked.segment(question.id) == question


def test_a_refused_start_writes_nothing(asked: Meeting) -> None:
    question = asked.latest_question(asked.current_item().id)
    assert question is not None
    draft = asked.open_correction(question.id)._replace(text="改了")
    before_tx = last_tx(asked.store)
    with pytest.raises(UserError):
        asked.save_correction(draft, FAKE_START + timedelta(hours=3))
    assert journal_since(asked.store, before_tx) == []
    assert asked.segment(question.id) == question
