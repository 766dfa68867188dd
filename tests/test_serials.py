"""Form serials: a printed form's serial gives its group; unprinted numbers are refused, and
only where the meeting recorded printing forms."""

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


PRINTED = serials.Printed(
    [
        serials.PrintRun("区级领导", "A", 1, 12, "2017-02-20T09:00:00+08:00"),
        serials.PrintRun("党代表", "B", 1, 40, "2017-02-20T09:00:00+08:00"),
    ]
)


def test_a_printed_serial_names_its_group_in_any_case_and_padding() -> None:
    for code in ("B017", "b17", "B0017"):
        assert PRINTED.group_of(code) == "党代表"
        assert PRINTED.normalized(code) == "B017"
    assert PRINTED.parse("17") is None and PRINTED.parse("Z001") is None
    assert PRINTED.parse("C001") is None  # C was never printed: a free-form id
    assert PRINTED.normalized("c1") == "c1"


def test_numbers_outside_the_printed_range_say_what_was_printed_and_when() -> None:
    assert PRINTED.problems("A012", "区级领导") == []
    for code in ("A013", "A000"):
        (problem,) = PRINTED.problems(code, "区级领导")
        assert "A001–A012" in problem and "2017-02-20 09:00" in problem
    assert "党代表" in PRINTED.problems("B001", "区级领导")[0]
    assert PRINTED.problems("free-id", "区级领导") == []


def test_nothing_printed_means_every_id_is_free_form() -> None:
    nothing = serials.Printed([])
    assert not nothing
    assert nothing.problems("A999", "党代表") == [] and nothing.normalized("a7") == "a7"


def test_save_and_import_refuse_unprinted_or_foreign_serials(tmp_path) -> None:  # type: ignore[no-untyped-def]
    import pytest

    from reviewtui.assessment import ballots
    from reviewtui.assessment.importer import import_file
    from reviewtui.errors import UserError
    from reviewtui.store import Store

    store = Store.create(tmp_path / "m.db", PLAN)
    serials.record(store, PLAN)  # what `print forms` records
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
