"""Last year beside this year: the results of the meetings before this one (`[meeting] previous`).

`load_history(store)` follows the chain of `previous` databases (last year's meeting may itself
name the year before) up to `MAX_PAST` meetings back, each opened as a reader and tallied by the
one tally. A file that is missing, unreadable, or already in the chain (a loop) ends the chain
with a warning; the results of this year never depend on it.

Units are matched by name (as names compare: `name_key`), or through an alias the later meeting
declares for the unit (`[[units]] aliases = ["城子街道工委"]`: the names it had before), never by
guesswork. `History.trail(unit)` is a unit's results in the meetings before, last year first;
`attach(results, history)` gives this year's results with last year's per unit (results JSON
`previous`).
"""

from __future__ import annotations

import os
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from reviewtui.assessment.results import PastResult, Results
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan
from reviewtui.store import Store
from reviewtui.textsafe import name_key

MAX_PAST = 4  # meetings before this one: with this year, five years in a trend


@dataclass(frozen=True)
class Year:
    """One earlier meeting: its results per unit (by name_key) and the names its units had the
    year before it (alias key -> the unit's own key)."""

    title: str
    date: str
    path: Path
    results: dict[str, PastResult]
    names: dict[str, str]  # name_key of a unit's name or alias -> name_key of its name
    units: tuple[str, ...]  # its units, as named then

    @property
    def label(self) -> str:
        return self.date[:4] or self.title


@dataclass(frozen=True)
class History:
    years: tuple[Year, ...] = ()  # last year first
    warnings: tuple[str, ...] = ()
    here: dict[str, str] | None = None  # this year's names: key of name or alias -> key of name

    def trail(self, unit: str) -> list[PastResult | None]:
        """The unit's results in each earlier meeting, last year first (None: not there)."""
        keys = _keys_of(self.here or {}, name_key(unit))
        out: list[PastResult | None] = []
        for year in self.years:
            found = next((k for k in keys if k in year.results), None)
            out.append(year.results[found] if found is not None else None)
            if found is not None:
                keys = _keys_of(year.names, found)
        return out

    def last(self, unit: str) -> PastResult | None:
        trail = self.trail(unit) if self.years else []
        return trail[0] if trail else None

    def withdrawn(self, units: Sequence[str]) -> list[str]:
        """Last year's units that no unit of this year continues (by name or alias)."""
        if not self.years:
            return []
        taken: set[str] = set()
        for unit in units:
            keys = _keys_of(self.here or {}, name_key(unit))
            taken.update(k for k in keys if k in self.years[0].results)
        return [u for u in self.years[0].units if name_key(u) not in taken]


def _keys_of(names: dict[str, str], key: str) -> set[str]:
    """The unit's own key and every alias it declared (the names it had the year before)."""
    return {key} | {alias for alias, own in names.items() if own == key}


def names_of(plan: Plan) -> dict[str, str]:
    out: dict[str, str] = {}
    for unit in plan.units:
        own = name_key(unit.name)
        out[own] = own
        for alias in getattr(unit, "aliases", ()) or ():
            out.setdefault(name_key(alias), own)
    return out


def _locate(store: Store, previous: str) -> Path:
    given = Path(previous).expanduser()
    if given.is_absolute():
        return given
    places = []
    source = store.meta("source")
    if source:
        places.append(Path(source).parent / given)
    places.append(store.path.parent / given)
    found = next((p for p in places if p.exists()), places[0])
    return Path(os.path.normpath(found))


def _real(path: Path) -> str:
    try:
        return str(path.resolve())
    except OSError:
        return str(path)


def load_history(store: Store, *, most: int = MAX_PAST) -> History:
    """The chain of earlier meetings from `store`'s `[meeting] previous`, last year first."""
    from reviewtui.assessment.tally import tally_store

    here = names_of(store.plan)
    years: list[Year] = []
    warnings: list[str] = []
    seen = {_real(store.path)}
    current = store
    opened: list[Store] = []
    try:
        while len(years) < most:
            name = current.plan.meeting.previous
            if not name:
                break
            path = _locate(current, name)
            if _real(path) in seen:
                warnings.append(t("history.loop", path=path))
                break
            if not path.is_file():
                warnings.append(t("rectify.previous_missing", path=path))
                break
            seen.add(_real(path))
            try:
                other = Store.open_reader(path)
            except (UserError, OSError, sqlite3.Error) as exc:
                warnings.append(t("history.unreadable", path=path, reason=exc))
                break
            opened.append(other)
            try:
                results = tally_store(other)
                plan = other.plan
            except (UserError, sqlite3.Error, KeyError, ValueError, TypeError) as exc:
                warnings.append(t("history.unreadable", path=path, reason=exc))
                break
            years.append(
                Year(
                    title=plan.meeting.title,
                    date=plan.meeting.date,
                    path=path,
                    results={
                        name_key(u.unit): PastResult(
                            u.rank, u.final, u.level, u.category, u.category_rank
                        )
                        for u in results.units
                    },
                    names=names_of(plan),
                    units=tuple(u.name for u in plan.units),
                )
            )
            current = other
    finally:
        for other in opened:
            other.close()
    return History(tuple(years), tuple(warnings), here)


def attach(results: Results, history: History) -> Results:
    """This year's results with last year's per unit (`previous`), when a previous meeting is
    named; unchanged otherwise."""
    return replace(results, previous={u.unit: history.last(u.unit) for u in results.units})


def with_history(store: Store, results: Results) -> tuple[Results, History | None]:
    """`results` with last year's beside them, and the chain, when the plan names `previous`."""
    if not store.plan.meeting.previous:
        return results, None
    history = load_history(store)
    return attach(results, history), history
