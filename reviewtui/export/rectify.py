"""The rectification list (整改清单) as the workbook the units fill in (`--format rectify`).

One sheet: a title row, then 单位, 问题, 来源, 整改措施, 责任人, 完成时限, 状态, one row per line of
the list (merged lines are in the line that absorbed them; dropped lines are left out: they are
not handed on). It prints on landscape A4, fitted to the page's width, the header row repeated
on every page, every cell bordered. The status column offers its two values as a drop-down.

Text a person typed is never a formula: every text cell is a string cell (`data_type = "s"`),
whatever it starts with. A deadline is a date cell, so a unit can type its own.
"""

from __future__ import annotations

import io
from datetime import date
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.datavalidation import DataValidation
from openpyxl.worksheet.properties import PageSetupProperties
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from reviewtui.export.common import ProgressFn, safe_text, tick
from reviewtui.i18n import t
from reviewtui.minutes import Minutes
from reviewtui.office.release import stamp_workbook
from reviewtui.rectify import ProblemLine
from reviewtui.rectify.lines import said_by as said
from reviewtui.rectify.lines import source_name

COLUMNS = ("unit", "problem", "source", "measure", "owner", "deadline", "status")
# (least, most) width in characters; text wraps within the most
WIDTHS = {
    "unit": (10, 22),
    "problem": (30, 48),
    "source": (10, 22),
    "measure": (30, 40),
    "owner": (8, 12),
    "deadline": (11, 12),
    "status": (7, 8),
}
THIN = Side(style="thin", color="FF000000")
BORDER = Border(left=THIN, right=THIN, top=THIN, bottom=THIN)
HEAD_FILL = PatternFill("solid", start_color="FFD9D9D9")
HEADER_ROW = 2
LINE_HEIGHT = 14.5  # points per line of 11 pt text


def source_label(line: ProblemLine) -> str:
    """现场提问（党代表 张建国）: where the line came from, and who said it."""
    source = source_name(line.source)
    return t("rectify.by_whom", source=source, speaker=line.speaker) if line.speaker else source


def said_by(line: ProblemLine) -> str:
    """党代表 张建国提问 / 区委书记点评 / 会务补充: a line's origin in running text."""
    if not line.speaker:
        return source_name(line.source)
    return said(line.source, line.speaker)


def status_label(status: str) -> str:
    return t(f"rectify.status.{status}")


def handed_on(minutes: Minutes) -> tuple[ProblemLine, ...]:
    """The lines a unit is asked to act on: neither merged nor dropped."""
    return minutes.rectification_lines(dropped=False)


def _values(line: ProblemLine) -> list[Any]:
    deadline = date.fromisoformat(line.deadline) if line.deadline else None
    return [
        line.unit,
        line.problem,
        source_label(line),
        line.measure,
        line.owner,
        deadline,
        status_label(line.status),
    ]


def _put(sheet: Worksheet, row: int, column: int, value: Any) -> Any:
    cell = sheet.cell(row=row, column=column)
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"  # never a formula, whatever the text starts with
    return cell


def _print_setup(sheet: Worksheet, last_row: int) -> None:
    sheet.page_setup.orientation = "landscape"
    sheet.page_setup.paperSize = sheet.PAPERSIZE_A4
    sheet.page_setup.fitToWidth = 1
    sheet.page_setup.fitToHeight = 0  # as many pages down as it takes
    sheet.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    sheet.print_options.horizontalCentered = True
    sheet.page_margins.left = sheet.page_margins.right = 0.5
    sheet.page_margins.top = sheet.page_margins.bottom = 0.6
    sheet.print_title_rows = f"{HEADER_ROW}:{HEADER_ROW}"
    sheet.print_area = f"A1:{get_column_letter(len(COLUMNS))}{last_row}"
    sheet.oddFooter.center.text = "&P / &N"
    sheet.freeze_panes = f"A{HEADER_ROW + 1}"


def _widths(sheet: Worksheet, rows: list[list[Any]]) -> None:
    for index, name in enumerate(COLUMNS, start=1):
        least, most = WIDTHS[name]
        longest = max(
            (
                max(cell_len(part) for part in str(row[index - 1]).split("\n"))
                for row in rows
                if row[index - 1] is not None
            ),
            default=0,
        )
        width = min(most, max(least, longest + 2))
        sheet.column_dimensions[get_column_letter(index)].width = width


def _heights(sheet: Worksheet, rows: list[list[Any]]) -> None:
    """Each row as tall as its longest wrapped cell, two lines at least: a spreadsheet does not
    grow a row for wrapped text it did not type itself (LibreOffice clips it, Excel may)."""
    for offset, values in enumerate(rows, start=1):
        lines = 2  # at least two: room to write a measure in by hand
        for index, value in enumerate(values):
            if not isinstance(value, str):
                continue
            # a column of width w holds about 1.1·w cells of CJK text at 11 pt
            width = sheet.column_dimensions[get_column_letter(index + 1)].width
            room = max(1, int(width * 1.1))
            wrapped = sum(-(-max(1, cell_len(part)) // room) for part in value.split("\n"))
            lines = max(lines, wrapped)
        sheet.row_dimensions[HEADER_ROW + offset].height = LINE_HEIGHT * lines + 3


def render(
    minutes: Minutes, *, layout: str = "minutes", progress: ProgressFn | None = None
) -> bytes:
    minutes = safe_text(minutes)  # control characters shown, never written raw
    book = Workbook()
    stamp_workbook(book)
    sheet = book.active
    assert sheet is not None
    sheet.title = t("rectify.sheet")[:31]
    width = len(COLUMNS)
    title = _put(sheet, 1, 1, t("rectify.book_title", title=minutes.meeting.title))
    title.font = Font(bold=True, size=16)
    title.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    sheet.merge_cells(start_row=1, start_column=1, end_row=1, end_column=width)
    sheet.row_dimensions[1].height = 32
    header = [t(f"rectify.col.{name}") for name in COLUMNS]
    for column, text in enumerate(header, start=1):
        cell = _put(sheet, HEADER_ROW, column, text)
        cell.font = Font(bold=True)
        cell.fill = HEAD_FILL
        cell.border = BORDER
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)
    lines = handed_on(minutes)
    rows = [_values(line) for line in lines]
    for offset, values in enumerate(rows, start=1):
        row = HEADER_ROW + offset
        for column, value in enumerate(values, start=1):
            cell = _put(sheet, row, column, value)
            cell.border = BORDER
            centred = COLUMNS[column - 1] in ("owner", "deadline", "status")
            cell.alignment = Alignment(
                horizontal="center" if centred else "left", vertical="top", wrap_text=True
            )
            if isinstance(value, date):
                cell.number_format = "yyyy-mm-dd"
        tick(progress, offset, len(rows) + 1)
    last = HEADER_ROW + len(rows)
    # Empty bordered rows under an empty list, so the sheet still reads as a form to fill.
    for row in range(last + 1, HEADER_ROW + 1 + max(0, 3 - len(rows))):
        for column in range(1, width + 1):
            sheet.cell(row=row, column=column).border = BORDER
        last = row
    if rows:
        statuses = DataValidation(
            type="list",
            formula1='"' + ",".join(status_label(s) for s in ("open", "done")) + '"',
            allow_blank=True,
        )
        sheet.add_data_validation(statuses)
        column = get_column_letter(COLUMNS.index("status") + 1)
        statuses.add(f"{column}{HEADER_ROW + 1}:{column}{HEADER_ROW + len(rows)}")
    note = _put(sheet, last + 2, 1, t("rectify.book_note"))
    note.alignment = Alignment(wrap_text=False, vertical="top")
    _widths(sheet, [header, *rows])
    _heights(sheet, rows)
    _print_setup(sheet, last + 2)
    book.properties.title = t("rectify.book_title", title=minutes.meeting.title)
    book.properties.creator = minutes.meeting.organizer or ""
    buffer = io.BytesIO()
    book.save(buffer)
    tick(progress, len(rows) + 1, len(rows) + 1)
    return buffer.getvalue()
