"""Form serials: a printed form's serial gives its group; unprinted numbers are refused."""

from __future__ import annotations

from pathlib import Path

from reviewtui.assessment import serials
from reviewtui.plan import load

ROOT = Path(__file__).resolve().parent.parent
PLAN = load(ROOT / "sessions" / "mentougou-2017.toml")


def test_prefixes_follow_group_order_and_serials_the_forms_issued() -> None:
    assert [serials.prefix(PLAN, g) for g in PLAN.groups] == ["A", "B", "C", "D"]
    first = PLAN.groups[0]
    assert serials.serials(PLAN, first)[:2] == ["A001", "A002"]
    assert len(serials.serials(PLAN, first)) == first.issued == 12


def test_a_serial_names_its_group_in_any_case_and_padding() -> None:
    for code in ("B017", "b17", "B0017"):
        found = serials.parse(PLAN, code)
        assert found is not None and found[0].name == "党代表" and found[1] == 17
        assert serials.normalized(PLAN, code) == "B017"
    assert serials.parse(PLAN, "17") is None and serials.parse(PLAN, "Z001") is None


def test_numbers_outside_the_printed_range() -> None:
    assert serials.out_of_range(PLAN, "A012") is None
    assert serials.out_of_range(PLAN, "A013") == ("A013", "A001", "A012")
    assert serials.out_of_range(PLAN, "A000") == ("A000", "A001", "A012")
    assert serials.out_of_range(PLAN, "free-id") is None
