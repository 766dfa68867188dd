"""The live meeting's queries in the core, without the TUI."""

from __future__ import annotations

from reviewtui.clock import FakeClock
from reviewtui.meeting import Meeting
from reviewtui.store import Store


def test_elapsed_by_item_matches_each_item(small_store: Store, fake_clock: FakeClock) -> None:
    meeting = Meeting(small_store)
    first, second, *_ = [i for i in meeting.items() if i.timed]
    meeting.open_item(first.id)
    meeting.start_report()
    fake_clock.advance(30)
    meeting.toggle_pause()
    fake_clock.advance(100)  # paused: not spoken
    meeting.toggle_pause()
    fake_clock.advance(5)
    meeting.start_question("", "")
    fake_clock.advance(7)
    meeting.end_segment()
    meeting.open_item(second.id)
    meeting.start_report()
    fake_clock.advance(11)  # still running

    spoken = meeting.elapsed_by_item()
    assert spoken == {first.id: 42.0, second.id: 11.0}
    for item in meeting.items():
        assert spoken.get(item.id, 0.0) == meeting.item_elapsed(item)


def test_undoing_an_old_timing_command_tells_what_changes_in_time(
    small_store: Store, fake_clock: FakeClock
) -> None:
    from reviewtui import clock
    from reviewtui.meeting.undo_time import time_change

    meeting = Meeting(small_store)
    meeting.next_item()
    meeting.start_report()
    fake_clock.advance(30)
    meeting.end_segment()
    fake_clock.advance(3)
    assert time_change(small_store, meeting.last_undoable(), clock.now()) is None  # just done
    fake_clock.advance(60)
    change = time_change(small_store, meeting.last_undoable(), clock.now())
    assert change is not None and (change.action, change.seconds) == ("end", 63.0)
    meeting.start_report()
    meeting.toggle_pause()
    fake_clock.advance(20)
    meeting.end_segment()  # ended while paused: undoing it changes no speaking time
    fake_clock.advance(20)
    assert time_change(small_store, meeting.last_undoable(), clock.now()) is None
    meeting.start_report()
    fake_clock.advance(10)
    meeting.next_item()  # ends the running report
    fake_clock.advance(10)
    change = time_change(small_store, meeting.last_undoable(), clock.now())
    assert change is not None and change.action == "next"
