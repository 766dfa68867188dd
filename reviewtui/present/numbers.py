"""Numbers as shown: one rounding per kind of figure.

- A score is rounded half up to 2 decimals by `round2`, the very function that decides levels
  and ranks, so a 89.995 shown as 90.00 is also ranked and levelled as 90.00.
- A rate (a share of marks) is a percentage rounded half up to 1 decimal.
- A duration is "m:ss" or "h:mm:ss" (whole seconds, towards zero), overtime "-m:ss"-free: the
  caller says "over" in words.

`*_value` give the rounded number itself (for a spreadsheet cell), the others its text.
"""

from __future__ import annotations

from decimal import ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal

from reviewtui.clock import format_duration

NONE = "—"  # shown where a figure is not defined


def round2(value: float) -> float:
    """Half up to 2 decimals, as a person rounds (89.995 -> 90.0): the ranking's rounding.

    Float noise is removed first (at 1e-9), so a score that is 89.995 on paper but computed as
    89.99499999999999 still rounds to 90.0.
    """
    return float(_half_up(value, "0.01"))


def _half_up(value: float, places: str) -> Decimal:
    """Half up at `places`, after removing float noise at 1e-9 (as `round2` does)."""
    exact = Decimal(repr(float(value))).quantize(Decimal("1e-9"), rounding=ROUND_HALF_EVEN)
    return exact.quantize(Decimal(places), rounding=ROUND_HALF_UP)


def score_value(value: float | None) -> float | None:
    """The score a reader sees, as a number: 89.845 -> 89.85, 89.995 -> 90.0."""
    return None if value is None else round2(value)


def score(value: float | None) -> str:
    """A score to 2 decimals, rounded as the ranking rounds it."""
    shown = score_value(value)
    return NONE if shown is None else f"{shown:.2f}"


def rate_value(value: float | None) -> float | None:
    """A rate (0..1) rounded so that its percentage has 1 decimal: 0.58765 -> 0.588."""
    if value is None:
        return None
    return float(_half_up(value * 100, "0.1") / 100)


def rate(value: float | None) -> str:
    """A rate (0..1) as a percentage to 1 decimal, half up: 0.58765 -> "58.8%"."""
    if value is None:
        return NONE
    return f"{_half_up(value * 100, '0.1')}%"


def share(value: float) -> str:
    """A rule's share (a veto's, a group's weight) as a percentage, up to 2 decimals, no
    trailing zeros: 0.3333 -> "33.33%", 0.5 -> "50%"."""
    text = f"{_half_up(value * 100, '0.01'):f}"
    return (text.rstrip("0").rstrip(".") if "." in text else text) + "%"


def count(value: int | None) -> str:
    return NONE if value is None else str(value)


def duration(seconds: float | None) -> str:
    """Spoken time: "5:01", "1:02:03"; a dash when there is none."""
    return NONE if seconds is None else format_duration(seconds)


def overtime(seconds: float, planned: float | None) -> float | None:
    """Whole seconds past the plan, or None when on time (under a second over is on time)."""
    if not planned:
        return None
    over = seconds - planned
    return over if over >= 1 else None


def score_change(this: float | None, before: float | None) -> str:
    """The change of a score as shown: the difference of the two shown (rounded) figures, signed,
    to 2 decimals ("+2.15", "-0.30", "0.00"), so that it adds up on paper; a dash when either
    is missing."""
    if this is None or before is None:
        return NONE
    delta = Decimal(f"{round2(this):.2f}") - Decimal(f"{round2(before):.2f}")
    return f"{delta:+.2f}" if delta else "0.00"


def rank_change(this: int | None, before: int | None) -> int | None:
    """Places gained since (positive: up), or None when either rank is missing."""
    if this is None or before is None:
        return None
    return before - this
