"""Text that acts, on the way out (SPEC section 8): every stored text exports, whatever it holds,
and nothing a person typed is written so that a spreadsheet evaluates it."""

from __future__ import annotations

import csv
import io
import re
import zipfile
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from reviewtui import clock
from reviewtui.assessment import ballots
from reviewtui.export import render
from reviewtui.meeting import Meeting
from reviewtui.minutes import read_minutes
from reviewtui.store import Store, open_session
from reviewtui.textsafe import for_document, inert_cell

COMMENT = '=HYPERLINK("http://x","y")'
ASKER = "=1+2"
BALLOT = "=1+1"
NOTE = "a\x01b\x0bc\x1b]0;title\x07d"


@pytest.fixture
def hostile_db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    store = open_session(small_session, write=True)
    try:
        m = Meeting(store)
        first = m.next_item()
        assert first is not None
        report = m.start_report()
        fake_clock.advance(10)
        m.start_question(ASKER, "-5 @me +1")
        fake_clock.advance(5)
        m.start_comment(text=COMMENT)
        fake_clock.advance(5)
        m.end_segment()
        m.set_note(first.id, "notes")
        # An older database may hold control characters the ways in now strip: put them there
        # as such a database has them, beside the core's own writes.
        with store.transaction("note") as tx:
            tx.update("notes", {"item_id": first.id}, {"text": NOTE})
            tx.update("segments", {"id": report.id}, {"text": "r\x01s"})
        ballots.save(store, code=BALLOT, group="区级领导", marks={("雁翅镇党委", "总体评价"): "好"})
    finally:
        store.close()
    return small_session.with_suffix(".db")


@pytest.fixture
def minutes(hostile_db: Path):
    store = Store.open_reader(hostile_db)
    try:
        found = read_minutes(store)
    finally:
        store.close()
    assert found.items[0].notes == NOTE  # the raw text really is in the database
    return found


def test_for_document_shows_control_characters() -> None:
    assert for_document("a\x01b") == "a\\x01b"
    assert for_document("x\ty\r\nz") == "x y\nz"
    assert for_document("\ufffe") == "\ufffd"
    assert for_document("雁翅镇党委") == "雁翅镇党委"


def test_inert_cell_rule() -> None:
    for text in ("=1+2", "+1", "-1", "@SUM(A1)", "\t=1", "\r=1"):
        assert inert_cell(text) == "'" + text
    assert inert_cell("雁翅镇") == "雁翅镇" and inert_cell(-2.0) == -2.0 and inert_cell(3) == 3


def test_docx_exports_control_characters_shown(minutes) -> None:
    for layout in ("minutes", "column"):
        data = render(minutes, "docx", layout=layout)
        assert isinstance(data, bytes)
    doc = Document(io.BytesIO(render(minutes, "docx")))  # type: ignore[arg-type]
    text = "\n".join(p.text for p in doc.paragraphs)
    assert "a\\x01b\\x0bc\\x1b]0;title\\x07d" in text
    assert COMMENT in text and ASKER in text


def test_md_shows_control_characters(minutes) -> None:
    text = render(minutes, "md")
    assert isinstance(text, str)
    assert "\x01" not in text and "\x1b" not in text and "\x07" not in text
    assert "a\\\\x01b" in text  # shown, then escaped as Markdown


def test_xlsx_text_is_never_a_formula(minutes) -> None:
    data = render(minutes, "xlsx", ballots=True)  # every sheet, the ballots' too
    assert isinstance(data, bytes)
    with zipfile.ZipFile(io.BytesIO(data)) as book:
        sheets = [n for n in book.namelist() if n.startswith("xl/worksheets/sheet")]
        xml = {n: book.read(n).decode() for n in sheets}
    for name, body in xml.items():
        assert not re.search(r"<f[ >]", body), name  # no formula element anywhere
        assert "\x01" not in body
    workbook = load_workbook(io.BytesIO(data))
    texts = {
        cell.value: cell.data_type
        for sheet in workbook.worksheets
        for row in sheet.iter_rows()
        for cell in row
        if isinstance(cell.value, str)
    }
    for value in (COMMENT, ASKER, BALLOT):
        assert texts.get(value) == "s", value  # read back as the text typed, a string cell
    assert "r\\x01s" in texts  # the report's gist, on the timings sheet


def test_csv_text_is_never_a_formula(minutes) -> None:
    timings = render(minutes, "timings")
    assert isinstance(timings, str)
    rows = list(csv.reader(io.StringIO(timings.lstrip("\ufeff"))))
    cells = [cell for row in rows for cell in row]
    assert "'" + COMMENT in cells and "'" + ASKER in cells and "'-5 @me +1" in cells
    assert not any(cell.startswith(("=", "+", "@")) for cell in cells)
    assert all(not cell.startswith("-") or _number(cell) for cell in cells)
    ranking = render(minutes, "csv")
    assert isinstance(ranking, str)
    assert not any(
        cell.startswith(("=", "+", "@"))
        for row in csv.reader(io.StringIO(ranking.lstrip("\ufeff")))
        for cell in row
    )


def _number(text: str) -> bool:
    try:
        float(text)
    except ValueError:
        return False
    return True


def test_ballot_csv_id_is_text(hostile_db: Path, tmp_path: Path) -> None:
    store = Store.open_reader(hostile_db)
    try:
        path = tmp_path / "ballots.csv"
        ballots.export_csv(store, path)
    finally:
        store.close()
    rows = list(csv.reader(io.StringIO(path.read_text(encoding="utf-8-sig"))))
    rows = [row for row in rows if not row[0].startswith("#reviewtui-meeting")]  # its identity
    assert {row[0] for row in rows[1:]} == {"'" + BALLOT}
