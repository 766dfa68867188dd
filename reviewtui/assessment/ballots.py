"""Paper ballots in the database: save, correct, delete, double-entry comparison, CSV export.

Every change is one journaled transaction (`store.transaction`), committed before the caller
reports it. A ballot's `code` is the id written on the paper form; with double entry each form
is entered twice (`entry` 1 and 2), blind, and counts only when both entries agree.
"""

from __future__ import annotations

import csv
import getpass
import io
import os
import socket
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

from reviewtui import clock
from reviewtui.assessment import serials
from reviewtui.assessment.forms import (
    Cell,
    Form,
    Value,
    code_problem,
    code_sort_key,
    decode_line,
    encode_lines,
    format_value,
    normalize_code,
)
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.output import protected_paths, write_file
from reviewtui.plan import Plan
from reviewtui.store import Store
from reviewtui.store.journal import last_command, row_of
from reviewtui.textsafe import inert_cell

LONG_HEADER = ("ballot", "group", "unit", "item", "value")

CONFIRMED = "confirmed"
MISMATCHED = "mismatched"
SINGLE = "single"


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


@dataclass(frozen=True)
class GroupProgress:
    group: str
    entered: int
    issued: int | None

    @property
    def over_issued(self) -> bool:
        return self.issued is not None and self.entered > self.issued


@dataclass(frozen=True)
class CellDiff:
    """One disagreement between the two entries; `unit` is None for the group field."""

    unit: str | None
    item: str | None
    first: Value | None
    second: Value | None


@dataclass(frozen=True)
class Comparison:
    code: str
    status: str  # CONFIRMED | MISMATCHED | SINGLE
    first: Ballot | None
    second: Ballot | None
    diffs: tuple[CellDiff, ...] = ()


# What ctrl+z on the ballot screen can take back: its own commands, never a whole imported file.
UNDOABLE = ("ballot.save", "ballot.correct", "ballot.retype", "ballot.delete")


@dataclass(frozen=True)
class UndoneBallot:
    """What `undo_last` took back: the command (`save`, `correct`, ...) and its ballot."""

    action: str
    ballot_id: int | None
    code: str
    entry: int | None


def default_entered_by() -> str:
    """user@host: who typed a ballot in, when nobody says otherwise."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "?"
    return f"{user}@{socket.gethostname()}"


# ------------------------------------------------------------------------------------------------
# Reading

_COLUMNS = "id, code, entry, grp, entered_by, source, created_at, updated_at"


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
    ballots = [Ballot(*row, marks=marks[row[0]]) for row in heads]
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


def codes(store: Store, entry: int) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT code FROM ballots WHERE entry = ?", (entry,))}


def next_code(store: Store, entry: int = 1) -> str:
    """The id to offer for the next ballot of this round.

    A form already entered in the other round but not in this one comes first (the second
    typist works through the same pile); otherwise one more than the highest numeric id.
    """
    mine = codes(store, entry)
    others = codes(store, 3 - entry) if store.plan.assessment.double_entry else set()
    missing = sorted(others - mine, key=code_sort_key)
    if missing:
        return missing[0]
    numbers = [int(c) for c in mine | others if c.isdecimal() and len(c) <= 32]
    return str(max(numbers, default=0) + 1)


def progress(store: Store, entry: int = 1) -> list[GroupProgress]:
    """Ballots entered in this round per group, against the forms issued to it."""
    counts = dict(
        store.conn.execute(
            "SELECT grp, count(*) FROM ballots WHERE entry = ? GROUP BY grp", (entry,)
        ).fetchall()
    )
    return [GroupProgress(g.name, counts.get(g.name, 0), g.issued) for g in store.plan.groups]


# ------------------------------------------------------------------------------------------------
# Writing


def check_entry(store: Store, entry: int) -> None:
    if entry not in (1, 2):
        raise UserError(t("ballot.bad_entry", entry=entry))
    if entry == 2 and not store.plan.assessment.double_entry:
        raise UserError(t("ballot.no_double_entry"))


def serial_problems(plan: Plan, code: str, group: str) -> list[str]:
    """What is wrong with a printed form's serial: never printed, or another group's."""
    unprinted = serials.out_of_range(plan, code)
    if unprinted:
        return [t("ballot.serial_unprinted", serial=unprinted[0], first=unprinted[1],
                  last=unprinted[2])]  # fmt: skip
    found = serials.parse(plan, code)
    if found and found[0].name != group:
        return [t("ballot.serial_group", serial=code, group=found[0].name, given=group)]
    return []


def save(
    store: Store,
    *,
    code: str,
    group: str,
    marks: Mapping[Cell, Value],
    entry: int = 1,
    entered_by: str = "",
    source: str = "screen",
    replacing: int | None = None,
    action: str | None = None,
) -> Ballot:
    """Save a new ballot, or replace ballot `replacing` (a correction or a retyped entry).

    Refuses (UserError, nothing written) an unknown group or cell, a bad value, or an id already
    entered in this round. One transaction; every changed ballot line is journaled.
    """
    plan = store.plan
    form = Form.of(plan)
    code = serials.normalized(plan, normalize_code(code))
    check_entry(store, entry)
    problems: list[str] = []
    if not code:
        problems.append(t("ballot.code_empty"))
    elif (bad_code := code_problem(code)) is not None:  # too long: text, never a number
        problems.append(bad_code.message)
    if group not in form.groups:
        problems.append(t("ballot.unknown_group", value=group))
    problems += serial_problems(plan, code, group)
    problems += form.check(marks)
    if problems:
        raise UserError(*problems)
    now = clock.iso(clock.now())
    lines = encode_lines(form, marks)
    if action is None:
        action = "ballot.save" if replacing is None else "ballot.correct"
    with store.transaction(action) as tx:
        taken = store.conn.execute(
            "SELECT id FROM ballots WHERE code = ? AND entry = ?", (code, entry)
        ).fetchone()
        if taken and taken[0] != replacing:
            raise UserError(t("ballot.duplicate", code=code, entry=entry))
        if replacing is None:
            ballot_id = tx.insert(
                "ballots",
                {
                    "code": code,
                    "entry": entry,
                    "grp": group,
                    "entered_by": entered_by,
                    "source": source,
                    "created_at": now,
                    "updated_at": now,
                },
            )
            for unit, cells in lines.items():
                tx.insert("marks", {"ballot_id": ballot_id, "unit": unit, "cells": cells})
        else:
            ballot_id = replacing
            old = store.conn.execute(
                "SELECT entry FROM ballots WHERE id = ?", (ballot_id,)
            ).fetchone()
            if old is None or old[0] != entry:
                raise UserError(t("ballot.gone", code=code))
            tx.update(
                "ballots",
                {"id": ballot_id},
                {"code": code, "grp": group, "entered_by": entered_by, "updated_at": now},
            )
            before = dict(
                store.conn.execute(
                    "SELECT unit, cells FROM marks WHERE ballot_id = ?", (ballot_id,)
                ).fetchall()
            )
            for unit, cells in lines.items():
                if unit not in before:
                    tx.insert("marks", {"ballot_id": ballot_id, "unit": unit, "cells": cells})
                else:
                    tx.update("marks", {"ballot_id": ballot_id, "unit": unit}, {"cells": cells})
            for unit in before:
                if unit not in lines:
                    tx.delete("marks", {"ballot_id": ballot_id, "unit": unit})
    saved = get(store, ballot_id)
    assert saved is not None
    return saved


def delete(store: Store, ballot_id: int) -> None:
    """Delete one entry of a ballot; its marks go first so the journal can restore them all."""
    with store.transaction("ballot.delete") as tx:
        units = store.conn.execute(
            "SELECT unit FROM marks WHERE ballot_id = ?", (ballot_id,)
        ).fetchall()
        for (unit,) in units:
            tx.delete("marks", {"ballot_id": ballot_id, "unit": unit})
        if not tx.delete("ballots", {"id": ballot_id}):
            raise UserError(t("ballot.gone", code=ballot_id))


def _same(a: Value | None, b: Value | None) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is b
    return float(a) == float(b)


# ------------------------------------------------------------------------------------------------
# Double entry


def compare_pair(form: Form, first: Ballot | None, second: Ballot | None) -> Comparison:
    """How the two entries of one paper ballot relate, cell by cell in form order."""
    present = first or second
    assert present is not None
    if first is None or second is None:
        return Comparison(present.code, SINGLE, first, second)
    diffs: list[CellDiff] = []
    if first.group != second.group:
        diffs.append(CellDiff(None, None, first.group, second.group))
    known = set(form.cells())
    cells = form.cells() + sorted((set(first.marks) | set(second.marks)) - known)
    for cell in cells:
        a, b = first.marks.get(cell), second.marks.get(cell)
        if not _same(a, b):
            diffs.append(CellDiff(cell[0], cell[1], a, b))
    status = MISMATCHED if diffs else CONFIRMED
    return Comparison(present.code, status, first, second, tuple(diffs))


def compare(form: Form, ballots: Iterable[Ballot]) -> list[Comparison]:
    """Every paper ballot's double-entry status, in id order."""
    pairs: dict[str, list[Ballot | None]] = {}
    for ballot in ballots:
        pair = pairs.setdefault(ballot.code, [None, None])
        pair[ballot.entry - 1] = ballot
    return [
        compare_pair(form, pairs[code][0], pairs[code][1])
        for code in sorted(pairs, key=code_sort_key)
    ]


def compare_store(store: Store, code: str | None = None) -> list[Comparison]:
    return compare(Form.of(store.plan), load(store, code=code))


# ------------------------------------------------------------------------------------------------
# Export


def export_csv(store: Store, path: str | Path, *, entry: int = 1) -> int:
    """Write this round's ballots as a long-form CSV that `import` reads back; returns how many.

    Every cell of every ballot is written, blank cells as empty values, so an all-blank ballot
    travels too. UTF-8 with BOM so a spreadsheet opens the Chinese correctly. Written by the
    safe writer (`reviewtui.output`): never onto the meeting's database, a link or a device, and
    never half a file. A text cell a spreadsheet would evaluate (an id "=1+1") gets a leading
    apostrophe (`textsafe.inert_cell`).
    """
    form = Form.of(store.plan)
    ballots = load(store, entry=entry)
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(LONG_HEADER)
    for ballot in ballots:
        for unit, item in form.cells():
            value = format_value(ballot.marks.get((unit, item)))
            row = (ballot.code, ballot.group, unit, item, value)
            writer.writerow([inert_cell(cell) for cell in row])
    write_file("\ufeff" + buffer.getvalue(), Path(path), protect=protected_paths(store.path))
    return len(ballots)


def default_export_path(store: Store, entry: int = 1) -> Path:
    """Beside the database: meeting-ballots-1-20170224-153012.csv."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return store.path.with_name(f"{store.path.stem}-ballots-{entry}-{stamp}.csv")


def last_entered(store: Store) -> tuple[str | None, str | None]:
    """(group, entered by) of the ballot saved last: the next form likely has the same."""
    row = store.row("SELECT grp, entered_by FROM ballots ORDER BY created_at DESC, id DESC LIMIT 1")
    return (row["grp"], row["entered_by"]) if row else (None, None)


def undo_last(store: Store) -> UndoneBallot | None:
    """Take back the latest save, correction, retype or delete of the ballot screen.

    None when there is none; the store raises a `UserError` saying why when it refuses."""
    last = last_command(store, UNDOABLE)
    if last is None:
        return None
    tx, action = last
    ballot = row_of(store, tx, "ballots")  # read before the undo changes it
    store.undo(tx)
    return UndoneBallot(
        action=action.split(".")[1],
        ballot_id=ballot.get("id"),
        code=str(ballot.get("code", "?")),
        entry=ballot.get("entry"),
    )
