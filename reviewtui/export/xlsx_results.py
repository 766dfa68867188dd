"""The workbook's first sheet, 测评结果: the results as staff print, sign and file them.

    row 1      the meeting's title
    row 2      "测评结果" and the date (and "初步结果" while the results are provisional)
    row 3      the ranking's header (frozen, and repeated on every printed page)
    rows 4…    one row per unit, in rank order
    then       the forms per rater group: issued, returned, valid, invalid
    then       the notes (provisional results, groups short of forms, the veto) in words
       (and where the 计分办法 is: the next sheet, `xlsx_method`)
    then       the check code (校验码) and what it covers
    last       the 计票人 / 监票人 / 负责人 signature line

The ranking's columns are the glossary's, in its order (as on screen), 日常考核 only when a unit
has one. Scores are numbers stored as the figure every other output shows (round half up to 2
decimals: 89.845 is the cell value 89.85), so a sum or a sort in the spreadsheet reads what the
minutes read; rates likewise, as percentages to 1 decimal. Notes, title and signature line are
merged across the table and set no column's width. Printed: landscape A4, figures and signature
line on one page (the sheet to sign is one sheet); a meeting of more than ONE_PAGE_UNITS units
prints one page wide over several pages, each with the signature line in its footer.
"""

from __future__ import annotations

from openpyxl.styles import Alignment
from openpyxl.workbook import Workbook
from openpyxl.worksheet.worksheet import Worksheet

from reviewtui.export import common as c
from reviewtui.export import results_text
from reviewtui.export import xlsx_style as s
from reviewtui.export.xlsx_charts import check_code_row
from reviewtui.export.xlsx_method import has_method
from reviewtui.i18n import t
from reviewtui.minutes import Minutes
from reviewtui.present import glossary
from reviewtui.present.glossary import Column

HEAD = 3  # the ranking's header row
ONE_PAGE_UNITS = 40  # more units than this would print too small on one page
CENTRED = {"rank", "level", "votes", "category_rank"}


def columns(minutes: Minutes) -> tuple[Column, ...]:
    """The ranking's columns; 日常考核 only when some unit has a day-to-day score."""
    has_daily = any(u.daily is not None for u in minutes.results.units)
    found = tuple(col for col in glossary.RANKING if has_daily or col is not glossary.DAILY)
    return glossary.with_categories(found, minutes.results)


def results_sheet(book: Workbook, minutes: Minutes) -> Worksheet:
    sheet: Worksheet = book.create_sheet(t("export.sheet.results")[: s.SHEET_NAME_MAX])
    cols = columns(minutes)
    width = len(cols)
    for n, col in enumerate(cols, start=1):
        s.put(sheet.cell(HEAD, n), col.label)
    s.header_row(sheet, HEAD, 1, width)
    for u in glossary.ordered(minutes.results):
        s.append(sheet, glossary.values(u, cols))
    last = HEAD + len(minutes.results.units)
    formats = {"score": s.SCORE, "rate": s.RATE}
    s.number_formats(
        sheet,
        {n: formats[col.kind] for n, col in enumerate(cols, 1) if col.kind in formats},
        min_row=HEAD + 1,
    )
    for n, col in enumerate(cols, start=1):
        if col.id in CENTRED:
            for row in range(HEAD + 1, last + 1):
                sheet.cell(row, n).alignment = Alignment(horizontal="center")
    s.borders(sheet, HEAD, last, 1, width)
    forms_first = last + 2
    forms_last = _forms(sheet, minutes, forms_first)
    widths = s.fit_widths(sheet, header_rows=(HEAD, forms_first))

    title = minutes.meeting.title
    s.wrapped_text_row(sheet, 1, title, 1, width, widths, size=16, bold=True, horizontal="center")
    subtitle = t("export.results.subtitle", date=c.long_date(minutes.meeting.date))
    if minutes.results.provisional:
        subtitle += t("export.results.provisional_tag")
    s.wrapped_text_row(sheet, 2, subtitle, 1, width, widths, size=12, horizontal="center")
    row = forms_last + 1
    notes = results_text.ranking_notes(minutes)
    if not results_text.has_results(minutes):
        notes.insert(0, t("minutes.no_results"))
    notes += _ballot_notes(minutes)
    notes += _method_note(minutes)
    for note in notes:
        row += 1
        s.wrapped_text_row(sheet, row, note, 1, width, widths, size=10)
    row = check_code_row(sheet, row, minutes, width, widths)
    row += 2
    signatures = t("export.results.signatures")
    s.wrapped_text_row(sheet, row, signatures, 1, width, widths, size=12, min_height=48)
    sheet.cell(row, 1).alignment = Alignment(horizontal="left", vertical="bottom", wrap_text=True)

    sheet.freeze_panes = sheet.cell(HEAD + 1, 1)
    s.print_setup(sheet, minutes.sha256)
    if len(minutes.results.units) <= ONE_PAGE_UNITS:
        sheet.page_setup.fitToHeight = 1  # figures and signatures on the one sheet signed
    else:
        sheet.print_title_rows = f"{HEAD}:{HEAD}"
        footer = sheet.oddFooter.center
        footer.text = f"{' '.join(signatures.splitlines())}\n{footer.text}"
    sheet.print_area = f"A1:{sheet.cell(row, width).coordinate}"
    return sheet


def _method_note(minutes: Minutes) -> list[str]:
    """Where the 计分办法 is: the sheet of its own after this one (`xlsx_method`)."""
    return [t("method.see_sheet", sheet=t("method.title"))] if has_method(minutes) else []


def _forms(sheet: Worksheet, minutes: Minutes, first: int) -> int:
    """The forms per rater group, from column B (the unit names' column: no narrow rank
    column is widened by a group's name). Returns the table's last row."""
    r = minutes.results
    unconfirmed = _unconfirmed_by_group(minutes)
    with_unconfirmed = bool(r.unconfirmed)
    header = [
        t("minutes.group"),
        t("minutes.issued"),
        t("minutes.returned"),
        t("minutes.valid"),
        t("minutes.invalid"),
    ]
    if with_unconfirmed:
        header.append(t("export.results.unconfirmed"))
    row = first
    for n, text in enumerate(header, start=2):
        s.put(sheet.cell(row, n), text)
    s.header_row(sheet, row, 2, 1 + len(header))
    issued_known = all(g.issued is not None for g in r.groups)
    for g in r.groups:
        row += 1
        skipped = unconfirmed.get(g.name, 0)
        values: list[object] = [
            g.name,
            g.issued,
            g.returned,
            g.valid,
            g.returned - g.valid - skipped,
        ]
        if with_unconfirmed:
            values.append(skipped)
        _write(sheet, row, values)
    row += 1
    total_issued = sum(g.issued or 0 for g in r.groups) if issued_known and r.groups else None
    totals: list[object] = [t("export.results.total"), total_issued, r.entered, r.valid, r.invalid]
    if with_unconfirmed:
        totals.append(len(r.unconfirmed))
    _write(sheet, row, totals)
    for n in range(2, 2 + len(header)):
        sheet.cell(row, n).font = s.HEAD_FONT
    s.borders(sheet, first, row, 2, 1 + len(header))
    return row


def _write(sheet: Worksheet, row: int, values: list[object]) -> None:
    for n, value in enumerate(values, start=2):
        if value is not None:
            s.put(sheet.cell(row, n), value)
            if n > 2:
                sheet.cell(row, n).alignment = Alignment(horizontal="center")


def _unconfirmed_by_group(minutes: Minutes) -> dict[str, int]:
    """Per group, the papers whose two entries did not agree (double entry): not counted."""
    first: dict[str, tuple[int, str]] = {}  # code -> (entry, group): a paper's group, once
    for b in minutes.ballots:
        if b.status == "unconfirmed" and (b.code not in first or b.entry < first[b.code][0]):
            first[b.code] = (b.entry, b.group)
    out: dict[str, int] = {}
    for _, group in first.values():
        out[group] = out.get(group, 0) + 1
    return out


def _ballot_notes(minutes: Minutes) -> list[str]:
    """The ids of invalid and unconfirmed forms, so the signed sheet names them."""
    return results_text.ballot_summary(minutes)[1:]
