"""A dialog that takes one file beside the meeting's database and an entry round: the ballot
screen's import (`I`, tui/ballot_import.py) and scan (`S`, tui/ballot_scan.py).

The newest matching files beside the database are offered (moving the cursor over one fills
the path); a typed relative path is taken from the database's folder, not from wherever `run`
was started. The round is asked only with double entry. Ids are `#{PREFIX}-path`,
`#{PREFIX}-files`, `#{PREFIX}-entry` (and `-entry-row`, `-run`, `-cancel`); the frame, the
message and the buttons' row share the import dialog's ids, so both look alike.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from datetime import datetime
from pathlib import Path
from typing import ClassVar, TypeVar

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widget import Widget
from textual.widgets import Button, Input, Label, OptionList, Select, Static

from reviewtui.i18n import t
from reviewtui.store import Store
from reviewtui.textsafe import clean, shown
from reviewtui.tui.keys import localize
from reviewtui.tui.widgets.fields import Choice, TextField

OFFERED = 5  # files offered, newest first

Result = TypeVar("Result")


def newest_files(store: Store, wanted: Callable[[Path], bool]) -> list[Path]:
    """The newest files beside the database that `wanted` takes, at most OFFERED."""
    found: list[tuple[float, Path]] = []
    try:
        for path in store.path.resolve().parent.iterdir():
            try:
                if wanted(path) and path.is_file():
                    found.append((path.stat().st_mtime, path))
            except OSError:  # gone or unreadable since the listing: not offered
                continue
    except OSError:
        return []
    return [path for _, path in sorted(found, reverse=True)[:OFFERED]]


def file_line(path: Path) -> Text:
    """An offered file as listed: when it was written, and its name."""
    try:
        stamp = datetime.fromtimestamp(path.stat().st_mtime).strftime("%m-%d %H:%M")
    except OSError:
        stamp = "?"
    return Text.assemble((stamp + "  ", "dim"), shown(path.name))


class FileDialog(ModalScreen[Result]):
    """The shared part: the path, the offered files, the round, the message and the buttons.
    A subclass names its PREFIX and words, and adds its own rows and buttons."""

    PREFIX: ClassVar[str]  # "import" or "scan": the ids of its fields and buttons
    DIALOG_TITLE: ClassVar[str]  # catalog keys (not TITLE: a screen's TITLE retitles the app)
    OFFERED_TITLE: ClassVar[str]
    HINT: ClassVar[str]
    RUN: ClassVar[str]

    def __init__(self, store: Store, entry: int, files: list[Path]) -> None:
        super().__init__(classes="dialog")
        localize(self)
        self.store = store
        self.entry = entry
        self.double = store.plan.assessment.double_entry
        self.folder = store.path.resolve().parent
        self.files = files

    def compose(self) -> ComposeResult:
        prefix = self.PREFIX
        with Vertical(id="import-box") as box:
            box.border_title = t(self.DIALOG_TITLE)
            with Horizontal(classes="import-row"):
                yield Label(t("ballot_import.file"), classes="import-label")
                first = self.files[0].name if self.files else ""
                yield TextField(first, compact=True, id=f"{prefix}-path")
            if self.files:
                yield Static(Text(t(self.OFFERED_TITLE), style="dim"))
                yield OptionList(*(file_line(p) for p in self.files), id=f"{prefix}-files")
            with Horizontal(classes="import-row", id=f"{prefix}-entry-row"):
                yield Label(t("ballot_import.entry"), classes="import-label")
                yield Choice(
                    [(t("ballot.round", entry=n), str(n)) for n in (1, 2)],
                    value=str(self.entry),
                    allow_blank=False,
                    compact=True,
                    id=f"{prefix}-entry",
                )
            yield from self.extra_rows()
            with VerticalScroll(id="import-scroll"):
                yield Static(id="import-message")
            yield Static(Text(t(self.HINT)), id="import-hint")
            with Horizontal(id="import-buttons"):
                yield Button(t("key.cancel"), compact=True, id=f"{prefix}-cancel")
                yield from self.extra_buttons()
                yield Button(t(self.RUN), variant="primary", compact=True, id=f"{prefix}-run")

    def extra_rows(self) -> Iterator[Widget]:
        """Rows between the round and the message (the scan's progress bar)."""
        yield from ()

    def extra_buttons(self) -> Iterator[Widget]:
        """Buttons between cancel and run (the import's skip)."""
        yield from ()

    def on_mount(self) -> None:
        prefix = self.PREFIX
        self.query_one(f"#{prefix}-entry-row").display = self.double  # one round: always 1
        self.path_field.cursor_blink = getattr(self.app, "cursor_blink", True)
        self.query_one(f"#{prefix}-files" if self.files else f"#{prefix}-path").focus()
        self.say("")

    @property
    def path_field(self) -> Input:
        return self.query_one(f"#{self.PREFIX}-path", Input)

    def path(self) -> Path | None:
        """The file typed or picked; a relative path is beside the database."""
        text = clean(self.path_field.value).strip()
        return self.folder / Path(text).expanduser() if text else None

    @property
    def entry_choice(self) -> Select[str]:
        return self.query_one(f"#{self.PREFIX}-entry", Select)

    def chosen_entry(self) -> int:
        return int(str(self.entry_choice.value)) if self.double else 1

    @on(OptionList.OptionHighlighted)
    def _offered(self, event: OptionList.OptionHighlighted) -> None:
        if event.option_list.id != f"{self.PREFIX}-files":
            return
        field = self.path_field
        field.value = self.files[event.option_index].name  # beside the database
        field.cursor_position = len(field.value)

    def say(self, text: str, working: bool = False) -> None:
        message = self.query_one("#import-message", Static)
        message.set_class(working, "working")
        message.update(Text(shown(text)))
        self.query_one("#import-scroll").display = bool(text)

    @on(Button.Pressed)
    def _pressed(self, event: Button.Pressed) -> None:
        if event.button.id == f"{self.PREFIX}-run":
            self.action_run()
        elif event.button.id == f"{self.PREFIX}-cancel":
            self.action_cancel()

    def action_run(self) -> None:
        raise NotImplementedError

    def action_cancel(self) -> None:
        self.dismiss(None)
