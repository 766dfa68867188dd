"""The projector's block font: 5x7 pixels per digit (seven-segment style: clean at any scale),
drawn with half blocks so one terminal row holds two pixel rows (a cell is about twice as tall as
wide). Pure functions over strings, no Textual: the projector's view model sizes its digits with
`countdown_template`, and the screen draws them with `big_lines`.
"""

from __future__ import annotations

import math
from functools import lru_cache

from reviewtui import clock

FONT_HEIGHT = 7
GAP = 1  # pixels between glyphs
FONT: dict[str, tuple[str, ...]] = {
    "0": ("#####", "#...#", "#...#", "#...#", "#...#", "#...#", "#####"),
    "1": ("....#", "....#", "....#", "....#", "....#", "....#", "....#"),
    "2": ("#####", "....#", "....#", "#####", "#....", "#....", "#####"),
    "3": ("#####", "....#", "....#", "#####", "....#", "....#", "#####"),
    "4": ("#...#", "#...#", "#...#", "#####", "....#", "....#", "....#"),
    "5": ("#####", "#....", "#....", "#####", "....#", "....#", "#####"),
    "6": ("#####", "#....", "#....", "#####", "#...#", "#...#", "#####"),
    "7": ("#####", "....#", "....#", "....#", "....#", "....#", "....#"),
    "8": ("#####", "#...#", "#...#", "#####", "#...#", "#...#", "#####"),
    "9": ("#####", "#...#", "#...#", "#####", "....#", "....#", "#####"),
    ":": (".", ".", "#", ".", "#", ".", "."),
    "-": ("...", "...", "...", "###", "...", "...", "..."),
}
_HALF = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def pixel_width(text: str) -> int:
    """Width of `text` in font pixels (0 if the font cannot draw it)."""
    if not text or any(ch not in FONT for ch in text):
        return 0
    return sum(len(FONT[ch][0]) for ch in text) + GAP * (len(text) - 1)


def choose_scale(pixels: int, width: int, height: int) -> tuple[int, int] | None:
    """The largest (columns, half-rows) per pixel that fits `pixels` wide in width x height.

    Pixels stay roughly square (a half row is about as tall as a column is wide): the vertical
    scale is kept between 3/4 and 3/2 of the horizontal one. None if even 1x1 does not fit.
    """
    if pixels <= 0 or width <= 0 or height <= 0:
        return None
    fit_y = (2 * height) // FONT_HEIGHT
    for sx in range(width // pixels, 0, -1):
        low = max(1, math.ceil(sx * 3 / 4))
        high = max(low, sx * 3 // 2)
        if fit_y >= low:
            return sx, min(fit_y, high)
    return None


@lru_cache(maxsize=64)
def glyph_rows(ch: str, sx: int, sy: int) -> tuple[str, ...]:
    """One glyph in half blocks, each pixel `sx` columns wide and `sy` half-rows tall."""
    rows = ["".join(px * sx for px in row) for row in FONT[ch] for _ in range(sy)]
    if len(rows) % 2:
        rows.append("." * len(rows[0]))
    return tuple(
        "".join(_HALF[a == "#", b == "#"] for a, b in zip(top, bottom, strict=True))
        for top, bottom in zip(rows[0::2], rows[1::2], strict=True)
    )


def big_lines(text: str, sx: int, sy: int) -> list[str]:
    """`text` in the block font, each pixel `sx` columns wide and `sy` half-rows tall."""
    gap = " " * (GAP * sx)
    glyphs = [glyph_rows(ch, sx, sy) for ch in text]
    return [gap.join(glyph[r] for glyph in glyphs) for r in range(len(glyphs[0]))]


def countdown_template(planned: float) -> str:
    """The widest text a countdown of `planned` seconds shows in its first ten minutes over:
    sizing the digits for it keeps them from jumping when the time runs out."""
    start = clock.format_countdown(planned)
    return max(start, "-0:00", key=pixel_width)
