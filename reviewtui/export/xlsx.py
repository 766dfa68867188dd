"""The results as an Excel workbook (`--format xlsx`), to print, sign and hand on.

Sheets, in order, one function each:

1. 测评结果 (results, `xlsx_results`): the meeting, the ranking, the forms returned, the notes and
   the signature line; prints on landscape A4, one page wide, about 30 units a page.
   Then 计分办法 (how the scores were computed, and one unit worked through, `xlsx_method`),
   图表 (charts) and, with `[meeting] previous`, 与上年比较 (`xlsx_charts`).
2. 每组得分 (group scores): per unit, each rater group's votes and score (none for a group
   that returned fewer than 3 forms: anonymity, with a note), the composite, the grade counts.
3. 测评表明细（内部） (ballots): only with `--ballots`, an internal copy: one row per ballot entry.
4. 意见建议 (opinions): only when the forms had some: unit then text, never the form it came from.
5. 计时 (timings): every segment, moments as date-times and durations as Excel times.
6. 用时统计 (time statistics, `xlsx_time_stats`): planned against spoken per item and phase,
   overtime per kind and speaker, the schedule's drift.
7. 说明 (about): the meeting, the database file and the SHA-256 of its content.

Every sheet is landscape A4, fit to one page wide, its header repeated on every page, page
numbers and the SHA-256 in the footer, so a printout can be matched to its file.

Text a person typed or a file brought in is never a formula (`xlsx_style.put`): every text cell
is a string cell. Control characters an older database may hold are shown as `\\x01`
(`common.safe_text`), never written raw (openpyxl refuses them).
"""

from __future__ import annotations

import io
from collections.abc import Callable

from openpyxl import Workbook

from reviewtui.export import common as c
from reviewtui.export import xlsx_charts, xlsx_sheets, xlsx_style
from reviewtui.export.xlsx_method import method_sheet
from reviewtui.export.xlsx_results import results_sheet
from reviewtui.export.xlsx_time_stats import time_stats_sheet
from reviewtui.minutes import Minutes
from reviewtui.office.release import stamp_workbook

Sheet = Callable[[Workbook, Minutes], object]

SCORE = xlsx_style.SCORE
RATE = xlsx_style.RATE


def sheets(*, ballots: bool = False) -> list[Sheet]:
    """The sheet functions, in workbook order."""
    out: list[Sheet] = [results_sheet, method_sheet, *xlsx_charts.SHEETS, xlsx_sheets.groups_sheet]
    if ballots:
        out.append(xlsx_sheets.ballots_sheet)
    out += [xlsx_sheets.opinions_sheet, xlsx_sheets.timings_sheet, time_stats_sheet]
    out.append(xlsx_sheets.about_sheet)
    return out


def render(
    minutes: Minutes,
    *,
    layout: str = "minutes",
    progress: c.ProgressFn | None = None,
    ballots: bool = False,
) -> bytes:
    minutes = c.safe_text(minutes)
    book = Workbook()
    first = book.active
    if first is not None:
        book.remove(first)
    steps = sheets(ballots=ballots)
    total = len(steps) + 1
    for n, step in enumerate(steps, start=1):
        step(book, minutes)
        c.tick(progress, n, total)
    book.active = 0
    book.properties.title = minutes.meeting.title
    book.properties.description = c.sha_line(minutes)
    stamp_workbook(book)
    buffer = io.BytesIO()
    book.save(buffer)
    c.tick(progress, total, total)
    return buffer.getvalue()
