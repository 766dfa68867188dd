"""The problem lines of the rectification list (整改清单), as read from a meeting database.

Every question and every comment of a unit is a line of that unit (its *derived* lines); the
secretary's changes and her own lines are rows of `problems`. A unit's derived lines get their
rows the first time its list is changed (`commands.materialise`); until then, and for every
question asked after that, a line is read from its record. A row whose `problem` is NULL reads
its text from its record, so a question corrected on the live screen shows corrected here too.

A line's `key` is stable across that change: "s<segment id>" for a line from a record,
"p<row id>" for a line the secretary added (and for a second row of one record, which only
another program writes).
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from reviewtui import segment_kinds as kinds
from reviewtui.i18n import CATALOG, t

if TYPE_CHECKING:
    from reviewtui.store import Store

SECRETARY = "secretary"  # the source of a line the secretary added
# As declared at import; `sources()` reads the kinds registry at call time.
SOURCES = (*kinds.rectification_kinds(), SECRETARY)
STATUSES = ("open", "done", "dropped")

_DERIVED = """
SELECT s.id AS segment_id, s.kind AS source, s.speaker, s.text, i.unit
FROM segments AS s JOIN items AS i ON i.id = s.item_id
WHERE i.kind = 'unit' AND i.unit IS NOT NULL AND s.kind IN ({kinds})
ORDER BY i.pos, s.started_at, s.id
"""
_RECORDS = """
SELECT s.id AS segment_id, s.kind AS source, s.speaker, s.text, i.unit
FROM segments AS s JOIN items AS i ON i.id = s.item_id WHERE s.id IN ({ids})
"""


def sources() -> tuple[str, ...]:
    """Where a line comes from: a record of a kind that makes one (`kinds.SegmentKind`), or the
    secretary. Each has its catalog keys `rectify.source.<source>` and `rectify.said.<source>`."""
    return (*kinds.rectification_kinds(), SECRETARY)


def source_name(source: str) -> str:
    """现场提问 / 领导点评 / 会务补充; a line a later release made from a kind this one does not
    declare (schema 6 lets a line's source be any kind), by the kind's stored name."""
    key = f"rectify.source.{source}"
    return t(key) if key in CATALOG else kinds.shown(source)


def said_by(source: str, speaker: str) -> str:
    """党代表 张建国提问 / 区委书记点评: who said it, in running text."""
    key = f"rectify.said.{source}"
    if key in CATALOG:
        return t(key, speaker=speaker)
    return t("rectify.by_whom", source=source_name(source), speaker=speaker)


@dataclass(frozen=True)
class ProblemLine:
    key: str  # "s<segment id>" or "p<row id>": the same before and after the line gets a row
    unit: str
    source: str  # question | comment | secretary
    problem: str  # the text as shown: the row's, else its record's
    speaker: str = ""  # who asked or commented; "" for the secretary's own lines
    measure: str = ""
    owner: str = ""
    deadline: str | None = None  # ISO date
    status: str = "open"  # open | done | dropped
    id: int | None = None  # the `problems` row, once it has one
    segment_id: int | None = None
    pos: int | None = None
    merged_into: int | None = None  # the row that absorbed this line
    follows_record: bool = True  # the text is its record's (no text of its own stored)

    @property
    def merged(self) -> bool:
        return self.merged_into is not None

    @property
    def active(self) -> bool:
        """Still a line of the list: neither merged into another nor dropped."""
        return self.merged_into is None and self.status != "dropped"


def has_table(store: Store) -> bool:
    """Whether the database has the `problems` table (a file of release 1 or 2 does not)."""
    row = store.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'problems'"
    ).fetchone()
    return row is not None


def _stored(store: Store) -> list[dict[str, Any]]:
    if not has_table(store):
        return []
    try:
        return store.rows("SELECT * FROM problems ORDER BY pos, id")
    except sqlite3.Error:
        return []


def read_lines(store: Store, *, include_merged: bool = True) -> list[ProblemLine]:
    """Every line of every unit: units in plan order (then any other unit a row names), each
    unit's rows in their order, then its records that have no row yet, in the order spoken."""
    derived_kinds = kinds.rectification_kinds()
    marks = ", ".join("?" * len(derived_kinds))
    derived = store.rows(_DERIVED.format(kinds=marks), derived_kinds) if derived_kinds else []
    records = {int(r["segment_id"]): r for r in derived}
    rows = _stored(store)
    # A row a later release made from a kind this one does not declare: its record too.
    others = {int(r["segment_id"]) for r in rows if r["segment_id"] is not None} - set(records)
    if others:
        query = _RECORDS.format(ids=", ".join("?" * len(others)))
        records.update((int(r["segment_id"]), r) for r in store.rows(query, tuple(others)))
    by_unit: dict[str, list[ProblemLine]] = {}
    has_row: set[int] = set()
    for row in rows:
        segment_id = row["segment_id"]
        record = records.get(int(segment_id)) if segment_id is not None else None
        # A record's first row keeps the record's key; a second row for it (another program
        # wrote it: nothing here makes two) is keyed as the row it is.
        first = segment_id is not None and int(segment_id) not in has_row
        if segment_id is not None:
            has_row.add(int(segment_id))
        text = row["problem"]
        line = ProblemLine(
            key=f"s{segment_id}" if first else f"p{row['id']}",
            unit=str(record["unit"] if record else row["unit"]),
            source=str(row["source"]),
            problem=str(text if text is not None else (record["text"] if record else "")),
            speaker=str(record["speaker"]) if record else "",
            measure=str(row["measure"]),
            owner=str(row["owner"]),
            deadline=row["deadline"],
            status=str(row["status"]),
            id=int(row["id"]),
            segment_id=int(segment_id) if segment_id is not None else None,
            pos=int(row["pos"]),
            merged_into=row["merged_into"],
            follows_record=text is None,
        )
        by_unit.setdefault(line.unit, []).append(line)
    for segment_id, record in records.items():
        if segment_id in has_row:
            continue
        unit = str(record["unit"])
        by_unit.setdefault(unit, []).append(
            ProblemLine(
                key=f"s{segment_id}",
                unit=unit,
                source=str(record["source"]),
                problem=str(record["text"]),
                speaker=str(record["speaker"]),
                segment_id=segment_id,
            )
        )
    order = [u.name for u in store.plan.units]
    units = order + sorted(u for u in by_unit if u not in order)
    lines = [line for unit in units for line in by_unit.get(unit, [])]
    return lines if include_merged else [line for line in lines if not line.merged]


def unit_lines(store: Store, unit: str, *, include_merged: bool = False) -> list[ProblemLine]:
    return [line for line in read_lines(store, include_merged=include_merged) if line.unit == unit]


def find(store: Store, key: str) -> ProblemLine | None:
    return next((line for line in read_lines(store) if line.key == key), None)
