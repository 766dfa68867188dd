"""Typing and screen state: the notes, dialog drafts, which dialog is open.

These are saved as the secretary types (debounced by the screen: a write per pause, not per key)
and are not undo steps (`kinds.TYPING`). Text is cleaned on the way in (`textsafe.clean`).
"""

from __future__ import annotations

import json

from reviewtui import clock
from reviewtui.meeting.queries import Queries
from reviewtui.textsafe import clean


class Drafts(Queries):
    def set_note(self, item_id: int, text: str) -> None:
        """Save the notes of an item as typed (not an undo step)."""
        now = clock.iso(clock.now())
        text = clean(text, multiline=True)
        with self.store.transaction("note") as tx:
            exists = self.store.row("SELECT 1 FROM notes WHERE item_id = ?", (item_id,))
            if exists:
                tx.update("notes", {"item_id": item_id}, {"text": text, "updated_at": now})
            else:
                tx.insert("notes", {"item_id": item_id, "text": text, "updated_at": now})

    def set_open_dialog(self, segment_id: int | None) -> None:
        """Remember which dialog is open, so a restart reopens it with its text.

        Closing it (`None`) also drops the draft of a correction (see `save_dialog_draft`).
        """
        with self.store.transaction("ui") as tx:
            tx.set_meta("dialog", None if segment_id is None else str(segment_id))
            if segment_id is None:
                tx.set_meta("dialog_draft", None)

    def save_dialog_draft(self, segment_id: int, speaker: str, text: str) -> None:
        """Keep what is typed into a correction dialog, beside the record (not an undo step).

        A correction is applied to the record in one undoable `edit` when its dialog closes;
        until then the typing lives here, so a crash loses none of it.
        """
        value = json.dumps(
            {"segment": segment_id, "speaker": clean(speaker), "text": clean(text)},
            ensure_ascii=False,
        )
        with self.store.transaction("draft") as tx:
            tx.set_meta("dialog_draft", value)
