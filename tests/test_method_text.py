"""计分办法 (issue 25): the method written from the plan and the worked unit match `results --json`
for a meeting with trimming, a daily blend, a veto and invalid-form rules; the worked figures
are computed here independently from the raw marks (never by the tally); changing a plan value
changes the text and the example with it; the documents place it."""

from __future__ import annotations

import csv
import io
import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from docx import Document
from openpyxl import load_workbook

from reviewtui import i18n
from reviewtui.export import render
from reviewtui.minutes import read_minutes
from reviewtui.store import Store

GROUPS = {"区级领导": 5.0, "部门代表": 3.0, "党代表": 2.0}
UNITS = {"甲镇党委": 95.0, "乙街道工委": 88.0, "丙镇党委": None, "丁局党组": 70.0}
POINTS = {"好": 100.0, "较好": 80.0, "一般": 60.0, "差": 40.0}  # 不了解 scores nothing
LEVELS = [("好", 90.0), ("较好", 80.0), ("一般", 60.0), ("差", 0.0)]
VETO = (("一般", "差"), 0.3)

# (code, group, marks for 甲, 乙, 丙, 丁); "" is blank.
BALLOTS = [
    ("A1", "区级领导", "好", "较好", "一般", "差"),
    ("A2", "区级领导", "好", "好", "较好", "一般"),
    ("A3", "区级领导", "好", "较好", "较好", "一般"),
    ("A4", "区级领导", "较好", "好", "一般", "差"),
    ("A5", "区级领导", "好", "一般", "不了解", "较好"),
    ("A6", "区级领导", "一般", "较好", "好", "一般"),
    ("A7", "区级领导", "好", "好", "好", "好"),  # invalid: all_same
    ("B1", "部门代表", "好", "好", "较好", "一般"),
    ("B2", "部门代表", "较好", "较好", "", "一般"),
    ("B3", "部门代表", "好", "一般", "较好", "差"),
    ("B4", "部门代表", "好", "", "", ""),  # invalid: min_marked (1 of 4 < 50 %)
    ("C1", "党代表", "好", "较好", "较好", "一般"),
    ("C2", "党代表", "一般", "好", "好", "较好"),
    ("C3", "党代表", "好", "好", "一般", "差"),
    ("C4", "党代表", "较好", "不了解", "较好", "一般"),
    ("C5", "党代表", "差", "好", "较好", "一般"),
    ("C6", "党代表", "好", "好", "好", "较好"),  # invalid: quota 好 (3 of 4 > 70 %)
]


def session_text(*, trim: int = 1, onsite: float = 0.7, veto_share: float = 0.3) -> str:
    groups = "".join(
        f'[[groups]]\nname = "{name}"\nweight = {weight}\nissued = 8\n\n'
        for name, weight in GROUPS.items()
    )
    units = "".join(
        f'[[units]]\nname = "{name}"\nreporter = "{name}书记"\nmode = "onsite"\n'
        + (f"daily = {daily}\n" if daily is not None else "")
        + "\n"
        for name, daily in UNITS.items()
    )
    return f"""[meeting]
title = "计分办法测试会"
date = "2024-01-20"

{groups}{units}[assessment]
scale = [
  {{ grade = "好", points = 100 }},
  {{ grade = "较好", points = 80 }},
  {{ grade = "一般", points = 60 }},
  {{ grade = "差", points = 40 }},
  {{ grade = "不了解", counted = false }},
]
trim = {trim}
onsite_weight = {onsite}

[assessment.rules]
all_same = true
min_marked = 0.5
quota = [ {{ grade = "好", max_share = 0.7 }} ]

[assessment.veto]
grades = ["一般", "差"]
share = {veto_share}
"""


def build(folder: Path, cli, **plan: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    session = folder / "meeting.toml"
    session.write_text(session_text(**plan), encoding="utf-8")  # type: ignore[arg-type]
    table = folder / "ballots.csv"
    with open(table, "w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle)
        writer.writerow(["ballot", "group", *UNITS])
        writer.writerows(BALLOTS)
    done = cli("ballots", "import", session, table)
    assert done.code == 0, done.output
    return session.with_suffix(".db")


# ------------------------------------------------------------------------------------------------
# The tally, again, from the raw marks: written here from SPEC 6, sharing no code with it


def half_up(value: float) -> str:
    return str(
        Decimal(repr(value)).quantize(Decimal("1e-9")).quantize(Decimal("0.01"), ROUND_HALF_UP)
    )


def invalid(marks: tuple[str, ...]) -> bool:
    scored = [m for m in marks if m in POINTS]
    graded = [m for m in marks if m]
    if len(set(graded)) == 1 and len(graded) >= 2:
        return True
    if len(scored) < 2:  # min_marked 0.5 of 4 units
        return True
    return graded.count("好") / len(graded) > 0.7


def expected(trim: int = 1, onsite: float = 0.7, veto_share: float = 0.3) -> dict:
    valid = [b for b in BALLOTS if not invalid(b[2:])]
    units = {}
    for i, unit in enumerate(UNITS):
        groups = {}
        for group in GROUPS:
            scores = sorted(POINTS[b[2 + i]] for b in valid if b[1] == group and b[2 + i] in POINTS)
            trimmed = trim if trim and len(scores) >= 2 * trim + 3 else 0
            kept = scores[trimmed : len(scores) - trimmed]
            groups[group] = (len(scores), trimmed, sum(kept) / len(kept))
        composite = sum(GROUPS[g] * s for g, (_, _, s) in groups.items()) / sum(GROUPS.values())
        daily = UNITS[unit]
        final = composite if daily is None else onsite * composite + (1 - onsite) * daily
        shown = float(half_up(final))
        level = next(name for name, low in LEVELS if low <= shown)
        marks = [b[2 + i] for b in valid if b[2 + i] in POINTS]
        bad = sum(1 for m in marks if m in VETO[0])
        vetoed = level == LEVELS[0][0] and bad / len(marks) >= veto_share
        if vetoed:
            level = LEVELS[1][0]
        units[unit] = {
            "groups": groups,
            "composite": composite,
            "final": final,
            "level": level,
            "vetoed": vetoed,
            "bad": (bad, len(marks)),
        }
    first = max(units, key=lambda u: float(half_up(units[u]["final"])))
    return {"first": first, "units": units, "invalid": len(BALLOTS) - len(valid)}


# ------------------------------------------------------------------------------------------------


def method_of(db: Path, lang: str = "zh"):
    i18n.set_lang(lang)
    store = Store.open_reader(db)
    try:
        return read_minutes(store)
    finally:
        store.close()


def example_text(trim: int, onsite: float, veto_share: float) -> list[str]:
    """The worked unit's lines as they must read, from the independent figures."""
    e = expected(trim, onsite, veto_share)
    unit = e["first"]
    u = e["units"][unit]
    lines = [f"以排名第一的{unit}为例："]
    for group, (votes, trimmed, score) in u["groups"].items():
        if trimmed:
            kept = votes - 2 * trimmed
            lines.append(
                f"{group}有效测评表 {votes} 张，去掉 {trimmed} 个最高分和 {trimmed} 个最低分后，"
                f"{kept} 张平均 {half_up(score)} 分；"
            )
        elif trim:
            need = 2 * trim + 3
            lines.append(
                f"{group}有效测评表 {votes} 张（不足 {need} 张，不去掉最高分和最低分），"
                f"平均 {half_up(score)} 分；"
            )
        else:
            lines.append(f"{group}有效测评表 {votes} 张，平均 {half_up(score)} 分；")
    terms = " + ".join(
        f"{half_up(s)} × {int(GROUPS[g] * 10)}%" for g, (_, _, s) in u["groups"].items()
    )
    lines.append(f"现场测评得分 = {terms} = {half_up(u['composite'])}；")
    daily = UNITS[unit]
    assert daily is not None
    on, off = f"{onsite * 100:g}%", f"{round((1 - onsite) * 100, 6):g}%"
    blend = f"{half_up(u['composite'])} × {on} + {half_up(daily)} × {off}"
    lines.append(f"综合得分 = {blend} = {half_up(u['final'])}；")
    return lines, u  # type: ignore[return-value]


@pytest.mark.parametrize(
    "plan",
    [
        {"trim": 1, "onsite": 0.7, "veto_share": 0.3},
        {"trim": 0, "onsite": 0.6, "veto_share": 0.3},  # a plan value changed: the text follows
        {"trim": 1, "onsite": 0.7, "veto_share": 0.1},  # the veto now applies to the first
    ],
)
def test_method_and_example_match_results_json(tmp_path: Path, cli, plan: dict) -> None:
    db = build(tmp_path / "m", cli, **plan)
    e = expected(**plan)
    data = json.loads(cli("results", db, "--json").stdout)
    assert data["ballots"]["invalid"] == e["invalid"] == 3
    by_unit = {u["unit"]: u for u in data["units"]}
    for name, want in e["units"].items():  # the JSON is the tally's: it agrees with this one
        got = by_unit[name]
        assert got["composite"] == pytest.approx(want["composite"], abs=1e-9)
        assert got["final"] == pytest.approx(want["final"], abs=1e-9)
        assert got["level"] == want["level"]
        for group, (votes, _, score) in want["groups"].items():
            assert got["groups"][group] == {"votes": votes, "score": pytest.approx(score)}
    assert data["units"][0]["unit"] == e["first"]

    minutes = method_of(db)
    assert minutes.method is not None
    lines, u = example_text(**plan)
    example = list(minutes.method.example)
    assert example[: len(lines)] == lines
    first = data["units"][0]
    assert f"{first['final']:.2f}" == half_up(u["final"])  # the JSON, rounded as shown
    level_line = example[len(lines)]
    bad, total = u["bad"]
    if u["level"] == "较好" and u["vetoed"]:
        assert "调为“较好”" in level_line and f"共 {bad} 票" in level_line
        assert f"{total} 票" in level_line
    assert f"等次为“{first['level']}”" in level_line or f"调为“{first['level']}”" in level_line

    rules = "\n".join(minutes.method.rules)
    assert ("去掉 1 个最高分和 1 个最低分" in rules) == (plan["trim"] == 1)
    trim_rule = "某类测评人对该单位的有效测评表不少于 5 张的"
    assert trim_rule in rules if plan["trim"] else "最高分" not in rules
    share = f"{plan['onsite'] * 100:g}%"
    assert f"综合得分 = 现场测评得分 × {share} + 日常考核得分 ×" in rules
    assert "没有日常考核得分的单位" in rules  # 丙镇党委 has none
    assert f"达到 {plan['veto_share'] * 100:g}% 的，调为“较好”" in rules
    assert "区级领导 50%、部门代表 30%、党代表 20%" in rules
    assert "好 100 分、较好 80 分、一般 60 分、差 40 分" in rules
    assert "评为“不了解”的和未填写的不计分" in rules
    for rule in ("所有单位评价为同一等次", "评价的单位少于 2 个", "评为“好”的比例超过 70%"):
        assert rule in rules
    assert "90 分及以上为“好”；80 分及以上、不足 90 分为“较好”" in rules


def test_a_plan_without_the_options_says_nothing_of_them(tmp_path: Path, cli) -> None:
    """sessions/small.toml: no trimming, no daily scores, no veto, no rules."""
    session = tmp_path / "small.toml"
    session.write_text(
        (Path(__file__).parent.parent / "sessions" / "small.toml").read_text(encoding="utf-8"),
        encoding="utf-8",
    )
    table = tmp_path / "b.csv"
    table.write_text(
        "ballot,group,雁翅镇党委,城子街道工委,王平镇党委\n1,区级领导,好,较好,一般\n"
        "2,党代表,较好,好,差\n",
        encoding="utf-8",
    )
    assert cli("ballots", "import", session, table).code == 0
    for lang in ("zh", "en"):
        m = method_of(session.with_suffix(".db"), lang).method
        assert m is not None
        text = "\n".join(m.rules + m.example)
        for absent in ("最高分", "日常考核", "调为", "highest", "daily", "instead"):
            assert absent not in text
    m = method_of(session.with_suffix(".db"), "zh").method
    assert m is not None
    assert "综合得分即现场测评得分" in "".join(m.rules)
    assert m.example[-1] == "综合得分 92.00 分达到 90 分，等次为“好”。"
    # One form per group: no group's own score is printed (anonymity, as the group sheet).
    assert m.example[1:3] == (
        "区级领导只收回 1 份测评表（少于 3 份），为不暴露个人评价，不列该类别得分；",
        "党代表只收回 1 份测评表（少于 3 份），为不暴露个人评价，不列该类别得分；",
    )
    assert m.example[3] == "现场测评得分 = 区级领导得分 × 60% + 党代表得分 × 40% = 92.00；"


def test_the_documents_place_it(tmp_path: Path, cli) -> None:
    db = build(tmp_path / "m", cli)
    minutes = method_of(db)
    assert minutes.method is not None
    first_rule, first_example = minutes.method.rules[0], minutes.method.example[1]
    md = render(minutes, "md")
    assert isinstance(md, str)
    assert "### （三）计分办法" in md and first_rule in md and first_example in md
    for fmt in ("docx", "notice"):
        doc = Document(io.BytesIO(render(minutes, fmt)))  # type: ignore[arg-type]
        text = "\n".join(p.text for p in doc.paragraphs)
        assert "计分办法" in text and first_rule in text and first_example in text, fmt
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))  # type: ignore[arg-type]
    assert book.sheetnames[:2] == ["测评结果", "计分办法"]
    signed, method = book.worksheets[:2]
    cells = "\n".join(str(c.value) for row in signed.iter_rows() for c in row if c.value)
    assert "计分办法和计算示例见工作表“计分办法”。" in cells and "计票人" in cells
    assert signed.page_setup.fitToHeight == 1  # still the one page signed
    text = [str(c.value) for row in method.iter_rows() for c in row if c.value]
    assert f"1. {first_rule}" in text and first_example in text
    assert text.index("计算示例") < text.index(minutes.method.example[0])


def test_english(tmp_path: Path, cli) -> None:
    db = build(tmp_path / "m", cli)
    m = method_of(db, "en").method
    assert m is not None
    e = expected()
    assert m.example[0] == f"Taking {e['first']}, ranked first:"
    assert any(
        line.startswith("Final = on-site score × 70% + daily score × 30%") for line in m.rules
    )
    i18n.set_lang("zh")


OPTIONS = """[meeting]
title = "其他选项"
date = "2024-01-20"

[[units]]
name = "甲"
reporter = "甲书记"

[[units]]
name = "乙"
reporter = "乙书记"

[assessment]
items = [ {{ name = "党建", max = 50, weight = 2 }}, {{ name = "作风" }} ]
double_entry = true
levels = [ {{ level = "优秀", min = 85 }}, {{ level = "合格", min = {low} }} ]
"""


@pytest.mark.parametrize("low", [0, 60])
def test_other_options_in_words(low: int) -> None:
    """Numeric items with weights, double entry, one group, a bottom level with a floor: each
    said as the tally applies it; nothing of options left unused."""
    from reviewtui.assessment.method_text import rules
    from reviewtui.assessment.tally import tally
    from reviewtui.plan import loads

    i18n.set_lang("zh")
    plan = loads(OPTIONS.format(low=low))
    text = "\n".join(rules(plan, tally(plan, [])))
    assert "“党建”填写 0 至 50 分，按“所填分数 ÷ 50 × 100”折算。" in text
    assert "加权平均（权重：党建 2、作风 1；未计分的项目不计入）" in text
    assert "每张测评表录入两遍" in text
    assert "现场测评得分为全部有效测评表对该单位得分的平均分" in text
    assert "各类测评人得分的加权平均" not in text  # one group: no group weights
    floor = (
        "不足 85 分为“合格”"
        if low == 0
        else "60 分及以上、不足 85 分为“合格”；不足 60 分的不评定等次"
    )
    assert f"考核等次：85 分及以上为“优秀”；{floor}。" in text
    for absent in ("最高分", "调为", "日常考核"):
        assert absent not in text


def test_ranking_by_category_is_said() -> None:
    from reviewtui.assessment.method_text import rules
    from reviewtui.assessment.tally import tally
    from reviewtui.plan import loads

    i18n.set_lang("zh")
    base = OPTIONS.format(low=0)
    for unit, category in (("甲", "镇街"), ("乙", "系统")):
        line = f'reporter = "{unit}书记"'
        base = base.replace(line, f'{line}\ncategory = "{category}"')
    for rank_by, said in (("all", False), ("category", True)):
        text = base.replace("double_entry = true", f'double_entry = true\nrank_by = "{rank_by}"')
        plan = loads(text)
        assert ("各单位在本类别内排名。" in rules(plan, tally(plan, []))) is said
