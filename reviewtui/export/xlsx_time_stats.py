"""The 用时统计 sheet of the results workbook: the summary, then each table of
`minutes.time_stats` under its title. Durations are Excel times ([m]:ss, [h]:mm:ss from an
hour), clock times are times of day, counts are numbers: a sum or a sort in the spreadsheet reads
what the minutes read."""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from openpyxl import Workbook
from openpyxl.styles import Font

from reviewtui.export import xlsx_style as s
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, time_stats


def time_stats_sheet(book: Workbook, minutes: Minutes) -> None:
    stats = time_stats.time_stats(minutes)
    sheet = book.create_sheet(t("stats.title")[: s.SHEET_NAME_MAX])
    s.append(sheet, [t("stats.title")])
    sheet.cell(1, 1).font = Font(name=s.FONT_NAME, bold=True, size=14)
    s.append(sheet, [time_stats.summary(stats)])
    heads: list[int] = []
    for tab in time_stats.tables(stats) if stats.items else ():
        if not tab.rows:
            continue
        sheet.append([])
        title = s.append(sheet, [tab.title])
        sheet.cell(title, 1).font = s.HEAD_FONT
        head = s.append(sheet, [col.label for col in tab.columns])
        s.header_row(sheet, head, 1, len(tab.columns))
        heads.append(head)
        for row in tab.rows:
            at = s.append(
                sheet, [_value(v, col.kind) for v, col in zip(row, tab.columns, strict=True)]
            )
            for cell, value, col in zip(sheet[at], row, tab.columns, strict=False):
                cell.number_format = _format(value, col.kind)
        s.borders(sheet, head, sheet.max_row, 1, len(tab.columns))
    # The title and the summary are long single cells: merge them so they set no width.
    last = max(sheet.max_column, 2)
    for line in (1, 2):
        sheet.merge_cells(start_row=line, start_column=1, end_row=line, end_column=last)
    s.fit_widths(sheet, header_rows=heads)
    s.print_setup(sheet, minutes.sha256)


def _value(value: time_stats.Cell, kind: str) -> Any:
    if kind == "duration" and isinstance(value, int | float):
        return timedelta(seconds=int(value))  # whole seconds, cut as every output shows them
    if kind == "clock" and isinstance(value, datetime):
        return value.replace(tzinfo=None, microsecond=0)  # Excel has no offsets: local time
    return value


def _format(value: time_stats.Cell, kind: str) -> str:
    if kind == "duration" and isinstance(value, int | float):
        return "[h]:mm:ss" if value >= 3600 else "[m]:ss"
    if kind == "clock":
        return "hh:mm:ss"
    return "General"
