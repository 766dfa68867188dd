"""Databases made with schema version 3 (main at 780f582, before schema 4) keep working: the
writer upgrades them without losing a row and keeps a copy of the old file; readers read them as
they are; every output holds what that code wrote (later releases may add keys, never change or
drop one). Beyond v2's records they hold opinions, the rectification list (edited, merged,
dropped), phone tokens (one used by a phone ballot, the rest voided by a reprint), reveals and
forms the rules void."""

from __future__ import annotations

import csv
import hashlib
import io
import json
import re
import shutil
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from reviewtui.assessment import reveal
from reviewtui.meeting import Meeting
from reviewtui.phones import tokens
from reviewtui.rectify import Rectification
from reviewtui.store import SCHEMA_VERSION, Store, backup_path, open_session

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "v3"
RECORDS = (
    "items",
    "segments",
    "notes",
    "ballots",
    "marks",
    "meta",
    "journal",
    "opinions",
    "problems",
    "tokens",
    "reveals",
)


def copy_fixture(name: str, folder: Path) -> Path:
    for suffix in (".db", ".toml"):
        shutil.copyfile(FIXTURES / f"{name}-v3{suffix}", folder / f"{name}-v3{suffix}")
    return folder / f"{name}-v3.db"


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


def old_json(name: str) -> Any:
    return json.loads((FIXTURES / name).read_text("utf-8"))


def test_the_fixtures_are_the_files_schema_3_made() -> None:
    sums = dict(
        reversed(line.split()) for line in (FIXTURES / "SHA256SUMS").read_text().splitlines()
    )
    assert set(sums) == {"small-v3.db", "sample-v3.db"}
    for name, digest in sums.items():
        assert sha(FIXTURES / name) == digest, name


def test_the_small_fixture_holds_what_schema_3_added() -> None:
    """Guards the fixture itself: each kind of schema 3 record is there to be upgraded."""
    rows = records(FIXTURES / "small-v3.db")
    assert rows["opinions"] and rows["tokens"] and rows["reveals"]
    conn = sqlite3.connect(f"file:{FIXTURES / 'small-v3.db'}?mode=ro", uri=True)
    try:
        assert conn.execute("PRAGMA user_version").fetchone()[0] == 3
        statuses = {r[0] for r in conn.execute("SELECT status FROM problems")}
        assert "dropped" in statuses
        merged = "SELECT count(*) FROM problems WHERE merged_into IS NOT NULL"
        assert conn.execute(merged).fetchone()[0]
        assert conn.execute("SELECT count(*) FROM tokens WHERE used_at IS NOT NULL").fetchone()[0]
    finally:
        conn.close()
    assert old_json("small-v3.results.json")["ballots"]["invalid"] >= 1


@pytest.mark.parametrize("name", ["small", "sample"])
def test_upgrade_keeps_every_record_and_a_backup(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    original = db.read_bytes()
    rows = records(db)
    store = Store.open_writer(db)
    try:
        assert store.version == SCHEMA_VERSION > 3
        assert store.backup == backup_path(db, 3)
        assert store.notices, "the secretary is told about the upgrade and the backup"
    finally:
        store.close()
    upgraded = records(db)
    # Schema 5 adds reveals.category: NULL (every category) in each older row, the rest as was.
    assert all(row[-1] is None for row in upgraded["reveals"])
    upgraded["reveals"] = [row[:-1] for row in upgraded["reveals"]]
    assert upgraded == rows
    assert backup_path(db, 3).read_bytes() == original
    result = cli("results", db, "--json", "--lang", "en")
    assert result.code == 0, result.output
    contains(json.loads(result.stdout), old_json(f"{name}-v3.results.json"))


@pytest.mark.parametrize("name", ["small", "sample"])
def test_readers_read_a_v3_file_without_writing_it(cli, name: str, tmp_path: Path) -> None:
    db = copy_fixture(name, tmp_path)
    digest = sha(db)
    result = cli("results", db, "--json", "--lang", "en")
    assert result.code == 0, result.output
    contains(json.loads(result.stdout), old_json(f"{name}-v3.results.json"))
    out = tmp_path / "minutes.json"
    assert cli("export", db, "--format", "json", "-o", out, "--lang", "en").code == 0
    contains(
        still_running(json.loads(out.read_text("utf-8"))),
        still_running(old_json(f"{name}-v3.minutes.json")),
    )
    assert sha(db) == digest
    assert not backup_path(db, 3).exists()


def test_the_ranking_csv_reads_as_schema_3_wrote_it(cli, tmp_path: Path) -> None:
    db = copy_fixture("small", tmp_path)
    out = tmp_path / "ranking.csv"
    assert cli("export", db, "--format", "csv", "-o", out, "--lang", "en").code == 0

    def table(text: str) -> list[list[str]]:
        rows = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
        return [row[:-1] for row in rows]  # the last column is the content digest

    old = table((FIXTURES / "small-v3.ranking.csv").read_text("utf-8"))
    new = table(out.read_text("utf-8"))
    assert [row[: len(old[0])] for row in new] == old


def test_the_markdown_minutes_keep_every_line_schema_3_wrote(cli, tmp_path: Path) -> None:
    """Every line of the old Markdown minutes is still there, in order, but the lines that
    grow with the clock (the report still running since 2017: thousands of hours)."""

    def lines(text: str) -> list[str]:
        # The time statistics are a view computed from the records, not records: a later
        # release may compute them anew (a phase's plan grows with the questions asked), so
        # their section is left out; every record's line must stay.
        # The sections' headings and numbers are layout: the written units share one section
        # (a table, its rows checked below) and an empty 填写测评表 has none.
        kept: list[str] = []
        for block in re.split(r"^(?=## )", text, flags=re.M):
            head = block.split("\n", 1)[0]
            if "Time statistics" in head or "用时统计" in head:
                continue
            if "written report (not timed)" in block and "### " not in block:
                continue  # a written unit's own section
            body = block.splitlines()[1:] if head.startswith("## ") else block.splitlines()
            kept += [line for line in body if not re.search(r"\d{4,}:\d\d:\d\d", line)]
        return kept

    db = copy_fixture("small", tmp_path)
    out = tmp_path / "minutes.md"
    assert cli("export", db, "--format", "md", "-o", out, "--lang", "en").code == 0
    new = lines(out.read_text("utf-8"))
    at = 0
    for line in lines((FIXTURES / "small-v3.minutes.md").read_text("utf-8")):
        if not line.strip():
            continue
        assert line in new[at:], line
        at = new.index(line, at) + 1
    written = [line for line in new if line.startswith("| 1 ") and "王平镇党委书记" in line]
    assert written and "王平镇党委" in written[0]  # the written unit, in its section's table


def test_the_meeting_goes_on_after_the_upgrade(tmp_path: Path) -> None:
    """`run` on the session file: the report still running, the rectification list, the
    reveal on the wall, the used token refused and undo taking back the last command."""
    copy_fixture("small", tmp_path)
    store = open_session(tmp_path / "small-v3.toml", write=True)
    try:
        meeting = Meeting(store)
        running = meeting.running()
        assert running is not None and running.kind == "report"
        lines = Rectification(store).lines("雁翅镇党委")
        assert lines[0].problem.startswith("第一书记考核办法; ")  # edited, then a merge
        assert lines[0].owner == "组织委员"
        shown = reveal.current(store.conn)
        assert shown is not None and shown.scope == "all"
        assert tokens.active_count(store) == 1  # the reprinted A001's
        last = meeting.last_undoable()
        assert last is not None
        undone = meeting.undo()
        assert undone is not None and undone.action == last.action
        assert store.row("SELECT count(*) AS n FROM journal WHERE undone_by IS NOT NULL")["n"]
    finally:
        store.close()
