"""Moving a record's start (SPEC 5, a timer started late): the rule, refusals, journal, undo."""

from __future__ import annotations

from datetime import timedelta

import pytest

from reviewtui import clock, i18n
from reviewtui.errors import UserError
from reviewtui.meeting import Meeting
from reviewtui.meeting.start_move import parse_start
from reviewtui.store import Store
from tests.conftest import FAKE_START


def at(seconds: float):
    """FAKE_START (14:30:00) plus `seconds`."""
    return FAKE_START + timedelta(seconds=seconds)


def refused(meeting: Meeting, segment_id: int, start: str) -> str:
    with pytest.raises(UserError) as exc:
        meeting.edit_segment(segment_id, start=start)
    return "\n".join(exc.value.lines)


def test_parse_time_of_day_and_shift() -> None:
    current = at(0)  # 14:30:00
    assert parse_start("14:35:02", current) == at(302)
    assert parse_start("14:29", current) == at(-60)
    assert parse_start(" 14：29：30 ", current) == at(-30)  # full-width colons
    assert parse_start("-0:30", current) == at(-30)
    assert parse_start("−30", current) == at(-30)  # a typographic minus
    assert parse_start("+1:05", current) == at(65)
    assert parse_start("-1:00:00", current) == at(-3600)
    for bad in ("", "abc", "25:00", "14:61", "-1:75", "0:30:99", "14.30"):
        with pytest.raises(UserError):
            parse_start(bad, current)


def test_a_running_report_started_late(small_store: Store, fake_clock: clock.FakeClock) -> None:
    meeting = Meeting(small_store)
    meeting.next_item()
    report = meeting.start_report()
    fake_clock.advance(40)
    moved = meeting.edit_segment(report.id, start="-0:30")
    assert moved.started_at == at(-30) and moved.running
    assert moved.elapsed() == 70  # the timer counts from the new start
    assert moved.remaining() == -40  # 0:30 planned
    undone = meeting.undo()
    assert undone is not None and undone.action == "edit"
    assert meeting.segment(report.id).started_at == at(0)
    # a time of day works the same way, and the journal has the old and new value
    meeting.edit_segment(report.id, start="14:29:50")
    assert meeting.segment(report.id).started_at == at(-10)
    journal = small_store.rows(
        "SELECT old, new FROM journal WHERE tbl = 'segments' ORDER BY id DESC LIMIT 1"
    )
    assert "14:30:00" in journal[0]["old"] and "14:29:50" in journal[0]["new"]


def test_refusals_say_what_is_allowed(small_store: Store, fake_clock: clock.FakeClock) -> None:
    i18n.set_lang("zh")
    meeting = Meeting(small_store)
    meeting.next_item()
    report = meeting.start_report()
    fake_clock.advance(40)  # now 14:30:40
    before = small_store.rows("SELECT * FROM segments")
    assert "无法识别" in refused(meeting, report.id, "半分钟前")
    assert "不能晚于 14:30:40（现在" in refused(meeting, report.id, "+0:40")
    assert "最多调整 1 小时" in refused(meeting, report.id, "13:00")
    assert small_store.rows("SELECT * FROM segments") == before  # nothing written
    meeting.toggle_pause()
    fake_clock.advance(100)  # paused at 14:30:40
    assert "14:30:40（本条记录的结束时间" in refused(meeting, report.id, "14:31:00")
    assert meeting.edit_segment(report.id, start="+0:39").started_at == at(39)


def test_a_question_asked_late_ends_the_report_earlier(
    small_store: Store, fake_clock: clock.FakeClock
) -> None:
    meeting = Meeting(small_store)
    meeting.next_item()
    report = meeting.start_report()  # 14:30:00
    fake_clock.advance(40)
    question = meeting.start_question("党代表 张建国")  # 14:30:40: it ended the report
    fake_clock.advance(10)
    meeting.edit_segment(question.id, start="-0:15")  # it began at 14:30:25
    assert meeting.segment(question.id).started_at == at(25)
    assert meeting.segment(report.id).ended_at == at(25)  # so the report ended then
    assert meeting.segment(report.id).elapsed() == 25
    meeting.undo()  # one step takes both back
    assert meeting.segment(report.id).ended_at == at(40)
    assert meeting.segment(question.id).started_at == at(40)
    # not back past the start of the report it cut short
    assert "14:30:00" in refused(meeting, question.id, "14:30:00")
    # later, not earlier: the report keeps its end
    meeting.edit_segment(question.id, start="+0:05")
    assert meeting.segment(report.id).ended_at == at(40)


def test_no_overlap_with_a_record_that_ended_before(
    small_store: Store, fake_clock: clock.FakeClock
) -> None:
    meeting = Meeting(small_store)
    meeting.next_item()
    meeting.start_report()
    fake_clock.advance(30)
    meeting.end_segment()  # 14:30:30
    fake_clock.advance(20)
    comment = meeting.start_comment()  # 14:30:50
    fake_clock.advance(5)
    assert "14:30:30" in refused(meeting, comment.id, "-0:30")
    assert meeting.edit_segment(comment.id, start="-0:20").started_at == at(30)
    # an ended record stays before its end
    meeting.end_segment()  # 14:30:55
    assert "14:30:55" in refused(meeting, comment.id, "14:30:56")


def test_same_start_writes_no_move(small_store: Store, fake_clock: clock.FakeClock) -> None:
    meeting = Meeting(small_store)
    meeting.next_item()
    report = meeting.start_report()
    fake_clock.advance(5)
    assert meeting.check_start(report.id, "14:30:00") is None
    assert meeting.check_start(report.id, "+0") is None


def test_parse_refuses_huge_and_control_values_with_a_message() -> None:
    current = at(0)
    huge = ["+" + "9" * 30, "-" + "9" * 5000, "+99999999:00", "９" * 40 + ":00"]
    for bad in huge:
        with pytest.raises(UserError):
            parse_start(bad, current)
    with pytest.raises(UserError) as exc:
        parse_start("\x1b[2J+5", current)
    assert "\x1b" not in str(exc.value)  # the value is shown cleaned, never raw to a terminal
    with pytest.raises(UserError) as exc:
        parse_start("+" + "9" * 10_000, current)
    assert len(str(exc.value)) < 300  # the message quotes the value, not ten thousand digits
