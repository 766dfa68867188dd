"""The live meeting: the agenda cursor, timed segments, questions, answers, comments, notes, undo.

Every public command is one journaled transaction, committed before it returns, so whatever the
screen shows afterwards is on disk. Nothing here counts time: a segment stores when it started,
when it was paused and for how long, and when it ended; elapsed and remaining are derived from
`clock.now()`.
"""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from typing import Any, NamedTuple

from reviewtui import clock
from reviewtui.plan import Plan
from reviewtui.store import Store, Tx

# Journal actions that ctrl+z may revert. Typing (notes, dialog drafts) and screen state are
# saved continuously and are not steps a secretary would expect undo to walk back through.
UNDOABLE = frozenset(
    {
        "open",
        "report",
        "speech",
        "question",
        "answer",
        "comment",
        "pause",
        "resume",
        "end",
        "next",
        "edit",
        "delete",
        "amend",
    }
)

SEGMENT_KINDS = ("report", "question", "answer", "comment", "speech")


class Item(NamedTuple):
    id: int
    pos: int
    kind: str  # "speech" | "unit" | "assessment" | "break"
    title: str
    unit: str | None
    mode: str | None  # "onsite" | "written" for units
    speaker: str | None
    planned: float | None
    status: str  # "pending" | "live" | "done"

    @property
    def timed(self) -> bool:
        """Whether the item has a live screen with timers (written units have none)."""
        return self.mode != "written"


class Segment(NamedTuple):
    id: int
    item_id: int
    kind: str
    speaker: str
    text: str
    question_id: int | None
    planned: float | None
    started_at: datetime
    ended_at: datetime | None
    paused_at: datetime | None
    paused_seconds: float

    @property
    def running(self) -> bool:
        return self.ended_at is None

    @property
    def paused(self) -> bool:
        return self.paused_at is not None and self.ended_at is None

    def elapsed(self, now: datetime | None = None) -> float:
        """Seconds spoken so far, pauses excluded."""
        stop = self.ended_at or self.paused_at or now or clock.now()
        return max(0.0, (stop - self.started_at).total_seconds() - self.paused_seconds)

    def remaining(self, now: datetime | None = None) -> float | None:
        if self.planned is None:
            return None
        return self.planned - self.elapsed(now)

    @classmethod
    def from_row(cls, row: dict[str, Any]) -> Segment:
        def moment(value: str | None) -> datetime | None:
            return clock.parse_iso(value) if value else None

        return cls(
            id=row["id"],
            item_id=row["item_id"],
            kind=row["kind"],
            speaker=row["speaker"],
            text=row["text"],
            question_id=row["question_id"],
            planned=row["planned"],
            started_at=clock.parse_iso(row["started_at"]),
            ended_at=moment(row["ended_at"]),
            paused_at=moment(row["paused_at"]),
            paused_seconds=row["paused_seconds"],
        )


class Schedule(NamedTuple):
    """Where the meeting stands against its plan."""

    planned_total: float  # seconds, the whole agenda
    delta: float  # seconds behind plan (negative: ahead)
    projected_end: datetime  # now + what is left, at planned pace


class Undone(NamedTuple):
    action: str
    tx: int


class Meeting:
    """Commands and queries of the live meeting over one writer `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def plan(self) -> Plan:
        return self.store.plan

    # -- queries ---------------------------------------------------------------------------------

    def items(self) -> list[Item]:
        return [Item(**row) for row in self.store.rows("SELECT * FROM items ORDER BY pos")]

    def item(self, item_id: int) -> Item:
        row = self.store.row("SELECT * FROM items WHERE id = ?", (item_id,))
        if row is None:
            raise KeyError(item_id)
        return Item(**row)

    def current_item(self) -> Item | None:
        value = self.store.meta("current_item")
        return self.item(int(value)) if value else None

    def segments(self, item_id: int | None = None) -> list[Segment]:
        if item_id is None:
            rows = self.store.rows("SELECT * FROM segments ORDER BY started_at, id")
        else:
            rows = self.store.rows(
                "SELECT * FROM segments WHERE item_id = ? ORDER BY started_at, id", (item_id,)
            )
        return [Segment.from_row(row) for row in rows]

    def segment(self, segment_id: int) -> Segment:
        row = self.store.row("SELECT * FROM segments WHERE id = ?", (segment_id,))
        if row is None:
            raise KeyError(segment_id)
        return Segment.from_row(row)

    def running(self) -> Segment | None:
        """The one segment still running (or paused), anywhere in the meeting."""
        row = self.store.row(
            "SELECT * FROM segments WHERE ended_at IS NULL ORDER BY started_at DESC, id DESC"
        )
        return Segment.from_row(row) if row else None

    def latest_question(self, item_id: int) -> Segment | None:
        row = self.store.row(
            "SELECT * FROM segments WHERE item_id = ? AND kind = 'question' "
            "ORDER BY started_at DESC, id DESC",
            (item_id,),
        )
        return Segment.from_row(row) if row else None

    def note(self, item_id: int) -> str:
        row = self.store.row("SELECT text FROM notes WHERE item_id = ?", (item_id,))
        return row["text"] if row else ""

    def open_dialog(self) -> int | None:
        """The segment whose dialog was open when the app last stopped (to reopen it)."""
        value = self.store.meta("dialog")
        return int(value) if value else None

    def item_elapsed(self, item: Item, now: datetime | None = None) -> float:
        """Spoken time of an item: the sum of its segments, pauses excluded."""
        now = now or clock.now()
        return sum(s.elapsed(now) for s in self.segments(item.id))

    def elapsed_by_item(self, now: datetime | None = None) -> dict[int, float]:
        """`item_elapsed` of every item that has segments, from one query."""
        now = now or clock.now()
        spoken: dict[int, float] = {}
        for segment in self.segments():
            spoken[segment.item_id] = spoken.get(segment.item_id, 0.0) + segment.elapsed(now)
        return spoken

    def schedule(self, now: datetime | None = None) -> Schedule:
        now = now or clock.now()
        delta = 0.0
        left = 0.0
        planned_total = 0.0
        spans = {
            row["item_id"]: row
            for row in self.store.rows(
                "SELECT item_id, min(started_at) AS first, max(coalesce(ended_at, '')) AS last, "
                "sum(ended_at IS NULL) AS open FROM segments GROUP BY item_id"
            )
        }
        for item in self.items():
            planned = item.planned or 0.0
            planned_total += planned
            span = spans.get(item.id)
            if span is None:
                left += planned
                continue
            first = clock.parse_iso(span["first"])
            last = now if span["open"] else clock.parse_iso(span["last"])
            used = (last - first).total_seconds()
            if item.status == "done":
                delta += used - planned
            else:
                delta += max(0.0, used - planned)
                left += max(0.0, planned - used)
        return Schedule(planned_total, delta, now + timedelta(seconds=left))

    # -- commands --------------------------------------------------------------------------------

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

    def start_question(self, asker: str = "", text: str = "") -> Segment:
        item = self._live()
        return self._start(
            "question", item, speaker=asker, text=text, planned=self.plan.timing.question
        )

    def start_answer(self) -> Segment | None:
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
        )

    def start_comment(self, leader: str | None = None, text: str = "") -> Segment:
        item = self._live()
        if leader is None:
            unit = self.plan.unit(item.unit) if item.unit else None
            leader = unit.commenter if unit and unit.commenter else ""
        return self._start(
            "comment", item, speaker=leader, text=text, planned=self.plan.timing.comment
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
        action: str = "edit",
    ) -> Segment:
        """Correct who spoke or what was said. `action="draft"` for text saved while typing."""
        values: dict[str, Any] = {}
        if speaker is not None:
            values["speaker"] = speaker
        if text is not None:
            values["text"] = text
        with self.store.transaction(action) as tx:
            tx.update("segments", {"id": segment_id}, values)
        return self.segment(segment_id)

    def delete_segment(self, segment_id: int) -> None:
        """Remove a segment started by mistake (with the answers to it, for a question)."""
        with self.store.transaction("delete") as tx:
            for row in self.store.rows(
                "SELECT id FROM segments WHERE question_id = ?", (segment_id,)
            ):
                tx.delete("segments", {"id": row["id"]})
            tx.delete("segments", {"id": segment_id})

    def set_note(self, item_id: int, text: str) -> None:
        """Save the notes of an item as typed (not an undo step)."""
        now = clock.iso(clock.now())
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
            {"segment": segment_id, "speaker": speaker, "text": text}, ensure_ascii=False
        )
        with self.store.transaction("draft") as tx:
            tx.set_meta("dialog_draft", value)

    def dialog_draft(self, segment_id: int) -> tuple[str, str] | None:
        """The (speaker, text) typed into the correction dialog of `segment_id`, if any."""
        value = self.store.meta("dialog_draft")
        if not value:
            return None
        data = json.loads(value)
        if data.get("segment") != segment_id:
            return None
        return data.get("speaker", ""), data.get("text", "")

    def last_undoable(self) -> Undone | None:
        row = self.store.row(
            "SELECT tx, action FROM journal WHERE undone_by IS NULL AND action IN ({}) "  # noqa: S608 (a generated ? list)
            "ORDER BY tx DESC LIMIT 1".format(",".join("?" * len(UNDOABLE))),
            tuple(sorted(UNDOABLE)),
        )
        return Undone(row["action"], row["tx"]) if row else None

    def undo(self) -> Undone | None:
        """Revert the latest undoable command; returns what was undone, or None."""
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
