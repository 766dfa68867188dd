"""The projector's board of revealed results (当场公布): the ranking in large, spaced rows for
the back of the room; one page of a long ranking at a time (`meeting.reveal_board`).

Drawn only when the page (the `Board`) changes. User text is `shown()` and never markup.
"""

from __future__ import annotations

from rich.console import Console, ConsoleOptions, Group, RenderableType, RenderResult
from rich.measure import Measurement
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.containers import Vertical
from textual.widgets import Static

from reviewtui.i18n import t
from reviewtui.meeting.reveal_board import Board
from reviewtui.textsafe import shown

# Lines of the screen besides the ranking rows: the top bar, the heading and scope, a blank, the
# column names, a blank and who confirmed. Each ranked unit takes two lines (a blank line between
# rows reads from afar); at most MAX_ROWS a page, so the rows stay few and big.
FIXED_LINES = 7
MAX_ROWS = 10


def rows_per_page(height: int) -> int:
    """How many ranked units fit a screen `height` lines tall."""
    return max(1, min(MAX_ROWS, (height - FIXED_LINES + 1) // 2))


class RevealBoard(Vertical):
    """The revealed ranking; `show()` a page of it."""

    DEFAULT_CSS = """
    RevealBoard { height: 1fr; }
    RevealBoard > #board-head { height: 2; margin-bottom: 1; }
    RevealBoard > #board-rows { height: 1fr; }
    RevealBoard > #board-foot { height: 1; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.board: Board | None = None

    def compose(self) -> ComposeResult:
        yield Static(id="board-head", markup=False)
        yield Static(id="board-rows", markup=False)
        yield Static(id="board-foot", markup=False)

    def show(self, board: Board) -> None:
        if board == self.board:
            return
        self.board = board
        self.query_one("#board-head", Static).update(head(board))
        self.query_one("#board-rows", Static).update(ranking(board))
        self.query_one("#board-foot", Static).update(foot(board))


def head(board: Board) -> RenderableType:
    heading = Text(shown(board.title), style="bold", justify="center", no_wrap=True)
    heading.overflow = "ellipsis"
    scope = Text(shown(board.scope), style="bold", justify="center")
    if board.provisional:
        scope.append("  ")
        scope.append(shown(board.provisional), style="bold reverse")
    return Group(heading, scope)


def ranking(board: Board) -> Table:
    # No box: Rich draws `leading` only between boxed rows, so the blank lines are rows.
    table = Table(expand=True, box=None, padding=(0, 2), header_style="dim")
    table.add_column(Text(t("results.col.rank")), justify="right", min_width=4, no_wrap=True)
    table.add_column(Text(t("results.col.unit")), ratio=5, no_wrap=True, overflow="ellipsis")
    table.add_column(Text(shown(board.axis)), ratio=4, no_wrap=True, overflow="crop")
    table.add_column(Text(t("results.col.final")), justify="right", min_width=6, no_wrap=True)
    table.add_column(Text(t("results.col.level")), justify="left", min_width=4, no_wrap=True)
    for index, row in enumerate(board.rows):
        if index:
            table.add_row()
        if row.heading:  # a category's heading (分类排名), over its units' names
            table.add_row(Text(""), Text(shown(row.unit), style="bold underline"))
            continue
        table.add_row(
            Text(row.rank), Text(shown(row.unit)), BarCell(row.bar), Text(row.score),
            Text(shown(row.level)), style="bold",
        )  # fmt: skip
    return table


class BarCell:
    """A bar as long as its share of the column: full blocks, a half block for the rest. Its
    length is the figure; the level in words stands beside it (never colour alone)."""

    def __init__(self, fraction: float) -> None:
        self.fraction = fraction

    def __rich_measure__(self, console: Console, options: ConsoleOptions) -> Measurement:
        return Measurement(1, options.max_width)

    def __rich_console__(self, console: Console, options: ConsoleOptions) -> RenderResult:
        halves = round(self.fraction * options.max_width * 2)
        full, half = divmod(halves, 2)
        yield Text("█" * full + ("▌" if half else "") or "▏")


def foot(board: Board) -> Table:
    grid = Table.grid(expand=True)
    grid.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    grid.add_column(justify="right", no_wrap=True)
    grid.add_row(Text(shown(board.signed)), Text(board.page_label, style="bold"))
    return grid
