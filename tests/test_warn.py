"""When a timer warns: `timing.warn` before its end, or a quarter of its planned time if shorter."""

from __future__ import annotations

from datetime import timedelta

from reviewtui import clock
from reviewtui.meeting import Segment
from reviewtui.tui.widgets.countdown import segment_state
from tests.conftest import FAKE_START


def test_warn_at_takes_the_shorter() -> None:
    assert clock.warn_at(300, 60) == 60
    assert clock.warn_at(60, 60) == 15
    assert clock.warn_at(None, 60) == 60


def _question(elapsed: float) -> tuple[Segment, object]:
    row = {
        "id": 1, "item_id": 1, "kind": "question", "speaker": "", "text": "", "question_id": None,
        "planned": 60.0, "started_at": clock.iso(FAKE_START), "ended_at": None,
        "paused_at": None, "paused_seconds": 0.0,
    }  # fmt: skip
    return Segment.from_row(row), FAKE_START + timedelta(seconds=elapsed)


def test_a_one_minute_question_warns_in_its_last_quarter() -> None:
    segment, now = _question(1)
    assert segment_state(segment, now, 60) == "running"
    segment, now = _question(46)
    assert segment_state(segment, now, 60) == "warn"
    segment, now = _question(61)
    assert segment_state(segment, now, 60) == "over"
