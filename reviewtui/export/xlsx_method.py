"""The workbook's sheet 计分办法, right after 测评结果: how the scores were computed, a sentence a
row, then the worked unit a figure a row (`assessment.method_text`).

It is a sheet of its own so that 测评结果 stays the one landscape page that is signed, at the
size its figures were set for (the method on that page would shrink a 40-unit ranking to small
print); the results sheet names this sheet in its notes. Printed: landscape A4, one page.
"""

from __future__ import annotations

from openpyxl.workbook import Workbook

from reviewtui.export import results_text
from reviewtui.export import xlsx_style as s
from reviewtui.i18n import t
from reviewtui.minutes import Minutes

WIDTH = 110  # characters of the one text column: a landscape A4 line at 11 pt


def has_method(minutes: Minutes) -> bool:
    return minutes.method is not None and results_text.has_results(minutes)


def method_sheet(book: Workbook, minutes: Minutes) -> None:
    method = minutes.method
    if method is None or not has_method(minutes):
        return
    sheet = book.create_sheet(t("method.title")[: s.SHEET_NAME_MAX])
    sheet.column_dimensions["A"].width = WIDTH
    widths = {1: float(WIDTH)}
    row = 1
    s.wrapped_text_row(sheet, row, minutes.meeting.title, 1, 1, widths, size=14, bold=True,
                       horizontal="center")  # fmt: skip
    row += 1
    s.wrapped_text_row(sheet, row, t("method.title"), 1, 1, widths, size=12, bold=True,
                       horizontal="center")  # fmt: skip
    for n, line in enumerate(method.rules, start=1):
        row += 1
        s.wrapped_text_row(sheet, row, f"{n}. {line}", 1, 1, widths)
    if method.example:
        row += 2
        s.wrapped_text_row(sheet, row, t("method.example_title"), 1, 1, widths, bold=True)
        for line in method.example:
            row += 1
            s.wrapped_text_row(sheet, row, line, 1, 1, widths)
    s.print_setup(sheet, minutes.sha256)
    sheet.page_setup.fitToHeight = 1  # the method and its example on one page
    sheet.print_area = f"A1:A{row}"
