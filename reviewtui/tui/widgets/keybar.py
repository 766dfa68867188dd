"""The keys of the screen at its foot, drawn as one piece of text.

Textual's `Footer` makes a widget per key and builds them only after the screen's first frame
(it waits for the bindings, then recomposes), which put the keys on screen ~70 ms after the rest
of the first screen (bench/bench_startup.py). This bar reads the same active bindings and draws
them in the frame it is first laid out in, redrawing when the bindings change.

On one row when they fit, the command palette's key at the right edge; where they do not (a
narrow terminal, long English words), on a grid of four columns or fewer, without the palette's
key (ctrl+p still opens it). A click on a key presses it; the mouse resting on a key shows its
tooltip (posting's keys do the same).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import ClassVar, NamedTuple

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.geometry import Size
from textual.widget import Widget

GRID_COLUMNS = 4  # at most, on a narrow terminal
SEPARATOR = "▏"  # before the command palette's key


class Key(NamedTuple):
    key: str  # what `simulate_key` presses
    display: str  # what the bar shows: "^q", "↵"
    description: str
    enabled: bool
    tooltip: str = ""  # shown when the mouse rests on the key (tui/keys.py fills it)

    @property
    def label(self) -> str:
        return f"{self.display} {self.description}" if self.description else self.display


class Placed(NamedTuple):
    key: Key
    row: int
    x: int

    def covers(self, x: int, y: int) -> bool:
        return y == self.row and self.x <= x < self.x + cell_len(self.key.label)


class KeyBar(Widget, can_focus=False):
    ALLOW_SELECT = False
    COMPONENT_CLASSES: ClassVar[set[str]] = {
        "keybar--key",
        "keybar--description",
        "keybar--separator",
    }
    DEFAULT_CSS = """
    KeyBar {
        dock: bottom;
        height: auto;
        color: $footer-foreground;
        background: $footer-background;
        & > .keybar--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        & > .keybar--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        & > .keybar--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(
        self,
        *,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        id: str | None = None,
        show_command_palette: bool = True,
    ) -> None:
        super().__init__(id=id)
        self.include = set(include) if include is not None else None
        self.exclude = set(exclude)
        self.show_command_palette = show_command_palette
        self._placed: list[Placed] = []

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen: object) -> None:
        self.refresh(layout=True)

    # -- what to show ----------------------------------------------------------------------------

    def keys(self) -> tuple[list[Key], Key | None]:
        """The keys this bar shows (one per action, as `Footer` does) and the palette's key."""
        app = self.app
        active = self.screen.active_bindings
        keys: list[Key] = []
        actions: set[str] = set()
        for _node, binding, enabled, tooltip in active.values():
            if not binding.show or binding.action in actions:
                continue
            actions.add(binding.action)
            action = binding.action.rpartition(".")[2]
            if self.include is not None and action not in self.include:
                continue
            if action in self.exclude:
                continue
            display = app.get_key_display(binding)
            keys.append(Key(binding.key, display, binding.description, enabled, tooltip))
        palette = None
        if self.show_command_palette and app.ENABLE_COMMAND_PALETTE:
            found = active.get(app.COMMAND_PALETTE_BINDING)
            if found is not None:
                _node, binding, enabled, tooltip = found
                display = app.get_key_display(binding)
                palette = Key(binding.key, display, binding.description, enabled, tooltip)
        return keys, palette

    def place(self, width: int) -> tuple[list[Placed], Placed | None]:
        """Where each key goes in `width` cells: one row if it fits, else a grid."""
        keys, palette = self.keys()
        labels = [cell_len(key.label) for key in keys]
        row_width = sum(labels) + len(labels)  # a space after each key
        starts = [sum(labels[:n]) + n for n in range(len(keys))]
        row = [Placed(key, 0, x) for key, x in zip(keys, starts, strict=True)]
        if palette is not None:
            palette_width = 1 + cell_len(palette.label) + 1  # separator, label, margin
            if row_width + palette_width <= width:
                return row, Placed(palette, 0, width - palette_width + 1)
        if row_width - 1 <= width:
            return row, None
        for columns in range(min(GRID_COLUMNS, len(keys)), 0, -1):
            widths = [max(labels[c::columns], default=0) for c in range(columns)]
            if sum(widths) + columns - 1 <= width or columns == 1:
                starts = [sum(widths[:c]) + c for c in range(columns)]
                return [
                    Placed(key, n // columns, starts[n % columns]) for n, key in enumerate(keys)
                ], None
        return [], None

    def fits(self) -> bool:
        """Every key this bar means to show is in view, none cut (tests of narrow terminals)."""
        width = self.content_region.width
        placed, palette = self.place(width)
        everything = [*placed, *([palette] if palette else [])]
        return all(p.x + cell_len(p.key.label) <= width for p in everything)

    # -- drawing ---------------------------------------------------------------------------------

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        placed, _palette = self.place(width)
        return max((p.row for p in placed), default=0) + 1

    def render(self) -> Text:
        width = self.content_region.width or self.size.width
        placed, palette = self.place(width)
        self._placed = [*placed, *([palette] if palette else [])]
        rows = max((p.row for p in placed), default=0) + 1
        key_style = self.get_component_rich_style("keybar--key", partial=True)
        description_style = self.get_component_rich_style("keybar--description", partial=True)
        separator_style = self.get_component_rich_style("keybar--separator", partial=True)
        dim = Style(dim=True)
        lines = [Text(no_wrap=True, end="") for _ in range(rows)]
        for spot in self._placed:
            line = lines[spot.row]
            if spot is palette:
                line.append(" " * max(0, spot.x - 1 - line.cell_len))
                line.append(SEPARATOR, separator_style)
            else:
                line.append(" " * max(0, spot.x - line.cell_len))
            disabled = Style() if spot.key.enabled else dim
            line.append(spot.key.display, key_style + disabled)
            if spot.key.description:
                line.append(" " + spot.key.description, description_style + disabled)
        return Text("\n", no_wrap=True, end="").join(lines)

    def key_at(self, x: int, y: int) -> Key | None:
        """The key drawn at (x, y) of this bar, if any."""
        return next((spot.key for spot in self._placed if spot.covers(x, y)), None)

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x, event.y)
        tip = key.tooltip if key is not None else ""
        if (tip or None) != self.tooltip:
            self.tooltip = tip or None

    def on_leave(self, _event: events.Leave) -> None:
        self.tooltip = None

    def on_click(self, event: events.Click) -> None:
        for spot in self._placed:
            if spot.covers(event.x, event.y):
                if spot.key.enabled:
                    self.app.simulate_key(spot.key.key)
                else:
                    self.app.bell()
                return
