"""The minutes: one read of the meeting database into plain frozen dataclasses.

Every exporter (md, docx, xlsx, csv, json) renders a `Minutes`; none queries the database. The
results come from the one tally (`reviewtui.assessment`), never from a second computation here.
Nothing in the model names the rater of a ballot: `ballots.entered_by` and `ballots.source` are
never read.

- `model`: the dataclasses, and the secretary's notes split at their headings;
- `read`: `read_minutes(store)`, one snapshot of the database;
- `as_json`: `to_json(minutes)`, SPEC section 8.
"""

from reviewtui.minutes.as_json import to_json
from reviewtui.minutes.model import (
    NOTE_HEADINGS,
    BallotRecord,
    CommentRecord,
    ItemRecord,
    MeetingFacts,
    Minutes,
    NoteSection,
    QuestionRecord,
    SegmentRecord,
    heading_of,
    note_sections,
)
from reviewtui.minutes.read import read_minutes, snapshot, tally_results

__all__ = [
    "NOTE_HEADINGS",
    "BallotRecord",
    "CommentRecord",
    "ItemRecord",
    "MeetingFacts",
    "Minutes",
    "NoteSection",
    "QuestionRecord",
    "SegmentRecord",
    "heading_of",
    "note_sections",
    "read_minutes",
    "snapshot",
    "tally_results",
    "to_json",
]
