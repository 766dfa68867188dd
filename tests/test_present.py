"""One figure, one rounding: the formatters, and one meeting through every output, cell by cell.

The meeting's scores end in 5 at the third decimal (89.845, 89.995, 79.985, from marks on an item
with `max = 34`): as floats they lie just below the half (89.995 is computed as
89.99499999999999), so `f"{v:.2f}"` would show 89.84, 89.99 and 79.98 — and "89.99 好", a 好
below 90. Every output must show what `round2` ranks and levels by: 89.85, 90.00, 79.99.
"""

from __future__ import annotations

import csv
import io
import json
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from reviewtui import present
from reviewtui.assessment import ballots
from reviewtui.assessment.tally import round2, tally_store
from reviewtui.export import render, xlsx_results
from reviewtui.minutes import read_minutes
from reviewtui.present import glossary
from reviewtui.store import Store, open_session

SESSION = """
[meeting]
title = "五入测试会"
date = "2017-02-24"

[[groups]]
name = "区级领导"

[[units]]
name = "甲镇党委"
reporter = "甲"
mode = "written"

[[units]]
name = "乙镇党委"
reporter = "乙"
mode = "written"

[[units]]
name = "丙镇党委"
reporter = "丙"
mode = "written"

[assessment]
items = [ { name = "得分", max = 34 } ]
"""

# unit -> its mark out of 34: 30.5473 / 34 * 100 = 89.845, and so on.
VALUES = {"甲镇党委": 30.5473, "乙镇党委": 30.5983, "丙镇党委": 27.1949}
SHOWN = {"甲镇党委": "89.85", "乙镇党委": "90.00", "丙镇党委": "79.99"}


def test_scores_round_half_up_as_the_ranking_does() -> None:
    assert f"{89.845:.2f}" == "89.84" and f"{30.5983 / 34 * 100:.2f}" == "89.99"  # the bug
    assert present.score(89.845) == "89.85"
    assert present.score(89.995) == "90.00"
    assert present.score(89.99499999999999) == "90.00"  # float noise of a sum, as round2
    assert present.score(None) == present.NONE
    assert present.score_value(89.845) == 89.85 == round2(89.845)
    for value in (0.0, 12.345, 59.995, 99.994, 100.0):
        assert present.score(value) == f"{round2(value):.2f}"


def test_rates_durations_counts() -> None:
    assert present.rate(0.58765) == "58.8%"
    assert present.rate(0.00125) == "0.1%"  # half up, not to even
    assert present.rate(1.0) == "100.0%"
    assert present.rate(None) == present.NONE
    assert present.rate_value(0.58765) == pytest.approx(0.588)
    assert present.share(0.3333) == "33.33%" and present.share(0.5) == "50%"
    assert present.duration(301.9) == "5:01" and present.duration(3723) == "1:02:03"
    assert present.duration(None) == present.NONE
    assert present.overtime(301.5, 300) == 1.5 and present.overtime(300.5, 300) is None
    assert present.count(None) == present.NONE and present.count(7) == "7"


@pytest.fixture
def half_db(tmp_path: Path) -> Path:
    session = tmp_path / "half.toml"
    session.write_text(SESSION, encoding="utf-8")
    store = open_session(session, write=True)
    try:
        marks = {(unit, "得分"): value for unit, value in VALUES.items()}
        ballots.save(store, code="1", group="区级领导", marks=marks)
        results = tally_store(store)
    finally:
        store.close()
    finals = {u.unit: u.final for u in results.units}
    assert finals == {"甲镇党委": 89.845, "乙镇党委": 89.99499999999999, "丙镇党委": 79.985}
    assert [f"{finals[u]:.2f}" for u in VALUES] == ["89.84", "89.99", "79.98"]  # not shown
    return session.with_suffix(".db")


def expected_rows(db: Path) -> tuple[list[str], list[list[str]]]:
    store = Store.open_reader(db)
    try:
        results = tally_store(store)
    finally:
        store.close()
    rows = [glossary.row(u) for u in results.units]
    final = glossary.RANKING.index(glossary.FINAL)
    assert {row[1]: row[final] for row in rows} == SHOWN
    level = glossary.RANKING.index(glossary.LEVEL)
    assert {row[1]: row[level] for row in rows}["乙镇党委"] == "好"  # 90.00: the best level
    assert {row[1]: row[level] for row in rows}["甲镇党委"] == "较好"
    return glossary.header(), rows


async def test_the_results_screen_shows_the_same_cells(half_db: Path) -> None:
    from textual.app import App
    from textual.widgets import DataTable

    from reviewtui.tui.results import ResultsScreen

    header, rows = expected_rows(half_db)
    store = Store.open_reader(half_db)

    class Host(App[None]):
        def on_mount(self) -> None:
            self.push_screen(ResultsScreen(store))

    try:
        async with Host().run_test(size=(120, 40)) as pilot:
            await pilot.pause()
            table = pilot.app.screen.query_one("#results-ranking", DataTable)
            assert [str(c.label) for c in table.ordered_columns] == header
            shown = [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]
            assert shown == rows
    finally:
        store.close()


def test_results_table_and_json(cli, half_db: Path) -> None:
    header, rows = expected_rows(half_db)
    table = cli("results", half_db)
    assert table.code == 0, table.output
    lines = table.stdout.splitlines()
    head = next(line for line in lines if header[0] in line)
    assert [cell.strip() for cell in head.strip("┃").split("┃")] == header
    for row in rows:
        line = next(line for line in lines if row[1] in line)
        assert [cell.strip() for cell in line.strip("│").split("│")] == row
    data = json.loads(cli("results", half_db, "--json").stdout)
    finals = {u["unit"]: u["final"] for u in data["units"]}  # unrounded, SPEC section 7
    assert finals["甲镇党委"] == 89.845 and finals["乙镇党委"] == 89.99499999999999


def test_every_document_shows_the_same_cells(half_db: Path) -> None:
    header, rows = expected_rows(half_db)
    store = Store.open_reader(half_db)
    try:
        minutes = read_minutes(store)
    finally:
        store.close()

    md = render(minutes, "md")
    assert isinstance(md, str)
    md_lines = [line for line in md.splitlines() if line.startswith("| ")]
    md_table = [[cell.strip() for cell in line.strip("|").split("|")] for line in md_lines]
    start = md_table.index(header)  # the ranking: after the forms' table under 测评情况
    assert md_table[start + 2 : start + 2 + len(rows)] == rows  # after the header and its rule

    doc = Document(io.BytesIO(render(minutes, "docx")))  # type: ignore[arg-type]
    tables = [[[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables]
    assert [header, *rows] in tables

    data = render(minutes, "xlsx")
    assert isinstance(data, bytes)
    sheet = load_workbook(io.BytesIO(data)).worksheets[0]
    head = xlsx_results.HEAD  # under the title rows
    cells = [
        list(r) for r in sheet.iter_rows(min_row=head, max_row=head + len(rows), values_only=True)
    ]
    # The printed sheet leaves out 日常考核 when no unit has one; the other columns as on screen.
    shown_columns = xlsx_results.columns(minutes)
    keep = [glossary.RANKING.index(col) for col in shown_columns]
    assert cells[0][: len(keep)] == [header[i] for i in keep]
    final = shown_columns.index(glossary.FINAL)
    for stored, row in zip(cells[1:], rows, strict=True):
        # the stored number is the shown one, not the raw float under a number format
        assert stored[final] == float(row[glossary.RANKING.index(glossary.FINAL)])
        assert f"{stored[final]:.2f}" == row[glossary.RANKING.index(glossary.FINAL)]
        assert [present.count(stored[0]), stored[1]] == row[:2]
        assert stored[shown_columns.index(glossary.LEVEL)] == row[5]
    assert sorted(c[final] for c in cells[1:]) == [79.99, 89.85, 90.0]
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    # openpyxl writes 16 significant digits: "89.84999999999999" is the very double 89.85,
    # which Excel (15 digits) reads and shows as 89.85; the raw 89.845 / 89.99499… are absent.
    values = [float(v) for v in re.findall(r"<v>([^<]*)</v>", xml)]
    assert 89.85 in values and 90.0 in values and 79.99 in values
    assert not any(raw in xml for raw in ("89.845", "89.99499", "79.985", "79.984"))

    text = render(minutes, "csv")
    assert isinstance(text, str)
    table = list(csv.reader(io.StringIO(text.lstrip("\ufeff"))))
    assert table[0][: len(header)] == header
    assert [row[: len(header)] for row in table[1:]] == rows
