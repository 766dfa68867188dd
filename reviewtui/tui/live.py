"""The live screen of one agenda item: the big countdown, the record so far, the notes.

Keys (SPEC 5): r report/speech · q question · a answer · c comment · space pause/resume · e end ·
n next item · escape back to the agenda; and enter/delete on a record to correct or remove it,
ctrl+z undo, m notes, ? help. Every key is one core command, committed before the screen shows
it; the screen then re-reads what it shows from the database.
"""

from __future__ import annotations

from collections.abc import Callable
from functools import partial
from typing import TYPE_CHECKING, ClassVar, TypeVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.widgets import Static

from reviewtui import clock
from reviewtui import segment_kinds as kinds
from reviewtui.clock import format_duration
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting, Segment
from reviewtui.meeting.drafts import Correction
from reviewtui.textsafe import shown
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.help import HelpScreen
from reviewtui.tui.keys import localize, prepend_bindings, set_description
from reviewtui.tui.meeting_screen import MeetingScreen
from reviewtui.tui.segment_dialog import SegmentDialog
from reviewtui.tui.widgets.address_code import AddressCode
from reviewtui.tui.widgets.countdown import Countdown
from reviewtui.tui.widgets.header import MeetingHeader
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.notes import NotesArea
from reviewtui.tui.widgets.previous import PreviousProblems
from reviewtui.tui.widgets.records import RecordList, record_text

if TYPE_CHECKING:
    pass

T = TypeVar("T")

TICK = 0.25  # seconds between looks at the clock; the screen is redrawn only on change

# The keys of SPEC 5, shown on the first row of the footer (after the segment kinds' keys,
# `meeting_actions`); the rest go on the second row.
TIMER_ACTIONS = ("pause", "end", "next", "back")


def kind_action(name: str) -> str:
    """The action a segment kind's key runs: `action_<kind>` where the screen has one (a kind
    with its own behaviour), else the generic `start('<kind>')`."""
    return name if hasattr(LiveScreen, f"action_{name}") else f"start({name!r})"


def kind_bindings() -> list[Binding]:
    """One binding per segment kind with a key (`segment_kinds`), in registry order."""
    return [
        Binding(
            k.key,
            kind_action(k.name),
            k.label,
            tooltip=t("tip.kind", kind=t(k.label)),
            id=f"live.{k.name}",
        )
        for k in kinds.keyed()
        if k.key
    ]


def meeting_actions() -> tuple[str, ...]:
    return (*(b.action for b in kind_bindings()), *TIMER_ACTIONS)


def item_line(meeting: Meeting, item: Item) -> Text:
    """雁翅镇党委  述职人 雁翅镇党委书记 · 点评 区长 · 用活下派“第一书记”"""
    line = Text(shown(item.title), style="bold")
    parts: list[str] = []
    unit = meeting.plan.unit(item.unit) if item.unit else None
    if item.speaker:
        key = "live.item.reporter" if item.kind == "unit" else "live.item.speaker"
        parts.append(t(key, name=item.speaker))
    if unit is not None and unit.commenter:
        parts.append(t("live.item.commenter", name=unit.commenter))
    if item.planned:
        parts.append(t("live.item.planned", time=format_duration(item.planned)))
    if unit is not None and unit.topic:
        parts.append(unit.topic)
    if parts:
        line.append(shown("  " + " · ".join(parts)))
    return line


class LiveScreen(MeetingScreen):
    CSS_PATH = "live.tcss"
    HELP_MEETING = True  # the help adds the dialogs' keys and the focus rules

    AUTO_FOCUS = "#records"  # never a text field: single-letter keys work at once
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012 (Textual's own annotation)

    # The segment kinds' keys come first, from the registry (`kind_bindings`, added per screen).
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("space", "pause", "live.key.pause", key_display="live.space", id="live.pause"),
        Binding("e", "end", "live.key.end", id="live.end"),
        Binding("n", "next", "live.key.next", id="live.next"),
        Binding("escape", "back", "live.key.back", key_display="esc", id="live.back"),
        Binding("m", "notes", "live.key.notes", id="live.notes"),
        # listed by `?`, not in the footer: the live footer keeps to the meeting's keys
        Binding("z", "rectify", "rectify.key.open", show=False, id="live.rectify"),
        Binding("ctrl+z", "undo", "key.undo", id="live.undo"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="live.help"),
        Binding("w", "collect", "phones.key.collect", show=False, id="live.collect"),
    ]

    def __init__(self, item_id: int) -> None:
        super().__init__(id="live")
        prepend_bindings(self, kind_bindings())
        localize(self)
        self.item_id = item_id

    # -- layout ----------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        meeting = self.meeting
        yield MeetingHeader(meeting, id="header")
        yield Static(id="item-line")
        yield Countdown(meeting.plan.timing.warn, id="countdown")
        yield PreviousProblems(meeting.store, id="previous")
        yield AddressCode(id="address-code")  # while phones submit: the address to scan
        with Horizontal(id="live-body"):
            yield RecordList(id="records")
            yield NotesArea(meeting, self.review_app.pending, id="notes")
        with Vertical(id="keys"):
            actions = meeting_actions()
            yield KeyBar(include=actions, show_command_palette=False, id="keys-meeting")
            yield KeyBar(exclude=actions, id="keys-other")

    def on_mount(self) -> None:
        self._countdown = self.query_one(Countdown)  # looked up once: the tick runs 4x a second
        self._header = self.query_one(MeetingHeader)
        records = self.query_one(RecordList)
        records.border_title = t("live.records")
        notes = self.query_one(NotesArea)
        notes.cursor_blink = getattr(self.app, "cursor_blink", True)
        self.load_item(self.item_id)
        self.set_interval(TICK, self._tick)
        self.set_interval(2.0, self._collect_tick)
        self.call_after_refresh(self.reopen_dialog)

    def load_item(self, item_id: int) -> None:
        """Show `item_id` (the meeting's live item)."""
        self.item_id = item_id
        item = self.meeting.item(item_id)
        self.query_one(NotesArea).load(item_id)
        self.query_one(PreviousProblems).show(item.unit if item.kind == "unit" else None)
        key = {"unit": "kind.report", "speech": "kind.speech"}.get(item.kind, "live.key.timer")
        set_description(self, "report", key)
        self.refresh_state()

    def refresh_state(self) -> None:
        """Re-read the item, its segments and the schedule, and show them."""
        now = clock.now()
        meeting = self.meeting
        item = meeting.item(self.item_id)
        segments = meeting.segments(item.id)
        running = next((s for s in reversed(segments) if s.running), None)
        ended = [s for s in segments if not s.running]
        last = max(ended, key=lambda s: (s.ended_at, s.id)) if ended and not running else None
        idle = item.planned
        unit = meeting.plan.unit(item.unit) if item.unit else None
        if unit is not None:
            idle = meeting.plan.report_seconds(unit)
        line = item_line(meeting, item)
        collector = self.review_app.collector
        if item.kind == "assessment":  # while phones submit: returned of issued, never a grade
            line.append(shown(collector.status(self.review_app.store)))
        serving = item.kind == "assessment" and collector.running
        self.query_one(AddressCode).show(collector.url if serving else None)
        self.query_one("#item-line", Static).update(line)
        self.query_one(Countdown).show(item, running, last, now, idle)
        self.query_one(RecordList).show(item, segments, now)
        self.query_one(MeetingHeader).tick(now, force=True)

    def on_resize(self) -> None:
        self.query_one(Countdown).set_size_class(self.size.height)

    def _tick(self) -> None:
        now = clock.now()
        self._countdown.tick(now)
        self._header.tick(now)

    def _collect_tick(self) -> None:
        if self.review_app.collector.running:
            self.refresh_state()

    def action_collect(self) -> None:
        """`w`: start or close the phone form server (the assessment item only)."""
        collector = self.review_app.collector
        if collector.running:
            collector.stop()
            self.notify(t("phones.live_stopped"))
        elif self.meeting.item(self.item_id).kind != "assessment":
            self.notify(t("phones.live_only_assessment"), severity="warning")
            return
        else:
            ok, url = self._run(lambda: collector.start(self.review_app.store))
            if ok:
                self.notify(t("phones.live_started", url=url), timeout=15)
                for note in collector.notes:
                    self.notify(note, severity="warning", timeout=30)
        self.refresh_state()

    # -- running commands ------------------------------------------------------------------------

    def _run(self, command: Callable[[], T]) -> tuple[bool, T | None]:
        """Run one core command; a failed write is shown, never a crash. (ok, result)."""
        try:
            return True, command()
        except UserError as exc:
            self.notify("\n".join(exc.lines), severity="error", timeout=15)
        except LookupError:
            self.notify(t("live.agenda_done"), severity="warning")
        return False, None

    def _flush_notes(self) -> None:
        self.query_one(NotesArea).flush()

    def action_report(self) -> None:
        self._run(self.meeting.start_report)
        self.refresh_state()

    def action_question(self) -> None:
        ok, segment = self._run(partial(self.meeting.start_question, dialog=True))
        self.refresh_state()
        if ok and segment is not None:
            self.open_dialog(segment)

    def action_answer(self) -> None:
        ok, segment = self._run(partial(self.meeting.start_answer, dialog=True))
        if ok and segment is None:
            self.notify(t("live.no_question"), severity="warning")
        self.refresh_state()
        if ok and segment is not None:  # the gist of the answer, like the question (SPEC 5)
            self.open_dialog(segment)

    def action_comment(self) -> None:
        ok, segment = self._run(partial(self.meeting.start_comment, dialog=True))
        self.refresh_state()
        if ok and segment is not None:
            self.open_dialog(segment)

    def action_start(self, name: str) -> None:
        """A segment kind without an action of its own (`segment_kinds`): start it, and ask
        what was said if its dialog does."""
        kind = kinds.get(name)
        if kind is None:
            return
        ok, segment = self._run(lambda: self.meeting.start_kind(name))
        self.refresh_state()
        if ok and segment is not None and kind.text:
            self.open_dialog(segment)

    def action_pause(self) -> None:
        ok, segment = self._run(self.meeting.toggle_pause)
        if ok and segment is None:
            self.notify(t("live.nothing_running"), severity="warning")
        self.refresh_state()

    def action_end(self) -> None:
        ok, segment = self._run(self.meeting.end_segment)
        if ok and segment is None:
            self.notify(t("live.nothing_running"), severity="warning")
        self.refresh_state()

    def action_next(self) -> None:
        self._flush_notes()
        ok, item = self._run(self.meeting.next_item)
        if not ok:
            return
        if item is None:
            self.notify(t("live.agenda_done"))
            self.app.pop_screen()
            return
        self.load_item(item.id)

    def action_back(self) -> None:
        self._flush_notes()
        self.app.pop_screen()

    def action_notes(self) -> None:
        self.set_focus(self.query_one(NotesArea))

    def action_leave_field(self) -> None:
        """`escape` in the notes: the cursor leaves the field for the record list."""
        self.set_focus(self.query_one(RecordList))

    def action_undo(self) -> None:
        self._flush_notes()
        if self.undo_asks_first():
            return
        ok, undone = self._run(self.meeting.undo)
        if not ok:
            return
        self.tell_undone(undone)
        if undone is None:
            return
        current = self.meeting.current_item()
        if current is None or not current.timed:
            self.app.pop_screen()
        elif current.id != self.item_id:
            self.load_item(current.id)
        else:
            self.refresh_state()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def action_rectify(self) -> None:
        """The rectification list, at this unit's lines (all units' on another item)."""
        from reviewtui.tui.rectify_screen import RectifyScreen

        self._flush_notes()
        unit = self.meeting.item(self.item_id).unit
        self.app.push_screen(RectifyScreen(self.meeting.store, unit), callback=self._dialog_closed)

    # -- dialogs ---------------------------------------------------------------------------------

    def open_dialog(
        self, segment: Segment, *, correcting: bool = False, draft: Correction | None = None
    ) -> None:
        item = self.meeting.item(segment.item_id)
        dialog = SegmentDialog(
            self.meeting,
            segment,
            item,
            correcting=correcting,
            draft=draft,
            pending=self.review_app.pending,
        )
        self.app.push_screen(dialog, callback=self._dialog_closed)

    def _dialog_closed(self, _result: object = None) -> None:
        self.refresh_state()
        self.set_focus(self.query_one(RecordList))

    def reopen_dialog(self) -> None:
        """After a restart: the dialog that was open, with what had been typed into it."""
        segment_id = self.meeting.open_dialog()
        if segment_id is None:
            return
        try:
            segment = self.meeting.segment(segment_id)
        except KeyError:
            segment = None
        if segment is None or segment.item_id != self.item_id:
            self._run(lambda: self.meeting.set_open_dialog(None))
            return
        draft = self.meeting.correction(segment_id)  # None: a new record's dialog
        self.open_dialog(segment, correcting=draft is not None, draft=draft)

    def on_record_list_edit(self, message: RecordList.Edit) -> None:
        try:
            segment = self.meeting.segment(message.segment_id)
        except KeyError:
            return
        self.open_dialog(segment, correcting=True)

    def on_record_list_delete(self, message: RecordList.Delete) -> None:
        try:
            segment = self.meeting.segment(message.segment_id)
        except KeyError:
            return
        item = self.meeting.item(segment.item_id)
        question = (
            "live.confirm_delete_question"
            if segment.kind == "question"
            else ("live.confirm_delete")
        )
        detail = record_text(segment, item, None, clock.now())

        def answered(yes: bool | None) -> None:
            if yes:
                ok, _ = self._run(lambda: self.meeting.delete_segment(segment.id))
                if ok:
                    self.notify(t("live.deleted"))
            self._dialog_closed()

        self.app.push_screen(ConfirmDialog(t(question), detail), callback=answered)

    def flush(self) -> None:
        """Save whatever is unsaved (the app calls this before it quits)."""
        self._flush_notes()
