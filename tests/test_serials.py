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


def test_save_and_import_refuse_unprinted_or_foreign_serials(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from reviewtui.assessment import ballots
    from reviewtui.assessment.importer import import_file
    from reviewtui.errors import UserError
    from reviewtui.store import Store

    store = Store.create(tmp_path / "m.db", PLAN)
    item = PLAN.assessment.items[0].name
    marks = {(u.name, item): "好" for u in PLAN.units}
    saved = ballots.save(store, code="a7", group="区级领导", marks=marks)
    assert saved.code == "A007"
    for code, group in (("A013", "区级领导"), ("B001", "区级领导")):
        with pytest.raises(UserError):
            ballots.save(store, code=code, group=group, marks=marks)
    wide = tmp_path / "b.csv"
    names = ",".join(u.name for u in PLAN.units)
    grades = ",".join("好" for _ in PLAN.units)
    wide.write_text(f"ballot,group,{names}\nA013,区级领导,{grades}\n", encoding="utf-8")
    with pytest.raises(UserError) as caught:
        import_file(store, wide)
    assert any("A013" in line and "A001" in line for line in caught.value.lines)
