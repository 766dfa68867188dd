"""跨年度提醒 (issue 25): the plan's rules across years, read on the chain of earlier meetings
(`[meeting] previous`, `assessment.history`), each warning with its reason and its years.

Rules (`[[assessment.warnings]]`, `plan.fields.WARNING`):

- `level`: the unit's level at or below `level` (the plan's levels, best first) in each of the
  last `years` meetings, this one included;
- `bottom`: among the last `bottom` units (of `category`, by the rank within it; else of every
  ranked unit) in each of the last `years` meetings. Ties count as the rank says: a unit is
  among the last N when fewer than N ranked units are below it;
- `rectify`: last year's 整改 lines of the unit still open (in last year's database).

`category` on a `level` or `rectify` rule limits it to the units of that category. A meeting
missing from the chain (or a unit missing from a meeting) breaks the run: no warning on a guess.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reviewtui.assessment.history import History, load_history
from reviewtui.assessment.results import PastResult, Results
from reviewtui.i18n import get_lang, t
from reviewtui.plan import Plan
from reviewtui.plan.model import WarningRule
from reviewtui.store import Store
from reviewtui.textsafe import name_key

MOST_LINES = 3  # open 整改 lines quoted in a reason; the rest are counted


@dataclass(frozen=True)
class YearWarning:
    """One warning: the unit, the rule, the meetings that gave it (oldest first: "2016",
    "2017", "2018") and each one's figure (its level or rank), or last year's open lines."""

    unit: str
    rule: WarningRule
    years: tuple[str, ...]
    figures: tuple[str, ...] = ()  # per year: the level, or the rank (as a number)
    lines: tuple[str, ...] = ()  # rule "rectify": last year's open lines

    @property
    def action(self) -> str:
        return t(f"warnings.action.{self.rule.action}")

    @property
    def reason(self) -> str:
        """Why, in the language of the moment, with the figure of each year."""
        rule = self.rule
        if rule.rule == "rectify":
            quoted = _sep().join(f"“{line}”" for line in self.lines[:MOST_LINES])
            rest = len(self.lines) - MOST_LINES
            more = t("warnings.more_lines", n=rest) if rest > 0 else ""
            return t("warnings.reason.rectify", year=self.years[0], count=len(self.lines),
                     lines=quoted + more)  # fmt: skip
        pairs = zip(self.years, self.figures, strict=True)
        if rule.rule == "level":
            detail = _sep().join(f"{year} {level}" for year, level in pairs)
            return t("warnings.reason.level", n=len(self.years), level=rule.level, detail=detail)
        detail = _sep().join(t("warnings.rank_in", year=year, rank=rank) for year, rank in pairs)
        scope = (t("warnings.scope.category", category=rule.category) if rule.category
                 else t("warnings.scope.all"))  # fmt: skip
        return t("warnings.reason.bottom", n=len(self.years), scope=scope,
                 bottom=rule.bottom or 1, detail=detail)  # fmt: skip

    def line(self) -> str:
        return t("warnings.line", action=self.action, unit=self.unit, reason=self.reason)


def _sep() -> str:
    return "、" if get_lang() == "zh" else ", "


def _run(
    results: Results,
    history: History,
    unit: str,
    years: int,
    hit: Callable[[PastResult, dict[str, PastResult]], bool],
) -> list[tuple[str, PastResult]] | None:
    """The unit's last `years` meetings (oldest first) if `hit` holds in each, else None."""
    now = results.unit(unit)
    if now is None:
        return None
    here = PastResult(now.rank, now.final, now.level, now.category, now.category_rank)
    this_year = {name_key(u.unit): PastResult(u.rank, u.final, u.level, u.category,
                                              u.category_rank) for u in results.units}  # fmt: skip
    chain: list[tuple[str, PastResult | None, dict[str, PastResult]]] = [("", here, this_year)]
    trail = history.trail(unit)
    for year, past in zip(history.years, trail, strict=False):
        chain.append((year.label, past, year.results))
    if len(chain) < years:
        return None
    out: list[tuple[str, PastResult]] = []
    for label, result, everyone in chain[:years]:
        if result is None or not hit(result, everyone):
            return None
        out.append((label, result))
    return list(reversed(out))


def _below(result: PastResult, everyone: dict[str, PastResult], rule: WarningRule) -> int | None:
    """How many ranked units are below `result` (in its category for a category rule)."""
    if rule.category is None:
        if result.rank is None:
            return None
        return sum(1 for r in everyone.values() if r.rank is not None and r.rank > result.rank)
    if result.category_rank is None or name_key(result.category or "") != name_key(rule.category):
        return None
    return sum(
        1 for r in everyone.values()
        if r.category_rank is not None and name_key(r.category or "") == name_key(rule.category)
        and r.category_rank > result.category_rank
    )  # fmt: skip


def evaluate(plan: Plan, results: Results, history: History | None, open_lines: OpenLines) -> (
    tuple[YearWarning, ...]
):  # fmt: skip
    """Every warning the plan's rules give this meeting, in rule order, then rank order."""
    rules = plan.assessment.warnings
    if not rules:
        return ()
    history = history or History()
    this_label = plan.meeting.date[:4] or plan.meeting.title
    levels = [lv.level for lv in plan.assessment.levels]
    category = {u.name: u.category for u in plan.units}
    out: list[YearWarning] = []
    for rule in rules:
        for unit in results.units:
            other = name_key(category.get(unit.unit) or "") != name_key(rule.category or "")
            if rule.category is not None and rule.rule != "bottom" and other:
                continue
            found = _one(rule, unit.unit, results, history, levels, open_lines, this_label)
            if found is not None:
                out.append(found)
    return tuple(out)


OpenLines = Callable[[str], tuple[str, Sequence[str]]]  # unit -> (last year's label, open lines)


def _one(
    rule: WarningRule,
    unit: str,
    results: Results,
    history: History,
    levels: list[str],
    open_lines: OpenLines,
    this_label: str,
) -> YearWarning | None:
    def label(text: str) -> str:
        return text or this_label

    if rule.rule == "rectify":
        year, lines = open_lines(unit)
        return YearWarning(unit, rule, (year,), lines=tuple(lines)) if lines else None
    if rule.rule == "level":
        at = levels.index(rule.level) if rule.level in levels else len(levels)

        def low(result: PastResult, _: dict[str, PastResult]) -> bool:
            return result.level in levels and levels.index(result.level or "") >= at

        run = _run(results, history, unit, rule.years, low)
        if run is None:
            return None
        figures = tuple(r.level or "" for _, r in run)
        return YearWarning(unit, rule, tuple(label(y) for y, _ in run), figures)
    bottom = rule.bottom or 1

    def last(result: PastResult, everyone: dict[str, PastResult]) -> bool:
        below = _below(result, everyone, rule)
        return below is not None and below < bottom

    run = _run(results, history, unit, rule.years, last)
    if run is None:
        return None
    ranks = tuple(str(r.category_rank if rule.category else r.rank) for _, r in run)
    return YearWarning(unit, rule, tuple(label(y) for y, _ in run), ranks)


def store_open_lines(store: Store, year: str) -> OpenLines:
    """Last year's open 整改 lines of a unit (through its aliases too), read once; `year`
    names last year's meeting."""
    from reviewtui.rectify import load_previous

    loaded = load_previous(store) if store.plan.meeting.previous else None
    aliases = {u.name: (u.name, *u.aliases) for u in store.plan.units}

    def of(unit: str) -> tuple[str, Sequence[str]]:
        if loaded is None or not loaded.lines:
            return "", ()
        lines = [
            line.problem for name in aliases.get(unit, (unit,)) for line in loaded.of(name)
            if line.status == "open"
        ]  # fmt: skip
        return year, lines

    return of


def warnings_of(store: Store, results: Results, history: History | None = None) -> (
    tuple[YearWarning, ...]
):  # fmt: skip
    """The warnings of the meeting in `store` (none without rules: nothing is read then)."""
    if not store.plan.assessment.warnings:
        return ()
    if history is None and store.plan.meeting.previous:
        history = load_history(store)
    year = history.years[0].label if history and history.years else ""
    return evaluate(store.plan, results, history, store_open_lines(store, year))


__all__ = ["YearWarning", "evaluate", "warnings_of"]
