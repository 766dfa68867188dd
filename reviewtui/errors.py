"""Errors a user can act on: the CLI prints them and exits 2, the TUI shows them."""

from __future__ import annotations


class UserError(Exception):
    """Bad input or a refused operation; `lines` are already in the user's language. `field`
    names the input it refuses, when there is one: a dialog puts the cursor back there."""

    def __init__(self, *lines: str, field: str | None = None) -> None:
        super().__init__("\n".join(lines))
        self.lines = list(lines)
        self.field = field
