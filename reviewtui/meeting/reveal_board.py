"""What the projector shows while results are revealed (当场公布): a pure function of the stored
reveal, the time and the page size, so every page is easy to test. No Textual here.

The ranking pages itself: the page shown is derived from the time since an anchor (the reveal,
or the last page key), one page every `PAGE_SECONDS`, never counted by ticks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Any

from reviewtui import clock
from reviewtui.assessment.reveal import Reveal, grouped
from reviewtui.i18n import t
from reviewtui.present import score, score_value
from reviewtui.present.charts import Axis, score_axis

PAGE_SECONDS = 8.0


@dataclass(frozen=True)
class BoardRow:
    rank: str
    unit: str
    score: str  # rounded half up to 2 decimals (SPEC 6, shown scores)
    level: str
    bar: float = 0.0  # the bar's length, 0..1 of the axis (`present.charts`), same on every page
    # A category's heading (分类排名, `rank_by = "category"`): `unit` holds its text, and
    # `continued` the text heading a page that starts within the category.
    heading: bool = False
    continued: str = ""


@dataclass(frozen=True)
class Board:
    """One page of the revealed ranking, exactly as drawn."""

    title: str
    scope: str
    provisional: str  # the warning line, or ""
    signed: str  # who confirmed the count
    rows: tuple[BoardRow, ...]
    page: int  # 0-based
    pages: int
    axis: str = ""  # where the bars start and end, in words

    @property
    def page_label(self) -> str:
        if self.pages <= 1:
            return ""
        return t("projector.reveal.page", page=self.page + 1, pages=self.pages)


def rows_of(reveal: Reveal) -> list[BoardRow]:
    """The rows of every page: the ranking, or with `rank_by = "category"` and every category
    revealed, each category's heading and its units ranked within it. One axis for all."""
    axis = score_axis(score_value(u.get("final")) for u in reveal.units)
    if not grouped(reveal):
        key = "rank" if reveal.category is None else "category_rank"  # ranked within it
        return [_row(u, key, axis) for u in reveal.units]
    rows: list[BoardRow] = []
    for category, units in reveal.sections():
        name = category or t("results.no_category")
        head = t("results.category_head", category=name, count=len(units))
        more = t("projector.reveal.continued", category=name)
        rows.append(BoardRow("", head, "", "", heading=True, continued=more))
        key = "rank" if category is None else "category_rank"
        rows += [_row(u, key, axis) for u in units]
    return rows


def _row(unit: dict[str, Any], key: str, axis: Axis) -> BoardRow:
    final = score_value(unit.get("final"))
    return BoardRow(
        str(unit[key]), unit["unit"], score(unit.get("final")), unit.get("level") or "",
        axis.fraction(final),
    )  # fmt: skip


def paged(rows: list[BoardRow], per_page: int) -> list[tuple[BoardRow, ...]]:
    """`rows` in pages of at most `per_page`: a heading never alone at a page's foot, and a
    page that starts within a category repeats its heading (续), so every page says whose
    ranks it shows."""
    pages: list[list[BoardRow]] = [[]]
    heading: BoardRow | None = None
    for row in rows:
        page = pages[-1]
        foot = row.heading and per_page > 1 and len(page) >= per_page - 1
        if page and (len(page) >= per_page or foot):
            page = []
            pages.append(page)
            if heading is not None and not row.heading and per_page > 1:
                page.append(replace(heading, unit=heading.continued))
        if row.heading:
            heading = row
        page.append(row)
    return [tuple(page) for page in pages]


def axis_caption(reveal: Reveal) -> str:
    return score_axis(score_value(u.get("final")) for u in reveal.units).short_caption


def scope_label(reveal: Reveal) -> str:
    if reveal.category is not None:
        return t("projector.reveal.category", category=reveal.category) + _scope(reveal)
    return _scope(reveal)


def _scope(reveal: Reveal) -> str:
    if reveal.scope == "top" and grouped(reveal):  # the top N of each category
        return t("projector.reveal.scope_top_each", top=reveal.top)
    if reveal.scope == "top":
        return t("projector.reveal.scope_top", top=reveal.top)
    if reveal.scope == "level":
        return t("projector.reveal.scope_level", level=reveal.level)
    return t("reveal.scope.all")


@dataclass(frozen=True)
class Paging:
    """Where automatic paging counts from: page `base` at `anchor`."""

    anchor: datetime
    base: int = 0


def page_at(paging: Paging, now: datetime, pages: int) -> int:
    if pages <= 1:
        return 0
    steps = math.floor(max(0.0, (now - paging.anchor).total_seconds()) / PAGE_SECONDS)
    return (paging.base + steps) % pages


def turned(paging: Paging, now: datetime, pages: int, step: int) -> Paging:
    """The paging after a page key: the next (or previous) page now, then on from there."""
    return Paging(now, (page_at(paging, now, pages) + step) % max(1, pages))


def start_paging(reveal: Reveal) -> Paging:
    return Paging(clock.parse_iso(reveal.shown_at))


def build_board(reveal: Reveal, now: datetime, per_page: int, paging: Paging) -> Board:
    pages_of = paged(rows_of(reveal), max(1, per_page))
    pages = len(pages_of)
    page = page_at(paging, now, pages)
    return Board(
        title=t("results.title"),  # the meeting's title is on the top line
        scope=scope_label(reveal),
        provisional=t("projector.reveal.provisional") if reveal.provisional else "",
        signed=t("projector.reveal.signed", counter=reveal.counter, supervisor=reveal.supervisor),
        rows=pages_of[page],
        page=page,
        pages=pages,
        axis=axis_caption(reveal),
    )
