"""Last year beside this year in words (名次 ↑3, 得分 +2.15, 新增), for every output.

The figures come from the results (`Results.previous`, set by `assessment.history.attach`) and are
formatted by `present.numbers`, so the change read on screen is the one printed.
"""

from __future__ import annotations

from reviewtui.assessment.results import PastResult, Results, UnitResult
from reviewtui.i18n import get_lang, t
from reviewtui.present import numbers as n


def has_previous(results: Results) -> bool:
    return results.previous is not None


def past(results: Results, unit: str) -> PastResult | None:
    return None if results.previous is None else results.previous.get(unit)


def rank_arrow(this: int | None, before: int | None) -> str:
    """ "↑3", "↓2", "—" (the same place)."""
    change = n.rank_change(this, before)
    if not change:
        return n.NONE
    return f"↑{change}" if change > 0 else f"↓{-change}"


def rank_words(this: int | None, before: int | None) -> str:
    change = n.rank_change(this, before)
    if change is None:
        return n.NONE
    if change > 0:
        return t("compare.rank_up", n=change)
    if change < 0:
        return t("compare.rank_down", n=-change)
    return t("compare.rank_same")


def change_words(unit: UnitResult, before: PastResult | None) -> str:
    """ "名次 ↑3，得分 +2.15", or "新增" for a unit new this year."""
    if before is None:
        return t("compare.new")
    sep = "，" if get_lang() == "zh" else ", "
    return sep.join(
        (
            rank_words(unit.rank, before.rank),
            t("compare.score", delta=n.score_change(unit.final, before.final)),
        )
    )


def unit_line(results: Results, unit: UnitResult) -> str:
    """ "上年：第3名 80.00 较好；名次 ↑1，得分 +14.67", or "上年：新增"."""
    before = past(results, unit.unit)
    if before is None:
        return t("compare.line_new")
    return t(
        "compare.line",
        rank=n.count(before.rank),
        final=n.score(before.final),
        level=before.level or n.NONE,
        change=change_words(unit, before),
    )


def header() -> list[str]:
    """Beside a unit's name (and this year's figures): last year's, then the changes."""
    return [
        t("compare.col.prev_rank"),
        t("compare.col.prev_final"),
        t("compare.col.prev_level"),
        t("compare.col.rank_change"),
        t("compare.col.score_change"),
    ]


def cells(results: Results, unit: UnitResult) -> list[str]:
    """Last year's rank, final and level of the unit and the changes ("↑3", "+2.15"), as
    text; a unit new this year: dashes and "新增"."""
    before = past(results, unit.unit)
    if before is None:
        return [n.NONE, n.NONE, n.NONE, t("compare.new"), n.NONE]
    return [
        n.count(before.rank),
        n.score(before.final),
        before.level or n.NONE,
        rank_arrow(unit.rank, before.rank),
        n.score_change(unit.final, before.final),
    ]


def values(results: Results, unit: UnitResult) -> list[object]:
    """The same for a spreadsheet: last year's numbers as shown (rounded), None where none."""
    before = past(results, unit.unit)
    if before is None:
        return [None, None, None, t("compare.new"), None]
    return [
        before.rank,
        n.score_value(before.final),
        before.level,
        rank_arrow(unit.rank, before.rank),
        n.score_change(unit.final, before.final),
    ]
