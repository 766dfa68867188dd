"""Invalid forms (废票, SPEC sections 2 and 6): which rule, if any, voids a filled form.

A form is judged from three counts the tally already has for it:

- `scored`: the units with a mark with points (their line's weight of scored cells is > 0);
- `graded`: the units with at least one cell holding a grade of the scale;
- `grades`: the cells of each grade on the whole form, in scale order.

Its reason is the first that applies, in this order:

- `blank`: no unit has a mark with points;
- `all_same` (`all_same = true`): at least two units graded and every graded cell holds the same
  grade;
- `min_marked`: fewer than `min_marked` × (number of units) units with a mark with points;
- `quota:<grade>` (each quota in the order written): the cells of that grade divided by all
  graded cells exceed `max_share`; reaching it exactly is valid.

Shares are compared exactly, as the session file writes them (`Decimal`, as the quorum does):
0.3 × 10 units needs 3 units, although 0.3 * 10 is 3.0000000000000004 in floating point.
"""

from __future__ import annotations

from collections.abc import Container, Iterable, Mapping, Sequence
from decimal import Decimal

from reviewtui.assessment.forms import Marks, Value, points, scale_points
from reviewtui.plan import Plan

BLANK = "blank"
ALL_SAME = "all_same"
MIN_MARKED = "min_marked"
QUOTA = "quota:"  # followed by the grade

# One tally line of a ballot: unit, weighted sum of points, weight of the cells with points, the
# cells of each grade (scale order). The same shape as `tally.UnitSums`.
Line = tuple[str, float, float, Sequence[int]]


def _ratio(share: float) -> tuple[int, int]:
    """The share as written, as an exact fraction (numerator, denominator)."""
    return Decimal(repr(share)).as_integer_ratio()


class Rulebook:
    """The rules of one plan, made ready to judge many forms fast."""

    def __init__(self, plan: Plan) -> None:
        a = plan.assessment
        rules = a.rules
        self.units = len(plan.units)
        self.nscale = len(a.scale)
        self.all_same = rules.all_same
        num, den = _ratio(rules.min_marked)
        # Fewer than min_marked × units is invalid: at least this many units must score.
        self.min_units = -(-num * self.units // den)
        index = {g.grade: i for i, g in enumerate(a.scale)}
        self.quotas: list[tuple[str, int, int, int]] = [
            (QUOTA + q.grade, index[q.grade], *_ratio(q.max_share))
            for q in rules.quota
            if q.grade in index
        ]
        # Without any rule only `blank` can apply, and it needs no counting.
        self.active = self.all_same or self.min_units > 0 or bool(self.quotas)
        # For forms given as cells (`judge_marks`).
        self.unit_names = frozenset(u.name for u in plan.units)
        self.items = a.items
        self.names = [item.name for item in a.items]
        self.points = scale_points(a.scale)
        self.grade_index = index

    def reason(self, scored: int, graded: int, grades: Sequence[int]) -> str | None:
        """The first reason that voids a form with these counts; None for a valid form."""
        if scored == 0:
            return BLANK
        if self.all_same and graded >= 2 and sum(1 for n in grades if n) == 1:
            return ALL_SAME
        if scored < self.min_units:
            return MIN_MARKED
        if self.quotas:
            total = sum(grades)
            for reason, index, num, den in self.quotas:
                # cells / total > num / den, in integers
                if grades[index] * den > num * total:
                    return reason
        return None

    def judge(self, lines: Iterable[Line], units: Container[str]) -> str | None:
        """The reason of a ballot from its tally lines; lines of units outside `units` (not
        units of this meeting) are left out, as the tally leaves them out."""
        if not self.active:
            return None if any(den > 0 and unit in units for unit, _, den, _ in lines) else BLANK
        return self.reason(*self.counts(lines, units))

    def counts(
        self, lines: Iterable[Line], units: Container[str]
    ) -> tuple[int, int, Sequence[int]]:
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

    def counts_of_marks(self, marks: Marks) -> tuple[int, int, Sequence[int]]:
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
    """How many forms each reason voided, in the order of SPEC 6 (quotas as they come)."""
    order = {BLANK: 0, ALL_SAME: 1, MIN_MARKED: 2}
    counts: dict[str, int] = {}
    for reason in sorted(reasons.values(), key=lambda r: order.get(r, 3)):
        counts[reason] = counts.get(reason, 0) + 1
    return counts
