"""Time statistics of a meeting (issue 14 item 6): planned against spoken, overtime, drift.

Computed from the minutes model alone, so the md, docx and xlsx layouts and the screen show the
same figures:

- per item and phase: what the plan gave each phase of an on-site unit (report, questions,
  answers, comment: `ItemRecord.budget`, which adds up to `Plan.unit_seconds`) or a speech, how
  many segments were spoken, for how long, how far over, and how many ran over their own timer;
- overtime counts per kind and per speaker (a segment is over once its spoken time passes its
  planned time by a whole second, as `present.overtime` says everywhere);
- the drift: the planned schedule (the meeting's start, then each item's planned time in agenda
  order) against the actual one, at each item that was held and at the latest point recorded.

The tables are plain data (`Table`: columns with a kind, rows of raw values). Durations are
seconds and never negative, so a spreadsheet can store each as a time (a negative time is no
time in Excel): a lead over the plan and a lag behind it are two columns, not a signed one.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from reviewtui import segment_kinds
from reviewtui.i18n import get_lang, t
from reviewtui.minutes.model import ItemRecord, Minutes, SegmentRecord
from reviewtui.present import duration, overtime


@dataclass(frozen=True)
class PhaseStat:
    phase: str  # report | question | answer | comment | speech
    count: int  # segments spoken
    planned: float | None  # the plan's seconds for the phase
    spoken: float  # pauses excluded
    overtime: int  # segments past their own planned time

    @property
    def over(self) -> float | None:
        return overtime(self.spoken, self.planned)


@dataclass(frozen=True)
class ItemStat:
    item: ItemRecord
    phases: tuple[PhaseStat, ...]
    planned_start: datetime | None  # by the planned schedule
    started_at: datetime | None  # its first segment
    ended_at: datetime | None  # its last segment's end (the read's moment while one runs)

    @property
    def planned(self) -> float:
        return self.item.planned or 0.0

    @property
    def allowed(self) -> float:
        """The plan grown with the questions (and answers) actually asked: the phases' plans."""
        return max(self.planned, sum(p.planned or 0.0 for p in self.phases))

    @property
    def spoken(self) -> float:
        return sum(p.spoken for p in self.phases)

    @property
    def overtime(self) -> int:
        return sum(p.overtime for p in self.phases)

    @property
    def planned_end(self) -> datetime | None:
        if self.planned_start is None:
            return None
        return self.planned_start + timedelta(seconds=self.planned)

    @property
    def drift(self) -> float | None:
        """Seconds its end is behind the planned schedule (negative: ahead)."""
        if self.ended_at is None or self.planned_end is None:
            return None
        return (self.ended_at - self.planned_end).total_seconds()


@dataclass(frozen=True)
class Tally:
    """Overtime of one segment kind or one speaker."""

    name: str
    count: int  # segments
    overtime: int  # segments over
    over: float  # seconds over, summed over those


@dataclass(frozen=True)
class TimeStats:
    items: tuple[ItemStat, ...]  # the items that were held, in agenda order
    kinds: tuple[Tally, ...]  # per segment kind, in the registry's order (segment_kinds)
    speakers: tuple[Tally, ...]  # who ran over, most overruns first
    planned_start: datetime | None
    started_at: datetime | None
    finished: bool  # every timed item held and nothing running

    @property
    def overtime(self) -> int:
        return sum(k.overtime for k in self.kinds)

    @property
    def start_drift(self) -> float | None:
        if self.started_at is None or self.planned_start is None:
            return None
        return (self.started_at - self.planned_start).total_seconds()

    @property
    def drift(self) -> float | None:
        """How far behind the planned schedule the latest recorded moment is."""
        last = max(
            (i for i in self.items if i.ended_at is not None),
            key=lambda i: i.ended_at,  # type: ignore[arg-type, return-value]
            default=None,
        )
        return None if last is None else last.drift


# ------------------------------------------------------------------------------------------------
# Computing


def time_stats(minutes: Minutes) -> TimeStats:
    first = min((i.started_at for i in minutes.items if i.started_at), default=None)
    anchor = _planned_start(minutes, first)
    items: list[ItemStat] = []
    at = anchor
    for item in minutes.items:
        if item.segments:
            items.append(
                ItemStat(item, _phases(item), at, item.started_at, _ended(item, minutes.as_of))
            )
        if at is not None:
            at += timedelta(seconds=item.planned or 0.0)
    segments = [s for item in minutes.items for s in item.segments]
    kinds = tuple(
        _tally(kind, [s for s in segments if s.kind == kind])
        for kind in _with_unknown(segment_kinds.names(), segments)
        if any(s.kind == kind for s in segments)
    )
    # The league table is of the reporters and the representatives: leaders' speeches and
    # comments are not ranked as over-runs in the minutes a 组织部 files.
    by_speaker: dict[str, list[SegmentRecord]] = {}
    listed = segment_kinds.overrun_listed()
    for s in segments:
        if s.kind in listed:
            by_speaker.setdefault(s.speaker, []).append(s)
    speakers = sorted(
        (_tally(name, spoken) for name, spoken in by_speaker.items()),
        key=lambda tally: (-tally.overtime, -tally.over),
    )
    finished = all(
        item.segments and item.status == "done"
        for item in minutes.items
        if item.mode != "written" and item.kind in ("unit", "speech")
    ) and all(s.ended_at is not None for s in segments)
    return TimeStats(
        items=tuple(items),
        kinds=kinds,
        speakers=tuple(s for s in speakers if s.overtime),
        planned_start=anchor,
        started_at=first,
        finished=finished,
    )


def _planned_start(minutes: Minutes, first: datetime | None) -> datetime | None:
    """The planned start in the meeting's offset; without one, the plan runs from the first
    segment (so the drift is that of the running order, not of a start nobody fixed). So it
    does when the meeting was held on another day than its date (a rehearsal, a postponed
    meeting whose file kept the old date): a plan of that date would put it thousands of
    hours late."""
    m = minutes.meeting
    if not m.start or first is None:
        return first
    try:
        planned = datetime.fromisoformat(f"{m.date}T{m.start}")
    except ValueError:
        return first
    planned = planned.replace(tzinfo=first.tzinfo) if planned.tzinfo is None else planned
    if planned.astimezone(first.tzinfo).date() != first.date():
        return first
    return planned


def _ended(item: ItemRecord, as_of: datetime) -> datetime | None:
    ends = [s.ended_at or as_of for s in item.segments]
    return max(ends, default=None)


def _over(segment: SegmentRecord) -> float | None:
    return overtime(segment.seconds, segment.planned)


def _phases(item: ItemRecord) -> tuple[PhaseStat, ...]:
    if item.budget:
        budget = dict(item.budget)
        phases = _with_unknown(segment_kinds.unit_phases(), item.segments)
        names = [p for p in phases if budget.get(p) or _of(item, p)]
    else:
        names = list(dict.fromkeys(s.kind for s in item.segments))
        budget = {names[0]: item.planned or 0.0} if len(names) == 1 else {}
    out: list[PhaseStat] = []
    for phase in names:
        spoken = _of(item, phase)
        planned = budget.get(phase)
        timers = [s.planned for s in spoken if s.planned is not None]
        if planned is not None and timers:
            # two questions asked where the plan budgets one: the phase's plan is both timers
            planned = max(planned, sum(timers))
        out.append(
            PhaseStat(
                phase=phase,
                count=len(spoken),
                planned=planned,
                spoken=round(sum(s.seconds for s in spoken), 3),
                overtime=sum(1 for s in spoken if _over(s) is not None),
            )
        )
    return tuple(out)


def _with_unknown(names: Sequence[str], segments: Sequence[SegmentRecord]) -> list[str]:
    """`names`, then the kinds in `segments` this release does not declare (a later release's)."""
    return [*names, *dict.fromkeys(s.kind for s in segments if segment_kinds.get(s.kind) is None)]


def _of(item: ItemRecord, kind: str) -> list[SegmentRecord]:
    return [s for s in item.segments if s.kind == kind]


def _tally(name: str, segments: list[SegmentRecord]) -> Tally:
    overs = [o for o in (_over(s) for s in segments) if o is not None]
    return Tally(name, len(segments), len(overs), round(sum(overs), 3))


# ------------------------------------------------------------------------------------------------
# Tables and the summary, for every layout


@dataclass(frozen=True)
class Column:
    label: str
    kind: str  # text | count | duration (seconds, >= 0) | clock (a datetime)


Cell = str | int | float | datetime | None


@dataclass(frozen=True)
class Table:
    key: str  # phases | kinds | speakers | schedule
    title: str
    columns: tuple[Column, ...]
    rows: tuple[tuple[Cell, ...], ...]


def phase_rows(stats: TimeStats) -> Table:
    """Per item and phase, then the item's total: planned, spoken, over, overruns."""
    columns = _columns(
        ("text", "agenda.col.item"),
        ("text", "stats.col.phase"),
        ("count", "stats.col.count"),
        ("duration", "stats.col.planned"),
        ("duration", "stats.col.spoken"),
        ("duration", "stats.col.over"),
        ("count", "stats.col.overtime"),
    )
    rows: list[tuple[Cell, ...]] = []
    for i in stats.items:
        title = i.item.unit or i.item.title
        for p in i.phases:
            rows.append(
                (
                    title,
                    segment_kinds.shown(p.phase),
                    p.count,
                    p.planned,
                    p.spoken,
                    p.over,
                    p.overtime,
                )
            )
        if len(i.phases) > 1:
            over = overtime(i.spoken, i.allowed)
            total = t("stats.item_total")
            count = sum(p.count for p in i.phases)
            rows.append((title, total, count, i.allowed, i.spoken, over, i.overtime))
    return Table("phases", t("stats.table.phases"), columns, tuple(rows))


def kind_rows(stats: TimeStats) -> Table:
    columns = _columns(
        ("text", "stats.col.phase"),
        ("count", "stats.col.count"),
        ("count", "stats.col.overtime"),
        ("duration", "stats.col.over_total"),
    )
    rows = tuple((segment_kinds.shown(k.name), k.count, k.overtime, k.over) for k in stats.kinds)
    return Table("kinds", t("stats.table.kinds"), columns, rows)


def speaker_rows(stats: TimeStats) -> Table:
    columns = _columns(
        ("text", "stats.col.speaker"),
        ("count", "stats.col.count"),
        ("count", "stats.col.overtime"),
        ("duration", "stats.col.over_total"),
    )
    rows = tuple((s.name or "—", s.count, s.overtime, s.over) for s in stats.speakers)
    return Table("speakers", t("stats.table.speakers"), columns, rows)


def schedule_rows(stats: TimeStats) -> Table:
    """Each held item against the planned schedule: when, and how late (or early) it ended."""
    columns = _columns(
        ("text", "agenda.col.item"),
        ("clock", "stats.col.planned_start"),
        ("clock", "stats.col.started"),
        ("clock", "stats.col.planned_end"),
        ("clock", "stats.col.ended"),
        ("duration", "stats.col.behind"),
        ("duration", "stats.col.ahead"),
    )
    rows: list[tuple[Cell, ...]] = []
    for i in stats.items:
        behind, ahead = _split(i.drift)
        title = i.item.unit or i.item.title
        rows.append(
            (title, i.planned_start, i.started_at, i.planned_end, i.ended_at, behind, ahead)
        )
    return Table("schedule", t("stats.table.schedule"), columns, tuple(rows))


def tables(stats: TimeStats) -> tuple[Table, ...]:
    """Every table, in the order the documents show them."""
    return (phase_rows(stats), kind_rows(stats), speaker_rows(stats), schedule_rows(stats))


def _columns(*specs: tuple[str, str]) -> tuple[Column, ...]:
    return tuple(Column(t(key), kind) for kind, key in specs)


def _split(drift: float | None) -> tuple[float | None, float | None]:
    """(behind, ahead): a drift under a whole second either way is on time."""
    if drift is None or abs(drift) < 1:
        return None, None
    return (drift, None) if drift > 0 else (None, -drift)


def cell_text(value: Cell, kind: str) -> str:
    """A cell as text (md, docx, the screen): durations "m:ss", clock times "14:35:02"."""
    if value is None:
        return ""
    if kind == "duration" and isinstance(value, int | float):
        return duration(value)
    if kind == "clock" and isinstance(value, datetime):
        return value.strftime("%H:%M:%S")
    return str(value)


def text_rows(table: Table) -> list[list[str]]:
    return [
        [cell_text(v, c.kind) for v, c in zip(row, table.columns, strict=True)]
        for row in table.rows
    ]


def summary(stats: TimeStats) -> str:
    """ "共超时 7 次：述职 3 次，提问 2 次；会议开始晚于计划 2:00，结束晚于计划 12:30" """
    sep = "，" if get_lang() == "zh" else ", "
    if stats.overtime:
        parts = sep.join(
            t("stats.summary.kind", kind=segment_kinds.shown(k.name), n=k.overtime)
            for k in stats.kinds
            if k.overtime
        )
        head = t("stats.summary.over", n=stats.overtime, kinds=parts)
    else:
        head = t("stats.summary.none")
    clauses = [head]
    start = stats.start_drift
    if start is not None and abs(start) >= 1:
        key = "stats.summary.start_late" if start > 0 else "stats.summary.start_early"
        clauses.append(t(key, time=duration(abs(start))))
    drift = stats.drift
    if drift is not None:
        where = "end" if stats.finished else "now"
        if abs(drift) < 1:
            clauses.append(t(f"stats.summary.{where}_on_time"))
        else:
            state = "late" if drift > 0 else "early"
            clauses.append(t(f"stats.summary.{where}_{state}", time=duration(abs(drift))))
    if not stats.items:
        return t("stats.summary.nothing")
    return t("stats.summary.join").join(clauses)
