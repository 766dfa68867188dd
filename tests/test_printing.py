"""`print`: forms, agenda, script and sign-in sheets on the official page."""

from __future__ import annotations

import io
from functools import cache
from pathlib import Path

import pytest
from docx import Document

from reviewtui import i18n
from reviewtui.office import official
from reviewtui.plan import load
from reviewtui.prepare import documents, printing

ROOT = Path(__file__).resolve().parent.parent
SAMPLE = ROOT / "sessions" / "mentougou-2017.toml"


def _reopen(doc: object) -> object:
    buffer = io.BytesIO()
    doc.save(buffer)  # type: ignore[attr-defined]
    buffer.seek(0)
    return Document(buffer)


@pytest.fixture
def plan():  # type: ignore[no-untyped-def]
    i18n.set_lang("zh")
    return load(SAMPLE)


@cache
def rendered(kind: str, lang: str) -> object:
    """The sample meeting's document, made and reopened once per module (a document of 102 forms
    takes seconds): the tests only read it."""
    before = i18n.get_lang()
    i18n.set_lang(lang)
    try:
        return _reopen(documents.document(load(SAMPLE), kind))
    finally:
        i18n.set_lang(before)


def test_forms_one_page_each_with_serials_units_and_boxes(plan) -> None:  # type: ignore[no-untyped-def]
    doc = rendered("forms", "zh")
    issued = sum(g.issued for g in plan.groups)
    assert len(doc.tables) == issued == 102
    breaks = [p for p in doc.paragraphs if p.paragraph_format.page_break_before]
    assert len(breaks) == issued - 1
    serial_lines = [p.text for p in doc.paragraphs if p.text.startswith("编号：")]
    assert serial_lines[0] == "编号：A001    类别：区级领导"
    assert serial_lines[11].startswith("编号：A012")
    assert serial_lines[12].startswith("编号：B001")
    assert serial_lines[-1] == "编号：D020    类别：群众代表"
    table = doc.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["序号", "单位", "好", "较好", "一般", "差"]
    assert [r.cells[1].text for r in table.rows[1:]] == [u.name for u in plan.units]
    assert all(c.text == printing.BOX for r in table.rows[1:] for c in r.cells[2:])
    assert any("未作评价" in p.text for p in doc.paragraphs)


def test_agenda_times_from_the_planned_start(plan) -> None:  # type: ignore[no-untyped-def]
    doc = rendered("agenda", "zh")
    rows = [[c.text for c in r.cells] for r in doc.tables[0].rows]
    assert rows[1][-1] == "14:30–14:33"
    report = next(r for r in rows if r[1] == "雁翅镇党委述职")
    assert report[2] == "雁翅镇党委书记" and report[3] == "5:00"
    assert any("书面述职单位" in p.text and "王平镇党委" in p.text for p in doc.paragraphs)


def test_script_reads_as_the_chair_reads_it(plan) -> None:  # type: ignore[no-untyped-def]
    text = "\n".join(p.text for p in rendered("script", "zh").paragraphs)  # type: ignore[attr-defined]
    assert "首先，请雁翅镇党委书记述职，时间 5 分钟。" in text
    assert "请区长对雁翅镇党委的述职进行点评。" in text
    assert "本次共发放测评表 102 份，其中区级领导 12 份" in text
    assert "应到 102 人，实到 ____ 人" in text
    assert text.rstrip().endswith("散会。")
    assert "请区委书记讲话，时间 15 分钟。" in text  # the speaker named once


def test_signin_one_sheet_per_group_with_expected_rows(plan) -> None:  # type: ignore[no-untyped-def]
    doc = rendered("signin", "zh")
    assert [len(t.rows) - 2 for t in doc.tables] == [g.issued for g in plan.groups]  # caption, head


def test_official_page_fonts_and_footers(plan) -> None:  # type: ignore[no-untyped-def]
    doc = rendered("agenda", "zh")
    section = doc.sections[0]
    assert round(section.page_width.mm) == 210 and round(section.page_height.mm) == 297
    assert round(section.top_margin.mm) == 37 and round(section.left_margin.mm) == 28
    grid = section._sectPr.xpath("./w:docGrid")[0]
    assert grid.get(official.qn("w:linePitch")) == "579"
    body = doc.styles[official.BODY]
    assert body.font.size.pt == 16
    assert body.element.xpath("./w:rPr/w:rFonts/@w:eastAsia") == ["仿宋_GB2312"]
    title = doc.styles[official.TITLE]
    assert title.element.xpath("./w:rPr/w:rFonts/@w:eastAsia") == ["方正小标宋简体"]
    assert doc.settings.odd_and_even_pages_header_footer
    odd = section.footer.paragraphs[0]
    even = section.even_page_footer.paragraphs[0]
    assert odd.text.startswith("— ") and odd.text.endswith(" —")
    assert "PAGE" in odd._p.xml and "PAGE" in even._p.xml
    assert doc.core_properties.created.year >= 2026
    fonts = [rel.target_part for rel in doc.part.rels.values() if rel.reltype.endswith("fontTable")]
    assert b"altName" in fonts[0].blob and "仿宋".encode() in fonts[0].blob


def test_english_documents(plan) -> None:  # type: ignore[no-untyped-def]
    doc = rendered("forms", "en")
    assert any(p.text.startswith("Serial: A001") for p in doc.paragraphs)
