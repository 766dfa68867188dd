"""One double-entry rule: the pure tally, the database tally and the ballot screen's comparison
agree on which paper ballots count."""

from __future__ import annotations

from pathlib import Path

from test_tally import make_plan

from reviewtui.assessment import ballots
from reviewtui.assessment.tally import BallotEntry, tally, tally_store
from reviewtui.store import Store

ITEM = "总体评价"


def test_every_path_counts_the_same_ballots(tmp_path: Path) -> None:
    plan = make_plan(("甲", "乙"), double_entry=True)
    entries = [
        ("1", "g", {("甲", ITEM): "好"}, 1),
        ("1", "g", {("甲", ITEM): "好"}, 2),  # agree: counts
        ("2", "g", {("甲", ITEM): "差"}, 1),
        ("2", "g", {("甲", ITEM): "一般"}, 2),  # a mark differs
        ("3", "g", {("乙", ITEM): "好"}, 2),  # second entry only
        ("4", "g", {("甲", ITEM): "好", ("乙", ITEM): "较好"}, 1),
        ("4", "g", {("乙", ITEM): "较好", ("甲", ITEM): "好"}, 2),  # same marks, other order
        ("5", "g", {("甲", ITEM): "好"}, 1),
        ("5", "g", {("甲", ITEM): "好", ("乙", ITEM): "好"}, 2),  # one more mark
    ]
    store = Store.create(tmp_path / "m.db", plan)
    try:
        for code, group, marks, entry in entries:
            ballots.save(store, code=code, group=group, marks=marks, entry=entry)
        from_store = tally_store(store)
        screen = {c.code: c.status for c in ballots.compare_store(store)}
    finally:
        store.close()
    pure = tally(plan, [BallotEntry(code, g, m, entry) for code, g, m, entry in entries])
    assert from_store.to_json() == pure.to_json()
    assert from_store.unconfirmed == ("2", "3", "5")
    assert {code for code, status in screen.items() if status != ballots.CONFIRMED} == {
        "2",
        "3",
        "5",
    }
    assert (from_store.entered, from_store.valid) == (5, 2)
