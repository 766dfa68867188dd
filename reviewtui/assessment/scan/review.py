"""Held forms (SPEC 10): listed at the ballot screen, fixed by a person, saved as any ballot or
dropped. Either way the held row and its picture are gone from the database."""

from __future__ import annotations

import json
from collections.abc import Mapping
from dataclasses import dataclass

from reviewtui.assessment import ballots
from reviewtui.assessment.ballot_records import Ballot
from reviewtui.assessment.forms import Cell, Value
from reviewtui.assessment.scan.save import SOURCE
from reviewtui.store import Store, Tx


@dataclass(frozen=True)
class Held:
    id: int
    page_id: int
    serial: str
    group: str
    entry: int
    values: dict[Cell, Value]  # read clearly
    doubts: list[dict[str, object]]  # {unit, item, why, confidence}
    file: str
    page: int


def held(store: Store, entry: int | None = None) -> list[Held]:
    sql = (
        "SELECT r.id, r.page_id, r.serial, r.grp, r.entry, r.cells, r.doubtful, p.file, p.page"
        " FROM scan_reviews r JOIN scan_pages p ON p.id = r.page_id"
    )
    params: tuple[object, ...] = ()
    if entry is not None:
        sql += " WHERE r.entry = ?"
        params = (entry,)
    found = []
    for row in store.conn.execute(sql + " ORDER BY r.id", params):
        cells = json.loads(row[5])
        values = {
            (unit, item): value for unit, line in cells.items() for item, value in line.items()
        }
        found.append(
            Held(row[0], row[1], row[2], row[3], row[4], values, json.loads(row[6]), row[7], row[8])
        )
    return found


def picture(store: Store, review_id: int) -> bytes:
    row = store.conn.execute(
        "SELECT picture FROM scan_reviews WHERE id = ?", (review_id,)
    ).fetchone()
    return bytes(row[0]) if row and row[0] else b""


def _clear(store: Store, review_id: int) -> None:
    """The picture first, outside the journal (a delete journals the whole old row)."""
    store.conn.execute("PRAGMA secure_delete = ON")
    store.conn.execute("UPDATE scan_reviews SET picture = NULL WHERE id = ?", (review_id,))


def save(
    store: Store,
    item: Held,
    marks: Mapping[Cell, Value],
    *,
    entered_by: str,
    opinions: Mapping[str, str] | None = None,
) -> Ballot:
    """Save the reviewed form as a ballot (source `scan`), its held row deleted in the same
    command; refused like any ballot (a UserError, nothing changed)."""

    def settle(tx: Tx, ballot_id: int) -> None:
        tx.delete("scan_reviews", {"id": item.id})
        tx.update("scan_pages", {"id": item.page_id}, {"outcome": "saved", "ballot_id": ballot_id})

    _clear(store, item.id)
    return ballots.save(
        store,
        code=item.serial,
        group=item.group,
        marks=marks,
        entry=item.entry,
        entered_by=entered_by,
        source=SOURCE,
        opinions=opinions,
        within=settle,
    )


def drop(store: Store, item: Held) -> None:
    """Put a held form aside unsaved (not a form to count): its row and picture deleted."""
    _clear(store, item.id)
    with store.transaction("ballot.scan_drop") as tx:
        tx.delete("scan_reviews", {"id": item.id})
        tx.update("scan_pages", {"id": item.page_id}, {"outcome": "dropped"})
