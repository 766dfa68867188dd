"""The results screen (`s` on the agenda): the ranking, and for the selected unit its score by
rater group and its grade distribution as bars.

Every number comes from `tally_store`, the one tally behind the CLI and the exports, recomputed
whenever the screen is shown (after ballots were saved on the ballot screen, say): the first time
before it is drawn, and on every return in a worker thread with its own read-only connection, so
the screen answers keys while hundreds of ballots are tallied.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal
from textual.screen import Screen
from textual.widgets import DataTable, Static
from textual.widgets.data_table import RowDoesNotExist

from reviewtui.assessment.history import History, attach, load_history
from reviewtui.assessment.tally import Results, UnitResult, tally_store
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.present import NONE, compare, count, glossary, rate, rules, score, share
from reviewtui.present.quorum import quorum_notes
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.help import HelpScreen, localize
from reviewtui.tui.reveal_dialog import hide_reveal, open_reveal_dialog, show_revealed, undo_reveal
from reviewtui.tui.widgets.keybar import KeyBar

UNIT_WIDTH = 24  # cells of a unit's name in the ranking when the terminal has room; else less
MIN_UNIT_WIDTH = 8  # a unit's name wraps onto more lines rather than get narrower than this
BAR_WIDTH = 24  # cells of the longest grade bar
BAR_STYLES = ("green", "cyan", "yellow", "red", "magenta", "blue", "white", "white", "white")


def screen_row(
    unit: UnitResult, columns: tuple[glossary.Column, ...] = glossary.RANKING
) -> list[Text]:
    """One ranking row as the screen shows it: the glossary's cells, the final score bold, the
    unit's name whole (it wraps in its column: it is how units are told apart), figures
    right-aligned."""
    cells: list[Text] = []
    for column, text in zip(columns, glossary.row(unit, columns), strict=True):
        cell = Text(shown(text), justify="right" if column.numeric else "left")
        if column is glossary.UNIT:
            cell.overflow = "fold"
        if column is glossary.FINAL:
            cell.stylize("bold")
        cells.append(cell)
    return cells


def unit_width(
    rows: list[list[Text]], total: int, columns: tuple[glossary.Column, ...] = glossary.RANKING
) -> int:
    """The unit column's width: what the other columns leave of `total` cells (each column has
    a cell of padding either side; 2 for the scroll bar), at most UNIT_WIDTH, at least
    MIN_UNIT_WIDTH; no wider than the longest name. Cells past `columns` (last year's) count
    among the others."""
    others = 2  # the vertical scroll bar
    longest = 0
    for index in range(max((len(row) for row in rows), default=len(columns))):
        column = columns[index] if index < len(columns) else None
        widths = [cell_len(row[index].plain) for row in rows if index < len(row)]
        if column is glossary.UNIT:
            longest = max([cell_len(column.label), *widths])
        else:
            label = cell_len(column.label) if column is not None else 0
            others += max([label, *widths]) + 2
    room = total - others - 2
    return max(MIN_UNIT_WIDTH, min(UNIT_WIDTH, longest, room))


class ResultsScreen(Screen[None]):
    CSS_PATH = "results.tcss"
    AUTO_FOCUS = "#results-ranking"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="results.back"),
        Binding("r", "reload", "results.key.refresh", id="results.refresh"),
        Binding("x", "export", "agenda.key.export", id="results.export"),
        Binding("p", "reveal", "results.key.reveal", id="results.reveal"),
        Binding("h", "hide", "results.key.hide", id="results.hide"),
        Binding("ctrl+z", "undo_reveal", "results.key.undo", id="results.undo"),
        Binding("t", "time_stats", "stats.key.open", id="results.time_stats"),
        Binding("z", "rectify", "rectify.key.open", id="results.rectify"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="results.help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="results")
        localize(self)
        self.store = store
        self.results: Results | None = None
        self._resumed = False
        self.selected: str | None = None  # the unit whose detail is shown
        self.reveal_names = ["", ""]  # 计票人, 监票人 as typed in the reveal dialog
        self.history: History | None = None  # last year's (`[meeting] previous`), read once
        self.columns: tuple[glossary.Column, ...] = glossary.RANKING

    def compose(self) -> ComposeResult:
        yield Static(id="results-title")
        yield DataTable(id="results-ranking", cursor_type="row", zebra_stripes=True)
        with Horizontal(id="results-detail"):
            yield Static(id="results-groups")
            yield Static(id="results-grades")
        yield Static(id="results-notes")
        yield Static(id="results-revealed")
        yield KeyBar()

    def on_mount(self) -> None:
        if any(u.category for u in self.store.plan.units):  # 分类排名
            self.columns = (*glossary.RANKING[:2], glossary.CATEGORY, glossary.CATEGORY_RANK,
                            *glossary.RANKING[2:])  # fmt: skip
        self.reload()

    def on_resize(self) -> None:
        self._lay_out()

    def on_screen_resume(self) -> None:
        if not self._resumed:  # shown for the first time: on_mount tallies before it is drawn
            self._resumed = True
            return
        self.tally_in_background()

    # -- data ----------------------------------------------------------------------------------

    def reload(self) -> None:
        """Tally again and redraw, keeping the selected unit selected."""
        self.show_results(tally_store(self.store))

    @work(thread=True, exclusive=True, group="results-tally", exit_on_error=False)
    def tally_in_background(self) -> None:
        """Tally off the UI thread (a connection belongs to its thread: this one opens its own)."""
        try:
            reader = Store.open_reader(self.store.path)
            try:
                results = tally_store(reader)
            finally:
                reader.close()
        except UserError as exc:
            self.app.call_from_thread(self.notify, "\n".join(exc.lines), severity="error")
            return
        self.app.call_from_thread(self.show_results, results)

    def show_results(self, results: Results) -> None:
        """Redraw with `results`, keeping the selected unit selected."""
        if not self.is_attached:
            return
        self.results = results = self.beside_last_year(results)
        self._lay_out()
        self.show_title(results)
        self.show_detail()
        self.show_notes(results)
        show_revealed(self)

    def _lay_out(self) -> None:
        """The ranking at the terminal's width: the unit column takes what the figures leave,
        and a longer name wraps onto a second line instead of being cut."""
        results = self.results
        if results is None:
            return
        table = self.query_one("#results-ranking", DataTable)
        keep = self.selected
        units = glossary.ordered(results)
        rows = []
        for unit in units:
            cells = screen_row(unit, self.columns)
            if results.previous is not None:  # last year beside this year
                cells += [Text(shown(x), justify="right") for x in compare.cells(results, unit)]
            rows.append(cells)
        width = unit_width(rows, self.app.size.width, self.columns)
        if getattr(self, "_laid_out", None) == (width, len(rows)) and table.row_count:
            table.clear()
        else:
            table.clear(columns=True)
            for column in self.columns:
                wide = width if column is glossary.UNIT else None
                table.add_column(Text(column.label), key=column.id, width=wide)
            if results.previous is not None:
                for n, label in enumerate(compare.header()):
                    table.add_column(Text(label), key=f"previous-{n}")
        self._laid_out = (width, len(rows))
        for unit, row in zip(units, rows, strict=True):
            table.add_row(*row, key=unit.unit, height=None)
        table.refresh(layout=True)  # rows of measured height: drawn once measured
        if keep is not None:
            try:
                table.move_cursor(row=table.get_row_index(keep))
            except RowDoesNotExist:
                keep = None
        if keep is None and results.units:
            keep = results.units[0].unit
        self.selected = keep

    def beside_last_year(self, results: Results) -> Results:
        """With last year's results per unit, when the plan names them; the earlier meetings
        are read once (they do not change), this year's tally every time."""
        if not self.store.plan.meeting.previous:
            return results
        if self.history is None:
            self.history = load_history(self.store)
            for warning in self.history.warnings:
                self.notify(shown(warning), severity="warning", timeout=15)
        return attach(results, self.history)

    def on_data_table_row_highlighted(self, message: DataTable.RowHighlighted) -> None:
        if message.row_key.value is not None:
            self.selected = str(message.row_key.value)
            self.show_detail()

    # -- drawing -------------------------------------------------------------------------------

    def show_title(self, results: Results) -> None:
        line = Text(t("results.title"), style="bold")
        line.append("  ")
        if results.entered == 0:
            line.append(t("results.no_ballots"), style="yellow")
        else:
            summary = t(
                "results.summary",
                entered=results.entered,
                valid=results.valid,
                invalid=results.invalid,
            )
            line.append(summary)
        if results.provisional:
            line.append("  ")
            line.append(t("results.provisional_tag"), style="bold yellow reverse")
        line.append("  ")
        line.append(shown(results.meeting), style="dim")
        self.query_one("#results-title", Static).update(line)

    def show_detail(self) -> None:
        results = self.results
        unit = results.unit(self.selected) if results and self.selected else None
        groups = self.query_one("#results-groups", Static)
        grades = self.query_one("#results-grades", Static)
        if results is None or unit is None:
            groups.update("")
            grades.update("")
            return
        table = self.group_table(results, unit)
        if results.previous is not None:  # last year's rank, score and level, and the change
            table.caption = Text(shown(compare.unit_line(results, unit)))
            table.caption_justify = "left"
        groups.update(table)
        grades.update(self.grade_bars(unit))

    def group_table(self, results: Results, unit: UnitResult) -> Table:
        table = Table(
            title=Text(shown(t("results.detail", unit=unit.unit)), style="bold"),
            title_justify="left",
            box=None,
            padding=(0, 1),
            expand=False,
        )
        table.add_column(Text(t("results.col.group")), no_wrap=True)
        table.add_column(Text(t("results.col.weight")), justify="right")
        table.add_column(Text(t("results.col.returned")), justify="right", no_wrap=True)
        table.add_column(Text(t("results.col.votes")), justify="right")
        table.add_column(Text(t("results.col.score")), justify="right")
        total_weight = sum(g.weight for g in results.groups) or 1.0
        for group in results.groups:
            scored = unit.groups.get(group.name)
            returned = Text(f"{group.returned}/{count(group.issued)}")
            if group.over_issued:
                returned.append(" " + t("results.over_short"), style="bold red")
            figure = Text(score(scored.score if scored else None))
            if scored is not None and scored.trimmed:
                figure.append(" " + t("results.trimmed", count=scored.trimmed), style="dim")
            table.add_row(
                Text(shown(group.name)),
                Text(share(group.weight / total_weight)),
                returned,
                Text(str(scored.votes if scored else 0)),
                figure,
            )
        return table

    def grade_bars(self, unit: UnitResult) -> Table:
        table = Table.grid(padding=(0, 1))
        table.title = Text(t("results.grades"), style="bold")
        table.title_justify = "left"
        table.add_column(no_wrap=True)
        table.add_column(no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        table.add_column(justify="right", no_wrap=True)
        counts = unit.grade_counts
        total = sum(counts.values())
        biggest = max(counts.values(), default=0)
        width = max((cell_len(name) for name in counts), default=0)
        for index, (grade, marks) in enumerate(counts.items()):
            name = Text(shown(grade) + " " * (width - cell_len(grade)))
            length = round(marks / biggest * BAR_WIDTH) if biggest else 0
            bar = Text("█" * length + "·" * (BAR_WIDTH - length) if marks else "·" * BAR_WIDTH)
            bar.stylize(BAR_STYLES[index % len(BAR_STYLES)], 0, length)
            bar.stylize("dim", length)
            part = rate(marks / total) if total else NONE
            table.add_row(name, bar, Text(str(marks)), Text(part, style="dim"))
        return table

    def show_notes(self, results: Results) -> None:
        """What a reader must not miss: provisional results and groups short of forms (the
        quorum), uncounted ballots, over-issued groups, the veto."""
        notes = Text()
        from reviewtui.assessment.year_warnings import warnings_of

        if warned := warnings_of(self.store, results, self.history):  # 跨年度提醒
            notes.append(t("warnings.title", count=len(warned)) + "\n", style="bold magenta")
            for warning in warned:
                notes.append(shown(warning.line()) + "\n")
        for note in quorum_notes(results):
            notes.append(shown(note) + "\n", style="bold yellow")
        from reviewtui.attendance import attendance

        present = {a.group: a.present for a in attendance(self.store) if a.present is not None}
        for group in results.groups:
            if group.name in present:  # forms returned against the people who attended
                line = t("results.attendance_line", group=group.name, present=present[group.name],
                         issued=count(group.issued), returned=group.returned)  # fmt: skip
                notes.append(shown(line) + "\n")
        over = [g.name for g in results.groups if g.over_issued]
        if over:
            notes.append(t("results.over_groups", groups="、".join(over)) + "\n", style="bold red")
        if results.unconfirmed:
            codes = ", ".join(results.unconfirmed)
            notes.append(t("results.unconfirmed", codes=codes) + "\n", style="yellow")
        if invalid := rules.counts_line(results):  # how many forms each rule voided
            notes.append(shown(invalid) + "\n")
        veto = self.store.plan.assessment.veto
        if veto is not None and any(u.vetoed for u in results.units):
            notes.append(shown(glossary.vetoed_note(veto)))
        notes.rstrip()
        self.query_one("#results-notes", Static).update(notes)
        self.query_one("#results-notes", Static).display = bool(notes.plain)

    # -- actions -------------------------------------------------------------------------------

    def action_reload(self) -> None:
        self.reload()

    def action_export(self) -> None:
        """The results as a workbook by default: what the leadership asks for."""
        from reviewtui.tui.export_dialog import ExportDialog

        self.app.push_screen(ExportDialog(self.store, fmt="xlsx"))

    def action_reveal(self) -> None:
        open_reveal_dialog(self)

    def action_hide(self) -> None:
        hide_reveal(self)

    def action_undo_reveal(self) -> None:
        undo_reveal(self)

    def action_rectify(self) -> None:
        """The rectification list, at the selected unit's lines."""
        from reviewtui.tui.rectify_screen import RectifyScreen

        self.app.push_screen(RectifyScreen(self.store, self.selected))

    def action_back(self) -> None:
        self.dismiss()

    def action_time_stats(self) -> None:
        from reviewtui.tui.time_stats_screen import TimeStatsScreen

        self.app.push_screen(TimeStatsScreen(self.store))

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))
