"""The minutes model: plain frozen dataclasses, and the secretary's notes split at headings.

Every exporter (md, docx, xlsx, csv, json) renders a `Minutes`; none queries the database. The
results come from the one tally (`reviewtui.assessment`), never from a second computation here.
Nothing in the model names the rater of a ballot: `ballots.entered_by` and `ballots.source` are
never read.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from reviewtui.assessment import Results
from reviewtui.assessment.history import History
from reviewtui.assessment.method_text import Method
from reviewtui.assessment.tally import GroupCount
from reviewtui.assessment.year_warnings import YearWarning
from reviewtui.plan import Veto
from reviewtui.rectify import Previous, ProblemLine

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
    organizer: str | None = None  # who issues the documents
    recorder: str | None = None  # who kept the minutes
    leaders: tuple[str, ...] = ()  # the plan's leaders: 出席 in the minutes
    headline: str | None = None  # the banner of the column layout


@dataclass(frozen=True)
class AmendmentRecord:
    """One change made to the plan of the started meeting (`reviewtui amend`, settings)."""

    at: str  # ISO 8601 with offset
    what: str  # key path in the plan, e.g. "groups[1].issued"
    old: Any
    new: Any
    subject: str = ""  # the name of the entry changed ("群众代表"), or ""


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
    # A unit's opinions written on the forms (意见建议) that count, without their ballots.
    opinions: tuple[str, ...] = ()
    # The plan's time per phase of an on-site unit (report, question, answer, comment), in
    # seconds, summing to its planned time; () for other items. For the time statistics.
    budget: tuple[tuple[str, float], ...] = ()

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
class RevealRecord:
    """Results revealed on the projector (当场公布) and who confirmed the count."""

    at: str  # ISO 8601 with offset: when shown
    scope: str  # "all" | "top" | "level"
    top: int | None
    level: str | None
    counter: str  # 计票人
    supervisor: str  # 监票人
    hidden_at: str | None
    provisional: bool  # the revealed results were provisional (quorum not met)
    category: str | None = None  # one category's units only (分类排名)


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
    amendments: tuple[AmendmentRecord, ...] = ()
    reveals: tuple[RevealRecord, ...] = ()
    # per group: (group, expected 应到, present 实到, absent 请假); None where not known
    attendance: tuple[tuple[str, int | None, int | None, int | None], ...] = ()
    # the rectification list, merged lines included (`rectification_lines` leaves them out)
    rectification: tuple[ProblemLine, ...] = ()
    previous: Previous | None = None  # last year's list (`[meeting] previous`), if any
    levels: tuple[str, ...] = ()  # the plan's levels (考核等次), best first
    # The earlier meetings (`[meeting] previous`, followed back), when the plan names one; then
    # `results.previous` holds last year's result of each unit.
    history: History | None = None
    check_code: str = ""  # 校验码 of the ballots and results (`assessment.check_code`)
    warnings: tuple[YearWarning, ...] = ()  # 跨年度提醒: what the plan's rules across years give
    method: Method | None = None  # 计分办法 and the worked unit (`assessment.method_text`)

    def rectification_lines(self, *, dropped: bool = True) -> tuple[ProblemLine, ...]:
        """The lines of the list as handed on: merged ones are in their absorber."""
        return tuple(
            x for x in self.rectification if not x.merged and (dropped or x.status != "dropped")
        )

    def previous_of(self, unit: str | None) -> tuple[ProblemLine, ...]:
        return self.previous.of(unit) if self.previous is not None and unit else ()

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
