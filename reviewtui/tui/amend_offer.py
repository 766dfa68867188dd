"""The first screen of `run` on a session file changed since its database was made.

Every difference is an amendment (`amend.propose` refused none: `amend.open_amendable`), so the
secretary may apply them here: `enter` applies them in one "amend" command (ctrl+z on the agenda
takes it back) and the meeting goes on; `escape` quits changing nothing, and `run` exits 2 with
the same differences and advice as `results` or `export` would give.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reviewtui import amend
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.plan.changes import PlanChange, describe
from reviewtui.textsafe import shown
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.keybar import KeyBar

if TYPE_CHECKING:
    from reviewtui.amend import Pending
    from reviewtui.tui.app import ReviewApp


def change_line(change: amend.Change) -> str:
    """The change in words, as `amend` prints it."""
    return f"  {describe(PlanChange(*change))}"


class AmendOffer(ModalScreen[None]):
    CSS_PATH = "amend_offer.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter", "apply", "offer.key.apply", key_display="↵", id="offer.apply"),
        Binding("escape", "decline", "offer.key.quit", id="offer.quit"),
    ]

    def __init__(self, pending: Pending) -> None:
        super().__init__(id="amend-offer")
        localize(self)
        self.pending = pending

    @property
    def review_app(self) -> ReviewApp:
        return self.app  # type: ignore[return-value]

    def compose(self) -> ComposeResult:
        target = self.pending.target
        changes = self.pending.proposal.changes
        with Vertical(id="offer-box") as box:
            box.border_title = t("offer.title")
            yield Static(
                Text(shown(t("offer.intro", toml=target.toml, db=target.db))), id="offer-intro"
            )
            with VerticalScroll(id="offer-changes"):
                lines = [change_line(c) for c in changes]
                yield Static(Text(shown("\n".join(lines))))
            yield Static(id="offer-message")
            yield Static(Text(t("offer.how")), id="offer-how")
            yield KeyBar(show_command_palette=False, id="offer-keys")

    def action_apply(self) -> None:
        store = self.review_app.store
        try:
            amend.apply(store, self.pending.plan, self.pending.proposal)
        except UserError as exc:  # the storage refused (disk full, read-only): say so, stay
            self.query_one("#offer-message", Static).update(Text(shown("\n".join(exc.lines))))
            return
        self.review_app.pending_amendments = None
        self.review_app.title = shown(store.plan.meeting.title)
        self.app.notify(t("offer.applied", count=len(self.pending.proposal.changes)))
        self.dismiss()

    def action_decline(self) -> None:
        self.review_app.declined = self.pending.refused_message
        self.app.exit(return_code=2)
