"""The two Word layouts of the minutes model, built from paragraphs and ruled tables.

- "minutes" (会议记录): title, meeting facts, every agenda item in order (reporter, start, duration
  against plan, the secretary's notes, questions with answers, comments), then the results.
- "column" (专栏): the seed's newspaper column — per on-site unit a headline from its topic, its
  notes' lead, 主要举措 and 取得成效.

Styles and page set-up are in `docx_styles`.
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
from reviewtui.export.docx_styles import (
    BODY_STYLE,
    HEADING,
    LABEL_STYLE,
    TABLE_SIZE,
    set_fonts,
)
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import ItemRecord, Minutes

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
    table: Table = doc.add_table(rows=1, cols=len(header))
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
    opinions(doc, item)


def opinions(doc: DocumentType, item: ItemRecord) -> None:
    """A unit's 意见建议 as a short list, never with the serial or group of a form."""
    if not item.opinions:
        return
    doc.add_heading(t("opinion.title"), level=2)
    for n, text in enumerate(item.opinions, start=1):
        _para(doc, f"{n}. {text}")


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


def sha(doc: DocumentType, minutes: Minutes) -> None:
    """The fingerprint as the last paragraph, never alone on a page of its own."""
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    paragraph = doc.add_paragraph(style="Normal")
    paragraph.paragraph_format.space_before = Pt(12)
    run = paragraph.add_run(c.sha_line(minutes))
    run.font.size = Pt(9)


# ------------------------------------------------------------------------------------------------
# Layouts


def minutes_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
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


def column_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
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
