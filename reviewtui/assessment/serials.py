"""Form serials: each group's printed forms are numbered with its `code` (A001, A002 … B001).

The ballot screen takes the serial a form carries and knows the group from it; a serial with a
group's prefix but a number outside the printed range (0, or more than the group was issued)
is refused, since no such form was handed out. An id that carries no group's prefix is a
free-form ballot id, as before forms were printed.
"""

from __future__ import annotations

import re
import string

from reviewtui.plan import Group, Plan

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
    return group.issued if group.issued is not None else DEFAULT_FORMS


def serials(plan: Plan, group: Group) -> list[str]:
    head = prefix(plan, group)
    return [serial(head, n) for n in range(1, printed(plan, group) + 1)]


def serial(head: str, number: int) -> str:
    return f"{head}{number:03d}"


def parse(plan: Plan, code: str) -> tuple[Group, int] | None:
    """The group and number of a serial such as "A017" or "a17"; None for a free-form id."""
    match = _SERIAL.fullmatch(code.strip())
    if not match:
        return None
    head = match.group(1).upper()
    group = next((g for g in plan.groups if prefix(plan, g) == head), None)
    return (group, int(match.group(2))) if group else None


def normalized(plan: Plan, code: str) -> str:
    """A serial written the way it is printed ("a17" -> "A017"); other ids unchanged."""
    found = parse(plan, code)
    return serial(prefix(plan, found[0]), found[1]) if found else code


def out_of_range(plan: Plan, code: str) -> tuple[str, str, str] | None:
    """(serial, first, last) when `code` is a group's serial that was never printed."""
    found = parse(plan, code)
    if found is None:
        return None
    group, number = found
    head, last = prefix(plan, group), printed(plan, group)
    if 1 <= number <= last:
        return None
    return serial(head, number), serial(head, 1), serial(head, last)
