"""The top line of every meeting screen: the meeting's title, the clock and the schedule."""

from __future__ import annotations

from datetime import datetime
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual.widget import Widget

from reviewtui import clock
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.tui.widgets.text import fit


def schedule_text(meeting: Meeting, now: datetime) -> str:
    """ "预计 16:52 结束 · 晚 7 分钟": projected end and how far off the plan, in whole minutes."""
    schedule = meeting.schedule(now)
    minutes = round(schedule.delta / 60)
    if minutes > 0:
        delta = t("agenda.schedule.behind", minutes=minutes)
    elif minutes < 0:
        delta = t("agenda.schedule.ahead", minutes=-minutes)
    else:
        delta = t("agenda.schedule.on_time")
    end = t("agenda.schedule.end", time=schedule.projected_end.strftime("%H:%M"))
    return f"{end} · {delta}"


RECOMPUTE = 5  # seconds between two looks at the schedule while nothing happens


class MeetingHeader(Widget):
    """Title on the left; clock and schedule on the right. Redrawn only when they change."""

    COMPONENT_CLASSES: ClassVar[set[str]] = {"meeting-header--title", "meeting-header--clock"}

    def __init__(self, meeting: Meeting, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.meeting = meeting
        self._second: int | None = None
        self._shown: tuple[str, str] = ("", "")

    def on_mount(self) -> None:
        self.tick(clock.now(), force=True)

    def tick(self, now: datetime, *, force: bool = False) -> None:
        """Recompute every few seconds (the schedule reads the database; it is shown in whole
        minutes), and at once after a command (`force`); redraw only on change."""
        second = int(now.timestamp())
        if not force and self._second is not None and 0 <= second - self._second < RECOMPUTE:
            return
        self._second = second
        shown = (now.strftime("%H:%M"), schedule_text(self.meeting, now))
        if shown != self._shown:
            self._shown = shown
            self.refresh()

    def render(self) -> Text:
        width = self.size.width
        now, schedule = self._shown
        right = Text.assemble(
            (now, self.get_component_rich_style("meeting-header--clock")), "  ", schedule, " "
        )
        room = width - cell_len(right.plain) - 2
        if room < 8:  # too narrow for both: the clock and schedule matter more than the title
            right = Text(fit(right.plain, width))
            room = 0
        title = Text(" " + fit(self.meeting.plan.meeting.title, max(room, 0)))
        title.stylize(self.get_component_rich_style("meeting-header--title"))
        gap = max(width - cell_len(title.plain) - cell_len(right.plain), 0)
        return Text.assemble(title, " " * gap, right)
