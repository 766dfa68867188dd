"""The minutes model: one read of the database, SPEC section 8 JSON, true durations."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import datetime
from pathlib import Path

import pytest

from reviewtui import clock
from reviewtui.assessment import ballots, tally_store
from reviewtui.meeting import Meeting
from reviewtui.minutes import Minutes, heading_of, note_sections, read_minutes, to_json
from reviewtui.store import Store, open_session

ENTERED_BY = "录入员 王秘书"  # who typed the ballots in: must never appear in any export

NOTES = (
    "雁翅镇注重发挥第一书记作用。\n"
    "主要举措:\n"
    "● 定准位,双向发力聚民心。\n"
    "● 不缺位,第一书记在行动。\n"
    "【取得成效】\n"
    "走访党员群众800余户。"
)


def build(session: Path, fake: clock.FakeClock) -> Path:
    """A small meeting run through the core: durations are exact under the fake clock."""
    store = open_session(session, write=True)
    m = Meeting(store)
    first = m.next_item()
    assert first is not None and first.unit == "雁翅镇党委"
    m.start_report()
    fake.advance(20)
    m.toggle_pause()
    fake.advance(7)  # paused: not speaking time
    m.toggle_pause()
    fake.advance(15.5)  # report: 35.5 s spoken, 7 s paused
    m.start_question("党代表 张建国", "第一书记怎样考核?")
    fake.advance(9)
    answer = m.start_answer()
    assert answer is not None
    fake.advance(18)
    m.edit_segment(answer.id, text="每周调度,每月汇报")
    m.start_question("党代表 李秀英", "还有什么困难?")
    fake.advance(8)  # never answered
    m.start_comment(text="措施有力,成效明显")  # the unit's commenter: 区委书记
    fake.advance(19)
    m.set_note(first.id, NOTES)
    second = m.next_item()
    assert second is not None and second.unit == "城子街道工委"
    m.start_report()
    fake.advance(31)
    m.end_segment()
    m.next_item()  # the assessment item
    m.next_item()  # the end
    marks = [
        ("1", "区级领导", "好", "较好", "好"),
        ("2", "区级领导", "好", "好", "一般"),
        ("3", "党代表", "较好", "好", "好"),
        ("4", "党代表", "一般", "较好", "差"),
    ]
    for code, group, a, b, c in marks:
        ballots.save(
            store,
            code=code,
            group=group,
            marks={
                ("雁翅镇党委", "总体评价"): a,
                ("城子街道工委", "总体评价"): b,
                ("王平镇党委", "总体评价"): c,
            },
            entered_by=ENTERED_BY,
        )
    ballots.save(store, code="5", group="党代表", marks={}, entered_by=ENTERED_BY)  # invalid
    store.close()
    return session.with_suffix(".db")


@pytest.fixture
def meeting_db(small_session: Path, fake_clock: clock.FakeClock) -> Path:
    return build(small_session, fake_clock)


@pytest.fixture
def minutes(meeting_db: Path) -> Minutes:
    store = Store.open_reader(meeting_db)
    try:
        return read_minutes(store)
    finally:
        store.close()


def test_items_in_agenda_order(minutes: Minutes) -> None:
    kinds = [(i.kind, i.unit, i.mode, i.status) for i in minutes.items]
    assert kinds == [
        ("unit", "雁翅镇党委", "onsite", "done"),
        ("unit", "城子街道工委", "onsite", "done"),
        ("unit", "王平镇党委", "written", "pending"),
        ("assessment", None, None, "pending"),
    ]
    first = minutes.items[0]
    assert first.speaker == "雁翅镇党委书记"
    assert first.commenter == "区委书记"


def test_durations_are_true_seconds_without_pauses(minutes: Minutes) -> None:
    first = minutes.items[0]
    report = first.main_segment
    assert report is not None
    assert report.kind == "report"
    assert report.seconds == 35.5
    assert report.paused_seconds == 7.0
    assert report.planned == 30
    assert report.over == 5.5
    assert first.seconds == 35.5 + 9 + 18 + 8 + 19
    assert (report.ended_at - report.started_at).total_seconds() == 42.5
    assert minutes.items[1].main_segment.seconds == 31.0  # type: ignore[union-attr]


def test_questions_answers_and_comments(minutes: Minutes) -> None:
    first = minutes.items[0]
    q1, q2 = first.questions
    assert (q1.asker, q1.text, q1.answer) == (
        "党代表 张建国",
        "第一书记怎样考核?",
        "每周调度,每月汇报",
    )
    assert (q1.question_seconds, q1.answer_seconds) == (9.0, 18.0)
    assert q1.answerer == "雁翅镇党委书记"
    assert (q2.asker, q2.answer, q2.answer_seconds) == ("党代表 李秀英", "", None)
    (comment,) = first.comments
    assert (comment.leader, comment.text, comment.seconds) == (
        "区委书记",
        "措施有力,成效明显",
        19.0,
    )
    assert minutes.items[1].questions == ()


def test_notes_keep_their_sections(minutes: Minutes) -> None:
    sections = minutes.items[0].note_sections
    assert [(s.heading, s.lines) for s in sections] == [
        (None, ("雁翅镇注重发挥第一书记作用。",)),
        ("主要举措", ("● 定准位,双向发力聚民心。", "● 不缺位,第一书记在行动。")),
        ("取得成效", ("走访党员群众800余户。",)),
    ]


@pytest.mark.parametrize(
    ("line", "heading"),
    [
        ("主要举措", "主要举措"),
        ("主要举措:", "主要举措"),
        ("  取得成效 : ", "取得成效"),
        ("## 取得成效", "取得成效"),
        ("**主要举措**", "主要举措"),
        ("主要举措是建章立制", None),
        ("", None),
    ],
)
def test_heading_of(line: str, heading: str | None) -> None:
    assert heading_of(line) == heading


def test_note_sections_of_plain_text() -> None:
    assert note_sections("") == ()
    assert [s.lines for s in note_sections("一行\n\n二行")] == [("一行", "二行")]


def test_results_come_from_the_one_tally(meeting_db: Path, minutes: Minutes) -> None:
    store = Store.open_reader(meeting_db)
    try:
        assert minutes.results == tally_store(store)
        assert minutes.sha256 == store.content_sha256()
    finally:
        store.close()
    by_unit = {u.unit: u for u in minutes.results.units}
    assert by_unit["城子街道工委"].final == pytest.approx(90.0)
    assert by_unit["雁翅镇党委"].final == pytest.approx(88.0)
    assert by_unit["王平镇党委"].final == pytest.approx(76.0)
    assert [u.level for u in minutes.results.units] == ["好", "较好", "一般"]
    assert minutes.results.invalid_codes == ("5",)
    groups = {g.name: (g.issued, g.returned, g.valid) for g in minutes.meeting.groups}
    assert groups == {"区级领导": (3, 2, 2), "党代表": (5, 3, 2)}
    assert [(b.code, b.status) for b in minutes.ballots] == [
        ("1", "valid"),
        ("2", "valid"),
        ("3", "valid"),
        ("4", "valid"),
        ("5", "invalid"),
    ]


SEGMENT_KEYS = {
    "kind",
    "speaker",
    "started_at",
    "ended_at",
    "seconds",
    "paused_seconds",
    "planned",
    "text",
}


def test_json_is_spec_section_8(minutes: Minutes) -> None:
    data = json.loads(json.dumps(to_json(minutes), ensure_ascii=False))
    assert set(data) == {
        "meeting",
        "attendance",
        "amendments",
        "rectification",
        "items",
        "results",
        "reveals",
        "sha256",
    }
    assert data["meeting"] == {
        "title": "测试用述职评议考核会",
        "date": "2017-02-24",
        "venue": None,
        "chair": None,
        "organizer": None,
        "recorder": None,
    }
    assert data["amendments"] == []
    assert data["attendance"] == {
        "区级领导": {"expected": 3, "present": None, "absent": None},
        "党代表": {"expected": 5, "present": None, "absent": None},
    }
    unit = data["items"][0]
    for key in ("kind", "unit", "reporter", "mode", "topic", "status", "segments"):
        assert key in unit
    assert unit["kind"] == "unit" and unit["mode"] == "onsite" and unit["status"] == "done"
    report = unit["segments"][0]
    assert set(report) == SEGMENT_KEYS
    assert report["kind"] == "report"
    assert report["speaker"] == "雁翅镇党委书记"
    assert report["started_at"] == "2017-02-24T14:30:00.000+08:00"
    assert report["ended_at"] == "2017-02-24T14:30:42.500+08:00"
    assert datetime.fromisoformat(report["ended_at"]).utcoffset() is not None
    assert (report["seconds"], report["paused_seconds"], report["planned"]) == (35.5, 7.0, 30)
    assert isinstance(report["planned"], int)
    assert [s["kind"] for s in unit["segments"]] == [
        "report",
        "question",
        "answer",
        "question",
        "comment",
    ]
    assert unit["questions"][0] == {
        "asker": "党代表 张建国",
        "text": "第一书记怎样考核?",
        "answer": "每周调度,每月汇报",
        "question_seconds": 9.0,
        "answer_seconds": 18.0,
    }
    assert unit["questions"][1]["answer_seconds"] is None
    assert unit["comments"] == [
        {"leader": "区委书记", "text": "措施有力,成效明显", "seconds": 19.0}
    ]
    assert unit["notes"] == NOTES
    written = data["items"][2]
    assert (written["unit"], written["mode"], written["segments"]) == ("王平镇党委", "written", [])
    assert data["results"] == minutes.results.to_json()
    assert data["results"]["units"][0]["unit"] == "城子街道工委"
    assert data["sha256"] == minutes.sha256


def test_json_names_no_rater(minutes: Minutes) -> None:
    assert ENTERED_BY not in json.dumps(to_json(minutes), ensure_ascii=False)


def test_running_segment_is_counted_up_to_the_read(
    small_session: Path, fake_clock: clock.FakeClock
) -> None:
    writer = open_session(small_session, write=True)
    try:
        m = Meeting(writer)
        m.next_item()
        m.start_report()
        fake_clock.advance(12)
        m.toggle_pause()
        fake_clock.advance(5)  # still paused when the export reads
        reader = Store.open_reader(writer.path)  # beside the live writer
        try:
            minutes = read_minutes(reader)
        finally:
            reader.close()
    finally:
        writer.close()
    segment = minutes.items[0].segments[0]
    assert minutes.items[0].status == "live"
    assert segment.ended_at is None
    assert (segment.seconds, segment.paused_seconds) == (12.0, 5.0)
    assert to_json(minutes)["items"][0]["segments"][0]["ended_at"] is None


def test_core_never_imports_textual(tmp_path: Path) -> None:
    code = (
        "import sys\n"
        "import reviewtui.minutes, reviewtui.export\n"
        "from reviewtui.export import FORMATS\n"
        "for spec in FORMATS.values(): spec.renderer()\n"
        "assert 'textual' not in sys.modules, sorted(m for m in sys.modules if 'textual' in m)\n"
    )
    subprocess.run([sys.executable, "-c", code], check=True, cwd=tmp_path)


def test_read_leaves_no_transaction_open(meeting_db: Path) -> None:
    """The read is one snapshot, closed afterwards: a long-lived reader keeps following."""
    store = Store.open_reader(meeting_db)
    try:
        read_minutes(store)
        assert not store.conn.in_transaction
    finally:
        store.close()
