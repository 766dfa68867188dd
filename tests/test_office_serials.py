"""An office's own form numbering (SPEC 5): serials are checked only against what `print forms`
printed and recorded in the meeting's database.

The ballot files here are written the way an office writes them (a CSV typed by hand, a
workbook made with a spreadsheet program: openpyxl here), never by reviewtui.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
from pathlib import Path

import pytest
from openpyxl import Workbook

from reviewtui.assessment import ballots, serials
from reviewtui.errors import UserError
from reviewtui.store import Store, open_session

ROOT = Path(__file__).resolve().parent.parent

OFFICE = """
[meeting]
title = "某区述职评议考核会"
date = "2026-01-20"

[[groups]]
name = "县委委员"
issued = 2

[[groups]]
name = "党代表"
issued = 3

[[groups]]
name = "群众代表"

[[units]]
name = "甲镇党委"

[[units]]
name = "乙街道工委"
"""

# One sequence across the groups, letter C (the third group's default prefix), as offices do;
# 县委委员 returns 3 forms of the 2 it was issued.
OFFICE_CSV = """ballot,group,甲镇党委,乙街道工委
C001,县委委员,好,较好
C002,县委委员,好,好
C003,县委委员,较好,好
C004,党代表,好,一般
C005,党代表,好,好
C013,群众代表,一般,好
C024,群众代表,好,好
B0001,群众代表,好,差
"""


def meeting(tmp_path: Path) -> Path:
    path = tmp_path / "m.toml"
    path.write_text(OFFICE, encoding="utf-8")
    return path


def results(cli, session: Path) -> dict:  # type: ignore[no-untyped-def]
    done = cli("results", str(session), "--json")
    assert done.code == 0, done.output
    return json.loads(done.stdout)


def test_an_office_numbering_imports_where_nothing_was_printed(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    session = meeting(tmp_path)
    (tmp_path / "b.csv").write_text(OFFICE_CSV, encoding="utf-8")
    done = cli("ballots", "import", str(session), str(tmp_path / "b.csv"))
    assert done.code == 0, done.output
    data = results(cli, session)
    assert data["ballots"]["entered"] == 8
    groups = data["ballots"]["groups"]
    assert groups["县委委员"]["over_issued"] is True  # flagged, never refused
    assert groups["党代表"]["over_issued"] is False
    store = Store.open_reader(session.with_suffix(".db"))
    try:
        kept = {b.code: b.group for b in ballots.load(store)}
    finally:
        store.close()
    assert kept["B0001"] == "群众代表" and kept["C013"] == "群众代表"  # ids kept as written
    assert kept["C001"] == "县委委员"


def test_an_office_workbook_imports_where_nothing_was_printed(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    session = meeting(tmp_path)
    book = Workbook()
    sheet = book.active
    for line in OFFICE_CSV.strip().splitlines():
        sheet.append(line.split(","))
    book.save(tmp_path / "b.xlsx")
    done = cli("ballots", "import", str(session), str(tmp_path / "b.xlsx"))
    assert done.code == 0, done.output
    assert results(cli, session)["ballots"]["groups"]["县委委员"]["over_issued"] is True


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_after_print_forms_serials_are_checked_against_what_was_printed(
    tmp_path: Path, cli, lang: str
) -> None:  # type: ignore[no-untyped-def]
    session = meeting(tmp_path)
    done = cli("print", str(session), "forms", "--lang", lang)
    assert done.code == 0, done.output
    db = session.with_suffix(".db")
    assert db.exists()  # the database is made to record what was printed
    rows = (
        sqlite3.connect(db)
        .execute("SELECT grp, prefix, first, last, printed_at FROM printed_forms ORDER BY id")
        .fetchall()
    )
    assert [r[:4] for r in rows] == [
        ("县委委员", "A", 1, 2),
        ("党代表", "B", 1, 3),
        ("群众代表", "C", 1, serials.DEFAULT_FORMS),
    ]
    printed_on = rows[0][4][:10]
    # Out of range: refused, naming what was printed and when; nothing imported.
    bad = tmp_path / "bad.csv"
    bad.write_text("ballot,group,甲镇党委,乙街道工委\nA003,县委委员,好,好\n", encoding="utf-8")
    done = cli("ballots", "import", str(session), str(bad), "--lang", lang)
    assert done.code == 2
    assert "A003" in done.output and "A001–A002" in done.output and printed_on in done.output
    # Another group's serial: refused, saying whose it is.
    other = tmp_path / "other.csv"
    other.write_text("ballot,group,甲镇党委,乙街道工委\nb2,县委委员,好,好\n", encoding="utf-8")
    done = cli("ballots", "import", str(session), str(other), "--lang", lang)
    assert done.code == 2 and "B002" in done.output and "党代表" in done.output
    # In range, of its group: taken, written as printed; an id with no printed prefix is free.
    good = tmp_path / "good.csv"
    good.write_text(
        "ballot,group,甲镇党委,乙街道工委\na2,县委委员,好,好\nc5,群众代表,好,好\nX-17,党代表,好,好\n",
        encoding="utf-8",
    )
    done = cli("ballots", "import", str(session), str(good), "--lang", lang)
    assert done.code == 0, done.output
    store = Store.open_reader(db)
    try:
        assert {b.code for b in ballots.load(store)} == {"A002", "C005", "X-17"}
    finally:
        store.close()


def test_a_reprint_with_more_forms_extends_the_record(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    session = meeting(tmp_path)
    assert cli("print", str(session), "forms").code == 0
    assert cli("print", str(session), "forms").code == 0  # the same forms again: no new row
    db = session.with_suffix(".db")
    assert sqlite3.connect(db).execute("SELECT count(*) FROM printed_forms").fetchone() == (3,)
    session.write_text(OFFICE.replace("issued = 2", "issued = 4"), encoding="utf-8")
    assert cli("amend", str(session)).code == 0
    assert cli("print", str(session), "forms").code == 0
    store = open_session(session, write=True)
    try:
        marks = {("甲镇党委", "总体评价"): "好"}
        assert ballots.save(store, code="A004", group="县委委员", marks=marks).code == "A004"
        with pytest.raises(UserError) as caught:
            ballots.save(store, code="A005", group="县委委员", marks=marks)
        assert "A001–A004" in caught.value.lines[0]
    finally:
        store.close()


def test_a_merge_from_a_second_laptop_keeps_the_office_ids(tmp_path: Path) -> None:
    from reviewtui.assessment.merge import import_ballots

    store = open_session(meeting(tmp_path), write=True)
    try:
        (tmp_path / "laptop2.csv").write_text(
            "ballot,group,unit,item,value\nC024,县委委员,甲镇党委,,好\nC024,县委委员,乙街道工委,,好\n",
            encoding="utf-8",
        )
        report = import_ballots(store, tmp_path / "laptop2.csv")
        assert report.added == ["C024"]
    finally:
        store.close()


@pytest.mark.parametrize("version", ["v1", "v2"])
def test_meetings_of_earlier_releases_take_any_id(tmp_path: Path, version: str) -> None:
    source = ROOT / "tests" / "fixtures" / version / f"small-{version}.db"
    db = tmp_path / source.name
    shutil.copyfile(source, db)
    reader = Store.open_reader(db)
    try:
        assert not serials.Printed.load(reader.conn)  # no printed_forms table: nothing printed
    finally:
        reader.close()
    store = Store.open_writer(db)
    try:
        item = store.plan.assessment.items[0].name
        marks = {(store.plan.units[0].name, item): store.plan.assessment.scale[0].grade}
        group = store.plan.groups[0].name
        assert ballots.save(store, code="A999", group=group, marks=marks).code == "A999"
    finally:
        store.close()
