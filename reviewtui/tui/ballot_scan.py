"""Scanning a file on the ballot screen (`S`): what `ballots scan` does, on the store the screen
holds, so the secretary need not quit `run` (the writer lock) to read the copier's PDF.

The dialog takes the file (the newest scans beside the database are offered; a relative path
is taken from the database's folder) and the entry round (the screen's). The pages are read in a
thread, with a progress bar (escape stops it; nothing is written until every page is read);
then they are recorded as one journaled command, as the CLI records them: ctrl+z on the screen
takes the whole file back, after asking. Held forms wait at `V`.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, ProgressBar, Select, Static

from reviewtui.assessment import ballots
from reviewtui.assessment.forms import Form
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.textsafe import clean, shown
from reviewtui.tui.ballot_import import ReportDialog
from reviewtui.tui.keys import localize, when_typed
from reviewtui.tui.widgets.fields import Choice, TextField

if TYPE_CHECKING:
    from reviewtui.assessment.scan.save import PageRead
    from reviewtui.tui.ballots import BallotScreen

OFFERED = 5  # scans offered, newest first
KINDS = (".pdf", ".jpg", ".jpeg", ".png")


class _Stopped(Exception):
    """Escape while the pages are read."""


def offered_scans(store: Store) -> list[Path]:
    """The newest PDFs and pictures beside the database."""
    found: list[tuple[float, Path]] = []
    try:
        for path in store.path.resolve().parent.iterdir():
            try:
                if path.suffix.lower() in KINDS and path.is_file():
                    found.append((path.stat().st_mtime, path))
            except OSError:  # gone or unreadable since the listing: not offered
                continue
    except OSError:
        return []
    return [path for _, path in sorted(found, reverse=True)[:OFFERED]]


class ScanDialog(ModalScreen[list[str] | None]):
    """Scan a file into `store`; dismisses with the lines `ballots scan` prints, or None."""

    CSS_PATH = "ballot_scan.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "ballot_scan.key.cancel", id="ballot_scan.cancel"),
        Binding("enter", "run", "ballot_scan.key.run", priority=True, id="ballot_scan.run"),
        Binding("ctrl+s", "run", "ballot_scan.key.run", show=False, id="ballot_scan.save"),
    ]

    def __init__(self, store: Store, entry: int, entered_by: str) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.store = store
        self.entry = entry
        self.entered_by = entered_by
        self.double = store.plan.assessment.double_entry
        self.folder = store.path.resolve().parent
        self.files = offered_scans(store)
        self.running = False
        self.stop = threading.Event()

    def compose(self) -> ComposeResult:
        with Vertical(id="import-box") as box:
            box.border_title = t("ballot_scan.title")
            with Horizontal(classes="import-row"):
                yield Label(t("ballot_import.file"), classes="import-label")
                first = self.files[0].name if self.files else ""
                yield TextField(first, compact=True, id="scan-path")
            if self.files:
                yield Static(Text(t("ballot_scan.offered"), style="dim"))
                yield OptionList(*(self._file_line(p) for p in self.files), id="scan-files")
            with Horizontal(classes="import-row", id="scan-entry-row"):
                yield Label(t("ballot_import.entry"), classes="import-label")
                yield Choice(
                    [(t("ballot.round", entry=n), str(n)) for n in (1, 2)],
                    value=str(self.entry),
                    allow_blank=False,
                    compact=True,
                    id="scan-entry",
                )
            yield ProgressBar(show_eta=False, id="scan-progress")
            with VerticalScroll(id="import-scroll"):
                yield Static(id="import-message")
            yield Static(Text(t("ballot_scan.hint")), id="import-hint")
            with Horizontal(id="import-buttons"):
                yield Button(t("key.cancel"), compact=True, id="scan-cancel")
                yield Button(t("ballot_scan.run"), variant="primary", compact=True, id="scan-run")

    @staticmethod
    def _file_line(path: Path) -> Text:
        try:
            stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%m-%d %H:%M")
        except OSError:
            stamp = "?"
        return Text.assemble((stamp + "  ", "dim"), shown(path.name))

    def on_mount(self) -> None:
        self.query_one("#scan-entry-row").display = self.double  # one round: always 1
        self.query_one("#scan-progress").display = False
        self.query_one("#scan-path", Input).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.query_one("#scan-files" if self.files else "#scan-path").focus()
        self.say("")

    def path(self) -> Path | None:
        """The file typed or picked; a relative path is beside the database."""
        text = clean(self.query_one("#scan-path", Input).value).strip()
        return self.folder / Path(text).expanduser() if text else None

    def chosen_entry(self) -> int:
        return int(str(self.query_one("#scan-entry", Select).value)) if self.double else 1

    @on(OptionList.OptionHighlighted, "#scan-files")
    def _offered(self, event: OptionList.OptionHighlighted) -> None:
        field = self.query_one("#scan-path", Input)
        field.value = self.files[event.option_index].name  # beside the database
        field.cursor_position = len(field.value)

    def say(self, text: str, working: bool = False) -> None:
        message = self.query_one("#import-message", Static)
        message.set_class(working, "working")
        message.update(Text(shown(text)))
        self.query_one("#import-scroll").display = bool(text)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":  # enter picks an option in the open round list
            return not self.running and not self.query_one("#scan-entry", Select).expanded
        return True

    @on(Button.Pressed, "#scan-run")
    def _run_pressed(self) -> None:
        self.action_run()

    @on(Button.Pressed, "#scan-cancel")
    def _cancel_pressed(self) -> None:
        self.action_cancel()

    # -- reading ---------------------------------------------------------------------------------

    def action_run(self) -> None:
        when_typed(self, self._run)

    def _run(self) -> None:
        path = self.path()
        if path is None:
            self.say(t("ballot_scan.no_path"))
            self.app.bell()
            return
        try:
            ballots.check_entry(self.store, self.chosen_entry())
        except UserError as exc:
            self.say("\n".join(exc.lines))
            self.app.bell()
            return
        from reviewtui.assessment.scan.save import known_pages

        self.running = True
        self.stop.clear()
        self.refresh_bindings()
        self.say(t("scan.reading"), working=True)
        bar = self.query_one("#scan-progress", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        entry = self.chosen_entry()
        seen = known_pages(self.store, entry)  # the store is read here, never in the thread
        self.read(path, Form.of(self.store.plan), entry, seen)

    @work(thread=True, exclusive=True, group="scan")
    def read(self, path: Path, form: Form, entry: int, seen: set[str]) -> None:
        """The pages read in a thread: OpenCV and PDF rendering, no database."""
        from reviewtui.assessment.scan import pages as page_files
        from reviewtui.assessment.scan.command import read_images

        opinions = bool(self.store.plan.assessment.opinions)
        bar = self.query_one("#scan-progress", ProgressBar)

        def step() -> None:
            if self.stop.is_set() or not self.is_attached:
                raise _Stopped
            self.app.call_from_thread(bar.advance, 1)

        try:
            total = page_files.count(path)
            self.app.call_from_thread(bar.update, total=total)
            if total == 0:
                raise UserError(t("scan.no_pages"))
            found = read_images([path], form, opinions=opinions, seen=seen, step=step)
            then: Callable[[], None] = partial(self._record, found, entry)
        except _Stopped:
            then = self._stopped
        except UserError as exc:
            then = partial(self._failed, exc.lines)
        if self.is_attached:  # not when the app quit while the pages were read
            self.app.call_from_thread(then)

    def _record(self, found: list[tuple[PageRead, str | None]], entry: int) -> None:
        from reviewtui.assessment.scan.command import finish, of_meeting

        try:
            pages = of_meeting(self.store, found)
            lines = finish(self.store, pages, entry=entry, entered_by=self.entered_by)
        except UserError as exc:
            self._failed(exc.lines)
            return
        self.dismiss(lines)

    def _failed(self, lines: list[str]) -> None:
        self.running = False
        self.query_one("#scan-progress").display = False
        self.refresh_bindings()
        self.say("\n".join(lines))
        self.app.bell()

    def _stopped(self) -> None:
        self._failed([t("ballot_scan.stopped")])

    def on_unmount(self) -> None:
        self.stop.set()  # the app quits while pages are read: the thread stops at its next page

    def action_cancel(self) -> None:
        if self.running:  # the thread stops at its next page; nothing was written
            self.stop.set()
            return
        self.dismiss(None)


def open_scan(screen: BallotScreen) -> None:
    """`S` on the ballot screen: the dialog; once recorded, the screen shows the new ballots
    and what came of each page."""

    def done(lines: list[str] | None) -> None:
        if not lines:
            return
        if screen.editing is None and not screen.dirty:  # the offered id may be taken now
            screen.code_input.value = ballots.next_code(screen.store, screen.entry)
        screen.refresh_all()
        screen.say(lines[0], "success")
        screen.app.push_screen(ReportDialog(lines, "ballot_scan.report_title"))

    screen.app.push_screen(ScanDialog(screen.store, screen.entry, screen.who), done)
