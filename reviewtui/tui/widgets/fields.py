"""The single-line text field the secretary types in: keys in order, pastes kept and cleaned;
and a drop-down that takes keys in order too (`Choice`).

Textual's `Input` keeps only the first line of a paste; a question pasted from a document would
lose the rest without a word. `TextField` joins the lines with a space, removes control
characters (`textsafe.clean`), and keeps up to `keys.PASTE_LIMIT` characters, saying what it cut.
"""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Select

from reviewtui.tui.keys import InOrder, pasted_line, tell_cut


class TextField(InOrder, Input):
    async def action_submit(self) -> None:
        if self.submit_focus is not None:
            self.screen.set_focus(self.submit_focus)
        await super().action_submit()

    def _on_paste(self, event: events.Paste) -> None:
        event.stop()
        event.prevent_default()  # not Input's, which keeps the first line only
        if not event.text:
            return
        text, cut = pasted_line(event.text)
        selection = self.selection
        if selection.is_empty:
            self.insert_text_at_cursor(text)
        else:
            self.replace(text, *selection)
        tell_cut(self, cut)


class Choice(InOrder, Select[str]):
    """A drop-down whose `tab` moves on at once, so the keys after it in the same read go to
    the next field (`keys.InOrder`); the keys of its open list stay the list's."""
