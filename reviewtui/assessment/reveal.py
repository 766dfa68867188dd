"""当场公布: the results revealed on the projector, after the counters confirmed them.

`reveal()` stores, in one journaled command, the results JSON (SPEC section 7) as confirmed, the
scope (every unit, the top N, or the units of one level), optionally narrowed to one category
(分类排名: that category's units, the top N by their rank within it) and who confirmed the
count (计票人 `counter`, 监票人 `supervisor`, typed names). `hide()` takes them off the
projector again. Both are meeting commands that ctrl+z undoes (`meeting.kinds.UNDOABLE`).
`current()` is what the projector must show now. The projector shows the stored snapshot, never
a fresh tally: what is on the wall is exactly what was signed for, even if a ballot is entered
afterwards.

Top N means the units ranked N or better, so units tied at the boundary are all shown (top 3 of
ranks 1, 2, 3, 3 shows four); units without a score are never revealed. Within a category the
rank is the category rank (`category_rank` of the results JSON).
"""

from __future__ import annotations

import json
import sqlite3
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Any

from reviewtui import clock
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.store.journal import last_command
from reviewtui.textsafe import clean

if TYPE_CHECKING:  # the projector reads reveals without loading the tally
    from reviewtui.assessment.tally import Results

SCOPES = ("all", "top", "level")
NAME_MAX = 30  # characters of a counter's or supervisor's name
TOP_MAX = 9999

_COLUMNS = "id, shown_at, hidden_at, scope, top, level, counter, supervisor, results"
_CATEGORY = ", category"  # schema 5; a reader of an older file (not upgraded) has no column


@dataclass(frozen=True)
class Reveal:
    """One reveal as stored; `results` is the results JSON as it was confirmed."""

    id: int
    shown_at: str
    hidden_at: str | None
    scope: str
    top: int | None
    level: str | None
    counter: str
    supervisor: str
    results: dict[str, Any]
    category: str | None = None  # one category's units only
    # How the plan lays the ranking out (`[assessment] rank_by`), read from the plan, not stored.
    rank_by: str = "all"

    @property
    def provisional(self) -> bool:
        return bool(self.results.get("ballots", {}).get("provisional"))

    @property
    def units(self) -> list[dict[str, Any]]:
        """The revealed units of the snapshot, in the order shown."""
        return [u for _, units in self.sections() for u in units]

    def sections(self) -> list[Section]:
        """The revealed units as shown: one list, or one per category (`sections`)."""
        return sections(
            self.results.get("units", []), self.scope, self.top, self.level, self.category,
            self.rank_by,
        )  # fmt: skip


# A category (None: none) and its revealed units in rank order.
Section = tuple[str | None, list[dict[str, Any]]]


def select(
    units: list[dict[str, Any]],
    scope: str,
    top: int | None,
    level: str | None,
    category: str | None = None,
) -> list[dict[str, Any]]:
    """The units (results JSON rows, rank order) a scope reveals; units without rank never.
    With a category: its units only, ranked by their rank within it."""
    ranked = [u for u in units if u.get("rank") is not None]
    key = "rank"
    if category is not None:
        ranked = [u for u in ranked if u.get("category") == category]
        key = "category_rank"
    if scope == "top":
        return [u for u in ranked if top is not None and (u.get(key) or 0) <= top]
    if scope == "level":
        return [u for u in ranked if u.get("level") == level]
    return ranked


def sections(
    units: list[dict[str, Any]],
    scope: str,
    top: int | None,
    level: str | None,
    category: str | None = None,
    rank_by: str = "all",
) -> list[Section]:
    """The revealed units laid out as the plan asks: one list, in rank order; or, with
    `rank_by = "category"` and no one category chosen (全部类别), one list per category (in the
    order its best unit ranks), the scope taken within each (the top N of each category, by its
    category rank), as every other output lays a ranking out by category (分类排名). Units
    without a category come last, in a list of their own (None) ranked overall."""
    found: list[str] = []
    if rank_by == "category" and category is None:
        for unit in units:
            name = unit.get("category")
            if name and unit.get("rank") is not None and name not in found:
                found.append(name)
    if not found:
        return [(category, select(units, scope, top, level, category))]
    out: list[Section] = [(c, select(units, scope, top, level, c)) for c in found]
    rest = [u for u in select(units, scope, top, level) if not u.get("category")]
    return [(c, chosen) for c, chosen in [*out, (None, rest)] if chosen]


def grouped(reveal: Reveal) -> bool:
    """The reveal is laid out one category at a time (each list headed by its category)."""
    laid_out = reveal.sections() if reveal.rank_by == "category" else []
    return any(category is not None for category, _ in laid_out) and reveal.category is None


@dataclass(frozen=True)
class Preview:
    """A checked reveal, ready to confirm: what will be shown and from which results."""

    scope: str
    top: int | None
    level: str | None
    results: Results
    units: list[dict[str, Any]]
    category: str | None = None

    @property
    def provisional(self) -> bool:
        return self.results.provisional


def categories(store: Store) -> list[str]:
    """The plan's categories, in the order of its units (empty: a meeting without)."""
    found: list[str] = []
    for unit in store.plan.units:
        if unit.category and unit.category not in found:
            found.append(unit.category)
    return found


def prepare(
    store: Store,
    scope: str,
    *,
    top: int | None = None,
    level: str | None = None,
    category: str | None = None,
) -> Preview:
    """Tally now and check the scope; raises `UserError` with what is wrong."""
    if category is not None and category not in categories(store):
        raise UserError(
            t("reveal.bad_category", category=category, categories="、".join(categories(store)))
        )
    if scope not in SCOPES:
        raise UserError(t("reveal.bad_scope", scope=scope, scopes=" / ".join(SCOPES)))
    if scope == "top":
        if top is None or not 1 <= top <= TOP_MAX:
            raise UserError(t("reveal.bad_top", top="" if top is None else top), field="top")
        level = None
    elif scope == "level":
        levels = [lv.level for lv in store.plan.assessment.levels]
        if level not in levels:
            raise UserError(t("reveal.bad_level", level=level or "", levels="、".join(levels)))
        top = None
    else:
        top = level = None
    from reviewtui.assessment.tally import tally_store

    results = tally_store(store)
    if results.valid == 0:
        raise UserError(t("reveal.no_valid", entered=results.entered))
    data = results.to_json()
    laid_out = sections(data["units"], scope, top, level, category, store.plan.assessment.rank_by)
    units = [u for _, chosen in laid_out for u in chosen]
    if not units:
        if scope == "level":
            raise UserError(t("reveal.level_empty", level=level))
        raise UserError(t("reveal.nothing_ranked"))
    return Preview(scope, top, level, results, units, category)


def check_name(text: str, role: str) -> str:
    """A typed name, cleaned; raises `UserError` naming the field when empty or too long."""
    name = " ".join(clean(text).split())
    label = t(f"reveal.role.{role}")
    if not name:
        raise UserError(t("reveal.name_missing", role=label), field=role)
    if len(name) > NAME_MAX:
        raise UserError(t("reveal.name_long", role=label, max=NAME_MAX), field=role)
    return name


def reveal(
    store: Store,
    scope: str,
    *,
    top: int | None = None,
    level: str | None = None,
    category: str | None = None,
    counter: str,
    supervisor: str,
) -> Reveal:
    """Put the results on the projector, as confirmed by `counter` and `supervisor`.

    A reveal still shown is hidden in the same command: one ranking on the wall at a time.
    """
    errors: list[str] = []
    names: dict[str, str] = {}
    first: str | None = None  # the first field refused: the dialog's cursor goes there
    for role, text in (("counter", counter), ("supervisor", supervisor)):
        try:
            names[role] = check_name(text, role)
        except UserError as exc:
            errors += exc.lines
            first = first or exc.field
    if errors:
        raise UserError(*errors, field=first)
    plan = prepare(store, scope, top=top, level=level, category=category)
    now = clock.iso(clock.now())
    with store.transaction("reveal") as tx:
        shown = current(store.conn)
        if shown is not None:
            tx.update("reveals", {"id": shown.id}, {"hidden_at": now})
        row = {"category": plan.category} if plan.category is not None else {}
        reveal_id = tx.insert(
            "reveals",
            {
                **row,
                "shown_at": now,
                "scope": plan.scope,
                "top": plan.top,
                "level": plan.level,
                "counter": names["counter"],
                "supervisor": names["supervisor"],
                "results": json.dumps(plan.results.to_json(), ensure_ascii=False),
            },
        )
    found = get(store.conn, reveal_id)
    assert found is not None
    return replace(found, rank_by=store.plan.assessment.rank_by)


def hide(store: Store) -> Reveal | None:
    """Take the shown results off the projector; None if nothing was shown."""
    shown = current(store.conn)
    if shown is None:
        return None
    with store.transaction("hide") as tx:
        tx.update("reveals", {"id": shown.id}, {"hidden_at": clock.iso(clock.now())})
    return get(store.conn, shown.id)


ACTIONS = ("reveal", "hide")  # the journal actions of this module: what its own ctrl+z undoes


def undo(store: Store) -> str | None:
    """Undo the newest reveal or hide not undone yet (the agenda's ctrl+z undoes it too, in the
    order of every meeting command): the action undone, or None when there is none.
    Raises UserError when the undo is refused (`Store.undo`)."""
    last = last_command(store, ACTIONS)
    if last is None:
        return None
    store.undo(last[0])
    return last[1]


def _has_table(conn: sqlite3.Connection) -> bool:
    """A reader may look at a file of an older schema (not upgraded yet): no reveals there."""
    row = conn.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'reveals'")
    return row.fetchone() is not None


def _columns(conn: sqlite3.Connection) -> str:
    names = {row[1] for row in conn.execute("PRAGMA table_info(reveals)")}
    return _COLUMNS + (_CATEGORY if "category" in names else "")


def _from_row(row: tuple[Any, ...]) -> Reveal:
    rid, shown_at, hidden_at, scope, top, level, counter, supervisor, results, *rest = row
    return Reveal(
        rid, shown_at, hidden_at, scope, top, level, counter, supervisor, json.loads(results),
        rest[0] if rest else None,
    )  # fmt: skip


def get(conn: sqlite3.Connection, reveal_id: int) -> Reveal | None:
    row = conn.execute(
        f"SELECT {_columns(conn)} FROM reveals WHERE id = ?",  # noqa: S608 (fixed columns)
        (reveal_id,),
    ).fetchone()
    return _from_row(row) if row else None


def current(conn: sqlite3.Connection) -> Reveal | None:
    """What the projector must show now: the newest reveal not hidden, or None."""
    if not _has_table(conn):
        return None
    row = conn.execute(
        f"SELECT {_columns(conn)} FROM reveals WHERE hidden_at IS NULL ORDER BY id DESC LIMIT 1"  # noqa: S608
    ).fetchone()
    return _from_row(row) if row else None


def history(conn: sqlite3.Connection) -> list[Reveal]:
    """Every reveal, oldest first (for the minutes)."""
    if not _has_table(conn):
        return []
    rows = conn.execute(f"SELECT {_columns(conn)} FROM reveals ORDER BY id").fetchall()  # noqa: S608
    return [_from_row(row) for row in rows]
