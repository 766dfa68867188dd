"""分类排名: a meeting of two categories ranks within each, in every output; `check` asks for a
category of every unit when the plan ranks by category."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from chain_support import build_year
from openpyxl import load_workbook

from reviewtui.export import render
from reviewtui.i18n import t
from reviewtui.minutes import Minutes, read_minutes
from reviewtui.store import Store

L, R = "区级领导", "党代表"
TOWN, OFFICE = "镇街", "系统"
UNITS = [("雁翅镇党委", (), TOWN), ("区教委党委", (), OFFICE), ("城子街道工委", (), TOWN),
         ("区卫健委党委", (), OFFICE)]  # fmt: skip
BALLOTS = [(L, ["较好", "好", "好", "一般"]), (R, ["较好", "好", "较好", "较好"])]
# finals: 雁翅 80, 教委 100, 城子 92, 卫健 68 → overall 教委 1, 城子 2, 雁翅 3, 卫健 4;
# in 镇街: 城子 1, 雁翅 2; in 系统: 教委 1, 卫健 2


def meeting(folder: Path, cli, rank_by: str = "category") -> Path:
    tail = f'\n[assessment]\nrank_by = "{rank_by}"\n'
    return build_year(folder, 2018, UNITS, BALLOTS, cli, tail=tail)


def test_json_has_category_ranks(tmp_path: Path, cli) -> None:
    db = meeting(tmp_path, cli)
    units = json.loads(cli("results", db, "--json").stdout)["units"]
    got = [(u["unit"], u["rank"], u["category"], u["category_rank"]) for u in units]
    assert got == [
        ("区教委党委", 1, OFFICE, 1),
        ("城子街道工委", 2, TOWN, 1),
        ("雁翅镇党委", 3, TOWN, 2),
        ("区卫健委党委", 4, OFFICE, 2),
    ]


def test_results_table_lays_out_by_category(tmp_path: Path, cli) -> None:
    db = meeting(tmp_path, cli)
    out = cli("results", db, "--lang", "zh").stdout
    names = ("区教委党委", "区卫", "城子街道", "雁翅镇党委")  # 系统 (its best unit ranks 1), 镇街
    order = [out.index(name) for name in names]
    assert order == sorted(order)
    assert "类别名次" in out and "总名次" in out
    assert out.index("系统（2 个单位）") < out.index("镇街（2 个单位）")
    flat = cli("results", meeting(tmp_path / "all", cli, "all"), "--lang", "zh").stdout
    order = [flat.index(n) for n in ("区教", "城子", "雁翅", "区卫")]
    assert order == sorted(order)  # rank_by = "all": one ranking


@pytest.fixture
def minutes(tmp_path: Path, cli) -> Minutes:
    db = meeting(tmp_path, cli)
    store = Store.open_reader(db)
    try:
        return read_minutes(store)
    finally:
        store.close()


def test_every_output_has_the_category_rank(minutes: Minutes, lang: str) -> None:
    md = render(minutes, "md")
    assert isinstance(md, str)
    assert t("results.col.category_rank") in md
    # the ranking is the last table that names it (the written units' table comes before)
    row = [line for line in md.splitlines() if "城子街道工委" in line and "|" in line][-1]
    assert [c.strip() for c in row.strip("|").split("|")][:4] == ["2", "城子街道工委", TOWN, "1"]
    csv = render(minutes, "csv")
    assert isinstance(csv, str) and t("results.col.category") in csv.splitlines()[0]
    book = load_workbook(io.BytesIO(render(minutes, "xlsx")))  # type: ignore[arg-type]
    sheet = book.worksheets[0]
    head = [c.value for c in sheet[3]]
    at = head.index(t("results.col.category_rank"))
    units = [sheet.cell(r, 2).value for r in range(4, 8)]
    ranks = [sheet.cell(r, at + 1).value for r in range(4, 8)]
    assert units == ["区教委党委", "区卫健委党委", "城子街道工委", "雁翅镇党委"] or units == [
        "城子街道工委", "雁翅镇党委", "区教委党委", "区卫健委党委"
    ]  # fmt: skip
    assert ranks == [1, 2, 1, 2]


def test_check_asks_for_every_category(tmp_path: Path, cli) -> None:
    session = tmp_path / "m.toml"
    session.write_text(
        '[meeting]\ntitle = "会"\ndate = "2018-02-24"\n[[units]]\nname = "甲"\ncategory = "镇街"\n'
        '[[units]]\nname = "乙"\n[assessment]\nrank_by = "category"\n',
        encoding="utf-8",
    )
    result = cli("check", session, "--lang", "zh")
    assert result.code == 2 and "units[1].category" in result.output
