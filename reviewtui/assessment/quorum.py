"""Quorum and return rate (SPEC section 6): are enough forms back for the results to stand?

A group's expected count is its `expected` (应到), else its `issued`. With an expected count for
every group, the results are provisional while the forms returned are fewer than `quorum` × the
expected total; without one for some group there is no check. A group that returned fewer than
half its expected forms is flagged (a figure resting on too few of its raters).

Compared exactly (the quorum as written, as a `Decimal`), so 3 forms of 10 meet a quorum of 0.3
although 0.3 × 10 is 3.0000000000000004 in floating point. (`decimal` is loaded by the tally's
rounding anyway; `fractions` would cost `results --json` its start-up time.)
"""

from __future__ import annotations

from collections.abc import Iterable
from decimal import Decimal

from reviewtui.plan import Group

SHORT_SHARE = Decimal("0.5")  # a group returning fewer than half its forms is flagged


def expected_of(group: Group) -> int | None:
    """How many forms the group should return: `expected`, else `issued`, else unknown."""
    return group.expected if group.expected is not None else group.issued


def expected_total(groups: Iterable[Group]) -> int | None:
    """The expected count of the whole meeting; None (no check) without one for every group,
    or without groups."""
    counts = [expected_of(g) for g in groups]
    if not counts or any(n is None for n in counts):
        return None
    return sum(n for n in counts if n is not None)


def is_provisional(returned: int, expected: int | None, quorum: float) -> bool:
    """Fewer forms returned than `quorum` × `expected`; never without an expected count."""
    if expected is None:
        return False
    return returned < Decimal(repr(quorum)) * expected


def is_short(returned: int, expected: int | None) -> bool:
    """A group that returned fewer than half the forms expected of it."""
    return expected is not None and returned < SHORT_SHARE * expected
