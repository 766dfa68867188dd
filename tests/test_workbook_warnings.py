"""跨年度提醒 in the session workbook (issue 25): the sheet `template` writes, `new` reads into
`[[assessment.warnings]]`, `check` accepts; its mistakes named by sheet and cell; a workbook made
before the sheet existed reads as it did."""

from __future__ import annotations

import datetime as dt
import tomllib
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reviewtui import i18n
from reviewtui.errors import UserError
from reviewtui.plan import loads
from reviewtui.plan.model import WarningRule
from reviewtui.prepare import new, template

ROOT = Path(__file__).resolve().parent.parent
# sessions/mentougou-2017.xlsx as it was before this sheet: a workbook an office already holds.
OLD_SAMPLE = ROOT / "tests" / "fixtures" / "book" / "mentougou-2017-before-warnings.xlsx"
SAMPLE_BOOK = ROOT / "sessions" / "mentougou-2017.xlsx"
# The empty template as an earlier release wrote it (commit dca1fe8: no 类别 column either).
OLD_TEMPLATE = ROOT / "tests" / "fixtures" / "book" / "template-main30.xlsx"

MEETING = [["项目", "内容"], ["会议名称", "测试会"], ["日期", dt.datetime(2018, 2, 24)]]
UNITS = [
    ["单位名称", "述职人", "述职方式", "类别"],
    ["甲镇党委", "甲镇党委书记", "现场", "镇街"],
    ["乙镇党委", "乙镇党委书记", "现场", "镇街"],
    ["区教委党委", "区教委书记", "书面", "系统"],
]
WARNINGS = [
    ["规则", "等次", "末位名数", "类别", "连续届数", "处理"],
    ["等次", "一般", None, None, 2, "约谈"],
    ["末位", None, 1, "系统", 3, None],
    ["整改未完成"],
]
RULES = (
    WarningRule("level", level="一般", years=2, action="talk"),
    WarningRule("bottom", bottom=1, category="系统", years=3, action="remind"),
    WarningRule("rectify", years=2, action="remind"),
)


def _book(folder: Path, sheets: dict[str, list[list[object]]]) -> Path:
    """A workbook as an office fills one by hand: only the sheets it needs, no template."""
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "book.xlsx"
    book.save(path)
    return path


def test_the_template_has_the_sheet_with_its_drop_downs(tmp_path: Path) -> None:
    for lang, title, head, rules, actions in (
        ("zh", "跨年度提醒", ["规则", "等次", "末位名数", "类别", "连续届数", "处理"],
         '"等次,末位,整改未完成"', '"提醒,约谈"'),
        ("en", "warnings", ["rule", "level", "bottom", "category", "years", "action"],
         '"level,bottom,rectify"', '"remind,talk"'),
    ):  # fmt: skip
        path = tmp_path / f"{lang}.xlsx"
        template.write_template(path, lang=lang)
        ws = load_workbook(path)[title]
        assert [c.value for c in ws[1]] == head
        assert ws["A2"].value is None  # no example row: one left in place would warn
        lists = {str(v.sqref): v.formula1 for v in ws.data_validations.dataValidation}
        assert lists == {"A2:A500": rules, "F2:F500": actions}


def test_an_office_workbook_round_trips_to_check(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    path = _book(tmp_path, {"会议": MEETING, "单位": UNITS, "跨年度提醒": WARNINGS})
    text = new.session_text(path)
    assert tomllib.loads(text)["assessment"]["warnings"] == [
        {"rule": "level", "level": "一般", "action": "talk"},  # years 2: the default, unwritten
        {"rule": "bottom", "bottom": 1, "category": "系统", "years": 3},
        {"rule": "rectify"},
    ]
    assert loads(text, "m.toml").assessment.warnings == RULES
    session = tmp_path / "m.toml"
    written = cli("new", path, "-o", session, "--lang", "zh")
    assert written.code == 0, written.output
    assert "warnings = [" in session.read_text(encoding="utf-8")
    checked = cli("check", session, "--lang", "zh")
    assert checked.code == 0, checked.output
    # ... and back: the session file as the workbook again (`plan_rows`), read the same.
    again = tmp_path / "again.xlsx"
    template.write_workbook(again, template.plan_rows(tomllib.loads(text)), lang="zh")
    assert loads(new.session_text(again), "again.toml").assessment.warnings == RULES


def test_an_english_workbook(tmp_path: Path) -> None:
    i18n.set_lang("en")
    rows = [
        ["rule", "level", "bottom", "category", "years", "action"],
        ["level", "一般", None, None, 2, "talk"],
        ["bottom", None, 1, "系统", 3, "remind"],
        ["rectify"],
    ]
    path = _book(tmp_path, {"meeting": MEETING, "units": UNITS, "warnings": rows})
    assert loads(new.session_text(path), "m.toml").assessment.warnings == RULES


def test_mistakes_name_sheet_and_cell_and_exit_2(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    bad = [
        WARNINGS[0],
        ["红牌", "一般"],  # row 2: no such rule
        ["等次", "优秀", None, None, 9],  # row 3: no such level, too many years
        ["末位", None, 1, "街道"],  # row 4: no such category
    ]
    path = _book(tmp_path, {"会议": MEETING, "单位": UNITS, "跨年度提醒": bad})
    with pytest.raises(UserError) as caught:
        new.session_text(path)
    lines = caught.value.lines
    expected = {
        "第 2 行 A 列（规则）": "红牌",
        "第 3 行 B 列（等次）": "优秀",
        "第 3 行 E 列（连续届数）": "9",
        "第 4 行 D 列（类别）": "街道",
    }
    for cell, value in expected.items():
        assert any("工作表“跨年度提醒”" + cell in x and value in x for x in lines), (cell, lines)
    result = cli("new", path, "-o", tmp_path / "m.toml", "--lang", "zh")
    assert result.code == 2 and "Traceback" not in result.output
    assert not (tmp_path / "m.toml").exists()


def test_a_workbook_made_before_the_sheet_reads_as_before(tmp_path: Path) -> None:
    i18n.set_lang("zh")
    old = load_workbook(OLD_SAMPLE)
    assert "跨年度提醒" not in old.sheetnames and "测评" in old.sheetnames
    text = new.session_text(OLD_SAMPLE)
    assert "warnings" not in tomllib.loads(text)["assessment"]
    # The sample as `template` writes it now (with the empty sheet) gives the same file.
    assert new.session_text(SAMPLE_BOOK).replace(SAMPLE_BOOK.name, OLD_SAMPLE.name) == text
    made = loads(new.session_text(OLD_TEMPLATE), "t.toml")
    assert [u.name for u in made.units] == ["雁翅镇党委"] and made.assessment.warnings == ()
    plain = _book(tmp_path, {"会议": MEETING, "单位": UNITS})
    assert loads(new.session_text(plain), "m.toml").assessment.warnings == ()
