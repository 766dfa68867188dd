"""Makes tests/fixtures/scan/styles-A001.jpg: the sample meeting's first printed form with one
row for each mark style and pen (thin, thick, shaky, partly outside the box), two blank rows and
four doubtful ones, scanned straight at 200 dpi. tests/test_scan_styles.py turns and bends it.

Usage: scan_fixture.py [OUT]   (LibreOffice renders the form unless bench_scan.py cached it)
"""

from __future__ import annotations

import random
import sys
import tempfile
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from bench_scan import plan_for
from scan_pages import _noise, cells_of, draw, render_forms

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "tests" / "fixtures" / "scan" / "styles-A001.jpg"

# Row by row: (style, grade column 0-3, pen mm) or None for a blank row. The test reads it too.
ROWS: list[tuple[str, int, float] | None] = [
    ("tick", 0, 0.25),
    ("tick", 1, 0.7),
    ("cross", 2, 0.35),
    ("filled", 3, 0.5),
    ("circle", 0, 0.35),
    ("tick_out", 1, 0.5),
    None,
    ("cross", 3, 0.7),
    ("circle", 2, 0.25),
    None,
    ("two", 0, 0.5),
    ("between", 1, 0.5),
    ("crossed", 2, 0.5),
    ("faint", 3, 0.3),
    ("tick", 3, 0.35),
]


def main() -> None:
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else OUT
    cache = Path(tempfile.gettempdir()) / "reviewtui-bench-scan" / "clean-0.png"
    with tempfile.TemporaryDirectory(prefix="scan-fixture-") as tmp:
        plan = plan_for(Path(tmp))
        if cache.exists():
            clean = cv2.imread(str(cache), cv2.IMREAD_GRAYSCALE)
        else:
            clean = render_forms(plan, Path(tmp))[0]
        cells = cells_of(clean, plan)
    rng = random.Random(22)
    page = clean.copy()
    for r, row in enumerate(ROWS):
        if row is None:
            continue
        style, g, pen = row
        cy = (cells.ys[r + 1] + cells.ys[r + 2]) / 2
        cx = (cells.xs[2 + g] + cells.xs[3 + g]) / 2
        if style == "two":
            draw(page, "tick", cx, cy, rng, width=pen)
            draw(page, "cross", (cells.xs[3 + g] + cells.xs[4 + g]) / 2, cy, rng, width=pen)
        elif style == "between":
            draw(page, "tick", cells.xs[3 + g], cy, rng, width=pen)
        else:
            draw(page, style, cx, cy, rng, width=pen)
    cv2.imwrite(str(out), _noise(page, rng), [cv2.IMWRITE_JPEG_QUALITY, 85])
    print(out)


if __name__ == "__main__":
    main()
