"""What undoing a timing command would do to time, so that an old one is not undone unseen.

Undoing `resume` a minute later makes the minute since paused time; undoing `pause`, `end` or
`next` makes it speaking time of the segment they stopped. Right after the key press (within
`GRACE_SECONDS`) that is the slip the secretary means to take back, and undo stays one key; later
the screen says what changes in time and asks first.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import datetime

from reviewtui import clock
from reviewtui.meeting.models import Undone
from reviewtui.store import Store

GRACE_SECONDS = 5.0
TIMING = frozenset({"pause", "resume", "end", "next"})


@dataclass(frozen=True)
class TimeChange:
    """Undoing command `tx` (`action`) re-counts the `seconds` since it: as paused time after
    undoing `resume`, as the stopped segment's speaking time after the others."""

    action: str
    tx: int
    seconds: float


def time_change(store: Store, undone: Undone | None, now: datetime) -> TimeChange | None:
    """What undoing `undone` would change in time, when it is a timing command older than the
    grace; None when undoing it changes no recorded time or it was just done."""
    if undone is None or undone.action not in TIMING:
        return None
    rows = store.rows(
        "SELECT at, old, new FROM journal WHERE tx = ? AND tbl = 'segments' AND op = 'update'",
        (undone.tx,),
    )
    if not any(_stops_or_starts_time(undone.action, row["old"], row["new"]) for row in rows):
        return None
    seconds = (now - clock.parse_iso(str(rows[0]["at"]))).total_seconds()
    if seconds <= GRACE_SECONDS:
        return None
    return TimeChange(undone.action, undone.tx, seconds)


def _stops_or_starts_time(action: str, old_text: str | None, new_text: str | None) -> bool:
    """Whether this change of a segment moved time between speaking and not: a pause or a
    resume always; an end (or the end `next` makes) of a segment that was not paused."""
    old = json.loads(old_text or "{}")
    new = json.loads(new_text or "{}")
    if action in ("pause", "resume"):
        return "paused_at" in new
    return "ended_at" in new and old.get("paused_at") is None
