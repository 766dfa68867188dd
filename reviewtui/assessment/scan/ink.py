"""The rater's ink in a grade cell, measured against the page's own blank cell.

Every grade cell has the same printed box, so the page itself says what a blank cell looks like:
each cell is first aligned on the others (a photo's sheet is not quite flat, and a box a pixel or
two off leaves a false trace of ink all round it), then the median of the aligned cells (at least
half are blank: one mark a row, two grades or more) is the blank cell, and what is darker than
it is ink. How dark a blank cell's leftovers get (noise, JPEG, shading) is measured on the page
too, so a faint trace is told from the page's own noise and not from a fixed grey level.
"""

from __future__ import annotations

from dataclasses import dataclass

import cv2
import numpy as np

from reviewtui.assessment.scan.locate import SCALE

# The page's noise: the 40th percentile of the grade cells' peaks, a blank cell's even on a
# two-grade form where half the cells hold a mark (their median would be half a mark's).
QUIET = 40
SEARCH = 4  # px each way a cell's box may sit off where the grid puts it
STRONG = 80  # darker than the blank cell by this much: pen ink, not noise or a faint trace
SPECK = 6  # px: dots smaller than this are noise or JPEG ringing

# mm² of pen ink (darker than the blank cell by STRONG): a 0.25 mm line 4 mm long is 1 mm².
# Measured on the bench's pages (bench/bench_scan.py): a blank cell has at most 0.2, the thinnest
# tick or cross in its box 2.0, each half of a mark between two boxes at most 1.4, a filled box
# 18, a crossed-out scribble 42.
MARK = 1.5  # from this: a mark (less, yet pen-dark: the edge of a mark between two boxes)
SCRIBBLE = 28.0  # more than this: a crossed-out or scribbled cell
# Grey levels over the page's noise (the peak a blank cell of this page reaches): a blank cell is
# at most 16 over it, a faint trace (a pencil, a dry pen) 25 or more, pen ink 80 or more.
TRACE = 20.0  # over the noise by this much: something was written
PEN = 60.0  # over the noise by this much: pen ink


@dataclass(frozen=True)
class Ink:
    dark: float  # mm² of pen ink (strong darkness), specks set aside
    core: float  # of which near the box (the cell's middle)
    peak: float  # the darkest point, blurred a little (grey levels over the blank cell)


def blank_cell(cells: list[np.ndarray]) -> tuple[np.ndarray, list[np.ndarray]]:
    """The page's blank grade cell, and every cell cut to it where its box matches best."""
    height = min(c.shape[0] for c in cells) - 2 * SEARCH
    width = min(c.shape[1] for c in cells) - 2 * SEARCH
    rough = np.median(np.stack([_fit(c, height, width) for c in cells]), axis=0)
    pattern = (255 - rough).astype(np.float32)
    aligned = []
    for cell in cells:
        around = _fit(cell, height + 2 * SEARCH, width + 2 * SEARCH)
        score = cv2.matchTemplate((255 - around).astype(np.float32), pattern, cv2.TM_CCORR)
        _, _, _, (dx, dy) = cv2.minMaxLoc(score)
        aligned.append(around[dy : dy + height, dx : dx + width])
    blank = np.median(np.stack(aligned), axis=0).astype(np.uint8)
    # Its darkest within a pixel: a box a fraction of a pixel off leaves no trace.
    return cv2.erode(blank, np.ones((3, 3), np.uint8)), aligned


def _fit(cell: np.ndarray, height: int, width: int) -> np.ndarray:
    """The middle `height` × `width` of a cell."""
    top = (cell.shape[0] - height) // 2
    left = (cell.shape[1] - width) // 2
    return cell[top : top + height, left : left + width]


def darkness(cell: np.ndarray, blank: np.ndarray | None) -> np.ndarray:
    """How much darker than the blank cell (or than white paper) each pixel is, float32."""
    base = blank.astype(np.float32) if blank is not None else np.float32(255)
    return np.clip(base - cell.astype(np.float32), 0, 255)


def peak(dark: np.ndarray) -> float:
    return float(cv2.GaussianBlur(dark, (0, 0), 1.2).max())


def measure(dark: np.ndarray) -> Ink:
    """The ink of one cell's `dark`ness."""
    strong = (dark > STRONG).astype(np.uint8)
    _count, labels, stats, _ = cv2.connectedComponentsWithStats(strong, connectivity=8)
    specks = np.flatnonzero(stats[:, cv2.CC_STAT_AREA] < SPECK)
    if specks.size:
        strong[np.isin(labels, specks)] = 0
    width = dark.shape[1]
    half = int(4.5 * SCALE)
    middle = slice(max(0, width // 2 - half), width // 2 + half)
    area = SCALE * SCALE
    return Ink(
        dark=float(strong.sum()) / area, core=float(strong[:, middle].sum()) / area, peak=peak(dark)
    )


def judge(ink: Ink, noise: float) -> tuple[str, float]:
    """What one grade cell holds: "blank" | "mark" | a doubt, and a confidence."""
    above = ink.peak - noise
    if above < TRACE:
        return "blank", min(1.0, 1.0 - above / TRACE / 2)
    if above < PEN:
        return "faint", 0.3
    if ink.core < 0.6 * ink.dark:  # most of the ink at the cell's edge, towards the next box
        return "between", 0.4
    if ink.dark < MARK:
        return "faint", 0.3
    if ink.dark > SCRIBBLE:
        return "crossed", 0.3
    return "mark", min(1.0, 0.5 + (ink.dark - MARK) / (2 * MARK))
