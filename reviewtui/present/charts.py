"""The one chart model: what every chart shows, whatever draws it.

A `BarChart` is labelled bars on one axis, each with its figure as shown (`present.numbers`) and
a note in words (the level, never colour alone); a `Stacked` chart is counts per category and
series (the grades of each unit). The projector draws a `BarChart` in block characters, the
xlsx as a native Excel chart over cells holding the same figures, the notice and the feedback as
a table of shaded cells that Word, WPS and LibreOffice draw with the document's own fonts (no
picture, so no font has to be embedded for the Chinese labels).

Bars of scores start at `Axis.low`, a round figure below the lowest score (scores of a meeting lie
close together, and bars from 0 would all look alike); the axis is stated in words beside them.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from reviewtui.assessment.results import Results
from reviewtui.i18n import t
from reviewtui.present import numbers as n


@dataclass(frozen=True)
class Axis:
    low: float
    high: float
    counts: bool = False  # a bar of marks (full at `high` marks), not of a score

    def fraction(self, value: float | None) -> float:
        """Where `value` lies between low (0) and high (1), clamped."""
        if value is None or self.high <= self.low:
            return 0.0
        return min(1.0, max(0.0, (value - self.low) / (self.high - self.low)))

    def cells(self, value: float | None, width: int) -> int:
        """Whole cells of a bar `width` cells long at full scale (half up)."""
        return math.floor(self.fraction(value) * width + 0.5)

    @property
    def caption(self) -> str:
        if self.counts:
            return t("chart.axis_count", high=_figure(self.high))
        return t("chart.axis", low=_figure(self.low), high=_figure(self.high))

    @property
    def short_caption(self) -> str:
        """ "60–100 分": where a narrow column has no room for the sentence."""
        return t("chart.axis_short", low=_figure(self.low), high=_figure(self.high))


@dataclass(frozen=True)
class Bar:
    label: str
    value: float | None  # the figure as shown (a score rounded as SPEC 6 says)
    text: str  # the figure as text
    note: str = ""  # in words beside the bar: the level, or a count's share


@dataclass(frozen=True)
class BarChart:
    title: str
    bars: tuple[Bar, ...]
    axis: Axis


@dataclass(frozen=True)
class Stacked:
    """Counts per category (a unit) and series (a grade), series in scale order."""

    title: str
    categories: tuple[str, ...]
    series: tuple[tuple[str, tuple[int, ...]], ...]


def _figure(value: float) -> str:
    return str(int(value)) if float(value).is_integer() else f"{value:g}"


def score_axis(values: Iterable[float | None], high: float = 100.0) -> Axis:
    """From a round ten at least 10 below the lowest score to `high` (0 when scores are low)."""
    shown = [v for v in values if v is not None]
    if not shown:
        return Axis(0.0, high)
    low = max(0.0, math.floor(min(shown) / 10) * 10 - 10)
    return Axis(min(low, high - 10), high)


def score_chart(results: Results) -> BarChart:
    """Every unit with a final score, in rank order (with `rank_by = "category"` one category
    after another), its level beside its bar."""
    from reviewtui.present.glossary import ordered

    units = [u for u in ordered(results) if u.final is not None]
    bars = tuple(
        Bar(u.unit, n.score_value(u.final), n.score(u.final), u.level or "") for u in units
    )
    return BarChart(t("chart.scores"), bars, score_axis(b.value for b in bars))


def mean_final(results: Results) -> float | None:
    finals = [u.final for u in results.units if u.final is not None]
    return sum(finals) / len(finals) if finals else None


def unit_chart(results: Results, unit: str) -> BarChart:
    """The unit against the meeting: its score, the mean of all units, the best."""
    found = results.unit(unit)
    finals = [u.final for u in results.units if u.final is not None]
    best = max(finals) if finals else None
    mean = mean_final(results)
    mine = found.final if found else None
    bars = (
        Bar(
            t("chart.unit"), n.score_value(mine), n.score(mine), found.level or "" if found else ""
        ),
        Bar(t("chart.mean"), n.score_value(mean), n.score(mean)),
        Bar(t("chart.best"), n.score_value(best), n.score(best)),
    )
    return BarChart(t("chart.against"), bars, score_axis(finals))


def grade_chart(results: Results, unit: str, grades: Sequence[str]) -> BarChart:
    """The unit's marks of each grade, each bar a count with its share of the unit's marks."""
    found = results.unit(unit)
    counts = [found.grade_counts.get(g, 0) if found else 0 for g in grades]
    total = sum(counts)
    bars = tuple(
        Bar(
            grade,
            float(count),
            n.count(count),
            n.rate(count / total if total else None),
        )
        for grade, count in zip(grades, counts, strict=True)
    )
    return BarChart(t("chart.distribution"), bars, Axis(0.0, float(max(total, 1)), counts=True))


def distribution(results: Results, grades: Sequence[str]) -> Stacked:
    """The grades given to each unit, units in rank order (stacked bars)."""
    units = tuple(u.unit for u in results.units)
    series = tuple(
        (grade, tuple(u.grade_counts.get(grade, 0) for u in results.units)) for grade in grades
    )
    return Stacked(t("chart.grades"), units, series)
