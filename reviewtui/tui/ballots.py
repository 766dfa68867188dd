"""Ballot entry (SPEC section 5; `b` on the agenda): paper forms typed in fast and checked twice.

The screen opens on the grid, the ballot id already filled with the next free number and the
group of the last ballot kept, so a 15-unit one-item ballot is 15 digit presses and `ctrl+s`.
One row per unit (on-site and written), one column per form item: on a graded cell `1`..`9` give
the 1st..9th grade and move on, `0` leaves it blank and moves on; a numeric cell takes a number
and `enter`. `ctrl+s` saves the ballot in one transaction, committed before the screen says so.

With double entry the screen works in entry round 1 or 2 (`e` switches). A round never shows the
other round's values; when the two entries of a form disagree the differing cells are listed and
the wrong entry is typed again from a blank form, never edited to match.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Input, Label, Select, Static
from textual.widgets.data_table import RowDoesNotExist

from reviewtui.assessment import ballots
from reviewtui.assessment.ballots import MISMATCHED, SINGLE, Ballot, Comparison
from reviewtui.assessment.forms import Cell, CellError, Form, Value, format_value, normalize_code
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan import FormItem, Unit
from reviewtui.store import Store
from reviewtui.tui.help import HelpScreen, localize
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.text import fit

# The keys of typing a ballot, on the first footer row; everything else on the second.
ENTRY_ACTIONS = ("hint", "hint_blank", "save", "next_group", "focus_code", "focus_who", "new")

# Cells of a unit's row label (its name, and the written mark): a longer name is cut, so that
# the grade columns stay in view on a narrow terminal.
LABEL_WIDTH = 24

# What ctrl+z here can take back: the screen's own commands, never a whole imported file.
UNDOABLE = ("ballot.save", "ballot.correct", "ballot.retype", "ballot.delete")

SEVERITY_STYLE = {
    "info": "",
    "success": "bold green",
    "warning": "bold yellow",
    "error": "bold red",
}


def _value_text(value: Value | None) -> Text:
    return Text("·", style="dim") if value is None else Text(format_value(value))


# ------------------------------------------------------------------------------------------------
# The grid


class BallotGrid(DataTable[Text]):
    """The form: one row per unit, one column per item, typed into with digit keys.

    The grid holds the ballot being typed until `ctrl+s`; saved ballots live in the database.
    """

    HELP_KEYS = True
    # Digits are handled in `on_key` (they depend on the cell); these bindings only name them
    # in the footer and the help screen.
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "hint", "ballot.key.grade", key_display="1–9", id="ballot.grade"),
        Binding("0", "hint_blank", "ballot.key.blank", id="ballot.blank"),
    ]

    @dataclass
    class Edited(Message):
        """A cell was filled or cleared."""

        grid: BallotGrid
        cell: Cell
        value: Value | None

        @property
        def control(self) -> BallotGrid:
            return self.grid

    @dataclass
    class Refused(Message):
        """A key the cell cannot take; `reason` says why."""

        grid: BallotGrid
        reason: str

        @property
        def control(self) -> BallotGrid:
            return self.grid

    @dataclass
    class Full(Message):
        """The last cell was filled: the next step is `ctrl+s`."""

        grid: BallotGrid

        @property
        def control(self) -> BallotGrid:
            return self.grid

    def __init__(self, form: Form, units: tuple[Unit, ...], *, id: str | None = None) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        localize(self)
        self.form = form
        self.units = units
        self.values: dict[Cell, Value] = {}
        self.buffer = ""  # digits typed into a numeric cell, not yet entered

    def on_mount(self) -> None:
        grade_width = max(cell_len(g.grade) for g in self.form.scale)
        for item in self.form.items:
            width = max(cell_len(item.name), 6 if item.max is not None else grade_width, 4)
            self.add_column(Text(item.name), width=width, key=item.name)
        for unit in self.units:
            mark = t("ballot.written") if unit.mode == "written" else ""
            label = Text(fit(unit.name, LABEL_WIDTH - cell_len(mark)))
            label.append(mark, style="dim")
            self.add_row(*[_value_text(None)] * len(self.form.items), key=unit.name, label=label)

    # -- where the cursor is -----------------------------------------------------------------

    def cell_at(self, coordinate: Coordinate) -> tuple[Cell, FormItem]:
        item = self.form.items[coordinate.column]
        return (self.units[coordinate.row].name, item.name), item

    @property
    def current(self) -> tuple[Cell, FormItem]:
        return self.cell_at(self.cursor_coordinate)

    # -- filling cells -----------------------------------------------------------------------

    def set_value(self, cell: Cell, value: Value | None) -> None:
        if value is None:
            self.values.pop(cell, None)
        else:
            self.values[cell] = value
        self.update_cell(cell[0], cell[1], _value_text(value))
        self.post_message(self.Edited(self, cell, value))

    def load(self, values: dict[Cell, Value]) -> None:
        """Show these values (an empty dict: a blank form) with the cursor on the first cell."""
        self.buffer = ""
        self.values = dict(values)
        for unit in self.units:
            for item in self.form.items:
                self.update_cell(
                    unit.name, item.name, _value_text(values.get((unit.name, item.name)))
                )
        self.move_cursor(row=0, column=0)

    def advance(self) -> None:
        row, column = self.cursor_coordinate
        if column + 1 < len(self.form.items):
            self.move_cursor(column=column + 1)
        elif row + 1 < len(self.units):
            self.move_cursor(row=row + 1, column=0)
        else:
            self.post_message(self.Full(self))

    def commit_buffer(self, *, advance: bool = False) -> bool:
        """Enter the number typed into the current cell; False (and a reason) if it is bad."""
        cell, item = self.current
        if not self.buffer:
            if advance:
                self.advance()
            return True
        try:
            value = self.form.parse(item, self.buffer)
        except CellError as exc:
            self.post_message(self.Refused(self, exc.message))
            return False
        self.buffer = ""
        self.set_value(cell, value)
        if advance:
            self.advance()
        return True

    def _show_buffer(self) -> None:
        cell, item = self.current
        shown = Text(self.buffer + "▏", style="bold")
        try:
            self.form.parse(item, self.buffer)
        except CellError:
            if self.buffer not in (".",):
                shown.stylize("red")
        self.update_cell(cell[0], cell[1], shown)

    def watch_cursor_coordinate(self, old: Coordinate, new: Coordinate) -> None:
        if self.buffer and old != new:
            # Moving away enters the number typed so far, or drops it with the reason.
            typed, self.buffer = self.buffer, ""
            cell, item = self.cell_at(old)
            try:
                self.set_value(cell, self.form.parse(item, typed))
            except CellError as exc:
                self.update_cell(cell[0], cell[1], _value_text(self.values.get(cell)))
                self.post_message(self.Refused(self, exc.message))
        super().watch_cursor_coordinate(old, new)

    def on_key(self, event: events.Key) -> None:
        if self.row_count == 0:
            return
        cell, item = self.current
        key, char = event.key, event.character or ""
        handled = True
        if item.max is None:
            if len(key) == 1 and key in "0123456789":
                digit = int(key)
                if digit == 0:
                    self.set_value(cell, None)
                    self.advance()
                elif digit <= len(self.form.scale):
                    self.set_value(cell, self.form.scale[digit - 1].grade)
                    self.advance()
                else:
                    count = len(self.form.scale)
                    self.post_message(self.Refused(self, t("ballot.too_few_grades", count=count)))
            elif key in ("backspace", "delete"):
                self.set_value(cell, None)
            elif key == "enter":
                self.advance()
            else:
                handled = False
        elif char and char in "0123456789.":
            self.buffer += char
            self._show_buffer()
        elif key == "backspace":
            if self.buffer:
                self.buffer = self.buffer[:-1]
                if self.buffer:
                    self._show_buffer()
                else:
                    self.update_cell(cell[0], cell[1], _value_text(self.values.get(cell)))
            else:
                self.set_value(cell, None)
        elif key == "delete":
            self.buffer = ""
            self.set_value(cell, None)
        elif key == "enter":
            self.commit_buffer(advance=True)
        elif key == "escape" and self.buffer:
            self.buffer = ""
            self.update_cell(cell[0], cell[1], _value_text(self.values.get(cell)))
        else:
            handled = False
        if handled:
            event.stop()
            event.prevent_default()

    def action_hint(self) -> None:
        """Never reached (digits are taken in `on_key`); the binding only names the keys."""

    def action_hint_blank(self) -> None:
        """As `action_hint`."""


# ------------------------------------------------------------------------------------------------
# The two entries of a form disagree


class MismatchScreen(ModalScreen[int | None]):
    """The cells where the two entries differ; `1` or `2` picks the entry to type again."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("1", "retype(1)", "ballot.key.retype1", id="ballot.retype1"),
        Binding("2", "retype(2)", "ballot.key.retype2", id="ballot.retype2"),
        Binding("escape", "later", "ballot.later", id="ballot.later"),
    ]

    def __init__(self, comparison: Comparison) -> None:
        super().__init__(id="ballot-mismatch")
        localize(self)
        self.comparison = comparison

    def compose(self) -> ComposeResult:
        c = self.comparison
        with Vertical(id="mismatch-box") as box:
            box.border_title = t("ballot.mismatch_title", code=c.code, count=len(c.diffs))
            yield Static(Text(t("ballot.mismatch_help")), id="mismatch-help")
            yield DataTable(id="mismatch-cells", cursor_type="row", zebra_stripes=True)
            keys = Text()
            keys.append(" 1 ", style="reverse")
            keys.append(" " + t("ballot.key.retype1") + "   ")
            keys.append(" 2 ", style="reverse")
            keys.append(" " + t("ballot.key.retype2") + "   ")
            keys.append(" Esc ", style="reverse")
            keys.append(" " + t("ballot.later"))
            yield Static(keys, id="mismatch-keys")

    def on_mount(self) -> None:
        table = self.query_one("#mismatch-cells", DataTable)
        table.add_columns(
            Text(t("ballot.col.unit")),
            Text(t("ballot.col.item")),
            Text(t("ballot.col.entry", entry=1)),
            Text(t("ballot.col.entry", entry=2)),
        )
        blank = Text(t("ballot.blank"), style="dim")
        for diff in self.comparison.diffs:
            if diff.unit is None:  # the group field
                where = [Text(t("ballot.field.group"), style="bold"), Text("")]
            else:
                where = [Text(diff.unit), Text(diff.item or "")]
            first = blank if diff.first is None else Text(format_value(diff.first), style="bold")
            second = blank if diff.second is None else Text(format_value(diff.second), style="bold")
            table.add_row(*where, first, second)

    def action_retype(self, entry: int) -> None:
        self.dismiss(entry)

    def action_later(self) -> None:
        self.dismiss(None)


# ------------------------------------------------------------------------------------------------
# The screen


class BallotScreen(Screen[None]):
    CSS_PATH = "ballots.tcss"
    AUTO_FOCUS = "#ballot-grid"
    HORIZONTAL_BREAKPOINTS: ClassVar[list[tuple[int, str]]] = [(0, "-narrow"), (80, "-wide")]

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "ballot.key.save", id="ballot.save"),
        Binding("g", "next_group", "ballot.key.group", id="ballot.group"),
        Binding("i", "focus_code", "ballot.key.code", id="ballot.code"),
        Binding("w", "focus_who", "ballot.key.who", id="ballot.who"),
        Binding("n", "new", "ballot.key.new", id="ballot.new"),
        Binding("l", "focus_list", "ballot.key.list", id="ballot.list"),
        Binding("d", "delete", "ballot.key.delete", id="ballot.delete"),
        Binding("e", "switch_round", "ballot.key.round", id="ballot.round"),
        Binding("x", "export", "ballot.key.export", id="ballot.export"),
        Binding("ctrl+z", "undo", "ballot.key.undo", id="ballot.undo"),
        Binding("escape", "back", "ballot.key.back", id="ballot.back"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="ballot.help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="ballots")
        localize(self)
        self.store = store
        self.plan = store.plan
        self.form = Form.of(self.plan)
        self.double = self.plan.assessment.double_entry
        self.entry = 1
        self.editing: Ballot | None = None  # the saved entry being corrected or retyped
        self.retyping = False
        self._armed: str | None = None  # an action waiting for its confirming second press
        self._taken_shown = False  # the message line warns that the typed id is taken
        last = store.conn.execute(
            "SELECT grp, entered_by FROM ballots ORDER BY created_at DESC, id DESC LIMIT 1"
        ).fetchone()
        self.group = last[0] if last and last[0] in self.form.groups else self.form.groups[0]
        self.who = (last[1] if last and last[1] else "") or ballots.default_entered_by()

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="ballot-title")
        with Horizontal(id="ballot-fields"):
            yield Label(Text(t("ballot.field.code")), classes="ballot-label")
            yield Input(ballots.next_code(self.store, self.entry), id="ballot-code", compact=True)
            yield Label(Text(t("ballot.field.group")), classes="ballot-label")
            yield Select(
                [(Text(g), g) for g in self.form.groups],
                allow_blank=False,
                value=self.group,
                type_to_search=False,
                compact=True,
                id="ballot-group",
            )
            yield Label(Text(t("ballot.field.entered_by")), classes="ballot-label")
            yield Input(self.who, id="ballot-who", compact=True)
        yield Static(id="ballot-progress")
        with Horizontal(id="ballot-body"):
            yield BallotGrid(self.form, self.plan.units, id="ballot-grid")
            with Vertical(id="ballot-side"):
                yield Static(id="ballot-saved-title")
                yield DataTable(id="ballot-saved", cursor_type="row", zebra_stripes=True)
        yield Static(id="ballot-message")
        yield Static(id="ballot-status")
        with Vertical(id="ballot-keys"):
            yield KeyBar(include=ENTRY_ACTIONS, show_command_palette=False, id="ballot-keys-entry")
            yield KeyBar(exclude=ENTRY_ACTIONS, id="ballot-keys-other")

    def on_mount(self) -> None:
        saved = self.saved_table
        saved.add_column(Text(t("ballot.col.code")), key="code")
        saved.add_column(Text(t("ballot.col.group")), key="group")
        saved.add_column(Text(t("ballot.col.filled")), key="filled")
        if self.double:
            saved.add_column(Text(t("ballot.col.check")), key="check")
        self.refresh_all()

    @property
    def grid(self) -> BallotGrid:
        return self.query_one("#ballot-grid", BallotGrid)

    @property
    def code_input(self) -> Input:
        return self.query_one("#ballot-code", Input)

    @property
    def who_input(self) -> Input:
        return self.query_one("#ballot-who", Input)

    @property
    def group_select(self) -> Select[str]:
        return self.query_one("#ballot-group", Select)

    @property
    def saved_table(self) -> DataTable[Text]:
        return self.query_one("#ballot-saved", DataTable)

    # -- what the screen shows ---------------------------------------------------------------

    def refresh_all(self) -> None:
        self.show_title()
        self.show_progress()
        self.show_saved()
        self.show_status()

    def show_title(self) -> None:
        title = Text(t("ballot.title"), style="bold")
        if self.double:  # which round this is matters more than the meeting's long title
            title.append("  ")
            title.append(f" {t('ballot.round', entry=self.entry)} ", style="bold reverse")
        title.append("  ")
        title.append(self.plan.meeting.title, style="dim")
        self.query_one("#ballot-title", Static).update(title)

    def show_progress(self) -> None:
        line = Text(t("ballot.progress"), style="dim")
        for index, progress in enumerate(ballots.progress(self.store, self.entry)):
            if index:
                line.append(" · ", style="dim")
            issued = "—" if progress.issued is None else str(progress.issued)
            style = "bold" if progress.group == self.group else ""
            line.append(progress.group, style=style)
            line.append(f" {progress.entered}/{issued}", style=style)
            if progress.over_issued:
                line.append(t("ballot.over_issued"), style="bold red")
        self.query_one("#ballot-progress", Static).update(line)

    def show_saved(self) -> None:
        table = self.saved_table
        selected = self._selected_id()
        table.clear()
        entered = ballots.load(self.store, entry=self.entry)
        checks: dict[str, Comparison] = {}
        if self.double:
            checks = {c.code: c for c in ballots.compare_store(self.store)}
        for ballot in entered:
            row = [Text(ballot.code), Text(ballot.group), Text(str(len(ballot.marks)))]
            if self.double:
                row.append(self._check_text(checks.get(ballot.code)))
            table.add_row(*row, key=str(ballot.id))
        if selected is not None:
            with suppress(RowDoesNotExist):  # gone (deleted): the cursor stays where it is
                table.move_cursor(row=table.get_row_index(str(selected)), scroll=True)
        self.query_one("#ballot-saved-title", Static).update(
            Text(t("ballot.saved_list", entry=self.entry), style="bold")
        )

    def _check_text(self, comparison: Comparison | None) -> Text:
        if comparison is None or comparison.status == SINGLE:
            return Text(t("ballot.check.single", entry=3 - self.entry), style="yellow")
        if comparison.status == MISMATCHED:
            return Text(t("ballot.check.mismatched"), style="bold red")
        return Text(t("ballot.check.confirmed"), style="green")

    def show_status(self) -> None:
        grid = self.grid
        total = len(self.form.units) * len(self.form.items)
        line = Text(t("ballot.filled", filled=len(grid.values), total=total))
        if grid.row_count:
            _, item = grid.current
            line.append("   ")
            if item.max is None:
                grades = "/".join(g.grade for g in self.form.scale)
                hint = t("ballot.hint.grades", count=len(self.form.scale), grades=grades)
            else:
                hint = t("ballot.hint.number", max=format_value(item.max))
            line.append(hint, style="dim")
        self.query_one("#ballot-status", Static).update(line)

    def say(self, text: str, severity: str = "info") -> None:
        self.query_one("#ballot-message", Static).update(Text(text, style=SEVERITY_STYLE[severity]))
        if severity == "error":
            self.app.bell()

    def _arm(self, action: str, text: str) -> bool:
        """True when `action` was already armed (this is the confirming second press)."""
        if self._armed == action:
            self._armed = None
            return True
        self._armed = action
        self.say(text, "warning")
        return False

    # -- state of the form -------------------------------------------------------------------

    @property
    def dirty(self) -> bool:
        grid = self.grid
        start = self.editing.marks if self.editing is not None and not self.retyping else {}
        return bool(grid.buffer) or grid.values != start

    def reset_form(self) -> None:
        self.editing = None
        self.retyping = False
        self._armed = None
        self.grid.load({})
        self.code_input.value = ballots.next_code(self.store, self.entry)
        self.grid.focus()

    def _selected_id(self) -> int | None:
        table = self.saved_table
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        return int(row_key.value) if row_key.value is not None else None

    # -- messages from the widgets -----------------------------------------------------------

    def on_ballot_grid_edited(self, _: BallotGrid.Edited) -> None:
        self._armed = None
        self.show_status()

    def on_ballot_grid_refused(self, message: BallotGrid.Refused) -> None:
        self.say(message.reason, "error")

    def on_ballot_grid_full(self, _: BallotGrid.Full) -> None:
        self.say(t("ballot.form_full"))

    def on_data_table_cell_highlighted(self, message: DataTable.CellHighlighted) -> None:
        if message.data_table is self.grid:
            self.show_status()

    def on_input_changed(self, message: Input.Changed) -> None:
        if message.input.id == "ballot-code":
            code = normalize_code(message.value)
            mine = self.editing is not None and self.editing.code == code
            if code and not mine and code in ballots.codes(self.store, self.entry):
                self.say(t("ballot.taken_live", code=code, entry=self.entry), "warning")
                self._taken_shown = True
            elif self._taken_shown:
                self._taken_shown = False
                self.query_one("#ballot-message", Static).update("")

    def on_input_submitted(self, _: Input.Submitted) -> None:
        self.grid.focus()

    def on_select_changed(self, message: Select.Changed) -> None:
        if message.select.id == "ballot-group" and isinstance(message.value, str):
            self.group = message.value
            self.show_progress()

    def on_data_table_row_selected(self, message: DataTable.RowSelected) -> None:
        if message.data_table is self.saved_table and message.row_key.value is not None:
            self.open_saved(int(message.row_key.value))

    # -- actions -----------------------------------------------------------------------------

    def action_save(self) -> None:
        grid = self.grid
        if grid.buffer and not grid.commit_buffer():
            return
        marks = dict(grid.values)
        if not marks and not self._arm("blank", t("ballot.all_blank")):
            return
        replacing = self.editing.id if self.editing is not None else None
        action = "ballot.retype" if self.retyping else None
        try:
            saved = ballots.save(
                self.store,
                code=self.code_input.value,
                group=self.group,
                marks=marks,
                entry=self.entry,
                entered_by=self.who_input.value.strip(),
                replacing=replacing,
                action=action,
            )
        except UserError as exc:
            self.say("\n".join(exc.lines), "error")
            return
        # Committed: only now does the screen say so.
        key = "ballot.saved" if replacing is None else "ballot.corrected"
        self.say(t(key, code=saved.code, entry=saved.entry), "success")
        self.reset_form()
        self.refresh_all()
        if self.double:
            self.check_pair(saved)

    def check_pair(self, saved: Ballot) -> None:
        """After saving one entry of a form, compare it with the other entry if there is one."""
        other = ballots.find(self.store, saved.code, 3 - saved.entry)
        if other is None:
            return
        first, second = (saved, other) if saved.entry == 1 else (other, saved)
        comparison = ballots.compare_pair(self.form, first, second)
        if comparison.status == MISMATCHED:
            self.say(
                t("ballot.mismatch_title", code=saved.code, count=len(comparison.diffs)), "error"
            )
            self.app.push_screen(MismatchScreen(comparison), self._resolved(saved.code))
            return
        self.say(t("ballot.confirmed", code=saved.code), "success")
        if first.entered_by and first.entered_by == second.entered_by:
            self.notify(
                t("ballot.same_person", code=saved.code, who=first.entered_by),
                severity="warning",
                timeout=8,
            )

    def _resolved(self, code: str) -> Callable[[int | None], None]:
        def retype(entry: int | None) -> None:
            if entry in (1, 2):
                self.start_retype(entry, code)

        return retype

    def start_retype(self, entry: int, code: str) -> None:
        """Type entry `entry` of form `code` again, from a blank form."""
        ballot = ballots.find(self.store, code, entry)
        if ballot is None:
            self.say(t("ballot.gone", code=code), "error")
            return
        self.entry = entry
        self.editing = ballot
        self.retyping = True
        self._armed = None
        self.grid.load({})
        self.code_input.value = ballot.code
        self.group_select.value = ballot.group
        self.refresh_all()
        self.say(t("ballot.retyping", code=code, entry=entry), "warning")
        self.grid.focus()

    def open_saved(self, ballot_id: int) -> None:
        ballot = ballots.get(self.store, ballot_id)
        if ballot is None:
            self.say(t("ballot.gone", code=ballot_id), "error")
            self.show_saved()
            return
        if self.double:
            # Never shown for editing: an entry is compared, or typed again from blank.
            (comparison,) = ballots.compare_store(self.store, ballot.code)
            if comparison.status == MISMATCHED:
                self.app.push_screen(MismatchScreen(comparison), self._resolved(ballot.code))
            else:
                self.start_retype(ballot.entry, ballot.code)
            return
        self.editing = ballot
        self.retyping = False
        self._armed = None
        self.grid.load(ballot.marks)
        self.code_input.value = ballot.code
        self.group_select.value = ballot.group
        self.show_status()
        self.say(t("ballot.correcting", code=ballot.code), "warning")
        self.grid.focus()

    def action_next_group(self) -> None:
        groups = self.form.groups
        self.group_select.value = groups[(groups.index(self.group) + 1) % len(groups)]

    def action_focus_code(self) -> None:
        self.code_input.focus()

    def action_focus_who(self) -> None:
        self.who_input.focus()

    def action_focus_list(self) -> None:
        self.saved_table.focus()

    def action_new(self) -> None:
        if self.dirty and not self._arm("new", t("ballot.unsaved")):
            return
        self.reset_form()
        self.refresh_all()
        self.query_one("#ballot-message", Static).update("")

    def action_switch_round(self) -> None:
        if not self.double:
            self.say(t("ballot.single_entry_only"), "warning")
            return
        if self.dirty and not self._arm("round", t("ballot.unsaved")):
            return
        self.entry = 3 - self.entry
        self.reset_form()
        self.refresh_all()
        self.say(t("ballot.round", entry=self.entry))

    def action_delete(self) -> None:
        target: Ballot | None = None
        if self.saved_table.has_focus and (selected := self._selected_id()) is not None:
            target = ballots.get(self.store, selected)
        elif self.editing is not None:
            target = self.editing
        if target is None:
            self.say(t("ballot.nothing_selected"), "warning")
            return
        from reviewtui.tui.dialogs import ConfirmDialog

        detail = Text()
        for label, value in (
            (t("ballot.col.group"), target.group),
            (t("ballot.col.filled"), str(len(target.marks))),
            (t("ballot.field.entered_by"), target.entered_by),
        ):
            detail.append(f"{label}: ", style="dim")
            detail.append(value + "\n")
        detail.rstrip()
        question = t("ballot.delete_confirm", code=target.code, entry=target.entry)

        def answered(yes: bool | None) -> None:
            if yes:
                self.delete(target)

        self.app.push_screen(ConfirmDialog(question, detail), answered)  # type: ignore[arg-type]

    def delete(self, target: Ballot) -> None:
        try:
            ballots.delete(self.store, target.id)
        except UserError as exc:
            self.say("\n".join(exc.lines), "error")
            return
        if self.editing is not None and self.editing.id == target.id:
            self.reset_form()
        self.refresh_all()
        self.say(t("ballot.deleted", code=target.code, entry=target.entry), "success")

    def action_export(self) -> None:
        path = ballots.default_export_path(self.store, self.entry)
        try:
            count = ballots.export_csv(self.store, path, entry=self.entry)
        except OSError as exc:
            self.say(t("ballot.export_failed", reason=exc.strerror or exc), "error")
            return
        self.say(t("ballot.exported", count=count, path=path), "success")

    def action_undo(self) -> None:
        """Take back the latest save, correction, retype or delete made on this screen."""
        conn = self.store.conn
        marks = ", ".join("?" for _ in UNDOABLE)
        last = conn.execute(
            f"SELECT tx, action FROM journal WHERE undone_by IS NULL AND action IN ({marks}) "
            "ORDER BY tx DESC LIMIT 1",
            UNDOABLE,
        ).fetchone()
        if last is None:
            self.say(t("ballot.nothing_to_undo"), "warning")
            return
        tx, action = last
        row = conn.execute(
            "SELECT row_key, coalesce(new, old) FROM journal WHERE tx = ? AND tbl = 'ballots' "
            "LIMIT 1",
            (tx,),
        ).fetchone()
        # An update journals only the columns it changed: the key and the stored row fill in.
        ballot = {**json.loads(row[1]), **json.loads(row[0])} if row else {}
        if "code" not in ballot and "id" in ballot:
            stored = conn.execute(
                "SELECT code, entry FROM ballots WHERE id = ?", (ballot["id"],)
            ).fetchone()
            if stored:
                ballot.update(code=stored[0], entry=stored[1])
        try:
            self.store.undo(tx)
        except UserError as exc:
            self.say("\n".join(exc.lines), "error")
            return
        if self.editing is not None and self.editing.id == ballot.get("id"):
            self.reset_form()
        self.refresh_all()
        what = t(
            f"ballot.action.{action.split('.')[1]}",
            code=ballot.get("code", "?"),
            entry=ballot.get("entry", "?"),
        )
        self.say(t("ballot.undone", what=what), "success")

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.grid.focus()  # escape leaves a text field first
            return
        if self.dirty and not self._arm("leave", t("ballot.unsaved")):
            return
        self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_round":
            return self.double
        return True
