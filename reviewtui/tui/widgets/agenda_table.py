"""The agenda's table: a header line and one line per item, with a row cursor.

A `DataTable` renders every cell through Rich's layout on first show, which took ~27 ms of the
agenda's first frame (bench/bench_startup.py). The agenda's columns are already fitted to the
screen by the agenda itself, so each row is one line of text: this widget draws the lines in
view with Textual's line API and keeps each drawn line until its row changes.
"""

from __future__ import annotations

from typing import ClassVar

from rich.cells import cell_len
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding, BindingType
from textual.geometry import Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reviewtui.tui.keys import localize

PADDING = 1  # cells on each side of a cell


class AgendaTable(ScrollView, can_focus=True):
    HELP_KEYS = True  # the help screen lists these keys

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("up", "cursor_up", "agenda.key.select", key_display="↑↓", id="agenda.select"),
        Binding("down", "cursor_down", "", show=False, id="agenda.down"),
        Binding(
            "enter", "screen.open_selected", "agenda.key.open", key_display="↵", id="agenda.open"
        ),
        Binding("pageup", "page(-1)", "", show=False, id="agenda.pageup"),
        Binding("pagedown", "page(1)", "", show=False, id="agenda.pagedown"),
        Binding("home,ctrl+home", "first", "", show=False, id="agenda.first"),
        Binding("end,ctrl+end", "last", "", show=False, id="agenda.last"),
    ]

    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "agenda--header",
        "agenda--cursor",
        "agenda--live",
        "agenda--done",
        "agenda--written",
        "agenda--over",
    }

    DEFAULT_CSS = """
    AgendaTable {
        background: $surface;
        color: $foreground;
        & > .agenda--header {
            text-style: bold;
            background: $panel;
            color: $foreground;
        }
        & > .agenda--cursor {
            background: $block-cursor-blurred-background;
            color: $block-cursor-blurred-foreground;
            text-style: $block-cursor-blurred-text-style;
        }
        &:focus {
            background-tint: $foreground 5%;
            & > .agenda--cursor {
                background: $block-cursor-background;
                color: $block-cursor-foreground;
                text-style: $block-cursor-text-style;
            }
        }
    }
    """

    cursor_row: reactive[int] = reactive(0, init=False, always_update=False)

    class Opened(Message):
        """A row was double-clicked: open its item."""

        def __init__(self, table: AgendaTable, key: int) -> None:
            super().__init__()
            self.table = table
            self.key = key

        @property
        def control(self) -> AgendaTable:
            return self.table

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        localize(self)
        self._widths: list[int] = []
        self._header: list[Text] = []
        self._keys: list[int] = []
        self._rows: list[list[Text]] = []
        # Drawn lines by row (-1: the header), not the cursor's, with the view they were cut to.
        self._strips: dict[int, tuple[tuple[int, int], Strip]] = {}
        self._style_cache: tuple[Style, Style, Style] | None = None

    # -- contents --------------------------------------------------------------------------------

    @property
    def row_count(self) -> int:
        return len(self._rows)

    @property
    def line_width(self) -> int:
        return sum(self._widths) + 2 * PADDING * len(self._widths)

    def set_columns(self, header: list[Text], widths: list[int]) -> None:
        self._header = header
        self._widths = widths
        self._strips.clear()
        self.refresh()

    def set_rows(self, rows: list[tuple[int, list[Text]]]) -> None:
        """Replace every row: (key, one text per column)."""
        self._keys = [key for key, _ in rows]
        self._rows = [cells for _, cells in rows]
        self._strips.clear()
        self.virtual_size = Size(self.line_width, len(self._rows) + 1)  # +1: the header
        if self.cursor_row >= len(self._rows):
            self.cursor_row = max(0, len(self._rows) - 1)
        self.refresh()

    def update_row(self, key: int, cells: list[Text]) -> None:
        if key not in self._keys:
            return
        index = self._keys.index(key)
        self._rows[index] = cells
        self._strips.pop(index, None)
        self.refresh_line(index + 1)

    def row_text(self, index: int) -> list[str]:
        return [cell.plain for cell in self._rows[index]]

    @property
    def selected_key(self) -> int | None:
        return self._keys[self.cursor_row] if self._rows else None

    def select_key(self, key: int) -> None:
        if key in self._keys:
            self.move_cursor(self._keys.index(key))

    def move_cursor(self, row: int) -> None:
        if self._rows:
            self.cursor_row = min(max(row, 0), len(self._rows) - 1)
            self._scroll_cursor_into_view()

    # -- drawing ---------------------------------------------------------------------------------

    def _line(self, row: int, cells: list[Text], style: Style, over: Style | None = None) -> Strip:
        """One line of cells, `style` beneath each, `over` (the cursor's) above.

        Each cell's style names its row and column (as a `DataTable`'s does), which also keeps
        each cell a segment of its own: a screenshot (SVG) places each segment at its cell, so a
        font whose Chinese glyphs are not exactly two cells wide cannot push later columns out."""
        segments: list[Segment] = []  # rich's
        pad = " " * PADDING
        for column, (cell, width) in enumerate(zip(cells, self._widths, strict=False)):
            if cell_len(cell.plain) > width:
                cell = cell.copy()
                cell.truncate(width, overflow="ellipsis")
            text = Text(pad, no_wrap=True, end="")
            text.append_text(cell)
            text.append(" " * (width - cell_len(cell.plain)) + pad)
            text.stylize_before(style + Style.from_meta({"row": row, "column": column}))
            if over is not None:
                text.stylize(over)
            segments.extend(text.render(self.app.console))
        return Strip(segments, self.line_width)

    def _styles(self) -> tuple[Style, Style, Style]:
        """The rows', the header's and the cursor's style, worked out once per style change
        (a scroll redraws every line in view)."""
        if self._style_cache is None:
            base = self.rich_style
            self._style_cache = (
                base,
                base + self.get_component_rich_style("agenda--header"),
                base + self.get_component_rich_style("agenda--cursor"),
            )
        return self._style_cache

    def render_line(self, y: int) -> Strip:
        width = self.size.width
        base, header, cursor = self._styles()
        scroll_x, scroll_y = self.scroll_offset
        if y == 0:  # the header stays while the rows scroll
            view = (scroll_x, width)
            kept = self._strips.get(-1)
            if kept is None or kept[0] != view:
                line = self._line(-1, self._header, header)
                kept = self._strips[-1] = (
                    view,
                    line.crop_extend(scroll_x, scroll_x + width, header),
                )
            return kept[1]
        index = scroll_y + y - 1
        if index >= len(self._rows):
            return Strip.blank(width, base)
        if index == self.cursor_row:  # over the row's own colours, as a cursor is
            strip = self._line(index, self._rows[index], cursor, over=cursor)
            return strip.crop_extend(scroll_x, scroll_x + width, cursor)
        view = (scroll_x, width)
        kept = self._strips.get(index)
        if kept is None or kept[0] != view:  # kept as shown: a scroll reuses it as it is
            line = self._line(index, self._rows[index], base)
            cut = line.crop_extend(scroll_x, scroll_x + width, base)
            kept = self._strips[index] = (view, cut)
        return kept[1]

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()
        self._style_cache = None

    def _on_focus(self, _event: events.Focus) -> None:
        self._style_cache = None  # the cursor is brighter with the focus
        self.refresh_line(self.cursor_row + 1)

    def _on_blur(self, _event: events.Blur) -> None:
        self._style_cache = None
        self.refresh_line(self.cursor_row + 1)

    # -- the cursor ------------------------------------------------------------------------------

    # `refresh_line(n)` takes a line of the whole table, the header as line 0: row i is line i+1.

    def watch_cursor_row(self, old: int, new: int) -> None:
        self.refresh_line(old + 1)
        self.refresh_line(new + 1)

    def _scroll_cursor_into_view(self) -> None:
        rows_in_view = max(1, self.size.height - 1)
        top = int(self.scroll_y)
        if self.cursor_row < top:
            self.scroll_to(y=self.cursor_row, animate=False, immediate=True)
        elif self.cursor_row >= top + rows_in_view:
            self.scroll_to(y=self.cursor_row - rows_in_view + 1, animate=False, immediate=True)

    def action_cursor_up(self) -> None:
        self.move_cursor(self.cursor_row - 1)

    def action_cursor_down(self) -> None:
        self.move_cursor(self.cursor_row + 1)

    def action_page(self, direction: int) -> None:
        self.move_cursor(self.cursor_row + direction * max(1, self.size.height - 2))

    def action_first(self) -> None:
        self.move_cursor(0)

    def action_last(self) -> None:
        self.move_cursor(len(self._rows) - 1)

    def on_resize(self) -> None:
        self._scroll_cursor_into_view()

    async def _on_click(self, event: events.Click) -> None:
        if event.y == 0 or not self._rows:
            return
        index = int(self.scroll_y) + event.y - 1
        if index >= len(self._rows):
            return
        self.move_cursor(index)
        if event.chain >= 2:
            self.post_message(self.Opened(self, self._keys[index]))
