"""`--format rectify | feedback | notice`, and last year's list (`[meeting] previous`)."""

from __future__ import annotations

import io
import json
import shutil
import zipfile
from pathlib import Path

import pytest
from docx import Document
from docx.oxml.ns import qn
from openpyxl import load_workbook
from test_minutes import build

from reviewtui import clock, present
from reviewtui.export import default_path, render
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, read_minutes, to_json
from reviewtui.rectify import Rectification, load_previous
from reviewtui.store import Store, open_session


def edited(db: Path) -> None:
    """The list of the built meeting after the secretary's work on it."""
    store = open_session(db, write=True)
    rect = Rectification(store)
    first, _, comment = rect.lines("雁翅镇党委")
    rect.edit(first.key, measure="制定考核办法", owner="组织委员", deadline="2017-06-30")
    rect.drop(comment.key)
    rect.add("城子街道工委", "还有什么困难?")  # the same text as a question of 雁翅镇党委
    rect.add("王平镇党委", "=SUM(A1:A9) 台账不规范")
    store.close()


@pytest.fixture
def meeting_db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    db = build(small_session, fake_clock)
    edited(db)
    return db


@pytest.fixture
def minutes(meeting_db: Path) -> Minutes:
    store = Store.open_reader(meeting_db)
    try:
        return read_minutes(store)
    finally:
        store.close()


# ------------------------------------------------------------------------------------------------
# 整改清单


def test_rectify_workbook(minutes: Minutes, lang: str) -> None:
    data = render(minutes, "rectify")
    assert isinstance(data, bytes)
    book = load_workbook(io.BytesIO(data))
    sheet = book.active
    assert sheet.title == t("rectify.sheet")
    assert minutes.meeting.title in sheet["A1"].value
    header = [c.value for c in sheet[2]]
    assert header == [
        t(f"rectify.col.{n}")
        for n in ("unit", "problem", "source", "measure", "owner", "deadline", "status")
    ]
    if lang == "zh":
        assert header == ["单位", "问题", "来源", "整改措施", "责任人", "完成时限", "状态"]
    rows = [[c.value for c in row] for row in sheet.iter_rows(min_row=3, max_row=6)]
    assert [r[0] for r in rows] == ["雁翅镇党委", "雁翅镇党委", "城子街道工委", "王平镇党委"]
    assert [r[1] for r in rows] == [
        "第一书记怎样考核?",
        "还有什么困难?",
        "还有什么困难?",
        "=SUM(A1:A9) 台账不规范",
    ]  # the dropped comment is not handed on
    assert rows[0][3:5] == ["制定考核办法", "组织委员"]
    assert rows[0][5].date().isoformat() == "2017-06-30"
    assert rows[0][6] == t("rectify.status.open")
    assert t("rectify.source.question") in rows[0][2] and "党代表 张建国" in rows[0][2]
    # text is never a formula
    formula = sheet["B6"]
    assert formula.data_type == "s" and formula.value.startswith("=")
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        xml = archive.read("xl/worksheets/sheet1.xml").decode()
    assert "<f>" not in xml and "<f " not in xml
    # print setup: landscape A4, fit to width, the header on every page
    setup = sheet.page_setup
    assert (setup.orientation, setup.paperSize) == ("landscape", 9)
    assert (setup.fitToWidth, setup.fitToHeight) == (1, 0)
    assert sheet.sheet_properties.pageSetUpPr.fitToPage
    assert sheet.print_title_rows == "$2:$2"
    assert sheet.freeze_panes == "A3"
    for cell in sheet[3]:
        assert cell.border.left.style == "thin" and cell.border.bottom.style == "thin"
    assert sheet.column_dimensions["B"].width >= 30
    assert all(sheet.row_dimensions[r].height >= 29 for r in range(3, 7))  # wrapped text shows
    assert sheet.data_validations.dataValidation  # the status drop-down


def test_rectify_workbook_of_an_empty_list(small_store: Store) -> None:
    data = render(read_minutes(small_store), "rectify")
    sheet = load_workbook(io.BytesIO(data)).active
    assert sheet["A3"].value is None and sheet["A3"].border.left.style == "thin"


# ------------------------------------------------------------------------------------------------
# 反馈意见 and 通报


def pages(doc: Document) -> list[list[str]]:
    """The paragraphs, split where a page break starts a paragraph or a section ends (each
    feedback letter is a section of its own)."""
    found: list[list[str]] = [[]]
    for paragraph in doc.paragraphs:
        if paragraph.paragraph_format.page_break_before and found[-1]:
            found.append([])
        found[-1].append(paragraph.text)
        if paragraph._p.find(qn("w:pPr") + "/" + qn("w:sectPr")) is not None:
            found.append([])
    return [page for page in found if page]


def test_feedback_one_page_per_unit_numbers_as_results(
    minutes: Minutes, meeting_db: Path, cli, lang: str
) -> None:
    doc = Document(io.BytesIO(render(minutes, "feedback")))
    by_page = pages(doc)
    assert len(by_page) == len(minutes.units) == 3
    results = json.loads(cli("results", meeting_db, "--json").stdout)
    # the grade counts table of each unit (the charts' tables are `test_charts`'s)
    tables = [tb for tb in doc.tables if len(tb.columns) == len(minutes.grades) + 1]
    assert len(tables) == 3
    for page, table, unit in zip(by_page, tables, minutes.units, strict=True):
        text = "\n".join(page)
        assert page[0] == t("feedback.title")
        assert t("feedback.to", unit=unit) in page
        row = next(u for u in results["units"] if u["unit"] == unit)
        assert present.score(row["final"]) in text
        assert str(row["rank"]) in text
        assert f"“{row['level']}”" in text or row["level"] in text
        counts = [cell.text for cell in table.rows[1].cells]
        assert counts[:-1] == [str(row["grade_counts"].get(g, 0)) for g in minutes.grades]
        assert counts[-1] == present.rate(row["good_rate"])
    first = "\n".join(by_page[0])
    assert "措施有力,成效明显" in first  # the leader's comment
    # the two questions are not yet problems in the secretary's words: counted, not pasted
    assert "第一书记怎样考核?" not in first and t("notice.problems_rest", n=2) in first
    assert first.count("措施有力,成效明显") == 1  # its problem line was dropped
    assert "=SUM(A1:A9) 台账不规范" in "\n".join(by_page[2])
    # a line the organizer added itself carries no "(会务补充)" in the letter it sends
    assert "1. =SUM(A1:A9) 台账不规范" in by_page[2]
    assert t("rectify.source.secretary") not in "\n".join(by_page[2])
    assert t("feedback.no_comments") in by_page[2]


def test_feedback_and_notice_on_the_official_page(minutes: Minutes) -> None:
    for fmt in ("feedback", "notice"):
        doc = Document(io.BytesIO(render(minutes, fmt)))
        section = doc.sections[0]
        assert (round(section.page_width.mm), round(section.page_height.mm)) == (210, 297)
        assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
        grid = section._sectPr.find(qn("w:docGrid"))
        assert grid.get(qn("w:type")) == "lines" and grid.get(qn("w:linePitch")) == "579"
        title = doc.paragraphs[0]
        assert title.style.name == "Official Title" and title.style.font.size.pt == 22
        body = doc.styles["Official Body"]
        assert body.font.size.pt == 16
        fonts = body.element.rPr.find(qn("w:rFonts"))
        assert fonts.get(qn("w:eastAsia")) == "仿宋_GB2312"
        footer = section.footer.paragraphs[0]
        assert "PAGE" in footer._p.xml and footer.text.startswith("— ")
        assert section.even_page_footer.paragraphs[0].text.startswith("— ")
        assert doc.core_properties.created.year >= 2026


def test_notice(minutes: Minutes, lang: str) -> None:
    doc = Document(io.BytesIO(render(minutes, "notice")))
    text = [p.text for p in doc.paragraphs]
    assert text[0].replace("\n", "") == t("notice.title", title=minutes.meeting.title)
    best = minutes.levels[0]
    rated = [u.unit for u in minutes.results.units if u.level == best]
    assert rated == ["城子街道工委"]
    assert t("notice.best", units=rated[0], level=best) in text
    for level in {u.level for u in minutes.results.units}:
        units = [u.unit for u in minutes.results.units if u.level == level]
        sep = "、" if lang == "zh" else ", "
        line = t("notice.level_line", level=level, count=len(units), units=sep.join(units))
        assert line in text
    # the secretary's lines, in agenda order; 雁翅镇党委's raw questions counted, not pasted
    problems = text[text.index(t("notice.s3")) + 1 : text.index(t("notice.s4"))]
    assert problems[0] == t("notice.problem", n=1, problem="还有什么困难?", units="城子街道工委")
    assert problems[-1] == t("notice.problems_rest", n=2)
    assert not any("措施有力" in p for p in problems)  # dropped
    requirements = text[text.index(t("notice.s4")) + 1]
    assert requirements.startswith("（请填写" if lang == "zh" else "(Fill in")  # for staff to edit
    returned = minutes.results.returned
    assert any(str(returned) in p and str(minutes.results.valid) in p for p in text)


def test_cli_writes_the_three(cli, meeting_db: Path) -> None:
    for fmt in ("rectify", "feedback", "notice"):
        result = cli("export", meeting_db, "--format", fmt)
        assert result.code == 0, result.output
        assert default_path(meeting_db, fmt).is_file()
    assert default_path(meeting_db, "rectify").name == "small-rectify.xlsx"


# ------------------------------------------------------------------------------------------------
# Last year's list


def this_year(tmp_path: Path, last_db: Path | None, name: str = "last-year.db") -> Path:
    """A new meeting whose session file names last year's database."""
    folder = tmp_path / "2018"
    folder.mkdir()
    if last_db is not None:
        shutil.copy(last_db, folder / name)
    text = (Path(__file__).parents[1] / "sessions" / "small.toml").read_text(encoding="utf-8")
    text = text.replace('date = "2017-02-24"', f'date = "2018-02-24"\nprevious = "{name}"')
    session = folder / "small.toml"
    session.write_text(text, encoding="utf-8")
    return session


def test_previous_in_the_minutes(tmp_path: Path, meeting_db: Path, cli) -> None:
    session = this_year(tmp_path, meeting_db)
    store = open_session(session, write=True)
    store.close()
    result = cli("export", session.with_suffix(".db"), "--format", "json", "-o", "-")
    assert result.code == 0 and result.stderr == ""
    data = json.loads(result.stdout)
    units = [i for i in data["items"] if i["kind"] == "unit"]
    assert units[0]["previous"] == [
        {
            "source": "question",
            "problem": "第一书记怎样考核?",
            "measure": "制定考核办法",
            "owner": "组织委员",
            "deadline": "2017-06-30",
            "status": "open",
        },
        {
            "source": "question",
            "problem": "还有什么困难?",
            "measure": "",
            "owner": "",
            "deadline": None,
            "status": "open",
        },
    ]  # the dropped comment is not followed up
    assert [len(u["previous"]) for u in units] == [2, 1, 1]
    md = cli("export", session.with_suffix(".db"), "--format", "md", "-o", "-").stdout
    assert t("rectify.minutes_previous") in md
    assert "- " + t("rectify.previous_line", problem="第一书记怎样考核?", status="open") in md
    docx_out = tmp_path / "minutes.docx"
    assert cli("export", session.with_suffix(".db"), "--format", "docx", "-o", docx_out).code == 0
    paragraphs = [p.text for p in Document(str(docx_out)).paragraphs]
    assert any(p.endswith(t("rectify.minutes_previous")) for p in paragraphs)  # its subheading
    assert (
        "1. " + t("rectify.previous_line", problem="第一书记怎样考核?", status="open") in paragraphs
    )


def test_previous_of_a_release_1_database(tmp_path: Path) -> None:
    fixture = Path(__file__).parent / "fixtures" / "v1" / "small-v1.db"
    session = this_year(tmp_path, fixture)
    store = open_session(session, write=True)
    try:
        previous = load_previous(store)
        assert previous.warning is None
        assert previous.lines  # its questions and comments, read as lines
        assert (tmp_path / "2018" / "last-year.db").read_bytes() == fixture.read_bytes()
    finally:
        store.close()


@pytest.mark.parametrize("kind", ["missing", "garbage"])
def test_a_bad_previous_file_is_a_warning(tmp_path: Path, cli, kind: str) -> None:
    session = this_year(tmp_path, None)
    if kind == "garbage":
        (session.parent / "last-year.db").write_bytes(b"not a database at all" * 10)
    result = cli("check", session)
    assert result.code == 0
    assert ("last-year.db" in result.stdout) == (kind == "missing")
    store = open_session(session, write=True)
    try:
        previous = load_previous(store)
        assert previous.lines == () and previous.warning and "last-year.db" in previous.warning
        assert to_json(read_minutes(store))["items"][1]["previous"] == []
    finally:
        store.close()
    result = cli("export", session.with_suffix(".db"), "--format", "md", "-o", "-")
    assert result.code == 0
    assert "last-year.db" in result.stderr


def test_the_new_key_changes_no_older_plan(tmp_path: Path, cli) -> None:
    """A database made before `previous` existed reads as if it had said nothing."""
    for name in ("small-v1.db", "small-v1.toml"):
        shutil.copy(Path(__file__).parent / "fixtures" / "v1" / name, tmp_path / name)
    store = Store.open_reader(tmp_path / "small-v1.db")
    try:
        assert store.plan.meeting.previous is None
    finally:
        store.close()
    result = cli("export", tmp_path / "small-v1.db", "--format", "json", "-o", "-")
    assert result.code == 0, result.output
    data = json.loads(result.stdout)
    assert [x["source"] for x in data["rectification"]]  # derived from its records
    assert all("previous" not in item for item in data["items"])


@pytest.mark.parametrize("kind", ["folder", "loop"])
def test_check_says_a_previous_that_is_no_file_is_no_file(tmp_path: Path, cli, kind: str) -> None:
    """A folder or a symlink loop is there, just not a database: "not there" would mislead."""
    session = this_year(tmp_path, None)
    target = session.parent / "last-year.db"
    if kind == "folder":
        target.mkdir()
    else:
        other = session.parent / "other.db"
        target.symlink_to(other)
        other.symlink_to(target)
    result = cli("check", session, "--lang", "en")
    assert result.code == 0
    assert "last-year.db" in result.stdout and "is not there" not in result.stdout
    assert "not a database file" in result.stdout
    store = open_session(session, write=True)
    try:
        previous = load_previous(store)
        assert previous.lines == () and "is not there" not in str(previous.warning)
    finally:
        store.close()
