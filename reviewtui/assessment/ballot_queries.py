"""What the ballot screen asks while forms are typed in: the next id to offer, the forms entered
per group, who typed the last one, and taking back the screen's last command (ctrl+z).
"""

from __future__ import annotations

import getpass
import os
import re
import socket
from dataclasses import dataclass

from reviewtui.assessment import serials
from reviewtui.assessment.forms import code_sort_key
from reviewtui.store import Store
from reviewtui.store.journal import last_command, row_of


@dataclass(frozen=True)
class GroupProgress:
    group: str
    entered: int
    issued: int | None

    @property
    def over_issued(self) -> bool:
        return self.issued is not None and self.entered > self.issued


# What ctrl+z on the ballot screen can take back: its own commands, and a file imported there
# (or by `ballots import`), whole, once the screen has asked (`last_undoable`: what it would be).
UNDOABLE = ("ballot.save", "ballot.correct", "ballot.retype", "ballot.delete", "ballot.import",
            "ballot.scan")  # fmt: skip


@dataclass(frozen=True)
class UndoneBallot:
    """What `undo_last` took back: the command (`save`, `correct`, ...) and its ballot; for an
    `import`, its first ballot, how many it added and the file's name."""

    action: str
    ballot_id: int | None
    code: str
    entry: int | None
    count: int = 1
    source: str = ""


def default_entered_by() -> str:
    """user@host: who typed a ballot in, when nobody says otherwise."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = os.environ.get("USER") or os.environ.get("USERNAME") or "?"
    return f"{user}@{socket.gethostname()}"


def codes(store: Store, entry: int) -> set[str]:
    return {r[0] for r in store.conn.execute("SELECT code FROM ballots WHERE entry = ?", (entry,))}


def next_code(store: Store, entry: int = 1) -> str:
    """The id to offer for the next ballot of this round.

    A form already entered in the other round but not in this one comes first (the second
    typist works through the same pile); then the serial after the last one saved in this
    round (B001 saved: B002, a stack of printed forms in order); otherwise one more than the
    highest numeric id.
    """
    mine = codes(store, entry)
    others = codes(store, 3 - entry) if store.plan.assessment.double_entry else set()
    missing = sorted(others - mine, key=code_sort_key)
    if missing:
        return missing[0]
    following = next_serial(store, entry, mine)
    if following is not None:
        return following
    numbers = [int(c) for c in mine | others if c.isdecimal() and len(c) <= 32]
    return str(max(numbers, default=0) + 1)


def next_serial(store: Store, entry: int, taken: set[str]) -> str | None:
    """The id after the last ballot saved in this round: the next printed serial of its group
    (B001 -> B002), or, where the meeting printed no form, the office's own numbering followed
    (C024 -> C025, B0009 -> B0010); None when there is none to follow or the printed serials of
    the group are used up."""
    row = store.row(
        "SELECT code FROM ballots WHERE entry = ? ORDER BY created_at DESC, id DESC LIMIT 1",
        (entry,),
    )
    if row is None:
        return None
    printed = serials.Printed.load(store.conn)
    found = printed.parse(row["code"])
    if found is not None:
        group, head, number = found
        number += 1
        while serials.serial(head, number) in taken:
            number += 1
        code = serials.serial(head, number)
        return None if printed.problems(code, group) else code
    own = _OWN_NUMBER.fullmatch(str(row["code"]))
    if own is None or not own.group(1):  # a plain number: the caller counts those
        return None
    head, digits = own.group(1), own.group(2)
    number = int(digits) + 1
    while f"{head}{number:0{len(digits)}d}" in taken:
        number += 1
    return f"{head}{number:0{len(digits)}d}"


_OWN_NUMBER = re.compile(r"([A-Za-z]*)(\d{1,9})")


def progress(store: Store, entry: int = 1) -> list[GroupProgress]:
    """Ballots entered in this round per group, against the forms issued to it."""
    counts = dict(
        store.conn.execute(
            "SELECT grp, count(*) FROM ballots WHERE entry = ? GROUP BY grp", (entry,)
        ).fetchall()
    )
    return [GroupProgress(g.name, counts.get(g.name, 0), g.issued) for g in store.plan.groups]


def last_entered(store: Store) -> tuple[str | None, str | None]:
    """(group, entered by) of the ballot saved last: the next form likely has the same."""
    row = store.row("SELECT grp, entered_by FROM ballots ORDER BY created_at DESC, id DESC LIMIT 1")
    return (row["grp"], row["entered_by"]) if row else (None, None)


def last_undoable(store: Store) -> tuple[int, UndoneBallot] | None:
    """The command ctrl+z would take back now, as (tx, what it is), without undoing it."""
    last = last_command(store, UNDOABLE)
    if last is None:
        return None
    tx, action = last
    ballot = row_of(store, tx, "ballots")  # read before an undo changes it
    (count,) = store.conn.execute(
        "SELECT count(*) FROM journal WHERE tx = ? AND tbl = 'ballots'", (tx,)
    ).fetchone()
    return tx, UndoneBallot(
        action=action.split(".")[1],
        ballot_id=ballot.get("id"),
        code=str(ballot.get("code", "?")),
        entry=ballot.get("entry"),
        count=count,
        source=str(ballot.get("source", "")),
    )


def undo_last(store: Store, tx: int | None = None) -> UndoneBallot | None:
    """Take back the latest save, correction, retype, delete or import of the ballot screen.

    With `tx` (from `last_undoable`, asked about first), only that command, never a newer one
    in its place. None when there is none (or it is no longer the latest); the store raises a
    `UserError` saying why when it refuses."""
    found = last_undoable(store)
    if found is None or (tx is not None and found[0] != tx):
        return None
    if found[1].action == "scan":  # a held form's picture is not journaled: cleared first
        from reviewtui.assessment.scan.save import forget_pictures

        forget_pictures(store, found[0])
    store.undo(found[0])
    return found[1]
