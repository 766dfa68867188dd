"""The minutes' Word document on the official page (GB/T 9704-2012) of `reviewtui.office.official`.

The page, grid, fonts (with their fallbacks), styles and the "— N —" odd/even footers are the
printed documents' own; this module adds what only the minutes need: the language of the text,
the document's properties (the database content's SHA-256 among them, so the fingerprint travels
with the file without a line on the page), ruled tables in 五号 and paragraphs led by a bold label.
"""

from __future__ import annotations

from typing import Any

from docx.document import Document as DocumentType
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Pt
from docx.table import Table
from docx.text.paragraph import Paragraph

from reviewtui.export import common as c
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import Minutes
from reviewtui.office import official as o
from reviewtui.office import template
from reviewtui.office.official import set_fonts

__all__ = ["centered", "labelled", "new_minutes_document", "set_fonts", "table"]


def new_minutes_document(minutes: Minutes, *, layout: str) -> DocumentType:
    """The official page with the minutes' own properties; a column carries no page numbers."""
    m = minutes.meeting
    subject = t("export.layout.column") if layout == "column" else t("minutes.title")
    doc = template.new_document(title=m.title, author=m.organizer or "", subject=subject)
    _language(doc)
    for name in (o.HEADING_1, o.HEADING_2, o.HEADING_3):
        # A heading never ends a page: it goes over with the first lines under it.
        doc.styles[name].paragraph_format.keep_with_next = True
    props = doc.core_properties
    props.identifier = f"sha256:{minutes.sha256}"
    props.comments = template.fit_property(c.sha_line(minutes))
    props.keywords = template.fit_property(subject)
    if layout == "column":
        template.remove_page_numbers(doc)
    return doc


def _language(doc: DocumentType) -> None:
    """Chinese text is marked as zh-CN, so spelling and line breaking treat it as such."""
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    lang = rpr.find(qn("w:lang"))
    if lang is None:
        lang = OxmlElement("w:lang")
        rpr.append(lang)
    lang.set(qn("w:eastAsia"), "zh-CN")
    if get_lang() == "zh":
        lang.set(qn("w:val"), "zh-CN")


def centered(doc: DocumentType, value: str, style: str) -> Paragraph:
    """A centred line of `style`, without the style's first-line indent (it would push the
    text off the centre)."""
    paragraph = o.add(doc, value, style, align="center")
    paragraph.paragraph_format.first_line_indent = Pt(0)
    return paragraph


def labelled(doc: DocumentType, label: str, value: str, style: str = o.BODY) -> Paragraph:
    """A paragraph led by a bold label: "1. 党代表 张建国(提问 0:55):问题……"; the writer's
    line breaks are kept inside the one paragraph."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(o.text(label) + c.colon()).bold = True
    lines = [line.strip() for line in o.text(value).splitlines() if line.strip()] or [c.DASH]
    if len(lines) > 1:  # justified, a line ended by a break would be stretched to the margin
        paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
    for index, line in enumerate(lines):
        run = paragraph.add_run()
        if index:
            run.add_break()
        run.add_text(line)
    return paragraph


def table(
    doc: DocumentType,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    *,
    left: tuple[int, ...] = (),
) -> Table:
    """A ruled table in 五号 across the type area; `widths` in cm, `left` the columns of names
    (the rest centred); the header row in 黑体, repeated on every page the table runs onto."""
    grid: Table = doc.add_table(rows=1, cols=len(header))
    grid.style = doc.styles["Table Grid"]
    grid.alignment = WD_TABLE_ALIGNMENT.CENTER
    grid.autofit = False
    for column, width in zip(grid.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice and WPS lay out by
    # Narrow cell margins (1 mm, not the template's 1.9 mm): a unit's name stays on one line.
    margins = OxmlElement("w:tblCellMar")
    for side in ("left", "right"):
        margin = OxmlElement(f"w:{side}")
        margin.set(qn("w:w"), str(Cm(0.1).twips))
        margin.set(qn("w:type"), "dxa")
        margins.append(margin)
    tbl_pr = grid._tbl.tblPr
    look = tbl_pr.find(qn("w:tblLook"))  # the schema's order: tblCellMar before tblLook
    if look is None:
        tbl_pr.append(margins)
    else:
        look.addprevious(margins)

    def fill(cells: Any, values: list[str], *, head: bool) -> None:
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Cm(widths[index])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.style = o.TABLE_TEXT
            if index in left and not head:
                paragraph.alignment = WD_ALIGN_PARAGRAPH.LEFT
            run = paragraph.add_run(o.text(value))
            if head:
                set_fonts(run._r, o.HEADING_FONT)

    fill(grid.rows[0].cells, header, head=True)
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    grid.rows[0]._tr.get_or_add_trPr().append(repeat)
    for values in rows:
        fill(grid.add_row().cells, values, head=False)
    return grid
