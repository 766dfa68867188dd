"""What `ballots scan` records (SPEC 10): clear forms as ballots, doubtful ones held for review,
and of every page only its file's name, page number and SHA-256. No numpy here.

All of one scan is one journaled command (`ballot.scan`): ctrl+z at the ballot screen takes it
back whole. A held form's picture is written beside the journal (the journal keeps JSON, and no
picture of a rater's handwriting may outlive its form): the row itself is journaled without it,
and the picture is cleared before its row is deleted (`forget_pictures`), with SQLite's
secure_delete on so the freed pages are zeroed.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass, field

from reviewtui import clock
from reviewtui.assessment import form_code, rules, serials
from reviewtui.assessment.ballot_records import find
from reviewtui.assessment.forms import Cell, Form, Value, encode_lines
from reviewtui.store import Store, Tx

ACTION = "ballot.scan"
SOURCE = "scan"


@dataclass(frozen=True)
class PageRead:
    """A page as `read` left it, reduced to what is kept or decided on (no image)."""

    file: str
    page: int
    sha256: str
    serial: str | None  # None: no form of this meeting
    problem: str  # corners | code | meeting | serial (a foreign page), else ""
    values: Mapping[Cell, Value]
    doubts: list[dict[str, object]]
    picture: bytes = b""


@dataclass
class Outcome:
    file: str
    page: int
    outcome: str  # saved | held | duplicate | conflict | foreign | again
    serial: str | None = None
    why: str = ""
    differs: list[Cell] = field(default_factory=list)  # a conflict's cells


def known_pages(store: Store, entry: int) -> set[str]:
    rows = store.conn.execute("SELECT sha256 FROM scan_pages WHERE entry = ?", (entry,))
    return {sha for (sha,) in rows}


def group_of(store: Store, serial: str) -> str | None:
    """The group of a printed serial: from what `print forms` recorded (`printed_forms`), or,
    for forms an earlier release printed without recording them, from the serial's prefix
    (each group's `code`); None for a serial of neither."""
    printed = serials.Printed.load(store.conn)
    if printed:
        found = printed.parse(serial)
        if found is None or printed.problems(serial, found[0]):
            return None
        return found[0]
    match = re.fullmatch(r"([A-Za-z]+)0*(\d{1,6})", serial.strip())
    if match is None:
        return None
    head = match.group(1).upper()
    plan = store.plan
    return next((g.name for g in plan.groups if serials.prefix(plan, g) == head), None)


def foreign_reason(store: Store, read: PageRead, key: str | None) -> str:
    if read.problem:
        return read.problem
    if key != form_code.meeting_key(store.plan):
        return "meeting"
    if read.serial is None or group_of(store, read.serial) is None:
        return "serial"
    return ""


def record(store: Store, pages: list[PageRead], *, entry: int, entered_by: str) -> list[Outcome]:
    """Write what was read, as one command. Pages whose SHA-256 is known are skipped (`again`)."""
    store.conn.execute("PRAGMA secure_delete = ON")
    plan = store.plan
    form = Form.of(plan)
    now = clock.iso(clock.now())
    outcomes: list[Outcome] = []
    seen = known_pages(store, entry)
    held = {
        serial
        for (serial,) in store.conn.execute(
            "SELECT serial FROM scan_reviews WHERE entry = ?", (entry,)
        )
    }
    with store.transaction(ACTION) as tx:
        for read in pages:
            if read.sha256 in seen:
                outcomes.append(Outcome(read.file, read.page, "again", read.serial))
                continue
            seen.add(read.sha256)
            outcome = _one(store, tx, form, read, entry, entered_by, now, held)
            outcomes.append(outcome)
    return outcomes


def _page_row(
    tx: Tx, read: PageRead, entry: int, now: str, outcome: str, ballot: int | None = None
) -> int:
    return tx.insert(
        "scan_pages",
        {
            "file": read.file,
            "page": read.page,
            "sha256": read.sha256,
            "read_at": now,
            "serial": read.serial if outcome != "foreign" else None,
            "entry": entry,
            "outcome": outcome,
            "ballot_id": ballot,
        },
    )


def _one(
    store: Store,
    tx: Tx,
    form: Form,
    read: PageRead,
    entry: int,
    entered_by: str,
    now: str,
    held: set[str],
) -> Outcome:
    if read.serial is None or read.problem:
        _page_row(tx, read, entry, now, "foreign")
        return Outcome(read.file, read.page, "foreign", None, read.problem)
    serial = read.serial
    group = group_of(store, serial)
    assert group is not None  # foreign_reason checked it
    existing = find(store, serial, entry)
    if existing is not None:
        differs = sorted(
            cell
            for cell in set(existing.marks) | set(read.values)
            if existing.marks.get(cell) != read.values.get(cell)
            and not any(d["unit"] == cell[0] and d["item"] == cell[1] for d in read.doubts)
        )
        if differs or (read.doubts and existing.source != SOURCE):
            _page_row(tx, read, entry, now, "conflict", existing.id)
            return Outcome(read.file, read.page, "conflict", serial, differs=differs)
        _page_row(tx, read, entry, now, "duplicate", existing.id)
        return Outcome(read.file, read.page, "duplicate", serial)
    if serial in held:
        _page_row(tx, read, entry, now, "duplicate")
        return Outcome(read.file, read.page, "duplicate", serial)
    if read.doubts:
        page_id = _page_row(tx, read, entry, now, "held")
        cells: dict[str, dict[str, Value]] = {}
        for (unit, item), value in read.values.items():
            cells.setdefault(unit, {})[item] = value
        review_id = tx.insert(
            "scan_reviews",
            {
                "page_id": page_id,
                "serial": serial,
                "grp": group,
                "entry": entry,
                "cells": json.dumps(cells, ensure_ascii=False),
                "doubtful": json.dumps(read.doubts, ensure_ascii=False),
                "picture": None,
                "created_at": now,
            },
        )
        # The picture beside the journal: see the module's note.
        store.conn.execute(
            "UPDATE scan_reviews SET picture = ? WHERE id = ?", (read.picture, review_id)
        )
        held.add(serial)
        return Outcome(
            read.file, read.page, "held", serial, "; ".join(str(d["why"]) for d in read.doubts)
        )
    ballot_id = tx.insert(
        "ballots",
        {
            "code": serial,
            "entry": entry,
            "grp": group,
            "entered_by": entered_by,
            "source": SOURCE,
            "created_at": now,
            "updated_at": now,
        },
    )
    for unit, line in encode_lines(form, dict(read.values)).items():
        tx.insert("marks", {"ballot_id": ballot_id, "unit": unit, "cells": line})
    _page_row(tx, read, entry, now, "saved", ballot_id)
    return Outcome(read.file, read.page, "saved", serial)


def voided(store: Store, pages: list[PageRead], outcomes: list[Outcome]) -> dict[str, str]:
    """The saved forms the rules make invalid (valid input, said after the scan)."""
    form = Form.of(store.plan)
    forms: dict[str, dict[str, dict[str, Value | None]]] = {}
    for read, outcome in zip(pages, outcomes, strict=True):
        if outcome.outcome == "saved" and read.serial:
            lines: dict[str, dict[str, Value | None]] = {
                u: {i.name: None for i in form.items} for u in form.units
            }
            for (unit, item), value in read.values.items():
                lines[unit][item] = value
            forms[read.serial] = lines
    return rules.reasons_of_lines(store.plan, forms)


# ------------------------------------------------------------------------------------------------
# Held forms


def forget_pictures(store: Store, tx_id: int) -> None:
    """Clear the pictures of the held forms command `tx_id` added, before an undo deletes
    their rows (the journal compares the row it inserted, which had none)."""
    store.conn.execute("PRAGMA secure_delete = ON")
    rows = store.conn.execute(
        "SELECT row_key FROM journal WHERE tx = ? AND tbl = 'scan_reviews' AND op = 'insert'",
        (tx_id,),
    ).fetchall()
    ids = [json.loads(key)["id"] for (key,) in rows]
    if ids:  # outside a command: the pictures go whatever the undo then decides
        store.conn.executemany(
            "UPDATE scan_reviews SET picture = NULL WHERE id = ?", [(i,) for i in ids]
        )
