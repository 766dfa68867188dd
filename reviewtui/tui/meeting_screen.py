"""What the agenda and live screens share: the meeting they show, and how an undo is told."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.screen import Screen

from reviewtui.i18n import CATALOG, t

if TYPE_CHECKING:
    from reviewtui.meeting import Meeting
    from reviewtui.meeting.models import Undone
    from reviewtui.tui.app import ReviewApp


class MeetingScreen(Screen[None]):
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
        self.notify(t("live.undone", what=t(key) if key in CATALOG else undone.action))
