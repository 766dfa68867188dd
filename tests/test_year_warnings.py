"""跨年度提醒 (issue 25, point 4): three meetings made as an office makes them (session files,
ballots imported with the CLI, each naming the year before), and each rule of the third year's
plan triggers once, with its reason and years."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from chain_support import build_year
from docx import Document

from reviewtui import i18n
from reviewtui.assessment.tally import tally_store
from reviewtui.assessment.year_warnings import warnings_of
from reviewtui.export import render
from reviewtui.minutes import read_minutes
from reviewtui.rectify.commands import Rectification
from reviewtui.store import Store

L, R = "区级领导", "党代表"
TOWN, OFFICE = "镇街", "系统"
UNITS = [("区教委党委", (), OFFICE), ("区卫健委党委", (), OFFICE), ("城子街道工委", (), TOWN),
         ("雁翅镇党委", (), TOWN)]  # fmt: skip
# Grades (教委, 卫健, 城子, 雁翅) of the 区级领导 form (weight 0.6), then the 党代表 one (0.4).
YEARS = {
    2016: (["好", "较好", "好", "较好"], ["好", "较好", "较好", "一般"]),  # 100 80 92 72
    2017: (["好", "好", "较好", "一般"], ["好", "较好", "好", "一般"]),  # 100 92 88 60
    2018: (["好", "较好", "好", "一般"], ["好", "好", "好", "较好"]),  # 100 88 100 68
}
RULES = """
[[assessment.warnings]]
rule = "level"
level = "一般"
years = 2
action = "talk"

[[assessment.warnings]]
rule = "bottom"
bottom = 1
category = "系统"
years = 3

[[assessment.warnings]]
rule = "rectify"
"""


def chain(folder: Path, cli, rules: str = RULES) -> Path:
    """2016 ← 2017 ← 2018; 2017's list keeps one open line of 城子 and a done one of 教委."""
    previous = None
    db = folder
    for year, (leaders, members) in YEARS.items():
        tail = rules if year == 2018 else ""
        db = build_year(folder, year, UNITS, [(L, leaders), (R, members)], cli,
                        previous=previous, tail=tail)  # fmt: skip
        previous = db.name
        if year == 2017:
            store = Store.open_writer(db)
            try:
                listed = Rectification(store)
                listed.add("城子街道工委", "背街小巷环境整治不到位")
                listed.add("区教委党委", "课后服务覆盖面不足", status="done")
            finally:
                store.close()
    return db


def test_each_rule_triggers_once_with_its_reason(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    db = chain(tmp_path, cli)
    store = Store.open_reader(db)
    try:
        found = warnings_of(store, tally_store(store))
    finally:
        store.close()
    got = [(w.rule.rule, w.unit, w.years) for w in found]
    assert got == [
        ("level", "雁翅镇党委", ("2017", "2018")),
        ("bottom", "区卫健委党委", ("2016", "2017", "2018")),
        ("rectify", "城子街道工委", ("2017",)),
    ]
    level, bottom, rectify = (w.line() for w in found)
    assert level == "【约谈】雁翅镇党委：连续 2 次测评等次为“一般”或以下（2017 一般、2018 一般）。"
    assert bottom == (
        "【提醒】区卫健委党委：连续 3 次测评位列“系统”类别后 1 名"
        "（2016 第 2 名、2017 第 2 名、2018 第 2 名）。"
    )
    assert "“背街小巷环境整治不到位”" in rectify and "1 项未完成" in rectify
    assert "课后服务" not in rectify  # done last year: not open


def test_the_notice_drafts_the_reminders_and_talks(tmp_path: Path, cli) -> None:
    i18n.set_lang("zh")
    db = chain(tmp_path, cli)
    store = Store.open_reader(db)
    try:
        data = render(read_minutes(store), "notice")
    finally:
        store.close()
    assert isinstance(data, bytes)
    text = "\n".join(p.text for p in Document(io.BytesIO(data)).paragraphs)
    assert "提醒和约谈（草稿）" in text
    assert "拟约谈雁翅镇党委主要负责同志" in text
    assert "拟书面提醒区卫健委党委、城子街道工委" in text


def test_results_lists_the_warnings_in_english(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli)
    out = cli("results", db, "--lang", "en").stdout
    assert "Warnings across years (3)" in out
    assert "in 2 meetings running" in out


def test_no_rules_no_warnings_and_a_shorter_chain_none(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli, rules=RULES.replace("years = 3", "years = 4"))
    store = Store.open_reader(db)
    try:
        found = warnings_of(store, tally_store(store))
    finally:
        store.close()
    assert "bottom" not in [w.rule.rule for w in found]  # three meetings only: no 4-year run
    plain = build_year(tmp_path / "plain", 2018, UNITS, [(L, YEARS[2018][0])], cli)
    assert "Warnings" not in cli("results", plain, "--lang", "en").stdout


@pytest.mark.parametrize(
    ("rule", "where"),
    [
        ('rule = "level"\nlevel = "很差"', "assessment.warnings[0].level"),
        ('rule = "bottom"', "assessment.warnings[0].bottom"),
        ('rule = "bottom"\nbottom = 2\ncategory = "街乡"', "assessment.warnings[0].category"),
        ('rule = "often"', "assessment.warnings[0].rule"),
    ],
)
def test_check_names_a_bad_rule(tmp_path: Path, cli, rule: str, where: str) -> None:
    session = tmp_path / "m.toml"
    session.write_text(
        '[meeting]\ntitle = "会"\ndate = "2018-02-24"\n[[units]]\nname = "甲"\ncategory = "镇街"\n'
        f"[[assessment.warnings]]\n{rule}\n",
        encoding="utf-8",
    )
    result = cli("check", session, "--lang", "zh")
    assert result.code == 2 and where in result.output
