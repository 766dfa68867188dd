"""Databases made with schema version 5 (main at 923b803, release 0.3.0, before schema 6) keep
working. Schema 6 rebuilds two tables: `segments` (a kind references `segment_kinds` instead of a
CHECK listing five kinds) and `problems` (a line's source is checked against its segment). The
writer upgrades without losing a row, keeps a copy of the old file, and the meeting goes on;
readers read the file as it is; every output holds what that release wrote."""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reviewtui import segment_kinds
from reviewtui.meeting import Meeting
from reviewtui.rectify import Rectification
from reviewtui.store import SCHEMA_VERSION, Store, backup_path, open_session
from tests.test_upgrade_v3 import contains, sha, still_running

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v5"


def copy_fixture(name: str, folder: Path) -> Path:
    for suffix in (".db", ".toml"):
        shutil.copyfile(FIXTURES / f"{name}-v5{suffix}", folder / f"{name}-v5{suffix}")
    return folder / f"{name}-v5.db"


def records(path: Path) -> dict[str, list[tuple[Any, ...]]]:
    """Every row of every table but the lock note's, as stored."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        tables = [
            row[0]
            for row in conn.execute(
                "SELECT name FROM sqlite_master WHERE type = 'table' "
                "AND name NOT LIKE 'sqlite_%' AND name NOT IN ('writer', 'segment_kinds')"
            )
        ]
        return {t: conn.execute(f'SELECT * FROM "{t}" ORDER BY 1, 2').fetchall() for t in tables}
    finally:
        conn.close()


def old_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text("utf-8"))


def outputs_hold_what_0_3_0_wrote(cli: Any, db: Path, name: str, folder: Path) -> None:
    """`results --json` and the minutes' JSON hold every value 0.3.0 wrote for this file."""
    result = cli("results", db, "--json", "--lang", "en")
    assert result.code == 0, result.output
    contains(json.loads(result.stdout), old_json(f"{name}-v5.results.json"))
    out = folder / "minutes.json"
    assert cli("export", db, "--format", "json", "-o", out, "--lang", "en").code == 0
    contains(
        still_running(json.loads(out.read_text("utf-8"))),
        still_running(old_json(f"{name}-v5.minutes.json")),
    )


def test_the_fixtures_are_the_files_schema_5_made() -> None:
    sums = dict(
        reversed(line.split()) for line in (FIXTURES / "SHA256SUMS").read_text().splitlines()
    )
    assert set(sums) == {"small-v5.db", "sample-v5.db"}
    for name, digest in sums.items():
        assert sha(FIXTURES / name) == digest, name
    rows = records(FIXTURES / "small-v5.db")
    kinds = {row[2] for row in rows["segments"]}
    assert {"report", "question", "answer", "comment"} <= kinds
    assert any(row[5] is not None for row in rows["segments"])  # an answer's question
    assert any(row[4] is not None for row in rows["problems"])  # a line from a record
    assert any(row[3] == "secretary" for row in rows["problems"])  # a line typed in
    assert records(FIXTURES / "sample-v5.db")["printed_forms"]


@pytest.mark.parametrize("name", ["small", "sample"])
def test_upgrade_keeps_every_record_and_a_backup(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    original = db.read_bytes()
    rows = records(db)
    store = Store.open_writer(db)
    try:
        assert store.version == SCHEMA_VERSION == 6
        assert store.backup == backup_path(db, 5)
        assert store.notices, "the secretary is told about the upgrade and the backup"
        accepted = {r["name"] for r in store.rows("SELECT name FROM segment_kinds")}
        assert accepted == set(segment_kinds.names())
    finally:
        store.close()
    assert records(db) == rows
    assert backup_path(db, 5).read_bytes() == original
    outputs_hold_what_0_3_0_wrote(cli, db, name, tmp_path)


@pytest.mark.parametrize("name", ["small", "sample"])
def test_readers_read_a_v5_file_without_writing_it(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    digest = sha(db)
    outputs_hold_what_0_3_0_wrote(cli, db, name, tmp_path)
    assert sha(db) == digest
    assert not backup_path(db, 5).exists()


def test_the_meeting_goes_on_after_the_upgrade(tmp_path: Path) -> None:
    """`run` on the session file: a question, its answer and a comment are recorded in the
    rebuilt table, their lines edited in the rebuilt list; a wrong kind is still refused."""
    copy_fixture("small", tmp_path)
    store = open_session(tmp_path / "small-v5.toml", write=True)
    try:
        meeting = Meeting(store)
        before = len(meeting.segments())
        question = meeting.start_question("党代表 张建国", "路灯什么时候修?")
        answer = meeting.start_answer()
        assert answer is not None and answer.question_id == question.id
        meeting.start_comment()
        assert len(meeting.segments()) == before + 3
        unit = meeting.current_item()
        assert unit is not None and unit.unit
        rect = Rectification(store)
        line = next(x for x in rect.lines(unit.unit) if x.segment_id == question.id)
        rect.edit(line.key, owner="组织委员")
        assert next(x for x in rect.lines(unit.unit) if x.key == line.key).owner == "组织委员"
        item = store.row("SELECT id FROM items ORDER BY pos LIMIT 1")["id"]
        with pytest.raises(sqlite3.IntegrityError), store.transaction("bad") as tx:
            tx.insert("segments", {"item_id": item, "kind": "nonsense", "started_at": "x"})
        undone = meeting.undo()
        assert undone is not None
    finally:
        store.close()
