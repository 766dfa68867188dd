"""Last year beside this year: a three-year chain of meetings built here (a unit renamed through
an alias, a new unit, a withdrawn one), and every output that shows it."""

from __future__ import annotations

import json
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

import pytest
from chain_support import build_year

from reviewtui.assessment.history import load_history
from reviewtui.i18n import t
from reviewtui.store import Store

A, B_OLD, B, C, D, E = (
    "雁翅镇党委",
    "城子街道工委",
    "城子街道党工委",
    "王平镇党委",
    "军庄镇党委",
    "潭柘寺镇党委",
)
L, R = "区级领导", "党代表"


def chain(folder: Path, cli, years: int = 3) -> Path:
    """2016 → 2017 (B renamed, with its alias) → 2018 (C withdrawn, E new); the last db."""
    db = build_year(
        folder, 2016, [(A, ()), (B_OLD, ()), (C, ()), (D, ())],
        [(L, ["好", "较好", "一般", "好"]), (R, ["好", "一般", "一般", "较好"])], cli,
    )  # fmt: skip
    if years == 1:
        return db
    db = build_year(
        folder, 2017, [(A, ()), (B, (B_OLD,)), (C, ()), (D, ())],
        [(L, ["较好", "好", "差", "好"]), (R, ["较好", "好", "一般", "一般"])], cli,
        previous="m2016.db",
    )  # fmt: skip
    if years == 2:
        return db
    return build_year(
        folder, 2018, [(A, ()), (B, ()), (D, ()), (E, ())],
        [
            (L, ["好", "较好", "一般", "好"]),
            (R, ["好", "好", "好", "好"]),
            (R, ["较好", "好", "较好", "好"]),
            (R, ["较好", "较好", "好", "好"]),
        ],
        cli, previous="m2017.db",
    )  # fmt: skip


POINTS = {"好": 100, "较好": 80, "一般": 60, "差": 40}


def final(leaders: list[str], reps: list[str]) -> Decimal:
    """SPEC 6 by hand: the group means weighted 0.6 and 0.4, rounded half up to 2 decimals."""
    mean_l = Decimal(sum(POINTS[g] for g in leaders)) / len(leaders)
    mean_r = Decimal(sum(POINTS[g] for g in reps)) / len(reps)
    value = Decimal("0.6") * mean_l + Decimal("0.4") * mean_r
    return value.quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def test_results_json_has_last_year(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli)
    result = cli("results", db, "--json")
    assert result.code == 0, result.output
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    assert [u for u in units] == [E, A, B, D]
    assert units[E]["previous"] is None  # new this year
    assert units[A]["previous"] == {"rank": 3, "final": pytest.approx(80.0), "level": "较好"}
    assert units[B]["previous"]["rank"] == 1  # its name last year is its own: B
    assert units[D]["previous"] == {"rank": 2, "final": pytest.approx(84.0), "level": "较好"}
    assert C not in units


def test_results_table_shows_the_change(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli)
    result = cli("results", db, "--lang", "zh")
    assert result.code == 0, result.output
    out = result.stdout
    a_now = final(["好"], ["好", "较好", "较好"])
    assert str(a_now) == "94.67"
    assert f"+{a_now - Decimal('80.00')}" == "+14.67"
    assert "↑1" in out and "+14.67" in out  # A: 3rd → 2nd
    b_now = final(["较好"], ["好", "好", "较好"])
    assert "↓2" in out and str(b_now - Decimal("100.00")) in out  # B: -14.67
    assert "新增" in out  # E
    assert f"上年参评、本年未参评：{C}" in out


def test_two_year_chain_matches_through_the_alias(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli, years=2)
    result = cli("results", db, "--json")
    units = {u["unit"]: u for u in json.loads(result.stdout)["units"]}
    b_2016 = final(["较好"], ["一般"])  # as 城子街道工委
    assert units[B]["previous"]["final"] == pytest.approx(float(b_2016))
    assert units[B]["previous"]["rank"] == 3


def test_three_years_in_a_row(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli)
    store = Store.open_reader(db)
    try:
        history = load_history(store)
    finally:
        store.close()
    assert [y.label for y in history.years] == ["2017", "2016"]
    assert not history.warnings
    trail = history.trail(B)  # renamed in 2017: found in 2016 through 2017's alias
    assert [p.rank if p else None for p in trail] == [1, 3]
    assert history.trail(E) == [None, None]
    assert history.withdrawn([A, B, D, E]) == [C]


def test_a_loop_and_a_missing_file_are_warnings(tmp_path: Path, cli) -> None:
    first = build_year(
        tmp_path, 2016, [(A, ())], [(L, ["好"]), (R, ["较好"])], cli, previous="m2017.db"
    )  # names the meeting after it: a loop once that one names it
    db = build_year(tmp_path, 2017, [(A, ())], [(L, ["好"]), (R, ["好"])], cli, previous="m2016.db")
    store = Store.open_reader(db)
    try:
        history = load_history(store)
    finally:
        store.close()
    assert [y.path.name for y in history.years] == [first.name]
    assert history.warnings == (t("history.loop", path=db),)
    missing = build_year(
        tmp_path / "other", 2019, [(A, ())], [(L, ["好"]), (R, ["好"])], cli, previous="gone.db"
    )
    result = cli("results", missing, "--json")
    assert result.code == 0
    assert json.loads(result.stdout)["units"][0]["previous"] is None
    assert "gone.db" in result.stderr


def test_without_previous_no_key(tmp_path: Path, cli) -> None:
    db = chain(tmp_path, cli, years=1)
    result = cli("results", db, "--json")
    assert "previous" not in json.loads(result.stdout)["units"][0]


# ------------------------------------------------------------------------------------------------
# The alias, declared in the session file and the workbook, checked by `check`


def test_check_refuses_an_alias_that_names_another_unit(tmp_path: Path, cli) -> None:
    session = tmp_path / "m.toml"
    text = (
        '[meeting]\ntitle = "会"\ndate = "2018-02-24"\n'
        '[[units]]\nname = "甲"\n[[units]]\nname = "乙"\naliases = ["丙", "甲"]\n'
    )
    session.write_text(text, encoding="utf-8")
    result = cli("check", session, "--lang", "zh")
    assert result.code == 2
    assert "units[1].aliases[1]" in result.output
    assert "不能作曾用名" in result.output
    session.write_text(text.replace('"丙", "甲"', '"丙"'), encoding="utf-8")
    assert cli("check", session).code == 0


def test_the_workbook_column_gives_aliases(tmp_path: Path, cli) -> None:
    from openpyxl import load_workbook

    book = tmp_path / "m.xlsx"
    assert cli("template", book, "--lang", "zh").code == 0
    wb = load_workbook(book)
    sheet = wb["单位"]
    head = [c.value for c in sheet[1]]
    column = head.index("曾用名") + 1
    sheet.cell(2, column, "城子街道工委、城子工委")
    wb.save(book)
    out = tmp_path / "m.toml"
    result = cli("new", book, "-o", out, "--lang", "zh")
    assert result.code == 0, result.output
    assert 'aliases = ["城子街道工委", "城子工委"]' in out.read_text(encoding="utf-8")
    assert cli("check", out).code == 0
