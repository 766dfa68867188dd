"""The agenda screen, the first screen of `run`: every item of the meeting and where it stands.

Speeches, each on-site unit, the written units (marked 书面述职: graded but never timed), the
assessment and breaks, each with its reporter or speaker, commenter, planned and actual time and
status; above them the meeting's title, the clock and the schedule (projected end, how far ahead
or behind plan).
"""

from __future__ import annotations

from datetime import datetime, timedelta
from typing import TYPE_CHECKING, ClassVar

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import Static

from reviewtui import clock
from reviewtui.attendance import attendance
from reviewtui.clock import format_duration
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.meeting import Item, Meeting
from reviewtui.tui.help import HelpScreen
from reviewtui.tui.keys import localize
from reviewtui.tui.meeting_screen import MeetingScreen
from reviewtui.tui.widgets.agenda_table import AgendaTable
from reviewtui.tui.widgets.header import MeetingHeader
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.text import fit, phase_name

if TYPE_CHECKING:
    from reviewtui.store import Store

TICK = 0.25
COLUMNS = ("pos", "item", "speaker", "commenter", "planned", "actual", "status")
FLEX = {"item": 0.4, "speaker": 0.35, "commenter": 0.25}  # how spare width is shared
MIN_FLEX = {"item": 8, "speaker": 6, "commenter": 4}


class AgendaScreen(MeetingScreen):
    HELP_MEETING = True  # the help adds the dialogs' keys and the focus rules

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("b", "ballots", "agenda.key.ballots", id="agenda.ballots"),
        Binding("s", "results", "agenda.key.results", id="agenda.results"),
        Binding("x", "export", "agenda.key.export", id="agenda.export"),
        Binding("o", "settings", "agenda.key.settings", id="agenda.settings"),
        Binding("t", "time_stats", "stats.key.open", id="agenda.time_stats"),
        Binding("ctrl+z", "undo", "key.undo", id="agenda.undo"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="agenda.help"),
    ]

    AUTO_FOCUS = "#agenda-table"
    # Narrow (keys on two rows, app.tcss) below 82 columns: the keys and ctrl+p need 81 in English.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (82, "-wide")]  # noqa: RUF012 (Textual's own annotation)

    def __init__(self) -> None:
        super().__init__(id="agenda")
        localize(self)
        self._items: list[Item] = []
        self._widths: dict[str, int] = {}
        self._second: int | None = None
        self._ticker: Timer | None = None
        self._built = False  # the table is filled in on_mount, before the first frame
        self._covered = False

    def compose(self) -> ComposeResult:
        yield MeetingHeader(self.meeting, id="header")
        yield AgendaTable(id="agenda-table")
        yield Static(id="agenda-summary")
        yield KeyBar(id="agenda-keys")

    def on_mount(self) -> None:
        self._built = True
        self.rebuild(select_current=True)
        self._ticker = self.set_interval(TICK, self._tick)

    def on_screen_suspend(self) -> None:
        """Another screen covers this one: its clock stops looking at the time (CPU)."""
        self._covered = True
        if self.app.screen.is_modal or self._ticker is None:  # a dialog leaves it in view
            return
        self._ticker.pause()

    def on_screen_resume(self) -> None:
        if self._ticker is not None:
            self._ticker.resume()
        if self._covered:  # back from another screen (not first shown): show what was done there
            self._covered = False
            self.rebuild(select_current=True)

    def on_resize(self) -> None:
        # The first layout of the screen is a resize too: rebuilding then would only repeat
        # the table made in on_mount (and cost the first frame its rows).
        if self._built and self._column_widths(self._items) != self._widths:
            self.call_after_refresh(self.rebuild)

    # -- the table -------------------------------------------------------------------------------

    @property
    def table(self) -> AgendaTable:
        return self.query_one(AgendaTable)

    def _styles(self) -> dict[str, Style]:
        table = self.table
        return {
            name: table.get_component_rich_style(f"agenda--{name}", partial=True)
            for name in ("live", "done", "written", "over")
        }

    def _cells(self, item: Item, elapsed: float, style: dict[str, Style]) -> dict[str, Text]:
        """The row of `item`, which has been spoken for `elapsed` seconds."""
        unit = self.meeting.plan.unit(item.unit) if item.unit else None
        if not item.timed:
            status = Text(t("agenda.status.written"), style=style["written"])
        else:
            status = Text(t(f"agenda.status.{item.status}"), style=style.get(item.status, ""))
        planned = format_duration(item.planned) if item.planned else "—"
        actual = Text("—")
        if item.timed and item.status != "pending":
            actual = Text(format_duration(elapsed))
            if item.planned and elapsed >= item.planned + 1:
                actual.append(t("agenda.over_mark"))
                actual.stylize(style["over"])
        row_style = style["live"] if item.status == "live" else Style()
        if not item.timed:
            row_style = style["written"]
        texts = {
            "pos": Text(str(item.pos)),
            "item": Text(item.title),
            "speaker": Text(item.speaker or ""),
            "commenter": Text(unit.commenter if unit and unit.commenter else ""),
            "planned": Text(planned),
            "actual": actual,
            "status": status,
        }
        for name, text in texts.items():
            if name in self._widths and name != "actual":
                texts[name] = Text(fit(text.plain, self._widths[name]), style=text.style)
            texts[name].stylize_before(row_style)
        return texts

    def _column_widths(self, items: list[Item]) -> dict[str, int]:
        """Column widths for the screen's width: fixed ones first, the names share the rest."""
        headers = {name: t(f"agenda.col.{name}") for name in COLUMNS}
        statuses = [t(f"agenda.status.{s}") for s in ("pending", "live", "done", "written")]
        natural = {
            "pos": max(cell_len(headers["pos"]), len(str(len(items)))),
            "planned": max(cell_len(headers["planned"]), 5),
            "actual": max(cell_len(headers["actual"]), 6),
            "status": max(cell_len(s) for s in [headers["status"], *statuses]),
        }
        unit_of = {i.id: self.meeting.plan.unit(i.unit) if i.unit else None for i in items}
        texts = {
            "item": [i.title for i in items],
            "speaker": [i.speaker or "" for i in items],
            "commenter": [(u.commenter or "") if u else "" for u in unit_of.values()],
        }
        flex_natural = {
            name: max([cell_len(headers[name]), *(cell_len(x) for x in values)])
            for name, values in texts.items()
        }
        # Before the first layout the screen has no size yet; it will fill the app.
        width = max(self.size.width or self.app.size.width, 40)
        spare = width - 2 - 2 * len(COLUMNS) - sum(natural.values())  # 2: the scrollbar
        widths = dict(natural)
        if sum(flex_natural.values()) <= spare:
            widths.update(flex_natural)
        else:
            for name, share in FLEX.items():
                widths[name] = min(flex_natural[name], max(MIN_FLEX[name], int(spare * share)))
            left = spare - sum(widths[name] for name in FLEX)
            for name in FLEX:  # give what a capped column did not need to the others
                extra = min(left, flex_natural[name] - widths[name])
                if extra > 0:
                    widths[name] += extra
                    left -= extra
        return widths

    def rebuild(self, select_current: bool = False) -> None:
        """Re-read the agenda and redraw the table, keeping the selection."""
        if not self._built:
            return
        now = clock.now()
        table = self.table
        items = self.meeting.items()
        self._items = items
        widths = self._column_widths(items)
        selected = None if select_current else table.selected_key
        if widths != self._widths or not table.row_count:
            self._widths = widths
            header = [Text(fit(t(f"agenda.col.{name}"), widths[name])) for name in COLUMNS]
            table.set_columns(header, [widths[name] for name in COLUMNS])
        rows = []
        styles = self._styles()
        elapsed = self.meeting.elapsed_by_item(now)  # one query, not one per item
        for item in items:
            cells = self._cells(item, elapsed.get(item.id, 0.0), styles)
            rows.append((item.id, [cells[name] for name in COLUMNS]))
        table.set_rows(rows)
        if selected is None:
            current = self.meeting.current_item()
            target = current or next((i for i in items if i.status != "done" and i.timed), None)
            selected = target.id if target else None
        if selected is not None:
            table.select_key(selected)
        self._show_summary()
        self.query_one(MeetingHeader).tick(now, force=True)

    def _show_summary(self) -> None:
        plan = self.meeting.plan
        planned = plan.planned_seconds()
        text = t(
            "agenda.summary",
            items=len(self._items),
            onsite=len(plan.onsite_units),
            written=len(plan.written_units),
            planned=format_duration(planned),
        )
        if plan.meeting.start:
            start = datetime.strptime(plan.meeting.start, "%H:%M")
            end = start + timedelta(seconds=planned)
            text += t("agenda.summary_span", start=plan.meeting.start, end=f"{end:%H:%M}")
        if present := attendance_line(self.review_app.store):
            text += " · " + present
        self.query_one("#agenda-summary", Static).update(Text(text))

    def _selected_id(self) -> int | None:
        return self.table.selected_key

    def _tick(self) -> None:
        now = clock.now()
        self.query_one(MeetingHeader).tick(now)
        second = int(now.timestamp())
        if second == self._second:
            return
        self._second = second
        running = self.meeting.running()
        if running is None:
            return
        item = next((i for i in self._items if i.id == running.item_id), None)
        if item is not None and self.table.row_count:
            cells = self._cells(item, self.meeting.item_elapsed(item, now), self._styles())
            self.table.update_row(item.id, [cells[name] for name in COLUMNS])

    # -- actions ---------------------------------------------------------------------------------

    def on_agenda_table_opened(self, message: AgendaTable.Opened) -> None:
        self._open(message.key)

    def action_open_selected(self) -> None:
        item_id = self._selected_id()
        if item_id is not None:
            self._open(item_id)

    def _open(self, item_id: int) -> None:
        item = self.meeting.item(item_id)
        if not item.timed:
            self.notify(t("agenda.written_notice", unit=item.title))
            return
        self.review_app.open_live(item.id)

    # The other screens are imported when first opened, not at launch (start-up time is a goal),
    # but as plain imports: a broken screen is a bug that shows, never a message in a toast.

    def action_ballots(self) -> None:
        from reviewtui.tui.ballots import BallotScreen

        self.app.push_screen(BallotScreen(self.review_app.store))

    def action_results(self) -> None:
        from reviewtui.tui.results import ResultsScreen

        self.app.push_screen(ResultsScreen(self.review_app.store))

    def action_export(self) -> None:
        from reviewtui.tui.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(self.review_app.store))

    def action_settings(self) -> None:
        from reviewtui.tui.settings import SettingsScreen

        self.app.push_screen(SettingsScreen(self.review_app.store))

    def action_undo(self) -> None:
        if self.undo_asks_first():
            return
        try:
            undone = self.meeting.undo()
        except UserError as exc:
            self.notify("\n".join(exc.lines), severity="error", timeout=15)
            return
        self.tell_undone(undone)
        self.rebuild()

    def action_time_stats(self) -> None:
        from reviewtui.tui.time_stats_screen import TimeStatsScreen

        self.app.push_screen(TimeStatsScreen(self.review_app.store))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))


def attendance_line(store: Store) -> str | None:
    """ "应到 102 · 实到 98 · 请假 4" over all groups, once some attendance is recorded."""
    rows = attendance(store)
    if all(a.present is None and a.absent is None for a in rows):
        return None

    def total(values: list[int | None]) -> str:
        return t("attendance.unknown") if None in values else str(sum(v or 0 for v in values))

    return t(
        "attendance.summary",
        expected=total([a.expected for a in rows]),
        present=total([a.present for a in rows]),
        absent=total([a.absent for a in rows]),
    )


def ended_notice(meeting: Meeting, item_id: int) -> str | None:
    """What opening `item_id` would end: the segment running on another item, said in words."""
    running = meeting.running()
    if running is None or running.item_id == item_id:
        return None
    other = meeting.item(running.item_id)
    phase = phase_name(running.kind, other).lower()  # "the report"; Chinese has no case
    return t("agenda.ended_running", item=other.title, phase=phase)
