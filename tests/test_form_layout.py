"""A 测评表 on one sheet with what a reader needs (SPEC 10, issue 26 point 1): corner squares and
the serial's code anchored to the page, exact row heights that keep the form on its page."""

from __future__ import annotations

import io
import shutil
import subprocess
from pathlib import Path

import pytest
from docx import Document
from docx.enum.table import WD_ROW_HEIGHT_RULE

from reviewtui import i18n
from reviewtui.assessment import form_code
from reviewtui.plan import load
from reviewtui.prepare import form_fit, printing

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sessions" / "mentougou-2017.toml"
HEAVY = """
opinions = true

[assessment.rules]
all_same = true
min_marked = 0.5
quota = [ { grade = "好", max_share = 0.6 } ]
"""


def heavy_plan(tmp_path: Path, issued: int | None = None, units: int = 0):  # type: ignore[no-untyped-def]
    """The sample meeting with opinions and three rules (six lines of instructions): the form
    that ran onto a second sheet."""
    text = SAMPLE.read_text(encoding="utf-8").replace(
        "double_entry = false", "double_entry = true" + HEAVY, 1
    )
    if issued is not None:
        import re

        text = re.sub(r"(?m)^issued = \d+", f"issued = {issued}", text)
    if units:
        extra = "".join(
            f'\n[[units]]\nname = "第{n}街道工作委员会党委"\nreporter = "书记{n}"\n'
            'mode = "written"\n'
            for n in range(units)
        )
        text = text.replace("\n[[leaders]]", extra + "\n[[leaders]]", 1)
    path = tmp_path / "heavy.toml"
    path.write_text(text, encoding="utf-8")
    i18n.set_lang("zh")
    return load(path)


def _reopen(doc: object):  # type: ignore[no-untyped-def]
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    buffer.seek(0)
    return Document(buffer)


def _anchors(paragraph) -> list[tuple[int, int, int]]:  # type: ignore[no-untyped-def]
    found = []
    for anchor in paragraph._p.iter("{*}anchor"):
        x = int(anchor.find("{*}positionH/{*}posOffset").text)
        y = int(anchor.find("{*}positionV/{*}posOffset").text)
        size = int(anchor.find("{*}extent").get("cx"))
        assert anchor.find("{*}positionH").get("relativeFrom") == "page"
        assert anchor.find("{*}wrapNone") is not None  # takes no room from the form
        found.append((x, y, size))
    return found


def test_every_form_carries_corner_squares_and_its_serial_code(tmp_path: Path) -> None:
    plan = heavy_plan(tmp_path, issued=1)
    doc = _reopen(printing.forms(plan))
    titles = [
        p for p in doc.paragraphs if p.text.replace("\n", "") == plan.meeting.title
    ]  # broken at a phrase
    assert len(titles) == len(doc.tables) == 4
    emu = 36000  # per mm
    for title in titles:
        anchors = _anchors(title)
        squares = sorted(a for a in anchors if a[2] == round(form_code.FIDUCIAL * emu))
        corners = sorted((round(x / emu), round(y / emu)) for x, y, _ in squares)
        assert corners == sorted((round(x), round(y)) for x, y in form_code.fiducial_origins())
        codes = [a for a in anchors if a[2] == round(form_code.CODE_SIZE * emu)]
        assert len(codes) == 1
    assert form_code.parse(form_code.payload(plan, "B002")) == form_code.Payload(
        form_code.meeting_key(plan), "B002"
    )
    assert form_code.parse("http://10.0.0.2:8765/f/abc") is None  # a phone token's code


def test_rows_have_an_exact_height_that_fits_the_sheet(tmp_path: Path) -> None:
    """Structural: every body row has an exact height, and the estimate of the whole form is
    inside the 225 mm type area, for the heavy form and for one with 40 units."""
    for units in (0, 10):
        plan = heavy_plan(tmp_path, issued=1, units=units)
        doc = _reopen(printing.forms(plan))
        table = doc.tables[0]
        body = table.rows[1:]
        assert len(body) == len(plan.units)
        assert all(r.height_rule == WD_ROW_HEIGHT_RULE.EXACTLY for r in body)
        height = body[0].height.mm
        assert 4.9 <= height <= 9.0
        notes = [p for p in doc.paragraphs if p.style.name == "Official Note"][1:]
        sizes = form_fit.fit(
            title=plan.meeting.title,
            head=[c.text for c in table.rows[0].cells],
            widths=[c.width.mm for c in table.rows[0].cells],
            units=[u.name for u in plan.units],
            notes=[p.text for p in notes][: len(notes) // 4],
        )
        assert sizes.row_height == pytest.approx(height, abs=0.01)


@pytest.mark.skipif(shutil.which("soffice") is None, reason="LibreOffice is not installed")
@pytest.mark.parametrize("units", [0, 10])
def test_libreoffice_sets_one_sheet_per_form(tmp_path: Path, units: int) -> None:
    plan = heavy_plan(tmp_path, issued=1, units=units)
    target = tmp_path / "forms.docx"
    printing.forms(plan).save(target)
    profile = tmp_path / "profile"
    subprocess.run(
        ["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
         "pdf", "--outdir", str(tmp_path), str(target)],
        check=True, capture_output=True, timeout=240,
    )  # fmt: skip
    import pypdfium2

    pages = len(pypdfium2.PdfDocument(tmp_path / "forms.pdf"))
    assert pages == len(plan.groups)  # one form per group, one sheet each
