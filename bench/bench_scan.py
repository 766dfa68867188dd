"""How well and how fast `ballots scan` reads forms (SPEC 10).

The printed forms are rendered (LibreOffice), marked in every style with a pen-like stroke
(thin, thick, shaky, partly outside the box), some rows left blank and some doubtful on purpose
(two marks, a mark between boxes, a crossed-out mark, a faint trace), then damaged like a copier
(150/200/300 dpi, up to 3°, shift, noise, blur, JPEG) or a phone (perspective, up to 10°,
shading). Prints cells read right, held for review, read wrong without being held (must be 0),
and pages a second (the reading alone). With --cli, the same pages also go into one PDF (each
page a JPEG, as a copier writes it) read by `reviewtui ballots scan` itself, start to end: the
seconds it takes (rendering the PDF, reading, recording; the pages repeat the bench's few
serials, so most forms after the first are listed as conflicts, recorded all the same).
Usage: bench_scan.py [PAGES] [--fixtures DIR] [--cli] [--seed N]   (seed 2026 unless told)
"""

from __future__ import annotations

import io
import random
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import cv2

sys.path.insert(0, str(Path(__file__).resolve().parent))

from scan_pages import DOUBTS, STYLES, cells_of, draw, phone, render_forms, scanner

from reviewtui import i18n
from reviewtui.assessment.forms import Form
from reviewtui.assessment.scan.read import read_page
from reviewtui.plan import Plan, load

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sessions" / "mentougou-2017.toml"


def plan_for(work: Path, issued: int = 1) -> Plan:
    text = SAMPLE.read_text(encoding="utf-8")
    text = re.sub(r"(?m)^issued = \d+", f"issued = {issued}", text)
    path = work / "bench.toml"
    path.write_text(text, encoding="utf-8")
    return load(path)


def marked_page(clean, cells, form: Form, rng: random.Random):  # type: ignore[no-untyped-def]
    """A copy of a clean page with marks, and the truth: (unit, item) -> grade | None | DOUBT."""
    img = clean.copy()
    truth: dict[tuple[str, str], object] = {}
    item = form.items[0].name
    grades = [g.grade for g in form.scale]
    for r, unit in enumerate(form.units):
        top, bottom = cells.ys[r + 1], cells.ys[r + 2]
        cy = (top + bottom) / 2
        centre = lambda g: (cells.xs[2 + g] + cells.xs[3 + g]) / 2  # noqa: E731
        roll = rng.random()
        if roll < 0.1:
            truth[(unit, item)] = None
        elif roll < 0.9:
            g = rng.randrange(len(grades))
            draw(img, rng.choice(STYLES), centre(g), cy, rng)
            truth[(unit, item)] = grades[g]
        else:
            kind = rng.choice(DOUBTS)
            g = rng.randrange(len(grades) - 1)
            if kind == "two":
                draw(img, "tick", centre(g), cy, rng)
                draw(img, "cross", centre(g + 1), cy, rng)
            elif kind == "between":
                draw(img, "tick", cells.xs[3 + g], cy, rng, width=0.5)
            else:
                draw(img, kind, centre(g), cy, rng)
            truth[(unit, item)] = f"DOUBT:{kind}"
    return img, truth


def main() -> None:
    args = sys.argv[1:]
    fixtures = None
    if "--fixtures" in args:
        at = args.index("--fixtures")
        fixtures = Path(args[at + 1])
        del args[at : at + 2]
    seed = 2026
    if "--seed" in args:
        at = args.index("--seed")
        seed = int(args[at + 1])
        del args[at : at + 2]
    cli = "--cli" in args
    if cli:
        args.remove("--cli")
    count = int(args[0]) if args else 40
    i18n.set_lang("zh")
    rng = random.Random(seed)
    with tempfile.TemporaryDirectory(prefix="bench-scan-") as tmp:
        work = Path(tmp)
        plan = plan_for(work)
        form = Form.of(plan)
        cache = Path(tempfile.gettempdir()) / "reviewtui-bench-scan"
        if sorted(cache.glob("clean-*.png")):
            clean = [
                cv2.imread(str(p), cv2.IMREAD_GRAYSCALE) for p in sorted(cache.glob("clean-*.png"))
            ]
        else:
            clean = render_forms(plan, work)
            cache.mkdir(exist_ok=True)
            for i, image in enumerate(clean):
                cv2.imwrite(str(cache / f"clean-{i}.png"), image)
        cells = cells_of(clean[0], plan)
        right = held = wrong = total = 0
        needless: dict[str, int] = {}  # clear cells held anyway, by the doubt's reason
        seconds = 0.0
        jpegs: list[bytes] = []
        for n in range(count):
            page, truth = marked_page(clean[n % len(clean)], cells, form, rng)
            damaged = phone(page, rng) if n % 4 == 3 else scanner(page, rng)
            if fixtures is not None:
                fixtures.mkdir(parents=True, exist_ok=True)
                cv2.imwrite(str(fixtures / f"page-{n}.png"), damaged)
            if cli:
                jpegs.append(
                    bytes(cv2.imencode(".jpg", damaged, [cv2.IMWRITE_JPEG_QUALITY, 90])[1])
                )
            start = time.perf_counter()
            reading = read_page(damaged, form, opinions=False)
            seconds += time.perf_counter() - start
            doubtful = {(d.unit, d.item) for d in reading.doubts}
            for d in reading.doubts:
                if not str(truth.get((d.unit, d.item))).startswith("DOUBT"):
                    needless[d.why] = needless.get(d.why, 0) + 1
            if reading.problem:
                print(f"page {n}: not read ({reading.problem})")
                held += len(truth)
                total += len(truth)
                continue
            for cell, expected in truth.items():
                total += 1
                if cell in doubtful:
                    held += 1
                    if str(expected).startswith("DOUBT"):
                        right += 1
                    continue
                got = reading.values.get(cell)
                if not str(expected).startswith("DOUBT") and got == expected:
                    right += 1
                else:
                    wrong += 1
                    print(f"page {n}: {cell} read {got!r}, truth {expected!r}")
        print(f"pages {count}, cells {total}")
        print(
            f"cells right        {right} ({100 * right / total:.2f} %;"
            " a doubtful cell held counts as right)"
        )
        print(f"cells held         {held} ({100 * held / total:.2f} %)")
        print(f"cells wrong unheld {wrong}")
        print(f"clear cells held, by reason: {needless}")
        print(f"pages a second     {count / seconds:.2f}  ({seconds / count:.2f} s a page)")
        if cli:
            whole(work, jpegs)


def whole(work: Path, jpegs: list[bytes]) -> None:
    """`reviewtui ballots scan` on one PDF of the pages, timed start to end."""
    import pypdfium2

    pdf = pypdfium2.PdfDocument.new()
    for data in jpegs:
        image = pypdfium2.PdfImage.new(pdf)
        image.load_jpeg(io.BytesIO(data), inline=False, autoclose=True)
        image.set_matrix(pypdfium2.PdfMatrix().scale(595.0, 842.0))  # A4, points
        page = pdf.new_page(595.0, 842.0)
        page.insert_obj(image)
        page.gen_content()
        page.close()
    scans = work / "copier.pdf"
    pdf.save(scans)
    pdf.close()
    session = work / "cli.toml"
    shutil.copy(work / "bench.toml", session)  # the meeting the forms were printed for
    command = [sys.executable, "-m", "reviewtui", "ballots", "scan", str(session), str(scans)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, cwd=work, check=False)
    seconds = time.perf_counter() - start
    said = [line for line in done.stdout.splitlines() if line.strip()]
    print(said[0] if said else f"exit {done.returncode}: {done.stderr[-400:]}")
    print(
        f"ballots scan, {len(jpegs)} pages in one PDF: {seconds:.1f} s"
        f" ({len(jpegs) / seconds:.2f} pages a second)"
    )


if __name__ == "__main__":
    main()
