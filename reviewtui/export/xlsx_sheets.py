"""The workbook's other sheets, one function each: the scores per rater group, the ballots (an
internal copy, only on request), the timings and the About sheet.
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import Any

from openpyxl.workbook import Workbook

from reviewtui import present, segment_kinds
from reviewtui.assessment.results import MIN_FORMS
from reviewtui.assessment.results import hidden_groups as hidden_in
from reviewtui.export import common as c
from reviewtui.export import xlsx_style as s
from reviewtui.i18n import t
from reviewtui.minutes import Minutes
from reviewtui.present import glossary


def hidden_groups(minutes: Minutes) -> list[str]:
    """The groups whose per-group score the workbook leaves out (anonymity)."""
    return hidden_in(minutes.results)


def groups_sheet(book: Workbook, minutes: Minutes) -> None:
    """Per unit: each rater group's votes and score, the composite, then each grade's count and
    the good-or-fair rate."""
    names = [g.name for g in minutes.meeting.groups]
    hidden = set(hidden_groups(minutes))
    header = glossary.header((glossary.RANK, glossary.UNIT))
    for name in names:
        header += [t("export.col.group_votes", group=name), t("export.col.group_score", group=name)]
    header.append(glossary.COMPOSITE.label)
    header += [glossary.grade_count_label(g) for g in minutes.grades]
    header.append(glossary.GOOD_OR_FAIR_RATE.label)
    sheet = s.sheet_with_header(book, t("export.sheet.groups"), header)
    for u in minutes.results.units:
        row: list[Any] = [u.rank, u.unit]
        for name in names:
            g = u.groups.get(name)
            score = None if g is None or name in hidden else present.score_value(g.score)
            row += [None if g is None else g.votes, score]
        row.append(glossary.COMPOSITE.value(u))
        row += [u.grade_counts.get(g, 0) for g in minutes.grades]
        row.append(glossary.GOOD_OR_FAIR_RATE.value(u))
        s.append(sheet, row)
    formats = {4 + 2 * i: s.SCORE for i in range(len(names))}
    formats[3 + 2 * len(names)] = s.SCORE
    formats[len(header)] = s.RATE
    s.number_formats(sheet, formats)
    widths = s.finish_table(sheet, minutes.sha256)
    row_number = sheet.max_row + 1
    for group in (g for g in minutes.results.groups if g.name in hidden):
        row_number += 1
        note = t("export.groups.hidden", group=group.name, returned=group.returned, min=MIN_FORMS)
        s.wrapped_text_row(sheet, row_number, note, 1, len(header), widths, size=10)


def ballots_sheet(book: Workbook, minutes: Minutes) -> None:
    """One row per ballot entry — its paper id, group, entry round (double entry only), how the
    tally counted it, then its mark for each unit (and form item). Only in `--ballots`: it is
    an internal copy, as its title and its printed header say. A ballot never names the person
    who filled it in or typed it."""
    one_item = len(minutes.form_items) == 1
    columns = [(u, i) for u in minutes.units for i in minutes.form_items]
    header = [t("export.col.ballot"), t("results.col.group")]
    if minutes.double_entry:
        header.append(t("export.col.entry"))
    header.append(t("export.col.status"))
    header += [u if one_item else f"{u} / {i}" for u, i in columns]
    sheet = s.sheet_with_header(book, t("export.sheet.ballots_internal"), header)
    for ballot in minutes.ballots:
        row: list[Any] = [ballot.code, ballot.group]
        if minutes.double_entry:
            row.append(ballot.entry)
        row.append(t(f"export.status.{ballot.status}"))
        row += [ballot.marks.get(key) for key in columns]
        s.append(sheet, row)
    s.finish_table(sheet, minutes.sha256, max_width=16)
    sheet.oddHeader.center.text = t("export.ballots.internal")
    sheet.oddHeader.center.size = 10


def wall_time(moment: datetime | None) -> datetime | None:
    """A moment as the clock on the wall read it (its own recorded offset), without a time
    zone: a spreadsheet cell has none."""
    return None if moment is None else moment.replace(tzinfo=None)


def whole(seconds: float | None) -> timedelta | None:
    """A duration as the minutes show it: whole seconds, towards zero."""
    return None if seconds is None else timedelta(seconds=int(seconds))


def timings_header() -> list[str]:
    return [
        t("export.col.pos"),
        t("export.col.item"),
        t("results.col.unit"),
        t("stats.col.phase"),
        t("stats.col.speaker"),
        t("export.col.started_at"),
        t("export.col.ended_at"),
        t("export.col.spoken"),
        t("export.col.paused"),
        t("export.col.planned_time"),
        t("export.col.over_time"),
        t("export.col.text"),
    ]


def opinions_sheet(book: Workbook, minutes: Minutes) -> None:
    """The forms' 意见建议, unit then text, never the form they came from; none: no sheet."""
    units = [item for item in minutes.items if item.kind == "unit" and item.opinions]
    if not units:
        return
    sheet = s.sheet_with_header(
        book, t("opinion.title"), [t("results.col.unit"), t("opinion.col.text")]
    )
    for item in units:
        for text in item.opinions:
            s.append(sheet, [item.unit, text])
    s.finish_table(sheet, minutes.sha256, max_width=80)


def timings_sheet(book: Workbook, minutes: Minutes) -> None:
    """Every segment: moments as date-times, durations as Excel times ([m]:ss)."""
    sheet = s.sheet_with_header(book, t("export.sheet.timings"), timings_header())
    for item, seg in minutes.timings():
        over = seg.over
        s.append(
            sheet,
            [
                item.pos,
                item.title,
                item.unit,
                segment_kinds.shown(seg.kind),
                seg.speaker or None,
                wall_time(seg.started_at),
                wall_time(seg.ended_at),
                whole(seg.seconds),
                whole(seg.paused_seconds),
                whole(seg.planned),
                whole(over) if over is not None and over >= 1 else None,
                seg.text or None,
            ],
        )
    s.number_formats(sheet, {6: s.MOMENT, 7: s.MOMENT, **dict.fromkeys(range(8, 12), s.DURATION)})
    s.finish_table(sheet, minutes.sha256)


def about_sheet(book: Workbook, minutes: Minutes) -> None:
    sheet = book.create_sheet(t("export.sheet.about")[: s.SHEET_NAME_MAX])
    m = minutes.meeting
    rows = [
        (t("export.about.meeting"), m.title),
        (t("minutes.date"), m.date),
        (t("minutes.venue"), m.venue or ""),
        (t("minutes.chair"), m.chair or ""),
        (t("export.about.database"), minutes.source),
        (t("export.about.as_of"), c.moment_in_words(minutes.as_of.astimezone())),
        ("SHA-256", minutes.sha256),
    ]
    for label, value in rows:
        row = s.append(sheet, [label, value])
        sheet.cell(row, 1).font = s.HEAD_FONT
    s.borders(sheet, 1, sheet.max_row, 1, 2)
    s.fit_widths(sheet, header_rows=(), max_width=70)
    s.print_setup(sheet, minutes.sha256, footer_sha=False)
