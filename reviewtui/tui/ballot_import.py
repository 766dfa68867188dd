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

from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Select, Static

from reviewtui.assessment import ballots, merge
from reviewtui.assessment.forms import Form, code_sort_key
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.present.rules import import_lines
from reviewtui.store import Store
from reviewtui.textsafe import clean, shown
from reviewtui.tui.confirm_dialog import ConfirmDialog
from reviewtui.tui.keys import localize, when_typed
from reviewtui.tui.widgets.fields import Choice, TextField

if TYPE_CHECKING:
    from reviewtui.tui.ballots import BallotScreen

OFFERED = 5  # exported files offered, newest first


def offered_files(store: Store) -> list[Path]:
    """The newest ballot exports beside the database (`merge.default_export_path` names them)."""
    found: list[tuple[float, Path]] = []
    try:
        for path in store.path.resolve().parent.glob("*-ballots-*.csv"):
            try:
                if path.is_file():
                    found.append((path.stat().st_mtime, path))
            except OSError:  # gone or unreadable since the listing: not offered
                continue
    except OSError:
        return []
    return [path for _, path in sorted(found, reverse=True)[:OFFERED]]


class ImportDialog(ModalScreen[merge.MergeReport | None]):
    """Import a ballot file into `store`; dismisses with the merge's report, or None."""

    CSS_PATH = "ballot_import.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="ballot_import.cancel"),
        # enter imports from any field (the offered files fill the path as the cursor moves).
        Binding("enter", "run", "ballot_import.key.run", priority=True, id="ballot_import.run"),
        Binding("ctrl+s", "run", "ballot_import.key.run", show=False, id="ballot_import.save"),
        Binding("ctrl+o", "skip", "ballot_import.key.skip", id="ballot_import.skip"),
    ]

    def __init__(self, store: Store, entry: int) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.store = store
        self.entry = entry
        self.double = store.plan.assessment.double_entry
        self.folder = store.path.resolve().parent
        self.files = offered_files(store)
        self.refused: merge.ConflictsRefused | None = None  # the conflicts ctrl+o would skip

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box") as box:
            box.border_title = t("ballot_import.title")
            with Horizontal(classes="import-row"):
                yield Label(t("ballot_import.file"), classes="import-label")
                first = self.files[0].name if self.files else ""
                yield TextField(first, compact=True, id="import-path")
            if self.files:
                yield Static(Text(t("ballot_import.offered"), style="dim"))
                yield OptionList(*(self._file_line(p) for p in self.files), id="import-files")
            with Horizontal(classes="import-row", id="import-entry-row"):
                yield Label(t("ballot_import.entry"), classes="import-label")
                yield Choice(
                    [(t("ballot.round", entry=n), str(n)) for n in (1, 2)],
                    value=str(self.entry),
                    allow_blank=False,
                    compact=True,
                    id="import-entry",
                )
            with VerticalScroll(id="import-scroll"):
                yield Static(id="import-message")
            yield Static(Text(t("ballot_import.hint")), id="import-hint")
            with Horizontal(id="import-buttons"):
                yield Button(t("key.cancel"), compact=True, id="import-cancel")
                yield Button(t("ballot_import.skip"), compact=True, id="import-skip")
                yield Button(
                    t("ballot_import.run"), variant="primary", compact=True, id="import-run"
                )

    @staticmethod
    def _file_line(path: Path) -> Text:
        try:
            stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%m-%d %H:%M")
        except OSError:
            stamp = "?"
        return Text.assemble((stamp + "  ", "dim"), shown(path.name))

    def on_mount(self) -> None:
        self.query_one("#import-entry-row").display = self.double  # one round: always 1
        self.query_one("#import-path", Input).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.query_one("#import-files" if self.files else "#import-path").focus()
        self.show_refusal(None)
        self.say("")

    # -- what is chosen --------------------------------------------------------------------------

    def path(self) -> Path | None:
        """The file typed or picked; a relative path is beside the database."""
        text = clean(self.query_one("#import-path", Input).value).strip()
        return self.folder / Path(text).expanduser() if text else None

    def chosen_entry(self) -> int:
        return int(str(self.query_one("#import-entry", Select).value)) if self.double else 1

    @on(OptionList.OptionHighlighted, "#import-files")
    def _offered(self, event: OptionList.OptionHighlighted) -> None:
        field = self.query_one("#import-path", Input)
        field.value = self.files[event.option_index].name  # beside the database
        field.cursor_position = len(field.value)

    @on(Input.Changed, "#import-path")
    @on(Select.Changed, "#import-entry")
    def _changed(self) -> None:
        if self.refused is not None:  # that refusal was of another file or round
            self.show_refusal(None)
            self.say("")

    def say(self, text: str) -> None:
        self.query_one("#import-message", Static).update(Text(text))
        self.query_one("#import-scroll").display = bool(text)

    def show_refusal(self, refused: merge.ConflictsRefused | None) -> None:
        self.refused = refused
        self.query_one("#import-skip", Button).display = refused is not None
        self.refresh_bindings()

    # -- importing -------------------------------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "skip":
            return self.refused is not None
        if action == "run":  # enter picks an option in the open round list
            return not self.query_one("#import-entry", Select).expanded
        return True

    @on(Button.Pressed, "#import-run")
    def _run_pressed(self) -> None:
        self.action_run()

    @on(Button.Pressed, "#import-skip")
    def _skip_pressed(self) -> None:
        self.action_skip()

    @on(Button.Pressed, "#import-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

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

    def action_cancel(self) -> None:
        self.dismiss(None)


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
