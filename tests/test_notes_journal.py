"""A long note saved many times (issue 30.9): the journal holds each change, not two full
copies per save, so the database stays small; undo still restores every saved version, and
journal rows written whole (by an earlier release) still undo."""

from __future__ import annotations

import os

import pytest

from reviewtui.meeting import Meeting
from reviewtui.store import Store, long_text


def _note_txs(store: Store) -> list[int]:
    return [r["tx"] for r in store.rows("SELECT tx FROM journal WHERE tbl = 'notes' ORDER BY id")]


def test_a_long_note_saved_often_keeps_the_database_small(small_store: Store) -> None:
    meeting = Meeting(small_store)
    item = meeting.items()[0].id
    text = "述职要点：" + "抓党建促发展，" * 14_000  # ~100,000 characters
    for n in range(120):
        text = text[: 50_000 + n] + f"第{n}处修改" + text[50_000 + n :]
        meeting.set_note(item, text)
    small_store.conn.execute("PRAGMA wal_checkpoint")  # nothing pending anywhere
    size = os.path.getsize(small_store.path)
    # Two full copies per save would be 120 x 600 KB (UTF-8): over 70 MB.
    assert size < 8_000_000, size
    rows = small_store.rows(
        "SELECT length(old) + length(new) AS n FROM journal WHERE op = 'update'"
    )
    assert max(r["n"] for r in rows) < 1_000


def test_undo_restores_each_saved_version(small_store: Store) -> None:
    meeting = Meeting(small_store)
    item = meeting.items()[0].id
    versions = ["甲" * 3000]
    versions.append(versions[-1][:1000] + "乙乙" + versions[-1][1000:])
    versions.append(versions[-1][:10] + versions[-1][20:])
    for text in versions:
        meeting.set_note(item, text)
    txs = _note_txs(small_store)
    for tx, before in zip(reversed(txs[1:]), reversed(versions[:-1]), strict=True):
        small_store.undo(tx)
        assert meeting.note(item) == before


def test_rows_journaled_whole_still_undo(
    small_store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    meeting = Meeting(small_store)
    item = meeting.items()[0].id
    meeting.set_note(item, "丙" * 3000)
    with monkeypatch.context() as patch:
        patch.setattr(long_text, "LONG", 10**9)  # as an earlier release journaled it
        meeting.set_note(item, "丁" * 3000)
    whole = small_store.row("SELECT old FROM journal WHERE op = 'update' ORDER BY id DESC")
    assert whole is not None and "丙" * 3000 in whole["old"]
    small_store.undo(_note_txs(small_store)[-1])
    assert meeting.note(item) == "丙" * 3000
