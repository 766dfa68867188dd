"""The timings as CSV (`--format timings`): one row per segment, the SHA-256 as last column.

Also the timings sheet of the xlsx. Written with the ranking CSV's writer, so a text that a
spreadsheet would evaluate is written as text there too.
"""

from __future__ import annotations

from reviewtui import clock, segment_kinds
from reviewtui.export.common import ProgressFn, safe_text, tick
from reviewtui.export.csv import write_rows
from reviewtui.i18n import t
from reviewtui.minutes import Minutes


def header() -> list[str]:
    return [
        t("export.col.pos"),
        t("export.col.item"),
        t("results.col.unit"),
        t("export.col.kind"),
        t("stats.col.phase"),
        t("stats.col.speaker"),
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
                segment_kinds.shown(s.kind),
                s.speaker,
                clock.iso(s.started_at),
                clock.iso(s.ended_at) if s.ended_at else "",
                s.seconds,
                s.paused_seconds,
                s.planned if s.planned is not None else "",
                round(over, 3) if over is not None and over > 0 else "",  # only when over
                s.text,
                minutes.sha256,
            ]
        )
    return out


def render(minutes: Minutes, *, layout: str = "minutes", progress: ProgressFn | None = None) -> str:
    minutes = safe_text(minutes)
    text = write_rows(header(), rows(minutes))
    tick(progress, 1, 1)
    return text
