"""The meeting database: creation, journal and undo, the single writer, durability, plan changes."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import textwrap
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from reviewtui import clock, plan
from reviewtui.errors import UserError
from reviewtui.store import APPLICATION_ID, JOURNAL_MODE, SCHEMA_VERSION, Store, open_session

TABLES = ("meta", "items", "segments", "notes", "ballots", "marks")
STARTED = "2017-02-24T14:30:00.000+08:00"


def snapshot(store: Store) -> dict[str, list[dict[str, Any]]]:
    """Every recorded row except the journal and the lock holder, in key order."""
    out = {}
    for table in TABLES:
        keys = ", ".join(store.primary_key(table))
        rows = store.rows(f"SELECT * FROM {table} ORDER BY {keys}")
        out[table] = [r for r in rows if not (table == "meta" and r["key"] == "writer")]
    return out


def journal(store: Store, tx: int) -> list[dict[str, Any]]:
    return store.rows("SELECT * FROM journal WHERE tx = ? ORDER BY id", (tx,))


def first_item(store: Store) -> int:
    return store.row("SELECT id FROM items ORDER BY pos")["id"]


def segment(item_id: int, text: str = "") -> dict[str, Any]:
    return {"item_id": item_id, "kind": "report", "speaker": "雁翅镇党委书记", "text": text,
            "planned": 30.0, "started_at": STARTED}  # fmt: skip


def python(code: str, *args: str | Path, env: dict[str, str] | None = None, **kwargs: Any):
    """Run `code` in a fresh interpreter (a second process, with its own locks)."""
    return subprocess.run(
        [sys.executable, "-c", textwrap.dedent(code), *map(str, args)],
        capture_output=True,
        text=True,
        timeout=60,
        env={**os.environ, **(env or {})},
        **kwargs,
    )


@pytest.fixture
def small_db(small_session: Path) -> Path:
    """A database created from small_session, closed (no writer holds it)."""
    open_session(small_session, write=True).close()
    return small_session.with_suffix(".db")


# ------------------------------------------------------------------------------------------------
# Creation


def test_create(small_session: Path, fake_clock: clock.FakeClock) -> None:
    expected = plan.load(small_session)
    old_umask = os.umask(0)  # even a permissive umask must not open the file to others
    try:
        store = open_session(small_session, write=True)
    finally:
        os.umask(old_umask)
    db = small_session.with_suffix(".db")
    assert store.path == db
    try:
        for path in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            if path.exists():
                assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
        conn = store.conn
        assert conn.execute("PRAGMA application_id").fetchone()[0] == APPLICATION_ID
        assert conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == JOURNAL_MODE.lower()
        assert conn.execute("PRAGMA synchronous").fetchone()[0] == 2  # FULL
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        rows = store.rows("SELECT * FROM items ORDER BY pos")
        agenda = expected.expanded_agenda()
        assert [r["pos"] for r in rows] == list(range(1, len(agenda) + 1))
        assert [
            (r["kind"], r["title"], r["unit"], r["mode"], r["speaker"], r["planned"]) for r in rows
        ] == [(a.kind, a.title, a.unit, a.mode, a.speaker, a.planned) for a in agenda]
        assert {r["status"] for r in rows} == {"pending"}
        assert [r["unit"] for r in rows if r["kind"] == "unit"] == [
            "雁翅镇党委", "城子街道工委", "王平镇党委",
        ]  # fmt: skip
        assert store.meta("created_at") == clock.iso(fake_clock())
        assert store.meta("source") == str(small_session.resolve())
        # the creation itself is journaled: the plan and every agenda row
        created = journal(store, 1)
        assert {e["action"] for e in created} == {"create"}
        assert sum(e["tbl"] == "items" for e in created) == len(agenda)
    finally:
        store.close()
    small_session.unlink()  # the .db alone is enough
    reader = Store.open_reader(db)
    try:
        assert reader.plan == expected
        assert reader.plan.data == expected.data
        assert not reader.writable
    finally:
        reader.close()


def test_create_refuses_to_overwrite(small_db: Path) -> None:
    before = small_db.read_bytes()
    with pytest.raises(FileExistsError):
        Store.create(small_db, plan.load(small_db.with_suffix(".toml")))
    assert small_db.read_bytes() == before


def test_sample_meeting_database(sample_session: Path) -> None:
    store = open_session(sample_session, write=False)
    try:
        assert not store.writable
        assert store.plan == plan.load(sample_session)
        units = store.rows("SELECT unit, mode FROM items WHERE kind = 'unit' ORDER BY pos")
        assert len(units) == len(store.plan.units)
        assert units[0]["mode"] == "onsite" and units[-1]["mode"] == "written"
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# Journal and undo


def test_every_change_is_journaled_and_undo_restores_exactly(small_store: Store) -> None:
    store = small_store
    item = first_item(store)
    before = snapshot(store)

    with store.transaction("add") as tx:
        seg = tx.insert("segments", segment(item, "述职"))
        tx.insert("notes", {"item_id": item, "text": "要点", "updated_at": STARTED})
    added, after_add = tx.id, snapshot(store)
    entries = journal(store, added)
    assert [(e["action"], e["tbl"]) for e in entries] == [("add", "segments"), ("add", "notes")]
    assert [json.loads(e["row_key"]) for e in entries] == [{"id": seg}, {"item_id": item}]
    assert all(e["old"] is None for e in entries)
    assert json.loads(entries[0]["new"]) == after_add["segments"][0]
    assert json.loads(entries[1]["new"]) == after_add["notes"][0]

    with store.transaction("edit") as tx:
        assert tx.update("segments", {"id": seg}, {"text": "述职(改)", "paused_seconds": 2.5})
        assert not tx.update("segments", {"id": seg}, {"text": "述职(改)"})  # no change
        assert tx.delete("notes", {"item_id": item})
    edited, after_edit = tx.id, snapshot(store)
    assert edited != added
    update, delete = journal(store, edited)
    # An update journals only the columns it changed, old and new.
    assert json.loads(update["old"]) == {"text": "述职", "paused_seconds": 0.0}
    assert json.loads(update["new"]) == {"text": "述职(改)", "paused_seconds": 2.5}
    assert update["op"] == "update" and delete["op"] == "delete"
    assert json.loads(delete["old"]) == after_add["notes"][0]
    assert delete["new"] is None
    assert after_edit["notes"] == []

    undo_edit = store.undo(edited)
    assert snapshot(store) == after_add
    assert {e["undone_by"] for e in journal(store, edited)} == {undo_edit}
    assert journal(store, undo_edit), "the undo is journaled too"

    store.undo(added)
    assert snapshot(store) == before


def test_a_failed_command_leaves_nothing(small_store: Store) -> None:
    store = small_store
    before = snapshot(store)
    journal_rows = store.rows("SELECT count(*) AS n FROM journal")
    with pytest.raises(sqlite3.IntegrityError), store.transaction("bad") as tx:
        tx.insert("segments", segment(first_item(store)))
        tx.insert("segments", {**segment(first_item(store)), "kind": "nonsense"})
    assert snapshot(store) == before
    assert store.rows("SELECT count(*) AS n FROM journal") == journal_rows


def test_cascaded_deletes_are_journaled_and_undone(small_store: Store) -> None:
    """Deleting a ballot deletes its marks (ON DELETE CASCADE): the journal must have them too."""
    store = small_store
    with store.transaction("ballot") as tx:
        ballot = tx.insert(
            "ballots",
            {"code": "001", "grp": "区级领导", "created_at": STARTED, "updated_at": STARTED},
        )
        for unit in ("雁翅镇党委", "城子街道工委"):
            tx.insert("marks", {"ballot_id": ballot, "unit": unit, "cells": '{"总体评价": "好"}'})
    with_marks = snapshot(store)
    assert len(with_marks["marks"]) == 2

    with store.transaction("delete ballot") as tx:
        tx.delete("ballots", {"id": ballot})
    deleted = tx.id
    assert snapshot(store)["marks"] == []
    assert sorted(e["tbl"] for e in journal(store, deleted)) == ["ballots", "marks", "marks"]

    store.undo(deleted)
    assert snapshot(store) == with_marks


def test_readers_cannot_write(small_db: Path) -> None:
    reader = Store.open_reader(small_db)
    try:
        with pytest.raises(RuntimeError), reader.transaction("x"):
            pass
        with pytest.raises(sqlite3.OperationalError):
            reader.conn.execute("DELETE FROM items")
    finally:
        reader.close()


# ------------------------------------------------------------------------------------------------
# One writer, many readers

OPEN_WRITER = """
    import sys
    from reviewtui import i18n
    from reviewtui.errors import UserError
    from reviewtui.store import open_session
    i18n.set_lang(None)
    try:
        store = open_session(sys.argv[1], write=True)
    except UserError as exc:
        print("REFUSED")
        print(exc)
        sys.exit(3)
    print("OPENED")
    store.close()
"""


@pytest.mark.parametrize("env_lang", ["en_US.UTF-8", "zh_CN.UTF-8"])
def test_a_second_writer_is_refused_naming_the_holder(
    small_store: Store, small_session: Path, env_lang: str
) -> None:
    for target in (small_session, small_store.path):  # by the .toml and by the .db
        done = python(OPEN_WRITER, target, env={"LANG": env_lang})
        assert done.returncode == 3, done.stdout + done.stderr
        assert done.stdout.startswith("REFUSED")
        pid = str(os.getpid())
        if env_lang.startswith("zh"):
            assert f"进程 {pid}" in done.stdout
        else:
            assert f"pid {pid}" in done.stdout
        assert "Traceback" not in done.stderr
    # the holder is unharmed and keeps writing
    with small_store.transaction("after") as tx:
        tx.insert("segments", segment(first_item(small_store)))


def test_a_second_writer_in_the_same_process_is_refused(small_store: Store) -> None:
    with pytest.raises(UserError, match=f"pid {os.getpid()}"):
        Store.open_writer(small_store.path)


def test_run_refuses_a_held_meeting(small_store: Store, small_session: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reviewtui", "run", str(small_session)],
        capture_output=True,
        text=True,
        timeout=60,
        stdin=subprocess.DEVNULL,
    )
    assert done.returncode == 2, done.stdout + done.stderr
    assert f"pid {os.getpid()}" in done.stderr
    assert "Traceback" not in done.stderr


def test_readers_beside_the_writer(small_store: Store, small_session: Path) -> None:
    db = small_store.path
    reader = Store.open_reader(db)
    try:
        version = reader.data_version()
        with small_store.transaction("seg") as tx:
            tx.insert("segments", segment(first_item(small_store), "新记录"))
        assert reader.data_version() != version  # a reader can follow the writer
        assert reader.row("SELECT text FROM segments")["text"] == "新记录"
    finally:
        reader.close()
    code = """
        import sys
        from reviewtui.store import open_session
        store = open_session(sys.argv[1], write=False)
        print(store.plan.meeting.title, store.row("SELECT count(*) AS n FROM segments")["n"])
        store.close()
    """
    for target in (db, small_session):
        done = python(code, target)
        assert done.returncode == 0, done.stderr
        assert done.stdout.split() == ["测试用述职评议考核会", "1"]
    # the writer still holds the meeting after the readers came and went
    with pytest.raises(UserError):
        Store.open_writer(db)


HOLD = """
    import sys, time
    from reviewtui.store import open_session
    store = open_session(sys.argv[1], write=True)
    print("HOLDING", flush=True)
    time.sleep(600)
"""


@pytest.fixture
def child() -> Iterator[list[subprocess.Popen]]:
    """Processes a test starts; any still running at the end are killed."""
    started: list[subprocess.Popen] = []
    yield started
    for proc in started:
        if proc.poll() is None:
            proc.kill()
        proc.wait(timeout=30)
        if proc.stdout:
            proc.stdout.close()


def spawn(child: list[subprocess.Popen], code: str, *args: str | Path) -> subprocess.Popen:
    proc = subprocess.Popen(
        [sys.executable, "-u", "-c", textwrap.dedent(code), *map(str, args)],
        stdout=subprocess.PIPE,
        stderr=subprocess.DEVNULL,
        stdin=subprocess.DEVNULL,
        text=True,
    )
    child.append(proc)
    return proc


def test_the_lock_of_a_killed_writer_is_taken_over(small_db: Path, child: list) -> None:
    proc = spawn(child, HOLD, small_db)
    assert proc.stdout.readline().strip() == "HOLDING"
    with pytest.raises(UserError, match=f"pid {proc.pid}"):
        Store.open_writer(small_db)
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    store = Store.open_writer(small_db)
    try:
        assert Store._holder(small_db).pid == str(os.getpid())
        assert store.meta("writer") is None  # the lock note is no record (its own table)
        with store.transaction("after") as tx:
            tx.insert("segments", segment(first_item(store)))
    finally:
        store.close()


WRITE_LOOP = """
    import sys
    from reviewtui.store import open_session
    store = open_session(sys.argv[1], write=True)
    item = store.row("SELECT id FROM items ORDER BY pos")["id"]
    n = 0
    while True:
        n += 1
        with store.transaction("loop") as tx:
            sid = tx.insert("segments", {"item_id": item, "kind": "question", "speaker": "代表",
                                         "text": "第%d问" % n + "。" * 2000,
                                         "started_at": sys.argv[2]})
        print(sid, flush=True)
"""


def test_a_writer_killed_mid_write_loses_nothing_committed(small_db: Path, child: list) -> None:
    proc = spawn(child, WRITE_LOOP, small_db, STARTED)
    committed: list[int] = []
    while len(committed) < 200:
        line = proc.stdout.readline()
        assert line, "the writer died before it was killed"
        committed.append(int(line))
    proc.send_signal(signal.SIGKILL)
    proc.wait(timeout=30)
    committed += [int(line) for line in proc.stdout.read().split()]  # printed before the kill
    assert proc.returncode == -signal.SIGKILL

    with sqlite3.connect(small_db) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        stored = {row[0] for row in conn.execute("SELECT id FROM segments")}
    conn.close()
    assert set(committed) <= stored
    assert len(stored) - len(committed) <= 1  # at most the one committed before it was printed
    # every stored segment is whole and journaled
    store = Store.open_writer(small_db)  # the lock is taken over
    try:
        journaled = {
            json.loads(e["row_key"])["id"]
            for e in store.rows("SELECT row_key FROM journal WHERE tbl = 'segments'")
        }
        assert stored <= journaled
        with store.transaction("after") as tx:
            tx.insert("segments", segment(first_item(store)))
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# The session file changed after the database was made


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("write", [True, False])
def test_a_changed_session_file_is_reported(small_db: Path, write: bool, lang: str) -> None:
    toml = small_db.with_suffix(".toml")
    reader = Store.open_reader(small_db)
    recorded = reader.content_sha256()
    reader.close()
    edit(toml, 'report = "0:30"', 'report = "0:45"')
    edit(toml, 'name = "王平镇党委"', 'name = "王平镇党委"\ntopic = "新增的标题"')

    with pytest.raises(UserError) as info:
        open_session(toml, write=write)
    message = "\n".join(info.value.lines)
    assert "timing.report" in message and "30" in message and "45" in message
    assert "units[2].topic" in message and "新增的标题" in message
    assert str(small_db) in message and "--db" in message  # how to proceed
    assert ("has changed" if lang == "en" else "被修改过") in message

    # nothing recorded was touched, and no lock is left behind
    store = open_session(small_db, write=True)  # the .db keeps its own plan
    try:
        assert store.plan.timing.report == 30
        assert store.content_sha256() == recorded
    finally:
        store.close()
    # the way out the message offers: a new database from the changed file
    store = open_session(toml, small_db.with_name("new.db"), write=True)
    try:
        assert store.plan.timing.report == 45
    finally:
        store.close()


def test_cosmetic_edits_are_not_a_change(small_db: Path) -> None:
    toml = small_db.with_suffix(".toml")
    edit(toml, "[timing]", "# 时间再议\n[timing]   # 各环节限时")
    edit(
        toml,
        'reporter = "雁翅镇党委书记"\nmode = "onsite"',
        'mode = "onsite"\nreporter = "雁翅镇党委书记"',
    )
    edit(toml, 'warn = "0:10"', "warn = 10")  # the same duration, written differently
    toml.write_bytes(b"\xef\xbb\xbf" + toml.read_bytes().replace(b"\n", b"\r\n"))
    store = open_session(toml, write=True)
    store.close()


def test_open_session_reports_plan_errors(small_db: Path) -> None:
    toml = small_db.with_suffix(".toml")
    edit(toml, 'mode = "onsite"', 'mode = "live"')
    with pytest.raises(UserError) as info:
        open_session(toml, write=False)
    assert any("units[0].mode" in line for line in info.value.lines)


# ------------------------------------------------------------------------------------------------
# Files that are not (this version's) meeting databases


def test_not_a_meeting_database(tmp_path: Path) -> None:
    other = tmp_path / "other.db"
    sqlite3.connect(other).execute("CREATE TABLE t (x)").connection.close()
    with pytest.raises(UserError, match="not a reviewtui"):
        open_session(other, write=False)
    garbage = tmp_path / "garbage.db"
    garbage.write_bytes(b"this is not sqlite at all" * 100)
    for write in (False, True):
        with pytest.raises(UserError, match="not an SQLite database"):
            open_session(garbage, write=write)
    with pytest.raises(UserError, match="no such meeting database"):
        open_session(tmp_path / "missing.db", write=False)


def test_a_newer_database_is_refused(small_db: Path) -> None:
    conn = sqlite3.connect(small_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    conn.close()
    for write in (False, True):
        with pytest.raises(UserError, match="newer"):
            open_session(small_db, write=write)
    conn = sqlite3.connect(small_db)
    conn.execute(f"PRAGMA user_version = {SCHEMA_VERSION}")
    conn.close()
    open_session(small_db, write=True).close()


def test_sqlite_utils_view_of_the_same_connection(small_store: Store) -> None:
    """`Store.db` (sqlite-utils) sees the schema of schema.sql through the writer's connection."""
    tables = set(small_store.db.table_names())
    assert {"meta", "items", "segments", "notes", "ballots", "marks", "journal"} <= tables
    assert "mark_cells" in small_store.db.view_names()
    assert small_store.db["items"].count == len(small_store.plan.expanded_agenda())
