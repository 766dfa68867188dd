"""A hot `-journal` beside a meeting (issue 30.2, 30.3): another meeting's is never played back
(set aside, said); the file's own is played back by every command, readers included; and a copy
of the `.db` alone, taken while a long write runs or after it was killed, is the last commit."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reviewtui import i18n
from reviewtui.store import Store, hot_journal, open_session

SMALL = Path(__file__).resolve().parent.parent / "sessions" / "small.toml"

# A long write killed, as a killed `ballots import` leaves it. "spill": opened the way SQLite
# opens by default (and an earlier release did): dirty pages written into the file mid-way, then
# killed before the commit. "own": opened the way every writer of this release opens it, killed
# in its commit, once the journal is hot (the only moment this release leaves one hot);
# "own-early": the same, killed before its commit.
_KILLED = """
import os, sys, threading
from pathlib import Path
from reviewtui.store import connect as files
path, how = Path(sys.argv[1]), sys.argv[2]
journal = path.with_name(path.name + "-journal")
if how.startswith("own"):
    conn = files.connect(path, readonly=False)
    conn.execute("PRAGMA journal_mode = TRUNCATE")
else:
    import sqlite3
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA cache_spill = ON")
conn.execute("PRAGMA cache_size = -256")

def kill_once_hot():
    while True:
        try:
            with open(journal, "rb") as file:
                if file.read(8) == bytes.fromhex("d9d505f920a163d7"):
                    os._exit(9)
        except OSError:
            pass

conn.execute("BEGIN IMMEDIATE")
conn.execute(
    "INSERT INTO ballots (code, entry, grp, entered_by, source, created_at, updated_at) "
    "SELECT 'Y' || code, 1, grp, entered_by, source, created_at, updated_at FROM ballots"
)
conn.execute("UPDATE ballots SET entered_by = entered_by || 'changed'")
if how == "own":
    threading.Thread(target=kill_once_hot, daemon=True).start()
    conn.execute("COMMIT")
    sys.exit(0)  # the commit won the race: no hot journal this time
os._exit(9)  # killed before the commit: no rollback, no close
"""


@pytest.fixture
def tmp_path(disk_tmp_path: Path) -> Path:
    """On a real disk: a kill must land while a commit's journal is hot, and a RAM file system
    commits before the killer sees it (tests/conftest.py)."""
    return disk_tmp_path


def _meeting(folder: Path, note: str) -> Path:
    folder.mkdir()
    session = folder / "m.toml"
    shutil.copyfile(SMALL, session)
    store = open_session(session, write=True)
    try:
        with store.transaction("note") as tx:
            tx.insert("notes", {"item_id": 1, "text": note, "updated_at": "2017-02-24T09:00"})
        store.conn.execute("BEGIN")  # many ballots, for a long write to change
        store.conn.executemany(
            "INSERT INTO ballots (code, entry, grp, entered_by, source, created_at, updated_at) "
            "VALUES (?, 1, '党代表', ?, 'import', '2017-02-24', '2017-02-24')",
            ((f"X{n:06d}", "x" * 300) for n in range(8000)),
        )
        store.conn.execute("COMMIT")
    finally:
        store.close()
    return folder / "m.db"


def _kill_a_long_write(db: Path, how: str) -> None:
    for _ in range(20):
        done = subprocess.run([sys.executable, "-c", _KILLED, str(db), how], check=False)
        if done.returncode == 9 and (how == "own-early" or hot_journal.is_hot(db)):
            return
    pytest.fail("the write was never killed while its journal was hot")


def _notes(db: Path) -> list[str]:
    store = Store.open_reader(db)
    try:
        return [r["text"] for r in store.rows("SELECT text FROM notes ORDER BY item_id")]
    finally:
        store.close()


def _fingerprint(db: Path) -> str:
    store = Store.open_reader(db)
    try:
        return store.content_sha256()
    finally:
        store.close()


@pytest.mark.parametrize("how", ["own", "spill"])
@pytest.mark.parametrize("opener", ["reader", "writer"])
def test_another_meetings_journal_is_set_aside(tmp_path: Path, opener: str, how: str) -> None:
    """Any journal this release leaves is told apart; one from a writer that spills (an earlier
    release) only when its page 1 is in it (a change that grows the file, as an import)."""
    ours = _meeting(tmp_path / "a", "our note")
    other = _meeting(tmp_path / "b", "their note")
    before = _fingerprint(ours)
    _kill_a_long_write(other, how)
    theirs = hot_journal.journal_of(other)
    assert hot_journal.is_hot(other)
    shutil.copyfile(theirs, hot_journal.journal_of(ours))
    i18n.set_lang("en")
    store = Store.open_reader(ours) if opener == "reader" else Store.open_writer(ours)
    try:
        said = " ".join(store.notices)
        assert "did not belong to it" in said and "m.db-journal.foreign-1" in said
        assert store.content_sha256() == before
        assert [r["text"] for r in store.rows("SELECT text FROM notes")] == ["our note"]
    finally:
        store.close()
    assert (tmp_path / "a" / "m.db-journal.foreign-1").exists()
    assert _fingerprint(ours) == before
    # Their own journal, beside their file, is theirs: played back, nothing set aside.
    assert _notes(other) == ["their note"]
    assert not list((tmp_path / "b").glob("*.foreign-*"))


def test_a_reader_plays_the_files_own_journal_back(tmp_path: Path) -> None:
    db = _meeting(tmp_path / "a", "our note")
    before = _fingerprint(db)
    _kill_a_long_write(db, "spill")
    assert hot_journal.is_hot(db)
    assert _notes(db) == ["our note"]  # a reader, first after the kill
    assert not hot_journal.is_hot(db)
    assert _fingerprint(db) == before


def test_a_lone_copy_after_a_killed_write_is_the_last_commit(tmp_path: Path) -> None:
    db = _meeting(tmp_path / "a", "our note")
    before = _fingerprint(db)
    _kill_a_long_write(db, "own-early")
    lone = tmp_path / "copy"
    lone.mkdir()
    shutil.copyfile(db, lone / "m.db")  # the .db alone, as staff copy it
    assert _fingerprint(lone / "m.db") == before
    assert _notes(lone / "m.db") == ["our note"]
    assert os.path.getsize(db) == os.path.getsize(lone / "m.db")
