"""计分办法 (issue 25): how the scores were computed, in words written from the plan itself, and
one unit worked through figure by figure (its group scores -> on-site score -> final -> level).

Every sentence states what `tally` does (SPEC section 6) for the options the plan uses, and says
nothing of an option it does not use (no trimming, no sentence on trimming). The worked unit is
the first of the ranking; its figures are the tally's own, shown as every output shows a score
(`present.numbers.score`: half up to 2 decimals), and the level is decided as the tally decides
it, on the rounded final score. Exporters only place `Method.rules` and `Method.example`.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

from reviewtui.assessment.forms import format_number
from reviewtui.assessment.results import MIN_FORMS, Results, UnitResult, hidden_groups, round2
from reviewtui.assessment.rule_text import rule_lines
from reviewtui.i18n import get_lang, t
from reviewtui.plan import Plan
from reviewtui.present import numbers as n


@dataclass(frozen=True)
class Method:
    rules: tuple[str, ...]  # one sentence (or short paragraph) a line
    example: tuple[str, ...]  # the worked unit, its heading line first; () without a score


def method(plan: Plan, results: Results) -> Method:
    return Method(tuple(rules(plan, results)), tuple(example(plan, results)))


def _sep() -> str:
    return "、" if get_lang() == "zh" else ", "


def _quoted(names: list[str] | tuple[str, ...]) -> str:
    if get_lang() == "zh":
        return "".join(f"“{name}”" for name in names)
    return " and ".join(f"'{name}'" for name in names)


def _num(value: float) -> str:
    return format_number(float(value))


def _graded(plan: Plan) -> bool:
    return any(item.max is None for item in plan.assessment.items)


# ------------------------------------------------------------------------------------------------
# The rules


def rules(plan: Plan, results: Results) -> list[str]:
    a = plan.assessment
    out: list[str] = []
    if _graded(plan):
        counted = [g for g in a.scale if g.counted and g.points is not None]
        grades = _sep().join(
            t("method.grade_points", grade=g.grade, points=_num(g.points or 0.0)) for g in counted
        )
        out.append(t("method.grades", grades=grades))
    for item in a.items:
        if item.max is not None:
            out.append(t("method.numeric", item=item.name, max=_num(item.max)))
    uncounted = [g.grade for g in a.scale if not g.counted] if _graded(plan) else []
    if uncounted:
        out.append(t("method.uncounted", grades=_quoted(uncounted)))
    else:
        out.append(t("method.blank"))
    if len(a.items) > 1:
        if len({item.weight for item in a.items}) == 1:
            out.append(t("method.items_mean"))
        else:
            weights = _sep().join(
                t("method.named_weight", name=i.name, weight=_num(i.weight)) for i in a.items
            )
            out.append(t("method.items_weighted", weights=weights))
    if a.double_entry:
        out.append(t("method.double_entry"))
    one_group = len(plan.groups) == 1
    out.append(t("method.one_group" if one_group else "method.group_mean"))
    if a.trim > 0:
        key = "method.trim_one" if one_group else "method.trim"
        out.append(t(key, need=2 * a.trim + 3, n=a.trim))
    if not one_group:
        total = sum(g.weight for g in plan.groups)
        weights = _sep().join(
            t("method.named_weight", name=g.name, weight=n.share(g.weight / total))
            for g in plan.groups
        )
        out.append(t("method.groups", weights=weights))
    if _blends(plan):
        onsite = a.onsite_weight
        out.append(t("method.blend", onsite=n.share(onsite), daily=n.share(1 - onsite)))
        if any(u.daily is None for u in plan.units):
            out.append(t("method.blend_missing"))
    else:
        out.append(t("method.no_blend"))
    out.append(t("method.rounding"))
    if a.rank_by == "category" and results.categories:
        out.append(t("method.by_category"))
    out.append(t("method.levels", levels=_levels(plan)))
    if a.veto is not None and len(a.levels) > 1 and _graded(plan):
        out.append(
            t(
                "method.veto",
                best=a.levels[0].level,
                second=a.levels[1].level,
                grades=_quoted(a.veto.grades),
                share=n.share(a.veto.share),
            )
        )
    if _graded(plan):
        counted_names = [g.grade for g in a.scale if g.counted]
        if len(counted_names) > 1:
            out.append(t("method.rates_two", first=counted_names[0], second=counted_names[1]))
        else:
            out.append(t("method.rates", first=counted_names[0]))
    joiner = "" if get_lang() == "zh" else " "
    out.append(t("method.invalid", rules=joiner.join(rule_lines(plan))))
    return out


def _blends(plan: Plan) -> bool:
    """Whether any final score mixes in a daily score (the day-to-day share is not zero)."""
    return plan.assessment.onsite_weight < 1 and any(u.daily is not None for u in plan.units)


def _levels(plan: Plan) -> str:
    levels = plan.assessment.levels
    parts: list[str] = []
    for i, lv in enumerate(levels):
        if i == 0:
            parts.append(t("method.level_top", min=_num(lv.min), level=lv.level))
            continue
        upper = _num(levels[i - 1].min)
        if lv.min <= 0:
            parts.append(t("method.level_bottom", upper=upper, level=lv.level))
        else:
            parts.append(t("method.level_mid", min=_num(lv.min), upper=upper, level=lv.level))
    if levels and levels[-1].min > 0:
        parts.append(t("method.level_none", upper=_num(levels[-1].min)))
    return ("；" if get_lang() == "zh" else "; ").join(parts)


# ------------------------------------------------------------------------------------------------
# The worked unit


def example(plan: Plan, results: Results) -> list[str]:
    """The first-ranked unit, figure by figure; [] when no unit has a final score."""
    unit = next((u for u in results.units if u.final is not None), None)
    if unit is None or unit.composite is None or unit.final is None:
        return []
    # Anonymity, as the group-scores sheet keeps it; one group's score is the on-site score,
    # which the ranking shows anyway.
    hidden = set(hidden_groups(results)) if len(plan.groups) > 1 else set()
    out = [t("method.example_unit", unit=unit.unit)]
    out += _group_lines(plan, results, unit, hidden)
    if len(plan.groups) > 1:
        out.append(t("method.ex_composite", terms=_composite_terms(plan, unit, hidden),
                     score=n.score(unit.composite)))  # fmt: skip
    a = plan.assessment
    if unit.daily is not None and a.onsite_weight < 1:
        terms = (
            f"{n.score(unit.composite)} × {n.share(a.onsite_weight)} + "
            f"{n.score(unit.daily)} × {n.share(1 - a.onsite_weight)}"
        )
        out.append(t("method.ex_final", terms=terms, score=n.score(unit.final)))
    else:
        out.append(t("method.ex_final_same", score=n.score(unit.final)))
    out.append(_level_line(plan, unit))
    return out


def _group_lines(plan: Plan, results: Results, unit: UnitResult, hidden: set[str]) -> list[str]:
    trim = plan.assessment.trim
    one = len(plan.groups) == 1
    returned = {g.name: g.returned for g in results.groups}
    out: list[str] = []
    for group in plan.groups:
        g = unit.groups[group.name]
        if g.score is None:
            out.append(t("method.ex_group_none", group=group.name))
            continue
        if group.name in hidden:
            out.append(t("method.ex_group_hidden", group=group.name,
                         returned=returned.get(group.name, 0), min=MIN_FORMS))  # fmt: skip
            continue
        figures = {"votes": g.votes, "score": n.score(g.score)}
        if g.trimmed:
            key = "trimmed"
            figures |= {"n": g.trimmed, "kept": g.votes - 2 * g.trimmed}
        elif trim > 0:
            key = "untrimmed"
            figures["need"] = 2 * trim + 3
        else:
            key = ""
        name = _EXAMPLE_KEYS[one, key]
        out.append(t(name, **figures) if one else t(name, group=group.name, **figures))
    return out


# A group's line of the worked example: (the only group, how trimming went) -> its sentence.
_EXAMPLE_KEYS = {
    (False, ""): "method.ex_group",
    (False, "trimmed"): "method.ex_group_trimmed",
    (False, "untrimmed"): "method.ex_group_untrimmed",
    (True, ""): "method.ex_one_group",
    (True, "trimmed"): "method.ex_one_group_trimmed",
    (True, "untrimmed"): "method.ex_one_group_untrimmed",
}


def _clean_percent(share: float) -> bool:
    """Whether the share is exact as a percentage to 2 decimals (60%, 33.5%; not 1/3)."""
    hundred = Decimal(repr(share * 100))
    return abs(hundred - hundred.quantize(Decimal("0.01"))) < Decimal("1e-9")


def _composite_terms(plan: Plan, unit: UnitResult, hidden: set[str]) -> str:
    """The weighted mean over the groups that scored the unit: as percentages where the shares
    are exact, else as (score × weight + …) ÷ sum of weights; a hidden group's score by name."""
    scored = [
        (g.weight, _score_or_name(g.name, unit.groups[g.name].score, hidden))
        for g in plan.groups
        if unit.groups[g.name].score is not None
    ]
    total = sum(w for w, _ in scored)
    if all(_clean_percent(w / total) for w, _ in scored):
        return " + ".join(f"{s} × {n.share(w / total)}" for w, s in scored)
    inner = " + ".join(f"{s} × {_num(w)}" for w, s in scored)
    return f"({inner}) ÷ {_num(total)}"


def _score_or_name(group: str, score: float | None, hidden: set[str]) -> str:
    return t("method.hidden_score", group=group) if group in hidden else n.score(score)


def _level_line(plan: Plan, unit: UnitResult) -> str:
    a = plan.assessment
    final = unit.final or 0.0
    score = n.score(final)
    rounded = round2(final)
    index = next((i for i, lv in enumerate(a.levels) if lv.min <= rounded), None)
    if index is None:
        return t("method.ex_no_level", score=score, upper=_num(a.levels[-1].min))
    lv = a.levels[index]
    counted = [g.grade for g in a.scale if g.counted]
    total = sum(unit.grade_counts.get(g, 0) for g in counted)
    if index == 0 and a.veto is not None and len(a.levels) > 1 and total:
        marks = sum(unit.grade_counts.get(g, 0) for g in counted if g in a.veto.grades)
        key = "method.ex_veto_applied" if unit.vetoed else "method.ex_veto_kept"
        return t(
            key,
            score=score,
            best=lv.level,
            second=a.levels[1].level,
            min=_num(lv.min),
            grades=_quoted(a.veto.grades),
            marks=marks,
            total=total,
            part=n.share(marks / total),
            share=n.share(a.veto.share),
        )
    if index == 0:
        where = t("method.ex_where_top", min=_num(lv.min))
    elif lv.min <= 0:
        where = t("method.ex_where_bottom", upper=_num(a.levels[index - 1].min))
    else:
        where = t("method.ex_where_mid", min=_num(lv.min), upper=_num(a.levels[index - 1].min))
    return t("method.ex_level", score=score, where=where, level=unit.level or lv.level)
