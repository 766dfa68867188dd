"""A yes/no question asked before a step that cannot be taken back silently (deleting a
ballot, saving a form with blanks, a settings change, ending an item)."""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewtui.i18n import t
from reviewtui.tui.keys import localize


class ConfirmDialog(ModalScreen[bool]):
    """A yes/no question: `enter`/`y` yes, `escape`/`n` no."""

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,y", "answer(True)", "dialog.key.yes", key_display="↵", id="dialog.yes"),
        Binding("escape,n", "answer(False)", "dialog.key.no", id="dialog.no"),
    ]

    def __init__(self, question: str, detail: Text) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.question = question
        self.detail = detail

    def compose(self) -> ComposeResult:
        with Vertical(id="confirm-box") as box:
            box.border_title = self.question
            yield Static(self.detail, id="confirm-detail")
            yield Static(Text(t("dialog.confirm_hint"), style="dim"), id="confirm-hint")

    def action_answer(self, yes: bool) -> None:
        self.dismiss(yes)
