"""Documents as a 组织部 files them (issue 26): each point read from the document's XML or text."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from reviewtui import i18n
from reviewtui.export import render
from reviewtui.minutes import read_minutes
from reviewtui.plan import load, loads
from reviewtui.prepare import documents, printing
from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "sessions" / "small.toml"  # Chinese; its forms render quickly
ENGLISH = """\
[meeting]
title = "Annual review meeting of the district's party secretaries"
date = "2017-02-24"
start = "14:30"
venue = "Party school hall"
chair = "Deputy Secretary"

[[leaders]]
name = "Secretary"

[[groups]]
name = "Delegates"
weight = 1.0
issued = 3

[[units]]
name = "Yanchi Town"
reporter = "Yanchi Town secretary"
mode = "onsite"
commenter = "Secretary"

[[units]]
name = "Wangping Town"
reporter = "Wangping Town secretary"
mode = "written"
"""
CJK = re.compile(r"[\u3400-\u9fff]")


def _text(doc: object) -> str:
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    reopened = Document(io.BytesIO(buffer.getvalue()))
    cells = [c.text for t in reopened.tables for r in t.rows for c in r.cells]
    return "\n".join([p.text for p in reopened.paragraphs] + cells)


# ------------------------------------------------------------------------------------------------
# 7. An English meeting's scale and levels are English; a Chinese meeting keeps Chinese


def test_an_english_meeting_grades_in_english(tmp_path: Path) -> None:
    i18n.set_lang("en")
    plan = loads(ENGLISH, "en.toml")
    assert [g.grade for g in plan.assessment.scale] == ["Good", "Fairly good", "Fair", "Poor"]
    assert [lv.level for lv in plan.assessment.levels] == ["Good", "Fairly good", "Fair", "Poor"]
    assert [i.name for i in plan.assessment.items] == ["Overall"]
    form = _text(documents.document(plan, "forms"))
    assert "Good" in form and "Fairly good" in form and not CJK.search(form)
    # the minutes, the notice and the workbook of the meeting say its levels in English
    store = Store.create(tmp_path / "en.db", plan)
    minutes = read_minutes(store)
    store.close()
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))
    head = [c.value for c in book[i18n.t("export.sheet.results")][3]]
    assert not any(isinstance(v, str) and CJK.search(v) for v in head)
    # the same file loaded by a Chinese user is the same plan: the file decides, not the user
    i18n.set_lang("zh")
    assert loads(ENGLISH, "en.toml").assessment.scale == plan.assessment.scale


def test_a_chinese_meeting_keeps_chinese_grades() -> None:
    i18n.set_lang("en")
    plan = load(SMALL)
    assert [g.grade for g in plan.assessment.scale] == ["好", "较好", "一般", "差"]
    assert "较好" in _text(documents.document(plan, "forms"))


def test_the_workbook_writer_gives_an_english_meeting_english_grades() -> None:
    from reviewtui.prepare import toml_writer

    data = {"meeting": {"title": "Annual review", "date": "2017-02-24"}}
    text = toml_writer.render(data, "book.xlsx")
    assert '{ grade = "Good", points = 100 }' in text and '{ level = "Poor", min = 0 }' in text
    assert "好" not in text.split("[assessment]")[1].split("double_entry")[0]


# ------------------------------------------------------------------------------------------------
# 12. The --qr sentence; the 说明 sheet's export time in local time, in words


@pytest.mark.parametrize("lang", ["zh", "en"])
def test_a_qr_form_says_the_code_is_an_alternative_and_voids_the_paper(lang: str) -> None:
    i18n.set_lang(lang)
    plan = loads(ENGLISH, "en.toml") if lang == "en" else load(SMALL)
    with_qr = _text(printing.forms(plan, {"A001": "http://192.168.1.10:8000/f/x"}))
    plain = _text(printing.forms(plan))
    sentence = i18n.t("print.form_qr")
    assert sentence in with_qr and sentence not in plain
    assert with_qr.count(sentence) == 1  # only the form with a code says it
    assert ("作废" if lang == "zh" else "void") in sentence and sentence.count("。") <= 1


def test_the_about_sheet_gives_the_export_time_in_words(tmp_path: Path) -> None:
    i18n.set_lang("zh")
    store = Store.create(tmp_path / "m.db", load(SMALL))
    minutes = read_minutes(store)
    store.close()
    sheet = load_workbook(io.BytesIO(render(minutes, "xlsx")))["说明"]
    values = {row[0].value: row[1].value for row in sheet.iter_rows() if row[0].value}
    shown = values["导出时间"]
    local = minutes.as_of.astimezone()
    assert shown.startswith(f"{local.year}年{local.month}月{local.day}日 {local.hour}时")
    assert not re.search(r"\dT\d", shown) and re.search(r"（UTC[+-]\d\d:\d\d）$", shown)


# ------------------------------------------------------------------------------------------------
# 4. Notice and feedback: the rectification list as edited, every line or "其余 N 条", sources


@pytest.fixture
def edited_minutes(small_session: Path, fake_clock: object) -> object:
    from test_minutes import build

    from reviewtui.rectify import Rectification
    from reviewtui.store import open_session

    db = build(small_session, fake_clock)  # type: ignore[arg-type]
    store = open_session(db, write=True)
    rect = Rectification(store)
    first, second, _comment = rect.lines("雁翅镇党委")
    # the two questions made one problem in the secretary's words; the praise left as it is
    rect.merge(first.key, second.key)  # "第一书记怎样考核?; 还有什么困难?"
    rect.edit(first.key, problem="第一书记考核办法不健全")
    for n in range(13):
        rect.add("城子街道工委", f"台账问题第{n + 1}项")
    minutes = read_minutes(store)
    store.close()
    return minutes


def _paragraphs(data: bytes) -> list[str]:
    return [p.text for p in Document(io.BytesIO(data)).paragraphs]


def test_the_notice_lists_the_edited_list_with_its_askers_and_counts_the_rest(
    edited_minutes: object,
) -> None:
    i18n.set_lang("zh")
    text = _paragraphs(render(edited_minutes, "notice"))  # type: ignore[arg-type]
    section = text[text.index(i18n.t("notice.s3")) + 1 : text.index(i18n.t("notice.s4"))]
    merged = next(p for p in section if "第一书记考核办法不健全" in p)
    # a merged line keeps both askers
    assert "党代表 张建国提问" in merged and "党代表 李秀英提问" in merged
    # no raw question, no praise pasted as a problem
    raw = [p for p in section if "?" in p or "？" in p]
    assert not raw, raw
    assert not any("措施有力" in p for p in section)
    # 14 lines in the secretary's words, 12 listed: the other 2 and the comment are counted
    listed = [p for p in section if re.match(r"\d+\. ", p)]
    assert len(listed) == 12
    assert section[-1] == "其余 3 条见整改清单。"


def test_the_feedback_letter_lists_its_units_problems_with_their_sources(
    edited_minutes: object,
) -> None:
    i18n.set_lang("zh")
    text = _paragraphs(render(edited_minutes, "feedback"))  # type: ignore[arg-type]
    start = text.index("雁翅镇党委：")
    letter = text[start : text.index("城子街道工委：")]
    problems = letter[letter.index(i18n.t("feedback.problems")) + 1 :]
    assert problems[0] == "1. 第一书记考核办法不健全（党代表 张建国提问、党代表 李秀英提问）"
    assert problems[1] == "其余 1 条见整改清单。"
    assert not any("措施有力" in p for p in problems)


# ------------------------------------------------------------------------------------------------
# 8. Handouts: full-width punctuation, a Chinese date, titles broken where a phrase ends, and a
# script the chair can read; 11. sign-in: time and venue, its group on every page, no orphan


def _docx(plan: object, kind: str) -> object:
    buffer = io.BytesIO()
    documents.document(plan, kind).save(buffer)  # type: ignore[arg-type]
    return Document(io.BytesIO(buffer.getvalue()))


@pytest.fixture
def sample_plan() -> object:
    i18n.set_lang("zh")
    return load(ROOT / "sessions" / "mentougou-2017.toml")


def test_handouts_in_full_width_punctuation_with_a_chinese_date(sample_plan: object) -> None:
    for kind in ("agenda", "script", "signin"):
        doc = _docx(sample_plan, kind)
        texts = [p.text for p in doc.paragraphs]
        title = texts[0]
        assert "\n" in title and not title.split("\n")[0].endswith("抓基")  # a phrase's end
        own = sample_plan.meeting.title  # type: ignore[attr-defined]
        for text in texts[1:]:  # the title is the plan's own text, as written
            text = text.replace("\n", "").replace(own, "")
            assert not re.search(r"[\u4e00-\u9fff][,:;(]|[,:;)][\u4e00-\u9fff]", text), text
        if kind != "script":
            assert "时间：2017年2月24日 14:30" in texts and "地点：区委党校报告厅" in texts


def test_the_script_reads_as_the_chair_says_it(sample_plan: object) -> None:
    texts = [p.text for p in _docx(sample_plan, "script").paragraphs]
    body = "\n".join(texts)
    assert "请区委副书记主持人" not in body and "下面，我说明议程，时间 3 分钟。" in texts
    assert "（议程" not in body and "现在进行第一项议程：主持人说明议程。" in texts
    assert texts[3].startswith("根据（请填写")
    # six leaders, one of them 区委常委、组织部部长: joined so that they read as six
    leaders = next(t for t in texts if t.startswith("出席今天会议的区领导有："))
    assert leaders.count("，") == 5 and "区委常委、组织部部长" in leaders


def test_signin_pages_name_their_group_and_keep_the_last_rows_together(
    sample_plan: object,
) -> None:
    from docx.oxml.ns import qn

    doc = _docx(sample_plan, "signin")
    for table in doc.tables:
        caption, head = table.rows[0], table.rows[1]
        assert caption.cells[0].text.startswith("类别：")
        for row in (caption, head):  # repeated at the top of every page the table runs onto
            assert row._tr.trPr.find(qn("w:tblHeader")) is not None
        assert all(row._tr.trPr.find(qn("w:cantSplit")) is not None for row in table.rows)
        before_last = table.rows[-2].cells[0].paragraphs[0]
        assert before_last.paragraph_format.keep_with_next


# ------------------------------------------------------------------------------------------------
# 9. Each feedback letter its own section, on a new sheet (an odd page), numbered from 1


def test_each_feedback_letter_is_a_section_numbered_from_one(edited_minutes: object) -> None:
    from docx.enum.section import WD_SECTION
    from docx.oxml.ns import qn

    i18n.set_lang("zh")
    doc = Document(io.BytesIO(render(edited_minutes, "feedback")))  # type: ignore[arg-type]
    units = edited_minutes.units  # type: ignore[attr-defined]
    assert len(doc.sections) == len(units)
    for section in doc.sections[1:]:
        # on an odd page: printed on both sides, each letter starts a sheet of its own
        assert section.start_type == WD_SECTION.ODD_PAGE
        assert section._sectPr.find(qn("w:type")).get(qn("w:val")) == "oddPage"
        number = section._sectPr.find(qn("w:pgNumType"))
        assert number is not None and number.get(qn("w:start")) == "1"
        children = [c.tag.split("}")[1] for c in section._sectPr]
        assert children.index("pgNumType") < children.index("docGrid")  # schema order
        assert section._sectPr.find(qn("w:docGrid")).get(qn("w:linePitch")) == "579"
        assert "PAGE" in section.footer.paragraphs[0]._p.xml


def test_an_english_grade_is_not_broken_inside_a_word() -> None:
    i18n.set_lang("en")
    doc = Document(io.BytesIO(_save(printing.forms(loads(ENGLISH, "en.toml")))))
    grid = doc.tables[0]._tbl.tblGrid
    widths = [int(col.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
              for col in grid]  # fmt: skip
    head = [c.text for c in doc.tables[0].rows[0].cells]
    fairly = widths[head.index("Fairly good")]
    assert fairly > widths[head.index("Good")] and fairly >= 20 * 56.7 * 0.75  # twips
    i18n.set_lang("zh")
    chinese = Document(io.BytesIO(_save(printing.forms(load(SMALL)))))
    cols = [int(c.get("{http://schemas.openxmlformats.org/wordprocessingml/2006/main}w"))
            for c in chinese.tables[0]._tbl.tblGrid]  # fmt: skip
    assert len(set(cols[2:6])) == 1  # four grade columns of one width


def _save(doc: object) -> bytes:
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    return buffer.getvalue()


# ------------------------------------------------------------------------------------------------
# 10. Identical opinions listed once, with how many raters wrote them


def test_identical_opinions_are_listed_once_with_their_count(edited_minutes: object) -> None:
    import dataclasses

    from reviewtui.export.problems import opinion_lines

    i18n.set_lang("zh")
    texts = ("加强队伍建设", "台账要规范", "加强队伍建设", "加强队伍建设")
    assert opinion_lines(texts) == ["加强队伍建设（3 人提出）", "台账要规范"]
    items = edited_minutes.items  # type: ignore[attr-defined]
    first = next(i for i in items if i.unit == "雁翅镇党委")
    items = tuple(dataclasses.replace(i, opinions=texts) if i is first else i for i in items)
    minutes = dataclasses.replace(edited_minutes, items=items)  # type: ignore[type-var]
    for fmt in ("docx", "feedback"):
        body = "\n".join(_paragraphs(render(minutes, fmt)))
        assert "加强队伍建设（3 人提出）" in body and body.count("加强队伍建设") == 1
    md = render(minutes, "md")
    assert isinstance(md, str) and "- 加强队伍建设（3 人提出）" in md


def test_empty_break_and_form_items_have_no_heading_and_headings_keep_with_next(
    edited_minutes: object,
) -> None:
    i18n.set_lang("zh")
    doc = Document(io.BytesIO(render(edited_minutes, "docx")))  # type: ignore[arg-type]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Official Heading 1"]
    assert not any(h.endswith(("填写测评表", "休息")) for h in headings), headings
    numbers = [h.split("、")[0] for h in headings]
    assert numbers == ["一二三四五六七八九十"[i] for i in range(len(numbers))]  # no gap
    for name in ("Official Heading 1", "Official Heading 2", "Official Heading 3"):
        assert doc.styles[name].paragraph_format.keep_with_next


def test_a_written_units_letter_points_to_its_raters_opinions(edited_minutes: object) -> None:
    import dataclasses

    i18n.set_lang("zh")
    items = edited_minutes.items  # type: ignore[attr-defined]
    written = next(i for i in items if i.mode == "written")
    opinions = ("材料翔实", "材料翔实", "台账要规范")
    items = tuple(dataclasses.replace(i, opinions=opinions) if i is written else i for i in items)
    minutes = dataclasses.replace(edited_minutes, items=items)  # type: ignore[type-var]
    text = _paragraphs(render(minutes, "feedback"))
    letter = text[text.index(f"{written.unit}：") :]
    assert "1. 材料翔实（2 人提出）" in letter and "2. 台账要规范" in letter
    assert i18n.t("feedback.no_problems") not in letter


def _with_written_opinions(minutes: object) -> object:
    """The minutes with a second written unit, and opinions (two of them alike) on the first."""
    import dataclasses

    items = list(minutes.items)  # type: ignore[attr-defined]
    index, written = next((n, i) for n, i in enumerate(items) if i.mode == "written")
    opinions = ("材料翔实", "材料翔实", "台账要规范")
    items[index] = dataclasses.replace(written, opinions=opinions)
    other = dataclasses.replace(written, id=written.id + 100, unit="清水镇党委", speaker="李四")
    items.insert(index + 1, other)
    return dataclasses.replace(minutes, items=tuple(items))  # type: ignore[type-var]


def test_written_units_are_one_compact_table_in_the_minutes(edited_minutes: object) -> None:
    from docx.oxml.ns import qn

    i18n.set_lang("zh")
    minutes = _with_written_opinions(edited_minutes)
    doc = Document(io.BytesIO(render(minutes, "docx")))  # type: ignore[arg-type]
    headings = [p.text for p in doc.paragraphs if p.style.name == "Official Heading 1"]
    assert not any("王平镇党委" in h or "清水镇党委" in h for h in headings), headings
    assert sum(h.endswith("书面述职单位") for h in headings) == 1
    (grid,) = [t for t in doc.tables if t.rows[0].cells[0].text == "序号"]
    rows = [[c.text for c in r.cells] for r in grid.rows]
    assert rows[0] == ["序号", "单位", "述职人", "意见建议"]
    assert rows[1][:3] == ["1", "王平镇党委", "王平镇党委书记"]
    assert rows[2][:3] == ["2", "清水镇党委", "李四"]
    assert rows[1][3] == "1. 材料翔实（2 人提出）\n2. 台账要规范" and rows[2][3] == "—"
    assert all(r._tr.trPr.find(qn("w:cantSplit")) is not None for r in grid.rows)
    # the paragraph before the table stays with it; "书面述职（不计时）" is said once, by the intro
    body = "\n".join(p.text for p in doc.paragraphs)
    assert "以下 2 个单位书面述职，不计时，参加测评。" in body and "书面述职（不计时）" not in body
    md = render(minutes, "md")
    assert isinstance(md, str) and md.count("书面述职单位") == 1
    assert any(line.startswith("| 1 ") and "| 1. 材料翔实（2 人提出）；2. 台账要规范" in line
               for line in md.splitlines())  # fmt: skip
    assert "## 三、王平镇党委" not in md


def test_an_on_site_units_heading_block_keeps_with_its_text(edited_minutes: object) -> None:
    i18n.set_lang("zh")
    doc = Document(io.BytesIO(render(edited_minutes, "docx")))  # type: ignore[arg-type]
    paragraphs = doc.paragraphs
    start = next(n for n, p in enumerate(paragraphs) if p.text.endswith("雁翅镇党委"))
    facts = paragraphs[start + 1 : start + 3]
    assert facts[0].text.startswith("述职人：")
    assert all(p.paragraph_format.keep_with_next for p in facts)


def test_an_item_with_nothing_under_its_facts_lets_go_of_the_next(edited_minutes: object) -> None:
    """A unit not held (述职人, 开始时间：未进行) keeps its lines together but not with the next
    item: a chain of such items moved whole to the next page, leaving a half page empty."""
    import dataclasses

    i18n.set_lang("zh")
    items = edited_minutes.items  # type: ignore[attr-defined]
    held = next(i for i in items if i.mode == "onsite" and i.segments)
    not_held = dataclasses.replace(held, segments=(), questions=(), comments=(), notes="")
    items = tuple(not_held if i is held else i for i in items)
    minutes = dataclasses.replace(edited_minutes, items=items)  # type: ignore[type-var]
    paragraphs = Document(io.BytesIO(render(minutes, "docx"))).paragraphs
    start = next(n for n, p in enumerate(paragraphs) if p.text.endswith(held.unit))
    facts = paragraphs[start + 1]
    assert "未进行" in facts.text and paragraphs[start + 2].style.name == "Official Heading 1"
    assert facts.paragraph_format.keep_with_next is False
