"""What every sheet of the results workbook shares: safe cells, tables with borders, widths by
content, and a print setup that puts a sheet on landscape A4 pages one page wide.

Text is never a formula: openpyxl turns any `str` starting with "=" into one (and "#N/A" into an
error value), so every text cell is set to a string cell (`data_type = "s"`, an inline string
in the XML, never an `<f>`).
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from datetime import datetime, timedelta
from typing import Any

from openpyxl.cell.cell import Cell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.worksheet import Worksheet
from rich.cells import cell_len

from reviewtui.i18n import t

SCORE = "0.00"
RATE = "0.0%"
SECONDS = "0.0"
MOMENT = "yyyy-mm-dd hh:mm:ss"
DURATION = "[m]:ss"
SHEET_NAME_MAX = 31  # Excel's limit
HEAD_FILL = PatternFill("solid", start_color="FFD9D9D9")
FONT_NAME = "Calibri"  # the workbook's default: a font set without a name prints in another
HEAD_FONT = Font(name=FONT_NAME, bold=True)
_THIN = Side(style="thin", color="FF000000")
BORDER = Border(left=_THIN, right=_THIN, top=_THIN, bottom=_THIN)
HEADER_MAX = 8  # a longer header wraps instead of widening its column
LINE_POINTS = 15.0  # the height of one line of 11 pt text


def append(sheet: Worksheet, values: Sequence[Any], *, first_column: int = 1) -> int:
    """One row below the last one written; every text cell a plain string, never a formula or
    an error value. Returns the row's number."""
    sheet.append({first_column + i: v for i, v in enumerate(values) if v is not None})
    row: int = sheet._current_row  # append's own cursor: where it just wrote
    for offset, value in enumerate(values):
        if isinstance(value, str):
            sheet.cell(row, first_column + offset).data_type = "s"
    return row


def put(cell: Cell, value: Any) -> None:
    """A value into a cell; text stays text."""
    cell.value = value
    if isinstance(value, str):
        cell.data_type = "s"


def header_row(sheet: Worksheet, row: int, first: int, last: int) -> None:
    for column in range(first, last + 1):
        cell = sheet.cell(row, column)
        cell.font = HEAD_FONT
        cell.fill = HEAD_FILL
        cell.alignment = Alignment(horizontal="center", vertical="center", wrap_text=True)


def sheet_with_header(book: Any, title: str, header: Sequence[str]) -> Worksheet:
    """A new sheet whose first row is `header`, frozen, repeated on every printed page."""
    sheet: Worksheet = book.create_sheet(title[:SHEET_NAME_MAX])
    append(sheet, header)
    header_row(sheet, 1, 1, len(header))
    sheet.freeze_panes = "A2"
    sheet.print_title_rows = "1:1"
    return sheet


def number_formats(sheet: Worksheet, columns: dict[int, str], *, min_row: int = 2) -> None:
    """A number format per column, on the cells that hold a number."""
    for row in sheet.iter_rows(min_row=min_row):
        for cell in row:
            fmt = columns.get(cell.column)
            if fmt and isinstance(cell.value, int | float | timedelta | datetime):
                cell.number_format = fmt


def borders(sheet: Worksheet, first_row: int, last_row: int, first: int, last: int) -> None:
    for row in sheet.iter_rows(min_row=first_row, max_row=last_row, min_col=first, max_col=last):
        for cell in row:
            cell.border = BORDER


def shown(cell: Cell) -> str:
    """The text a cell shows, for its width: a score with its 2 decimals, a rate as a
    percentage, a moment and a duration as their formats print them."""
    value = cell.value
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%Y-%m-%d %H:%M:%S")
    if isinstance(value, timedelta):
        minutes, seconds = divmod(int(value.total_seconds()), 60)
        return f"{minutes}:{seconds:02d}"
    if isinstance(value, int | float) and not isinstance(value, bool):
        if cell.number_format == SCORE:
            return f"{value:.2f}"
        if cell.number_format == RATE:
            return f"{value * 100:.1f}%"
    return str(value)


def fit_widths(
    sheet: Worksheet, *, header_rows: Iterable[int] = (1,), max_width: int = 40
) -> dict[int, float]:
    """Column widths from the display width of what the cells show (Chinese counts double).
    Merged cells (titles, notes, signature lines) set no width; a header wraps past
    HEADER_MAX. Returns the widths set."""
    merged = {
        (row, column)
        for span in sheet.merged_cells.ranges
        for row in range(span.min_row, span.max_row + 1)
        for column in range(span.min_col, span.max_col + 1)
    }
    heads = set(header_rows)
    widths: dict[int, int] = {}
    for row in sheet.iter_rows():
        for cell in row:
            if cell.value is None or (cell.row, cell.column) in merged:
                continue
            length = max((cell_len(line) for line in shown(cell).splitlines()), default=0)
            if cell.row in heads:
                length = min(length, HEADER_MAX)
            widths[cell.column] = max(widths.get(cell.column, 0), length)
    set_widths: dict[int, float] = {}
    for column, width in widths.items():
        set_widths[column] = min(max_width, width + 2)
        sheet.column_dimensions[get_column_letter(column)].width = set_widths[column]
    for row_number in heads:
        header_height(sheet, row_number, set_widths)
    return set_widths


def header_height(sheet: Worksheet, row: int, widths: dict[int, float]) -> None:
    """Room for a wrapped header: as many lines as its longest cell needs."""
    lines = 1
    for cell in sheet[row]:
        if isinstance(cell.value, str) and cell.column in widths:
            room = max(1.0, widths[cell.column] - 1)
            lines = max(lines, math.ceil(cell_len(cell.value) / room))
    if lines > 1:
        sheet.row_dimensions[row].height = lines * LINE_POINTS + 2


def wrapped_text_row(
    sheet: Worksheet,
    row: int,
    text: str,
    first: int,
    last: int,
    widths: dict[int, float],
    *,
    size: float = 11,
    bold: bool = False,
    horizontal: str = "left",
    min_height: float = 0,
) -> None:
    """A line of text across columns first..last (merged), wrapped, with the height its lines
    need: a merged cell is never grown by Excel or LibreOffice themselves."""
    put(sheet.cell(row, first), text)
    if last > first:
        sheet.merge_cells(start_row=row, start_column=first, end_row=row, end_column=last)
    cell = sheet.cell(row, first)
    cell.font = Font(name=FONT_NAME, bold=bold, size=size)
    cell.alignment = Alignment(horizontal=horizontal, vertical="center", wrap_text=True)
    room = sum(widths.get(c, 8.43) for c in range(first, last + 1)) * 11 / size - 1
    lines = sum(max(1, math.ceil(cell_len(part) / max(room, 1.0))) for part in text.splitlines())
    sheet.row_dimensions[row].height = max(min_height, lines * size * 1.45 + 4)


def print_setup(sheet: Worksheet, sha256: str, *, footer_sha: bool = True) -> None:
    """Landscape A4, one page wide and as many pages long as it takes, centred, the page
    number in the footer (and the database's SHA-256, small, so a printout names its file)."""
    setup = sheet.page_setup
    setup.orientation = sheet.ORIENTATION_LANDSCAPE
    setup.paperSize = sheet.PAPERSIZE_A4
    setup.fitToWidth = 1
    setup.fitToHeight = 0
    sheet.sheet_properties.pageSetUpPr.fitToPage = True
    sheet.print_options.horizontalCentered = True
    sheet.page_margins = PageMargins(
        left=0.5, right=0.5, top=0.5, bottom=0.6, header=0.25, footer=0.25
    )
    sheet.oddFooter.center.text = t("export.xlsx.page")
    sheet.oddFooter.center.size = 9
    sheet.oddFooter.center.font = FONT_NAME
    if footer_sha:
        sheet.oddFooter.left.text = f"SHA-256 {sha256}"
        sheet.oddFooter.left.size = 6


def finish_table(sheet: Worksheet, sha256: str, *, max_width: int = 40) -> dict[int, float]:
    """A plain table sheet (header in row 1): borders, widths by content, print setup."""
    if sheet.max_row >= 1 and sheet.max_column >= 1:
        borders(sheet, 1, sheet.max_row, 1, sheet.max_column)
    widths = fit_widths(sheet, max_width=max_width)
    for row in sheet.iter_rows(min_row=2):
        lines = 1
        for cell in row:
            if isinstance(cell.value, str):
                cell.alignment = Alignment(vertical="top", wrap_text=True)
                lines = max(lines, text_lines(cell.value, widths.get(cell.column, 8.43)))
            elif cell.value is not None:  # a figure beside a wrapped text: on its first line
                cell.alignment = Alignment(vertical="top")
        if lines > 1:  # neither Excel nor LibreOffice grows a row for wrapped text on opening
            sheet.row_dimensions[row[0].row].height = lines * LINE_POINTS
    print_setup(sheet, sha256)
    return widths


def text_lines(text: str, width: float) -> int:
    """The lines `text` takes in a column `width` wide, wrapped."""
    room = max(1.0, width - 1)
    return sum(max(1, math.ceil(cell_len(part) / room)) for part in text.splitlines() or [""])
