"""Double entry at the ballot screen: how the two entries of each paper ballot relate.

`compare` lists every paper ballot as confirmed, mismatched (with its differing cells) or single;
the rule that decides what the tally counts is `double_entry.resolve_double`, and the two agree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from reviewtui.assessment.ballot_records import Ballot, load
from reviewtui.assessment.forms import Form, Value, code_sort_key
from reviewtui.store import Store

CONFIRMED = "confirmed"
MISMATCHED = "mismatched"
SINGLE = "single"


@dataclass(frozen=True)
class CellDiff:
    """One disagreement between the two entries; `unit` is None for the group field."""

    unit: str | None
    item: str | None
    first: Value | None
    second: Value | None


@dataclass(frozen=True)
class Comparison:
    code: str
    status: str  # CONFIRMED | MISMATCHED | SINGLE
    first: Ballot | None
    second: Ballot | None
    diffs: tuple[CellDiff, ...] = ()


def _same(a: Value | None, b: Value | None) -> bool:
    if isinstance(a, str) or isinstance(b, str):
        return a == b
    if a is None or b is None:
        return a is b
    return float(a) == float(b)


def compare_pair(form: Form, first: Ballot | None, second: Ballot | None) -> Comparison:
    """How the two entries of one paper ballot relate, cell by cell in form order."""
    present = first or second
    assert present is not None
    if first is None or second is None:
        return Comparison(present.code, SINGLE, first, second)
    diffs: list[CellDiff] = []
    if first.group != second.group:
        diffs.append(CellDiff(None, None, first.group, second.group))
    known = set(form.cells())
    cells = form.cells() + sorted((set(first.marks) | set(second.marks)) - known)
    for cell in cells:
        a, b = first.marks.get(cell), second.marks.get(cell)
        if not _same(a, b):
            diffs.append(CellDiff(cell[0], cell[1], a, b))
    status = MISMATCHED if diffs else CONFIRMED
    return Comparison(present.code, status, first, second, tuple(diffs))


def compare(form: Form, ballots: Iterable[Ballot]) -> list[Comparison]:
    """Every paper ballot's double-entry status, in id order."""
    pairs: dict[str, list[Ballot | None]] = {}
    for ballot in ballots:
        pair = pairs.setdefault(ballot.code, [None, None])
        pair[ballot.entry - 1] = ballot
    return [
        compare_pair(form, pairs[code][0], pairs[code][1])
        for code in sorted(pairs, key=code_sort_key)
    ]


def compare_store(store: Store, code: str | None = None) -> list[Comparison]:
    return compare(Form.of(store.plan), load(store, code=code))
