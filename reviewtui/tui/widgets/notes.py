"""The notes area of the live screen: the gist of a report, saved as the secretary types.

Saved `DEBOUNCE` seconds after the last keystroke, and at once when the cursor leaves the field,
when the screen moves to another item, and when the app quits or is told to stop (SIGTERM,
SIGHUP). Keys apply in the order they were typed (`keys.InOrder`); a paste is cleaned of control
characters (`textsafe.clean`). `escape` leaves the field. When
the storage refuses the write, the text is kept in memory and written once it can be
(tui/pending.py).
"""

from __future__ import annotations

from functools import partial
from typing import ClassVar

from textual import events
from textual.binding import Binding, BindingType
from textual.timer import Timer
from textual.widgets import TextArea

from reviewtui import clock, textsafe
from reviewtui.i18n import t
from reviewtui.meeting import Meeting
from reviewtui.tui.keys import InOrder, localize
from reviewtui.tui.pending import PendingWrites

DEBOUNCE = 0.4  # seconds after the last change


class NotesArea(InOrder, TextArea):
    HELP_KEYS = True  # the help screen lists these keys
    BINDINGS: ClassVar[list[BindingType]] = [
        Binding("escape", "leave", "live.key.leave", id="live.leave_notes")
    ]

    def __init__(
        self, meeting: Meeting, pending: PendingWrites | None = None, *, id: str | None = None
    ) -> None:
        super().__init__(
            id=id,
            soft_wrap=True,
            tab_behavior="focus",
            show_line_numbers=False,
            highlight_cursor_line=False,
        )
        localize(self)
        self.meeting = meeting
        self.pending = pending if pending is not None else PendingWrites()
        self.item_id: int | None = None
        self.saved_text = ""
        self._timer: Timer | None = None
        self.placeholder = t("live.notes.placeholder")

    def load(self, item_id: int) -> None:
        """Show the notes of `item_id` (saving what was typed for the previous item first)."""
        self.flush()
        self.item_id = item_id
        # Cleaned as it comes in: an older database may hold control characters, which the
        # editor would draw raw; the cleaned text is written back at the first edit.
        self.saved_text = textsafe.clean(self.meeting.note(item_id), multiline=True)
        self.load_text(self.saved_text)
        self.border_title = t("live.notes")
        self.border_subtitle = ""

    def on_text_area_changed(self, event: TextArea.Changed) -> None:
        if self.text == self.saved_text:
            return
        self.border_subtitle = t("live.notes.saving")
        if self._timer is not None:
            self._timer.stop()
        self._timer = self.set_timer(DEBOUNCE, self.flush)

    async def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not TextArea's, which inserts the raw text
        if self.read_only:
            return
        text = textsafe.clean(event.text, multiline=True)
        if result := self._replace_via_keyboard(text, *self.selection):
            self.move_cursor(result.end_location)

    def on_blur(self) -> None:
        self.flush()

    def on_unmount(self) -> None:
        self.flush()  # the app is closing (any way out): the text is still here to be saved

    def flush(self) -> None:
        """Save now if anything is unsaved."""
        if self._timer is not None:
            self._timer.stop()
            self._timer = None
        if self.item_id is None or self.text == self.saved_text:
            return
        item_id, text = self.item_id, self.text
        write = partial(self.meeting.set_note, item_id, text)
        saved = self.pending.save(("note", item_id), write, self.notify)
        if saved is None:
            return
        self.saved_text = text  # written, or kept until it can be
        if saved == "kept":
            self.border_subtitle = t("live.notes.kept")
        else:
            self.border_subtitle = t("live.notes.saved", time=clock.now().strftime("%H:%M:%S"))

    def action_leave(self) -> None:
        self.flush()
        leave = getattr(self.screen, "action_leave_field", None)  # the live screen's
        if leave is not None:
            leave()
