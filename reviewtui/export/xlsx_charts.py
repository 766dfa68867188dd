"""The workbook's charts (图表) and last year beside this year (与上年比较), each a sheet of its
own after the results sheet, so the signed results sheet keeps its one printed page.

图表: a table of the figures the charts show (rank, unit, final score as shown, level, last
year's final where there is one, then the marks of each grade), and two native Excel charts over
those very cells, which Excel, WPS and LibreOffice draw themselves (editable, no picture, the
labels in the reader's own fonts):

- 各单位综合得分: a horizontal bar per unit, rank 1 on top, the value beside each bar, the axis
  from `charts.score_axis` (a round ten below the lowest score) to 100; with last year's final
  as a second series when the plan names a previous meeting;
- 各单位测评等次得票分布: stacked bars, one per unit, a segment per grade (the grade named in the
  legend and the count on the segment: never colour alone).

与上年比较 (only with `[meeting] previous`): per unit this year's rank, final and level, last
year's, and the change (↑3, +2.15); units new this year say 新增; units of last year not
assessed this year are listed under the table.
"""

from __future__ import annotations

from openpyxl.chart import BarChart, Reference
from openpyxl.chart.label import DataLabelList
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewtui.export import xlsx_style as s
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import Minutes
from reviewtui.present import charts, compare, glossary
from reviewtui.present import numbers as n

HEAD = 3  # the data table's header row on the chart sheet
ROW_CM = 0.75  # chart height per unit


def data_columns(minutes: Minutes) -> list[str]:
    """The chart sheet's table header: rank, unit, final, level, [last year], grades."""
    head = [glossary.RANK.label, glossary.UNIT.label, glossary.FINAL.label, glossary.LEVEL.label]
    if compare.has_previous(minutes.results):
        head.append(t("compare.col.prev_final"))
    return head + [glossary.grade_count_label(g) for g in minutes.grades]


def charts_sheet(book: Workbook, minutes: Minutes) -> Worksheet | None:
    """The 图表 sheet, or none when no unit has a score yet."""
    results = minutes.results
    units = [u for u in results.units if u.final is not None]
    if not units:
        return None
    sheet: Worksheet = book.create_sheet(t("chart.sheet")[: s.SHEET_NAME_MAX])
    head = data_columns(minutes)
    with_previous = compare.has_previous(results)
    for col, text in enumerate(head, start=1):
        s.put(sheet.cell(HEAD, col), text)
    s.header_row(sheet, HEAD, 1, len(head))
    for row, unit in enumerate(units, start=HEAD + 1):
        values: list[object] = [unit.rank, unit.unit, n.score_value(unit.final), unit.level]
        if with_previous:
            before = compare.past(results, unit.unit)
            values.append(n.score_value(before.final) if before else None)
        values += [unit.grade_counts.get(g, 0) for g in minutes.grades]
        for col, value in enumerate(values, start=1):
            if value is not None:
                s.put(sheet.cell(row, col), value)
    last = HEAD + len(units)
    s.number_formats(
        sheet, {3: s.SCORE, **({5: s.SCORE} if with_previous else {})}, min_row=HEAD + 1
    )
    s.borders(sheet, HEAD, last, 1, len(head))
    widths = s.fit_widths(sheet, header_rows=(HEAD,))
    s.wrapped_text_row(sheet, 1, minutes.meeting.title, 1, len(head), widths, size=14, bold=True)

    height = max(7.5, ROW_CM * len(units) + 3)
    anchor_col = len(head) + 2
    scores = score_chart(minutes, sheet, last, with_previous)
    scores.height, scores.width = height, 18
    sheet.add_chart(scores, sheet.cell(HEAD, anchor_col).coordinate)
    grades = grade_chart(minutes, sheet, last, first_grade=6 if with_previous else 5)
    grades.height, grades.width = height, 18
    below = HEAD + int(height / 0.5) + 2  # rows of 0.5 cm
    sheet.add_chart(grades, sheet.cell(below, anchor_col).coordinate)
    s.print_setup(sheet, minutes.sha256)
    return sheet


def score_chart(minutes: Minutes, sheet: Worksheet, last: int, with_previous: bool) -> BarChart:
    model = charts.score_chart(minutes.results)
    chart = BarChart()
    chart.type = "bar"  # horizontal
    chart.style = 2
    chart.title = model.title
    chart.y_axis.title = glossary.FINAL.label
    chart.y_axis.scaling.min = model.axis.low
    chart.y_axis.scaling.max = model.axis.high
    chart.y_axis.numFmt = "0"
    chart.x_axis.scaling.orientation = "maxMin"  # rank 1 on top, as the ranking reads
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    last_col = 5 if with_previous else 3
    data = Reference(sheet, min_col=3, max_col=last_col, min_row=HEAD, max_row=last)
    if with_previous:  # this year's column and last year's, not the level between them
        chart.add_data(
            Reference(sheet, min_col=3, min_row=HEAD, max_row=last), titles_from_data=True
        )
        chart.add_data(
            Reference(sheet, min_col=5, min_row=HEAD, max_row=last), titles_from_data=True
        )
    else:
        chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=HEAD + 1, max_row=last))
    chart.dataLabels = _values_only()
    chart.legend.position = "b"
    if not with_previous:
        chart.legend = None
    return chart


def grade_chart(minutes: Minutes, sheet: Worksheet, last: int, *, first_grade: int) -> BarChart:
    model = charts.distribution(minutes.results, minutes.grades)
    chart = BarChart()
    chart.type = "bar"
    chart.grouping = "stacked"
    chart.overlap = 100
    chart.style = 10
    chart.title = model.title
    chart.x_axis.scaling.orientation = "maxMin"
    chart.y_axis.delete = False
    chart.x_axis.delete = False
    data = Reference(
        sheet,
        min_col=first_grade,
        max_col=first_grade + len(minutes.grades) - 1,
        min_row=HEAD,
        max_row=last,
    )
    chart.add_data(data, titles_from_data=True)
    chart.set_categories(Reference(sheet, min_col=2, min_row=HEAD + 1, max_row=last))
    chart.dataLabels = _values_only()
    chart.legend.position = "b"
    return chart


def compare_sheet(book: Workbook, minutes: Minutes) -> Worksheet | None:
    """与上年比较, only when the plan names a previous meeting."""
    results = minutes.results
    if not compare.has_previous(results):
        return None
    head = [glossary.RANK.label, glossary.UNIT.label, glossary.FINAL.label, glossary.LEVEL.label]
    head += compare.header()
    sheet = s.sheet_with_header(book, t("compare.title"), head)
    for unit in results.units:
        values = [unit.rank, unit.unit, n.score_value(unit.final), unit.level]
        s.append(sheet, values + compare.values(results, unit))
    s.number_formats(sheet, {3: s.SCORE, 6: s.SCORE})
    last = 1 + len(results.units)
    history = minutes.history
    gone = history.withdrawn([u.unit for u in results.units]) if history else []
    notes = []
    if history is not None and history.years:
        notes.append(t("compare.last_year", title=history.years[0].title))
    if gone:
        sep = "、" if get_lang() == "zh" else ", "
        notes.append(t("compare.withdrawn", units=sep.join(gone)))
    widths = s.finish_table(sheet, minutes.sha256)
    for offset, note in enumerate(notes, start=2):
        s.wrapped_text_row(sheet, last + offset, note, 1, len(head), widths, size=10)
    return sheet


SHEETS = (charts_sheet, compare_sheet)  # in workbook order, after the results sheet


def _values_only() -> DataLabelList:
    """Each bar's figure beside it, nothing else (no series or category name on every bar)."""
    labels = DataLabelList()
    labels.showVal = True
    labels.showSerName = labels.showCatName = labels.showLegendKey = False
    labels.showPercent = labels.showBubbleSize = False
    return labels


def check_code_row(
    sheet: Worksheet, row: int, minutes: Minutes, width: int, widths: dict[int, float]
) -> int:
    """The 校验码 above the signatures, saying what it covers and how to verify it; the last
    row written."""
    if not minutes.check_code:
        return row
    row += 2
    line = t("check_code.line", code=minutes.check_code)
    s.wrapped_text_row(sheet, row, line, 1, width, widths, size=10)
    return row
