"""The export dialog: pick a format (and the Word layout) and where to save, export in a worker.

The export runs in a thread worker so the screen never freezes. A sqlite3 connection belongs to
the thread that made it, so the worker opens its own read-only store on the same file; the
caller's store is only asked for its path. Every string goes through i18n.
"""

from __future__ import annotations

from pathlib import Path
from typing import ClassVar

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding, BindingType
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, ProgressBar, Select, Static
from textual.worker import Worker, WorkerState

from reviewtui.errors import UserError
from reviewtui.export import FORMATS, LAYOUTS, default_path, export_store, validate, write
from reviewtui.i18n import t
from reviewtui.output import in_folder, protected_paths
from reviewtui.store import Store
from reviewtui.tui.help import localize


class ExportDialog(ModalScreen[Path | None]):
    """Export the meeting in `store`; dismisses with the written path, or None if closed."""

    CSS_PATH = "export_dialog.tcss"  # screens style in .tcss; DEFAULT_CSS is for widgets

    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "close", "key.close", id="export.close"),
        Binding("ctrl+s", "export", "export.dialog.export", id="export.run"),
    ]

    def __init__(self, store: Store, *, fmt: str = "docx", layout: str = "minutes") -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.db_path = store.path.resolve()  # a full path in the field and the notice
        self.export_format = fmt if fmt in FORMATS else "docx"
        self.export_layout = layout if layout in FORMATS[self.export_format].layouts else "minutes"
        self._default = str(default_path(self.db_path, self.export_format, self.export_layout))

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box") as box:
            box.border_title = t("export.dialog.title")
            with Horizontal(classes="export-row"):
                yield Label(t("export.dialog.format"), classes="export-label")
                yield Select(
                    [(t(f"export.fmt.{name}"), name) for name in FORMATS],
                    value=self.export_format,
                    allow_blank=False,
                    compact=True,
                    id="format",
                )
            with Horizontal(classes="export-row"):
                yield Label(t("export.dialog.layout"), classes="export-label")
                yield Select(
                    [(t(f"export.layout.{name}"), name) for name in LAYOUTS],
                    value=self.export_layout,
                    allow_blank=False,
                    disabled=len(FORMATS[self.export_format].layouts) < 2,
                    compact=True,
                    id="layout",
                )
            with Horizontal(classes="export-row"):
                yield Label(t("export.dialog.path"), classes="export-label")
                yield Input(self._default, compact=True, id="path")
            yield ProgressBar(total=None, show_eta=False, id="export-progress")
            yield Static(id="export-message")
            yield Static(Text(t("export.dialog.hint")), id="export-hint")
            with Horizontal(id="export-buttons"):
                yield Button(t("key.cancel"), compact=True, id="cancel")
                yield Button(
                    t("export.dialog.export"), variant="primary", compact=True, id="export"
                )

    def on_mount(self) -> None:
        self.query_one("#path", Input).cursor_blink = getattr(self.app, "cursor_blink", True)
        self.query_one("#format", Select).focus()  # not a text field: keys stay keys

    # -- choices ---------------------------------------------------------------------------------

    @on(Select.Changed, "#format")
    def _format_changed(self, event: Select.Changed) -> None:
        self.export_format = str(event.value)
        layouts = self.query_one("#layout", Select)
        layouts.disabled = len(FORMATS[self.export_format].layouts) < 2
        if self.export_layout not in FORMATS[self.export_format].layouts:
            self.export_layout = "minutes"
            layouts.value = "minutes"
        self._follow_default()

    @on(Select.Changed, "#layout")
    def _layout_changed(self, event: Select.Changed) -> None:
        self.export_layout = str(event.value) if self.export_format == "docx" else "minutes"
        self._follow_default()

    def _follow_default(self) -> None:
        """Keep the path on the default name for the chosen format, unless the user edited it."""
        path = self.query_one("#path", Input)
        new_default = str(default_path(self.db_path, self.export_format, self.export_layout))
        if path.value.strip() in ("", self._default):
            path.value = new_default
        self._default = new_default

    # -- exporting -------------------------------------------------------------------------------

    @on(Input.Submitted, "#path")
    @on(Button.Pressed, "#export")
    def _submit(self) -> None:
        self.action_export()

    @on(Button.Pressed, "#cancel")
    def _cancel(self) -> None:
        self.action_close()

    def target(self) -> Path | None:
        """The chosen path; a relative one is taken next to the database, like the default."""
        text = self.query_one("#path", Input).value.strip()
        if not text:
            return None
        path = Path(text).expanduser()
        if not path.is_absolute():
            path = self.db_path.parent / path
        return in_folder(
            path, default_path(self.db_path, self.export_format, self.export_layout).name
        )

    def action_export(self) -> None:
        if self.has_class("-running"):
            return
        try:
            path = self.target()
        except UserError as exc:
            self._show("\n".join(exc.lines))
            return
        if path is None:
            self._show(t("export.dialog.no_path"))
            return
        self._set_busy(True)
        self.run_export(self.export_format, self.export_layout, path)

    def action_close(self) -> None:
        if not self.has_class("-running"):  # the file is being written: let it finish
            self.dismiss(None)

    @work(thread=True, exclusive=True, exit_on_error=False)
    def run_export(self, fmt: str, layout: str, path: Path) -> Path:
        validate(fmt, layout)
        self.export_target = path  # for the message if it fails
        store = Store.open_reader(self.db_path)  # this thread's own connection
        try:
            data = export_store(store, fmt, layout=layout, progress=self._progress_from_thread)
            protect = protected_paths(self.db_path, store.meta("source"))
        finally:
            store.close()
        return write(data, path, protect=protect)

    def _progress_from_thread(self, done: int, total: int) -> None:
        self.app.call_from_thread(self._progress, done, total)

    def _progress(self, done: int, total: int) -> None:
        self.query_one("#export-progress", ProgressBar).update(total=total, progress=done)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.name != "run_export":
            return
        if event.state == WorkerState.SUCCESS:
            path = event.worker.result
            self.app.notify(t("export.done", path=path), timeout=10)
            self.dismiss(path)
        elif event.state == WorkerState.ERROR:
            error = event.worker.error
            if isinstance(error, UserError):
                reason = "\n".join(error.lines)
            else:  # a bug: still say what failed, where, and what the error was
                reason = f"{type(error).__name__}: {error}"
            where = getattr(self, "export_target", None)
            message = t("export.failed_at", fmt=self.export_format, path=where, reason=reason)
            self._set_busy(False)
            self._show(message)
            self.app.notify(message, severity="error", timeout=15)

    def _set_busy(self, running: bool) -> None:
        self.set_class(running, "-running")
        for widget in self.query("Select, Input, Button"):
            widget.disabled = running
        if not running:
            self.query_one("#layout", Select).disabled = (
                len(FORMATS[self.export_format].layouts) < 2
            )
        self._show(t("export.dialog.running") if running else "")

    def _show(self, text: str) -> None:
        self.query_one("#export-message", Static).update(Text(text))
