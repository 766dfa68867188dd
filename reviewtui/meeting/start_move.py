"""Moving a record's start (SPEC 5: a timer started late): what the secretary types, and the rule.

What is typed: a time of day ("14:35:02", "14:35") on the record's own day and in its offset,
or a shift of the recorded start ("-0:30" half a minute earlier, "+5", "+1:05"; the sign is
required, so "0:30" is never mistaken for a time of day).

The rule keeps every spoken second counted once and the records in their order:

- it moves by at most an hour (a time of day mistyped by an hour is refused, not applied);
- the start stays before the record's end (its pause, if paused; now, if it runs), with at
  least a moment of spoken time left after its pauses;
- it does not go back past the record before it in the meeting: not before that one's end,
  unless that one ended the moment this one started (starting a segment ends the running one:
  a question asked late means the report ended early), in which case that one's end moves back
  with it, and it keeps some spoken time of its own.
"""

from __future__ import annotations

import re
from datetime import datetime, time, timedelta
from typing import NamedTuple

from reviewtui.clock import format_duration
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.meeting.models import Segment
from reviewtui.textsafe import clean

MAX_SHIFT = 3600  # seconds: a timer started late is minutes off, never hours (a typo is)

_CLOCK = re.compile(r"^(\d{1,2})[:：](\d{2})(?:[:：](\d{2}))?$")
# At most 6 digits a part: far past MAX_SHIFT already, and never a number too big for a timedelta.
_SHIFT = re.compile(r"^([+-])\s*(?:(\d{1,6})[:：])?(?:(\d{1,6})[:：])?(\d{1,6})$")
_SHOWN = 40  # characters of a refused value quoted back


def hms(moment: datetime) -> str:
    return moment.strftime("%H:%M:%S")


def _quoted(text: str) -> str:
    """A refused value as the message quotes it: cleaned, and cut if it is long."""
    value = clean(text).strip()
    return value if len(value) <= _SHOWN else value[:_SHOWN] + "…"


def parse_start(text: str, current: datetime) -> datetime:
    """The start `text` asks for, given the record's `current` start; UserError if unreadable."""
    value = text.strip().replace("−", "-").replace("＋", "+")
    shift = _SHIFT.match(value)
    if shift:
        sign, first, second, last = shift.groups()
        parts = [int(p) for p in (first, second, last) if p is not None]
        if any(p >= 60 for p in parts[1:]):
            raise UserError(t("move.bad_value", value=_quoted(text)))
        seconds = 0
        for part in parts:
            seconds = seconds * 60 + part
        return current + timedelta(seconds=-seconds if sign == "-" else seconds)
    moment = _CLOCK.match(value)
    if moment:
        hour, minute, second = (int(p) if p else 0 for p in moment.groups())
        if hour < 24 and minute < 60 and second < 60:
            return datetime.combine(current.date(), time(hour, minute, second), current.tzinfo)
    raise UserError(t("move.bad_value", value=_quoted(text)))


class Move(NamedTuple):
    """A checked move: the new start, and the record before it whose end moves with it."""

    started_at: datetime
    shorten: Segment | None  # its `ended_at` becomes `started_at`


def check_move(segment: Segment, new: datetime, before: Segment | None, now: datetime) -> Move:
    """`new` as the start of `segment` under the rule above, or a UserError saying what is
    allowed. `before` is the record that started last before it, anywhere in the meeting."""
    if abs((new - segment.started_at).total_seconds()) > MAX_SHIFT:
        raise UserError(
            t("move.too_far", value=hms(new), start=hms(segment.started_at), most="1:00:00")
        )
    stop = segment.ended_at or segment.paused_at or now
    latest = stop - timedelta(seconds=segment.paused_seconds)
    if new >= latest:
        key = "move.after_end" if segment.ended_at or segment.paused_at else "move.after_now"
        raise UserError(t(key, value=hms(new), latest=hms(latest)))
    if before is None or before.ended_at is None:
        earliest = before.started_at if before is not None else None
        if earliest is not None and new <= earliest:
            raise UserError(t("move.before_previous", value=hms(new), earliest=hms(earliest)))
        return Move(new, None)
    contiguous = before.ended_at == segment.started_at
    if new >= before.ended_at:
        return Move(new, None)
    if not contiguous:
        raise UserError(t("move.overlap", value=hms(new), earliest=hms(before.ended_at)))
    # Moving back into the record before: it ended when this one began, so it ends earlier.
    earliest = before.started_at + timedelta(seconds=before.paused_seconds)
    if new <= earliest:
        raise UserError(
            t(
                "move.before_previous",
                value=hms(new),
                earliest=hms(earliest),
            )
        )
    return Move(new, before)


def describe(segment: Segment, move: Move) -> str:
    """ "14:35:02 → 14:34:32（提前 0:30）" for the screen's notice."""
    delta = (move.started_at - segment.started_at).total_seconds()
    key = "move.done_earlier" if delta < 0 else "move.done_later"
    return t(
        key,
        old=hms(segment.started_at),
        new=hms(move.started_at),
        shift=format_duration(abs(delta)),
    )
