"""The two Word layouts of the minutes model, on the official page (`docx_styles`).

- "minutes" (会议记录): the title, the meeting's facts (时间, 地点, 主持, 出席, 列席, attendance,
  记录人, the plan's amendments), every agenda item in order (reporter, start, the report's time
  against its limit, the secretary's notes, each question with its answer, each comment, the
  forms' opinions), the 用时统计 (time statistics), then a closing 测评情况 (forms issued /
  returned / valid / invalid, the ranking).
- "column" (专栏): the seed's newspaper column — its 编者按, the banner headline (`[meeting]
  headline`), per on-site unit a headline from its topic, its notes' lead, 主要举措 and 取得成效;
  no page numbers and no fingerprint line, which no newspaper column carries.
"""

from __future__ import annotations

from docx.document import Document as DocumentType
from docx.oxml import OxmlElement
from docx.shared import Pt
from docx.text.paragraph import Paragraph
from rich.cells import cell_len

from reviewtui import segment_kinds
from reviewtui.export import common as c
from reviewtui.export import results_text as rt
from reviewtui.export.docx_styles import centered, labelled, table
from reviewtui.export.problems import opinion_lines
from reviewtui.export.reveals import each_category, reveal_line
from reviewtui.export.written import WrittenUnits, sections
from reviewtui.i18n import get_lang, t
from reviewtui.minutes import ItemRecord, Minutes, time_stats
from reviewtui.office import official as o

# Column widths in cm; each table fills the 15.6 cm type area.
RANKING_WIDTHS = [1.2, 4.8, 1.9, 1.9, 1.9, 1.2, 1.2, 1.5]
# With 类别 and 类别内名次 after the unit (分类排名).
RANKING_CATEGORY_WIDTHS = [1.0, 3.6, 1.6, 1.2, 1.6, 1.6, 1.6, 1.0, 1.0, 1.4]
RECONCILIATION_WIDTHS = [3.6, 1.6, 1.6, 1.6, 1.6, 1.6, 4.0]
# The written units' table: 序号, 单位, 述职人, and the opinions when raters wrote any.
WRITTEN_WIDTHS = [1.2, 4.4, 3.4, 6.6]
WRITTEN_PLAIN_WIDTHS = [1.5, 7.0, 7.1]
TITLE_CHARS = int(o.TYPE_WIDTH.pt // o.SIZE_2.pt)  # 二号 characters on a line: 20


# ------------------------------------------------------------------------------------------------
# Building blocks


def _facts(doc: DocumentType, facts: list[tuple[str, str]]) -> None:
    """Each fact a paragraph of its own, led by its label in bold: "主持：区委副书记". A fact
    of several lines (出席情况, a group a line) hangs: its lines stand under the first one's
    value, not at the margin under the label."""
    for label, value in facts:
        paragraph = labelled(doc, label, value)
        if "\n" in value.strip():
            label_chars = cell_len(o.text(label) + c.colon()) / 2
            paragraph.paragraph_format.first_line_indent = None
            paragraph.paragraph_format.left_indent = o.char_width(2 + label_chars)
            paragraph.paragraph_format.first_line_indent = -o.char_width(label_chars)


def _item_facts(doc: DocumentType, facts: list[tuple[str, str]]) -> Paragraph | None:
    """Who and when on one line where the two fit on it, then each fact on a line of its own;
    the last of them, to let go of the next item where nothing follows in this one."""
    if not facts:
        return None
    gap = "\u3000" if get_lang() == "zh" else "    "
    pair = "".join(label + c.colon() + value for label, value in facts[:2]) + gap
    fits = cell_len(pair) <= 2 * (o.CHARS - 2)  # a line of 28, less the first-line indent
    head = 2 if fits and facts[1:2] and facts[1][0] == t("minutes.started") else 1
    lines = [facts[:head]] + [[fact] for fact in facts[head:]]
    for line in lines:
        paragraph = doc.add_paragraph(style=o.BODY)
        paragraph.paragraph_format.keep_with_next = True  # the heading block stays together
        for index, (label, value) in enumerate(line):
            if index:
                paragraph.add_run(gap)
            paragraph.add_run(o.text(label) + c.colon()).bold = True
            paragraph.add_run(o.text(value))
    return paragraph


def _notes(doc: DocumentType, item: ItemRecord) -> None:
    for section in item.note_sections:
        if section.heading:
            o.add(doc, section.heading, o.HEADING_3)
        for line in section.lines:
            o.add(doc, line)


def _item(doc: DocumentType, n: int, item: ItemRecord, minutes: Minutes) -> None:
    heading = o.add(doc, c.ordinal(n) + c.item_heading(item), o.HEADING_1)
    last = _item_facts(doc, c.item_facts(item)) or heading
    sub = 0

    def subheading(key: str) -> None:
        nonlocal sub
        sub += 1
        o.add(doc, c.sub_ordinal(sub) + t(key), o.HEADING_2)

    speeches = c.said_in_notes(item)
    if item.note_sections or speeches:
        subheading("minutes.notes" if item.kind == "unit" else "minutes.notes_speech")
        _notes(doc, item)
        for s in speeches:
            labelled(doc, segment_kinds.shown(s.kind), s.text)
    if item.questions:
        subheading("minutes.questions")
        for i, q in enumerate(item.questions, start=1):
            labelled(doc, f"{i}. " + c.question_head(q.asker, q.question_seconds), q.text)
            if q.answer_seconds is None:
                o.add(doc, c.answer_head(None))
            else:
                labelled(doc, c.answer_head(q.answer_seconds, q.answerer), q.answer)
    if item.comments:
        subheading("minutes.comments")
        for cm in item.comments:
            labelled(doc, c.comment_head(cm.leader, cm.seconds), cm.text)
    if item.opinions:  # the forms' 意见建议, never with the serial or group of a form
        subheading("opinion.title")
        for i, text in enumerate(opinion_lines(item.opinions), start=1):  # each text once
            o.add(doc, f"{i}. {text}")
    previous = minutes.previous_of(item.unit) if item.unit else ()
    if previous:  # last year's problem lines (`[meeting] previous`), to follow up
        subheading("rectify.minutes_previous")
        _previous(doc, minutes, item)
    if not sub:  # a heading block with nothing under it: kept together, not with the next item
        last.paragraph_format.keep_with_next = False


def _previous(doc: DocumentType, minutes: Minutes, item: ItemRecord) -> None:
    for i, line in enumerate(minutes.previous_of(item.unit), start=1):
        status = t(f"rectify.status.{line.status}")
        o.add(doc, f"{i}. " + t("rectify.previous_line", problem=line.problem, status=status))


def _written(doc: DocumentType, n: int, written: WrittenUnits, minutes: Minutes) -> None:
    """The written units in one table (untimed: nothing else to say of each), then the notes
    and last year's problems of those that have any, under the unit's name."""
    o.add(doc, c.ordinal(n) + t("minutes.written_units"), o.HEADING_1)
    intro = o.add(doc, t("minutes.written_intro", n=len(written.items)))
    intro.paragraph_format.keep_with_next = True  # with its table
    widths = WRITTEN_WIDTHS if written.with_opinions else WRITTEN_PLAIN_WIDTHS
    grid = table(doc, written.header(), written.rows(), widths, left=(1, 2, 3))
    for row in grid.rows:  # a unit's row whole on one page
        row._tr.get_or_add_trPr().append(OxmlElement("w:cantSplit"))
    for item in written.items:
        previous = minutes.previous_of(item.unit)
        if not item.notes.strip() and not previous:
            continue
        o.add(doc, item.unit or item.title, o.HEADING_3)
        _notes(doc, item)
        if previous:
            label = o.add(doc, t("rectify.minutes_previous") + c.colon())
            label.paragraph_format.keep_with_next = True
            _previous(doc, minutes, item)


def _assessment(doc: DocumentType, n: int, minutes: Minutes) -> None:
    """The closing 测评情况: the forms, then the ranking, every figure as the results show it."""
    o.add(doc, c.ordinal(n) + t("minutes.assessment"), o.HEADING_1)
    o.add(doc, c.sub_ordinal(1) + t("minutes.reconciliation"), o.HEADING_2)
    lines = rt.ballot_summary(minutes)
    o.add(doc, lines[0]).paragraph_format.keep_with_next = True  # with its table
    if minutes.meeting.groups:
        rows = rt.reconciliation_rows(minutes)
        table(doc, rt.reconciliation_header(), rows, RECONCILIATION_WIDTHS, left=(0,))
    for line in lines[1:]:
        o.add(doc, line)
    o.add(doc, c.sub_ordinal(2) + t("minutes.results"), o.HEADING_2)
    if not rt.has_results(minutes):
        o.add(doc, t("minutes.no_results"))
        return
    widths = RANKING_CATEGORY_WIDTHS if minutes.results.categories else RANKING_WIDTHS
    table(
        doc,
        rt.ranking_header(minutes),
        rt.ranking_rows(minutes),
        widths,
        left=(1,),
    )
    for line in rt.ranking_notes(minutes):
        o.add(doc, line, o.NOTE).paragraph_format.space_before = Pt(4)
    sub = 3
    if minutes.method is not None:  # 计分办法: the rules, then the worked unit
        o.add(doc, c.sub_ordinal(sub) + t("method.title"), o.HEADING_2)
        sub += 1
        for line in minutes.method.rules:
            o.add(doc, line)
        if minutes.method.example:
            labelled(doc, t("method.example_title"), "\n".join(minutes.method.example))
    if minutes.reveals:  # 当场公布: when, what, and who confirmed the count
        o.add(doc, c.sub_ordinal(sub) + t("minutes.reveals"), o.HEADING_2)
        each = each_category(minutes.results)
        for record in minutes.reveals:
            o.add(doc, reveal_line(record, by_category=each))


def _time_stats(doc: DocumentType, n: int, minutes: Minutes) -> None:
    """用时统计: the summary, then each table of `minutes.time_stats` (empty ones left out); the
    text columns (names) take twice the room of a figure."""
    stats = time_stats.time_stats(minutes)
    o.add(doc, c.ordinal(n) + t("stats.title"), o.HEADING_1)
    o.add(doc, time_stats.summary(stats))
    if not stats.items:
        return
    tables = [tab for tab in time_stats.tables(stats) if tab.rows]
    for sub, tab in enumerate(tables, start=1):
        o.add(doc, c.sub_ordinal(sub) + tab.title, o.HEADING_2)
        shares = [2.0 if col.kind == "text" else 1.0 for col in tab.columns]
        widths = [o.TYPE_WIDTH.cm * share / sum(shares) for share in shares]
        names = tuple(i for i, col in enumerate(tab.columns) if col.kind == "text")
        header = [col.label for col in tab.columns]
        table(doc, header, [list(r) for r in time_stats.text_rows(tab)], widths, left=names)


def sha(doc: DocumentType, minutes: Minutes) -> None:
    """The fingerprint as a visible last line (`--digest`), never alone on a page of its own."""
    if doc.paragraphs:
        doc.paragraphs[-1].paragraph_format.keep_with_next = True
    paragraph = o.add(doc, c.sha_line(minutes), o.NOTE)
    paragraph.paragraph_format.space_before = Pt(12)


# ------------------------------------------------------------------------------------------------
# Layouts


def minutes_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
    o.add(doc, o.title_lines(minutes.meeting.title), o.TITLE)
    centered(doc, t("minutes.title"), o.HEADING_2)
    o.add(doc, "")  # the blank line under the title block
    _facts(doc, c.meeting_facts(minutes))
    items = sections(minutes)
    total = len(items) + 2
    for n, item in enumerate(items, start=1):
        if isinstance(item, WrittenUnits):
            _written(doc, n, item, minutes)
        else:
            _item(doc, n, item, minutes)
        c.tick(progress, n, total)
    _time_stats(doc, len(items) + 1, minutes)
    _assessment(doc, len(items) + 2, minutes)
    c.tick(progress, total - 1, total)


def column_lead(minutes: Minutes, count: int) -> str:
    """The 编者按: when, who held the meeting (the organizer, else "我区"), what it did."""
    m = minutes.meeting
    when = c.long_date(m.date)
    if m.start and m.start[:2].isdigit():
        when = t("minutes.column.morning" if int(m.start[:2]) < 12 else "minutes.column.afternoon",
                 date=when)  # fmt: skip
    return t(
        "minutes.column.lead",
        when=when,
        subject=c.organizer_subject(minutes),
        title=m.title,
        count=count,
    )


def banner(headline: str) -> str:
    """A banner too long for one line of 二号 breaks at its spaces, a phrase a line, as a
    newspaper sets a two-part headline; never a character alone on the second line."""
    if cell_len(headline) <= 2 * TITLE_CHARS or " " not in headline.strip():
        return headline
    return "\n".join(headline.split())


def column_layout(doc: DocumentType, minutes: Minutes, progress: c.ProgressFn | None) -> None:
    units = c.reported_onsite(minutes)  # a unit that did not come has no place in the column
    m = minutes.meeting
    note = doc.add_paragraph(style=o.HEADING_2)  # an editor's note is set in 楷体
    note.add_run(t("minutes.column.editor_note") + c.colon()).bold = True
    note.add_run(o.text(column_lead(minutes, len(units))))
    o.add(doc, "")
    o.add(doc, banner(m.headline or m.title), o.TITLE)
    total = len(units) + 2
    for n, item in enumerate(units, start=1):
        o.add(doc, "")
        centered(doc, item.headline, o.HEADING_1)
        sections = item.note_sections
        if not sections:
            o.add(doc, t("minutes.column.no_notes"))
        for section in sections:
            if section.heading:
                centered(doc, section.heading, o.HEADING_3)
            for line in section.lines:
                o.add(doc, line)
        c.tick(progress, n, total)
    c.tick(progress, total - 1, total)
