"""The record of the live item so far: one entry per segment, selectable for corrections."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.binding import Binding, BindingType
from textual.message import Message
from textual.widgets import OptionList
from textual.widgets.option_list import Option

from reviewtui import clock, textsafe
from reviewtui import segment_kinds as kinds
from reviewtui.clock import format_duration
from reviewtui.i18n import t
from reviewtui.meeting import Item, Segment
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.text import fit, phase_name

WHO_WIDTH = 20  # cells: longer names are cut with "…" so that the durations line up
MIN_WHO_WIDTH = 6  # cells: where even that does not fit, the line wraps rather than cut more


def who_of(segment: Segment, item: Item | None, asker: str | None) -> str:
    """Who spoke; for the reporter's answer, whose question it answers (→ 党代表 张建国)."""
    if segment.kind == "answer" and asker:
        if item is None or not segment.speaker or segment.speaker == item.speaker:
            return f"→ {asker}"
        return f"{segment.speaker} → {asker}"
    return segment.speaker


def record_tail(segment: Segment, now: datetime) -> list[tuple[str, str]]:
    """The end of a record's first line, (text, style) pieces: `[计时中]`, or its duration and
    how far over its plan it went."""
    if segment.running:
        mark = t("live.paused_mark") if segment.paused else t("live.running_mark")
        return [(f"[{mark}]", "running")]
    elapsed = segment.elapsed(now)
    pieces = [(format_duration(elapsed), "time")]
    if segment.planned and elapsed >= segment.planned + 1:
        over = format_duration(elapsed - segment.planned)
        pieces += [("  ", ""), (t("live.over_by", time=over), "over")]
    return pieces


def head_width() -> int:
    """Cells before the name: `14:35:02  提问  `."""
    return 8 + 2 + max(cell_len(phase_name(kind)) for kind in kinds.names()) + 2


def record_text(
    segment: Segment,
    item: Item | None,
    asker: str | None,
    now: datetime,
    styles: dict[str, Style] | None = None,
    who_width: int = 0,
) -> Text:
    """One record: `14:35:02  提问  党代表 张建国  0:55`, then what was said on its own line.

    Every piece of user text goes in as plain text, never as markup. `who_width` pads the name
    (by cell width: Chinese is double width) so that the durations line up.
    """
    styles = styles or {}
    kind = phase_name(segment.kind, item)
    line = Text()
    line.append(segment.started_at.strftime("%H:%M:%S"), styles.get("time", ""))
    line.append("  ")
    line.append(kind, styles.get("kind", ""))
    # At least two spaces: a kind this release does not declare may be longer than its own.
    line.append(" " * max(head_width() - line.cell_len, 2))
    who = who_of(segment, item, asker)
    if who:
        shown = fit(who, who_width) if who_width else textsafe.shown(who)
        line.append(shown, styles.get("speaker", ""))
        line.append(" " * max(who_width - cell_len(shown), 0))
        line.append("  ")
    elif who_width:
        line.append(" " * (who_width + 2))
    for piece, style in record_tail(segment, now):
        line.append(piece, styles.get(style, ""))
    if segment.text:
        line.append("\n")
        line.append("    ")
        line.append(textsafe.shown(segment.text), styles.get("text", ""))
    return line


class RecordList(OptionList):
    """The item's segments, oldest first. `enter` corrects the selected one, `delete` removes it."""

    HELP_KEYS = True  # the help screen lists these keys
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "edit", "live.key.edit", key_display="↵", id="live.edit"),
        Binding("delete,backspace", "delete", "key.delete", key_display="del", id="live.delete"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "records--time",
        "records--kind",
        "records--speaker",
        "records--running",
        "records--over",
        "records--text",
    }

    @dataclass
    class Edit(Message):
        """enter on a record: correct it."""

        records: RecordList
        segment_id: int

        @property
        def control(self) -> RecordList:
            return self.records

    @dataclass
    class Delete(Message):
        """delete on a record: remove it (after a confirmation)."""

        records: RecordList
        segment_id: int

        @property
        def control(self) -> RecordList:
            return self.records

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id, markup=False)
        localize(self)
        self.segments: list[Segment] = []
        self._item: Item | None = None
        self._shown_ids: set[int] = set()
        self._width = 0

    def _styles(self) -> dict[str, Style]:
        return {
            name: self.get_component_rich_style(f"records--{name}", partial=True)
            for name in ("time", "kind", "speaker", "running", "over", "text")
        }

    def show(self, item: Item, segments: list[Segment], now: datetime) -> None:
        """Rebuild the list, keeping the selection on the same record where it still exists, on
        its place where it was deleted; a new record takes it, as the meeting goes on."""
        selected = self.selected_id
        place = self.highlighted
        self._item = item
        self.segments = segments
        by_id = {s.id: s for s in segments}
        styles = self._styles()
        askers = {
            s.id: by_id[s.question_id].speaker if s.question_id in by_id else None for s in segments
        }
        who_width = min(
            max((cell_len(who_of(s, item, askers[s.id])) for s in segments), default=0),
            WHO_WIDTH,
        )
        # On a narrow terminal the names give way, so that a record's first line (its time,
        # duration and overtime) stays on one line.
        room = self.scrollable_content_region.width
        if room and segments:
            tail = max(sum(cell_len(p) for p, _ in record_tail(s, now)) for s in segments)
            fits = room - head_width() - 2 - tail
            if fits >= MIN_WHO_WIDTH:  # else the line wraps anyway: keep the names readable
                who_width = min(who_width, fits)
        options = [
            Option(
                record_text(segment, item, askers[segment.id], now, styles, who_width),
                id=str(segment.id),
            )
            for segment in segments
        ]
        if not options:
            options.append(Option(Text(t("live.records_empty")), disabled=True))
        self.set_options(options)
        ids = [s.id for s in segments]
        grew = bool(set(ids) - self._shown_ids)
        self._shown_ids = set(ids)
        if selected in ids and not grew:
            self.highlighted = ids.index(selected)
        elif ids and not grew and selected is not None and place is not None:
            self.highlighted = min(place, len(ids) - 1)  # deleted: the record that took its place
        elif ids:  # a new record: follow it, as the meeting goes on
            self.highlighted = len(ids) - 1

    def on_resize(self) -> None:
        width = self.scrollable_content_region.width
        if width != self._width and self._item is not None:  # the names' width follows
            self._width = width
            self.show(self._item, self.segments, clock.now())

    @property
    def selected_id(self) -> int | None:
        option = self.highlighted_option
        if option is None or option.id is None:
            return None
        return int(option.id)

    def action_edit(self) -> None:
        if (segment_id := self.selected_id) is not None:
            self.post_message(self.Edit(self, segment_id))

    def action_delete(self) -> None:
        if (segment_id := self.selected_id) is not None:
            self.post_message(self.Delete(self, segment_id))
