"""Wall-clock time and durations.

Time is derived, never counted: everything asks `now()`, which tests replace with a fake clock.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from datetime import datetime, timedelta

_source: Callable[[], datetime] = lambda: datetime.now().astimezone()  # noqa: E731


def now() -> datetime:
    """The current local time, timezone-aware."""
    return _source()


def set_source(source: Callable[[], datetime] | None) -> None:
    """Replace the clock (tests); `None` restores the real one."""
    global _source
    _source = source or (lambda: datetime.now().astimezone())


class FakeClock:
    """A clock that only moves when told to; install with `set_source(clock)`."""

    def __init__(self, start: datetime) -> None:
        self.current = start

    def __call__(self) -> datetime:
        return self.current

    def advance(self, seconds: float) -> None:
        self.current += timedelta(seconds=seconds)


def iso(moment: datetime) -> str:
    """ISO 8601 with the UTC offset, to the millisecond."""
    return moment.isoformat(timespec="milliseconds")


def parse_iso(text: str) -> datetime:
    return datetime.fromisoformat(text)


_DURATION = re.compile(r"^(?:(\d+):)?(\d+):(\d{2})$")


def parse_duration(value: object) -> float | None:
    """Seconds from "m:ss", "h:mm:ss" or a whole number of seconds; None if unreadable."""
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return float(value)
    if not isinstance(value, str):
        return None
    text = value.strip()
    if text.isdigit():
        return float(int(text))
    match = _DURATION.match(text)
    if not match:
        return None
    hours, minutes, seconds = match.groups()
    if int(seconds) >= 60 or (hours is not None and int(minutes) >= 60):
        return None
    return float(int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds))


def format_duration(seconds: float, *, signed: bool = False) -> str:
    """ "m:ss" (or "h:mm:ss"); negative values as "-m:ss". Whole seconds, rounded towards zero."""
    negative = seconds < 0
    total = int(abs(seconds))
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    body = f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"
    if negative:
        return "-" + body
    return ("+" + body) if signed and total else body


def warn_at(planned: float | None, warn: float) -> float:
    """When a timer of `planned` seconds warns: `warn` before its end, or a quarter of its
    planned time if that is shorter (a 1:00 question warns at 0:15, not from its first second)."""
    return warn if not planned else min(warn, planned / 4)


def format_countdown(remaining: float) -> str:
    """A countdown: ceil while time remains (5:00 shows until a full second passed), then -m:ss."""
    if remaining > 0:
        return format_duration(-(-remaining // 1))
    return "-" + format_duration(-remaining) if remaining <= -1 else "0:00"
