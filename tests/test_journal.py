"""One journal: every write through `Tx`, updates journaled by column, undo that refuses to erase
later work; SQLite errors told apart (storage failures against bugs)."""

from __future__ import annotations

import json
import sqlite3
import subprocess
import sys
import textwrap
from datetime import timedelta

import pytest

from reviewtui import clock
from reviewtui.meeting import Meeting
from reviewtui.store import StorageError, Store, UndoRefused
from reviewtui.store.errors import advice_key, primary_name

QUESTION = "请问区委在推进基层党建工作中," * 11  # 165 characters, typed one key at a time


@pytest.fixture
def meeting(small_store: Store) -> Meeting:
    meeting = Meeting(small_store)
    meeting.next_item()
    return meeting


def test_undo_of_a_pause_keeps_the_text_typed_after_it(meeting: Meeting) -> None:
    """Start a question, pause, type the question (draft edits), undo: only the pause goes."""
    question = meeting.start_question("党代表 张建国", "")
    meeting.toggle_pause()
    assert meeting.segment(question.id).paused_at is not None
    for n in range(1, 21):
        meeting.edit_segment(question.id, text=QUESTION[:n], action="draft")
    undone = meeting.undo()
    assert undone is not None and undone.action == "pause"
    after = meeting.segment(question.id)
    assert after.paused_at is None
    assert after.text == QUESTION[:20]


def test_typing_journals_only_the_changed_column(meeting: Meeting) -> None:
    question = meeting.start_question("党代表 张建国", "")
    first = meeting.store.row("SELECT max(id) AS id FROM journal")["id"]
    for n in range(1, len(QUESTION) + 1):
        meeting.edit_segment(question.id, text=QUESTION[:n], action="draft")
    entries = meeting.store.rows("SELECT old, new FROM journal WHERE id > ?", (first,))
    assert len(entries) == len(QUESTION)
    assert all(set(json.loads(e["new"])) == {"text"} for e in entries)
    size = sum(len(e["old"]) + len(e["new"]) for e in entries)
    # Each keystroke journals the text before and after it, nothing else: ~2 x 165²/2.
    assert size < 2 * sum(range(len(QUESTION) + 1)) + 30 * len(QUESTION)
    assert size < 40_000  # whole rows came to ~98,000


def test_undo_refuses_when_a_later_command_changed_the_same_columns(meeting: Meeting) -> None:
    store = meeting.store
    question = meeting.start_question("党代表 张建国", "问题")
    meeting.toggle_pause()
    pause = meeting.last_undoable()
    assert pause is not None
    # A later change of the very column the pause set, to another moment (timestamps are to the
    # millisecond: on a fast disk "now" can still be the pause's own moment, and change nothing).
    later = clock.iso(clock.now() + timedelta(seconds=1))
    with store.transaction("fix") as tx:
        tx.update("segments", {"id": question.id}, {"paused_at": later})
    before = store.content_sha256()
    with pytest.raises(UndoRefused) as refused:
        store.undo(pause.tx)
    assert "fix" in "\n".join(refused.value.lines)
    assert store.content_sha256() == before  # nothing written


def test_an_insert_is_undone_only_while_the_row_is_as_inserted(small_store: Store) -> None:
    item = small_store.row("SELECT id FROM items ORDER BY pos")["id"]
    with small_store.transaction("note") as tx:
        tx.insert("notes", {"item_id": item, "text": "要点", "updated_at": "t"})
    added = tx.id
    with small_store.transaction("typing") as tx:
        tx.update("notes", {"item_id": item}, {"text": "要点二"})
    with pytest.raises(UndoRefused):
        small_store.undo(added)
    assert small_store.row("SELECT text FROM notes")["text"] == "要点二"


def test_a_delete_is_undone_only_while_its_row_is_still_gone(small_store: Store) -> None:
    item = small_store.row("SELECT id FROM items ORDER BY pos")["id"]
    with small_store.transaction("note") as tx:
        tx.insert("notes", {"item_id": item, "text": "a", "updated_at": "t"})
    with small_store.transaction("remove") as tx:
        tx.delete("notes", {"item_id": item})
    removed = tx.id
    with small_store.transaction("again") as tx:
        tx.insert("notes", {"item_id": item, "text": "b", "updated_at": "t"})
    with pytest.raises(UndoRefused):
        small_store.undo(removed)
    assert small_store.row("SELECT text FROM notes")["text"] == "b"


def test_insert_many_journals_as_insert_does(small_store: Store) -> None:
    store = small_store
    columns = ["id", "code", "entry", "grp", "entered_by", "source", "created_at", "updated_at"]
    with store.transaction("one") as tx:
        values = (1, "B1", 1, "g", "甲", "s", "t", "t")
        tx.insert("ballots", dict(zip(columns, values, strict=True)))
        tx.insert("marks", {"ballot_id": 1, "unit": "雁翅镇", "cells": '{"总体": "好"}'})
    single = tx.id
    with store.transaction("many") as tx:
        tx.insert_many("ballots", columns, [(2, "B2", 1, "g", "甲", "s", "t", "t")])
        tx.insert_many("marks", ["ballot_id", "unit", "cells"], [(2, "雁翅镇", '{"总体": "好"}')])
    many = tx.id

    def shape(tx_id: int) -> list[tuple]:
        rows = store.rows("SELECT tbl, row_key, op, old, new FROM journal WHERE tx = ?", (tx_id,))
        return [
            (r["tbl"], json.loads(r["row_key"]), r["op"], r["old"], json.loads(r["new"]))
            for r in rows
        ]

    one, bulk = shape(single), shape(many)
    assert [(t, o) for t, _, o, _, _ in one] == [(t, o) for t, _, o, _, _ in bulk]
    assert bulk[0][1] == {"id": 2} and bulk[1][1] == {"ballot_id": 2, "unit": "雁翅镇"}
    assert {**one[0][4], "id": 2, "code": "B2"} == bulk[0][4]
    assert {**one[1][4], "ballot_id": 2} == bulk[1][4]
    # Undo of the bulk insert works like any other.
    store.undo(many)
    assert store.row("SELECT count(*) AS n FROM ballots")["n"] == 1


def test_every_meta_write_is_journaled(meeting: Meeting) -> None:
    """`meta` holds records only (the lock note has its own table): each change is journaled."""
    store = meeting.store
    journaled = {
        json.loads(r["row_key"])["key"]
        for r in store.rows("SELECT row_key FROM journal WHERE tbl = 'meta'")
    }
    assert {r["key"] for r in store.rows("SELECT key FROM meta")} <= journaled
    assert store.row("SELECT pid FROM writer")["pid"]


# ------------------------------------------------------------------------------------------------
# Storage failures and bugs


def _named(name: str, kind: type[sqlite3.Error] = sqlite3.OperationalError) -> sqlite3.Error:
    exc = kind("message")
    exc.sqlite_errorname = name  # type: ignore[attr-defined]
    return exc


@pytest.mark.parametrize(
    ("name", "advice"),
    [
        ("SQLITE_FULL", "db.advice_full"),
        ("SQLITE_READONLY", "db.advice_readonly"),
        ("SQLITE_READONLY_DBMOVED", "db.advice_readonly"),
        ("SQLITE_READONLY_ROLLBACK", "db.advice_rollback"),
        ("SQLITE_IOERR_WRITE", "db.advice_io"),
        ("SQLITE_CANTOPEN", "db.advice_io"),
        ("SQLITE_CORRUPT", "db.advice_corrupt"),
        ("SQLITE_NOTADB", "db.advice_corrupt"),
        ("SQLITE_BUSY_SNAPSHOT", "db.advice_busy"),
        ("SQLITE_LOCKED", "db.advice_busy"),
        ("SQLITE_ERROR", None),
        ("SQLITE_MISUSE", None),
        ("SQLITE_CONSTRAINT_UNIQUE", None),
    ],
)
def test_errors_are_classified_by_their_sqlite_name(name: str, advice: str | None) -> None:
    assert advice_key(_named(name)) == advice
    assert primary_name(_named(name)) is not None
    assert advice_key(sqlite3.ProgrammingError("closed")) is None


def test_bad_sql_is_a_bug_not_a_storage_failure(small_store: Store) -> None:
    with pytest.raises(sqlite3.OperationalError) as caught, small_store.transaction("bug") as tx:
        tx.conn.execute("SELECT no_such_column FROM items")
    assert not isinstance(caught.value, StorageError)
    with pytest.raises(sqlite3.IntegrityError), small_store.transaction("bug") as tx:
        tx.insert("items", {"pos": 1, "kind": "break", "title": "x"})  # pos is unique
    with small_store.transaction("fine") as tx:  # the store goes on
        tx.set_meta("x", "1")


def test_the_core_imports_without_fcntl() -> None:
    """As on Windows: no core module imports fcntl when it is loaded."""
    code = """
        import sys
        sys.modules["fcntl"] = None
        import reviewtui.store, reviewtui.meeting, reviewtui.assessment, reviewtui.minutes
        import reviewtui.export, reviewtui.assessment.importer, reviewtui.assessment.tally
        from reviewtui.store import Store, open_session, StorageError, resolve, Target
        from reviewtui.store.lock import WriterLock
        print("OK")
    """
    done = subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code)], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == "OK"
