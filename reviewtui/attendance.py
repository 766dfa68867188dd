"""Attendance per rater group (SPEC section 3): 应到 (expected), 实到 (present), 请假 (absent).

Expected comes from the plan (`groups[].expected`, else the forms issued); present and absent
are recorded at the meeting, in one meta row ("attendance", JSON `{group: {"present": n,
"absent": n}}`) written by a journaled "amend" command: ctrl+z undoes it, and the minutes list
it with the plan's amendments (`amend.history`).
"""

from __future__ import annotations

import json
from typing import Any, NamedTuple

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import Plan
from reviewtui.store import Store, Tx

ACTION = "amend"  # the same command as the plan's amendments: one list, one undo
KEY = "attendance"
FIELDS = ("present", "absent")


class Attendance(NamedTuple):
    group: str
    expected: int | None
    present: int | None
    absent: int | None


Counts = tuple[int | None, int | None]  # (present, absent)


def expected(plan: Plan, group: str) -> int | None:
    found = plan.group(group)
    if found is None:
        return None
    return found.expected if found.expected is not None else found.issued


def recorded(text: str | None) -> dict[str, dict[str, int]]:
    """The stored attendance row as {group: {"present": n, "absent": n}} (unknown left out)."""
    if not text:
        return {}
    try:
        data = json.loads(text)
    except ValueError:
        return {}
    if not isinstance(data, dict):
        return {}
    out: dict[str, dict[str, int]] = {}
    for group, counts in data.items():
        if isinstance(counts, dict):
            out[str(group)] = {
                f: counts[f] for f in FIELDS if isinstance(counts.get(f), int) and counts[f] >= 0
            }
    return out


def attendance(store: Store) -> list[Attendance]:
    """One row per group of the plan, in plan order."""
    stored = recorded(store.meta(KEY))
    plan = store.plan
    return [
        Attendance(
            g.name,
            expected(plan, g.name),
            stored.get(g.name, {}).get("present"),
            stored.get(g.name, {}).get("absent"),
        )
        for g in plan.groups
    ]


def check(plan: Plan, values: dict[str, Counts]) -> None:
    """Refuse (UserError, every problem named) counts the plan cannot take."""
    problems: list[str] = []
    for group, (present, absent) in values.items():
        if plan.group(group) is None:
            problems.append(t("attendance.unknown_group", group=group))
            continue
        for field, value in zip(FIELDS, (present, absent), strict=True):
            if value is not None and value < 0:
                problems.append(
                    t("attendance.negative", group=group, field=t(f"attendance.{field}"))
                )
        limit = expected(plan, group)
        total = (present or 0) + (absent or 0)
        if limit is not None and total > limit:
            problems.append(
                t(
                    "attendance.too_many",
                    group=group,
                    present=present or 0,
                    absent=absent or 0,
                    expected=limit,
                )
            )
    if problems:
        raise UserError(*problems)


def merged(store: Store, values: dict[str, Counts]) -> str:
    """The attendance row with `values` replacing those groups' counts (None: not known)."""
    stored = recorded(store.meta(KEY))
    for group, (present, absent) in values.items():
        counts = {f: v for f, v in zip(FIELDS, (present, absent), strict=True) if v is not None}
        if counts:
            stored[group] = counts
        else:
            stored.pop(group, None)
    return json.dumps(stored, ensure_ascii=False, sort_keys=True)


def write(store: Store, tx: Tx, values: dict[str, Counts]) -> None:
    """Write the attendance within a command already open (e.g. with a plan amendment)."""
    text = merged(store, values)
    if text != (store.meta(KEY) or "{}"):
        tx.set_meta(KEY, None if text == "{}" else text)


def set_attendance(store: Store, values: dict[str, Counts]) -> int:
    """Record present/absent per group in one undoable command; returns its journal tx."""
    check(store.plan, values)
    with store.transaction(ACTION) as tx:
        write(store, tx, values)
        return tx.id


def rename_groups(store: Store, tx: Tx, renames: dict[str, str]) -> None:
    """A group renamed by an amendment keeps its attendance."""
    stored = recorded(store.meta(KEY))
    if not any(old in stored for old in renames):
        return
    moved = {renames.get(group, group): counts for group, counts in stored.items()}
    tx.set_meta(KEY, json.dumps(moved, ensure_ascii=False, sort_keys=True))


def changes(old_text: str | None, new_text: str | None) -> list[tuple[str, Any, Any]]:
    """What one journaled write changed, as ("attendance.<group>.present", old, new)."""
    old, new = recorded(old_text), recorded(new_text)
    out: list[tuple[str, Any, Any]] = []
    for group in list(old) + [g for g in new if g not in old]:
        for field in FIELDS:
            a, b = old.get(group, {}).get(field), new.get(group, {}).get(field)
            if a != b:
                out.append((f"attendance.{group}.{field}", a, b))
    return out
