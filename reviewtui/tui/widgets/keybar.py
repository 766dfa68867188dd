"""A footer showing part of the keys: the live screen shows its keys on two rows, so that every
key fits at 80 columns (the meeting's keys above, corrections and the rest below)."""

from __future__ import annotations

from collections.abc import Iterable

from textual.app import ComposeResult
from textual.widgets import Footer
from textual.widgets._footer import FooterKey


class KeyBar(Footer):
    def __init__(
        self,
        *,
        include: Iterable[str] | None = None,
        exclude: Iterable[str] = (),
        id: str | None = None,
        show_command_palette: bool = True,
    ) -> None:
        super().__init__(id=id, show_command_palette=show_command_palette, compact=True)
        self.include = set(include) if include is not None else None
        self.exclude = set(exclude)

    def compose(self) -> ComposeResult:
        for widget in super().compose():
            if isinstance(widget, FooterKey) and "-command-palette" not in widget.classes:
                action = widget.action.rpartition(".")[2]
                if self.include is not None and action not in self.include:
                    continue
                if action in self.exclude:
                    continue
            yield widget
        # Footer sets its grid's column count inline; leave it to the CSS, which lays the keys
        # out on a grid where the screen is too narrow for one row (app.tcss, "-narrow").
        self.styles.clear_rule("grid_size_columns")
