"""The minutes as Word documents, set the way Chinese offices set them.

Two layouts of the one minutes model:

- "minutes" (会议记录): title, meeting facts, every agenda item in order (reporter, start, duration
  against plan, the secretary's notes, questions with answers, comments), then the results.
- "column" (专栏): the seed's newspaper column — per on-site unit a headline from its topic, its
  notes' lead, 主要举措 and 取得成效.

Fonts: 仿宋 for text, 黑体 for headings (楷体 for the second level, as official documents set it),
宋体 for the title, each set for East Asian text
(`w:eastAsia`), since Word otherwise draws Chinese in the theme's font. A4, page numbers in the
footer as PAGE / NUMPAGES fields, and the database content's SHA-256 as the last paragraph.
"""

from __future__ import annotations

import io
import re
from typing import Any

from docx import Document
from docx.document import Document as DocumentType
from docx.enum.section import WD_ORIENT
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Cm, Mm, Pt, RGBColor
from docx.table import Table
from docx.text.paragraph import Paragraph

from reviewtui.export import common as c
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import ItemRecord, Minutes

LATIN = "Times New Roman"
BODY = "仿宋"  # FangSong
HEADING = "黑体"  # SimHei
SUBHEADING = "楷体"  # KaiTi: the second heading level of Chinese official documents
TITLE = "宋体"  # SimSun (小标宋 is rarely installed)
BODY_SIZE = Pt(14)  # 四号
TABLE_SIZE = Pt(10.5)  # 五号
BODY_STYLE = "Minutes Body"
LABEL_STYLE = "Minutes Label"


# ------------------------------------------------------------------------------------------------
# Fonts and styles


def set_fonts(rpr_owner: Any, east_asia: str, latin: str = LATIN) -> None:
    """Explicit fonts for Latin and East Asian text on a style's or run's rPr, themes removed."""
    rpr = rpr_owner.get_or_add_rPr()
    fonts = rpr.find(qn("w:rFonts"))
    if fonts is None:
        fonts = OxmlElement("w:rFonts")
        rpr.insert(0, fonts)
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    fonts.set(qn("w:ascii"), latin)
    fonts.set(qn("w:hAnsi"), latin)
    fonts.set(qn("w:cs"), latin)
    fonts.set(qn("w:eastAsia"), east_asia)
    # Quotes and dashes are shared by both scripts; in Chinese text they take the Chinese font.
    fonts.set(qn("w:hint"), "eastAsia")


def _style_font(
    doc: DocumentType, name: str, east_asia: str, size: Pt, *, bold: bool = False
) -> None:
    style = doc.styles[name]
    set_fonts(style.element, east_asia, TITLE if east_asia == TITLE else LATIN)
    style.font.size = size
    style.font.bold = bold
    style.font.italic = False
    style.font.color.rgb = RGBColor(0, 0, 0)
    color = style.element.get_or_add_rPr().find(qn("w:color"))
    for attr in ("w:themeColor", "w:themeShade", "w:themeTint"):
        color.attrib.pop(qn(attr), None)  # a theme colour would win over black


def _setup(doc: DocumentType, minutes: Minutes) -> None:
    section = doc.sections[0]
    section.orientation = WD_ORIENT.PORTRAIT
    section.page_width, section.page_height = Mm(210), Mm(297)
    # GB/T 9704 margins: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm.
    section.top_margin, section.bottom_margin = Mm(37), Mm(35)
    section.left_margin, section.right_margin = Mm(28), Mm(26)
    section.footer_distance = Mm(20)

    # Document defaults: Chinese text, explicit fonts instead of the template's theme fonts.
    defaults = doc.styles.element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    fonts = rpr.find(qn("w:rFonts"))
    for theme in ("w:asciiTheme", "w:hAnsiTheme", "w:eastAsiaTheme", "w:cstheme"):
        fonts.attrib.pop(qn(theme), None)
    for attr in ("w:ascii", "w:hAnsi", "w:cs"):
        fonts.set(qn(attr), LATIN)
    fonts.set(qn("w:eastAsia"), BODY)
    fonts.set(qn("w:hint"), "eastAsia")
    lang = rpr.find(qn("w:lang"))
    lang.set(qn("w:eastAsia"), "zh-CN")
    if get_lang() == "zh":
        lang.set(qn("w:val"), "zh-CN")

    normal = doc.styles["Normal"]
    _style_font(doc, "Normal", BODY, BODY_SIZE)
    normal.paragraph_format.space_after = Pt(0)
    normal.paragraph_format.line_spacing = 1.25

    body = doc.styles.add_style(BODY_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    body.base_style = normal
    body.paragraph_format.first_line_indent = BODY_SIZE * 2  # two characters, as typeset
    body.paragraph_format.space_after = Pt(2)

    label = doc.styles.add_style(LABEL_STYLE, WD_STYLE_TYPE.PARAGRAPH)
    label.base_style = normal
    label.paragraph_format.space_before = Pt(4)
    label.paragraph_format.keep_with_next = True
    set_fonts(label.element, HEADING)

    _style_font(doc, "Title", TITLE, Pt(22), bold=True)
    title = doc.styles["Title"].paragraph_format
    title.alignment = WD_ALIGN_PARAGRAPH.CENTER
    title.space_before, title.space_after = Pt(0), Pt(12)
    _drop_border(doc.styles["Title"])

    _style_font(doc, "Heading 1", HEADING, Pt(16))
    _style_font(doc, "Heading 2", SUBHEADING, Pt(14), bold=True)
    for name, before in (("Heading 1", 14), ("Heading 2", 8)):
        pf = doc.styles[name].paragraph_format
        pf.space_before, pf.space_after = Pt(before), Pt(4)

    props = doc.core_properties
    props.title = minutes.meeting.title
    props.subject = t("minutes.title")
    props.comments = c.sha_line(minutes)
    props.author = "reviewtui"


def _drop_border(style: Any) -> None:
    """The template's Title has a blue rule under it; an official title has none."""
    ppr = style.element.find(qn("w:pPr"))
    if ppr is not None:
        border = ppr.find(qn("w:pBdr"))
        if border is not None:
            ppr.remove(border)


# ------------------------------------------------------------------------------------------------
# Page numbers


def _field(paragraph: Paragraph, instruction: str) -> None:
    """A field (PAGE, NUMPAGES) Word and LibreOffice fill in; "1" until they do."""

    def char(kind: str) -> Any:
        element = OxmlElement("w:fldChar")
        element.set(qn("w:fldCharType"), kind)
        return element

    run = paragraph.add_run()
    run._r.append(char("begin"))
    run = paragraph.add_run()
    instr = OxmlElement("w:instrText")
    instr.set(qn("xml:space"), "preserve")
    instr.text = f" {instruction} "
    run._r.append(instr)
    run = paragraph.add_run()
    run._r.append(char("separate"))
    paragraph.add_run("1")
    run = paragraph.add_run()
    run._r.append(char("end"))


def _footer(doc: DocumentType) -> None:
    paragraph = doc.sections[0].footer.paragraphs[0]
    paragraph.alignment = WD_ALIGN_PARAGRAPH.CENTER
    template = t("minutes.page")  # e.g. "第 {page} 页 共 {pages} 页"
    for part in re.split(r"(\{page\}|\{pages\})", template):
        if part == "{page}":
            _field(paragraph, "PAGE")
        elif part == "{pages}":
            _field(paragraph, "NUMPAGES")
        elif part:
            paragraph.add_run(part)
    for run in paragraph.runs:
        run.font.size = Pt(10.5)


# ------------------------------------------------------------------------------------------------
# Building blocks


def _para(doc: DocumentType, text: str = "", style: str = BODY_STYLE) -> Paragraph:
    return doc.add_paragraph(text, style=style)


def _labelled(doc: DocumentType, label: str, text: str, style: str = BODY_STYLE) -> Paragraph:
    """A paragraph led by a bold label: "提问1 党代表 张建国(0:55):问题……"."""
    paragraph = doc.add_paragraph(style=style)
    paragraph.add_run(label + c.colon()).bold = True
    lines = [line.strip() for line in text.splitlines() if line.strip()] or [c.DASH]
    for index, line in enumerate(lines):
        run = paragraph.add_run()
        if index:
            run.add_break()  # keep the writer's line breaks inside one paragraph
        run.add_text(line)
    return paragraph


def _facts(doc: DocumentType, facts: list[tuple[str, str]]) -> None:
    """Who and when on the first line, then each duration on a line of its own (a duration
    broken across lines is hard to read)."""
    if not facts:
        return
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.paragraph_format.space_after = Pt(4)
    gap = "\u3000\u3000" if get_lang() == "zh" else "    "
    head = 2 if facts[0][0] in (t("minutes.reporter"), t("minutes.speaker")) else 1
    lines = [facts[:head]] + [[fact] for fact in facts[head:]]
    for number, line in enumerate(lines):
        for index, (label, value) in enumerate(line):
            run = paragraph.add_run(gap if index else "")
            if number and not index:
                run.add_break()
            paragraph.add_run(label + c.colon()).bold = True
            paragraph.add_run(value)


def _table(
    doc: DocumentType,
    header: list[str],
    rows: list[list[str]],
    widths: list[float],
    *,
    left: tuple[int, ...] = (),
) -> Table:
    """A ruled table; `widths` in cm, `left` the columns of names (the rest centred)."""
    table = doc.add_table(rows=1, cols=len(header))
    table.style = doc.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    table.autofit = False
    for column, width in zip(table.columns, widths, strict=True):
        column.width = Cm(width)  # the grid: what LibreOffice and WPS lay out by

    def fill(cells: Any, values: list[str], *, head: bool) -> None:
        for index, (cell, value) in enumerate(zip(cells, values, strict=True)):
            cell.width = Cm(widths[index])
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
            paragraph = cell.paragraphs[0]
            paragraph.alignment = (
                WD_ALIGN_PARAGRAPH.LEFT if index in left and not head else WD_ALIGN_PARAGRAPH.CENTER
            )
            run = paragraph.add_run(value)
            run.font.size = TABLE_SIZE
            if head:
                set_fonts(run._r, HEADING)

    fill(table.rows[0].cells, header, head=True)
    # The header row repeats on every page a long table runs over.
    tr_pr = table.rows[0]._tr.get_or_add_trPr()
    repeat = OxmlElement("w:tblHeader")
    repeat.set(qn("w:val"), "true")
    tr_pr.append(repeat)
    for values in rows:
        fill(table.add_row().cells, values, head=False)
    return table


def _notes(doc: DocumentType, item: ItemRecord) -> None:
    sections = item.note_sections
    if not sections:
        return
    doc.add_heading(c.notes_label(item), level=2)
    for section in sections:
        if section.heading:
            _para(doc, section.heading, LABEL_STYLE)
        for line in section.lines:
            _para(doc, line)


def _item(doc: DocumentType, n: int, item: ItemRecord) -> None:
    doc.add_heading(c.ordinal(n) + c.item_heading(item), level=1)
    _facts(doc, c.item_facts(item))
    _notes(doc, item)
    for s in item.segments:
        if s.kind in ("report", "speech") and s.text.strip():
            _labelled(doc, c.kind_label(s.kind), s.text)
    if item.questions:
        doc.add_heading(t("minutes.questions"), level=2)
        for i, q in enumerate(item.questions, start=1):
            _labelled(doc, f"{i}. " + c.question_head(q.asker, q.question_seconds), q.text)
            if q.answer_seconds is None:
                _para(doc, c.answer_head(None))
            else:
                _labelled(doc, c.answer_head(q.answer_seconds), q.answer)
    if item.comments:
        doc.add_heading(t("minutes.comments"), level=2)
        for cm in item.comments:
            _labelled(doc, c.comment_head(cm.leader, cm.seconds), cm.text)


def _results(doc: DocumentType, minutes: Minutes) -> None:
    doc.add_heading(t("minutes.results"), level=1)
    if c.has_results(minutes):
        rows = c.ranking_rows(minutes)
        _table(doc, c.ranking_header(), rows, [1.3, 3.8, 1.9, 1.9, 1.9, 1.3, 1.6, 1.9], left=(1,))
        for line in c.ranking_notes(minutes):
            note = _para(doc, line, "Normal")
            note.paragraph_format.space_before = Pt(4)
            note.runs[0].font.size = TABLE_SIZE
    else:
        _para(doc, t("minutes.no_results"))
    doc.add_heading(t("minutes.reconciliation"), level=2)
    if minutes.meeting.groups:
        _table(
            doc,
            c.reconciliation_header(),
            c.reconciliation_rows(minutes),
            [4.0, 1.6, 1.8, 1.8, 1.8, 4.6],
            left=(0,),
        )
    for index, line in enumerate(c.ballot_summary(minutes)):
        paragraph = _para(doc, line)
        if not index:
            paragraph.paragraph_format.space_before = Pt(8)


def _sha(doc: DocumentType, minutes: Minutes) -> None:
    """The fingerprint as the last paragraph, never alone on a page of its own."""
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.paragraph_format.space_before = Pt(12)
    run = paragraph.add_run(c.sha_line(minutes))
    run.font.size = Pt(9)


# ------------------------------------------------------------------------------------------------
# Layouts


def _minutes_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
    doc.add_paragraph(minutes.meeting.title, style="Title")
    subtitle = doc.add_paragraph(t("minutes.title"), style="Normal")
    subtitle.alignment = WD_ALIGN_PARAGRAPH.CENTER
    set_fonts(subtitle.runs[0]._r, HEADING)
    subtitle.runs[0].font.size = Pt(16)
    subtitle.paragraph_format.space_after = Pt(12)
    for label, value in c.meeting_facts(minutes):
        paragraph = doc.add_paragraph(style="Normal")
        paragraph.add_run(label + c.colon()).bold = True
        paragraph.add_run(value)
    total = len(minutes.items) + 2
    for n, item in enumerate(minutes.items, start=1):
        _item(doc, n, item)
        c.tick(progress, n, total)
    _results(doc, minutes)
    c.tick(progress, total - 1, total)


def _column_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
    units = [i for i in minutes.items if i.kind == "unit" and i.mode == "onsite"]
    m = minutes.meeting
    note = doc.add_paragraph(style=BODY_STYLE)
    note.add_run(t("minutes.column.editor_note") + c.colon()).bold = True
    note.add_run(
        t("minutes.column.lead", date=c.long_date(m.date), title=m.title, count=len(units))
    )
    doc.add_paragraph(m.title, style="Title")
    total = len(units) + 2
    for n, item in enumerate(units, start=1):
        headline = doc.add_heading(item.headline, level=1)
        headline.alignment = WD_ALIGN_PARAGRAPH.CENTER
        sections = item.note_sections
        if not sections:
            _para(doc, t("minutes.column.no_notes"))
        for section in sections:
            if section.heading:
                heading = _para(doc, section.heading, LABEL_STYLE)
                heading.alignment = WD_ALIGN_PARAGRAPH.CENTER
            for line in section.lines:
                _para(doc, line)
        c.tick(progress, n, total)
    c.tick(progress, total - 1, total)


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    minutes = c.safe_text(minutes)  # control characters shown, never written raw
    doc = Document()
    _setup(doc, minutes)
    _footer(doc)
    if layout == "column":
        _column_layout(doc, minutes, progress)
    else:
        _minutes_layout(doc, minutes, progress)
    _sha(doc, minutes)
    buffer = io.BytesIO()
    doc.save(buffer)
    c.tick(progress, 1, 1)
    return buffer.getvalue()
