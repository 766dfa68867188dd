"""Option values the command line checks itself, once, whichever way it came (fast or Typer)."""

from __future__ import annotations

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import shown

ENTRY_ROUNDS = ("1", "2")


def entry_round(value: int | str | None, default: int = 1) -> int:
    """`--entry`: the entry round, 1 or 2, as typed (the fast path) or as Typer passed it."""
    if value is None:
        return default
    if str(value) not in ENTRY_ROUNDS:
        raise UserError(t("ballot.bad_entry", entry=shown(str(value))))
    return int(value)
