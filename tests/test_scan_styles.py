"""Each mark style read, and read the same whichever way the page lies (SPEC 10).

The fixture (bench/scan_fixture.py) is the sample meeting's form A001 with one row per mark
style and pen: a tick (thin, thick, partly outside its box), a cross, a filled box, a circle
round the box, two blank rows, and the four doubtful rows that must be held (two marks, a mark
between boxes, a crossed-out mark, a faint trace). The turned and bent copies are made here."""

from __future__ import annotations

import sys
from pathlib import Path

import cv2
import numpy as np
import pytest

from reviewtui import i18n
from reviewtui.assessment.forms import Form
from reviewtui.assessment.scan.read import read_page
from reviewtui.plan import load

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))

from scan_fixture import ROWS  # noqa: E402

STYLES = ROOT / "tests" / "fixtures" / "scan" / "styles-A001.jpg"
DOUBTFUL = {"two": "two", "between": "between", "crossed": "crossed", "faint": "faint"}


@pytest.fixture(scope="module")
def form() -> Form:
    i18n.set_lang("zh")
    return Form.of(load(ROOT / "sessions" / "mentougou-2017.toml"))


def _page() -> np.ndarray:
    image = cv2.imread(str(STYLES), cv2.IMREAD_GRAYSCALE)
    assert image is not None
    return image


def _turned(image: np.ndarray, degrees: float) -> np.ndarray:
    h, w = image.shape
    m = cv2.getRotationMatrix2D((w / 2, h / 2), degrees, 1.0)
    return cv2.warpAffine(image, m, (w, h), borderValue=255)


def _photo(image: np.ndarray, degrees: float) -> np.ndarray:
    """In perspective (the top farther than the bottom), turned, on a grey desk, shaded."""
    h, w = image.shape
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    dst = np.float32([[0.1 * w, 0.06 * h], [0.95 * w, 0.04 * h], [w, 0.98 * h], [0.05 * w, h]])
    centre = dst.mean(axis=0)
    a = np.deg2rad(degrees)
    turn = np.array([[np.cos(a), -np.sin(a)], [np.sin(a), np.cos(a)]], np.float32)
    dst = ((dst - centre) * 0.85) @ turn.T + centre
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    out = cv2.warpPerspective(image, m, (w, h), borderValue=140).astype(np.float32)
    shade = np.linspace(0.7, 1.0, w, dtype=np.float32)[None, :]
    return np.clip(out * shade, 0, 255).astype(np.uint8)


def _check(image: np.ndarray, form: Form) -> None:
    reading = read_page(image, form, opinions=False)
    assert reading.problem == "" and reading.serial == "A001"
    item = form.items[0].name
    grades = [g.grade for g in form.scale]
    doubts = {d.unit: d.why for d in reading.doubts}
    for unit, row in zip(form.units, ROWS, strict=True):
        if row is None:  # blank: nothing read, nothing held
            assert (unit, item) not in reading.values and unit not in doubts, unit
        elif row[0] in DOUBTFUL:  # never guessed
            assert (unit, item) not in reading.values, unit
            assert doubts.get(unit) == DOUBTFUL[row[0]], (unit, doubts.get(unit))
        else:
            assert reading.values.get((unit, item)) == grades[row[1]], (unit, row)
            assert unit not in doubts, (unit, doubts.get(unit))


@pytest.mark.parametrize("style", sorted({row[0] for row in ROWS if row}))
def test_each_mark_style_read_or_held(style: str, form: Form) -> None:
    reading = read_page(_page(), form, opinions=False)
    item = form.items[0].name
    grades = [g.grade for g in form.scale]
    doubts = {d.unit: d.why for d in reading.doubts}
    rows = [(u, r) for u, r in zip(form.units, ROWS, strict=True) if r and r[0] == style]
    assert rows
    for unit, (_, g, _pen) in rows:
        if style in DOUBTFUL:
            assert doubts.get(unit) == DOUBTFUL[style] and (unit, item) not in reading.values
        else:
            assert reading.values.get((unit, item)) == grades[g] and unit not in doubts


@pytest.mark.parametrize("degrees", [-3.0, 3.0, 180.0, 183.0])
def test_a_page_turned_on_the_copier_reads_the_same(degrees: float, form: Form) -> None:
    _check(_turned(_page(), degrees), form)


@pytest.mark.parametrize("degrees", [-10.0, 10.0])
def test_a_phone_photo_in_perspective_reads_the_same(degrees: float, form: Form) -> None:
    _check(_photo(_page(), degrees), form)


def test_a_photo_that_cut_a_corner_square_off_still_reads(form: Form) -> None:
    image = _turned(_page(), 4.0)  # the bottom right square's outer corner at x = 1649
    _check(image[:, :1620].copy(), form)  # cut through that square: its inner corner left
