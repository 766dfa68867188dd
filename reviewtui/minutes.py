"""The minutes model: one read of the meeting database into plain frozen dataclasses.

Every exporter (md, docx, xlsx, csv, json) renders a `Minutes`; none queries the database. The
results come from the one tally (`reviewtui.assessment`), never from a second computation here.
Nothing in the model names the rater of a ballot: `ballots.entered_by` and `ballots.source` are
never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reviewtui import clock
from reviewtui.assessment import Results, tally_store
from reviewtui.assessment.ballots import load as load_ballots
from reviewtui.assessment.tally import GroupCount
from reviewtui.meeting import Meeting, Segment
from reviewtui.plan import Veto
from reviewtui.store import Store

# Lines of the secretary's notes that head a section, as the seed's column writes them.
NOTE_HEADINGS = (
    "主要举措",
    "主要做法",
    "取得成效",
    "工作成效",
    "存在问题",
    "下一步打算",
    "下步打算",
)

_HEADING_TRIM = re.compile(r"^[\s#*【\[]+|[\s:：*】\]]+$")


# ------------------------------------------------------------------------------------------------
# The model


@dataclass(frozen=True)
class MeetingFacts:
    title: str
    date: str
    start: str | None  # planned start, HH:MM
    venue: str | None
    chair: str | None
    groups: tuple[GroupCount, ...]  # forms issued, returned and valid per group (tally)


@dataclass(frozen=True)
class SegmentRecord:
    id: int
    kind: str  # report | question | answer | comment | speech
    speaker: str
    text: str
    started_at: datetime
    ended_at: datetime | None  # None while it still runs
    seconds: float  # spoken time, pauses excluded (up to `as_of` while running)
    paused_seconds: float
    planned: float | None
    question_id: int | None

    @property
    def over(self) -> float | None:
        """Seconds past the planned time (negative: time to spare)."""
        return None if self.planned is None else self.seconds - self.planned


@dataclass(frozen=True)
class QuestionRecord:
    asker: str
    text: str
    answer: str  # the gist of the answer(s), "" if none was recorded
    question_seconds: float
    answer_seconds: float | None  # None when the question was never answered
    started_at: datetime
    answerer: str


@dataclass(frozen=True)
class CommentRecord:
    leader: str
    text: str
    seconds: float
    started_at: datetime


@dataclass(frozen=True)
class NoteSection:
    """A run of note lines; `heading` is e.g. "主要举措", or None for the lines before any."""

    heading: str | None
    lines: tuple[str, ...]


@dataclass(frozen=True)
class ItemRecord:
    """One agenda item: an on-site or written unit, a speech, a break or the assessment."""

    id: int
    pos: int
    kind: str  # unit | speech | break | assessment
    title: str
    status: str  # pending | live | done
    planned: float | None  # the whole item's planned seconds
    unit: str | None = None
    mode: str | None = None  # onsite | written, for units
    speaker: str | None = None  # reporter of a unit, speaker of a speech
    topic: str | None = None
    commenter: str | None = None
    segments: tuple[SegmentRecord, ...] = ()
    questions: tuple[QuestionRecord, ...] = ()
    comments: tuple[CommentRecord, ...] = ()
    notes: str = ""

    @property
    def started_at(self) -> datetime | None:
        return min((s.started_at for s in self.segments), default=None)

    @property
    def seconds(self) -> float:
        """Spoken time of the whole item, pauses excluded."""
        return sum(s.seconds for s in self.segments)

    @property
    def main_segment(self) -> SegmentRecord | None:
        """The report (or speech) itself: the first one, if several were started."""
        return next((s for s in self.segments if s.kind in ("report", "speech")), None)

    @property
    def note_sections(self) -> tuple[NoteSection, ...]:
        return note_sections(self.notes)

    @property
    def headline(self) -> str:
        """A unit's headline for the column: "单位 题目", or the topic if it names the unit."""
        name = self.unit or self.title
        if not self.topic:
            return name
        return self.topic if self.topic.startswith(name) else f"{name} {self.topic}"


@dataclass(frozen=True)
class BallotRecord:
    """A ballot as entered: its id on the paper form, never who filled it in or typed it."""

    code: str
    group: str
    entry: int
    status: str  # "valid" | "invalid" | "unconfirmed", as the tally counted it
    marks: dict[tuple[str, str], str | float]  # (unit, form item) -> grade or number


@dataclass(frozen=True)
class Minutes:
    meeting: MeetingFacts
    items: tuple[ItemRecord, ...]
    results: Results  # from the one tally; `results.to_json()` is SPEC section 7
    ballots: tuple[BallotRecord, ...]
    units: tuple[str, ...]  # unit names in plan order (ballot columns)
    form_items: tuple[str, ...]  # the assessment form's items
    grades: tuple[str, ...]  # the scale, best first
    double_entry: bool
    veto: Veto | None  # the plan's veto rule, to explain a level it changed
    sha256: str  # store.content_sha256() of the database read
    source: str  # the database file's name
    as_of: datetime  # when it was read; running segments are counted up to here

    @property
    def units_items(self) -> tuple[ItemRecord, ...]:
        return tuple(i for i in self.items if i.kind == "unit")

    def timings(self) -> Iterator[tuple[ItemRecord, SegmentRecord]]:
        """Every segment with its item, in agenda order then time order."""
        for item in self.items:
            for segment in item.segments:
                yield item, segment


# ------------------------------------------------------------------------------------------------
# Notes


def heading_of(line: str) -> str | None:
    """The section heading a note line stands for ("主要举措:" → "主要举措"), or None."""
    core = _HEADING_TRIM.sub("", line.strip())
    return core if core in NOTE_HEADINGS else None


def note_sections(text: str) -> tuple[NoteSection, ...]:
    """Split notes at heading lines, keeping every other non-empty line as typed."""
    sections: list[NoteSection] = []
    heading: str | None = None
    lines: list[str] = []
    for raw in text.splitlines():
        line = raw.rstrip()
        found = heading_of(line)
        if found is not None:
            if heading is not None or lines:
                sections.append(NoteSection(heading, tuple(lines)))
            heading, lines = found, []
        elif line.strip():
            lines.append(line.strip())
    if heading is not None or lines:
        sections.append(NoteSection(heading, tuple(lines)))
    return tuple(sections)


# ------------------------------------------------------------------------------------------------
# Reading


def tally_results(store: Store) -> Results:
    """The one tally (SPEC section 6), the single call site for every export."""
    return tally_store(store)


@contextmanager
def snapshot(store: Store) -> Iterator[None]:
    """One read transaction: beside a live writer, every query (and the SHA-256) sees the same
    committed state, so the fingerprint printed is that of exactly what was exported."""
    if store.conn.in_transaction:
        yield
        return
    store.conn.execute("BEGIN")
    try:
        yield
    finally:
        store.conn.execute("COMMIT")


def read_minutes(store: Store, *, as_of: datetime | None = None) -> Minutes:
    """Everything the minutes need, read from `store` (a reader is enough) in one snapshot."""
    with snapshot(store):
        return _read(store, as_of or clock.now())


def _read(store: Store, as_of: datetime) -> Minutes:
    plan = store.plan
    results = tally_results(store)
    notes = {r["item_id"]: r["text"] for r in store.rows("SELECT item_id, text FROM notes")}
    meeting = Meeting(store)  # its queries only: a reader store is enough
    by_item: dict[int, list[Segment]] = {}
    for segment in meeting.segments():
        by_item.setdefault(segment.item_id, []).append(segment)

    items: list[ItemRecord] = []
    for item in meeting.items():
        unit = plan.unit(item.unit) if item.unit else None
        segments = by_item.get(item.id, [])
        records = tuple(_segment_record(s, as_of) for s in segments)
        items.append(
            ItemRecord(
                id=item.id,
                pos=item.pos,
                kind=item.kind,
                title=item.title,
                status=item.status,
                planned=item.planned,
                unit=item.unit,
                mode=item.mode,
                speaker=item.speaker,
                topic=unit.topic if unit else None,
                commenter=unit.commenter if unit else None,
                segments=records,
                questions=_questions(records),
                comments=tuple(
                    CommentRecord(s.speaker, s.text, s.seconds, s.started_at)
                    for s in records
                    if s.kind == "comment"
                ),
                notes=notes.get(item.id, ""),
            )
        )

    m = plan.meeting
    return Minutes(
        meeting=MeetingFacts(m.title, m.date, m.start, m.venue, m.chair, results.groups),
        items=tuple(items),
        results=results,
        ballots=_ballots(store, results),
        units=tuple(u.name for u in plan.units),
        form_items=tuple(i.name for i in plan.assessment.items),
        grades=tuple(g.grade for g in plan.assessment.scale),
        double_entry=plan.assessment.double_entry,
        veto=plan.assessment.veto,
        sha256=store.content_sha256(),
        source=store.path.name,
        as_of=as_of,
    )


def _segment_record(segment: Segment, as_of: datetime) -> SegmentRecord:
    # Timestamps are stored to the millisecond, so round away float noise at that precision.
    return SegmentRecord(
        id=segment.id,
        kind=segment.kind,
        speaker=segment.speaker,
        text=segment.text,
        started_at=segment.started_at,
        ended_at=segment.ended_at,
        seconds=round(segment.elapsed(as_of), 3),
        paused_seconds=round(_paused(segment, as_of), 3),
        planned=segment.planned,
        question_id=segment.question_id,
    )


def _paused(segment: Segment, as_of: datetime) -> float:
    """Paused seconds, counting a pause still in progress up to `as_of`."""
    extra = 0.0
    if segment.paused_at is not None and segment.ended_at is None:
        extra = max(0.0, (as_of - segment.paused_at).total_seconds())
    return segment.paused_seconds + extra


def _questions(segments: tuple[SegmentRecord, ...]) -> tuple[QuestionRecord, ...]:
    questions: list[QuestionRecord] = []
    for q in segments:
        if q.kind != "question":
            continue
        answers = [s for s in segments if s.kind == "answer" and s.question_id == q.id]
        questions.append(
            QuestionRecord(
                asker=q.speaker,
                text=q.text,
                answer="\n".join(a.text for a in answers if a.text),
                question_seconds=q.seconds,
                answer_seconds=round(sum(a.seconds for a in answers), 3) if answers else None,
                started_at=q.started_at,
                answerer=answers[0].speaker if answers else "",
            )
        )
    return tuple(questions)


def _ballots(store: Store, results: Results) -> tuple[BallotRecord, ...]:
    """Every ballot entry, through the assessment's reader (it knows how marks are stored).

    Only the paper form's id, its group, the entry round and the marks are kept: never
    `entered_by` or `source`, which could name a person.
    """
    invalid, unconfirmed = set(results.invalid_codes), set(results.unconfirmed)

    def status(code: str) -> str:
        return "unconfirmed" if code in unconfirmed else "invalid" if code in invalid else "valid"

    return tuple(
        BallotRecord(b.code, b.group, b.entry, status(b.code), dict(b.marks))
        for b in load_ballots(store)  # in ballot-id order, then entry
    )


# ------------------------------------------------------------------------------------------------
# SPEC section 8


def _number(value: float | None) -> float | int | None:
    """Whole planned seconds as integers (300, not 300.0), as SPEC 8 shows them."""
    if value is None:
        return None
    return int(value) if float(value).is_integer() else value


def _segment_json(s: SegmentRecord) -> dict[str, Any]:
    return {
        "kind": s.kind,
        "speaker": s.speaker,
        "started_at": clock.iso(s.started_at),
        "ended_at": clock.iso(s.ended_at) if s.ended_at else None,
        "seconds": s.seconds,
        "paused_seconds": s.paused_seconds,
        "planned": _number(s.planned),
        "text": s.text,
    }


def _item_json(item: ItemRecord) -> dict[str, Any]:
    data: dict[str, Any] = {"kind": item.kind}
    if item.kind == "unit":
        data |= {
            "unit": item.unit,
            "reporter": item.speaker,
            "mode": item.mode,
            "topic": item.topic,
        }
    else:
        data["title"] = item.title
        if item.kind == "speech":
            data["speaker"] = item.speaker
    data |= {
        "status": item.status,
        "segments": [_segment_json(s) for s in item.segments],
        "questions": [
            {
                "asker": q.asker,
                "text": q.text,
                "answer": q.answer,
                "question_seconds": q.question_seconds,
                "answer_seconds": q.answer_seconds,
            }
            for q in item.questions
        ],
        "comments": [
            {"leader": c.leader, "text": c.text, "seconds": c.seconds} for c in item.comments
        ],
        "notes": item.notes,
    }
    return data


def to_json(minutes: Minutes) -> dict[str, Any]:
    """The minutes JSON of SPEC section 8, plus "sha256" of the database content it came from."""
    m = minutes.meeting
    return {
        "meeting": {"title": m.title, "date": m.date, "venue": m.venue, "chair": m.chair},
        "items": [_item_json(item) for item in minutes.items],
        "results": minutes.results.to_json(),
        "sha256": minutes.sha256,
    }
