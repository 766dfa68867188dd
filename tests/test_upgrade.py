"""Databases made by release 0.1.0 (schema version 1) keep working: the writer upgrades them
without losing a row and keeps a copy of the old file; readers read them as they are."""

from __future__ import annotations

import hashlib
import json
import shutil
import sqlite3
from pathlib import Path

import pytest

from reviewtui.meeting import Meeting
from reviewtui.store import SCHEMA_VERSION, Store, backup_path, open_session
from reviewtui.store.migrations import MigrationFailed, rebuild, upgrade

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v1"
COUNTED = ("items", "segments", "notes", "ballots", "marks", "journal")


def copy_fixture(name: str, folder: Path) -> Path:
    for suffix in (".db", ".toml"):
        shutil.copyfile(FIXTURES / f"{name}-v1{suffix}", folder / f"{name}-v1{suffix}")
    return folder / f"{name}-v1.db"


def counts(path: Path) -> dict[str, int]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT count(*) FROM {t}").fetchone()[0] for t in COUNTED}
    finally:
        conn.close()


def records(path: Path) -> dict[str, list[tuple]]:
    """Every recorded row but the journal's (whose shape changes) and the v1 lock note."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        out = {}
        for table in ("items", "segments", "notes", "ballots", "marks", "meta"):
            rows = conn.execute(f"SELECT * FROM {table} ORDER BY 1, 2").fetchall()
            out[table] = [r for r in rows if not (table == "meta" and r[0] == "writer")]
        return out
    finally:
        conn.close()


def v1_results(name: str) -> dict:
    """The results JSON release 0.1.0 wrote, with the keys SPEC 7 gained since as they must read
    for these meetings: `provisional` (both fixtures meet the quorum of 0.5: small returned 5 of
    8, sample 102 of 102), each group's `expected` (the v1 plans have none: `issued`) and
    `invalid_reasons`: v1 plans have no rules, so an invalid ballot of theirs could only be
    `blank`; neither fixture has one (the v1 JSON counts them but names none)."""
    data = json.loads((FIXTURES / f"{name}-v1.results.json").read_text("utf-8"))
    assert data["ballots"]["invalid"] == 0
    data["ballots"]["invalid_reasons"] = {}
    data["ballots"]["provisional"] = False
    for group in data["ballots"]["groups"].values():
        group["expected"] = group["issued"]
    return data


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


@pytest.mark.parametrize("name", ["small", "sample"])
def test_upgrade_keeps_every_record_and_a_backup(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    original = db.read_bytes()
    before, rows = counts(db), records(db)
    assert before["marks"] and before["ballots"] and before["journal"]

    store = Store.open_writer(db)
    try:
        assert store.version == SCHEMA_VERSION
        assert store.backup == backup_path(db, 1) == db.with_name(db.name + ".v1.bak")
        assert store.notices, "the secretary is told about the upgrade and the backup"
        ops = store.rows("SELECT op, old IS NULL AS o, new IS NULL AS n FROM journal")
        expected = ["insert" if r["o"] else "delete" if r["n"] else "update" for r in ops]
        assert [r["op"] for r in ops] == expected
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
    assert counts(db) == before
    assert records(db) == rows
    assert backup_path(db, 1).read_bytes() == original

    result = cli("results", db, "--json")
    assert result.code == 0, result.output
    assert json.loads(result.stdout) == v1_results(name)

    # A second open finds version 2: no second backup, the first one untouched.
    kept = backup_path(db, 1).stat().st_mtime_ns
    backup_path(db, 1).rename(tmp_path / "moved.bak")
    Store.open_writer(db).close()
    assert not backup_path(db, 1).exists()
    assert (tmp_path / "moved.bak").stat().st_mtime_ns == kept


@pytest.mark.parametrize("name", ["small", "sample"])
def test_readers_read_a_v1_file_without_writing_it(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    digest = sha(db)
    reader = Store.open_reader(db)
    try:
        assert reader.version == 1 and not reader.writable
        assert reader.plan.meeting.title
        reader.content_sha256()
    finally:
        reader.close()
    result = cli("results", db, "--json")
    assert result.code == 0, result.output
    assert json.loads(result.stdout) == v1_results(name)
    assert cli("export", db, "--format", "json", "-o", tmp_path / "out.json").code == 0
    assert sha(db) == digest
    assert not backup_path(db, 1).exists()
    assert Store._holder(db).pid != "?"  # the v1 lock note is still read from meta


def test_run_resumes_the_running_segment_after_the_upgrade(tmp_path: Path) -> None:
    copy_fixture("small", tmp_path)
    store = open_session(tmp_path / "small-v1.toml", write=True)  # the unchanged session file
    try:
        running = Meeting(store).running()
        assert running is not None and running.kind == "report"
    finally:
        store.close()


def test_undo_reads_whole_row_entries_of_version_1(tmp_path: Path) -> None:
    """The v1 journal holds whole rows; undo reverts only the columns that differ in them."""
    db = copy_fixture("small", tmp_path)
    store = Store.open_writer(db)
    try:
        meeting = Meeting(store)
        last = meeting.last_undoable()
        assert last is not None and last.action == "report"
        question = store.row("SELECT * FROM segments WHERE kind = 'question' ORDER BY id DESC")
        assert question["ended_at"] is not None  # ended by that report
        meeting.edit_segment(question["id"], text="路灯什么时候修?", action="draft")
        meeting.undo()
        after = store.row("SELECT * FROM segments WHERE id = ?", (question["id"],))
        assert after["ended_at"] is None  # running again
        assert after["text"] == "路灯什么时候修?"  # the later typing is kept
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# The runner


def _ballots_rebuild(conn: sqlite3.Connection) -> None:
    """A table rebuild of `ballots` (the parent `marks` cascades from): one more column."""
    columns = ["id", "code", "entry", "grp", "entered_by", "source", "created_at", "updated_at"]
    rebuild(
        conn,
        "ballots",
        """(
    id         INTEGER PRIMARY KEY,
    code       TEXT NOT NULL,
    entry      INTEGER NOT NULL DEFAULT 1 CHECK (entry IN (1, 2)),
    grp        TEXT NOT NULL,
    entered_by TEXT NOT NULL DEFAULT '',
    source     TEXT NOT NULL DEFAULT '',
    created_at TEXT NOT NULL,
    updated_at TEXT NOT NULL,
    remark     TEXT NOT NULL DEFAULT '',
    UNIQUE (code, entry)
)""",
        columns,
    )


def test_a_rebuild_of_ballots_keeps_every_mark(tmp_path: Path) -> None:
    db = copy_fixture("sample", tmp_path)
    Store.open_writer(db).close()  # to the current version
    before = counts(db)
    store = Store.open_writer(db)
    try:
        conn = store.conn
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        later = SCHEMA_VERSION + 1
        upgrade(conn, db, SCHEMA_VERSION, {later: _ballots_rebuild}, latest=later)
        assert conn.execute("PRAGMA user_version").fetchone()[0] == later
        assert conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        columns = [r[1] for r in conn.execute("PRAGMA table_info(ballots)")]
        assert columns[-1] == "remark"
        assert conn.execute("SELECT count(*) FROM mark_cells").fetchone()[0] > 0  # view remade
        # The cascade still works on the rebuilt table.
        assert ("marks", {"ballot_id": "id"}) in store.cascades("ballots")
    finally:
        store.close()
    assert counts(db) == before
    assert backup_path(db, SCHEMA_VERSION).exists()


def test_the_naive_rebuild_would_lose_the_marks(tmp_path: Path) -> None:
    """The check above can fail: the same rebuild with foreign keys on cascades marks away."""
    db = copy_fixture("sample", tmp_path)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("BEGIN IMMEDIATE")
    _ballots_rebuild(conn)
    conn.execute("COMMIT")
    assert conn.execute("SELECT count(*) FROM marks").fetchone()[0] == 0
    conn.close()


def test_a_step_that_breaks_a_foreign_key_is_rolled_back(tmp_path: Path) -> None:
    db = copy_fixture("small", tmp_path)
    Store.open_writer(db).close()
    before = counts(db)

    def orphan(conn: sqlite3.Connection) -> None:
        conn.execute("INSERT INTO marks (ballot_id, unit, cells) VALUES (999, 'x', '{}')")

    store = Store.open_writer(db)
    try:
        with pytest.raises(MigrationFailed):
            later = SCHEMA_VERSION + 1
            upgrade(store.conn, db, SCHEMA_VERSION, {later: orphan}, latest=later)
        assert store.conn.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
        assert store.conn.execute("PRAGMA foreign_keys").fetchone()[0] == 1
    finally:
        store.close()
    assert counts(db) == before


def test_the_backup_of_a_crashed_v1_meeting_holds_what_its_wal_held(tmp_path: Path) -> None:
    """A v1 meeting killed mid-run leaves records in its -wal: the backup is taken after a
    checkpoint, so the copy of the file alone has them."""
    live = tmp_path / "live"
    live.mkdir()
    db = copy_fixture("small", live)
    conn = sqlite3.connect(db, isolation_level=None)
    conn.execute("PRAGMA wal_autocheckpoint = 0")
    conn.execute("UPDATE notes SET text = text || '(崩溃前)' WHERE item_id = 2")
    crashed = tmp_path / "crashed"
    crashed.mkdir()
    for name in (db.name, db.name + "-wal", "small-v1.toml"):  # the files as a kill leaves them
        shutil.copyfile(live / name, crashed / name)
    conn.close()
    copy = crashed / db.name
    Store.open_writer(copy).close()
    for path in (copy, backup_path(copy, 1)):
        check = sqlite3.connect(f"file:{path}?mode=ro&immutable=1", uri=True)
        texts = [r[0] for r in check.execute("SELECT text FROM notes ORDER BY item_id")]
        check.close()
        assert any(text.endswith("(崩溃前)") for text in texts), path
    assert not Path(f"{copy}-wal").exists()  # the upgraded file uses a rollback journal


def _shape(path: Path) -> dict[str, list[tuple]]:
    """Each table's columns, foreign keys and indexes: what a reader of the schema relies on."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        names = [
            r[0]
            for r in conn.execute(
                "SELECT name FROM sqlite_master WHERE type IN ('table', 'view') "
                "AND name NOT LIKE 'sqlite_%' ORDER BY name"
            )
        ]
        shape = {}
        for name in names:
            columns = conn.execute(f'PRAGMA table_info("{name}")').fetchall()
            keys = conn.execute(f'PRAGMA foreign_key_list("{name}")').fetchall()
            indexes = conn.execute(f'PRAGMA index_list("{name}")').fetchall()
            shape[name] = [*columns, *(k[2:] for k in keys), *(i[1:] for i in indexes)]
        return shape
    finally:
        conn.close()


@pytest.mark.parametrize("name", ["small", "sample"])
def test_an_upgraded_file_has_the_schema_of_a_new_one(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    Store.open_writer(db).close()
    fresh = tmp_path / "fresh.toml"
    shutil.copyfile(FIXTURES / f"{name}-v1.toml", fresh)
    assert cli("check", fresh).code == 0
    open_session(fresh, write=True).close()
    assert _shape(db) == _shape(fresh.with_suffix(".db"))
