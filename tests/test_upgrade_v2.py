"""Databases made by release 0.2 (schema version 2) keep working: the writer upgrades them
without losing a row and keeps a copy of the old file; readers read them as they are; every
output holds what 0.2 wrote (later releases may add keys, never change or drop one)."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reviewtui.meeting import Meeting
from reviewtui.store import SCHEMA_VERSION, Store, backup_path, open_session

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v2"
RECORDS = ("items", "segments", "notes", "ballots", "marks", "meta", "journal")


def copy_fixture(name: str, folder: Path) -> Path:
    for suffix in (".db", ".toml"):
        shutil.copyfile(FIXTURES / f"{name}-v2{suffix}", folder / f"{name}-v2{suffix}")
    return folder / f"{name}-v2.db"


def records(path: Path) -> dict[str, list[tuple]]:
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {t: conn.execute(f"SELECT * FROM {t} ORDER BY 1, 2").fetchall() for t in RECORDS}
    finally:
        conn.close()


def sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def contains(new: Any, old: Any, where: str = "") -> None:
    """`new` holds everything `old` holds: the same values, and maybe more keys in objects."""
    if isinstance(old, dict):
        assert isinstance(new, dict), where
        for key, value in old.items():
            assert key in new, f"{where}.{key} is gone"
            contains(new[key], value, f"{where}.{key}")
    elif isinstance(old, list):
        assert isinstance(new, list) and len(new) == len(old), where
        for n, (a, b) in enumerate(zip(new, old, strict=True)):
            contains(a, b, f"{where}[{n}]")
    else:
        assert new == old, f"{where}: {new!r} != {old!r}"


def still_running(minutes: dict[str, Any]) -> dict[str, Any]:
    """The running report's length grows with the clock: leave it out of the comparison."""
    for item in minutes["items"]:
        for segment in item.get("segments", []):
            if segment["ended_at"] is None:
                segment["seconds"] = None
    return minutes


def test_the_fixtures_are_the_files_release_0_2_made() -> None:
    sums = dict(
        reversed(line.split()) for line in (FIXTURES / "SHA256SUMS").read_text().splitlines()
    )
    for name, digest in sums.items():
        assert sha(FIXTURES / name) == digest, name


@pytest.mark.parametrize("name", ["small", "sample"])
def test_upgrade_keeps_every_record_and_a_backup(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    original = db.read_bytes()
    rows = records(db)
    store = Store.open_writer(db)
    try:
        assert store.version == SCHEMA_VERSION > 2
        assert store.backup == backup_path(db, 2)
        assert store.notices, "the secretary is told about the upgrade and the backup"
    finally:
        store.close()
    assert records(db) == rows
    assert backup_path(db, 2).read_bytes() == original
    result = cli("results", db, "--json")
    assert result.code == 0, result.output
    contains(
        json.loads(result.stdout), json.loads((FIXTURES / f"{name}-v2.results.json").read_text())
    )


@pytest.mark.parametrize("name", ["small", "sample"])
def test_readers_read_a_v2_file_without_writing_it(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    digest = sha(db)
    result = cli("results", db, "--json")
    assert result.code == 0, result.output
    contains(
        json.loads(result.stdout), json.loads((FIXTURES / f"{name}-v2.results.json").read_text())
    )
    out = tmp_path / "minutes.json"
    assert cli("export", db, "--format", "json", "-o", out).code == 0
    contains(
        still_running(json.loads(out.read_text("utf-8"))),
        still_running(json.loads((FIXTURES / f"{name}-v2.minutes.json").read_text("utf-8"))),
    )
    assert sha(db) == digest
    assert not backup_path(db, 2).exists()


def test_the_ranking_csv_reads_as_release_0_2_wrote_it(cli, tmp_path: Path) -> None:
    db = copy_fixture("small", tmp_path)
    out = tmp_path / "ranking.csv"
    assert cli("export", db, "--format", "csv", "-o", out, "--lang", "en").code == 0  # as 0.2 did

    def table(text: str) -> list[list[str]]:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        return [row[:-1] for row in rows]  # the last column is the content digest

    old = table((FIXTURES / "small-v2.ranking.csv").read_text("utf-8"))
    new = table(out.read_text("utf-8"))
    assert [row[: len(old[0])] for row in new] == old


def test_the_meeting_goes_on_after_the_upgrade(tmp_path: Path) -> None:
    """`run` on the (amended) session file: no change reported, the report still running,
    the answer's gist and the attendance kept, and undo still takes back the last command."""
    copy_fixture("small", tmp_path)
    store = open_session(tmp_path / "small-v2.toml", write=True)
    try:
        meeting = Meeting(store)
        running = meeting.running()
        assert running is not None and running.kind == "report"
        answers = store.rows("SELECT text FROM segments WHERE kind = 'answer' ORDER BY id")
        assert answers[0]["text"] == "年底前修好"
        assert store.plan.group("党代表").issued == 4  # the amendment
        last = meeting.last_undoable()
        assert last is not None
        undone = meeting.undo()
        assert undone is not None and undone.action == last.action
        assert store.row("SELECT count(*) AS n FROM journal WHERE undone_by IS NOT NULL")["n"]
    finally:
        store.close()
