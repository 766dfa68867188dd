"""The timings as CSV: one row per segment, UTF-8 with a BOM so Excel reads the Chinese.

The database content's SHA-256 is the last column of every row: a trailing non-data row would
break CSV readers and sorting in Excel, while a column keeps every row (and any copy of it)
traceable to the file it came from.
"""

from __future__ import annotations

import csv
import io

from reviewtui import clock
from reviewtui.export.common import ProgressFn, kind_label, tick
from reviewtui.i18n import t
from reviewtui.minutes import Minutes

BOM = "\ufeff"


def header() -> list[str]:
    return [
        t("export.col.pos"),
        t("export.col.item"),
        t("export.col.unit"),
        t("export.col.kind"),
        t("export.col.kind_label"),
        t("export.col.speaker"),
        t("export.col.started_at"),
        t("export.col.ended_at"),
        t("export.col.seconds"),
        t("export.col.paused_seconds"),
        t("export.col.planned"),
        t("export.col.over"),
        t("export.col.text"),
        t("export.col.sha256"),
    ]


def rows(minutes: Minutes) -> list[list[object]]:
    """One row per segment, shared with the timings sheet of the xlsx."""
    out: list[list[object]] = []
    for item, s in minutes.timings():
        over = s.over
        out.append(
            [
                item.pos,
                item.title,
                item.unit or "",
                s.kind,
                kind_label(s.kind),
                s.speaker,
                clock.iso(s.started_at),
                clock.iso(s.ended_at) if s.ended_at else "",
                s.seconds,
                s.paused_seconds,
                s.planned if s.planned is not None else "",
                round(over, 3) if over is not None else "",
                s.text,
                minutes.sha256,
            ]
        )
    return out


def render(minutes: Minutes, *, layout: str = "minutes", progress: ProgressFn | None = None) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, quotes where needed
    writer.writerow(header())
    writer.writerows(rows(minutes))
    tick(progress, 1, 1)
    return BOM + buffer.getvalue()
