"""A 测评表 on one sheet, always (issue 26): how tall its rows and how big its print may be.

The page's type area is 225 mm high. Title, heading and serial line take what they take; the
instructions (填表说明) wrap at the type width; the rows share the rest, at a height a pen can tick
in (at most 9 mm). When that falls under 6.5 mm the rows' text shrinks to 五号, then the
instructions do, and the rows are never under 5 mm: the sizes are fixed (exact row height), so
Word and LibreOffice cannot grow a row past the page.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from dataclasses import dataclass

from rich.cells import cell_len

TYPE_HEIGHT = 225.0  # mm
TYPE_WIDTH = 156.0
TITLE_LINE = 10.2  # one grid line (580 twips)
SAFETY = 10.0  # what the estimate may miss (font metrics differ between Word and LibreOffice)
PT = 0.3528  # mm


def line_height(points: float) -> float:
    """Single line spacing of a CJK font, mm (about 1.3 em)."""
    return points * PT * 1.3


def cells_per_line(width_mm: float, points: float) -> float:
    """Half-width cells in a line `width_mm` wide (a CJK character is two cells of half an em)."""
    return max(1.0, width_mm / (points * PT / 2))


def lines_of(text: str, width_mm: float, points: float) -> int:
    return sum(
        max(1, math.ceil(cell_len(part) / cells_per_line(width_mm, points)))
        for part in text.split("\n")
    )


# (rows, header, instructions) in points, tried in turn until the rows get 6.5 mm or more.
_STEPS = ((12.0, 12.0, 12.0), (10.5, 10.5, 12.0), (10.5, 10.5, 10.5), (9.0, 9.0, 9.0))


@dataclass(frozen=True)
class Fit:
    row_height: float  # mm, exact
    row_points: float  # the rows' text
    head_points: float  # the header row's text
    note_points: float  # the instructions


def fit(
    *,
    title: str,
    head: Sequence[str],
    widths: Sequence[float],
    units: Sequence[str],
    notes: Sequence[str],
    code_height: float = 0.0,
) -> Fit:
    """The sizes that put the whole form on one sheet. `code_height`: a picture in the serial
    line (the phone form's QR code), mm."""
    title_lines = lines_of(title, TYPE_WIDTH, 16)
    fixed = title_lines * TITLE_LINE + TITLE_LINE + max(line_height(12), code_height) + SAFETY
    best: Fit | None = None
    for row_points, head_points, note_points in _STEPS:
        head_lines = max(
            lines_of(h, w - CELL_MARGINS, head_points) for h, w in zip(head, widths, strict=True)
        )
        head_height = head_lines * line_height(head_points) + 2
        note_height = line_height(note_points) * sum(
            lines_of(n, TYPE_WIDTH, note_points) for n in notes
        )
        room = TYPE_HEIGHT - fixed - head_height - note_height
        height = min(9.0, room / max(1, len(units)))
        best = Fit(round(max(5.0, height), 2), row_points, head_points, note_points)
        if height >= 6.5:
            return best
    assert best is not None
    return best


CELL_MARGINS = 5.0  # left and right cell padding, and what LibreOffice takes off a column, mm


def name_points(name: str, width: float, height: float, points: float) -> float:
    """The largest size, from `points` down, at which a unit's name fits its cell of an exact
    height (a longer name is set smaller rather than cut off)."""
    for size in (points, 10.5, 9.0, 7.5, 6.5):
        if size > points:
            continue
        lines = lines_of(name, width - CELL_MARGINS, size)
        if lines * line_height(size) + 1 <= height:
            return size
    return 6.5
