"""The results as an Excel workbook.

Sheets, in order:

1. results: the ranking — rank, unit, meeting score, day-to-day, final, level, votes, good
   rates, then the count of each grade; numbers are numbers (shown to 2 decimals).
2. groups: per unit, each rater group's votes and score, and the composite.
3. ballots: one row per ballot entry — its paper id, group, entry round (double entry only),
   how the tally counted it (valid, invalid, unconfirmed), then its mark for each unit (and form
   item); a ballot never names the person who filled it in or typed it.
4. timings: every segment (the rows of the CSV export).
5. about: the meeting, the database file and the SHA-256 of its content.

The SHA-256 is also in every sheet's printed footer, so a printout can be matched to its file.
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from reviewtui.export import common as c
from reviewtui.export import csv as timings_csv
from reviewtui.i18n import t
from reviewtui.minutes import Minutes

SCORE = "0.00"
RATE = "0.0%"
SECONDS = "0.0"
HEAD_FILL = PatternFill("solid", start_color="FFD9D9D9")
HEAD_FONT = Font(bold=True)
SHEET_NAME_MAX = 31  # Excel's limit


def _sheet(book: Workbook, title: str, header: Sequence[str]) -> Worksheet:
    sheet = book.create_sheet(title[:SHEET_NAME_MAX])
    sheet.append(list(header))
    for cell in sheet[1]:
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.freeze_panes = "A2"
    return sheet


def _finish(sheet: Worksheet, minutes: Minutes, *, max_width: int = 40) -> None:
    """Widths from the display width of the content; a filter; the SHA-256 in the footer."""
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None:
                continue
            text = f"{cell.value:.2f}" if isinstance(cell.value, float) else str(cell.value)
            widths[cell.column] = max(widths.get(cell.column, 0), cell_len(text))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(max_width, width + 2)
    if sheet.max_row > 1 and sheet.title != _about_title():
        sheet.auto_filter.ref = sheet.dimensions
    sheet.oddFooter.left.text = f"SHA-256 {minutes.sha256}"
    sheet.oddFooter.left.size = 7
    sheet.oddFooter.right.text = "&P / &N"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.print_title_rows = "1:1"


def _about_title() -> str:
    return t("export.sheet.about")[:SHEET_NAME_MAX]


def _formats(sheet: Worksheet, columns: dict[int, str]) -> None:
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            fmt = columns.get(cell.column)
            if fmt and isinstance(cell.value, int | float):
                cell.number_format = fmt


def _results(book: Workbook, minutes: Minutes) -> None:
    grades = list(minutes.grades)
    header = [
        *c.ranking_header(),
        t("minutes.good_or_fair_rate"),
        *(t("export.col.grade_count", grade=g) for g in grades),
    ]
    sheet = _sheet(book, t("export.sheet.results"), header)
    for u in minutes.results.units:
        sheet.append(
            [
                u.rank,
                u.unit,
                u.composite,
                u.daily,
                u.final,
                c.level(u) if u.level else None,
                u.votes,
                u.good_rate,
                u.good_or_fair_rate,
                *(u.grade_counts.get(g, 0) for g in grades),
            ]
        )
    _formats(sheet, {3: SCORE, 4: SCORE, 5: SCORE, 8: RATE, 9: RATE})
    notes = c.ranking_notes(minutes)
    if not c.has_results(minutes):
        notes.append(t("minutes.no_results"))
    for note in notes:
        sheet.append([])
        sheet.append([note])
    _finish(sheet, minutes)


def _groups(book: Workbook, minutes: Minutes) -> None:
    names = [g.name for g in minutes.meeting.groups]
    header = [t("minutes.rank"), t("minutes.unit")]
    for name in names:
        header += [t("export.col.group_votes", group=name), t("export.col.group_score", group=name)]
    header.append(t("minutes.composite"))
    sheet = _sheet(book, t("export.sheet.groups"), header)
    for u in minutes.results.units:
        row: list[Any] = [u.rank, u.unit]
        for name in names:
            g = u.groups.get(name)
            row += [g.votes, g.score] if g else [None, None]
        row.append(u.composite)
        sheet.append(row)
    score_columns = {4 + 2 * i: SCORE for i in range(len(names))}
    score_columns[3 + 2 * len(names)] = SCORE
    _formats(sheet, score_columns)
    _finish(sheet, minutes)


def _ballots(book: Workbook, minutes: Minutes) -> None:
    one_item = len(minutes.form_items) == 1
    columns = [(u, i) for u in minutes.units for i in minutes.form_items]
    header = [t("export.col.ballot"), t("export.col.group")]
    if minutes.double_entry:
        header.append(t("export.col.entry"))
    header.append(t("export.col.status"))
    header += [u if one_item else f"{u} / {i}" for u, i in columns]
    sheet = _sheet(book, t("export.sheet.ballots"), header)
    for ballot in minutes.ballots:
        row: list[Any] = [ballot.code, ballot.group]
        if minutes.double_entry:
            row.append(ballot.entry)
        row.append(t(f"export.status.{ballot.status}"))
        row += [ballot.marks.get(key) for key in columns]
        sheet.append(row)
    _finish(sheet, minutes, max_width=16)


def _timings(book: Workbook, minutes: Minutes) -> None:
    header = timings_csv.header()[:-1]  # the SHA-256 column: here it is in the footer and About
    sheet = _sheet(book, t("export.sheet.timings"), header)
    for row in timings_csv.rows(minutes):
        sheet.append([None if value == "" else value for value in row[:-1]])
    _formats(sheet, {9: SECONDS, 10: SECONDS, 11: SECONDS, 12: SECONDS})
    _finish(sheet, minutes)


def _about(book: Workbook, minutes: Minutes) -> None:
    sheet = book.create_sheet(_about_title())
    m = minutes.meeting
    rows = [
        (t("export.about.meeting"), m.title),
        (t("minutes.date"), m.date),
        (t("minutes.venue"), m.venue or ""),
        (t("minutes.chair"), m.chair or ""),
        (t("export.about.database"), minutes.source),
        (t("export.about.as_of"), minutes.as_of.isoformat(timespec="seconds")),
        ("SHA-256", minutes.sha256),
    ]
    for label, value in rows:
        sheet.append([label, value])
        sheet.cell(sheet.max_row, 1).font = HEAD_FONT
    _finish(sheet, minutes, max_width=70)


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    book = Workbook()
    book.remove(book.active)
    steps = (_results, _groups, _ballots, _timings, _about)
    total = len(steps) + 1
    for n, step in enumerate(steps, start=1):
        step(book, minutes)
        c.tick(progress, n, total)
    book.properties.title = minutes.meeting.title
    book.properties.description = c.sha_line(minutes)
    buffer = io.BytesIO()
    book.save(buffer)
    c.tick(progress, total, total)
    return buffer.getvalue()
