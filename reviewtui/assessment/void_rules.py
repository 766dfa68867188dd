"""The rules that void a filled form (废票, SPEC sections 2 and 6), declared once.

Each `VoidRule` says in one place what every part of the product needs to know about it: what
it reads from the plan (`ready`: its figures, or None when the plan does not turn it on), when a
form breaks it (`broken`, from the form's counts), and the figures of its words. Its words are
catalog keys named after it: `rules.reason.<name>` (a short label), `rules.why.<name>` (a
sentence with this form's figures) and `print.rule_<name>` (its line on the paper form and the
phone form). The tally (`assessment.rules.Rulebook`), the printed and phone forms
(`assessment.rule_text`) and every results view (`present.rules`) read `RULES`, in order: a
form's reason is the first rule it breaks.

A form is judged from three counts the tally already has for it (`Counts`):

- `scored`: the units with a mark with points (their line's weight of scored cells is > 0);
- `graded`: the units with at least one cell holding a grade of the scale;
- `grades`: the cells of each grade on the whole form, in scale order.

Shares are compared exactly, as the session file writes them (`Decimal`, as the quorum does):
0.3 × 10 units needs 3 units, although 0.3 * 10 is 3.0000000000000004 in floating point.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from reviewtui.plan import Plan
from reviewtui.present.numbers import rate, share

# (units scored, units graded, cells of each grade in scale order) of one form.
Counts = tuple[int, int, Sequence[int]]
Figures = dict[str, Any]


def _nothing(*_: Any) -> Figures:
    return {}


def _one_line(_: Any) -> list[Figures]:
    return [{}]


@dataclass(frozen=True)
class VoidRule:
    """One rule that voids a form. A reason is the rule's name, or `name:grade` for a rule
    that holds per grade (the label then has the grade)."""

    name: str
    ready: Callable[[Plan], Any | None]  # its figures from the plan; None: not turned on
    broken: Callable[[Any, Counts], str | None]  # the reason a form with these counts breaks it
    printed: Callable[[Any], list[Figures]] = _one_line  # each printed line's figures
    explained: Callable[[Any, Counts, str], Figures] = _nothing  # the sentence's figures


def ratio(value: float) -> tuple[int, int]:
    """A share as written, as an exact fraction (numerator, denominator)."""
    return Decimal(repr(value)).as_integer_ratio()


# -- the rules, in the order a form's reason is looked for ---------------------------------------


def _blank(_: Any, counts: Counts) -> str | None:
    return "blank" if counts[0] == 0 else None


def _all_same(_: Any, counts: Counts) -> str | None:
    _, graded, grades = counts
    return "all_same" if graded >= 2 and sum(1 for n in grades if n) == 1 else None


@dataclass(frozen=True)
class _MinMarked:
    need: int  # at least this many units must score
    units: int


def _min_marked_ready(plan: Plan) -> _MinMarked | None:
    num, den = ratio(plan.assessment.rules.min_marked)
    units = len(plan.units)
    need = -(-num * units // den)  # fewer than min_marked × units is invalid
    return _MinMarked(need, units) if need > 0 else None


@dataclass(frozen=True)
class _Quota:
    grade: str
    index: int  # in scale order
    num: int
    den: int
    max_share: float


def _quota_ready(plan: Plan) -> list[_Quota] | None:
    index = {g.grade: i for i, g in enumerate(plan.assessment.scale)}
    quotas = [
        _Quota(q.grade, index[q.grade], *ratio(q.max_share), q.max_share)
        for q in plan.assessment.rules.quota
        if q.grade in index
    ]
    return quotas or None


def _quota_broken(quotas: list[_Quota], counts: Counts) -> str | None:
    grades = counts[2]
    total = sum(grades)
    for q in quotas:  # in the order written; reaching the share exactly is valid
        if grades[q.index] * q.den > q.num * total:  # cells / total > num / den, in integers
            return f"quota:{q.grade}"
    return None


def _quota_explained(quotas: list[_Quota], counts: Counts, reason: str) -> Figures:
    q = next(q for q in quotas if reason == f"quota:{q.grade}")
    grades = counts[2]
    cells = grades[q.index]
    return {
        "grade": q.grade,
        "cells": cells,
        "part": rate(cells / (sum(grades) or 1)),
        "share": share(q.max_share),
    }


def _percent(value: float) -> str:
    return f"{value * 100:g}%"


RULES: tuple[VoidRule, ...] = (
    # Nothing scored: always on.
    VoidRule("blank", lambda plan: True, _blank),
    # `all_same = true`: at least two units graded and every graded cell the same grade.
    VoidRule("all_same", lambda plan: plan.assessment.rules.all_same or None, _all_same),
    # `min_marked`: fewer than min_marked × (number of units) units with a mark with points.
    VoidRule(
        "min_marked",
        _min_marked_ready,
        lambda m, counts: "min_marked" if counts[0] < m.need else None,
        printed=lambda m: [{"count": m.need}],
        explained=lambda m, counts, _: {"scored": counts[0], "need": m.need, "units": m.units},
    ),
    # `[[assessment.rules.quota]]`: a grade's cells over all graded cells exceed `max_share`.
    VoidRule(
        "quota",
        _quota_ready,
        _quota_broken,
        printed=lambda quotas: [{"grade": q.grade, "share": _percent(q.max_share)} for q in quotas],
        explained=_quota_explained,
    ),
)


def rule_of(reason: str) -> VoidRule:
    """The rule a stored reason names (`quota:好` is the rule `quota`)."""
    name = reason.partition(":")[0]
    return next(rule for rule in RULES if rule.name == name)


def order_of(reason: str) -> int:
    """Where the rule of `reason` stands in `RULES` (counts per rule are shown in this order)."""
    name = reason.partition(":")[0]
    return next((n for n, rule in enumerate(RULES) if rule.name == name), len(RULES))
