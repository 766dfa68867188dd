"""Paper ballots as stored, read back: one `Ballot` per entry with its marks.

A ballot's `code` is the id written on the paper form; with double entry each form is entered
twice (`entry` 1 and 2). Writing is in `ballots`, the double-entry comparison in `ballot_compare`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from reviewtui.assessment.forms import Cell, Value, code_sort_key, decode_line, normalize_code
from reviewtui.assessment.opinions import of_ballots
from reviewtui.store import Store


@dataclass(frozen=True)
class Ballot:
    """One entry of one paper ballot, as stored."""

    id: int
    code: str
    entry: int
    group: str
    entered_by: str
    source: str
    created_at: str
    updated_at: str
    marks: dict[Cell, Value]
    opinions: dict[str, str] = field(default_factory=dict)  # unit -> text, plan unit order


_COLUMNS = "id, code, entry, grp, entered_by, source, created_at, updated_at"


def _ballot(head: Sequence[Any], marks: dict[Cell, Value], opinions: dict[str, str]) -> Ballot:
    """A ballot from its row of `_COLUMNS`, its marks and its opinions."""
    rid, code, entry, group, entered_by, source, created_at, updated_at = head
    return Ballot(
        rid, code, entry, group, entered_by, source, created_at, updated_at, marks, opinions
    )


def load(store: Store, *, entry: int | None = None, code: str | None = None) -> list[Ballot]:
    """Ballots with their marks, in ballot-id order then entry order."""
    where, params = _filter(entry, code, "")
    heads = store.conn.execute(f"SELECT {_COLUMNS} FROM ballots{where}", params).fetchall()  # noqa: S608 (fixed clauses)
    marks: dict[int, dict[Cell, Value]] = {row[0]: {} for row in heads}
    if heads:
        where, params = _filter(entry, code, "b.")
        sql = (
            "SELECT m.ballot_id, m.unit, m.cells FROM marks m "  # noqa: S608 (fixed clauses)
            f"JOIN ballots b ON b.id = m.ballot_id{where}"
        )
        for ballot_id, unit, cells in store.conn.execute(sql, params):
            found = marks[ballot_id]
            for item, value in decode_line(cells).items():
                found[(unit, item)] = value
    opinions = of_ballots(store, marks) if heads else {}
    ballots = [_ballot(head, marks[head[0]], opinions.get(head[0], {})) for head in heads]
    ballots.sort(key=lambda b: (code_sort_key(b.code), b.entry))
    return ballots


def _filter(entry: int | None, code: str | None, prefix: str) -> tuple[str, tuple[object, ...]]:
    clauses: list[str] = []
    params: list[object] = []
    if entry is not None:
        clauses.append(f"{prefix}entry = ?")
        params.append(entry)
    if code is not None:
        clauses.append(f"{prefix}code = ?")
        params.append(code)
    return (" WHERE " + " AND ".join(clauses) if clauses else ""), tuple(params)


def find(store: Store, code: str, entry: int) -> Ballot | None:
    found = load(store, entry=entry, code=normalize_code(code))
    return found[0] if found else None


def get(store: Store, ballot_id: int) -> Ballot | None:
    row = store.conn.execute(
        "SELECT code, entry FROM ballots WHERE id = ?", (ballot_id,)
    ).fetchone()
    return find(store, row[0], row[1]) if row else None
