"""Each chart from a fixed meeting (the three-year chain of `test_history`): its data, and that it
holds every unit; the xlsx chart series refer to the right cells."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from rich.console import Console
from test_history import A, B, C, D, E, chain

from reviewtui.export import render
from reviewtui.export.docx_charts import BAR_CELLS
from reviewtui.i18n import t
from reviewtui.meeting.reveal_board import Paging, build_board
from reviewtui.minutes import Minutes, read_minutes
from reviewtui.present import charts
from reviewtui.store import Store

ORDER = [E, A, B, D]  # the 2018 ranking
FINALS = {E: 100.0, A: 94.67, B: 85.33, D: 73.33}
LAST = {A: 80.0, B: 100.0, D: 84.0}


@pytest.fixture
def minutes(tmp_path: Path, cli, lang: str) -> Minutes:
    db = chain(tmp_path, cli)
    store = Store.open_reader(db)
    try:
        return read_minutes(store)
    finally:
        store.close()


def _ref(series_ref) -> str:
    return series_ref.numRef.f if series_ref.numRef is not None else series_ref.strRef.f


def test_xlsx_charts_refer_to_the_right_cells(minutes: Minutes) -> None:
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))
    sheet = book[t("chart.sheet")]
    scores, grades = sheet._charts
    head = [c.value for c in sheet[3]]
    assert head[:5] == [
        t("results.col.rank"), t("results.col.unit"), t("results.col.final"),
        t("results.col.level"), t("compare.col.prev_final"),
    ]  # fmt: skip
    this, last = scores.series
    quoted = f"'{sheet.title}'!"
    assert _ref(this.val) == quoted + "$C$4:$C$7"
    assert _ref(this.cat) == quoted + "$B$4:$B$7"
    assert _ref(last.val) == quoted + "$E$4:$E$7"
    assert [sheet.cell(r, 2).value for r in range(4, 8)] == ORDER
    assert [sheet.cell(r, 3).value for r in range(4, 8)] == [FINALS[u] for u in ORDER]
    assert [sheet.cell(r, 5).value for r in range(4, 8)] == [None] + [LAST[u] for u in ORDER[1:]]
    assert scores.y_axis.scaling.min == 60  # a round ten below the lowest score (73.33)
    # stacked grade bars: one series per grade, its title the grade's column header
    assert grades.grouping == "stacked"
    assert len(grades.series) == 4
    for n, series in enumerate(grades.series):
        col = 6 + n
        letter = "FGHI"[n]
        assert _ref(series.val) == quoted + f"${letter}$4:${letter}$7"
        assert series.tx.strRef.f == quoted + f"{letter}3"
        assert sheet.cell(3, col).value == t("results.col.grade_count", grade=minutes.grades[n])
    counts = {u.unit: u.grade_counts for u in minutes.results.units}
    for r, unit in enumerate(ORDER, start=4):
        assert [sheet.cell(r, c).value for c in range(6, 10)] == list(counts[unit].values())
    compare_sheet = book[t("compare.title")]
    rows = list(compare_sheet.iter_rows(min_row=2, max_row=5, values_only=True))
    assert rows[0][1] == E and rows[0][7] == t("compare.new")
    assert rows[1][1:] == (A, 94.67, "好", 3, 80.0, "较好", "↑1", "+14.67")
    assert rows[2][7:] == ("↓2", "-14.67")
    notes = [c.value for c in compare_sheet["A"] if c.value]
    assert t("compare.withdrawn", units=C) in notes


def _bar_rows(table) -> list[tuple[str, int]]:
    """(label, shaded cells) of each row of a bar table."""
    out = []
    for row in table.rows[1:]:
        tcs = row._tr.findall(qn("w:tc"))
        label = "".join(x.text or "" for x in tcs[0].iter(qn("w:t")))
        shaded = 0
        for tc in tcs[1:-2]:
            pr = tc.tcPr
            shd = pr.find(qn("w:shd")) if pr is not None else None
            span = pr.find(qn("w:gridSpan")) if pr is not None else None
            if shd is not None:
                shaded = int(span.get(qn("w:val"))) if span is not None else 1
        out.append((label, shaded))
    return out


def test_notice_bars_hold_every_unit(minutes: Minutes) -> None:
    doc = Document(io.BytesIO(render(minutes, "notice")))
    bars = next(tb for tb in doc.tables if len(tb.columns) == 3 + BAR_CELLS)
    rows = _bar_rows(bars)
    axis = charts.score_axis(FINALS.values())
    assert rows == [(u, axis.cells(FINALS[u], BAR_CELLS)) for u in ORDER]
    assert [r[0] for r in rows] == ORDER
    assert rows[0][1] == BAR_CELLS and rows[-1][1] < rows[-2][1]
    texts = [[c.text for c in r.cells] for r in bars.rows[1:]]
    assert [(x[-2], x[-1]) for x in texts] == [("100.00", "好"), ("94.67", "好"),
                                               ("85.33", "较好"), ("73.33", "一般")]  # fmt: skip
    body = "\n".join(p.text for p in doc.paragraphs)
    assert t("compare.withdrawn", units=C) in body
    cells = {c.text for tb in doc.tables for r in tb.rows for c in r.cells}
    assert {"↑1", "+14.67", "↓2", "-14.67", "-10.67", t("compare.new")} <= cells


def test_feedback_charts_and_trend(minutes: Minutes) -> None:
    doc = Document(io.BytesIO(render(minutes, "feedback")))
    bar_tables = [tb for tb in doc.tables if len(tb.columns) == 3 + BAR_CELLS]
    assert len(bar_tables) == 2 * 4  # against the meeting, and the grades, per unit
    body = "\n".join(p.text for p in doc.paragraphs)
    assert t("compare.feedback_new") in body  # E
    trends = [tb for tb in doc.tables if tb.rows[0].cells[0].text == t("compare.col.year")]
    assert len(trends) == 3  # E has no earlier year: no trend
    b_trend = [[c.text for c in r.cells] for r in trends[1].rows[1:]]  # B, in agenda order
    assert b_trend == [["2016", "3", "72.00", "一般"], ["2017", "1", "100.00", "好"],
                       ["2018", "3", "85.33", "较好"]]  # fmt: skip


@pytest.mark.parametrize("width", [80, 120])
def test_projector_bars_readable(minutes: Minutes, width: int) -> None:
    from reviewtui.assessment.reveal import Reveal
    from reviewtui.tui.reveal_board import ranking

    snapshot = minutes.results.to_json()
    reveal = Reveal(1, "2018-02-24T16:00:00", None, "all", None, None, "王", "李", snapshot)
    board = build_board(reveal, reveal_now(), 10, Paging(reveal_now()))
    assert [round(r.bar, 3) for r in board.rows] == [1.0, 0.867, 0.633, 0.333]
    console = Console(width=width, record=True, color_system=None)
    console.print(ranking(board))
    lines = [x for x in console.export_text().splitlines() if "█" in x]
    assert len(lines) == 4
    for line, level in zip(lines, ["好", "好", "较好", "一般"], strict=True):
        assert line.rstrip().endswith(level)  # the level in words beside the bar
    lengths = [line.count("█") for line in lines]
    assert lengths == sorted(lengths, reverse=True) and lengths[-1] >= 2


def reveal_now():
    from reviewtui import clock

    return clock.parse_iso("2018-02-24T16:00:00")
