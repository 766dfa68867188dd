"""The time statistics screen (用时统计): the summary on top, then one table at a time.

Opened with `t` from the agenda and the results screens. The figures are those of the minutes
(`reviewtui.minutes.time_stats` over one read of the database), so what the screen shows is what
the md, docx and xlsx will say. Keys: 1–4 pick the table (or click its tab), `r` reads again,
`escape` goes back, `?` help.
"""

from __future__ import annotations

from typing import ClassVar

from rich.console import JustifyMethod
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import DataTable, Static, TabbedContent, TabPane

from reviewtui import clock
from reviewtui.i18n import t
from reviewtui.minutes import read_minutes
from reviewtui.minutes.time_stats import Table, TimeStats, cell_text, tables, time_stats
from reviewtui.minutes.time_stats import summary as summary_line
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.help import HelpScreen, localize
from reviewtui.tui.widgets.keybar import KeyBar
from reviewtui.tui.widgets.text import fit

NAME_WIDTH = 24  # cells of an item's or a speaker's name: a longer one is cut, the figures stay
TABLES = ("phases", "kinds", "speakers", "schedule")
EMPTY = TimeStats((), (), (), None, None, finished=False)  # the tables' columns, no rows


def screen_cells(tab: Table, row: tuple[object, ...]) -> list[Text]:
    """A row as the screen shows it: names cut to NAME_WIDTH cells, figures right-aligned, an
    overrun in the alarm colour."""
    alarm = {t("stats.col.over"), t("stats.col.behind"), t("stats.col.overtime")}
    total = tab.key == "phases" and row[1] == t("stats.item_total")
    cells: list[Text] = []
    for value, column in zip(row, tab.columns, strict=True):
        text = cell_text(value, column.kind)  # type: ignore[arg-type]
        if column.kind == "text":
            cell = Text(fit(text, NAME_WIDTH))
        else:
            cell = Text(shown(text), justify="right")
            if value and column.label in alarm:  # never colour alone: the figure is there
                cell.stylize("bold red")
        if total:
            cell.stylize("bold")
        cells.append(cell)
    return cells


class TimeStatsScreen(Screen[None]):
    CSS_PATH = "time_stats.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets
    AUTO_FOCUS = "#stats-phases"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "back", "key.back", id="stats.back"),
        Binding("r", "reload", "results.key.refresh", id="stats.reload"),
        Binding("1", "show(0)", "stats.table.phases", id="stats.phases"),
        Binding("2", "show(1)", "stats.table.kinds", id="stats.kinds"),
        Binding("3", "show(2)", "stats.table.speakers", id="stats.speakers"),
        Binding("4", "show(3)", "stats.table.schedule", id="stats.schedule"),
        Binding("question_mark", "help", "help.key.help", key_display="?", id="stats.help"),
    ]

    def __init__(self, store: Store) -> None:
        super().__init__(id="time-stats")
        localize(self)
        self.store = store
        self.stats: TimeStats | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="stats-title")
        yield Static(id="stats-summary")
        with TabbedContent(id="stats-tabs"):
            for key in TABLES:
                with TabPane(t(f"stats.table.{key}"), id=f"pane-{key}"):
                    yield DataTable(id=f"stats-{key}", cursor_type="row", zebra_stripes=True)
        yield KeyBar()

    def on_mount(self) -> None:
        # The columns once (they never change); the rows at every read, as the results do.
        for key, tab in zip(TABLES, tables(EMPTY), strict=True):
            table = self.query_one(f"#stats-{key}", DataTable)
            for column in tab.columns:
                justify: JustifyMethod = "left" if column.kind == "text" else "right"
                table.add_column(Text(column.label, justify=justify))

    def on_screen_resume(self) -> None:
        self.reload()  # also when first shown

    def reload(self) -> None:
        """Read the meeting again (a segment may be running) and redraw every table."""
        minutes = read_minutes(self.store)
        self.stats = stats = time_stats(minutes)
        title = Text(t("stats.title"), style="bold")
        title.append("  ")
        title.append(t("stats.as_of", time=clock.now().strftime("%H:%M:%S")), style="dim")
        title.append("  ")
        title.append(shown(minutes.meeting.title), style="dim")
        self.query_one("#stats-title", Static).update(title)
        self.query_one("#stats-summary", Static).update(Text(shown(summary_line(stats))))
        for tab in tables(stats):
            table = self.query_one(f"#stats-{tab.key}", DataTable)
            keep = table.cursor_row
            table.clear()
            for row in tab.rows:
                table.add_row(*screen_cells(tab, row))
            if tab.rows:
                table.move_cursor(row=min(keep, len(tab.rows) - 1))

    # -- actions -------------------------------------------------------------------------------

    def action_show(self, index: int) -> None:
        key = TABLES[index]
        self.query_one(TabbedContent).active = f"pane-{key}"
        self.set_focus(self.query_one(f"#stats-{key}", DataTable))

    def on_tabbed_content_tab_activated(self, event: TabbedContent.TabActivated) -> None:
        pane = event.pane.id or ""
        key = pane.removeprefix("pane-")
        if key in TABLES:
            self.set_focus(self.query_one(f"#stats-{key}", DataTable))

    def action_reload(self) -> None:
        self.reload()

    def action_back(self) -> None:
        self.dismiss()

    def action_help(self) -> None:
        self.app.push_screen(HelpScreen(self))
