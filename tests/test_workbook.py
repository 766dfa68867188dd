"""The session workbook: `template` writes it, `new` reads it into a checked session file."""

from __future__ import annotations

import datetime as dt
import os
import tomllib
import zipfile
from pathlib import Path

import pytest
from openpyxl import Workbook, load_workbook

from reviewtui import i18n
from reviewtui.errors import UserError
from reviewtui.plan import loads
from reviewtui.prepare import layout, new, template

ROOT = Path(__file__).resolve().parent.parent
SAMPLE_TOML = ROOT / "sessions" / "mentougou-2017.toml"
SAMPLE_BOOK = ROOT / "sessions" / "mentougou-2017.xlsx"

SPEC_HEADERS = {
    "会议": ["项目", "内容"],
    "单位": [
        "单位名称",
        "述职人",
        "述职方式",
        "点评领导",
        "述职题目",
        "述职限时",
        "日常考核得分",
        "曾用名",
        "类别",
    ],
    "领导": ["姓名或职务"],
    "测评人类别": ["类别", "权重", "发放份数", "应到人数", "编号前缀"],
    "提问人": ["姓名", "类别"],
    "议程": ["类型", "标题", "讲话人", "时长"],
    "测评": ["测评项目", "满分", "权重"],
    "跨年度提醒": ["规则", "等次", "末位名数", "类别", "连续届数", "处理"],
}


def _headers(path: Path) -> dict[str, list[str]]:
    book = load_workbook(path)
    return {ws.title: [c.value for c in ws[1] if c.value is not None] for ws in book.worksheets[1:]}


def test_template_zh_has_the_fixed_sheets_headers_and_drop_downs(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    template.write_template(path, lang="zh")
    assert _headers(path) == SPEC_HEADERS
    book = load_workbook(path)
    assert book.sheetnames[0] == "说明"
    units = book["单位"]
    lists = {str(v.sqref): v.formula1 for v in units.data_validations.dataValidation}
    assert lists["C2:C500"] == '"现场,书面"'
    assert lists["D2:D500"] == "'领导'!$A$2:$A$500"
    reps = {str(v.sqref): v.formula1 for v in book["提问人"].data_validations.dataValidation}
    assert reps["B2:B500"] == "'测评人类别'!$A$2:$A$500"
    agenda = {str(v.sqref): v.formula1 for v in book["议程"].data_validations.dataValidation}
    assert agenda["A2:A500"] == '"讲话,述职,测评,休息"'
    # Typed limits stay text: Excel must not read 5:00 as five o'clock.
    assert units["F3"].number_format == "@"
    assert units["A2"].value == "雁翅镇党委"


def test_template_en_uses_the_key_names(tmp_path: Path) -> None:
    path = tmp_path / "t.xlsx"
    template.write_template(path, lang="en")
    headers = _headers(path)
    assert headers["units"] == [c.key for c in layout.UNITS.columns]
    assert headers["groups"] == ["name", "weight", "issued", "expected", "code"]


def test_the_template_as_it_comes_makes_a_valid_session(tmp_path: Path) -> None:
    for lang in ("zh", "en"):
        path = tmp_path / f"{lang}.xlsx"
        template.write_template(path, lang=lang)
        plan = loads(new.session_text(path), str(path))
        assert [u.name for u in plan.units] == ["雁翅镇党委"]


def test_sample_workbook_makes_the_sample_meeting() -> None:
    text = new.session_text(SAMPLE_BOOK)
    made = tomllib.loads(text)
    sample = tomllib.loads(SAMPLE_TOML.read_text(encoding="utf-8"))
    for key in ("meeting", "units", "leaders", "groups", "representatives", "agenda"):
        assert made[key] == sample[key], key
    assert made["assessment"]["items"] == sample["assessment"]["items"]
    plan = loads(text, "made.toml")
    assert len(plan.units) == 15


def test_sample_workbook_is_current(tmp_path: Path) -> None:
    """sessions/mentougou-2017.xlsx is the sample session file, as `template` would fill it."""
    sample = tomllib.loads(SAMPLE_TOML.read_text(encoding="utf-8"))
    fresh = tmp_path / "fresh.xlsx"
    template.write_workbook(fresh, template.plan_rows(sample), lang="zh")
    for title, rows in _values(fresh).items():
        assert _values(SAMPLE_BOOK)[title] == rows, title


def _values(path: Path) -> dict[str, list[tuple[object, ...]]]:
    book = load_workbook(path)
    return {ws.title: list(ws.iter_rows(values_only=True)) for ws in book.worksheets}


def _book(tmp_path: Path, sheets: dict[str, list[list[object]]]) -> Path:
    book = Workbook()
    first = book.active
    assert first is not None
    book.remove(first)
    for title, rows in sheets.items():
        ws = book.create_sheet(title)
        for row in rows:
            ws.append(row)
    path = tmp_path / "book.xlsx"
    book.save(path)
    return path


MEETING = [["项目", "内容"], ["会议名称", "测试会"], ["日期", dt.datetime(2017, 2, 24)]]


def test_problems_name_sheet_row_and_column(tmp_path: Path) -> None:
    i18n.set_lang("zh")
    path = _book(
        tmp_path,
        {
            "会议": MEETING,
            "领导": [["姓名或职务"], ["区长"]],
            "单位": [
                ["单位名称", "述职人", "述职方式", "点评领导", "日常考核得分"],
                ["甲镇党委", "甲镇党委书记", "现场", "区委书记", 90],
                ["乙镇党委", "乙镇党委书记", "上台", None, "九十"],
            ],
        },
    )
    with pytest.raises(UserError) as caught:
        new.session_text(path)
    lines = caught.value.lines
    assert any("“单位”第 3 行 C 列（述职方式）" in line and "上台" in line for line in lines)
    assert any("“单位”第 3 行 E 列（日常考核得分）" in line and "九十" in line for line in lines)
    # What the session-file validator finds is placed on the cell too.
    new_lines = [line for line in lines if "第 2 行 D 列（点评领导）" in line]
    assert new_lines and "区委书记" in new_lines[0]


def test_english_headers_read_in_any_sheet_and_excel_times(tmp_path: Path) -> None:
    path = _book(
        tmp_path,
        {
            "meeting": [
                ["key", "value"],
                ["title", "A meeting"],
                ["date", "2017-02-24"],
                ["start", dt.time(14, 30)],
            ],
            "单位": [
                ["name", "reporter", "mode", "report"],
                ["甲镇党委", "书记", "onsite", dt.time(6, 0)],
            ],
        },
    )
    data = tomllib.loads(new.session_text(path))
    assert data["meeting"]["start"] == "14:30"
    assert data["units"][0]["report"] == "6:00"
    assert data["units"][0]["mode"] == "onsite"


def test_unknown_header_is_refused(tmp_path: Path) -> None:
    path = _book(tmp_path, {"会议": MEETING, "单位": [["单位名称", "电话"], ["甲镇党委", "1"]]})
    with pytest.raises(UserError) as caught:
        new.session_text(path)
    assert any("B" in line and "电话" in line for line in caught.value.lines)


def test_not_a_workbook_a_folder_and_a_zip_bomb(tmp_path: Path) -> None:
    text = tmp_path / "x.xlsx"
    text.write_text("not a zip")
    folder = tmp_path / "d.xlsx"
    folder.mkdir()
    fifo = tmp_path / "p.xlsx"
    os.mkfifo(fifo)
    bomb = tmp_path / "bomb.xlsx"
    with zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/big.xml", b"\0" * (300 * 1024 * 1024))
    for path in (text, folder, fifo, bomb, tmp_path / "missing.xlsx"):
        with pytest.raises(UserError):
            new.session_text(path)


def test_a_new_user_fills_the_template_and_runs_the_meeting(tmp_path: Path) -> None:
    """template -> 5 units, 2 leaders, 2 groups typed in -> new -> check -> a meeting runs;
    wrong cells (现埸, a commenter who is no leader, a weight of 三成) name sheet, row, column."""
    from reviewtui.meeting import Meeting
    from reviewtui.store import Store

    i18n.set_lang("zh")
    path = tmp_path / "t.xlsx"
    template.write_template(path, lang="zh")
    book = load_workbook(path)
    units = [
        ("甲镇党委", "甲镇党委书记", "现场", "区长", "5:00", 90),
        ("乙镇党委", "乙镇党委书记", "现埸", "区委书记", "6:00", 91),
        ("丙街道工委", "丙街道工委书记", "书面", None, None, 88),
        ("丁镇党委", "丁镇党委书记", "现场", "区委副书记", None, 92),
        ("戊镇党委", "戊镇党委书记", "现场", "区长", None, 89),
    ]
    for r, (name, reporter, mode, commenter, limit, daily) in enumerate(units, start=2):
        for c, value in zip("ABCDFG", (name, reporter, mode, commenter, limit, daily), strict=True):
            book["单位"][f"{c}{r}"] = value
        book["单位"][f"E{r}"] = None
    book["领导"]["A2"], book["领导"]["A3"] = "区长", "区委书记"
    for r, row in enumerate((("区级领导", "三成", 10, 10, "A"), ("党代表", 0.7, 30, 32, "B")), 2):
        for c, value in zip("ABCDE", row, strict=True):
            book["测评人类别"][f"{c}{r}"] = value
    book["提问人"]["B2"] = "党代表"
    book["议程"]["C2"] = "区委书记"
    book.save(path)
    with pytest.raises(UserError) as caught:
        new.session_text(path)
    lines = caught.value.lines
    assert any("“单位”第 3 行 C 列（述职方式）" in x and "现埸" in x for x in lines)
    assert any("“单位”第 5 行 D 列（点评领导）" in x and "区委副书记" in x for x in lines)
    assert any("“测评人类别”第 2 行 B 列（权重）" in x and "三成" in x for x in lines)
    book["单位"]["C3"], book["单位"]["D5"], book["测评人类别"]["B2"] = "现场", "区长", 0.3
    book.save(path)
    toml = tmp_path / "m.toml"
    toml.write_text(new.session_text(path), encoding="utf-8")
    plan = loads(toml.read_text(encoding="utf-8"), str(toml))
    assert [u.name for u in plan.units] == [u[0] for u in units]
    assert [g.code for g in plan.groups] == ["A", "B"] and plan.groups[1].expected == 32
    store = Store.create(tmp_path / "m.db", plan, toml)
    meeting = Meeting(store)
    first = next(i for i in meeting.items() if i.kind == "unit")
    meeting.open_item(first.id)
    assert meeting.start_report().planned == 300
    store.close()


def test_new_never_writes_onto_its_own_workbook(cli, tmp_path: Path) -> None:
    """`new BOOK.xlsx -o BOOK.xlsx --force` replaced the workbook with the TOML (exit 0)."""
    book = tmp_path / "book.xlsx"
    book.write_bytes(SAMPLE_BOOK.read_bytes())
    result = cli("new", book, "-o", book, "--force")
    assert result.code == 2, result.output
    assert "Traceback" not in result.output
    assert book.read_bytes() == SAMPLE_BOOK.read_bytes()
    assert cli("new", book, "-o", tmp_path / "out.toml").code == 0


def test_a_formula_cell_is_refused_never_computed(tmp_path: Path) -> None:
    i18n.set_lang("en")
    path = _book(tmp_path, {"会议": MEETING, "单位": [["单位名称", "述职人"], ["=1+2", "x"]]})
    with pytest.raises(UserError) as caught:
        new.session_text(path)
    assert any("row 2, column A (单位名称)" in x and "=1+2" in x for x in caught.value.lines)


def test_the_blend_round_trips_and_check_warns_of_daily_scores_without_weight(
    tmp_path: Path, cli
) -> None:
    """现场测评占比 70% on the 会议 sheet: `new` writes onsite_weight = 0.7 and the results blend
    the daily scores in; without it, `check` says the daily scores count for nothing."""
    i18n.set_lang("zh")
    units = [
        ["单位名称", "述职人", "述职方式", "日常考核得分"],
        ["甲镇党委", "甲镇党委书记", "现场", 90],
        ["乙镇党委", "乙镇党委书记", "现场", 60],
    ]
    blended = _book(tmp_path, {"会议": [*MEETING, ["现场测评占比", "70%"]], "单位": units})
    text = new.session_text(blended)
    assert tomllib.loads(text)["assessment"]["onsite_weight"] == 0.7
    session = tmp_path / "m.toml"
    session.write_text(text, encoding="utf-8")
    assert "count for nothing" not in cli("check", session, env={"LANG": "C.UTF-8"}).output
    from reviewtui.assessment import ballots
    from reviewtui.assessment.tally import tally_store
    from reviewtui.store import open_session

    store = open_session(session, write=True)
    try:
        item = store.plan.assessment.items[0].name
        marks = {("甲镇党委", item): "好", ("乙镇党委", item): "好"}
        ballots.save(store, code="1", group=store.plan.groups[0].name, marks=marks)
        finals = {u.unit: u.final for u in tally_store(store).units}
    finally:
        store.close()
    assert finals == {"甲镇党委": 97.0, "乙镇党委": 88.0}  # 0.7 × 100 + 0.3 × daily
    (tmp_path / "b").mkdir()
    daily_only = _book(tmp_path / "b", {"会议": [*MEETING, ["日常考核占比", 0.3]], "单位": units})
    assert tomllib.loads(new.session_text(daily_only))["assessment"]["onsite_weight"] == 0.7

    (tmp_path / "c").mkdir()
    plain = _book(tmp_path / "c", {"会议": MEETING, "单位": units})
    session.write_text(new.session_text(plain), encoding="utf-8")
    checked = cli("check", session, env={"LANG": "C.UTF-8"})
    assert checked.code == 0 and "2 units have a daily score" in checked.output
    assert "count for nothing" in checked.output

    (tmp_path / "d").mkdir()
    wrong = _book(
        tmp_path / "d",
        {"会议": [*MEETING, ["现场测评占比", "70%"], ["日常考核占比", "40%"]], "单位": units},
    )
    with pytest.raises(UserError) as caught:
        new.session_text(wrong)
    assert any("日常考核占比" in line and "110%" in line for line in caught.value.lines)
