"""Charts in the 通报 and the 反馈意见: bars made of shaded table cells, and last year beside this
year (与上年比较, 历年测评情况).

Why shaded cells rather than a picture or a Word chart part: a picture of Chinese labels needs a
Chinese font where it is drawn (here, or a font bundled and embedded in each file), and a chart
part (DrawingML with its embedded workbook) is drawn differently by Word, WPS and LibreOffice and
not at all by some viewers. A table is drawn by every one of them, with the document's own fonts
(those the body text already needs), prints in black and white, and can be edited by staff like
any table. Each bar is `BAR_CELLS` cells, shaded from the left as far as its figure reaches on
the axis (`present.charts`); the figure and the level stand beside it in words, and the axis is
stated above it, so nothing is told by shade alone.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt

from reviewtui.assessment.results import Results
from reviewtui.export import official_parts as parts
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import Minutes
from reviewtui.office import official as o
from reviewtui.present import charts, compare, glossary
from reviewtui.present import numbers as n
from reviewtui.present.charts import BarChart

BAR_CELLS = 20
BAR_MM = 3.4  # one bar cell: 20 of them make 68 mm
SHADE = "595959"  # dark grey: reads in black-and-white print
LABEL_MM, FIGURE_MM, NOTE_MM = 42.0, 24.0, 22.0  # with the bar: the 156 mm type area


def _shade(cell: Any, fill: str) -> None:
    shading = OxmlElement("w:shd")
    shading.set(qn("w:val"), "clear")
    shading.set(qn("w:color"), "auto")
    shading.set(qn("w:fill"), fill)
    cell._tc.get_or_add_tcPr().append(shading)


def _text(cell: Any, value: str, *, bold: bool = False, left: bool = False) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.style = o.TABLE_TEXT
    if left:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(o.text(value))
    run.font.size = o.SIZE_SMALL_4
    run.bold = bold


def bar_table(doc: DocumentType, chart: BarChart, head: tuple[str, str, str]) -> Any:
    """The chart as a table: label | BAR_CELLS shaded cells | figure | note (a header row with
    the axis in words over the bar). Returns the table."""
    cols = 3 + BAR_CELLS
    grid = doc.add_table(rows=1 + len(chart.bars), cols=cols)
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    widths = [LABEL_MM, *([BAR_MM] * BAR_CELLS), FIGURE_MM, NOTE_MM]
    for c, width in enumerate(widths):  # before merging: a merged cell spans their sum
        grid.columns[c].width = Mm(width)
        for row in grid.rows:
            row.cells[c].width = Mm(width)
    top = grid.rows[0].cells
    _text(top[0], head[0], bold=True)
    _text(top[1].merge(top[BAR_CELLS]), chart.axis.caption, bold=True)
    _text(top[cols - 2], head[1], bold=True)
    _text(top[cols - 1], head[2], bold=True)
    for r, bar in enumerate(chart.bars, start=1):
        cells = grid.rows[r].cells
        _text(cells[0], bar.label, left=True)
        _text(cells[cols - 2], bar.text)
        _text(cells[cols - 1], bar.note)
        filled = chart.axis.cells(bar.value, BAR_CELLS)
        if filled:  # one shaded cell as long as the bar, one blank cell for the rest
            shaded = cells[1].merge(cells[filled]) if filled > 1 else cells[1]
            _shade(shaded, SHADE)
            _text(shaded, "")
        if filled < BAR_CELLS:
            rest = (
                cells[filled + 1].merge(cells[BAR_CELLS])
                if filled < BAR_CELLS - 1
                else cells[BAR_CELLS]
            )
            _text(rest, "")
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(header)
    return grid


def caption(doc: DocumentType, value: str) -> None:
    """The chart's title, centred, bold, kept with the chart."""
    paragraph = o.add(doc, value, align="center")
    paragraph.paragraph_format.first_line_indent = Pt(0)
    paragraph.paragraph_format.keep_with_next = True
    for run in paragraph.runs:
        run.bold = True


def _sep() -> str:
    return "、" if get_lang() == "zh" else ", "


# -- the notice ------------------------------------------------------------------------------------


def notice_charts(doc: DocumentType, minutes: Minutes) -> None:
    """Every unit's final score as a bar (rank order), level beside it; then, with a previous
    meeting, the units against last year."""
    chart = charts.score_chart(minutes.results)
    if not chart.bars:
        return
    caption(doc, chart.title)
    bar_table(doc, chart, (glossary.UNIT.label, glossary.FINAL.label, glossary.LEVEL.label))
    if compare.has_previous(minutes.results):
        compare_table(doc, minutes)


def compare_table(doc: DocumentType, minutes: Minutes) -> None:
    results = minutes.results
    caption(doc, t("compare.title"))
    head = [glossary.UNIT.label, glossary.RANK.label, glossary.FINAL.label, *compare.header()]
    rows = [
        [u.unit, n.count(u.rank), n.score(u.final), *compare.cells(results, u)]
        for u in results.units
    ]
    widths = [38.0, 12.0, 18.0, 16.0, 18.0, 16.0, 19.0, 19.0]
    parts.table(doc, head, rows, widths, left=[0])
    history = minutes.history
    gone = history.withdrawn([u.unit for u in results.units]) if history else []
    if gone:
        o.add(doc, t("compare.withdrawn", units=_sep().join(gone)))


# -- the feedback ----------------------------------------------------------------------------------


def feedback_charts(doc: DocumentType, minutes: Minutes, unit: str) -> None:
    """The unit against the meeting (its score, the mean, the best), its grades as bars, and
    last year beside this year with up to five years in a row."""
    results = minutes.results
    found = results.unit(unit)
    if found is None or found.final is None:
        return
    if found.category and found.category_rank is not None:  # 分类排名
        peers = sum(1 for u in results.units if u.category == found.category)
        o.add(doc, t("feedback.category_rank", category=found.category, count=peers,
                     rank=found.category_rank))  # fmt: skip
    against = charts.unit_chart(results, unit)
    caption(doc, against.title)
    bar_table(doc, against, ("", glossary.FINAL.label, glossary.LEVEL.label))
    grades = charts.grade_chart(results, unit, minutes.grades)
    caption(doc, grades.title)
    bar_table(doc, grades, (t("chart.grade"), t("chart.votes"), t("chart.part")))
    if compare.has_previous(results):
        _last_year(doc, results, unit)
        trend(doc, minutes, unit)


def _last_year(doc: DocumentType, results: Results, unit: str) -> None:
    found = results.unit(unit)
    before = compare.past(results, unit)
    if found is None:
        return
    if before is None:
        o.add(doc, t("compare.feedback_new"))
        return
    o.add(
        doc,
        t(
            "compare.feedback",
            rank=n.count(before.rank),
            final=n.score(before.final),
            level=before.level or n.NONE,
            change=compare.change_words(found, before),
        ),
    )


def trend(doc: DocumentType, minutes: Minutes, unit: str) -> None:
    """The unit's rank, final and level in each meeting of the chain, oldest first (at most
    five years, this one included); only when it was assessed in an earlier one."""
    history = minutes.history
    found = minutes.results.unit(unit)
    if history is None or found is None or len(history.years) < 1:
        return
    trail = history.trail(unit)
    if not any(trail):
        return
    rows: list[list[object]] = []
    for year, past in reversed(list(zip(history.years, trail, strict=True))):
        if past is None:
            rows.append([year.label, t("compare.absent"), n.NONE, n.NONE])
        else:
            rows.append([year.label, n.count(past.rank), n.score(past.final), past.level or n.NONE])
    date = minutes.meeting.date[:4]
    rows.append([date, n.count(found.rank), n.score(found.final), found.level or n.NONE])
    caption(doc, t("compare.trend"))
    head = [t("compare.col.year"), glossary.RANK.label, glossary.FINAL.label, glossary.LEVEL.label]
    parts.table(doc, head, rows, [39.0] * 4)
