"""Amendments: the plan of a started meeting changed without a new database (SPEC section 3).

`propose(store, plan)` compares the stored plan with a new one and says, for every difference,
whether it can be applied: forms issued or expected, attendance, a new or renamed representative,
leader, group or unit, a unit's limit or commenter, an added unit or agenda item, a withdrawn
one that has no record. A change that records depend on (withdrawing a unit that has segments or
ballots, renaming a unit onto another's name, changing the form once ballots exist) is refused
with its reason. `apply` makes every change in one journaled command ("amend"): undoable, and
listed in the minutes from the journal (`history`).

Lists are compared by name (`plan.changes`): an inserted name is an insertion, and a rename is
a name removed where another is inserted, one for one: a misspelt name corrected. It is applied
everywhere the name is used (agenda items, segments' speakers, ballot lines, ballots' groups).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, NamedTuple

from reviewtui import attendance as _attendance
from reviewtui.attendance import Attendance, Counts, attendance, set_attendance
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import AgendaItem, Plan, from_json, titles
from reviewtui.plan.changes import changes as plan_changes
from reviewtui.plan.changes import renames as plan_renames
from reviewtui.store import Store, Target, Tx
from reviewtui.store.opening import open_and_compare, plan_changed_message

ACTION = "amend"
__all__ = ["Amendment", "Attendance", "Change", "Proposal", "Refusal", "apply", "attendance"]
__all__ += ["history", "propose", "set_attendance"]


class Change(NamedTuple):
    what: str  # key path in the plan, e.g. "groups[1].issued"
    old: Any
    new: Any
    subject: str = ""  # the entry's name before the change ("区农委"), or ""


class Refusal(NamedTuple):
    what: str
    reason: str  # in the user's language


class Proposal(NamedTuple):
    changes: list[Change]
    refusals: list[Refusal]
    renames: dict[str, dict[str, str]]  # list ("units", "leaders", ...) -> old name -> new name

    @property
    def applicable(self) -> bool:
        return bool(self.changes) and not self.refusals


class Amendment(NamedTuple):
    at: str
    what: str
    old: Any
    new: Any
    subject: str = ""  # the name of the entry changed, in the plan then ("群众代表"), or ""


def _reporter_renames(old: Plan, plan: Plan, units: dict[str, str]) -> dict[str, str]:
    """A unit's reporter spelt anew (张伟 → 张玮): the name its report and answers carry."""
    found: dict[str, str] = {}
    for unit in plan.units:
        was = next((a for a, b in units.items() if b == unit.name), unit.name)
        before = old.unit(was)
        if before and before.reporter and unit.reporter and unit.reporter != before.reporter:
            found[before.reporter] = unit.reporter
    return found


def propose(store: Store, plan: Plan) -> Proposal:
    old = store.plan
    changes = [Change(*c) for c in plan_changes(old.data, plan.data)]
    renames = {
        key: plan_renames(old.data, plan.data, key)
        for key in ("units", "leaders", "representatives", "groups")
    }
    renames["reporters"] = _reporter_renames(old, plan, renames["units"])
    refusals: list[Refusal] = []
    records = _Records(store)
    new_units = {u.name for u in plan.units} | set(renames["units"])
    for unit in old.units:
        if unit.name in new_units:
            continue
        if records.unit_used(unit.name):
            taken = next((u.name for u in plan.units if u.name == unit.name), None)
            reason = "amend.unit_has_records_rename" if taken else "amend.unit_has_records"
            refusals.append(Refusal(f"units: {unit.name}", t(reason, unit=unit.name)))
    for unit in plan.units:
        before = old.unit(
            next((a for a, b in renames["units"].items() if b == unit.name), unit.name)
        )
        moved_off = before and before.mode == "onsite" and unit.mode == "written"
        if moved_off and before and records.unit_timed(before.name):
            refusals.append(Refusal(f"units: {unit.name}", t("amend.unit_mode", unit=unit.name)))
    new_groups = {g.name for g in plan.groups} | set(renames["groups"])
    for group in old.groups:
        if group.name not in new_groups and records.group_used(group.name):
            refusals.append(
                Refusal(f"groups: {group.name}", t("amend.group_has_ballots", group=group.name))
            )
    recorded = {a.group: a for a in attendance(store)}
    for group in plan.groups:
        # attendance is recorded under the group's name before a rename
        was = next((a for a, b in renames["groups"].items() if b == group.name), group.name)
        counted = recorded.get(was)
        expected = group.expected if group.expected is not None else group.issued
        came = (counted.present or 0) + (counted.absent or 0) if counted else 0
        if expected is not None and came > expected:
            reason = t("amend.expected_below_attendance", group=group.name, expected=expected,
                       came=came)  # fmt: skip
            refusals.append(Refusal(f"groups: {group.name}", reason))
    if records.ballots and _form(old) != _form(plan):
        refusals.append(Refusal("assessment", t("amend.form_has_ballots", count=records.ballots)))
    for row in match(records.items, plan.expanded_agenda(), renames["units"]).dropped:
        if row["kind"] != "unit" and records.item_used(row["id"]):
            refusals.append(
                Refusal(f"agenda: {row['title']}", t("amend.item_has_records", item=row["title"]))
            )
    return Proposal(changes, refusals, renames)


def apply(
    store: Store,
    plan: Plan,
    proposal: Proposal | None = None,
    *,
    attendance: dict[str, Counts] | None = None,
) -> int:
    """Make the amendments in one command; returns its journal tx. Refuses (ValueError) if any
    change is refused: call `propose` first and show its refusals. `attendance` (present,
    absent per group, checked against the new plan: UserError) is recorded in the same command,
    so one ctrl+z takes back what one save of the settings screen did."""
    proposal = proposal or propose(store, plan)
    if proposal.refusals:
        raise ValueError("amendment refused")
    if attendance:
        _attendance.check(plan, attendance)
    with store.transaction(ACTION) as tx:
        _rename_records(store, tx, proposal.renames, store.plan)
        _attendance.rename_groups(store, tx, proposal.renames["groups"])
        _reconcile_items(store, tx, plan, proposal.renames["units"])
        tx.set_meta("plan", plan.to_json())
        if attendance:
            _attendance.write(store, tx, attendance)
        return tx.id


def history(store: Store) -> list[Amendment]:
    """Every amendment applied and not undone, oldest first, as the minutes list them: the
    plan's changes and the attendance recorded ("attendance.<group>.present", ".absent")."""
    plan_key, attendance_key = json.dumps({"key": "plan"}), json.dumps({"key": _attendance.KEY})
    rows = store.rows(
        "SELECT at, row_key, old, new FROM journal WHERE action = ? AND tbl = 'meta' "
        "AND row_key IN (?, ?) AND undone_by IS NULL ORDER BY id",
        (ACTION, plan_key, attendance_key),
    )
    out: list[Amendment] = []
    for row in rows:
        old, new = _meta_value(row["old"]), _meta_value(row["new"])
        if row["row_key"] == attendance_key:
            out += [Amendment(row["at"], *change) for change in _attendance.changes(old, new)]
            continue
        if old is None or new is None:
            continue
        for change in plan_changes(from_json(old).data, from_json(new).data):
            out.append(Amendment(row["at"], *change))
    return out


def _meta_value(text: str | None) -> str | None:
    if not text:
        return None
    value = json.loads(text).get("value")
    return value if isinstance(value, str) else None


# ------------------------------------------------------------------------------------------------
# What records depend on


class _Records:
    def __init__(self, store: Store) -> None:
        self.store = store
        self.items = store.rows("SELECT id, pos, kind, title, unit, mode FROM items ORDER BY pos")
        self.ballots = store.row("SELECT count(*) AS n FROM ballots")["n"]  # type: ignore[index]

    def item_used(self, item_id: int) -> bool:
        return bool(
            self.store.row(
                "SELECT 1 AS x FROM segments WHERE item_id = ? UNION ALL "
                "SELECT 1 FROM notes WHERE item_id = ? AND text != '' LIMIT 1",
                (item_id, item_id),
            )
        )

    def unit_timed(self, unit: str) -> bool:
        return any(r["unit"] == unit and self.item_used(r["id"]) for r in self.items)

    def unit_used(self, unit: str) -> bool:
        marked = self.store.row("SELECT 1 AS x FROM marks WHERE unit = ? LIMIT 1", (unit,))
        return bool(marked) or self.unit_timed(unit)

    def group_used(self, group: str) -> bool:
        return bool(self.store.row("SELECT 1 AS x FROM ballots WHERE grp = ? LIMIT 1", (group,)))


def _form(plan: Plan) -> tuple[Any, ...]:
    a = plan.assessment
    return (a.scale, a.items)


# ------------------------------------------------------------------------------------------------
# Applying


def _rename_records(store: Store, tx: Tx, renames: dict[str, dict[str, str]], old: Plan) -> None:
    for before, after in renames["units"].items():
        for row in store.rows("SELECT id, title FROM items WHERE unit = ?", (before,)):
            title = after if row["title"] == before else row["title"]
            tx.update("items", {"id": row["id"]}, {"unit": after, "title": title})
        # A ballot line's unit is part of its key: moved as a delete and an insert, so undo
        # finds each row by the key it had.
        for row in store.rows("SELECT ballot_id, cells FROM marks WHERE unit = ?", (before,)):
            tx.delete("marks", {"ballot_id": row["ballot_id"], "unit": before})
            tx.insert(
                "marks", {"ballot_id": row["ballot_id"], "unit": after, "cells": row["cells"]}
            )
        for row in store.rows("SELECT ballot_id, text FROM opinions WHERE unit = ?", (before,)):
            tx.delete("opinions", {"ballot_id": row["ballot_id"], "unit": before})
            tx.insert(
                "opinions", {"ballot_id": row["ballot_id"], "unit": after, "text": row["text"]}
            )
        for row in store.rows("SELECT id FROM problems WHERE unit = ?", (before,)):
            tx.update("problems", {"id": row["id"]}, {"unit": after})
    # A person's name is renamed in every record that names them: the timed segments (the
    # minutes' tables, the timings CSV, the JSON `segments[].speaker`) and the agenda rows.
    for kind in ("leaders", "representatives", "reporters"):
        for before, after in renames.get(kind, {}).items():
            for row in store.rows("SELECT id FROM segments WHERE speaker = ?", (before,)):
                tx.update("segments", {"id": row["id"]}, {"speaker": after})
            for row in store.rows("SELECT id FROM items WHERE speaker = ?", (before,)):
                tx.update("items", {"id": row["id"]}, {"speaker": after})
    for before, after in renames["groups"].items():
        for row in store.rows("SELECT id FROM ballots WHERE grp = ?", (before,)):
            tx.update("ballots", {"id": row["id"]}, {"grp": after})


class Match(NamedTuple):
    kept: dict[int, int]  # item id -> index in the new agenda
    dropped: list[dict[str, Any]]  # item rows the new agenda no longer has
    added: list[int]  # indexes of new agenda items with no row yet


def match(rows: list[dict[str, Any]], agenda: list[AgendaItem], renames: dict[str, str]) -> Match:
    """Pair the stored agenda rows with the new agenda: a unit by its (renamed) name; any other
    item by kind and title, then, for a title that changed (or a default title said in another
    language), by kind in order."""
    kept: dict[int, int] = {}
    free = list(range(len(agenda)))
    for row in rows:
        name = renames.get(row["unit"], row["unit"]) if row["kind"] == "unit" else None
        for index in free:
            item = agenda[index]
            same = item.unit == name if row["kind"] == "unit" else item.title == row["title"]
            if item.kind == row["kind"] and same:
                kept[row["id"]] = index
                free.remove(index)
                break
    for row in rows:
        if row["id"] in kept or row["kind"] == "unit":
            continue
        spare = next((i for i in free if agenda[i].kind == row["kind"]), None)
        if spare is not None:
            kept[row["id"]] = spare
            free.remove(spare)
    dropped = [row for row in rows if row["id"] not in kept]
    return Match(kept, dropped, free)


def _reconcile_items(store: Store, tx: Tx, plan: Plan, renames: dict[str, str]) -> None:
    agenda = plan.expanded_agenda()
    rows = store.rows("SELECT * FROM items ORDER BY pos")
    paired = match(rows, agenda, renames)
    current = store.meta("current_item")
    # Positions are unique: every kept row steps aside first, then takes its new place.
    for row in rows:
        tx.update("items", {"id": row["id"]}, {"pos": -row["id"]})
    for row in paired.dropped:
        tx.delete("notes", {"item_id": row["id"]})
        tx.delete("items", {"id": row["id"]})
        if current == str(row["id"]):
            tx.set_meta("current_item", None)
    targets: list[tuple[int, int | None]] = [(i, item_id) for item_id, i in paired.kept.items()]
    targets += [(index, None) for index in paired.added]
    for index, item_id in sorted(targets):
        item = agenda[index]
        values = {
            "pos": index + 1,
            "kind": item.kind,
            "unit": item.unit,
            "mode": item.mode,
            "speaker": item.speaker,
            "planned": item.planned,
        }
        if item_id is None:
            tx.insert("items", {**values, "title": item.title})
        else:
            # A kept row keeps its title unless the plan names it: a default title stays in
            # the language the meeting was created in.
            default = titles.is_default(item.kind, item.title)
            tx.update(
                "items", {"id": item_id}, values if default else {**values, "title": item.title}
            )


# ------------------------------------------------------------------------------------------------
# `run` on a changed session file


class Pending(NamedTuple):
    """A session file's changes that `run` offers to apply (every one an amendment)."""

    target: Target
    plan: Plan
    proposal: Proposal
    refused_message: list[str]  # what to say if the secretary declines: the CLI's message


def open_amendable(
    session: str | Path, db: str | Path | None = None
) -> tuple[Store, Pending | None]:
    """`run`'s way in: like `open_session(write=True)`, but a changed session file whose every
    difference is an amendment comes back as `Pending`, for the TUI to offer; one with a change
    that would rewrite a record is refused as before, with the reasons."""
    store, target, plan, differences = open_and_compare(session, db, write=True, create=True)
    if not differences or plan is None:
        return store, None
    message = plan_changed_message(target, differences)
    try:
        proposal = propose(store, plan)
    except BaseException:
        store.close()
        raise
    if proposal.refusals:
        store.close()
        lines = [*message, t("amend.refused"), *(f"  {r.reason}" for r in proposal.refusals)]
        raise UserError(*lines)
    return store, Pending(target, plan, proposal, message)
