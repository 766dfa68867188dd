"""The minutes in the official layout (GB/T 9704-2012), read from the docx XML, and every figure
of the minutes against `results --json` rounded as SPEC section 6 says."""

from __future__ import annotations

import csv
import io
import json
import random
import re
import zipfile
from datetime import datetime
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from lxml import etree

from reviewtui import clock
from reviewtui.attendance import set_attendance
from reviewtui.export import default_path
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.office import official, template
from reviewtui.store import open_session

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = {"w": W}
ONSITE = ("雁翅镇党委", "军庄镇党委")
GRADES = ("好", "较好", "一般", "差")


def w(name: str) -> str:
    return f"{{{W}}}{name}"


# ------------------------------------------------------------------------------------------------
# The sample meeting, with content


def run_sample(session: Path, fake: clock.FakeClock) -> Path:
    """The seed's meeting: the chair's opening, two units with questions, answers, comments and
    notes, attendance; the other on-site units are not held. Returns the database."""
    store = open_session(session, write=True)
    m = Meeting(store)
    opening = m.next_item()
    assert opening is not None and opening.kind == "speech"
    m.start_report()
    fake.advance(172)
    script = {
        "雁翅镇党委": (
            372.4,  # 6:12 of a 5:00 report
            [
                ("党代表 张建国", "第一书记任期结束后如何保持帮扶不断档?", 55, 118.2,
                 "建立任期交接制度,派出单位继续结对帮扶三年。"),
                ("群众代表 杨丽华", "低收入村的产业项目怎样保证持续见效?", 48, 95,
                 "一村一品,村集体入股,镇里每季度督查一次。"),
            ],
            ("区长", 170.4, "第一书记作用发挥明显,下一步要在巩固成效上下功夫。"),
            "雁翅镇注重发挥低收入村第一书记作用。\n主要举措\n● 定准位,双向发力聚民心。\n"
            "● 不缺位,第一书记在行动。\n取得成效\n走访党员群众800余户。",
        ),
        "军庄镇党委": (
            281,
            [("基层党组织书记 刘桂兰", "网格员的待遇怎样保障?", 62, 130, "")],
            ("区委副书记", 201, "网格化与物业化结合的路子走得对,要总结推广。"),
            "东杨坨村党支部以网格化管理为依托。\n主要举措\n● 建组织在网格。\n● 聚要素入网格。",
        ),
    }  # fmt: skip
    for unit, (report, questions, comment, notes) in script.items():
        item = m.next_item()
        assert item is not None and item.unit == unit
        m.start_report()
        fake.advance(report)
        for asker, question, asked, answered, gist in questions:
            m.start_question(asker, question)
            fake.advance(asked)
            answer = m.start_answer()
            assert answer is not None
            fake.advance(answered)
            if gist:
                m.edit_segment(answer.id, text=gist)
        leader, spoken, text = comment
        m.start_comment(leader, text)
        fake.advance(spoken)
        m.end_segment()
        m.set_note(item.id, notes)
    set_attendance(store, {"区级领导": (11, 1), "党代表": (38, 2), "基层党组织书记": (30, 0)})
    store.close()
    return session.with_suffix(".db")


def ballot_file(folder: Path, units: list[str]) -> Path:
    """A wide ballot file for every group of the sample, fixed by a seed; one blank form."""
    rng = random.Random(14)
    path = folder / "ballots.csv"
    with path.open("w", encoding="utf-8", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(["ballot", "group", *units])
        serial = 0
        for group, count in (("区级领导", 11), ("党代表", 38), ("基层党组织书记", 29),
                             ("群众代表", 17)):  # fmt: skip
            for _ in range(count):
                serial += 1
                marks = rng.choices(GRADES, weights=(6, 3, 1, 0.3), k=len(units))
                writer.writerow([f"{serial:03d}", group, *marks])
        writer.writerow([f"{serial + 1:03d}", "群众代表", *[""] * len(units)])  # blank: invalid
    return path


@pytest.fixture
def sample_db(cli, sample_session: Path, fake_clock: clock.FakeClock, tmp_path: Path) -> Path:  # type: ignore[no-untyped-def]
    db = run_sample(sample_session, fake_clock)
    store = open_session(sample_session, write=False, create=False)
    units = [u.name for u in store.plan.units]
    store.close()
    result = cli("ballots", "import", db, ballot_file(tmp_path, units))
    assert result.code == 0, result.output
    return db


def docx_xml(data: bytes) -> dict[str, etree._Element]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return {
            name: etree.fromstring(z.read(name)) for name in z.namelist() if name.endswith(".xml")
        }


# ------------------------------------------------------------------------------------------------
# The layout rules, in the XML


def test_minutes_docx_follows_gbt_9704(cli, sample_db: Path, lang: str) -> None:  # type: ignore[no-untyped-def]
    result = cli("export", sample_db, "--format", "docx")
    assert result.code == 0, result.output
    data = default_path(sample_db, "docx").read_bytes()
    xml = docx_xml(data)
    body = xml["word/document.xml"]
    sect = body.find(".//w:body/w:sectPr", NS)
    assert sect is not None

    # A4, margins 37 / 35 / 28 / 26 mm (in twips: 1 mm = 56.7).
    size = sect.find("w:pgSz", NS)
    assert (int(size.get(w("w"))), int(size.get(w("h")))) == (11906, 16838)
    margins = sect.find("w:pgMar", NS)
    mm = {k: round(int(margins.get(w(k))) / 56.6929) for k in ("top", "bottom", "left", "right")}
    assert mm == {"top": 37, "bottom": 35, "left": 28, "right": 26}

    # 22 lines of the grid fit the 225 mm type area, and only just (a 580-twip pitch gives 22 ×
    # 580 = 12,760 > 12,756 twips: LibreOffice sets 21 lines); 28 characters of 三号, condensed
    # by the style's w:spacing, fit its 156 mm (a character grid, charSpace, is left out on
    # purpose: LibreOffice and WPS would halve the characters per line).
    grid = sect.find("w:docGrid", NS)
    pitch = int(grid.get(w("linePitch")))
    height = int(size.get(w("h"))) - int(margins.get(w("top"))) - int(margins.get(w("bottom")))
    width = int(size.get(w("w"))) - int(margins.get(w("left"))) - int(margins.get(w("right")))
    assert grid.get(w("type")) == "lines" and 22 * pitch <= height < 23 * pitch
    assert pitch == 579
    assert grid.get(w("charSpace")) is None

    styles = {s.get(w("styleId")): s for s in xml["word/styles.xml"].iterfind("w:style", NS)}

    def style(name: str) -> etree._Element:
        found = [s for s in styles.values() if s.find("w:name", NS).get(w("val")) == name]
        assert found, name
        return found[0]

    def east_asia(name: str) -> str:
        return style(name).find("w:rPr/w:rFonts", NS).get(w("eastAsia"))

    def half_points(name: str) -> int:
        return int(style(name).find("w:rPr/w:sz", NS).get(w("val")))

    assert (east_asia("Official Body"), half_points("Official Body")) == ("仿宋_GB2312", 32)
    assert (east_asia("Official Title"), half_points("Official Title")) == ("方正小标宋简体", 44)
    assert (east_asia("Official Heading 1"), half_points("Official Heading 1")) == ("黑体", 32)
    assert (east_asia("Official Heading 2"), half_points("Official Heading 2")) == (
        "楷体_GB2312",
        32,
    )
    spacing = int(style("Official Body").find("w:rPr/w:spacing", NS).get(w("val")))
    advance = 16 * 20 + spacing  # one character's advance, in twips
    assert 28 * advance <= width < 29 * advance
    line = style("Official Body").find("w:pPr/w:spacing", NS)
    assert (line.get(w("line")), line.get(w("lineRule"))) == (str(pitch), "exact")

    # Every paragraph of the body is in one of the official styles (no template style left).
    used = {
        p.find("w:pPr/w:pStyle", NS).get(w("val"))
        for p in body.iterfind(".//w:body/w:p", NS)
        if p.find("w:pPr/w:pStyle", NS) is not None
    }
    names = {styles[u].find("w:name", NS).get(w("val")) for u in used}
    assert names <= {
        "Official Body",
        "Official Title",
        "Official Heading 1",
        "Official Heading 2",
        "Official Heading 3",
        "Official Note",
    }, names
    assert {"Official Title", "Official Heading 1", "Official Heading 2"} <= names

    # The fonts' fallbacks, for machines without the official ones.
    table = {f.get(w("name")): f for f in xml["word/fontTable.xml"].iterfind("w:font", NS)}
    for name, alternative in (("方正小标宋简体", "宋体"), ("仿宋_GB2312", "仿宋"),
                              ("楷体_GB2312", "楷体"), ("黑体", "SimHei")):  # fmt: skip
        assert table[name].find("w:altName", NS).get(w("val")) == alternative

    # Page numbers "— N —" in 四号 宋体: odd pages right, even pages left.
    assert xml["word/settings.xml"].find("w:evenAndOddHeaders", NS) is not None
    refs = {r.get(w("type")) for r in sect.iterfind("w:footerReference", NS)}
    assert refs == {"default", "even"}
    footers = {name: root for name, root in xml.items() if name.startswith("word/footer")}
    assert len(footers) == 2
    sides = set()
    for root in footers.values():
        p = root.find("w:p", NS)
        text = "".join(p.itertext())
        assert re.fullmatch(r"— \d+ —", text.replace(" PAGE ", "")), text
        assert p.find(".//w:instrText", NS).text.strip() == "PAGE"
        assert [c.get(w("fldCharType")) for c in p.iterfind(".//w:fldChar", NS)] == [
            "begin",
            "separate",
            "end",
        ]
        for run in p.iterfind("w:r", NS):
            assert run.find("w:rPr/w:sz", NS).get(w("val")) == "28"
            assert run.find("w:rPr/w:rFonts", NS).get(w("eastAsia")) == "宋体"
        sides.add(p.find("w:pPr/w:jc", NS).get(w("val")))
    assert sides == {"right", "left"}

    # The document's own properties: never the template's 2013.
    doc = Document(io.BytesIO(data))
    props = doc.core_properties
    store = open_session(sample_db, write=False, create=False)
    try:
        assert props.title == store.plan.meeting.title
        sha = store.content_sha256()
    finally:
        store.close()
    assert props.created is not None and props.created.year >= datetime.now().year - 1
    assert props.identifier == f"sha256:{sha}"
    assert sha not in "\n".join(p.text for p in doc.paragraphs)  # no line without --digest
    # Nor the template's thumbnail (its blank page as the preview) and Mac Word app.xml.
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        assert not [n for n in z.namelist() if "thumbnail" in n]
        app = z.read("docProps/app.xml").decode()
    assert "Macintosh" not in app and "<Pages>" not in app


def test_column_docx_has_no_page_numbers(cli, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    out = sample_db.parent / "column.docx"
    result = cli("export", sample_db, "--format", "docx", "--layout", "column", "-o", out)
    assert result.code == 0, result.output
    xml = docx_xml(out.read_bytes())
    assert xml["word/settings.xml"].find("w:evenAndOddHeaders", NS) is None
    for name, root in xml.items():
        if name.startswith("word/footer"):
            assert root.find(".//w:instrText", NS) is None and "".join(root.itertext()) == ""
    text = [p.text for p in Document(str(out)).paragraphs]
    # The seed's banner, too long for one line of 二号: a phrase a line.
    assert "从严从实开展述职评议\n落实全面从严治党责任" in text


# ------------------------------------------------------------------------------------------------
# The minutes' content and figures


def round2(value: float | None) -> str:
    """SPEC 6: half up to 2 decimals, computed here apart from reviewtui.present."""
    if value is None:
        return "—"
    return str(Decimal(repr(value)).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP))


def percent1(value: float | None) -> str:
    if value is None:
        return "—"
    shown = Decimal(repr(value)) * 100
    return f"{shown.quantize(Decimal('0.1'), rounding=ROUND_HALF_UP)}%"


def test_every_figure_equals_the_results_json(cli, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    from reviewtui import i18n

    i18n.set_lang("zh")
    result = cli("results", sample_db, "--json")
    assert result.code == 0, result.output
    results = json.loads(result.stdout)
    docx_out = sample_db.parent / "m.docx"
    assert cli("export", sample_db, "--format", "docx", "-o", docx_out, "--lang", "zh").code == 0
    md = cli("export", sample_db, "--format", "md", "-o", "-", "--lang", "zh").stdout
    doc = Document(str(docx_out))
    reconciliation, ranking = [  # the last two: 测评情况 closes the minutes
        [[cell.text for cell in row.cells] for row in table.rows] for table in doc.tables[-2:]
    ]
    expected_ranking = [
        [
            "—" if u["rank"] is None else str(u["rank"]),
            u["unit"],
            round2(u["final"]),
            round2(u["composite"]),
            round2(u["daily"]),
            (u["level"] or "—") + ("*" if u.get("vetoed") else ""),
            str(u["votes"]),
            percent1(u["good_rate"]),
        ]
        for u in results["units"]
    ]
    # The level of a vetoed unit is starred; the JSON has no "vetoed" key, so compare the rest.
    assert [r[:5] + r[6:] for r in ranking[1:]] == [r[:5] + r[6:] for r in expected_ranking]
    assert [r[5].rstrip("*") for r in ranking[1:]] == [u["level"] for u in results["units"]]
    # The same rows in the md table.
    for row in ranking[1:]:
        assert re.search(r"\|\s*" + r"\s*\|\s*".join(map(re.escape, row)) + r"\s*\|", md), row

    groups = results["ballots"]["groups"]
    for row in reconciliation[1:]:
        g = groups[row[0]]
        assert row[2:6] == [
            str(g["issued"]),
            str(g["returned"]),
            str(g["valid"]),
            str(g["returned"] - g["valid"]),
        ]
    b = results["ballots"]
    summary = t(
        "minutes.forms_summary",
        issued=sum(g["issued"] for g in groups.values()),
        returned=sum(g["returned"] for g in groups.values()),
        valid=b["valid"],
        invalid=b["invalid"],
    )
    paragraphs = [p.text for p in doc.paragraphs]
    assert summary in paragraphs and summary in md
    _the_other_outputs_agree(cli, sample_db, results)


def _the_other_outputs_agree(cli, db: Path, results: dict) -> None:  # type: ignore[no-untyped-def, type-arg]
    """The workbook's 测评结果, each feedback letter and the notice's levels say the figures of
    `results --json` (issue 26: every figure in every output)."""
    from openpyxl import load_workbook

    from reviewtui.export import xlsx_results

    paths = {}
    for fmt in ("xlsx", "feedback", "notice"):
        paths[fmt] = db.parent / f"figures.{fmt}.{'xlsx' if fmt == 'xlsx' else 'docx'}"
        assert cli("export", db, "--format", fmt, "-o", paths[fmt], "--lang", "zh").code == 0
    sheet = load_workbook(paths["xlsx"])["测评结果"]
    first = xlsx_results.HEAD + 1
    for n, u in enumerate(results["units"]):
        row = [c.value for c in sheet[first + n]]
        assert u["unit"] in row and u["votes"] in row
        figures = {f"{v:.2f}" for v in row if isinstance(v, float | int)}
        assert {round2(u["final"]), round2(u["composite"])} - {"—"} <= figures, (u, row)
        rate = next(v for v in row if isinstance(v, float) and v <= 1 and v != u["votes"])
        assert percent1(rate) == percent1(u["good_rate"])
        assert (u["level"] or None) in row
    letters = Document(str(paths["feedback"]))
    texts = [p.text for p in letters.paragraphs]
    by_unit = {}
    current = None
    for text in texts:
        if text.endswith("：") and text[:-1] in {u["unit"] for u in results["units"]}:
            current = text[:-1]
        if current:
            by_unit.setdefault(current, []).append(text)
    for u in results["units"]:
        letter = "\n".join(by_unit[u["unit"]])
        if u["final"] is not None:
            assert round2(u["final"]) in letter and percent1(u["good_rate"]) in letter
            assert f"排名第 {u['rank']} 位" in letter, letter[:200]
    grade_tables = [t for t in letters.tables if t.rows[0].cells[0].text == GRADES[0]]  # not bars
    counts = [[c.text for c in t.rows[1].cells] for t in grade_tables]
    graded = [u for u in results["units"] if any(u["grade_counts"].values())]
    order = {u["unit"]: u for u in graded}
    assert len(counts) == len(graded)
    for row, unit in zip(counts, [x for x in by_unit if x in order], strict=True):
        expected = [str(order[unit]["grade_counts"].get(g, 0)) for g in GRADES]
        assert row[:-1] == expected and row[-1] == percent1(order[unit]["good_rate"])
    notice = [p.text for p in Document(str(paths["notice"])).paragraphs]
    for level in GRADES:
        units = [u["unit"] for u in results["units"] if u["level"] == level]
        if units:
            line = t("notice.level_line", level=level, count=len(units), units="、".join(units))
            assert line in notice


def test_minutes_carry_the_meeting(cli, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    out = sample_db.parent / "m.docx"
    assert cli("export", sample_db, "--format", "docx", "-o", out, "--lang", "zh").code == 0
    md = cli("export", sample_db, "--format", "md", "-o", "-", "--lang", "zh").stdout
    text = "\n".join(p.text for p in Document(str(out)).paragraphs)
    for expected in (
        "主持：区委副书记",
        # a post that holds a 、 itself: the names are set apart by ，
        "出席：区委书记，区长，区委副书记，区委常委、组织部部长",
        "列席：党代表、基层党组织书记、群众代表",
        "区级领导应到 12 人、实到 11 人、请假 1 人",
        "群众代表应到 20 人、实到 — 人、请假 — 人",
        "记录人：区委组织部 王某",
        "述职用时：6:12（限时 5:00，超时 1:12）",
        "述职用时：4:41（限时 5:00）",
        "讲话用时：2:52（限时 3:00）",
        "1. 党代表 张建国（提问 0:55）：第一书记任期结束后如何保持帮扶不断档?",
        "雁翅镇党委书记（回答 1:58）：建立任期交接制度,派出单位继续结对帮扶三年。",
        "军庄镇党委书记（回答 2:10）：—",
        "区长（2:50）：第一书记作用发挥明显,下一步要在巩固成效上下功夫。",
        "主要举措",
        "测评情况",
    ):
        assert expected in text, expected
        assert expected in md, expected
    assert "本项用时" not in text and "本项用时" not in md


def test_a_long_title_breaks_where_a_phrase_ends() -> None:
    title = "2016年度全区镇(街)、系统党(工)委书记抓基层党建工作述职评议考核会"
    assert official.title_lines(title) == (
        "2016年度全区镇(街)、系统党(工)委书记\n抓基层党建工作述职评议考核会"
    )
    notice = f"关于{title}情况的通报"
    assert official.title_lines(notice) == (
        "关于2016年度全区镇(街)、系统党(工)委书记\n抓基层党建工作述职评议考核会情况的通报"
    )
    assert official.title_lines("述职评议考核会") == "述职评议考核会"  # one line
    no_phrase_end = "一二三四五六七八九十" * 3
    assert official.title_lines(no_phrase_end) == no_phrase_end  # left to Word


def test_the_minutes_title_breaks_after_the_phrase(cli, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    out = sample_db.parent / "m.docx"
    assert cli("export", sample_db, "--format", "docx", "-o", out, "--lang", "zh").code == 0
    title = Document(str(out)).paragraphs[0]
    assert title.style.name == official.TITLE
    assert title.text == "2016年度全区镇(街)、系统党(工)委书记\n抓基层党建工作述职评议考核会"


def test_attendance_lines_hang_under_their_value(cli, sample_db: Path) -> None:  # type: ignore[no-untyped-def]
    out = sample_db.parent / "m.docx"
    assert cli("export", sample_db, "--format", "docx", "-o", out, "--lang", "zh").code == 0
    paragraph = next(p for p in Document(str(out)).paragraphs if p.text.startswith("出席情况："))
    assert paragraph.text.count("\n") >= 1  # a group a line
    fmt = paragraph.paragraph_format
    label = official.char_width(5)  # 出席情况：
    assert fmt.first_line_indent == -label
    assert fmt.left_indent == official.char_width(2 + 5)  # the first-line indent, then the label


def test_titles_tables_and_notes_stand_off_the_grid_in_schema_order() -> None:
    """A title line is one grid line; on the grid LibreOffice/WPS make each two. The switch sits
    where the schema puts it (before spacing and jc), or Word reports the file damaged."""
    out = io.BytesIO()
    template.new_document(title="x").save(out)
    styles = docx_xml(out.getvalue())["word/styles.xml"]
    for name in ("OfficialTitle", "OfficialTable", "OfficialNote"):
        ppr = styles.find(f".//w:style[@w:styleId='{name}']/w:pPr", NS)
        tags = [etree.QName(child).localname for child in ppr]
        assert ppr.find("w:snapToGrid", NS).get(w("val")) == "0", name
        assert tags.index("snapToGrid") < tags.index("spacing") < tags.index("jc"), tags
    body = styles.find(".//w:style[@w:styleId='OfficialBody']/w:pPr", NS)
    assert body.find("w:snapToGrid", NS) is None  # the body stays on the 22-line grid
