"""`reviewtui print SESSION forms|agenda|script|signin`: what the room needs before the meeting.

Every document is built on the official page of `reviewtui.office.official` and written in the
meeting's language. Forms come one to a page, `issued` of them per group, each with its serial
(the group's `code` and a running number: A001…), so the ballot screen can tell the group from
the serial a form carries.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Mapping
from typing import Any

from docx.document import Document as DocumentType
from docx.enum.table import WD_CELL_VERTICAL_ALIGNMENT, WD_ROW_HEIGHT_RULE, WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from rich.cells import cell_len

from reviewtui.assessment.forms import Form
from reviewtui.assessment.rule_text import rule_lines as _rule_lines  # also the phone form's
from reviewtui.assessment.serials import printed, serials
from reviewtui.clock import format_duration
from reviewtui.i18n import t
from reviewtui.office import official as o
from reviewtui.office import template
from reviewtui.plan import AgendaItem, Group, Plan
from reviewtui.prepare.form_fit import fit, name_points
from reviewtui.prepare.form_marks import add_marks

BOX = "□"
SMALL_TITLE_CELLS = 2 * o.CHARS  # a title set in 三号 (forms, sign-in): 28 characters a line


def new_document(plan: Plan, what: str) -> DocumentType:
    organizer = getattr(plan.meeting, "organizer", None) or ""
    title = f"{plan.meeting.title} {what}"
    return template.new_document(title=title, author=organizer, subject=what)


def _new_page(paragraph: Any) -> None:
    paragraph.paragraph_format.page_break_before = True


def _cell(cell: Any, value: object, *, bold: bool = False, size: Pt = o.SIZE_SMALL_4) -> None:
    cell.text = ""
    paragraph = cell.paragraphs[0]
    o.set_style(paragraph, o.TABLE_TEXT)
    run = paragraph.add_run(o.text(value))
    run.font.size = size
    run.bold = bold


def _table(
    doc: DocumentType,
    head: list[str],
    rows: list[list[object]],
    widths: list[float],
    *,
    height: float = 0,
    exact: bool = False,
    size: Pt = o.SIZE_SMALL_4,
    head_size: Pt = o.SIZE_SMALL_4,
) -> Any:
    table = doc.add_table(rows=1 + len(rows), cols=len(head))
    o.set_table_style(table, "Table Grid")
    table.alignment = WD_TABLE_ALIGNMENT.CENTER
    # python-docx rebuilds a row's cells on every `.cells`: take each row's once.
    lines = list(table.rows)
    cells = [line.cells for line in lines]
    for c, heading in enumerate(head):
        _cell(cells[0][c], heading, bold=True, size=head_size)
    rule = WD_ROW_HEIGHT_RULE.EXACTLY if exact else WD_ROW_HEIGHT_RULE.AT_LEAST
    for r, row in enumerate(rows, start=1):
        for c, value in enumerate(row):
            _cell(cells[r][c], value, size=size)
        if height:
            lines[r].height = Mm(height)
            lines[r].height_rule = rule
    table.autofit = False
    for c, width in enumerate(widths):
        table.columns[c].width = Mm(width)
        for line in cells:
            line[c].width = Mm(width)
    _repeat_header(table)
    return table


def _repeat_header(table: Any) -> None:
    """The header row is printed again on every page a long table runs onto."""
    trpr = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    trpr.append(header)


# ------------------------------------------------------------------------------------------------
# 测评表


def forms(plan: Plan, urls: Mapping[str, str] | None = None) -> DocumentType:
    """The numbered forms; with `urls` (serial -> its phone form's address, `print forms --qr`)
    each form carries the QR code of its own one-time phone form beside its serial."""
    doc = new_document(plan, t("print.forms"))
    form = Form.of(plan)
    first = True
    for group in plan.groups:
        for serial in serials(plan, group):
            url = urls.get(serial) if urls is not None else None
            _one_form(doc, plan, form, group, serial, new_page=not first, url=url)
            first = False
    return doc


def _one_form(
    doc: DocumentType,
    plan: Plan,
    form: Form,
    group: Group,
    serial: str,
    *,
    new_page: bool,
    url: str | None = None,
) -> None:
    title = o.add(doc, o.title_lines(plan.meeting.title, SMALL_TITLE_CELLS), o.TITLE)
    if new_page:
        _new_page(title)
    title.runs[0].font.size = o.SIZE_3
    add_marks(title, plan, serial)  # corner squares and the serial's code, for `ballots scan`
    o.add(
        doc, t("print.form_title"), o.HEADING_1, align="center"
    ).paragraph_format.first_line_indent = None
    serial_line = o.add(
        doc, t("print.form_serial", serial=serial, group=group.name), o.NOTE, align="right"
    )
    if url is not None:
        from reviewtui.prepare.qr_print import add_qr  # segno only when QR codes are printed

        add_qr(serial_line, url, serial)
    graded = [item for item in form.items if item.max is None]
    grades = [g.grade for g in form.scale]
    head = [t("export.col.seq"), t("results.col.unit")]
    widths = [12.0, 48.0]
    many = len(form.items) > 1
    for item in form.items:
        if item.max is None:
            head += [f"{item.name}\n{g}" if many else g for g in grades]
            widths += [_grade_width(g) for g in grades]
        else:
            head.append(t("print.col_score", item=item.name, max=_number(item.max)))
            widths.append(22.0)
    opinions = bool(getattr(plan.assessment, "opinions", False))
    if opinions:
        head.append(t("opinion.title"))
        widths.append(40.0)
    rows: list[list[object]] = []
    for n, unit in enumerate(form.units, start=1):
        row: list[object] = [n, unit]
        for item in form.items:
            row += [BOX] * len(grades) if item.max is None else [""]
        if opinions:
            row.append("")
        rows.append(row)
    lines = [t("print.form_howto_grade") if graded else t("print.form_howto_score")]
    lines += _rule_lines(plan)
    if url is not None:
        lines.append(t("print.form_qr"))
    lines.append(t("print.form_hand_in"))
    notes = [f"{n}. {line}" for n, line in enumerate(lines, start=1)]
    # Rows tall enough to tick, the whole form on one sheet (form_fit).
    widths = _fit(widths)
    sizes = fit(
        title=plan.meeting.title,
        head=head,
        widths=widths,
        units=form.units,
        notes=[t("print.form_howto_title"), *notes],
        code_height=25.0 if url is not None else 0.0,
    )
    table = _table(doc, head, rows, widths, height=sizes.row_height, exact=True,
                   size=Pt(sizes.row_points), head_size=Pt(sizes.head_points))  # fmt: skip
    for r, unit in enumerate(form.units, start=1):
        points = name_points(unit, widths[1], sizes.row_height, sizes.row_points)
        if points != sizes.row_points:
            table.rows[r].cells[1].paragraphs[0].runs[-1].font.size = Pt(points)
    for table_row in table.rows:  # a box in the middle of its cell, where a pen ticks it
        for cell in table_row.cells:
            cell.vertical_alignment = WD_CELL_VERTICAL_ALIGNMENT.CENTER
    howto = o.add(doc, t("print.form_howto_title"), o.NOTE)
    howto.runs[0].bold = True
    howto.runs[0].font.size = Pt(sizes.note_points)
    for note in notes:
        o.add(doc, note, o.NOTE).runs[0].font.size = Pt(sizes.note_points)


def _fit(widths: list[float]) -> list[float]:
    """Column widths scaled into the 156 mm type area."""
    total = sum(widths)
    if total < 156:  # the unit names take what is left
        widths = [*widths[:1], widths[1] + 156 - total, *widths[2:]]
    return widths if total <= 156 else [w * 156 / total for w in widths]


def _number(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


# ------------------------------------------------------------------------------------------------
# 会议议程


def timeline(plan: Plan) -> list[tuple[AgendaItem, dt.datetime | None, dt.datetime | None]]:
    """Each agenda row with its planned start and end (None without a planned start)."""
    moment: dt.datetime | None = None
    if plan.meeting.start:
        moment = dt.datetime.combine(
            dt.date.fromisoformat(plan.meeting.date), dt.time.fromisoformat(plan.meeting.start)
        )
    rows: list[tuple[AgendaItem, dt.datetime | None, dt.datetime | None]] = []
    for item in plan.expanded_agenda():
        if item.planned is None or moment is None:
            rows.append((item, None, None))
            continue
        end = moment + dt.timedelta(seconds=item.planned)
        rows.append((item, moment, end))
        moment = end
    return rows


def agenda(plan: Plan) -> DocumentType:
    doc = new_document(plan, t("print.agenda"))
    o.add(doc, o.title_lines(plan.meeting.title), o.TITLE)
    o.add(
        doc, t("print.agenda"), o.HEADING_1, align="center"
    ).paragraph_format.first_line_indent = None
    _facts(doc, plan)
    rows: list[list[object]] = []
    written: list[str] = []
    for item, start, end in timeline(plan):
        if item.kind == "unit" and item.mode == "written":
            written.append(item.title)
            continue
        when = f"{start:%H:%M}–{end:%H:%M}" if start and end else ""
        unit = plan.unit(item.unit) if item.unit else None
        seconds = plan.report_seconds(unit) if unit else item.planned
        limit = format_duration(seconds) if seconds else ""
        what = item.title if item.kind != "unit" else t("print.agenda_report", unit=item.title)
        rows.append([len(rows) + 1, what, item.speaker or "", limit, when])
    head = [
        t("export.col.seq"),
        t("agenda.col.item"),
        t("print.col_speaker"),
        t("print.col_limit"),
        t("print.col_time"),
    ]
    _table(doc, head, rows, [12, 62, 38, 18, 26])
    if written:
        o.add(doc, t("print.agenda_written", units="、".join(written)))
    return doc


def _caption_row(table: Any, text: str) -> None:
    """A first row across the table, repeated with the header on every page it runs onto: a
    continuation page of the sign-in sheet names its group."""
    row = table.add_row()
    table._tbl.remove(row._tr)
    table.rows[0]._tr.addprevious(row._tr)
    caption = table.rows[0]
    merged = caption.cells[0].merge(caption.cells[len(caption.cells) - 1])
    _cell(merged, text, bold=True)
    merged.paragraphs[0].alignment = WD_ALIGN_PARAGRAPH.LEFT
    _repeat_header_row(caption._tr)


def _repeat_header_row(tr: Any) -> None:
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    tr.get_or_add_trPr().append(header)


def _no_orphan_row(table: Any) -> None:
    """No row is left alone on a page: rows never split, and the last two keep together (the
    one before the last keeps with the next)."""
    for row in table.rows:
        split = OxmlElement("w:cantSplit")
        split.set(qn("w:val"), "true")
        row._tr.get_or_add_trPr().append(split)
    if len(table.rows) > 3:
        for cell in table.rows[-2].cells:
            for paragraph in cell.paragraphs:
                paragraph.paragraph_format.keep_with_next = True


def _facts(doc: DocumentType, plan: Plan, *, chair: bool = True) -> None:
    meeting = plan.meeting
    day = _long_date(meeting.date)
    facts = [(t("print.date"), day + (f" {meeting.start}" if meeting.start else ""))]
    if meeting.venue:
        facts.append((t("print.venue"), meeting.venue))
    if meeting.chair and chair:
        facts.append((t("print.chair"), meeting.chair))
    for label, value in facts:
        o.add(doc, f"{label}{value}")


# ------------------------------------------------------------------------------------------------
# 签到表


def signin(plan: Plan) -> DocumentType:
    doc = new_document(plan, t("print.signin"))
    for n, group in enumerate(plan.groups):
        title = o.add(doc, o.title_lines(plan.meeting.title, SMALL_TITLE_CELLS), o.TITLE)
        if n:
            _new_page(title)
        title.runs[0].font.size = o.SIZE_3
        o.add(
            doc, t("print.signin"), o.HEADING_1, align="center"
        ).paragraph_format.first_line_indent = None
        expected = expected_count(plan, group)
        _facts(doc, plan, chair=False)
        rows: list[list[object]] = [[i, "", "", ""] for i in range(1, expected + 1)]
        head = [t("export.col.seq"), t("print.col_name"), t("print.col_post"), t("print.col_sign")]
        table = _table(doc, head, rows, [14, 36, 60, 46], height=9)  # room to sign
        _caption_row(table, t("print.signin_group", group=group.name, count=expected))
        _no_orphan_row(table)
    return doc


def _grade_width(grade: str) -> float:
    """A grade's column (mm): room for its longest word unbroken ("Fairly good" breaks at its
    space, never inside "Fairly"); 14 mm for a Chinese grade."""
    if not grade.isascii():
        return 14.0
    longest = max((cell_len(word) for word in grade.split()), default=1)
    return max(14.0, 2.6 * longest + 7)


def _long_date(iso_date: str) -> str:
    """ "2017年2月24日" on a Chinese handout, as the minutes say it; "24 February 2017"."""
    from reviewtui.export.common import long_date

    return long_date(iso_date)


def expected_count(plan: Plan, group: Group) -> int:
    """应到: the group's `expected`, else the forms it was issued."""
    expected = getattr(group, "expected", None)
    return int(expected) if expected is not None else printed(plan, group)
