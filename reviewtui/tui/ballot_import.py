"""Importing a second laptop's ballots on the ballot screen (`I`): the merge of `ballots import`
(`assessment.merge.import_ballots`), run on the store the screen holds, so the first laptop
need not quit `run` (the writer lock) to take the other laptop's file in.

The dialog takes the file (the newest `*-ballots-*.csv` beside the database are offered; a
relative path is taken from the database's folder, not from wherever `run` was started) and the
entry round (the screen's). A refused file (bad rows, conflicts) changes nothing and its
lines are shown; after a conflict refusal, and only then, ctrl+o offers to skip the conflicts,
asked once more. The import is one journaled command: ctrl+z on the screen takes it back whole,
after asking (`ballots.last_undoable`).
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from fnmatch import fnmatch
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Select, Static

from reviewtui.assessment import ballots, merge
from reviewtui.assessment.forms import Form, code_sort_key
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.present.rules import import_lines
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.file_dialog import FileDialog, newest_files
from reviewtui.tui.keys import localize, when_typed

if TYPE_CHECKING:
    from reviewtui.tui.ballots import BallotScreen


def offered_files(store: Store) -> list[Path]:
    """The newest ballot exports beside the database (`merge.default_export_path` names them)."""
    return newest_files(store, lambda path: fnmatch(path.name, "*-ballots-*.csv"))


class ImportDialog(FileDialog[merge.MergeReport | None]):
    """Import a ballot file into `store`; dismisses with the merge's report, or None."""

    CSS_PATH = "ballot_import.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets
    PREFIX = "import"
    DIALOG_TITLE = "ballot_import.title"
    OFFERED_TITLE = "ballot_import.offered"
    HINT = "ballot_import.hint"
    RUN = "ballot_import.run"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="ballot_import.cancel"),
        # enter imports from any field (the offered files fill the path as the cursor moves).
        Binding("enter", "run", "ballot_import.run", priority=True, id="ballot_import.run"),
        Binding("ctrl+s", "run", "ballot_import.run", show=False, id="ballot_import.save"),
        Binding("ctrl+o", "skip", "ballot_import.key.skip", id="ballot_import.skip"),
    ]

    def __init__(self, store: Store, entry: int) -> None:
        super().__init__(store, entry, offered_files(store))
        self.refused: merge.ConflictsRefused | None = None  # the conflicts ctrl+o would skip

    def extra_buttons(self) -> Iterator[Widget]:
        yield Button(t("ballot_import.skip"), compact=True, id="import-skip")

    def on_mount(self) -> None:
        super().on_mount()
        self.show_refusal(None)

    @on(Input.Changed, "#import-path")
    @on(Select.Changed, "#import-entry")
    def _changed(self) -> None:
        if self.refused is not None:  # that refusal was of another file or round
            self.show_refusal(None)
            self.say("")

    def show_refusal(self, refused: merge.ConflictsRefused | None) -> None:
        self.refused = refused
        self.query_one("#import-skip", Button).display = refused is not None
        self.refresh_bindings()

    # -- importing -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return self.refused is not None
        if action == "run":  # enter picks an option in the open round list
            return not self.entry_choice.expanded
        return True

    @on(Button.Pressed, "#import-skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    def action_run(self, skip_conflicts: bool = False) -> None:
        when_typed(self, lambda: self._run(skip_conflicts))

    def _run(self, skip_conflicts: bool) -> None:
        path = self.path()
        if path is None:
            self.say(t("ballot_import.no_path"))
            self.app.bell()
            return
        try:
            report = merge.import_ballots(
                self.store,
                path,
                entry=self.chosen_entry(),
                skip_conflicts=skip_conflicts,
            )
        except merge.ConflictsRefused as exc:
            self.say("\n".join(refusal_lines(Form.of(self.store.plan), exc, self.folder)))
            self.show_refusal(exc)
            self.app.bell()
            return
        except UserError as exc:  # bad rows, no such file: nothing written
            self.say("\n".join(exc.lines))
            self.show_refusal(None)
            self.app.bell()
            return
        self.dismiss(named(report, self.folder))

    def action_skip(self) -> None:
        """After a conflict refusal: import the rest, each conflict keeping its entered version."""
        refused = self.refused
        if refused is None:
            return
        count = len(refused.report.conflicts)
        question = t("ballot_import.skip_confirm", count=count, new=refused.new)
        detail = Text(t("ballot_import.skip_detail"))

        def answered(yes: bool | None) -> None:
            if yes:
                self.action_run(skip_conflicts=True)

        self.app.push_screen(ConfirmDialog(question, detail), answered)


def named(report: merge.MergeReport, folder: Path) -> merge.MergeReport:
    """The report with its file named as the dialog named it: a file beside the database by
    its name alone."""
    path = Path(report.path)
    return replace(report, path=path.name) if path.parent == folder else report


def refusal_lines(form: Form, refused: merge.ConflictsRefused, folder: Path) -> list[str]:
    """The conflicts as `ballots import` lists them, then what the screen offers instead of
    the command line's --skip-conflicts."""
    report = named(refused.report, folder)
    conflicts = sorted(report.conflicts, key=lambda c: code_sort_key(c.code))
    lines = [merge.conflict_line(form, report.path, report.entry, c) for c in conflicts]
    counts = {"count": len(conflicts), "new": refused.new, "duplicates": len(report.duplicates)}
    lines.append(t("ballot_import.refused", **counts))
    if report.hint_other_round:
        lines.append(t("merge.hint_other_round", entry=3 - report.entry))
    return lines


class ReportDialog(ModalScreen[None]):
    """What the import did, as `ballots import` prints it; enter or escape closes."""

    CSS_PATH = "ballot_import.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("enter,escape", "close", "key.close", id="ballot_import.close"),
    ]

    def __init__(self, lines: list[str], title: str = "ballot_import.report_title") -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.lines = lines
        self.title_key = title  # a catalog key: the scan's report has its own

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="import-report") as box:
            box.border_title = t(self.title_key)
            box.border_subtitle = t("ballot_import.report_close")
            yield Static(Text(shown("\n".join(self.lines))))

    def action_close(self) -> None:
        self.dismiss(None)


def open_import(screen: BallotScreen) -> None:
    """`I` on the ballot screen: the dialog; once imported, the screen shows the new ballots and
    the report."""

    def done(report: merge.MergeReport | None) -> None:
        if report is None:
            return
        if screen.editing is None and not screen.dirty:  # the offered id may be taken now
            screen.code_input.value = ballots.next_code(screen.store, screen.entry)
        screen.refresh_all()
        lines = merge.summary(screen.form, report) + import_lines(report.invalid)
        screen.say(lines[0], "success")
        screen.app.push_screen(ReportDialog(lines))

    screen.app.push_screen(ImportDialog(screen.store, screen.entry), done)
