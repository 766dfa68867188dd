"""Form serials: the forms `print forms` makes are numbered with their group's `code` (A001 …).

Serials are checked only against what this meeting printed, as recorded in `printed_forms` when
`print forms` wrote the document (SPEC 5). Where the meeting printed nothing, every ballot id is
free-form, whatever it looks like: offices number their own forms (`C001` … `C063` in one
sequence across groups, `B0001`). Where it printed, an id with a printed prefix is a serial: its
number must be one that was printed, of the group the row names; the refusal says what was
printed and when. An id with no printed prefix stays free-form.
"""

from __future__ import annotations

import re
import sqlite3
import string
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reviewtui import clock
from reviewtui.i18n import t
from reviewtui.plan import Group, Plan

if TYPE_CHECKING:
    from reviewtui.store import Store, Tx

DEFAULT_FORMS = 5  # forms printed for a group whose `issued` is not set
_SERIAL = re.compile(r"([A-Za-z]+)0*(\d{1,6})")


def prefix(plan: Plan, group: Group) -> str:
    """The group's `code`, or A, B, C… (then AA, BB…) in [[groups]] order."""
    code = getattr(group, "code", None)
    if code:
        return str(code).upper()
    index = plan.groups.index(group)
    return string.ascii_uppercase[index % 26] * (index // 26 + 1)


def printed(plan: Plan, group: Group) -> int:
    """How many forms `print forms` prints for the group: its `issued`, else DEFAULT_FORMS."""
    return group.issued if group.issued is not None else DEFAULT_FORMS


def serials(plan: Plan, group: Group) -> list[str]:
    head = prefix(plan, group)
    return [serial(head, n) for n in range(1, printed(plan, group) + 1)]


def serial(head: str, number: int) -> str:
    return f"{head}{number:03d}"


@dataclass(frozen=True)
class PrintRun:
    """One row of `printed_forms`: serials prefix+first … prefix+last of group `grp`."""

    grp: str
    prefix: str
    first: int
    last: int
    printed_at: str


class Printed:
    """The serials this meeting printed, by prefix. Empty (falsy): every id is free-form."""

    def __init__(self, runs: list[PrintRun]) -> None:
        self.runs: dict[str, list[PrintRun]] = {}
        for run in runs:
            self.runs.setdefault(run.prefix.upper(), []).append(run)

    @classmethod
    def load(cls, conn: sqlite3.Connection) -> Printed:
        """Read `printed_forms`; a database of an earlier release, without it, printed nothing."""
        try:
            rows = conn.execute(
                "SELECT grp, prefix, first, last, printed_at FROM printed_forms ORDER BY id"
            ).fetchall()
        except sqlite3.OperationalError:  # no such table: schema 1–3, read as it is
            return cls([])
        return cls([PrintRun(*row) for row in rows])

    def __bool__(self) -> bool:
        return bool(self.runs)

    def parse(self, code: str) -> tuple[str, str, int] | None:
        """(group, prefix, number) of a printed prefix's serial ("a17" -> its group, "A", 17);
        None for a free-form id. The group is that of the latest print of the prefix."""
        match = _SERIAL.fullmatch(code.strip())
        if not match:
            return None
        head = match.group(1).upper()
        runs = self.runs.get(head)
        if not runs:
            return None
        return runs[-1].grp, head, int(match.group(2))

    def normalized(self, code: str) -> str:
        """A printed serial written the way it is printed ("a17" -> "A017"); other ids as given."""
        found = self.parse(code)
        return serial(found[1], found[2]) if found else code

    def group_of(self, code: str) -> str | None:
        found = self.parse(code)
        return found[0] if found else None

    def problems(self, code: str, group: str) -> list[str]:
        """Why `code` cannot be a form of `group`: a number never printed, or another group's
        serial; each message says what was printed and when. [] for a free-form id."""
        found = self.parse(code)
        if found is None:
            return []
        owner, head, number = found
        runs = self.runs[head]
        first = min(r.first for r in runs)
        last = max(r.last for r in runs)
        when = _when(max(r.printed_at for r in runs))
        shown = serial(head, number)
        if not any(r.first <= number <= r.last for r in runs):
            return [t("ballot.serial_unprinted", serial=shown, first=serial(head, first),
                      last=serial(head, last), group=owner, when=when)]  # fmt: skip
        if owner != group:
            return [t("ballot.serial_group", serial=shown, group=owner, given=group, when=when)]
        return []


def _when(iso: str) -> str:
    """The minute of a stored timestamp ("2026-12-04 14:02"), as much of it as it holds."""
    return iso[:16].replace("T", " ")


ACTION_PRINT = "forms.print"


def record(store: Store, plan: Plan, at: str | None = None) -> list[PrintRun]:
    """Record, in one journaled transaction, the forms `print forms` just printed: a row per
    group whose printed serials are not all recorded yet, so a reprint with more forms extends
    the record and the same reprint adds nothing. Returns the rows added."""
    at = at or clock.iso(clock.now())
    with store.transaction(ACTION_PRINT) as tx:
        return _record(tx, Printed.load(store.conn), plan, at)


def _record(tx: Tx, known: Printed, plan: Plan, at: str) -> list[PrintRun]:
    added: list[PrintRun] = []
    for group in plan.groups:
        head, last = prefix(plan, group), printed(plan, group)
        covered = {
            n
            for r in known.runs.get(head, [])
            if r.grp == group.name
            for n in range(r.first, r.last + 1)
        }
        if all(n in covered for n in range(1, last + 1)):
            continue
        run = PrintRun(group.name, head, 1, last, at)
        tx.insert("printed_forms", {"grp": run.grp, "prefix": run.prefix, "first": run.first,
                                    "last": run.last, "printed_at": run.printed_at})  # fmt: skip
        added.append(run)
    return added
