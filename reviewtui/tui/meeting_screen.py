"""What the agenda and live screens share: the meeting they show, and how an undo is told."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from textual.screen import Screen

from reviewtui import clock
from reviewtui.i18n import CATALOG, t
from reviewtui.meeting.undo_time import time_change
from reviewtui.present.numbers import duration

if TYPE_CHECKING:
    from reviewtui.meeting import Meeting
    from reviewtui.meeting.models import Undone
    from reviewtui.tui.app import ReviewApp


ARM_SECONDS = 10.0  # a second ctrl+z within this confirms the undo of an old timing command


class MeetingScreen(Screen[None]):
    _undo_armed: tuple[int, datetime] | None = None

    def undo_asks_first(self) -> bool:
        """True when ctrl+z must not undo yet: the last command is a timing one older than a
        few seconds, so the screen says what would change in time ("撤销继续计时：此后的 0:04
        将记为暂停") and a second ctrl+z undoes it. Right after the key press: False, one key."""
        now = clock.now()
        change = time_change(self.meeting.store, self.meeting.last_undoable(), now)
        armed, self._undo_armed = self._undo_armed, None
        if change is None:
            return False
        if armed is not None and armed[0] == change.tx and _within(armed[1], now):
            return False
        self._undo_armed = (change.tx, now)
        told = t(f"live.undo_time.{change.action}", time=duration(change.seconds))
        self.notify(f"{told}\n{t('live.undo_time.again')}", severity="warning", timeout=ARM_SECONDS)
        return True

    @property
    def meeting(self) -> Meeting:
        return self.review_app.meeting

    @property
    def review_app(self) -> ReviewApp:
        return self.app  # type: ignore[return-value]

    def tell_undone(self, undone: Undone | None) -> None:
        """ "Undone: pausing", or that there was nothing to undo."""
        if undone is None:
            self.notify(t("live.nothing_to_undo"), severity="warning")
            return
        key = f"live.action.{undone.action}"
        self.notify(t("ballot.undone", what=t(key) if key in CATALOG else undone.action))


def _within(armed_at: datetime, now: datetime) -> bool:
    return (now - armed_at).total_seconds() <= ARM_SECONDS
