"""Snapshots of the agenda and live screens, in Chinese and English, at 80x24 and 120x40.

The clock is fake and frozen, cursor blink is off, and the meeting is brought to a fixed state
through the core before the app starts: the seed's meeting, 军庄镇党委 reporting, with two
questions answered and the commenter running over time.
"""

from __future__ import annotations

import pytest

from reviewtui.meeting import Meeting
from reviewtui.store import open_session
from reviewtui.tui.app import ReviewApp

SIZES = [(80, 24), (120, 40)]


def stage(store, clock) -> None:
    """The meeting half-way: speech and one unit done, the next unit's comment overrunning."""
    meeting = Meeting(store)
    items = meeting.items()
    meeting.open_item(items[0].id)  # 主持人说明议程
    meeting.start_report()
    clock.advance(170)
    meeting.next_item()  # 雁翅镇党委
    meeting.start_report()
    clock.advance(331)  # 5:31, over its 5:00
    meeting.start_comment(text="用活“第一书记”,抓得实")
    clock.advance(150)
    meeting.next_item()  # 军庄镇党委
    meeting.start_report()
    clock.advance(290)
    question = meeting.start_question("党代表 张建国", "东杨坨村的社会事务管理新格局怎样推广?")
    clock.advance(41)
    meeting.start_answer()
    clock.advance(100)
    meeting.start_question("群众代表 杨丽华", "资金[red]不到位[/red]怎么办?")  # never markup
    clock.advance(30)
    meeting.start_answer()
    clock.advance(75)
    meeting.start_comment()  # 区委副书记, the unit's commenter
    clock.advance(192)  # 12 s past its 3:00
    comment = meeting.running()
    meeting.edit_segment(comment.id, text="党建引领村务,经验可推广", action="draft")
    meeting.set_note(question.item_id, "主要举措:网格化管理、村务公开\n取得成效:矛盾纠纷下降")


@pytest.fixture
def staged(sample_session, fake_clock, lang):
    store = open_session(sample_session, write=True)
    stage(store, fake_clock)
    yield store
    store.close()


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_live_screen(snap_compare, staged, size):
    assert snap_compare(ReviewApp(staged, cursor_blink=False), terminal_size=size)


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_agenda_screen(snap_compare, staged, size):
    app = ReviewApp(staged, cursor_blink=False)
    assert snap_compare(app, terminal_size=size, press=["escape"])


@pytest.mark.parametrize("size", SIZES, ids=lambda s: f"{s[0]}x{s[1]}")
def test_question_dialog(snap_compare, staged, size):
    app = ReviewApp(staged, cursor_blink=False)
    assert snap_compare(app, terminal_size=size, press=["q", "z", "j", "g"])
