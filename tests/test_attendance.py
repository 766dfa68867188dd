"""Attendance per group: recorded in one undoable "amend" command, listed with the amendments."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui import amend
from reviewtui.amend import Amendment, Attendance, attendance, set_attendance
from reviewtui.errors import UserError
from reviewtui.i18n import set_lang
from reviewtui.meeting import Meeting
from reviewtui.plan import build, loads
from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
SMALL = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path) -> Store:
    set_lang("en")
    return Store.create(tmp_path / "m.db", loads(SMALL, "small.toml"))


def test_unknown_at_first_expected_from_issued(store: Store) -> None:
    assert attendance(store) == [
        Attendance("区级领导", 3, None, None),
        Attendance("党代表", 5, None, None),
    ]


def test_expected_given_wins_over_issued(store: Store) -> None:
    data = store.plan.data
    groups = [{**g, "expected": 4} if g["name"] == "党代表" else g for g in data["groups"]]
    plan = build({**data, "groups": groups})
    amend.apply(store, plan, amend.propose(store, plan))
    assert attendance(store)[1] == Attendance("党代表", 4, None, None)


def test_set_listed_and_undone(store: Store) -> None:
    tx = set_attendance(store, {"党代表": (4, 1)})
    assert isinstance(tx, int)
    assert attendance(store)[1] == Attendance("党代表", 5, 4, 1)
    assert attendance(store)[0] == Attendance("区级领导", 3, None, None)
    set_attendance(store, {"区级领导": (3, None), "党代表": (5, 0)})
    listed = [(a.what, a.old, a.new) for a in amend.history(store)]
    assert listed[:2] == [
        ("attendance.党代表.present", None, 4),
        ("attendance.党代表.absent", None, 1),
    ]
    assert set(listed[2:]) == {
        ("attendance.区级领导.present", None, 3),
        ("attendance.党代表.present", 4, 5),
        ("attendance.党代表.absent", 1, 0),
    }
    assert all(isinstance(a, Amendment) and a.at for a in amend.history(store))
    undone = Meeting(store).undo()
    assert undone is not None and undone.action == "amend"
    assert attendance(store)[1] == Attendance("党代表", 5, 4, 1)
    assert attendance(store)[0].present is None
    Meeting(store).undo()
    assert [a.present for a in attendance(store)] == [None, None]
    assert store.meta("attendance") is None
    assert amend.history(store) == []


@pytest.mark.parametrize(
    ("values", "says"),
    [
        ({"党代表": (-1, None)}, "negative"),
        ({"党代表": (None, -2)}, "negative"),
        ({"党代表": (5, 1)}, "more than the 5 expected"),
        ({"团代表": (1, 0)}, "no rater group"),
    ],
)
def test_refused_changes_nothing(store: Store, values: dict, says: str) -> None:
    before = store.content_sha256()
    with pytest.raises(UserError) as caught:
        set_attendance(store, values)
    assert says in "\n".join(caught.value.lines)
    assert store.content_sha256() == before


def test_refusal_in_chinese(store: Store) -> None:
    set_lang("zh")
    try:
        with pytest.raises(UserError) as caught:
            set_attendance(store, {"党代表": (5, 1)})
        assert "超过应到 5 人" in caught.value.lines[0]
    finally:
        set_lang("en")


def test_no_expected_no_limit(tmp_path: Path) -> None:
    text = SMALL.replace("issued = 5\n", "")
    store = Store.create(tmp_path / "m.db", loads(text, "small.toml"))
    set_attendance(store, {"党代表": (40, 2)})
    assert attendance(store)[1] == Attendance("党代表", None, 40, 2)


def test_a_renamed_group_keeps_its_attendance(store: Store) -> None:
    set_attendance(store, {"党代表": (4, 1)})
    plan = loads(SMALL.replace("党代表", "人大代表"), "small.toml")
    proposal = amend.propose(store, plan)
    assert proposal.renames["groups"] == {"党代表": "人大代表"}
    amend.apply(store, plan, proposal)
    assert attendance(store)[1] == Attendance("人大代表", 5, 4, 1)


def test_plan_and_attendance_in_one_command(store: Store) -> None:
    plan = loads(SMALL.replace("issued = 5", "issued = 7"), "small.toml")
    with pytest.raises(UserError):  # checked against the new plan, before anything is written
        amend.apply(store, plan, attendance={"党代表": (7, 1)})
    amend.apply(store, plan, attendance={"党代表": (6, 1)})
    assert attendance(store)[1] == Attendance("党代表", 7, 6, 1)
    Meeting(store).undo()
    assert attendance(store)[1] == Attendance("党代表", 5, None, None)


def test_the_reconciliation_sets_forms_returned_against_people_present(tmp_path, cli) -> None:  # type: ignore[no-untyped-def]
    """`results` and the results screen's notes put 实到 beside forms issued and returned."""
    import shutil
    from pathlib import Path

    from reviewtui.amend import set_attendance
    from reviewtui.store import open_session

    root = Path(__file__).resolve().parent.parent
    toml = tmp_path / "m.toml"
    shutil.copyfile(root / "sessions" / "small.toml", toml)
    store = open_session(toml, write=True)
    set_attendance(store, {"党代表": (4, 1)})
    store.close()
    done = cli("results", toml)
    assert done.code == 0 and "党代表: issued 5, returned 0, valid 0, 4 present" in done.stdout
