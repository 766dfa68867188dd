"""The results as an Excel workbook.

Sheets, in order:

1. results: the ranking, in the glossary's columns and order (as on screen), then the count of
   each grade. Numbers are numbers, and a score is stored as the rounded figure every other
   output shows (89.845 is the cell value 89.85, not 89.845 formatted), so a copy, a sum or a
   sort in the spreadsheet reads what the minutes read.
2. groups: per unit, each rater group's votes and score, and the composite.
3. ballots: one row per ballot entry — its paper id, group, entry round (double entry only),
   how the tally counted it (valid, invalid, unconfirmed), then its mark for each unit (and form
   item); a ballot never names the person who filled it in or typed it.
4. timings: every segment (the rows of the CSV export).
5. time statistics (用时统计): planned against spoken per item and phase, overtime per kind and
   speaker, the schedule's drift; durations and clock times are Excel times.
6. about: the meeting, the database file and the SHA-256 of its content.

The SHA-256 is also in every sheet's printed footer, so a printout can be matched to its file.

Text a person typed or a file brought in is never a formula: openpyxl turns any `str` starting
with "=" into one (and "#N/A" into an error), so every text cell is written as a string cell
(`data_type = "s"`, an inline string in the XML, never an `<f>`). Control characters an older
database may hold are shown as `\x01` (`common.safe_text`), never written raw (openpyxl refuses
them).
"""

from __future__ import annotations

import io
from collections.abc import Sequence
from datetime import datetime, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from reviewtui import present
from reviewtui.export import common as c
from reviewtui.export import timings as timings_csv
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, time_stats
from reviewtui.present import glossary

SCORE = "0.00"
RATE = "0.0%"
SECONDS = "0.0"
HEAD_FILL = PatternFill("solid", start_color="FFD9D9D9")
HEAD_FONT = Font(bold=True)
SHEET_NAME_MAX = 31  # Excel's limit


def _append(sheet: Worksheet, values: Sequence[Any]) -> None:
    """One row; every text cell a plain string, never a formula or an error value."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        if isinstance(cell.value, str):
            cell.data_type = "s"


def _sheet(book: Workbook, title: str, header: Sequence[str]) -> Worksheet:
    sheet = book.create_sheet(title[:SHEET_NAME_MAX])
    _append(sheet, header)
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
            text = str(cell.value)  # numbers are stored rounded: their text is what shows
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
    columns = glossary.RANKING_FULL
    header = [*glossary.header(columns), *(glossary.grade_count_label(g) for g in grades)]
    sheet = _sheet(book, t("export.sheet.results"), header)
    for u in minutes.results.units:
        _append(sheet, [*glossary.values(u, columns), *(u.grade_counts.get(g, 0) for g in grades)])
    formats = {"score": SCORE, "rate": RATE}
    _formats(
        sheet, {n: formats[col.kind] for n, col in enumerate(columns, 1) if col.kind in formats}
    )
    notes = c.ranking_notes(minutes)
    if not c.has_results(minutes):
        notes.append(t("minutes.no_results"))
    for note in notes:
        sheet.append([])
        _append(sheet, [note])
    _finish(sheet, minutes)


def _groups(book: Workbook, minutes: Minutes) -> None:
    names = [g.name for g in minutes.meeting.groups]
    header = glossary.header((glossary.RANK, glossary.UNIT))
    for name in names:
        header += [t("export.col.group_votes", group=name), t("export.col.group_score", group=name)]
    header.append(glossary.COMPOSITE.label)
    sheet = _sheet(book, t("export.sheet.groups"), header)
    for u in minutes.results.units:
        row: list[Any] = [u.rank, u.unit]
        for name in names:
            g = u.groups.get(name)
            row += [g.votes, present.score_value(g.score)] if g else [None, None]
        row.append(glossary.COMPOSITE.value(u))
        _append(sheet, row)
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
        _append(sheet, row)
    _finish(sheet, minutes, max_width=16)


def _timings(book: Workbook, minutes: Minutes) -> None:
    header = timings_csv.header()[:-1]  # the SHA-256: here in the footer and About
    sheet = _sheet(book, t("export.sheet.timings"), header)
    for row in timings_csv.rows(minutes):
        _append(sheet, [None if value == "" else value for value in row[:-1]])
    _formats(sheet, {9: SECONDS, 10: SECONDS, 11: SECONDS, 12: SECONDS})
    _finish(sheet, minutes)


def _time_stats(book: Workbook, minutes: Minutes) -> None:
    """用时统计: the summary, then each table of `time_stats` under its title. Durations are
    Excel times ([m]:ss, [h]:mm:ss from an hour), clock times are times of day, counts are
    numbers: a sum or a sort in the spreadsheet reads what the minutes read."""
    stats = time_stats.time_stats(minutes)
    sheet = book.create_sheet(t("stats.title")[:SHEET_NAME_MAX])
    _append(sheet, [t("stats.title")])
    sheet.cell(1, 1).font = Font(bold=True, size=14)
    _append(sheet, [time_stats.summary(stats)])
    widths: dict[int, int] = {}
    for tab in time_stats.tables(stats) if stats.items else ():
        if not tab.rows:
            continue
        sheet.append([])
        _append(sheet, [tab.title])
        sheet.cell(sheet.max_row, 1).font = HEAD_FONT
        _append(sheet, [col.label for col in tab.columns])
        for cell in sheet[sheet.max_row]:
            cell.font, cell.fill = HEAD_FONT, HEAD_FILL
            widths[cell.column] = max(widths.get(cell.column, 0), cell_len(str(cell.value)))
        for row in tab.rows:
            _append(
                sheet, [_stat_value(v, col.kind) for v, col in zip(row, tab.columns, strict=True)]
            )
            for cell, value, col in zip(sheet[sheet.max_row], row, tab.columns, strict=False):
                cell.number_format = _stat_format(value, col.kind)
                text = time_stats.cell_text(value, col.kind)
                widths[cell.column] = max(widths.get(cell.column, 0), cell_len(text))
    _finish(sheet, minutes)
    sheet.auto_filter.ref = None  # several tables stacked: a filter over all would mislead
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(40, width + 2)
    sheet.page_setup.orientation = sheet.ORIENTATION_LANDSCAPE
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes, one page across


def _stat_value(value: time_stats.Cell, kind: str) -> Any:
    if kind == "duration" and isinstance(value, int | float):
        return timedelta(seconds=int(value))  # whole seconds, cut as every output shows them
    if kind == "clock" and isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)  # Excel has no offsets: local time
    return value


def _stat_format(value: time_stats.Cell, kind: str) -> str:
    if kind == "duration" and isinstance(value, int | float):
        return "[h]:mm:ss" if value >= 3600 else "[m]:ss"
    if kind == "clock":
        return "hh:mm:ss"
    return "General"


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
        _append(sheet, [label, value])
        sheet.cell(sheet.max_row, 1).font = HEAD_FONT
    _finish(sheet, minutes, max_width=70)


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: c.ProgressFn | None = None
) -> bytes:
    minutes = c.safe_text(minutes)
    book = Workbook()
    book.remove(book.active)
    steps = (_results, _groups, _ballots, _timings, _time_stats, _about)
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
