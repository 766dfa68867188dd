"""The tally (SPEC section 6): one function behind the results screen, the CLI and every export.

`tally(plan, ballots)` is the definition over plain data; `tally_store(store)` computes the same
from the database. Both sum each ballot line (one unit on one ballot) with `_LineSums` and hand
the sums to `_combine`, which does everything from there: invalid ballots (by `rules`), votes,
trimming, group weights, the daily blend, grade counts, levels, the veto, the ranking and the
quorum. Plain dicts and lists throughout: no object per mark.

The result types and their JSON are in `results`, the double-entry rule in `double_entry`; both
are importable from here too.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import replace

from reviewtui.assessment import quorum
from reviewtui.assessment.categories import category_ranks
from reviewtui.assessment.double_entry import MarkKey, mark_key, resolve_double
from reviewtui.assessment.forms import (
    Value,
    code_sort_key,
    decode_line,
    points,
    scale_points,
)
from reviewtui.assessment.results import (
    BallotEntry,
    GroupCount,
    GroupScore,
    Results,
    UnitResult,
    round2,
)
from reviewtui.assessment.rules import Rulebook
from reviewtui.plan import Plan, Unit
from reviewtui.store import Store

__all__ = [
    "BallotEntry",
    "GroupCount",
    "GroupScore",
    "MarkKey",
    "Results",
    "UnitResult",
    "group_score",
    "mark_key",
    "resolve_double",
    "round2",
    "tally",
    "tally_store",
]

# ------------------------------------------------------------------------------------------------
# The pure tally

# What `_combine` needs of one counted ballot: its code, its group, and per unit the weighted sum
# of points, the sum of weights of the marks with points, and the marks of each grade (scale order).
UnitSums = tuple[str, float, float, Sequence[int]]
Counted = tuple[str, str, Sequence[UnitSums]]


def tally(plan: Plan, ballots: Iterable[BallotEntry]) -> Results:
    """SPEC section 6 over plain data. Cells outside the form are ignored."""
    a = plan.assessment
    entries = list(ballots)
    if a.double_entry:
        keep, unconfirmed, returned_by = resolve_double(
            (b.code, b.entry, b.group, mark_key(b.marks)) for b in entries
        )
        counted = [b for b in entries if (b.code, b.entry) in keep]
    else:
        counted = [b for b in entries if b.entry == 1]
        unconfirmed = []
        returned_by = [b.group for b in counted]
    sums = _LineSums(plan)
    units = [u.name for u in plan.units]
    names = [item.name for item in a.items]
    summaries: list[Counted] = []
    for ballot in counted:
        lines: list[UnitSums] = []
        for unit in units:
            values = tuple(ballot.marks.get((unit, name)) for name in names)
            if any(v is not None for v in values):
                lines.append((unit, *sums.of(values)))
        summaries.append((ballot.code, ballot.group, lines))
    return _combine(plan, len(returned_by), unconfirmed, _count(returned_by), summaries)


class _LineSums:
    """Per ballot line: the weighted sum of points, the weight of the cells with points, and the
    marks of each grade (scale order). Shared by both paths, so they agree to the bit."""

    def __init__(self, plan: Plan) -> None:
        a = plan.assessment
        self.items = a.items
        self.points = scale_points(a.scale)
        self.grade_index = {g.grade: i for i, g in enumerate(a.scale)}
        self.nscale = len(a.scale)

    def of(self, values: Sequence[Value | None]) -> tuple[float, float, list[int]]:
        num = den = 0.0
        counts = [0] * self.nscale
        for item, value in zip(self.items, values, strict=True):
            if value is None:
                continue
            if item.max is None and isinstance(value, str) and value in self.grade_index:
                counts[self.grade_index[value]] += 1
            p = points(item, value, self.points)
            if p is not None:
                num += item.weight * p
                den += item.weight
        return num, den, counts


def _count(groups: Iterable[str]) -> dict[str, int]:
    counts: dict[str, int] = {}
    for group in groups:
        counts[group] = counts.get(group, 0) + 1
    return counts


# ------------------------------------------------------------------------------------------------
# From the database


def tally_store(store: Store) -> Results:
    """The results of the meeting in `store` (reader or writer).

    Two queries: the ballots, then every ballot line (with double entry the lines are read once
    more, first, for `resolve_double`). A line's sums depend only on its stored text, and on a
    graded form the same few texts repeat endlessly, so each distinct text is decoded and
    summed once.
    """
    plan = store.plan
    heads = store.conn.execute("SELECT id, code, entry, grp FROM ballots").fetchall()
    sums = _LineSums(plan)
    names = [item.name for item in plan.assessment.items]
    known: dict[str, tuple[float, float, list[int]]] = {}
    if plan.assessment.double_entry:
        # Both rounds' marks are compared by the one rule; only then is anything summed.
        marks: dict[int, set[tuple[str, str, Value]]] = {row[0]: set() for row in heads}
        decoded: dict[str, dict[str, Value]] = {}
        for ballot_id, unit, text in store.conn.execute("SELECT ballot_id, unit, cells FROM marks"):
            cells = decoded.get(text)
            if cells is None:
                cells = decoded[text] = decode_line(text)
            found = marks.get(ballot_id)
            if found is not None:
                found.update((unit, item, value) for item, value in cells.items())
        keep, unconfirmed, returned_by = resolve_double(
            (code, entry, grp, frozenset(marks[ballot_id])) for ballot_id, code, entry, grp in heads
        )
        counted_ids = {ballot_id for ballot_id, code, entry, _ in heads if (code, entry) in keep}
    else:
        counted_ids = {ballot_id for ballot_id, _, entry, _ in heads if entry == 1}
        unconfirmed = []
        returned_by = [grp for _, _, entry, grp in heads if entry == 1]

    lines: dict[int, list[UnitSums]] = {ballot_id: [] for ballot_id in counted_ids}
    for ballot_id, unit, text in store.conn.execute("SELECT ballot_id, unit, cells FROM marks"):
        found_lines = lines.get(ballot_id)
        if found_lines is None:
            continue  # not counted: an unconfirmed or second entry
        line = known.get(text)
        if line is None:
            cells = decode_line(text)
            line = known[text] = sums.of([cells.get(name) for name in names])
        found_lines.append((unit, *line))
    summaries: list[Counted] = [
        (code, grp, lines[ballot_id])
        for ballot_id, code, _, grp in heads
        if ballot_id in counted_ids
    ]
    return _combine(plan, len(returned_by), unconfirmed, _count(returned_by), summaries)


# ------------------------------------------------------------------------------------------------
# From ballot scores to results


def _combine(
    plan: Plan,
    entered: int,
    unconfirmed: list[str],
    returned: Mapping[str, int],
    counted: Iterable[Counted],
) -> Results:
    a = plan.assessment
    groups = [g.name for g in plan.groups]
    nscale = len(a.scale)
    scores: dict[str, dict[str, list[float]]] = {
        u.name: {g: [] for g in groups} for u in plan.units
    }
    # Each line's grade counts, summed per unit at the end (zip and sum run in C).
    lines: dict[str, list[Sequence[int]]] = {u.name: [] for u in plan.units}
    group_valid: dict[str, int] = dict.fromkeys(groups, 0)
    valid = invalid = 0
    invalid_reasons: dict[str, str] = {}
    rules = Rulebook(plan)
    for code, group, sums in counted:
        reason = rules.judge(sums, scores)
        if reason is not None:  # invalid (废票): counted here, and nowhere in any score
            invalid += 1
            invalid_reasons[code] = reason
            continue
        valid += 1
        group_valid[group] = group_valid.get(group, 0) + 1
        for unit, num, den, grade_counts in sums:
            by_group = scores.get(unit)
            if by_group is None:
                continue  # not a unit of this meeting
            if den > 0 and group in by_group:
                by_group[group].append(num / den)
            lines[unit].append(grade_counts)

    counts = {
        name: [sum(column) for column in zip(*rows, strict=True)] if rows else [0] * nscale
        for name, rows in lines.items()
    }
    results = [_unit(plan, unit, scores[unit.name], counts[unit.name]) for unit in plan.units]
    ranked = sorted(
        (r for r in results if r.final is not None), key=lambda r: -round2(r.final or 0.0)
    )
    # Competition ranking on the rounded score: 1, 2, 2, 4.
    ordered: list[UnitResult] = []
    rank = 0
    previous: float | None = None
    for position, result in enumerate(ranked, start=1):
        rounded = round2(result.final or 0.0)
        if rounded != previous:
            rank, previous = position, rounded
        ordered.append(replace(result, rank=rank))
    ordered += [r for r in results if r.final is None]

    group_counts = tuple(
        GroupCount(
            name=g.name,
            weight=g.weight,
            issued=g.issued,
            returned=returned.get(g.name, 0),
            valid=group_valid.get(g.name, 0),
            over_issued=g.issued is not None and returned.get(g.name, 0) > g.issued,
            expected=quorum.expected_of(g),
            short=quorum.is_short(returned.get(g.name, 0), quorum.expected_of(g)),
        )
        for g in plan.groups
    )
    expected = quorum.expected_total(plan.groups)
    invalid_codes = tuple(sorted(invalid_reasons, key=code_sort_key))
    forms_back = sum(g.returned for g in group_counts)
    ordered = category_ranks(plan, ordered)
    return Results(
        categories=any(u.category for u in plan.units),
        rank_by=a.rank_by,
        meeting=plan.meeting.title,
        entered=entered,
        valid=valid,
        invalid=invalid,
        unconfirmed=tuple(unconfirmed),
        invalid_codes=invalid_codes,
        invalid_reasons={code: invalid_reasons[code] for code in invalid_codes},
        groups=group_counts,
        units=tuple(ordered),
        expected=expected,
        quorum=a.quorum,
        provisional=quorum.is_provisional(forms_back, expected, a.quorum),
    )


def _unit(
    plan: Plan, unit: Unit, by_group: dict[str, list[float]], grade_counts: list[int]
) -> UnitResult:
    a = plan.assessment
    group_scores: dict[str, GroupScore] = {}
    weighted: list[float] = []
    weights: list[float] = []
    for group in plan.groups:
        values = by_group[group.name]
        score, trimmed = group_score(values, a.trim)
        group_scores[group.name] = GroupScore(len(values), score, trimmed)
        if score is not None:
            weighted.append(group.weight * score)
            weights.append(group.weight)
    composite = math.fsum(weighted) / math.fsum(weights) if weights else None
    if composite is None:
        final = None
    elif unit.daily is None:
        final = composite
    else:
        final = a.onsite_weight * composite + (1 - a.onsite_weight) * unit.daily

    counted = [i for i, g in enumerate(a.scale) if g.counted]
    total = sum(grade_counts[i] for i in counted)
    good_rate = good_or_fair = None
    if total:
        good_rate = grade_counts[counted[0]] / total
        good_or_fair = sum(grade_counts[i] for i in counted[:2]) / total

    level: str | None = None
    vetoed = False
    if final is not None:
        rounded = round2(final)
        index = next((i for i, lv in enumerate(a.levels) if lv.min <= rounded), None)
        if index is not None:
            level = a.levels[index].level
            if index == 0 and a.veto is not None and total and len(a.levels) > 1:
                veto = {i for i in counted if a.scale[i].grade in a.veto.grades}
                if sum(grade_counts[i] for i in veto) / total >= a.veto.share:
                    level = a.levels[1].level
                    vetoed = True

    return UnitResult(
        unit=unit.name,
        mode=unit.mode,
        rank=None,
        composite=composite,
        daily=unit.daily,
        final=final,
        level=level,
        vetoed=vetoed,
        votes=sum(len(v) for v in by_group.values()),
        groups=group_scores,
        grade_counts={g.grade: grade_counts[i] for i, g in enumerate(a.scale)},
        good_rate=good_rate,
        good_or_fair_rate=good_or_fair,
    )


def group_score(values: Sequence[float], trim: int) -> tuple[float | None, int]:
    """The mean of a group's ballot scores; with `trim = t` and at least 2t + 3 of them, the t
    highest and t lowest are left out first. `math.fsum` makes the order of ballots irrelevant."""
    n = len(values)
    if n == 0:
        return None, 0
    if trim > 0 and n >= 2 * trim + 3:
        kept = sorted(values)[trim : n - trim]
        return math.fsum(kept) / len(kept), trim
    return math.fsum(values) / n, 0
