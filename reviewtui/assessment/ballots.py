"""Paper ballots in the database: save, correct and delete them, and export them as CSV.

Every change is one journaled transaction (`store.transaction`), committed before the caller
reports it. A ballot's `code` is the id written on the paper form; with double entry each form
is entered twice (`entry` 1 and 2), blind, and counts only when both entries agree.

This module is also the one import for everything about stored ballots: reading them back
(`ballot_records`), the double-entry comparison (`ballot_compare`) and the ballot screen's
queries and undo (`ballot_queries`) are re-exported here.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Mapping
from pathlib import Path

from reviewtui import clock
from reviewtui.assessment import file_identity, serials
from reviewtui.assessment import opinions as opinion_lines
from reviewtui.assessment.ballot_compare import (
    CONFIRMED,
    MISMATCHED,
    SINGLE,
    CellDiff,
    Comparison,
    compare,
    compare_pair,
    compare_store,
)
from reviewtui.assessment.ballot_queries import (
    UNDOABLE,
    GroupProgress,
    UndoneBallot,
    codes,
    default_entered_by,
    last_entered,
    last_undoable,
    next_code,
    progress,
    undo_last,
)
from reviewtui.assessment.ballot_records import Ballot, find, get, load
from reviewtui.assessment.forms import (
    Cell,
    Form,
    Value,
    code_problem,
    encode_lines,
    format_value,
    normalize_code,
)
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.output import protected_paths, write_file
from reviewtui.store import Store, Tx
from reviewtui.textsafe import inert_cell

__all__ = [
    "CHINESE_HEADER",
    "CONFIRMED",
    "LONG_HEADER",
    "MISMATCHED",
    "OPINION_HEADER",
    "SINGLE",
    "UNDOABLE",
    "Ballot",
    "CellDiff",
    "Comparison",
    "GroupProgress",
    "UndoneBallot",
    "check_entry",
    "codes",
    "compare",
    "compare_pair",
    "compare_store",
    "default_entered_by",
    "default_export_path",
    "delete",
    "export_csv",
    "find",
    "get",
    "last_entered",
    "last_undoable",
    "load",
    "next_code",
    "progress",
    "save",
    "serial_problems",
    "undo_last",
]

LONG_HEADER = ("ballot", "group", "unit", "item", "value")
OPINION_HEADER = (*LONG_HEADER, "opinion")  # the long form of a form with opinion lines
# The same columns under their Chinese headers (SPEC 6): read as these, written with --lang zh.
CHINESE_HEADER = {
    "编号": "ballot",
    "类别": "group",
    "单位": "unit",
    "项目": "item",
    "评价": "value",
    "意见": "opinion",
}


# ------------------------------------------------------------------------------------------------
# Writing


def check_entry(store: Store, entry: int) -> None:
    if entry not in (1, 2):
        raise UserError(t("ballot.bad_entry", entry=entry))
    if entry == 2 and not store.plan.assessment.double_entry:
        raise UserError(t("ballot.no_double_entry"))


def serial_problems(printed: serials.Printed, code: str, group: str) -> list[str]:
    """What is wrong with a printed form's serial: never printed, or another group's. Checked
    only against the forms this meeting printed (`printed_forms`); other ids are free-form."""
    return printed.problems(code, group)


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
    opinions: Mapping[str, str] | None = None,
    within: Callable[[Tx, int], None] | None = None,
) -> Ballot:
    """Save a new ballot, or replace ballot `replacing` (a correction or a retyped entry).

    `opinions` (unit -> text, `assessment.opinions`) are saved with the marks; None keeps a
    replaced ballot's opinions as they are.

    Refuses (UserError, nothing written) an unknown group or cell, a bad value, or an id already
    entered in this round. One transaction; every changed ballot line is journaled. `within`
    runs inside that transaction with the ballot's id, for writes that must commit with it (a
    phone form's token); what it raises rolls everything back.
    """
    plan = store.current_plan()  # amended meanwhile by another connection? check against that
    form = Form.of(plan)
    printed = serials.Printed.load(store.conn)
    code = printed.normalized(normalize_code(code))
    check_entry(store, entry)
    problems: list[str] = []
    if not code:
        problems.append(t("ballot.code_empty"))
    elif (bad_code := code_problem(code)) is not None:  # too long: text, never a number
        problems.append(bad_code.message)
    if group not in form.groups:
        problems.append(t("ballot.unknown_group", value=group))
    problems += serial_problems(printed, code, group)
    problems += form.check(marks)
    if opinions is not None:
        problems += opinion_lines.problems(plan, opinions)
    if problems:
        raise UserError(*problems)
    now = clock.iso(clock.now())
    lines = encode_lines(form, marks)
    if action is None:
        action = "ballot.save" if replacing is None else "ballot.correct"
    with store.transaction(action) as tx:
        if not store.holds_plan(plan):  # amended between the checks and this transaction
            raise UserError(t("ballot.plan_changed"))
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
        if opinions is not None:
            opinion_lines.write(tx, ballot_id, opinion_lines.cleaned(plan, opinions))
        if within is not None:
            within(tx, ballot_id)
    saved = get(store, ballot_id)
    assert saved is not None
    return saved


def delete(store: Store, ballot_id: int) -> None:
    """Delete one entry of a ballot; its marks go first so the journal can restore them all."""
    with store.transaction("ballot.delete") as tx:
        # A phone form's token stays used, its ballot gone (journaled first: undo restores it last).
        for (key,) in store.conn.execute(
            "SELECT hash FROM tokens WHERE ballot_id = ?", (ballot_id,)
        ).fetchall():
            tx.update("tokens", {"hash": key}, {"ballot_id": None})
        units = store.conn.execute(
            "SELECT unit FROM marks WHERE ballot_id = ?", (ballot_id,)
        ).fetchall()
        for (unit,) in units:
            tx.delete("marks", {"ballot_id": ballot_id, "unit": unit})
        if not tx.delete("ballots", {"id": ballot_id}):
            raise UserError(t("ballot.gone", code=ballot_id))


# ------------------------------------------------------------------------------------------------
# Export


def export_csv(store: Store, path: str | Path, *, entry: int = 1, chinese: bool = False) -> int:
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
    with_opinions = any(ballot.opinions for ballot in ballots)
    # The meeting's identity above the SPEC header: `import` refuses another meeting's file.
    writer.writerow([inert_cell(cell) for cell in file_identity.header_row(store)])
    header: tuple[str, ...] = OPINION_HEADER if with_opinions else LONG_HEADER
    if chinese:  # 编号,类别,单位,项目,评价(,意见)
        header = tuple(zh for name in header for zh, en in CHINESE_HEADER.items() if en == name)
    writer.writerow(header)
    for ballot in ballots:
        written: set[str] = set()
        for unit, item in form.cells():
            value = format_value(ballot.marks.get((unit, item)))
            row: tuple[str, ...] = (ballot.code, ballot.group, unit, item, value)
            if with_opinions:  # on the unit's first row only: one opinion per ballot and unit
                row += ("" if unit in written else ballot.opinions.get(unit, ""),)
                written.add(unit)
            writer.writerow([inert_cell(cell) for cell in row])
    write_file("\ufeff" + buffer.getvalue(), Path(path), protect=protected_paths(store.path))
    return len(ballots)


def default_export_path(store: Store, entry: int = 1) -> Path:
    """Beside the database: meeting-ballots-1-20170224-153012.csv."""
    stamp = clock.now().strftime("%Y%m%d-%H%M%S")
    return store.path.with_name(f"{store.path.stem}-ballots-{entry}-{stamp}.csv")
