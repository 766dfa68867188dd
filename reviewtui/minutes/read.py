"""Reading the meeting database into the minutes model, in one snapshot."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from reviewtui import clock
from reviewtui.amend import attendance, history
from reviewtui.assessment import Results, opinions, tally_store
from reviewtui.assessment.ballots import load as load_ballots
from reviewtui.assessment.method_text import method
from reviewtui.assessment.reveal import history as reveal_history
from reviewtui.meeting import Meeting, Segment
from reviewtui.minutes.model import (
    AmendmentRecord,
    BallotRecord,
    CommentRecord,
    ItemRecord,
    MeetingFacts,
    Minutes,
    QuestionRecord,
    RevealRecord,
    SegmentRecord,
)
from reviewtui.plan import Plan, Unit
from reviewtui.rectify import load_previous, read_lines
from reviewtui.segment_kinds import unit_budget
from reviewtui.store import Store

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
    from reviewtui.assessment.check_code import check_code

    code = check_code(store, results)
    earlier = None
    if plan.meeting.previous:  # last year beside this year
        from reviewtui.assessment.history import with_history

        results, earlier = with_history(store, results)
    from reviewtui.assessment.year_warnings import warnings_of

    warned = warnings_of(store, results, earlier)
    opinion_texts = opinions.by_unit(store, results)
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
                opinions=tuple(opinion_texts.get(item.unit, ())) if item.unit else (),
                budget=phase_budget(plan, unit) if unit and item.mode == "onsite" else (),
            )
        )

    m = plan.meeting
    amendments = tuple(AmendmentRecord(*a) for a in history(store))
    reveals = tuple(
        RevealRecord(r.shown_at, r.scope, r.top, r.level, r.counter, r.supervisor, r.hidden_at,
                     r.provisional, r.category)
        for r in reveal_history(store.conn)
    )  # fmt: skip
    present = tuple(tuple(a) for a in attendance(store))
    return Minutes(
        meeting=MeetingFacts(
            m.title,
            m.date,
            m.start,
            m.venue,
            m.chair,
            results.groups,
            m.organizer,
            m.recorder,
            plan.leaders,
            m.headline,
        ),
        amendments=amendments,
        reveals=reveals,
        attendance=present,  # type: ignore[arg-type]
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
        rectification=tuple(read_lines(store)),
        previous=load_previous(store) if plan.meeting.previous else None,
        levels=tuple(level.level for level in plan.assessment.levels),
        history=earlier,
        check_code=code,
        warnings=warned,
        method=method(plan, results),
    )


def phase_budget(plan: Plan, unit: Unit) -> tuple[tuple[str, float], ...]:
    """An on-site unit's planned time split by phase, as `Plan.unit_seconds` adds it up."""
    return unit_budget(plan, unit)


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
