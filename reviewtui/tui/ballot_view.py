"""The ballot screen's layout and what it shows: the grid, the id, group and entered-by fields,
the saved ballots, the progress per group. What the screen does, and how ballot entry works
(SPEC section 5), is told in `reviewtui/tui/ballots.py`.
"""

from __future__ import annotations

from contextlib import suppress
from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.coordinate import Coordinate
from textual.screen import Screen
from textual.widgets import DataTable, Input, Label, Select, Static
from textual.widgets.data_table import RowDoesNotExist

from reviewtui.assessment import ballots
from reviewtui.assessment.ballots import MISMATCHED, SINGLE, Ballot, Comparison
from reviewtui.assessment.forms import Form, format_value
from reviewtui.i18n import get_lang, t
from reviewtui.store import Store
from reviewtui.textsafe import clean, shown
from reviewtui.tui.ballot_grid import BallotGrid
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.fields import TextField
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.text import fit, plain

# The keys of typing a ballot, on the first footer row; everything else on the second.
ENTRY_ACTIONS = (
    "hint",
    "hint_blank",
    "focus_opinion",
    "save",
    "next_group",
    "focus_code",
    "focus_who",
    "new",
)

SEVERITY_STYLE = {
    "info": "",
    "success": "bold green",
    "warning": "bold yellow",
    "error": "bold red",
}


class BallotView(Screen[None]):
    """Layout, the fields, and the lines that say where the entry stands."""

    CSS_PATH = "ballots.tcss"
    AUTO_FOCUS = "#ballot-grid"
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (80, "-wide")]  # noqa: RUF012 (Textual's own annotation)

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+s", "save", "key.save", id="ballot.save"),
        # Only with `assessment.opinions` (`check_action`): the current unit's opinion line.
        Binding("o", "focus_opinion", "opinion.key.edit", id="ballot.opinion"),
        Binding("g", "next_group", "ballot.key.group", id="ballot.group"),
        Binding("i", "focus_code", "ballot.key.code", id="ballot.code"),
        Binding("w", "focus_who", "ballot.key.who", id="ballot.who"),
        Binding("n", "new", "ballot.key.new", id="ballot.new"),
        Binding("l", "focus_list", "ballot.key.list", id="ballot.list"),
        Binding("d", "delete", "key.delete", id="ballot.delete"),
        Binding("e", "switch_round", "ballot.key.round", id="ballot.round"),
        Binding("x", "export", "ballot.key.export", id="ballot.export"),
        # shift+i: another laptop's exported ballots, merged in (tui/ballot_import.py).
        Binding("I", "import_file", "ballot_import.key.open", id="ballot.import"),
        # shift+s: the copier's PDF or a phone photo read (tui/ballot_scan.py); V reviews.
        Binding("S", "scan_file", "ballot_scan.key.open", id="ballot.scan"),
        Binding("V", "scan_review", "scan.key.review", id="ballot.scan_review"),
        Binding("ctrl+z", "undo", "key.undo", id="ballot.undo"),
        Binding("escape", "back", "key.back", id="ballot.back"),
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
        group, who = ballots.last_entered(store)
        self.group = group if group in self.form.groups else self.form.groups[0]
        self.who = who or ballots.default_entered_by()
        self.opinions_on = self.plan.assessment.opinions
        self.opinion_unit = self.plan.units[0].name if self.plan.units else ""

    # -- layout ------------------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        yield Static(id="ballot-title")
        with Horizontal(id="ballot-fields"):
            yield Label(Text(t("ballot.field.code")), classes="ballot-label")
            yield TextField(
                ballots.next_code(self.store, self.entry), id="ballot-code", compact=True
            )
            yield Label(Text(t("ballot.field.group")), classes="ballot-label")
            yield Select(
                [(plain(g), g) for g in self.form.groups],
                allow_blank=False,
                value=self.group,
                type_to_search=False,
                compact=True,
                id="ballot-group",
            )
            yield Label(Text(t("ballot.field.entered_by")), classes="ballot-label")
            yield TextField(self.who, id="ballot-who", compact=True)
        yield Static(id="ballot-progress")
        with Horizontal(id="ballot-body"):
            yield BallotGrid(
                self.form, self.plan.units, id="ballot-grid", opinions=self.opinions_on
            )
            with Vertical(id="ballot-side"):
                yield Static(id="ballot-saved-title")
                yield DataTable(id="ballot-saved", cursor_type="row", zebra_stripes=True)
        if self.opinions_on:
            with Horizontal(id="ballot-opinion-line"):
                yield Label(id="ballot-opinion-label")
                yield OpinionField(
                    placeholder=t("opinion.placeholder"), id="ballot-opinion", compact=True
                )
        yield Static(id="ballot-message")
        yield Static(id="ballot-status")
        with Vertical(id="ballot-keys"):
            yield KeyBar(include=ENTRY_ACTIONS, show_command_palette=False, id="ballot-keys-entry")
            yield KeyBar(exclude=ENTRY_ACTIONS, id="ballot-keys-other")

    def on_mount(self) -> None:
        fields = [self.code_input, self.who_input]
        if self.opinions_on:
            fields.append(self.opinion_input)
        for field in fields:  # enter goes on to the form, at once
            if isinstance(field, TextField):
                field.submit_focus = self.grid
        saved = self.saved_table
        # The group comes last: a long group name may run past the narrow side panel, never the
        # 核对 column double entry exists for (and a serial already says its group).
        saved.add_column(Text(t("ballot.field.code")), key="code")
        if self.double:
            saved.add_column(Text(t("ballot.col.check")), key="check")
        saved.add_column(Text(t("ballot.col.filled")), key="filled")
        saved.add_column(Text(t("ballot.field.group")), key="group")
        self.refresh_all()

    @property
    def grid(self) -> BallotGrid:
        return self.query_one("#ballot-grid", BallotGrid)

    @property
    def code_input(self) -> Input:
        return self.query_one("#ballot-code", Input)

    @property
    def opinion_input(self) -> OpinionField:
        return self.query_one("#ballot-opinion", OpinionField)

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
        title.append(shown(self.plan.meeting.title), style="dim")
        self.query_one("#ballot-title", Static).update(title)

    def show_progress(self) -> None:
        line = Text(t("ballot.progress"), style="dim")
        for index, progress in enumerate(ballots.progress(self.store, self.entry)):
            if index:
                line.append(" · ", style="dim")
            issued = "—" if progress.issued is None else str(progress.issued)
            style = "bold" if progress.group == self.group else ""
            line.append(shown(progress.group), style=style)
            line.append(f" {progress.entered}/{issued}", style=style)
            if progress.over_issued:
                line.append(t("ballot.over_issued"), style="bold red")
        self.query_one("#ballot-progress", Static).update(line)

    def _selected_id(self) -> int | None:
        table = self.saved_table
        if table.row_count == 0:
            return None
        row_key = table.coordinate_to_cell_key(Coordinate(table.cursor_row, 0)).row_key
        return int(row_key.value) if row_key.value is not None else None

    def show_saved(self) -> None:
        table = self.saved_table
        selected = self._selected_id()
        table.clear()
        entered = ballots.load(self.store, entry=self.entry)
        checks: dict[str, Comparison] = {}
        if self.double:
            checks = {c.code: c for c in ballots.compare_store(self.store)}
        for ballot in entered:
            row = [plain(ballot.code)]
            if self.double:
                row.append(self._check_text(checks.get(ballot.code)))
            row += [Text(str(len(ballot.marks))), plain(ballot.group)]
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
        self.show_opinion_line()

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

    # -- the opinion line (意见建议) -----------------------------------------------------------

    def show_opinion_line(self) -> None:
        """The opinion of the grid's current unit; while it is being typed in, left alone."""
        if not self.opinions_on or self.grid.row_count == 0:
            return
        field = self.opinion_input
        if not field.has_focus:
            self.opinion_unit = field.unit = self.grid.current[0][0]
            text = self.grid.opinions.get(self.opinion_unit, "")
            if field.value != text:
                field.value = text
        label = Text(t("opinion.title") + " · ", style="dim")
        label.append(fit(self.opinion_unit, 16))
        label.append("：" if get_lang() == "zh" else ": ", style="dim")
        self.query_one("#ballot-opinion-label", Label).update(label)

    def action_focus_opinion(self) -> None:
        """`o`: type the current unit's opinion; `enter` or `escape` goes back to the grades,
        the grade cursor where it was."""
        if not self.opinions_on:
            return
        if self.grid.buffer:
            self.grid.commit_buffer()
        self.opinion_unit = self.opinion_input.unit = self.grid.current[0][0]
        self.show_opinion_line()
        self.set_focus(self.opinion_input)
        self.opinion_input.cursor_position = len(self.opinion_input.value)


class OpinionField(TextField):
    """The opinion line: each change goes into the form at once, for the unit the line was
    opened on (`unit`), so nothing typed is lost and no later key can send it elsewhere."""

    unit = ""

    def watch_value(self, value: str) -> None:
        screen = self.parent.screen if self.parent is not None and self.unit else None
        if isinstance(screen, BallotView):
            screen.grid.set_opinion(self.unit, clean(value))
