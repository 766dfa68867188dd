"""分类排名 (SPEC 6): each unit's rank among the units of its category, and the ranking laid out
one category at a time (`[assessment] rank_by = "category"`).

The category rank follows the overall rule (competition ranking on the rounded final score: 1,
2, 2, 4), counted among the units of one category only. A unit without a category, or without a
score, has none.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from reviewtui.assessment.results import Results, UnitResult, round2
from reviewtui.plan import Plan


def category_ranks(plan: Plan, ordered: Sequence[UnitResult]) -> list[UnitResult]:
    """`ordered` (rank order) with each unit's category and its rank within it."""
    of = {u.name: u.category for u in plan.units}
    if not any(of.values()):
        return list(ordered)
    seen: dict[str, tuple[int, int, float]] = {}  # category -> (position, rank, last rounded)
    out: list[UnitResult] = []
    for result in ordered:
        category = of.get(result.unit)
        rank = None
        if category and result.final is not None:
            position, last_rank, last = seen.get(category, (0, 0, -1.0))
            position += 1
            rounded = round2(result.final)
            rank = last_rank if rounded == last else position
            seen[category] = (position, rank, rounded)
        out.append(replace(result, category=category, category_rank=rank))
    return out


def categories_of(results: Results) -> list[str]:
    """The categories, in the order their first unit appears in the ranking."""
    found: list[str] = []
    for unit in results.units:
        if unit.category and unit.category not in found:
            found.append(unit.category)
    return found


def laid_out(results: Results) -> list[tuple[str | None, list[UnitResult]]]:
    """The units as the plan asks them shown: one list (None) in rank order, or with
    `rank_by = "category"` one list per category, each in its rank order (units without a
    category last, as a list of their own)."""
    if results.rank_by != "category" or not results.categories:
        return [(None, list(results.units))]
    out: list[tuple[str | None, list[UnitResult]]] = [
        (c, [u for u in results.units if u.category == c]) for c in categories_of(results)
    ]
    rest = [u for u in results.units if not u.category]
    if rest:
        out.append((None, rest))
    return out
