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
from collections.abc import Callable, Iterator
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar

from textual import work
from textual.binding import Binding, BindingType
from textual.widget import Widget
from textual.widgets import ProgressBar

from reviewtui.assessment import ballots
from reviewtui.assessment.forms import Form
from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.tui.ballot_import import ReportDialog
from reviewtui.tui.file_dialog import FileDialog, newest_files
from reviewtui.tui.keys import when_typed

if TYPE_CHECKING:
    from reviewtui.assessment.scan.save import PageRead
    from reviewtui.tui.ballots import BallotScreen

KINDS = (".pdf", ".jpg", ".jpeg", ".png")


class _Stopped(Exception):
    """Escape while the pages are read."""


def offered_scans(store: Store) -> list[Path]:
    """The newest PDFs and pictures beside the database."""
    return newest_files(store, lambda path: path.suffix.lower() in KINDS)


class ScanDialog(FileDialog[list[str] | None]):
    """Scan a file into `store`; dismisses with the lines `ballots scan` prints, or None."""

    CSS_PATH = "ballot_scan.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets
    PREFIX = "scan"
    DIALOG_TITLE = "ballot_scan.title"
    OFFERED_TITLE = "ballot_scan.offered"
    HINT = "ballot_scan.hint"
    RUN = "ballot_scan.run"

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "cancel", "key.cancel", id="ballot_scan.cancel"),
        Binding("enter", "run", "ballot_scan.run", priority=True, id="ballot_scan.run"),
        Binding("ctrl+s", "run", "ballot_scan.run", show=False, id="ballot_scan.save"),
    ]

    def __init__(self, store: Store, entry: int, entered_by: str) -> None:
        super().__init__(store, entry, offered_scans(store))
        self.entered_by = entered_by
        self.running = False
        self.stop = threading.Event()

    def extra_rows(self) -> Iterator[Widget]:
        yield ProgressBar(show_eta=False, id="scan-progress")

    def on_mount(self) -> None:
        super().on_mount()
        self.query_one("#scan-progress").display = False

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "run":  # enter picks an option in the open round list
            return not self.running and not self.entry_choice.expanded
        return True

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
