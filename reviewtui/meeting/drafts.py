"""Typing and screen state: the notes, dialog drafts, which dialog is open.

These are saved as the secretary types (debounced by the screen: a write per pause, not per key)
and are not undo steps (`kinds.TYPING`). Text is cleaned on the way in (`textsafe.clean`).

A correction dialog (`enter` on a record) never writes to the record while it is open: what is
typed lives in a draft beside it (meta `dialog_draft`), with the record as the dialog found it
(`Correction.original_*`, stored once when it opens and kept across a restart). `enter` applies
the draft as one undoable `edit` (`Meeting.save_correction`); `escape` drops it
(`discard_correction`), so the record is as it was when the dialog opened. After a crash the
dialog reopens with what was typed, and `escape` still discards it.
"""

from __future__ import annotations

import json
from typing import NamedTuple

from reviewtui import clock
from reviewtui.meeting.models import Segment
from reviewtui.meeting.queries import Queries
from reviewtui.textsafe import clean


class Correction(NamedTuple):
    """An open correction dialog: what is typed, and the record as the dialog found it."""

    segment_id: int
    speaker: str
    text: str
    start: str  # typed into the start field; "" while it shows the original start
    original_speaker: str
    original_text: str
    original_start: str  # ISO, the record's start when the dialog opened

    @classmethod
    def of(cls, segment: Segment) -> Correction:
        """A correction that changes nothing yet: the record as it is, typed and original."""
        return cls(
            segment.id,
            segment.speaker,
            segment.text,
            "",
            segment.speaker,
            segment.text,
            clock.iso(segment.started_at),
        )

    def to_json(self) -> str:
        return json.dumps(
            {
                "segment": self.segment_id,
                "speaker": self.speaker,
                "text": self.text,
                "start": self.start,
                "original": {
                    "speaker": self.original_speaker,
                    "text": self.original_text,
                    "started_at": self.original_start,
                },
            },
            ensure_ascii=False,
        )


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
        """Remember which dialog of a new record is open, so a restart reopens it with its text
        (typed straight into the record). `None`: no dialog is open (any draft is dropped).

        Screen state, not a meeting record: never journaled, and nothing is written when it is
        already so (the command that opened the dialog, `q`, `a`, `c`, recorded it with its
        segment: one commit for the key press)."""
        value = None if segment_id is None else str(segment_id)
        if self.store.meta("dialog") == value and self.store.meta("dialog_draft") is None:
            return
        with self.store.transaction("ui") as tx:
            tx.set_screen_state("dialog", value)
            tx.set_meta("dialog_draft", None)

    def open_correction(self, segment_id: int, *, reopened: bool = False) -> Correction:
        """Remember that the correction dialog of `segment_id` is open, with the record as it is
        now as its original; `reopened` after a restart, its draft (and original) is kept."""
        kept = self.correction(segment_id) if reopened else None
        with self.store.transaction("ui") as tx:
            tx.set_screen_state("dialog", str(segment_id))
            if kept is None:
                kept = Correction.of(self.segment(segment_id))
                tx.set_meta("dialog_draft", kept.to_json())
        return kept

    def save_dialog_draft(self, segment_id: int, speaker: str, text: str, start: str = "") -> None:
        """Keep what is typed into a correction dialog, beside the record (not an undo step):
        a crash loses none of it, and the record is untouched until `enter`."""
        if self.open_dialog() != segment_id:
            return  # a late write of a dialog already closed: what it typed was let go
        base = self.correction(segment_id) or Correction.of(self.segment(segment_id))
        draft = base._replace(speaker=clean(speaker), text=clean(text), start=clean(start))
        with self.store.transaction("draft") as tx:
            tx.set_meta("dialog_draft", draft.to_json())

    def discard_correction(self, segment_id: int) -> None:
        """`escape` in the correction dialog of `segment_id`: forget the dialog and what was
        typed into it. The record was never written while it was open: it is as it was found."""
        if self.open_dialog() not in (None, segment_id):
            return  # another dialog is open (a late write): it keeps its state
        with self.store.transaction("ui") as tx:
            tx.set_screen_state("dialog", None)
            tx.set_meta("dialog_draft", None)

    def correction(self, segment_id: int) -> Correction | None:
        """The open correction dialog of `segment_id` (typed and original), if there is one.

        A draft of an older release holds no original: the record stands for it (it was never
        written while its dialog was open)."""
        value = self.store.meta("dialog_draft")
        try:
            data = json.loads(value) if value else None
        except ValueError:
            return None
        if not isinstance(data, dict) or data.get("segment") != segment_id:
            return None
        original = data.get("original")
        if isinstance(original, dict):
            found = Correction(
                segment_id,
                "",
                "",
                "",
                str(original.get("speaker", "")),
                str(original.get("text", "")),
                str(original.get("started_at", "")),
            )
        else:
            try:
                found = Correction.of(self.segment(segment_id))
            except KeyError:
                return None
        return found._replace(
            speaker=str(data.get("speaker", "")),
            text=str(data.get("text", "")),
            start=str(data.get("start", "")),
        )
