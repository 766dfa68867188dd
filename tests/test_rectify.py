"""The rectification list in the core: derived lines, edit, merge, drop, add, move, undo."""

from __future__ import annotations

import json

import pytest

from reviewtui import i18n
from reviewtui.clock import FakeClock
from reviewtui.errors import UserError
from reviewtui.meeting import Meeting
from reviewtui.minutes import read_minutes, to_json
from reviewtui.rectify import Rectification, parse_deadline
from reviewtui.store import Store


def meeting_with_records(store: Store, clock: FakeClock) -> Meeting:
    """雁翅镇党委: two questions and a comment; 城子街道工委: one question."""
    meeting = Meeting(store)
    first, second, *_ = [i for i in meeting.items() if i.kind == "unit"]
    meeting.open_item(first.id)
    meeting.start_report()
    clock.advance(30)
    meeting.start_question("党代表 张建国", "第一书记下派后如何考核？")
    clock.advance(8)
    meeting.start_answer()
    clock.advance(15)
    meeting.start_question("党代表 李秀英", "软弱涣散村整顿进度偏慢")
    clock.advance(8)
    meeting.start_comment(None, "基层阵地建设还有短板")
    clock.advance(20)
    meeting.end_segment()
    meeting.open_item(second.id)
    meeting.start_question("党代表 张建国", "=1+2 的问题")
    clock.advance(5)
    meeting.end_segment()
    return meeting


def journal(store: Store, action: str) -> list[dict[str, object]]:
    return store.rows("SELECT * FROM journal WHERE action = ? ORDER BY id", (action,))


def test_every_question_and_comment_is_a_line(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    lines = Rectification(small_store).lines()
    assert [(x.unit, x.source, x.problem) for x in lines] == [
        ("雁翅镇党委", "question", "第一书记下派后如何考核？"),
        ("雁翅镇党委", "question", "软弱涣散村整顿进度偏慢"),
        ("雁翅镇党委", "comment", "基层阵地建设还有短板"),
        ("城子街道工委", "question", "=1+2 的问题"),
    ]
    assert all(x.id is None and x.status == "open" for x in lines)  # nothing stored yet
    assert lines[2].speaker == "区委书记"
    assert small_store.rows("SELECT * FROM problems") == []


def test_edit_materialises_the_unit_and_new_questions_still_appear(
    small_store: Store, fake_clock: FakeClock
) -> None:
    meeting = meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    key = rect.lines("雁翅镇党委")[1].key
    line = rect.edit(key, measure="年底前完成整顿", owner="组织委员", deadline="2017年6月30日")
    assert (line.measure, line.owner, line.deadline) == ("年底前完成整顿", "组织委员", "2017-06-30")
    assert line.follows_record and line.key == key
    rows = small_store.rows("SELECT unit, pos, source, problem FROM problems ORDER BY pos")
    assert [(r["unit"], r["pos"], r["problem"]) for r in rows] == [
        ("雁翅镇党委", 1, None),
        ("雁翅镇党委", 2, None),
        ("雁翅镇党委", 3, None),
    ]
    entries = journal(small_store, "rectify.edit")
    assert [e["op"] for e in entries] == ["insert", "insert", "insert", "update"]
    assert json.loads(str(entries[-1]["new"]))["owner"] == "组织委员"

    # A question corrected on the live screen reads corrected; one asked later is a new line.
    first = rect.lines("雁翅镇党委")[0]
    assert first.segment_id is not None
    meeting.edit_segment(first.segment_id, text="第一书记如何考核（更正）")
    item = next(i for i in meeting.items() if i.unit == "雁翅镇党委")
    meeting.open_item(item.id)
    meeting.start_question("党代表 李秀英", "后来的问题")
    lines = rect.lines("雁翅镇党委")
    assert [x.problem for x in lines] == [
        "第一书记如何考核（更正）",
        "软弱涣散村整顿进度偏慢",
        "基层阵地建设还有短板",
        "后来的问题",
    ]
    assert lines[-1].id is None


def test_edit_text_then_undo(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    key = rect.lines()[0].key
    line = rect.edit(key, problem="  第一书记考核办法不完善 ")
    assert line.problem == "第一书记考核办法不完善" and not line.follows_record
    assert rect.undo() == "rectify.edit"
    again = rect.line(key)
    assert again.problem == "第一书记下派后如何考核？" and again.id is None
    assert small_store.rows("SELECT * FROM problems") == []  # as it read before
    assert rect.undo() is None


def test_drop_keeps_the_row_and_undo_restores(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    key = rect.lines()[2].key
    dropped = rect.drop(key)
    assert dropped.status == "dropped" and not dropped.active
    assert small_store.row("SELECT status FROM problems WHERE id = ?", (dropped.id,)) == {
        "status": "dropped"
    }
    assert [e["op"] for e in journal(small_store, "rectify.drop")][-1] == "update"
    assert rect.undo() == "rectify.drop"
    assert rect.line(key).status == "open"
    # restoring by an edit of the status
    rect.drop(key)
    assert rect.edit(key, status="open").status == "open"


def test_merge_keeps_the_absorbed_row(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    a, b, c = rect.lines("雁翅镇党委")
    rect.edit(b.key, owner="组织委员")
    kept = rect.merge(a.key, b.key)
    assert kept.problem == "第一书记下派后如何考核？; 软弱涣散村整顿进度偏慢"
    assert kept.owner == "组织委员"  # an empty field takes the absorbed line's
    assert [x.key for x in rect.lines("雁翅镇党委")] == [a.key, c.key]
    absorbed = rect.line(b.key)
    assert absorbed.merged_into == kept.id and absorbed.problem == "软弱涣散村整顿进度偏慢"
    assert [x.key for x in rect.absorbed(a.key)] == [b.key]
    with pytest.raises(UserError):
        rect.merge(c.key, b.key)  # already merged
    with pytest.raises(UserError):
        rect.merge(a.key, rect.lines("城子街道工委")[0].key)  # another unit
    assert rect.undo() == "rectify.merge"
    assert [x.key for x in rect.lines("雁翅镇党委")] == [a.key, b.key, c.key]
    assert rect.line(a.key).problem == "第一书记下派后如何考核？"


def test_add_move_and_undo(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    added = rect.add("王平镇党委", "  台账资料不规范 ", owner="书记", deadline="2017/12/31")
    assert (added.source, added.problem, added.deadline) == (
        "secretary",
        "台账资料不规范",
        "2017-12-31",
    )
    assert added.key == f"p{added.id}"
    with pytest.raises(UserError):
        rect.add("王平镇党委", "   ")
    with pytest.raises(UserError):
        rect.add("没有这个单位", "x")
    with pytest.raises(UserError):
        rect.edit(added.key, deadline="明年")
    second = rect.add("雁翅镇党委", "另一条")
    keys = [x.key for x in rect.lines("雁翅镇党委")]
    assert keys[-1] == second.key
    assert rect.move(second.key, -1)
    assert [x.key for x in rect.lines("雁翅镇党委")] == [*keys[:2], keys[3], keys[2]]
    assert not rect.move(keys[0], -1)  # already first
    assert rect.undo() == "rectify.move"
    assert [x.key for x in rect.lines("雁翅镇党委")] == keys
    assert rect.undo() == "rectify.add"
    assert second.key not in [x.key for x in rect.lines()]


def test_deleting_a_question_takes_its_line_and_undo_brings_it_back(
    small_store: Store, fake_clock: FakeClock
) -> None:
    meeting = meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    line = rect.edit(rect.lines()[0].key, measure="建立考核办法")
    assert line.segment_id is not None
    meeting.delete_segment(line.segment_id)
    assert line.key not in [x.key for x in rect.lines()]
    meeting.undo()
    assert rect.line(line.key).measure == "建立考核办法"


def test_deadlines() -> None:
    assert parse_deadline("２０１７－０６－３０") == "2017-06-30"
    assert parse_deadline("2017.6.3") == "2017-06-03"
    assert parse_deadline("") is None
    for bad in ("2017-02-30", "6月30日", "soon"):
        with pytest.raises(UserError):
            parse_deadline(bad)


def test_minutes_json_rectification(small_store: Store, fake_clock: FakeClock) -> None:
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    a, b, c = rect.lines("雁翅镇党委")
    rect.merge(a.key, b.key)
    rect.drop(c.key)
    rect.add("王平镇党委", "台账资料不规范", deadline="2017-12-31")
    data = to_json(read_minutes(small_store))
    assert list(data)[:5] == ["meeting", "attendance", "amendments", "rectification", "items"]
    assert data["rectification"] == [
        {
            "unit": "雁翅镇党委",
            "source": "question",
            "problem": "第一书记下派后如何考核？; 软弱涣散村整顿进度偏慢",
            "measure": "",
            "owner": "",
            "deadline": None,
            "status": "open",
        },
        {
            "unit": "雁翅镇党委",
            "source": "comment",
            "problem": "基层阵地建设还有短板",
            "measure": "",
            "owner": "",
            "deadline": None,
            "status": "dropped",
        },
        {
            "unit": "城子街道工委",
            "source": "question",
            "problem": "=1+2 的问题",
            "measure": "",
            "owner": "",
            "deadline": None,
            "status": "open",
        },
        {
            "unit": "王平镇党委",
            "source": "secretary",
            "problem": "台账资料不规范",
            "measure": "",
            "owner": "",
            "deadline": "2017-12-31",
            "status": "open",
        },
    ]
    assert all("previous" not in item for item in data["items"])  # no [meeting] previous


def test_undo_names_the_action(small_store: Store, fake_clock: FakeClock) -> None:
    from reviewtui.store.journal import _named

    i18n.set_lang("zh")
    assert _named("rectify.merge") == "合并整改问题"


def test_long_text_is_refused_not_cut_and_a_long_value_is_quoted_short(
    small_store: Store, fake_clock: FakeClock
) -> None:
    i18n.set_lang("en")
    meeting_with_records(small_store, fake_clock)
    rect = Rectification(small_store)
    key = rect.lines("雁翅镇党委")[0].key
    for field in ("problem", "measure", "owner"):
        with pytest.raises(UserError) as exc:
            rect.edit(key, **{field: "长" * 1_000_000})
        assert len(str(exc.value)) < 300
    with pytest.raises(UserError):
        rect.add("雁翅镇党委", "长" * 3000)
    with pytest.raises(UserError):
        rect.add("雁翅镇党委", "短", status="半完成")
    assert small_store.rows("SELECT * FROM problems") == []  # nothing cut, nothing half-saved
    assert rect.add("雁翅镇党委", "短", status="done").status == "done"
    with pytest.raises(UserError) as exc:
        parse_deadline("9" * 1_000_000)
    assert len(str(exc.value)) < 300
    with pytest.raises(UserError) as exc:
        parse_deadline("\x1b[2J明天")
    assert "\x1b" not in str(exc.value)
