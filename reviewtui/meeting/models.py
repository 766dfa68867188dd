"""What the live meeting is made of: agenda items, timed segments, the schedule (plain tuples)."""

from __future__ import annotations

from datetime import datetime
from typing import Any, NamedTuple

from reviewtui import clock


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
