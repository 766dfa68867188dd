"""The 用时统计 section of the Word minutes: the summary, then each table of `time_stats`.

A separate building block, so a layout calls it where it wants the section:

    add_time_stats(doc, time_stats(minutes))

It uses the official styles (`reviewtui.office.official`: headings, body, table text) when the
document has them and python-docx's defaults otherwise, and sets the East Asian font of every
run it writes, so Chinese is never drawn in a theme's Latin font.
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.table import Table as DocxTable
from docx.text.paragraph import Paragraph

from reviewtui.i18n import t
from reviewtui.minutes.time_stats import Table, TimeStats, summary, tables, text_rows
from reviewtui.office import official

TABLE_SIZE = Pt(10.5)  # 五号, as the other tables of the minutes


def _style(doc: DocumentType, official_name: str, fallback: str) -> str:
    names = {s.name for s in doc.styles}
    return official_name if official_name in names else fallback


def _paragraph(doc: DocumentType, value: str, style: str, *, bold: bool = False) -> Paragraph:
    paragraph = doc.add_paragraph(style=style)
    run = paragraph.add_run(official.text(value))
    run.bold = bold or None
    return paragraph


def add_time_stats(
    doc: DocumentType, stats: TimeStats, *, heading: str | None = None
) -> list[DocxTable]:
    """Append the section to `doc`; returns the tables written (empty ones are left out).

    `heading` is the paragraph style of the section's title (the layout's heading level);
    by default the official second-level heading, or Word's "Heading 2"."""
    title_style = heading or _style(doc, official.HEADING_2, "Heading 2")
    body_style = _style(doc, official.BODY, "Normal")
    sub_style = _style(doc, official.HEADING_3, "Normal")
    _paragraph(doc, t("stats.title"), title_style)
    _paragraph(doc, summary(stats), body_style)
    written: list[DocxTable] = []
    if not stats.items:
        return written
    for tab in tables(stats):
        if tab.rows:
            _paragraph(doc, tab.title, sub_style, bold=sub_style == "Normal")
            written.append(_table(doc, tab))
    return written


def _table(doc: DocumentType, tab: Table) -> DocxTable:
    cell_style = _style(doc, official.TABLE_TEXT, "Normal")
    rows = text_rows(tab)
    table: DocxTable = doc.add_table(rows=1, cols=len(tab.columns))
    if "Table Grid" in {s.name for s in doc.styles}:
        table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    for cell, column in zip(table.rows[0].cells, tab.columns, strict=True):
        _fill(cell.paragraphs[0], column.label, cell_style, head=True, left=False)
    # The header row repeats on every page a long table runs over.
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    table.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        cells = table.add_row().cells
        for cell, value, column in zip(cells, values, tab.columns, strict=True):
            _fill(cell.paragraphs[0], value, cell_style, head=False, left=column.kind == "text")
    return table


def _fill(paragraph: Paragraph, value: str, style: str, *, head: bool, left: bool) -> None:
    paragraph.style = style
    paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT if left else WD_ALIGN_PARAGRAPH.CENTER
    run = paragraph.add_run(official.text(value))
    run.font.size = TABLE_SIZE
    if head:
        run.bold = True
        official.set_fonts(run._r, official.HEADING_FONT)
    else:
        official.set_fonts(run._r, official.BODY_FONT)
