"""Scans made from the printed forms themselves, for bench_scan.py and the scan tests' fixtures:
the forms rendered (docx -> PDF by LibreOffice -> images by pypdfium2), marks drawn in their
boxes with a pen-like stroke, then a scanner's or a phone's damage."""

from __future__ import annotations

import itertools
import random
import shutil
import subprocess
import tempfile
from dataclasses import dataclass
from pathlib import Path

import cv2
import numpy as np

from reviewtui.assessment.forms import Form
from reviewtui.assessment.scan import locate, read
from reviewtui.plan import Plan

DPI = 200
PX = DPI / 25.4  # pixels per mm of a clean page


def render_forms(plan: Plan, work: Path) -> list[np.ndarray]:
    """The printed forms as clean grey pages at DPI (LibreOffice needed)."""
    import pypdfium2

    from reviewtui.prepare.printing import forms

    if shutil.which("soffice") is None:
        raise SystemExit("LibreOffice (soffice) is needed to render the forms")
    docx = work / "forms.docx"
    forms(plan).save(docx)
    profile = Path(tempfile.mkdtemp(prefix="lo-", dir=work))
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(work), str(docx)],
        check=True, capture_output=True, timeout=600,
    )  # fmt: skip
    document = pypdfium2.PdfDocument(work / "forms.pdf")
    pages = []
    for page in document:
        image = page.render(scale=DPI / 72, grayscale=True).to_numpy()
        pages.append(np.ascontiguousarray(image if image.ndim == 2 else image[..., 0]))
    return pages


@dataclass
class Cells:
    """Where the boxes are on a clean page, mm: rows' y (top, bottom), columns' x."""

    ys: list[float]
    xs: list[float]


def cells_of(page: np.ndarray, plan: Plan) -> Cells:
    form = Form.of(plan)
    flat = locate.flatten(page)
    corners = locate.find_corners(flat)
    assert corners is not None
    sheet = locate.straighten(flat, locate.orientations(corners)[0])
    columns = read._columns(form, bool(plan.assessment.opinions))
    grid = read.find_grid(sheet, len(form.units) + 1, len(columns) + 2)
    assert grid is not None
    ys, xs = grid
    return Cells([y / locate.SCALE for y in ys], [x / locate.SCALE for x in xs])


def _pts(
    points: list[tuple[float, float]],
    cx: float,
    cy: float,
    size: float,
    shake: float,
    rng: random.Random,
) -> np.ndarray:
    out = []
    for x, y in points:
        out.append(
            (
                (cx + x * size + rng.uniform(-shake, shake)) * PX,
                (cy + y * size + rng.uniform(-shake, shake)) * PX,
            )
        )
    return np.array(out, np.int32)


def _stroke(img: np.ndarray, pts: np.ndarray, width: float, ink: int) -> None:
    cv2.polylines(img, [pts], False, ink, max(1, round(width * PX)), cv2.LINE_AA)


def _dense(points: list[tuple[float, float]], steps: int = 6) -> list[tuple[float, float]]:
    out = []
    for (x0, y0), (x1, y1) in itertools.pairwise(points):
        for k in range(steps):
            out.append((x0 + (x1 - x0) * k / steps, y0 + (y1 - y0) * k / steps))
    out.append(points[-1])
    return out


STYLES = ("tick", "cross", "filled", "circle", "tick_out")
DOUBTS = ("two", "between", "crossed", "faint")


def draw(
    img: np.ndarray,
    style: str,
    cx: float,
    cy: float,
    rng: random.Random,
    *,
    width: float | None = None,
    cell_w: float = 14,
) -> None:
    """A mark of `style` centred near (cx, cy) mm, with a pen of `width` mm."""
    width = width if width is not None else rng.choice((0.25, 0.35, 0.5, 0.7))
    size = rng.uniform(0.85, 1.3)
    shake = rng.uniform(0.0, 0.25)
    ink = rng.randint(0, 60)
    if style in ("tick", "tick_out"):
        if style == "tick_out":
            cx += rng.choice((-1, 1)) * rng.uniform(1.0, 2.0)
            cy -= rng.uniform(0.5, 1.5)
        _stroke(
            img,
            _pts(_dense([(-2.0, -0.2), (-0.6, 1.6), (2.4, -2.6)]), cx, cy, size, shake, rng),
            width,
            ink,
        )
    elif style == "cross":
        _stroke(img, _pts(_dense([(-1.9, -1.9), (1.9, 1.9)]), cx, cy, size, shake, rng), width, ink)
        _stroke(img, _pts(_dense([(1.9, -1.9), (-1.9, 1.9)]), cx, cy, size, shake, rng), width, ink)
    elif style == "filled":
        for k in range(9):
            y = -1.6 + k * 0.4
            _stroke(img, _pts([(-1.7, y), (1.7, y + 0.2)], cx, cy, 1.0, shake / 2, rng), 0.5, ink)
    elif style == "circle":
        r = 3.0 * size
        pts = [
            (r * np.cos(a) / size, r * 0.8 * np.sin(a) / size)
            for a in np.linspace(0.3, 2 * np.pi + 0.6, 40)
        ]
        _stroke(img, _pts(pts, cx, cy, size, shake, rng), width, ink)
    elif style == "crossed":  # a mark scribbled out
        draw(img, "tick", cx, cy, rng, width=0.5)
        for k in range(10):
            y = -3.0 + k * 0.6
            _stroke(
                img,
                _pts([(-4.5, y), (4.5, y + 0.8), (-4.5, y + 0.4)], cx, cy, 1.0, 0.2, rng),
                0.6,
                ink,
            )
    elif style == "faint":
        _stroke(
            img,
            _pts(_dense([(-2.0, -0.2), (-0.6, 1.6), (2.4, -2.6)]), cx, cy, size, shake, rng),
            0.3,
            185,
        )


def scanner(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """A copier's damage: 150/200/300 dpi, a tilt up to 3°, a shift, noise, blur, JPEG."""
    dpi = rng.choice((150, 200, 300))
    factor = dpi / DPI
    out = cv2.resize(
        img,
        None,
        fx=factor,
        fy=factor,
        interpolation=cv2.INTER_AREA if factor < 1 else cv2.INTER_CUBIC,
    )
    h, w = out.shape
    angle = rng.uniform(-3, 3)
    m = cv2.getRotationMatrix2D((w / 2, h / 2), angle, 1.0)
    m[0, 2] += rng.uniform(-4, 4) * dpi / 25.4
    m[1, 2] += rng.uniform(-4, 4) * dpi / 25.4
    out = cv2.warpAffine(out, m, (w, h), borderValue=255)
    return _noise(out, rng)


def phone(img: np.ndarray, rng: random.Random) -> np.ndarray:
    """A phone's photo: in perspective, turned up to 10°, on a grey desk, shaded."""
    h, w = img.shape
    canvas_w, canvas_h = int(w * 1.15), int(h * 1.12)
    src = np.float32([[0, 0], [w, 0], [w, h], [0, h]])
    j = lambda: rng.uniform(-0.04, 0.04)  # noqa: E731
    dst = np.float32(
        [
            [(0.06 + j()) * canvas_w, (0.05 + j()) * canvas_h],
            [(0.94 + j()) * canvas_w, (0.05 + j()) * canvas_h],
            [(0.94 + j()) * canvas_w, (0.95 + j()) * canvas_h],
            [(0.06 + j()) * canvas_w, (0.95 + j()) * canvas_h],
        ]
    )
    angle = np.deg2rad(rng.uniform(-10, 10))
    centre = dst.mean(axis=0)
    rot = np.array([[np.cos(angle), -np.sin(angle)], [np.sin(angle), np.cos(angle)]], np.float32)
    dst = (dst - centre) @ rot.T + centre
    m = cv2.getPerspectiveTransform(src, dst.astype(np.float32))
    out = cv2.warpPerspective(img, m, (canvas_w, canvas_h), borderValue=150)
    yy, xx = np.mgrid[0:canvas_h, 0:canvas_w].astype(np.float32)
    gx, gy = rng.uniform(-1, 1), rng.uniform(-1, 1)
    shade = 0.78 + 0.22 * ((gx * (xx / canvas_w - 0.5) + gy * (yy / canvas_h - 0.5)) + 0.5)
    out = np.clip(out.astype(np.float32) * np.clip(shade, 0.5, 1.0), 0, 255).astype(np.uint8)
    factor = 2000 / max(out.shape)
    out = cv2.resize(out, None, fx=factor, fy=factor, interpolation=cv2.INTER_AREA)
    return _noise(out, rng)


def _noise(out: np.ndarray, rng: random.Random) -> np.ndarray:
    sigma = rng.uniform(0.3, 0.9)
    out = cv2.GaussianBlur(out, (0, 0), sigma)
    noise = np.random.default_rng(rng.randint(0, 1 << 30)).normal(0, rng.uniform(2, 7), out.shape)
    out = np.clip(out.astype(np.float32) + noise, 0, 255).astype(np.uint8)
    _ok, data = cv2.imencode(".jpg", out, [cv2.IMWRITE_JPEG_QUALITY, rng.randint(60, 90)])
    return cv2.imdecode(data, cv2.IMREAD_GRAYSCALE)
