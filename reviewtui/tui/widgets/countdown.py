"""The big countdown of the running segment.

Time is derived, never counted: `tick(now)` computes what to show from the segment's stored
timestamps and the clock, and touches the screen only when the shown text changes (once a
second while a timer runs, never while paused or idle). Its state is always said in words as
well as colour: 计时中 / 即将到时 / 超时 / 已暂停 (RUNNING / TIME NEARLY UP / OVERTIME / PAUSED).
"""

from __future__ import annotations

from datetime import datetime

from rich.cells import cell_len
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widget import Widget
from textual.widgets import Digits, Static

from reviewtui import bigfont, clock
from reviewtui.clock import format_countdown, format_duration
from reviewtui.i18n import t
from reviewtui.meeting import Item, Segment
from reviewtui.tui.widgets.text import phase_name

STATES = ("idle", "ended", "running", "warn", "over", "paused")

# The projector's block font (`reviewtui.bigfont`, the one block font of the product): one pixel
# a column wide and half a row tall on a tall terminal, twice that on a very tall one.
SCALES = {1: (1, 1), 2: (2, 2)}


def big_lines(value: str, scale: int = 1) -> list[str]:
    """`value` ("-1:05") drawn in the block font at `scale` (1 or 2)."""
    drawable = "".join(ch for ch in value if ch in bigfont.FONT)
    return bigfont.big_lines(drawable, *SCALES[scale]) if drawable else []


class BigTime(Widget):
    """The remaining time in large block digits (used where the terminal is tall enough)."""

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.value = ""
        self.scale = 1

    def update(self, value: str) -> None:
        if value != self.value:
            resized = len(value) != len(self.value)
            self.value = value
            self.refresh(layout=resized)

    def set_scale(self, scale: int) -> None:
        if scale != self.scale:
            self.scale = scale
            self.refresh(layout=True)

    def get_content_width(self, container, viewport) -> int:  # type: ignore[no-untyped-def]
        lines = big_lines(self.value, self.scale)
        return max((cell_len(line) for line in lines), default=0)

    def render(self) -> Text:
        return Text("\n".join(big_lines(self.value, self.scale)), no_wrap=True)


def segment_state(segment: Segment, now: datetime, warn: float) -> str:
    if segment.ended_at is not None:
        return "ended"
    if segment.paused:
        return "paused"
    remaining = segment.remaining(now)
    if remaining is None:
        return "running"
    if remaining <= 0:
        return "over"
    if remaining <= clock.warn_at(segment.planned, warn):
        return "warn"
    return "running"


class Countdown(Widget):
    """Digits on the left; phase, speaker, limit and state in words on the right."""

    def __init__(self, warn: float, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.warn = warn
        self.item: Item | None = None
        self.segment: Segment | None = None  # the running (or paused) one
        self.last: Segment | None = None  # the latest ended one, shown while nothing runs
        self.idle_planned: float | None = None
        self._shown: tuple[str, ...] | None = None

    def compose(self) -> ComposeResult:
        yield Digits("0:00", id="count-digits")
        yield BigTime(id="count-big")
        with Vertical(id="count-side"):
            yield Static(id="count-phase")
            yield Static(id="count-detail")
            yield Static(id="count-state")

    def show(
        self,
        item: Item,
        segment: Segment | None,
        last: Segment | None,
        now: datetime,
        idle_planned: float | None = None,
    ) -> None:
        """Show `segment` (running), else `last` (ended), else the item not started yet."""
        self.item, self.segment, self.last = item, segment, last
        self.idle_planned = idle_planned
        self._shown = None
        self.tick(now)

    def set_size_class(self, height: int) -> None:
        """Block digits on tall terminals, twice as big on very tall ones; else 3-row digits."""
        self.set_class(height >= 30, "-tall")
        self.set_class(height >= 50, "-huge")
        self.query_one("#count-big", BigTime).set_scale(2 if height >= 50 else 1)
        if self._shown is not None:
            self.query_one("#count-big", BigTime).update(self._shown[1])
            self.query_one("#count-digits", Digits).update(self._shown[1])

    @property
    def time_text(self) -> str:
        """The time on show: "4:59", "-0:05" (or the spoken time of the last, ended segment)."""
        return self._shown[1] if self._shown else ""

    @property
    def state(self) -> str:
        return self._shown[0] if self._shown else "idle"

    def _compute(self, now: datetime) -> tuple[str, ...]:
        segment = self.segment or self.last
        if segment is None:
            planned = self.idle_planned
            digits = format_duration(planned) if planned else "0:00"
            hint = (
                "live.idle_hint.unit"
                if self.item and self.item.kind == "unit"
                else ("live.idle_hint.speech")
            )
            detail = t("live.limit", time=digits) if planned else ""
            return ("idle", digits, t("live.state.idle"), detail, t(hint))
        state = "ended" if segment is self.last else segment_state(segment, now, self.warn)
        elapsed = segment.elapsed(now)
        remaining = segment.remaining(now)
        if state == "ended" or remaining is None:
            digits = format_duration(elapsed)
        else:
            digits = format_countdown(remaining)
        phase = phase_name(segment.kind, self.item)
        if segment.speaker:
            phase = f"{phase} · {segment.speaker}"
        parts = []
        if segment.planned:
            parts.append(t("live.limit", time=format_duration(segment.planned)))
        parts.append(t("live.used", time=format_duration(elapsed)))
        words = t(f"live.state.{state}")
        return (state, digits, phase, "  ".join(parts), words)

    def tick(self, now: datetime) -> None:
        shown = self._compute(now)
        if shown == self._shown:
            return
        previous = self._shown
        self._shown = shown
        state, digits, phase, detail, words = shown
        if previous is None or previous[0] != state:
            for name in STATES:
                self.set_class(name == state, f"-{name}")
        # Only the digits on show are redrawn (the other set is updated when it is shown).
        if self.has_class("-tall"):
            self.query_one("#count-big", BigTime).update(digits)
        else:
            self.query_one("#count-digits", Digits).update(digits)
        if previous is None or previous[2] != phase:
            self.query_one("#count-phase", Static).update(Text(phase))
        if previous is None or previous[3] != detail:  # every second: no layout needed
            self.query_one("#count-detail", Static).update(Text(detail), layout=False)
        if previous is None or previous[4] != words:
            self.query_one("#count-state", Static).update(Text(words))
