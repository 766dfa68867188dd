"""The live meeting: the agenda cursor, timed segments, questions, answers, comments, notes, undo.

Every public command is one journaled transaction, committed before it returns, so whatever the
screen shows afterwards is on disk. Nothing here counts time: a segment stores when it started,
when it was paused and for how long, and when it ended; elapsed and remaining are derived from
`clock.now()`. Text is cleaned on the way in (`textsafe.clean`).
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from reviewtui import clock
from reviewtui import segment_kinds as kinds
from reviewtui.meeting.drafts import Correction, Drafts
from reviewtui.meeting.models import Item, Segment, Undone
from reviewtui.meeting.start_move import Move, check_move, parse_start
from reviewtui.store import Tx
from reviewtui.textsafe import clean


class Meeting(Drafts):
    """Commands and queries of the live meeting over one writer `Store`."""

    def open_item(self, item_id: int) -> Item:
        """Make `item_id` the live item. A segment running elsewhere is ended first."""
        with self.store.transaction("open") as tx:
            self._open(tx, item_id, clock.now())
        return self.item(item_id)

    def start_report(self) -> Segment:
        """The report of the live unit, or the speech of the live speech item."""
        item = self._live()
        kind = "speech" if item.kind != "unit" else "report"
        planned = item.planned
        if item.kind == "unit" and item.unit:
            unit = self.plan.unit(item.unit)
            planned = self.plan.report_seconds(unit) if unit else planned
        return self._start(kind, item, speaker=item.speaker or "", planned=planned)

    def start_question(self, asker: str = "", text: str = "", *, dialog: bool = False) -> Segment:
        """`dialog`: its dialog opens at once; which dialog is open is kept with the segment,
        in the same commit (screen state, for a restart; see `Drafts.set_open_dialog`)."""
        item = self._live()
        return self._start(
            "question",
            item,
            speaker=clean(asker),
            text=clean(text),
            planned=self.plan.timing.question,
            dialog=dialog,
        )

    def start_answer(self, *, dialog: bool = False) -> Segment | None:
        """The answer to the latest question of the live item; None if it has no question."""
        item = self._live()
        question = self.latest_question(item.id)
        if question is None:
            return None
        return self._start(
            "answer",
            item,
            speaker=item.speaker or "",
            planned=self.plan.timing.answer,
            question_id=question.id,
            dialog=dialog,
        )

    def start_comment(
        self, leader: str | None = None, text: str = "", *, dialog: bool = False
    ) -> Segment:
        item = self._live()
        if leader is None:
            unit = self.plan.unit(item.unit) if item.unit else None
            leader = unit.commenter if unit and unit.commenter else ""
        return self._start(
            "comment",
            item,
            speaker=clean(leader),
            text=clean(text),
            planned=self.plan.timing.comment,
            dialog=dialog,
        )

    def start_kind(self, name: str) -> Segment:
        """Start a segment of kind `name` the generic way its declaration says
        (`segment_kinds.SegmentKind`): its speaker, and its planned time from the plan."""
        kind = kinds.KINDS[name]
        item = self._live()
        unit = self.plan.unit(item.unit) if item.unit else None
        speaker = item.speaker or ""
        if kind.speaker == "commenter":
            speaker = unit.commenter if unit and unit.commenter else ""
        elif kind.speaker == "asker":
            speaker = ""
        return self._start(
            name, item, speaker=speaker, planned=kinds.planned(kind, self.plan, unit)
        )

    def toggle_pause(self) -> Segment | None:
        """Pause the running segment, or resume it; None when nothing runs."""
        segment = self.running()
        if segment is None:
            return None
        now = clock.now()
        if segment.paused_at is None:
            with self.store.transaction("pause") as tx:
                tx.update("segments", {"id": segment.id}, {"paused_at": clock.iso(now)})
        else:
            paused = segment.paused_seconds + (now - segment.paused_at).total_seconds()
            with self.store.transaction("resume") as tx:
                tx.update(
                    "segments",
                    {"id": segment.id},
                    {"paused_at": None, "paused_seconds": round(paused, 3)},
                )
        return self.segment(segment.id)

    def end_segment(self) -> Segment | None:
        segment = self.running()
        if segment is None:
            return None
        with self.store.transaction("end") as tx:
            self._end(tx, segment, clock.now())
        return self.segment(segment.id)

    def next_item(self) -> Item | None:
        """End what runs, close the live item, open the next timed one; None at the end."""
        current = self.current_item()
        items = [i for i in self.items() if i.timed]
        following = items if current is None else [i for i in items if i.pos > current.pos]
        now = clock.now()
        with self.store.transaction("next") as tx:
            if following:
                self._open(tx, following[0].id, now)
            else:
                self._close_current(tx, now)
                tx.set_meta("current_item", None)
        return following[0] if following else None

    def edit_segment(
        self,
        segment_id: int,
        *,
        speaker: str | None = None,
        text: str | None = None,
        start: str | None = None,
        action: str = "edit",
    ) -> Segment:
        """Correct who spoke, what was said, or when it started (`start`: "14:35:02" or a shift
        such as "-0:30", see `start_move`), in one journaled transaction.
        `action="draft"` for text saved while typing. A start the rule refuses is a UserError
        saying what is allowed, and nothing is written."""
        edited = self._edit(segment_id, speaker=speaker, text=text, start=start, action=action)
        return edited or self.segment(segment_id)

    def _edit(
        self,
        segment_id: int,
        *,
        speaker: str | None,
        text: str | None,
        start: str | datetime | None,
        action: str = "edit",
    ) -> Segment | None:
        """`edit_segment`; None (nothing written) when there is nothing to change."""
        values: dict[str, Any] = {}
        if speaker is not None:
            values["speaker"] = clean(speaker)
        if text is not None:
            values["text"] = clean(text)
        move = self.check_start(segment_id, start) if start is not None else None
        if not values and move is None:
            return None
        with self.store.transaction(action) as tx:
            if move is not None:
                moved = clock.iso(move.started_at)
                values["started_at"] = moved
                if move.shorten is not None:  # it ended when this began: it ends earlier too
                    tx.update("segments", {"id": move.shorten.id}, {"ended_at": moved})
            tx.update("segments", {"id": segment_id}, values)
        return self.segment(segment_id)

    def save_correction(self, draft: Correction, start: datetime | None = None) -> Segment | None:
        """`enter` in a correction dialog: what the secretary changed (the fields that differ
        from the record as the dialog found it, and `start`) as one undoable `edit`; None when
        nothing changed. A field left as found is not written, so it overwrites nothing."""
        speaker, text = clean(draft.speaker), clean(draft.text)
        return self._edit(
            draft.segment_id,
            speaker=speaker if speaker != draft.original_speaker else None,
            text=text if text != draft.original_text else None,
            start=start,
        )

    def check_start(self, segment_id: int, start: str | datetime) -> Move | None:
        """What moving the start of `segment_id` to `start` (typed, counted from the record's
        start; or the new start itself) would do; None if it stays where it is; a UserError
        (saying which field and what is allowed) if the rule refuses it."""
        segment = self.segment(segment_id)
        new = start if isinstance(start, datetime) else parse_start(start, segment.started_at)
        if clock.iso(new) == clock.iso(segment.started_at):
            return None
        earlier = [
            s
            for s in self.segments()
            if s.id != segment.id and (s.started_at, s.id) < (segment.started_at, segment.id)
        ]
        return check_move(segment, new, earlier[-1] if earlier else None, clock.now())

    def delete_segment(self, segment_id: int) -> None:
        """Remove a segment started by mistake (with the answers to it, for a question)."""
        with self.store.transaction("delete") as tx:
            for row in self.store.rows(
                "SELECT id FROM segments WHERE question_id = ?", (segment_id,)
            ):
                tx.delete("segments", {"id": row["id"]})
            tx.delete("segments", {"id": segment_id})

    def undo(self) -> Undone | None:
        """Revert the latest undoable command; returns what was undone, or None.

        The store refuses (a `UserError` saying why) when something typed later changed what
        the command wrote: undo never erases text typed after the command it undoes."""
        last = self.last_undoable()
        if last is None:
            return None
        self.store.undo(last.tx)
        return last

    # -- internals -------------------------------------------------------------------------------

    def _live(self) -> Item:
        item = self.current_item()
        if item is None:
            raise LookupError("no live item")
        return item

    def _start(
        self,
        kind: str,
        item: Item,
        *,
        speaker: str,
        planned: float | None,
        text: str = "",
        question_id: int | None = None,
        dialog: bool = False,
    ) -> Segment:
        now = clock.now()
        with self.store.transaction(kind) as tx:
            running = self.running()
            if running is not None:
                self._end(tx, running, now)
            segment_id = tx.insert(
                "segments",
                {
                    "item_id": item.id,
                    "kind": kind,
                    "speaker": speaker,
                    "text": text,
                    "question_id": question_id,
                    "planned": planned,
                    "started_at": clock.iso(now),
                },
            )
            if item.status != "live":
                tx.update("items", {"id": item.id}, {"status": "live"})
            if dialog:  # screen state beside the record: no second commit for the key press
                tx.set_screen_state("dialog", str(segment_id))
                tx.set_screen_state("dialog_draft", None)
        return self.segment(segment_id)

    def _end(self, tx: Tx, segment: Segment, now: datetime) -> None:
        values: dict[str, Any] = {"ended_at": clock.iso(now)}
        if segment.paused_at is not None:
            # A paused segment ends where it was paused; the pause is not speaking time.
            values["ended_at"] = clock.iso(segment.paused_at)
            values["paused_at"] = None
        tx.update("segments", {"id": segment.id}, values)

    def _close_current(self, tx: Tx, now: datetime) -> None:
        running = self.running()
        if running is not None:
            self._end(tx, running, now)
        current = self.current_item()
        if current is not None:
            has_segments = self.store.row("SELECT 1 FROM segments WHERE item_id = ?", (current.id,))
            tx.update(
                "items", {"id": current.id}, {"status": "done" if has_segments else "pending"}
            )

    def _open(self, tx: Tx, item_id: int, now: datetime) -> None:
        current = self.current_item()
        if current is not None and current.id != item_id:
            self._close_current(tx, now)
        elif current is None:
            running = self.running()
            if running is not None:
                self._end(tx, running, now)
        tx.set_meta("current_item", str(item_id))
        tx.update("items", {"id": item_id}, {"status": "live"})
