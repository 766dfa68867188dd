"""The minutes as the JSON of SPEC section 8."""

from __future__ import annotations

from typing import Any

from reviewtui import clock
from reviewtui.minutes.model import ItemRecord, Minutes, RevealRecord, SegmentRecord
from reviewtui.rectify import ProblemLine

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


def _line_json(line: ProblemLine, *, unit: bool = True) -> dict[str, Any]:
    """A problem line as SPEC 8's `rectification` shows it."""
    data: dict[str, Any] = {"unit": line.unit} if unit else {}
    return data | {
        "source": line.source,
        "problem": line.problem,
        "measure": line.measure,
        "owner": line.owner,
        "deadline": line.deadline,
        "status": line.status,
    }


def _item_json(item: ItemRecord, minutes: Minutes | None = None) -> dict[str, Any]:
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
    if item.kind == "unit":
        data["opinions"] = list(item.opinions)  # grouped by unit, never with their ballot
    if minutes is not None and minutes.previous is not None and item.kind == "unit":
        # last year's lines of this unit (`[meeting] previous`), to follow up
        data["previous"] = [_line_json(x, unit=False) for x in minutes.previous_of(item.unit)]
    return data


def _reveal_json(r: RevealRecord) -> dict[str, Any]:
    # "category" only when one was revealed: the minutes of a meeting without stay as they were.
    extra = {"category": r.category} if r.category is not None else {}
    return {
        "at": r.at,
        "scope": r.scope,
        "top": r.top,
        "level": r.level,
        "counter": r.counter,
        "supervisor": r.supervisor,
        "hidden_at": r.hidden_at,
        "provisional": r.provisional,
        **extra,
    }


def to_json(minutes: Minutes) -> dict[str, Any]:
    """The minutes JSON of SPEC section 8, plus "sha256" of the database content it came from."""
    m = minutes.meeting
    return {
        "meeting": {
            "title": m.title,
            "date": m.date,
            "venue": m.venue,
            "chair": m.chair,
            "organizer": m.organizer,
            "recorder": m.recorder,
        },
        "attendance": {
            group: {"expected": expected, "present": present, "absent": absent}
            for group, expected, present, absent in minutes.attendance
        },
        "amendments": [
            {"at": a.at, "what": a.what, "old": a.old, "new": a.new} for a in minutes.amendments
        ],
        "rectification": [_line_json(x) for x in minutes.rectification_lines()],
        "items": [_item_json(item, minutes) for item in minutes.items],
        "results": minutes.results.to_json(),
        # beside the results they showed; SPEC 8 keeps rectification right before items
        "reveals": [_reveal_json(r) for r in minutes.reveals],
        "sha256": minutes.sha256,
    }
