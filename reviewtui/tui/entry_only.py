"""The first and only working screen of `run --entry-only`: ballot entry on a second laptop.

A second laptop types ballots into a copy of the meeting's database (or its own database made
from the same session file) while the first runs the meeting. The copy opens straight on ballot
entry, in the one entry round it types (`--entry`), as `--entered-by` (else user@host); there is
no agenda, so no key records a segment, a question or an amendment of the meeting. Results
(`s`, and their export) are still there. `x` writes this round's ballots to a file named with the
round and the laptop, for `reviewtui ballots import ... --entry N` on the first laptop
(`assessment/merge.py`). The header and the footer say it is an entry-only copy and which round.
"""

from __future__ import annotations

from typing import ClassVar

from rich.text import Text
from textual.binding import Binding, BindingType
from textual.widgets import Input, Static

from reviewtui.assessment import ballots, merge
from reviewtui.assessment.merge import EntryCopy
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.ballots import BallotScreen
from reviewtui.tui.keys import localize


class EntryOnlyScreen(BallotScreen):
    CSS_PATH: ClassVar[list[str]] = ["ballots.tcss", "entry_only.tcss"]  # type: ignore[assignment]
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("s", "results", "agenda.key.results", id="entry_only.results"),
    ]

    def __init__(self, store: Store, copy: EntryCopy) -> None:
        super().__init__(store)
        localize(self)
        self.copy = copy
        self.entry = copy.entry
        # This laptop's name, not the last typist of the meeting the copy was taken from.
        self.who = copy.entered_by or ballots.default_entered_by()
        self.add_class("-entry-only")

    def on_mount(self) -> None:
        note = Static(Text(t("entry_only.footer")), id="entry-only-note")
        self.query_one("#ballot-keys").mount(note, before=0)

    def show_title(self) -> None:
        title = Text(t("ballot.title"), style="bold")
        title.append("  ")
        badge = f" {t('entry_only.badge')} · {t('entry_only.round', entry=self.entry)} "
        title.append(badge, style="bold reverse")
        title.append("  ")
        title.append(shown(self.plan.meeting.title), style="dim")
        self.query_one("#ballot-title", Static).update(title)

    def action_results(self) -> None:
        from reviewtui.tui.results import ResultsScreen

        self.app.push_screen(ResultsScreen(self.store))

    def action_export(self) -> None:
        path = merge.default_export_path(self.store, self.entry)
        try:
            count = merge.export_ballots(self.store, path, entry=self.entry)
        except UserError as exc:  # the safe writer says what failed and where
            self.say(t("ballot.export_failed", reason="\n".join(exc.lines)), "error")
            return
        done = t("merge.exported", count=count, entry=self.entry, path=path)
        self.say(done + "\n" + t("merge.import_there", name=path.name, entry=self.entry), "success")

    def action_back(self) -> None:
        if isinstance(self.focused, Input):
            self.set_focus(self.grid)  # escape leaves a text field first
            return
        self.say(t("entry_only.no_back"), "warning")  # the only screen: nothing to go back to

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "switch_round":
            return False  # the round is the copy's (`--entry`), as its header says
        return super().check_action(action, parameters)
