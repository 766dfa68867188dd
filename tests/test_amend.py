"""Amendments to a started meeting: applied, journaled, undoable, or refused changing nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from reviewtui import amend
from reviewtui.assessment import ballots
from reviewtui.meeting import Meeting
from reviewtui.plan import loads
from reviewtui.store import Store

ROOT = Path(__file__).resolve().parent.parent
SMALL = (ROOT / "sessions" / "small.toml").read_text(encoding="utf-8")


def _started(tmp_path: Path) -> Store:
    store = Store.create(tmp_path / "m.db", loads(SMALL, "small.toml"))
    meeting = Meeting(store)
    first = next(i for i in meeting.items() if i.kind == "unit")
    meeting.open_item(first.id)
    meeting.start_report()
    meeting.start_comment()  # the unit's commenter, 区委书记
    meeting.end_segment()
    item = store.plan.assessment.items[0].name
    for code, group in (("B001", "党代表"), ("A001", "区级领导")):
        marks = {(u.name, item): "好" for u in store.plan.units}
        ballots.save(store, code=code, group=group, marks=marks)
    return store


def _records(store: Store) -> dict[str, list[dict[str, object]]]:
    """Every recorded row but the journal (which an undo adds to)."""
    tables = ("meta", "items", "segments", "notes", "ballots", "marks")
    return {
        table: [
            r
            for r in store.rows(f"SELECT * FROM {table} ORDER BY 1, 2")
            if r.get("key") != "writer"
        ]
        for table in tables
    }


def _amended(text: str) -> object:
    return loads(text, "small.toml")


def test_issued_representative_and_misspelt_leader_apply_and_undo(tmp_path: Path) -> None:
    store = _started(tmp_path)
    before = _records(store)
    text = (
        SMALL.replace("issued = 5", "issued = 7")
        .replace('name = "区委书记"', 'name = "区委书记甲"')
        .replace('commenter = "区委书记"', 'commenter = "区委书记甲"')
        + '\n[[representatives]]\nname = "党代表 王志强"\ngroup = "党代表"\n'
    )
    plan = _amended(text)
    proposal = amend.propose(store, plan)
    assert proposal.refusals == []
    assert proposal.renames["leaders"] == {"区委书记": "区委书记甲"}
    amend.apply(store, plan, proposal)
    assert store.plan.group("党代表").issued == 7
    assert "党代表 王志强" in [r.name for r in store.plan.representatives]
    speakers = [s.speaker for s in Meeting(store).segments() if s.kind == "comment"]
    assert speakers == ["区委书记甲"]
    listed = {a.what for a in amend.history(store)}
    assert "groups[1].issued" in listed and "leaders[0]" in listed
    Meeting(store).undo()
    assert _records(store) == before
    assert amend.history(store) == []


def test_renaming_a_unit_with_ballots_onto_another_is_refused(tmp_path: Path) -> None:
    store = _started(tmp_path)
    before = store.content_sha256()
    text = SMALL.replace('name = "雁翅镇党委"', 'name = "王平镇党委"', 1)
    text = text.replace(
        'name = "王平镇党委"\nreporter = "王平镇党委书记"',
        'name = "雁翅镇党委"\nreporter = "王平镇党委书记"',
    )
    proposal = amend.propose(store, _amended(text))
    assert proposal.refusals
    assert any("雁翅镇党委" in r.reason for r in proposal.refusals)
    with pytest.raises(ValueError):
        amend.apply(store, _amended(text), proposal)
    assert store.content_sha256() == before


def test_a_misspelt_unit_is_renamed_in_its_ballots_and_agenda(tmp_path: Path) -> None:
    store = _started(tmp_path)
    text = SMALL.replace("雁翅镇党委", "雁翅镇党委会")
    text = text.replace("雁翅镇党委会书记", "雁翅镇党委书记")
    proposal = amend.propose(store, _amended(text))
    assert proposal.refusals == [] and proposal.renames["units"] == {"雁翅镇党委": "雁翅镇党委会"}
    amend.apply(store, _amended(text), proposal)
    assert store.rows("SELECT DISTINCT unit FROM marks ORDER BY unit") == [
        {"unit": u} for u in sorted(["雁翅镇党委会", "城子街道工委", "王平镇党委"])
    ]
    titles = [i.title for i in Meeting(store).items() if i.kind == "unit"]
    assert titles[0] == "雁翅镇党委会"
    first = Meeting(store).items()[0]
    assert [s.kind for s in Meeting(store).segments(first.id)] == ["report", "comment"]


def test_added_and_withdrawn_units(tmp_path: Path) -> None:
    store = Store.create(tmp_path / "m.db", loads(SMALL, "small.toml"))
    text = SMALL.replace(
        '[[units]]\nname = "王平镇党委"\nreporter = "王平镇党委书记"\nmode = "written"\n',
        '[[units]]\nname = "军庄镇党委"\nreporter = "军庄镇党委书记"\nmode = "onsite"\n',
    )
    proposal = amend.propose(store, _amended(text))
    assert proposal.refusals == []
    amend.apply(store, _amended(text), proposal)
    units = [i.unit for i in Meeting(store).items() if i.kind == "unit"]
    assert units == ["雁翅镇党委", "城子街道工委", "军庄镇党委"]
    assert [i.pos for i in Meeting(store).items()] == list(
        range(1, len(Meeting(store).items()) + 1)
    )


def test_the_minutes_list_the_amendments(tmp_path: Path) -> None:
    from reviewtui import i18n
    from reviewtui.export import export_store
    from reviewtui.export.common import _amendment
    from reviewtui.minutes import read_minutes, to_json
    from reviewtui.minutes.model import AmendmentRecord

    store = _started(tmp_path)
    plan = _amended(SMALL.replace("issued = 5", "issued = 7"))
    amend.apply(store, plan)
    data = to_json(read_minutes(store))
    assert [(a["what"], a["old"], a["new"]) for a in data["amendments"]] == [
        ("groups[1].issued", 5, 7)
    ]
    assert data["meeting"]["organizer"] is None and "recorder" in data["meeting"]
    md = export_store(store, "md")
    # named as the reader knows them: the group, then the field
    assert "Amendments to the plan" in md and "党代表, forms issued: 5 → 7" in md
    i18n.set_lang("zh")
    assert "党代表发放测评表份数由 5 改为 7" in export_store(store, "md")
    # a setting of the meeting in words and units
    other = amend.Amendment("2017-02-24T14:00:00+08:00", "timing.report", 300, 360)
    assert _amendment(AmendmentRecord(*other)) == "14:00 每个单位述职限时由 5 分钟 改为 6 分钟"


def test_an_insertion_is_an_insertion_and_a_limit_is_said_in_minutes(tmp_path: Path, cli) -> None:  # type: ignore[no-untyped-def]
    """One representative inserted mid-list and one unit's limit changed are two changes, not
    the later representatives renamed into each other and a raw key path (issue 26, 2)."""
    from reviewtui import i18n
    from reviewtui.export import export_store

    store = _started(tmp_path)
    before = {r.name: r.group for r in store.plan.representatives}
    text = SMALL.replace(
        '[[representatives]]\nname = "党代表 李秀英"',
        '[[representatives]]\nname = "党代表 孙立军"\ngroup = "党代表"\n\n'
        '[[representatives]]\nname = "党代表 李秀英"',
    ).replace('commenter = "区委副书记"', 'commenter = "区委副书记"\nreport = "1:00"')
    proposal = amend.propose(store, _amended(text))
    assert all(not renamed for renamed in proposal.renames.values())
    assert [(c.what, c.subject) for c in proposal.changes] == [
        ("representatives[1]", "党代表 孙立军"),
        ("units[1].report", "城子街道工委"),
    ]
    amend.apply(store, _amended(text), proposal)
    after = {r.name: r.group for r in store.plan.representatives}
    assert after == before | {"党代表 孙立军": "党代表"}
    i18n.set_lang("zh")
    md = export_store(store, "md")
    assert "增加提问代表：党代表 孙立军" in md
    assert "城子街道工委述职限时由 30 秒 改为 1 分钟" in md
    assert "名称由" not in md and "representatives[" not in md and "units[" not in md
    store.close()
    from reviewtui.store import open_session

    session = tmp_path / "c.toml"
    session.write_text(SMALL, encoding="utf-8")
    open_session(session, write=True).close()
    session.write_text(text, encoding="utf-8")
    printed = cli("amend", session, "--lang", "zh").output
    assert "增加提问代表：党代表 孙立军" in printed and "改为 1 分钟" in printed


def test_a_session_file_older_than_the_meetings_amendments_is_not_a_change(
    tmp_path: Path, cli
) -> None:  # type: ignore[no-untyped-def]
    """Forms issued changed on the settings screen: the session file still says the old number,
    which the database held before; every command goes on with the database's plan."""
    toml = tmp_path / "m.toml"
    toml.write_text(SMALL, encoding="utf-8")
    from reviewtui.store import open_session

    store = open_session(toml, write=True)
    amend.apply(store, _amended(SMALL.replace("issued = 5", "issued = 7")))
    store.close()
    done = cli("results", toml, "--json")
    assert done.code == 0, done.output
    assert '"issued": 7' in done.stdout
    assert "lacks 1 change(s) made in the meeting" in done.stderr
    # A file edited afterwards is a change again.
    toml.write_text(SMALL.replace("issued = 5", "issued = 9"), encoding="utf-8")
    assert cli("results", toml).code == 2


def test_the_minutes_carry_the_attendance(tmp_path: Path) -> None:
    from reviewtui.export import export_store
    from reviewtui.minutes import read_minutes, to_json

    store = _started(tmp_path)
    amend.set_attendance(store, {"党代表": (4, 1)})
    data = to_json(read_minutes(store))
    assert data["attendance"]["党代表"] == {"expected": 5, "present": 4, "absent": 1}
    assert data["attendance"]["区级领导"]["present"] is None
    assert "党代表: 5 expected, 4 present, 1 excused" in export_store(store, "md")
    assert {a["what"] for a in data["amendments"]} == {
        "attendance.党代表.present",
        "attendance.党代表.absent",
    }


def test_expected_below_the_recorded_attendance_is_refused(tmp_path: Path) -> None:
    store = _started(tmp_path)
    amend.set_attendance(store, {"党代表": (4, 1)})
    proposal = amend.propose(store, _amended(SMALL.replace("issued = 5", "issued = 4")))
    assert any("党代表" in r.reason and "5" in r.reason for r in proposal.refusals)


def test_a_misspelt_reporter_is_renamed_in_every_record_and_every_export(tmp_path: Path) -> None:
    """雁翅镇党委书记 → 雁翅镇党委书记张玮: the report's segment, the agenda row, and with them
    the minutes' JSON `segments[].speaker`, the timings CSV and the md minutes; one amendment,
    undone by one ctrl+z."""
    from reviewtui.export import render
    from reviewtui.minutes import read_minutes

    store = _started(tmp_path)
    before = _records(store)
    old, new = "雁翅镇党委书记", "雁翅镇党委书记张玮"
    plan = _amended(SMALL.replace(f'reporter = "{old}"', f'reporter = "{new}"'))
    proposal = amend.propose(store, plan)
    assert proposal.refusals == [] and proposal.renames["reporters"] == {old: new}
    amend.apply(store, plan, proposal)
    minutes = read_minutes(store)
    import json

    def speakers(node: object) -> list[str]:  # every segments[].speaker, at any depth
        if isinstance(node, dict):
            found = [s["speaker"] for s in node.get("segments", []) if isinstance(s, dict)]
            return found + [x for v in node.values() for x in speakers(v)]
        return [x for v in node for x in speakers(v)] if isinstance(node, list) else []

    spoken = speakers(json.loads(str(render(minutes, "json"))))
    assert new in spoken and old not in spoken
    timings = str(render(minutes, "timings"))
    assert new in timings and old not in timings.replace(new, "")
    markdown = str(render(minutes, "md"))  # its amendments list says old → new, once
    assert markdown.replace(new, "").count(old) <= 1 and new in markdown
    assert [s.speaker for s in Meeting(store).segments() if s.kind == "report"] == [new]
    Meeting(store).undo()
    assert _records(store) == before
    store.close()
