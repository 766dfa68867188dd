"""Pieces the feedback pages and the notice draft build on the official page
(`reviewtui.office.official`): a bordered table, an addressee line, a signature block."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from docx.text.paragraph import Paragraph

from reviewtui.office import official as o


def unindented(doc: DocumentType, value: object, style: str = o.BODY) -> Paragraph:
    """A paragraph without the first-line indent (an addressee: "雁翅镇党委：")."""
    paragraph = o.add(doc, value, style)
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def heading(doc: DocumentType, value: object) -> Paragraph:
    """A 一、 heading (黑体), kept on the page of the paragraph that follows it."""
    paragraph = o.add(doc, value, o.HEADING_1)
    paragraph.paragraph_format.keep_with_next = True
    return paragraph


def new_page(paragraph: Paragraph) -> None:
    paragraph.paragraph_format.page_break_before = True


def signature(doc: DocumentType, lines: Sequence[str], *, blank: bool = True) -> None:
    """The issuing office and the date, right-aligned, four characters in from the edge, after
    an empty line (`blank`), as GB/T 9704 sets a signature without a seal."""
    if doc.paragraphs:  # the paragraph before stays with it: a signature never stands alone
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    if blank:
        o.add(doc, "").paragraph_format.keep_with_next = True
    for line in lines:
        paragraph = o.add(doc, line, align="right")
        paragraph.paragraph_format.first_line_indent = Pt(0)
        paragraph.paragraph_format.right_indent = Pt(o.SIZE_3.pt * 4)
        paragraph.paragraph_format.keep_with_next = line != lines[-1]


def _cell(cell: Any, value: object, *, bold: bool = False, align_left: bool = False) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    paragraph.style = o.TABLE_TEXT
    if align_left:
        from docx.enum.text import WD_ALIGN_PARAGRAPH

        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    run = paragraph.add_run(o.text(value))
    run.font.size = o.SIZE_SMALL_4
    run.bold = bold


def table(
    doc: DocumentType,
    head: Sequence[str],
    rows: Sequence[Sequence[object]],
    widths_mm: Sequence[float],
    *,
    left: Sequence[int] = (),
) -> Any:
    """A bordered table in 小四 仿宋 across the type area, the header row repeated on each page;
    the columns in `left` are set flush left (text), the others centred (figures)."""
    grid = doc.add_table(rows=1 + len(rows), cols=len(head))
    grid.style = "Table Grid"
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for c, heading in enumerate(head):
        _cell(grid.rows[0].cells[c], heading, bold=True)
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            _cell(grid.rows[r].cells[c], value, align_left=c in left)
    for c, width in enumerate(widths_mm):
        grid.columns[c].width = Mm(width)
        for row in grid.rows:
            row.cells[c].width = Mm(width)
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(header)
    return grid


def to_bytes(doc: DocumentType) -> bytes:
    import io

    buffer = io.BytesIO()
    doc.save(buffer)
    return buffer.getvalue()
