"""The one glossary of result columns: their names and their order, for every output.

The results screen, `reviewtui results`, md, docx, xlsx and csv all lay the ranking out as
`RANKING` says, and name each column with its one catalog key (`results.col.<id>`), so a
secretary reads the same words in the same order on screen and on paper. Each column also
gives its cell as text (`text`) and as a typed value (`value`, for spreadsheets: the rounded
score, never the raw float).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reviewtui.assessment.tally import Results, UnitResult
from reviewtui.i18n import get_lang, t
from reviewtui.plan import Veto
from reviewtui.present import numbers as n


@dataclass(frozen=True)
class Column:
    id: str  # also the results JSON key, where there is one
    kind: str  # "score" | "rate" | "count" | "text": how the figure is formatted
    get: Callable[[UnitResult], object]

    @property
    def label(self) -> str:
        return t(f"results.col.{self.id}")

    @property
    def numeric(self) -> bool:
        return self.kind != "text"

    def text(self, unit: UnitResult) -> str:
        raw = self.get(unit)
        if self.kind == "score":
            return n.score(raw)  # type: ignore[arg-type]
        if self.kind == "rate":
            return n.rate(raw)  # type: ignore[arg-type]
        if self.kind == "count":
            return n.count(raw)  # type: ignore[arg-type]
        return n.NONE if raw is None else str(raw)

    def value(self, unit: UnitResult) -> object:
        """The cell as a spreadsheet holds it: a score rounded as shown, a rate rounded as
        shown (a fraction, formatted as a percentage), None where undefined."""
        raw = self.get(unit)
        if self.kind == "score":
            return n.score_value(raw)  # type: ignore[arg-type]
        if self.kind == "rate":
            return n.rate_value(raw)  # type: ignore[arg-type]
        return raw


def level(unit: UnitResult) -> str | None:
    """The level, starred when the veto took the best level away (explained under the table)."""
    return None if unit.level is None else unit.level + ("*" if unit.vetoed else "")


RANK = Column("rank", "count", lambda u: u.rank)
UNIT = Column("unit", "text", lambda u: u.unit)
FINAL = Column("final", "score", lambda u: u.final)
COMPOSITE = Column("composite", "score", lambda u: u.composite)
DAILY = Column("daily", "score", lambda u: u.daily)
LEVEL = Column("level", "text", level)
VOTES = Column("votes", "count", lambda u: u.votes)
GOOD_RATE = Column("good_rate", "rate", lambda u: u.good_rate)
GOOD_OR_FAIR_RATE = Column("good_or_fair_rate", "rate", lambda u: u.good_or_fair_rate)

CATEGORY = Column("category", "text", lambda u: u.category)
CATEGORY_RANK = Column("category_rank", "count", lambda u: u.category_rank)

# The ranking, in the order every output shows it.
RANKING: tuple[Column, ...] = (RANK, UNIT, FINAL, COMPOSITE, DAILY, LEVEL, VOTES, GOOD_RATE)
# The ranking with every figure, for the spreadsheet and the CSV (grade counts follow).
RANKING_FULL: tuple[Column, ...] = (*RANKING, GOOD_OR_FAIR_RATE)


def with_categories(columns: Sequence[Column], results: Results) -> tuple[Column, ...]:
    """`columns` with 类别 and 类别内名次 after the unit, when some unit has a category (分类排名);
    unchanged otherwise, so a meeting without categories reads as before."""
    if not results.categories:
        return tuple(columns)
    at = list(columns).index(UNIT) + 1
    return (*columns[:at], CATEGORY, CATEGORY_RANK, *columns[at:])


def ordered(results: Results) -> list[UnitResult]:
    """The units in the order the plan asks them shown: rank order, or with `rank_by =
    "category"` one category after another, each in its own rank order."""
    from reviewtui.assessment.categories import laid_out

    return [u for _, units in laid_out(results) for u in units]


def header(columns: Sequence[Column] = RANKING) -> list[str]:
    return [c.label for c in columns]


def row(unit: UnitResult, columns: Sequence[Column] = RANKING) -> list[str]:
    return [c.text(unit) for c in columns]


def values(unit: UnitResult, columns: Sequence[Column] = RANKING) -> list[object]:
    return [c.value(unit) for c in columns]


def vetoed_note(veto: Veto) -> str:
    """The footnote that explains a starred level; the same words on screen and on paper."""
    sep = "、" if get_lang() == "zh" else ", "
    return t("results.vetoed_note", grades=sep.join(veto.grades), share=n.share(veto.share))


def grade_count_label(grade: str) -> str:
    return t("results.col.grade_count", grade=grade)
