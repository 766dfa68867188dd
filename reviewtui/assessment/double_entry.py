"""Double entry (SPEC section 6): the one rule deciding which paper ballots count.

Both tally paths (plain data and the database) reduce each entry to (code, round, group, marks)
and call `resolve_double`; the ballot screen's cell-by-cell comparison is in `ballots.compare`.
"""

from __future__ import annotations

from collections.abc import Iterable

from reviewtui.assessment.forms import Marks, Value, code_sort_key

MarkKey = frozenset[tuple[str, str, Value]]
"""A ballot entry's marks as one comparable value: {(unit, item, value)}, numbers as float."""


def mark_key(marks: Marks) -> MarkKey:
    return frozenset(
        (unit, item, value if isinstance(value, str) else float(value))
        for (unit, item), value in marks.items()
        if value is not None
    )


def resolve_double(
    entries: Iterable[tuple[str, int, str, MarkKey]],
) -> tuple[set[tuple[str, int]], list[str], list[str]]:
    """The one double-entry rule (SPEC section 6), for both tally paths.

    `entries` are (code, entry round, group, marks) of every entry. A paper ballot counts when
    both its entries exist and agree on the group and mark for mark; the result is the
    (code, 1) of each counted ballot, the codes of the others (unconfirmed, in id order), and
    each paper ballot's group, once per ballot (for the forms returned).
    """
    pairs: dict[str, list[tuple[str, MarkKey] | None]] = {}
    for code, entry, group, key in entries:
        pairs.setdefault(code, [None, None])[entry - 1] = (group, key)
    counted: set[tuple[str, int]] = set()
    unconfirmed: list[str] = []
    groups: list[str] = []
    for code, (first, second) in pairs.items():
        present = first or second
        assert present is not None
        groups.append(present[0])
        if first is not None and first == second:
            counted.add((code, 1))
        else:
            unconfirmed.append(code)
    unconfirmed.sort(key=code_sort_key)
    return counted, unconfirmed, groups
