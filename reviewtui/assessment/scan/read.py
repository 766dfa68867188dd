"""One page read: its serial, and each unit's row with the grade marked in it.

The grid is found in the straightened sheet itself (Word and LibreOffice set rows and columns a
little differently), as long lines of ink. In a grade cell the printed box is the same on every
cell, so it is learnt from the page and set aside (`ink`); what ink is left is the rater's. A
cell is blank, marked, or doubtful: a faint trace, two marks for one item, a mark between two
boxes, a heavy scribble (a crossed-out mark) are never guessed, and a written number or opinion
is left for a person to type.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import cv2
import numpy as np

from reviewtui.assessment import form_code as fc
from reviewtui.assessment.forms import Form
from reviewtui.assessment.scan import ink, locate
from reviewtui.assessment.scan.locate import SCALE

GRID = 215  # a grid line's grey level, at most
WRITTEN = 0.5  # mm² of pen ink in a number's or an opinion's cell: something written
OPINION = "opinion"  # the `item` of a doubtful opinion cell


@dataclass(frozen=True)
class Doubt:
    unit: str
    item: str  # an item's name, or OPINION
    why: str  # faint | smudge | two | between | crossed | number | opinion | grid
    confidence: float


@dataclass
class Reading:
    serial: str | None = None
    key: str | None = None  # the meeting key of the code, as printed
    problem: str = ""  # why the page is no form: corners | code
    values: dict[tuple[str, str], str] = field(default_factory=dict)  # clear marks
    confidence: dict[tuple[str, str], float] = field(default_factory=dict)  # every cell read
    doubts: list[Doubt] = field(default_factory=list)
    picture: bytes = b""  # PNG of the doubtful rows (with the header row)


def read_page(image: np.ndarray, form: Form, *, opinions: bool) -> Reading:
    flat = locate.flatten(image)
    corners = locate.find_corners(flat)
    if corners is None:
        return Reading(problem="corners")
    for quad in locate.orientations(corners):
        text = _code(flat, quad)
        if text is None:
            continue
        payload = fc.parse(text)
        if payload is None:
            return Reading(problem="code")
        reading = Reading(serial=payload.serial, key=payload.key)
        _read_grid(locate.straighten(flat, quad), form, opinions, reading)
        return reading
    return Reading(problem="code")


def _code(flat: np.ndarray, quad: np.ndarray) -> str | None:
    margin = 4.0
    detector = cv2.QRCodeDetector()
    for scale in (10.0, 7.0):
        crop = locate.region(
            flat, quad, fc.CODE_X - margin, fc.CODE_Y - margin,
            fc.CODE_SIZE + 2 * margin, fc.CODE_SIZE + 2 * margin, scale,
        )  # fmt: skip
        for candidate in (
            crop,
            cv2.threshold(crop, 0, 255, cv2.THRESH_BINARY | cv2.THRESH_OTSU)[1],
        ):
            text, _, _ = detector.detectAndDecode(candidate)
            if text:
                return str(text)
    return None


# ------------------------------------------------------------------------------------------------
# The grid


def _lines(profile: np.ndarray, threshold: float) -> list[int]:
    """Centres of the runs of `profile` above `threshold`."""
    above = np.flatnonzero(profile >= threshold)
    if above.size == 0:
        return []
    runs = np.split(above, np.flatnonzero(np.diff(above) > 2) + 1)
    return [int(run.mean()) for run in runs]


def find_grid(sheet: np.ndarray, rows: int, columns: int) -> tuple[list[int], list[int]] | None:
    """The y of the table's horizontal lines and the x of its vertical ones, in sheet pixels;
    None unless there are `rows` + 1 and `columns` + 1 of them."""
    # Grid lines are thin (0.1 mm): after blur and resampling they are grey, not black.
    dark = cv2.dilate((sheet < GRID).astype(np.uint8), np.ones((3, 3), np.uint8))
    top, bottom = int(30 * SCALE), int((fc.PAGE_H - 25) * SCALE)
    left, right = int(15 * SCALE), int((fc.PAGE_W - 15) * SCALE)
    dark[:top] = 0
    dark[bottom:] = 0
    dark[:, :left] = 0
    dark[:, right:] = 0
    horizontal = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((1, int(25 * SCALE)), np.uint8))
    # A line a pixel or two askew (a photo's sheet is not quite flat) still makes one peak.
    horizontal = cv2.dilate(horizontal, np.ones((5, 1), np.uint8))
    profile = horizontal.sum(axis=1).astype(np.float32)
    if profile.max() <= 0:
        return None
    ys = _lines(profile, 0.6 * float(profile.max()))
    if len(ys) != rows + 1:
        return None
    vertical = cv2.morphologyEx(dark, cv2.MORPH_OPEN, np.ones((int(4 * SCALE), 1), np.uint8))
    vertical = cv2.dilate(vertical, np.ones((1, 7), np.uint8))
    profile = vertical[ys[0] : ys[-1]].sum(axis=0).astype(np.float32)
    xs = _lines(profile, 0.7 * (ys[-1] - ys[0]))
    if len(xs) != columns + 1:
        return None
    return ys, xs


def _columns(form: Form, opinions: bool) -> list[tuple[str, str | None]]:
    """What each column holds after 序号 and 单位: (item, grade), (item, None) for a number,
    (OPINION, None)."""
    columns: list[tuple[str, str | None]] = []
    for item in form.items:
        if item.max is None:
            columns += [(item.name, g.grade) for g in form.scale]
        else:
            columns.append((item.name, None))
    if opinions:
        columns.append((OPINION, None))
    return columns


# ------------------------------------------------------------------------------------------------
# The cells


def _cell(sheet: np.ndarray, ys: list[int], xs: list[int], row: int, column: int) -> np.ndarray:
    inset = int(1.2 * SCALE)  # clear of a grid line a pixel or two askew
    y0, y1 = ys[row] + inset, ys[row + 1] - inset
    x0, x1 = xs[column] + inset, xs[column + 1] - inset
    return sheet[y0:y1, x0:x1]


def grade_ink(
    sheet: np.ndarray, ys: list[int], xs: list[int], rows: int, graded: list[int]
) -> dict[tuple[int, int], tuple[ink.Ink, float]]:
    """The ink of every grade cell against the page's blank cell, (row, column) -> (Ink, the
    peak a blank cell of this page reaches)."""
    places = [(r, c) for r in range(rows) for c in graded]
    if not places:
        return {}
    blank, aligned = ink.blank_cell([_cell(sheet, ys, xs, r + 1, c + 2) for r, c in places])
    inks = [ink.measure(ink.darkness(cell, blank)) for cell in aligned]
    noise = float(np.percentile([i.peak for i in inks], ink.QUIET))  # of the blank cells
    return {place: (i, noise) for place, i in zip(places, inks, strict=True)}


def _read_grid(sheet: np.ndarray, form: Form, opinions: bool, reading: Reading) -> None:
    columns = _columns(form, opinions)
    grid = find_grid(sheet, len(form.units) + 1, len(columns) + 2)
    if grid is None:
        reading.doubts = [
            Doubt(unit, item.name, "grid", 0.0) for unit in form.units for item in form.items
        ]
        reading.picture = _picture(sheet, None, range(len(form.units)))
        return
    ys, xs = grid
    graded = [c for c, (_, grade) in enumerate(columns) if grade is not None]
    inks = grade_ink(sheet, ys, xs, len(form.units), graded)
    doubtful_rows: set[int] = set()
    for r, unit in enumerate(form.units):
        found: dict[str, list[tuple[str, float]]] = {}  # item -> marked grades
        doubts: dict[str, Doubt] = {}
        for c, (item, grade) in enumerate(columns):
            if grade is None:
                written = ink.measure(ink.darkness(_cell(sheet, ys, xs, r + 1, c + 2), None))
                if written.dark >= WRITTEN:
                    why = "opinion" if item == OPINION else "number"
                    doubts.setdefault(item, Doubt(unit, item, why, 0.0))
                continue
            found.setdefault(item, [])
            why, confidence = ink.judge(*inks[(r, c)])
            if why == "mark":
                found[item].append((grade, confidence))
            elif why != "blank":
                doubts.setdefault(item, Doubt(unit, item, why, confidence))
        for item, marks in found.items():
            if item in doubts:
                continue
            if len(marks) > 1:
                doubts[item] = Doubt(unit, item, "two", 0.0)
            elif marks:
                reading.values[(unit, item)] = marks[0][0]
                reading.confidence[(unit, item)] = marks[0][1]
            else:
                reading.confidence[(unit, item)] = 1.0
        if doubts:
            reading.doubts += doubts.values()
            doubtful_rows.add(r)
    if doubtful_rows:
        reading.picture = _picture(sheet, grid, sorted(doubtful_rows))


def _picture(sheet: np.ndarray, grid: tuple[list[int], list[int]] | None, rows: object) -> bytes:
    """The header row and the doubtful rows, full width, as a PNG (the whole table when the
    grid could not be read)."""
    if grid is None:
        top, bottom = int(35 * SCALE), int((fc.PAGE_H - 30) * SCALE)
        part = sheet[top:bottom, int(20 * SCALE) : int((fc.PAGE_W - 20) * SCALE)]
    else:
        ys, xs = grid
        pad = int(0.5 * SCALE)
        strips = [sheet[max(0, ys[0] - pad) : ys[1] + pad, xs[0] - pad : xs[-1] + pad]]
        for r in rows:  # type: ignore[attr-defined]
            strips.append(sheet[ys[r + 1] - pad : ys[r + 2] + pad, xs[0] - pad : xs[-1] + pad])
        width = min(s.shape[1] for s in strips)
        part = np.vstack([s[:, :width] for s in strips])
    ok, data = cv2.imencode(".png", part, [cv2.IMWRITE_PNG_COMPRESSION, 3])
    return bytes(data) if ok else b""
