"""Reading the live meeting: items, segments, notes, the schedule. Nothing here writes."""

from __future__ import annotations

from datetime import datetime, timedelta

from reviewtui import clock
from reviewtui.meeting.kinds import undoable
from reviewtui.meeting.models import Item, Schedule, Segment, Undone
from reviewtui.plan import Plan
from reviewtui.store import Store
from reviewtui.store.journal import last_command


class Queries:
    """The read side of `Meeting` over one `Store`."""

    def __init__(self, store: Store) -> None:
        self.store = store

    @property
    def plan(self) -> Plan:
        return self.store.plan

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

    def last_undoable(self) -> Undone | None:
        last = last_command(self.store, undoable())
        return Undone(last[1], last[0]) if last else None
