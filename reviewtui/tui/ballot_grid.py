"""The ballot form as a grid typed into with digit keys, and the screen that shows where the two
entries of a form disagree (double entry). Used by the ballot screen (tui/ballots.py)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import ClassVar

from rich.cells import cell_len
from rich.text import Text
from textual import events
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.coordinate import Coordinate
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import DataTable, Static

from reviewtui.assessment.ballots import Comparison
from reviewtui.assessment.forms import Cell, CellError, Form, Value, format_value
from reviewtui.i18n import t
from reviewtui.plan import FormItem, Unit
from reviewtui.tui.keys import forward_moved_on, localize
from reviewtui.tui.widgets.text import fit, plain

# Cells of a unit's row label (its name, and the written mark): a longer name is cut, so that
# the grade columns stay in view on a narrow terminal.
LABEL_WIDTH = 24
# The opinion column (意见建议, `assessment.opinions`): what was written, cut to fit; the
# opinion line under the grid shows and edits the whole text.
OPINION_WIDTH = 14
OPINION_KEY = "\x00opinion"  # a column key no form item can have (names are cleaned)


def _value_text(value: Value | None) -> Text:
    return Text("·", style="dim") if value is None else plain(format_value(value))


# ------------------------------------------------------------------------------------------------
# The grid


class BallotGrid(DataTable[Text]):
    """The form: one row per unit, one column per item, typed into with digit keys.

    The grid holds the ballot being typed until `ctrl+s`; saved ballots live in the database.
    With `opinions` a last column shows each unit's opinion; the cursor never enters it (the
    opinion line of the screen edits it), so a digit always means a grade.
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

    def __init__(
        self,
        form: Form,
        units: tuple[Unit, ...],
        *,
        id: str | None = None,
        opinions: bool = False,
    ) -> None:
        super().__init__(id=id, cursor_type="cell", zebra_stripes=True)
        localize(self)
        self.form = form
        self.units = units
        self.values: dict[Cell, Value] = {}
        self.with_opinions = opinions
        self.opinions: dict[str, str] = {}  # unit -> opinion typed, not yet saved
        self.buffer = ""  # digits typed into a numeric cell, not yet entered

    def on_mount(self) -> None:
        grade_width = max(cell_len(g.grade) for g in self.form.scale)
        for item in self.form.items:
            width = max(cell_len(item.name), 6 if item.max is not None else grade_width, 4)
            self.add_column(plain(item.name), width=width, key=item.name)
        blank = [_value_text(None)] * len(self.form.items)
        if self.with_opinions:
            self.add_column(Text(t("opinion.title")), width=OPINION_WIDTH, key=OPINION_KEY)
            blank.append(Text(""))
        for unit in self.units:
            mark = t("ballot.written") if unit.mode == "written" else ""
            label = Text(fit(unit.name, LABEL_WIDTH - cell_len(mark)))
            label.append(mark, style="dim")
            self.add_row(*blank, key=unit.name, label=label)

    def _clamp_cursor_coordinate(self, coordinate: Coordinate) -> Coordinate:
        """Within the form's cells: never on the opinion column."""
        row, column = super()._clamp_cursor_coordinate(coordinate)
        return Coordinate(row, min(column, len(self.form.items) - 1))

    # -- opinions ----------------------------------------------------------------------------

    def set_opinion(self, unit: str, text: str) -> None:
        """Keep the opinion typed for `unit` (an empty text is none) and show it in its row."""
        if text.strip():
            self.opinions[unit] = text
        else:
            self.opinions.pop(unit, None)
        if self.with_opinions:
            self.update_cell(unit, OPINION_KEY, Text(fit(text.strip(), OPINION_WIDTH), "italic"))

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

    def load(self, values: dict[Cell, Value], opinions: dict[str, str] | None = None) -> None:
        """Show these values and opinions (empty: a blank form), the cursor on the first cell."""
        self.buffer = ""
        self.values = dict(values)
        self.opinions = {}
        if self.with_opinions:
            for unit in self.units:
                self.set_opinion(unit.name, (opinions or {}).get(unit.name, ""))
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

    async def on_key(self, event: events.Key) -> None:
        if forward_moved_on(self, event):  # the burst went on past a key that moved the cursor
            return
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
        # A key the grid does not take runs the screen's binding now (`i` moves the cursor to
        # the id field), before the keys that came after it in the same read reach the grid.
        if handled or await self.app._check_bindings(event.key):
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
            Text(t("results.col.unit")),
            Text(t("ballot.col.item")),
            Text(t("ballot.col.entry", entry=1)),
            Text(t("ballot.col.entry", entry=2)),
        )
        blank = Text(t("ballot.blank"), style="dim")
        for diff in self.comparison.diffs:
            if diff.unit is None:  # the group field
                where = [Text(t("ballot.field.group"), style="bold"), Text("")]
            else:
                where = [plain(diff.unit), plain(diff.item or "")]
            first = blank if diff.first is None else Text(format_value(diff.first), style="bold")
            second = blank if diff.second is None else Text(format_value(diff.second), style="bold")
            table.add_row(*where, first, second)

    def action_retype(self, entry: int) -> None:
        self.dismiss(entry)

    def action_later(self) -> None:
        self.dismiss(None)
