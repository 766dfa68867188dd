"""The ranking as CSV (`--format csv`), and the CSV writing every CSV export shares.

UTF-8 with a BOM so Excel reads the Chinese; RFC 4180 quoting. The columns are the glossary's,
in its order, with every figure as the other outputs show it (a score to 2 decimals rounded half
up, a rate as a percentage), then the count of each grade. The database content's SHA-256 is the
last column of every row: a trailing non-data row would break CSV readers and sorting in Excel,
while a column keeps every row (and any copy of it) traceable to the file it came from.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Sequence

from reviewtui.export.common import ProgressFn, safe_text, tick
from reviewtui.i18n import t
from reviewtui.minutes import Minutes
from reviewtui.present import glossary
from reviewtui.textsafe import inert_cell

BOM = "\ufeff"


def write_rows(header: Sequence[str], rows: Iterable[Sequence[object]]) -> str:
    """CSV text; a text cell a spreadsheet would evaluate is made text (`textsafe.inert_cell`)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)  # RFC 4180: CRLF line ends, quotes where needed
    writer.writerow([inert_cell(v) for v in header])
    writer.writerows([inert_cell(v) for v in row] for row in rows)
    return BOM + buffer.getvalue()


def header(minutes: Minutes) -> list[str]:
    return [
        *glossary.header(glossary.with_categories(glossary.RANKING_FULL, minutes.results)),
        *(glossary.grade_count_label(g) for g in minutes.grades),
        t("export.col.sha256"),
    ]


def rows(minutes: Minutes) -> list[list[object]]:
    return [
        [
            *glossary.row(u, glossary.with_categories(glossary.RANKING_FULL, minutes.results)),
            *(u.grade_counts.get(g, 0) for g in minutes.grades),
            minutes.sha256,
        ]
        for u in minutes.results.units
    ]


def render(minutes: Minutes, *, layout: str = "minutes", progress: ProgressFn | None = None) -> str:
    minutes = safe_text(minutes)
    text = write_rows(header(minutes), rows(minutes))
    tick(progress, 1, 1)
    return text
