"""The live meeting app: the agenda screen first, the live screen of an item on `enter`.

Started on a meeting whose segment was still running (after a crash or a kill), it opens the
live screen of that item at once, the segment still running from its original start, and
reopens the dialog that was open, with what had been typed into it.

Typed text (notes, dialogs) is saved a moment after the last key; every way out saves it first:
`ctrl+q`, any `exit()`, and SIGTERM or SIGHUP (the terminal window closed) or a closed Windows
console, which the app takes as a request to quit cleanly. From then on the process has a bounded
time to end (`reviewtui.way_out`, `stopping.run_bounded`), even if the terminal is gone.
"""

from __future__ import annotations

import contextlib
import functools
import gc
import time
from typing import TYPE_CHECKING, ClassVar, cast

from rich.console import RenderableType
from textual import events
from textual.app import App
from textual.binding import Binding, BindingType
from textual.screen import Screen
from textual.widgets import Input

from reviewtui.errors import UserError
from reviewtui.i18n import Said, t
from reviewtui.meeting import Meeting
from reviewtui.store import Store
from reviewtui.textsafe import shown
from reviewtui.tui import paste_guard
from reviewtui.tui.agenda import AgendaScreen, ended_notice
from reviewtui.tui.keys import localize
from reviewtui.tui.palette import JumpProvider, Palette
from reviewtui.tui.pending import PendingWrites
from reviewtui.tui.stopping import Stoppable, run_bounded

if TYPE_CHECKING:
    from reviewtui.amend import Pending
    from reviewtui.assessment.merge import EntryCopy
    from reviewtui.tui.collecting import Collector
    from reviewtui.tui.live import LiveScreen

QUIT_AGAIN_WITHIN = 5.0  # seconds: a second ctrl+q quits although typed text is not yet saved
REMIND_EVERY = 30.0  # seconds between reminders that typed text waits for the storage


def _live_screen() -> type[LiveScreen]:
    # The live screen (its dialogs, notes area, records) is imported when first shown, not at
    # launch: the agenda is the first screen, and start-up time is a goal (bench_startup.py).
    from reviewtui.tui.live import LiveScreen

    return LiveScreen


class ReviewApp(Stoppable, App[None]):
    CSS_PATH = "app.tcss"
    COMMANDS = App.COMMANDS | {JumpProvider}
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("ctrl+q", "quit", "help.key.quit", priority=True, id="app.quit"),
    ]

    def __init__(
        self,
        store: Store,
        *,
        cursor_blink: bool = True,
        pending: Pending | None = None,
        entry_copy: EntryCopy | None = None,
    ) -> None:
        super().__init__()
        paste_guard.install()  # a paste holding ESC comes as one paste, in order
        # `run --entry-only`: a second laptop typing ballots; nothing of the meeting is recorded.
        self.entry_copy = entry_copy
        # The session file's amendments `run` offers before the meeting goes on; declined, the
        # app quits and `run_app` says what the CLI says (`declined`).
        self.pending_amendments = pending
        self.declined: list[str] | None = None
        localize(self)
        self.store = store
        self.meeting = Meeting(store)
        self.pending = PendingWrites()  # typed text the storage refused, written once it can
        self._quit_anyway_until = 0.0
        self._pending_reminded = time.monotonic()  # the first refusal says it itself
        self.cursor_blink = cursor_blink  # tests and snapshots turn it off
        # Once started, the objects made so far (Textual, pinyin tables, the plan) live as long
        # as the app: frozen, the garbage collector stops walking them, and a full collection
        # no longer costs ~80 ms of a running timer's CPU (bench/bench_live_cpu.py).
        self.freeze_gc = False
        # Sent to the terminal as its window title: never raw (an OSC sequence would act).
        self.title = shown(store.plan.meeting.title)

    @functools.cached_property
    def collector(self) -> Collector:
        """The phone form server of this process (`w` on the assessment item), made on first use."""
        from reviewtui.tui.collecting import Collector

        return Collector()

    def get_default_screen(self) -> Screen[None]:
        # An entry-only copy has no agenda: its ballot screen is pushed on mount (a default
        # screen's CSS_PATH would not be loaded) over an empty screen it never goes back to.
        return AgendaScreen() if self.entry_copy is None else Screen()

    def on_mount(self) -> None:
        self.watch_way_out()
        if self.freeze_gc:
            self.call_after_refresh(_settle_gc)
        self._show_notices()
        # Load the pinyin tables once the first screen is up, not when the first question's
        # dialog opens (names.py imports them lazily to keep start-up fast).
        self.set_timer(1.0, self._warm_names)
        # The store may have to tell the secretary something mid-meeting (e.g. it wrote a removed
        # database file back), and typed text may wait for room on the disk; a list check once a
        # second costs nothing.
        self.set_interval(1.0, self._every_second)
        item = self.meeting.current_item()
        busy = self.meeting.running() is not None or self.meeting.open_dialog() is not None
        if self.entry_copy is not None:
            from reviewtui.tui.entry_only import EntryOnlyScreen

            self.push_screen(EntryOnlyScreen(self.store, self.entry_copy))
        elif item is not None and item.timed and busy:
            self.push_screen(_live_screen()(item.id))
        if self.pending_amendments is not None:  # on top of all: nothing goes on before it
            from reviewtui.tui.amend_offer import AmendOffer

            self.push_screen(AmendOffer(self.pending_amendments))

    def _warm_names(self) -> None:
        from reviewtui.names import search

        plan = self.store.plan
        search("a", [r.name for r in plan.representatives] + list(plan.leaders))

    def _every_second(self) -> None:
        self._show_notices()
        self._write_pending()

    def _show_notices(self) -> None:
        while self.store.notices:
            notice = self.store.notices.pop(0)  # said at open: again, in the meeting's language
            text = notice.again() if isinstance(notice, Said) else notice
            self.notify(text, severity="warning", timeout=30)

    def _write_pending(self) -> None:
        if not self.pending:
            return
        written, dropped = self.pending.retry()
        for error in dropped:
            self.notify("\n".join([t("pending.dropped"), *error.lines]), severity="error")
        if written and not self.pending:
            self.notify(t("pending.saved"), timeout=8)
        elif self.pending and time.monotonic() - self._pending_reminded > REMIND_EVERY:
            self._pending_reminded = time.monotonic()
            self.notify(t("pending.waiting", count=len(self.pending)), severity="warning")

    def open_live(self, item_id: int) -> None:
        """Make `item_id` the live item and show it (a segment running elsewhere ends)."""
        if self.entry_copy is not None:  # the command palette's "go to" on an entry-only copy
            self.notify(t("entry_only.no_back"), severity="warning")
            return
        notice = ended_notice(self.meeting, item_id)
        try:
            self.meeting.open_item(item_id)
        except UserError as exc:
            self.notify("\n".join(exc.lines), severity="error", timeout=15)
            return
        if notice:
            self.notify(notice, timeout=8)
        screen = self.screen
        live_screen = _live_screen()
        if isinstance(screen, live_screen):
            screen.flush()
            screen.load_item(item_id)
        else:
            self.push_screen(live_screen(item_id))

    def jump_to(self, item_id: int) -> None:
        """The command palette's "go to": a written unit is only named, never timed."""
        item = self.meeting.item(item_id)
        if not item.timed:
            self.notify(t("agenda.written_notice", unit=item.title))
            return
        if isinstance(self.screen, _live_screen()) and self.screen.item_id == item_id:
            return
        self.open_live(item_id)

    def on_key(self, event: events.Key) -> None:
        # A key reaches the app only if nothing on the way took it, and a text field takes
        # every printable key it gets. Textual hands each key to what had the cursor when the
        # key arrived, so keys that came in the same read as the key that opened a dialog (`q`)
        # or entered the notes (`m`) went to the screen behind and arrive here once the text
        # field has the cursor: they were typed for it, not as single-letter keys.
        field = self.focused
        if not event.is_printable or event.character is None:
            return
        from textual.widgets import TextArea  # here: loading it costs launch time

        if isinstance(field, Input):
            event.stop()
            field.insert_text_at_cursor(event.character)
        elif isinstance(field, TextArea) and not field.read_only:
            event.stop()
            field.insert(event.character)

    def action_command_palette(self) -> None:
        if self.use_command_palette and not Palette.is_open(cast("App[object]", self)):
            self.push_screen(Palette(id="--command-palette", placeholder=t("palette.placeholder")))

    # -- every way out saves what is typed ---------------------------------------------------------

    def flush(self) -> None:
        """Save the text typed on every screen that holds some (notes, an open dialog)."""
        for screen in list(self.screen_stack):
            flush = getattr(screen, "flush", None)
            if flush is not None:
                flush()

    def stop_asked(self) -> None:
        """SIGTERM, SIGHUP (the terminal closed), a closed Windows console: save, then quit."""
        try:
            with contextlib.suppress(Exception):  # a screen half built must not stop the exit
                self.flush()
                self._write_pending()
        finally:
            if self.way_out is not None:
                self.way_out.saved()
        self.exit()  # asked to stop, and stopped cleanly with nothing lost: exit status 0

    def exit(
        self, result: None = None, return_code: int = 0, message: RenderableType | None = None
    ) -> None:
        self.bound_exit()  # from here the process is gone within the way out's grace
        with contextlib.suppress(Exception):  # a screen half torn down must not stop the exit
            self.flush()
        super().exit(result, return_code, message)

    async def action_quit(self) -> None:
        self.flush()
        self._write_pending()
        if self.pending and time.monotonic() > self._quit_anyway_until:
            # Quitting would lose typed text the storage has not taken yet: say so, and quit
            # only if asked again.
            self._quit_anyway_until = time.monotonic() + QUIT_AGAIN_WITHIN
            self.notify(t("pending.quit", count=len(self.pending)), severity="error", timeout=10)
            return
        self.exit()


def _settle_gc() -> None:
    """After the first frame: keep what start-up made out of the collector's way, and collect
    again (`cli._run_tui` turns collection off while Textual and the screens load)."""
    gc.freeze()
    gc.enable()


def run_app(
    store: Store, pending: Pending | None = None, entry_copy: EntryCopy | None = None
) -> None:
    """Run the live meeting TUI on an open writer `store`; the store is closed afterwards.
    `pending`: the session file's amendments to offer first; declined, exit 2 with the
    differences, as every command that finds the session file changed."""
    app = ReviewApp(store, pending=pending, entry_copy=entry_copy)
    app.freeze_gc = True
    try:
        run_bounded(app)
    finally:
        store.close()
    if app.declined is not None:
        raise UserError(*app.declined)
    if app.return_code:
        raise SystemExit(app.return_code)
