"""Judging filled forms by the rules that void them (废票, SPEC sections 2 and 6): the rules are
declared in `assessment.void_rules`; `Rulebook` makes a plan's rules ready to judge many forms fast,
from their tally lines or their cells.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from typing import Any

from reviewtui.assessment import void_rules
from reviewtui.assessment.forms import Marks, Value, points, scale_points
from reviewtui.assessment.void_rules import Counts, VoidRule, order_of
from reviewtui.plan import Plan

BLANK = "blank"

# One tally line of a ballot: unit, weighted sum of points, weight of the cells with points, the
# cells of each grade (scale order). The same shape as `tally.UnitSums`.
Line = tuple[str, float, float, Sequence[int]]


class Rulebook:
    """The rules of one plan, made ready to judge many forms fast."""

    def __init__(self, plan: Plan) -> None:
        a = plan.assessment
        self.units = len(plan.units)
        self.nscale = len(a.scale)
        # The rules the plan turns on, each with its figures, in the order reasons are looked for.
        self.on: list[tuple[VoidRule, Any]] = [
            (rule, figures)
            for rule in void_rules.RULES  # read here: a test may declare one
            if (figures := rule.ready(plan)) is not None
        ]
        # With no rule but `blank`, a form needs no counting: it is blank or it is valid.
        self.active = any(rule.name != BLANK for rule, _ in self.on)
        # For forms given as cells (`judge_marks`).
        self.unit_names = frozenset(u.name for u in plan.units)
        self.items = a.items
        self.names = [item.name for item in a.items]
        self.points = scale_points(a.scale)
        self.grade_index = {g.grade: i for i, g in enumerate(a.scale)}

    def reason(self, scored: int, graded: int, grades: Sequence[int]) -> str | None:
        """The first reason that voids a form with these counts; None for a valid form."""
        counts = (scored, graded, grades)
        for rule, figures in self.on:
            reason = rule.broken(figures, counts)
            if reason is not None:
                return reason
        return None

    def figures(self, name: str) -> Any | None:
        """The figures the rule `name` reads from the plan; None when the plan leaves it off."""
        return next((figures for rule, figures in self.on if rule.name == name), None)

    def judge(self, lines: Iterable[Line], units: Container[str]) -> str | None:
        """The reason of a ballot from its tally lines; lines of units outside `units` (not
        units of this meeting) are left out, as the tally leaves them out."""
        if not self.active:
            return None if any(den > 0 and unit in units for unit, _, den, _ in lines) else BLANK
        return self.reason(*self.counts(lines, units))

    def counts(self, lines: Iterable[Line], units: Container[str]) -> Counts:
        """(units scored, units graded, cells of each grade) of a ballot's lines."""
        scored = 0
        graded: list[Sequence[int]] = []
        for unit, _, den, grade_cells in lines:
            if unit not in units:
                continue
            if den > 0:
                scored += 1
            if any(grade_cells):
                graded.append(grade_cells)
        if not graded:
            return scored, 0, [0] * self.nscale
        return scored, len(graded), [sum(column) for column in zip(*graded, strict=True)]

    def judge_marks(self, marks: Marks) -> str | None:
        """The reason of a form given as its cells, (unit, item) -> value (the ballot screen, an
        imported file)."""
        return self.judge(self.lines(marks), self.unit_names)

    def counts_of_marks(self, marks: Marks) -> Counts:
        return self.counts(self.lines(marks), self.unit_names)

    # -- from cells ----------------------------------------------------------------------------

    def lines(self, marks: Marks) -> list[Line]:
        """The tally's lines of a form given as cells (only what judging needs: no points sum)."""
        by_unit: dict[str, dict[str, Value]] = {}
        for (unit, item), value in marks.items():
            by_unit.setdefault(unit, {})[item] = value
        return [
            (unit, 0.0, *self.line(tuple(map(cells.get, self.names))))
            for unit, cells in by_unit.items()
        ]

    def line(self, values: Sequence[Value | None]) -> tuple[float, list[int]]:
        """One unit's weight of cells with points and cells of each grade; `values` in form
        order, None for a blank cell (a cell outside the form is not among them)."""
        den = 0.0
        counts = [0] * self.nscale
        for item, value in zip(self.items, values, strict=True):
            if value is None:
                continue
            if item.max is None and isinstance(value, str) and value in self.grade_index:
                counts[self.grade_index[value]] += 1
            if points(item, value, self.points) is not None:
                den += item.weight
        return den, counts


def reason_of(plan: Plan, marks: Marks) -> str | None:
    """Why the form `marks` is invalid under the plan's rules, or None when it is valid."""
    return Rulebook(plan).judge_marks(marks)


def reasons_of_lines(
    plan: Plan, forms: Mapping[str, Mapping[str, Mapping[str, Value | None]]]
) -> dict[str, str]:
    """The invalid ones among forms given as code -> unit -> item -> value (None: blank), with
    their reasons, in the order given (an imported file)."""
    book = Rulebook(plan)
    # Files repeat the same few lines endlessly: each distinct line is summed once.
    known: dict[tuple[Value | None, ...], tuple[float, list[int]]] = {}
    found: dict[str, str] = {}
    for code, lines in forms.items():
        judged: list[Line] = []
        for unit, cells in lines.items():
            values = tuple(map(cells.get, book.names))
            sums = known.get(values)
            if sums is None:
                sums = known[values] = book.line(values)
            judged.append((unit, 0.0, *sums))
        reason = book.judge(judged, book.unit_names)
        if reason is not None:
            found[code] = reason
    return found


def blank_units(plan: Plan, marks: Marks) -> int:
    """How many units of the form have no cell filled at all."""
    filled = {unit for unit, _ in marks}
    return sum(1 for u in plan.units if u.name not in filled)


def count_reasons(reasons: Mapping[str, str]) -> dict[str, int]:
    """How many forms each reason voided, in the order of the rules (quotas as they come)."""
    counts: dict[str, int] = {}
    for reason in sorted(reasons.values(), key=order_of):
        counts[reason] = counts.get(reason, 0) + 1
    return counts
