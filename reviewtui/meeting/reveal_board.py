"""What the projector shows while results are revealed (当场公布): a pure function of the stored
reveal, the time and the page size, so every page is easy to test. No Textual here.

The ranking pages itself: the page shown is derived from the time since an anchor (the reveal,
or the last page key), one page every `PAGE_SECONDS`, never counted by ticks.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import datetime

from reviewtui import clock
from reviewtui.assessment.reveal import Reveal
from reviewtui.i18n import t
from reviewtui.present import score, score_value
from reviewtui.present.charts import score_axis

PAGE_SECONDS = 8.0


@dataclass(frozen=True)
class BoardRow:
    rank: str
    unit: str
    score: str  # rounded half up to 2 decimals (SPEC 6, shown scores)
    level: str
    bar: float = 0.0  # the bar's length, 0..1 of the axis (`present.charts`), same on every page


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
    units = reveal.units
    axis = score_axis(score_value(u.get("final")) for u in units)
    key = "rank" if reveal.category is None else "category_rank"  # ranked within its category
    return [
        BoardRow(
            str(u[key]),
            u["unit"],
            score(u.get("final")),
            u.get("level") or "",
            axis.fraction(score_value(u.get("final"))),
        )
        for u in units
    ]


def axis_caption(reveal: Reveal) -> str:
    return score_axis(score_value(u.get("final")) for u in reveal.units).short_caption


def scope_label(reveal: Reveal) -> str:
    if reveal.category is not None:
        return t("projector.reveal.category", category=reveal.category) + _scope(reveal)
    return _scope(reveal)


def _scope(reveal: Reveal) -> str:
    if reveal.scope == "top":
        return t("projector.reveal.scope_top", top=reveal.top)
    if reveal.scope == "level":
        return t("projector.reveal.scope_level", level=reveal.level)
    return t("projector.reveal.scope_all")


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
    rows = rows_of(reveal)
    per_page = max(1, per_page)
    pages = max(1, math.ceil(len(rows) / per_page))
    page = page_at(paging, now, pages)
    return Board(
        title=t("projector.reveal.title"),  # the meeting's title is on the top line
        scope=scope_label(reveal),
        provisional=t("projector.reveal.provisional") if reveal.provisional else "",
        signed=t("projector.reveal.signed", counter=reveal.counter, supervisor=reveal.supervisor),
        rows=tuple(rows[page * per_page : (page + 1) * per_page]),
        page=page,
        pages=pages,
        axis=axis_caption(reveal),
    )
