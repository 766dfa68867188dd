"""The frozen plan: typed, immutable, and versioned.

Named tuples, which Python makes ~6x faster than frozen dataclasses, and there are enough of them
that this shows in the launch time (bench/bench_startup.py). The plan has one form: these typed
parts. The dict a database stores (`Plan.data`, `Plan.to_json`) is derived from them and carries
the format version, so a later release knows which shape it reads.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field, replace
from datetime import datetime, timedelta
from functools import cached_property
from typing import TYPE_CHECKING, Any, NamedTuple

from reviewtui.plan import fields as F  # read at call time: the table may grow in a test
from reviewtui.plan import titles
from reviewtui.plan.fields import (  # FORMAT: re-exported
    ASSESSMENT,
    FORMAT,
    GROUP,
    MEETING,
    RULES,
    TIMING,
    WARNING,
    default,
    normalize,
    scalar_names,
)

if TYPE_CHECKING:
    from reviewtui.plan.errors import PlanError


class Grade(NamedTuple):
    grade: str
    points: float | None
    counted: bool


class FormItem(NamedTuple):
    name: str
    max: float | None  # None: the item takes a grade of the scale
    weight: float


class Level(NamedTuple):
    level: str
    min: float


class Veto(NamedTuple):
    grades: tuple[str, ...]
    share: float


class Quota(NamedTuple):
    grade: str
    max_share: float


# The typed parts below take their defaults from the field table (`plan.fields`), declared there
# once; `tests/test_plan_fields.py` checks every part has exactly its table's keys.


class Rules(NamedTuple):
    """When a filled form is invalid (废票), SPEC section 6."""

    all_same: bool = default(RULES, "all_same")
    min_marked: float = default(RULES, "min_marked")
    quota: tuple[Quota, ...] = tuple(default(RULES, "quota"))


class WarningRule(NamedTuple):
    """A rule across years (跨年度提醒): see `plan.fields.WARNING`."""

    rule: str
    level: str | None = None
    bottom: int | None = None
    category: str | None = None
    years: int = default(WARNING, "years")
    action: str = default(WARNING, "action")


class Assessment(NamedTuple):
    scale: tuple[Grade, ...]
    items: tuple[FormItem, ...]
    trim: int
    onsite_weight: float
    levels: tuple[Level, ...]
    double_entry: bool
    veto: Veto | None
    opinions: bool = default(ASSESSMENT, "opinions")
    quorum: float = default(ASSESSMENT, "quorum")
    rules: Rules = Rules()  # every key at its table default
    rank_by: str = default(ASSESSMENT, "rank_by")  # "category": one ranking per category
    warnings: tuple[WarningRule, ...] = ()  # 跨年度提醒, on the `previous` chain

    def grade(self, name: str) -> Grade | None:
        return next((g for g in self.scale if g.grade == name), None)

    @property
    def counted_grades(self) -> tuple[Grade, ...]:
        return tuple(g for g in self.scale if g.counted)


class Timing(NamedTuple):
    report: float
    question: float
    answer: float
    comment: float
    warn: float
    questions: int = default(TIMING, "questions")


class Group(NamedTuple):
    name: str
    weight: float
    issued: int | None
    expected: int | None = default(GROUP, "expected")
    code: str | None = default(GROUP, "code")


class Representative(NamedTuple):
    name: str
    group: str | None


class Unit(NamedTuple):
    name: str
    reporter: str
    mode: str  # "onsite" | "written"
    commenter: str | None
    topic: str | None
    report: float | None  # planned report seconds, None: timing.report
    daily: float | None
    aliases: tuple[str, ...] = ()  # its names in the meeting before (`[meeting] previous`)
    category: str | None = None  # 分类排名: ranked among the units of its category too


class AgendaEntry(NamedTuple):
    kind: str  # "speech" | "reports" | "assessment" | "break"
    title: str | None
    speaker: str | None
    duration: float | None


class AgendaItem(NamedTuple):
    """One row of the expanded agenda: what the secretary walks through."""

    kind: str  # "speech" | "unit" | "assessment" | "break"
    title: str
    unit: str | None = None
    mode: str | None = None
    speaker: str | None = None
    planned: float | None = None


class Meeting(NamedTuple):
    title: str
    date: str
    start: str | None
    venue: str | None
    chair: str | None
    organizer: str | None = default(MEETING, "organizer")
    recorder: str | None = default(MEETING, "recorder")
    headline: str | None = default(MEETING, "headline")
    previous: str | None = default(MEETING, "previous")  # last year's .db, beside the session


@dataclass(frozen=True)
class Plan:
    meeting: Meeting
    timing: Timing
    leaders: tuple[str, ...]
    groups: tuple[Group, ...]
    representatives: tuple[Representative, ...]
    units: tuple[Unit, ...]
    agenda: tuple[AgendaEntry, ...]
    assessment: Assessment
    # What `check` says is legal but probably wrong (SPEC 2); not part of the plan itself.
    warnings: tuple[PlanError, ...] = field(default=(), repr=False, compare=False, hash=False)

    @property
    def onsite_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.mode == "onsite")

    @property
    def written_units(self) -> tuple[Unit, ...]:
        return tuple(u for u in self.units if u.mode == "written")

    def unit(self, name: str) -> Unit | None:
        return next((u for u in self.units if u.name == name), None)

    def group(self, name: str) -> Group | None:
        return next((g for g in self.groups if g.name == name), None)

    def report_seconds(self, unit: Unit) -> float:
        return unit.report if unit.report is not None else self.timing.report

    def unit_seconds(self, unit: Unit) -> float:
        """An on-site unit's planned time: its report, its expected questions with their
        answers, and its leader's comment (SPEC section 2)."""
        timing = self.timing
        planned = self.report_seconds(unit) + timing.questions * (timing.question + timing.answer)
        return planned + (timing.comment if unit.commenter else 0.0)

    def expanded_agenda(self) -> list[AgendaItem]:
        """The agenda with `reports` expanded: on-site units in order, then written ones."""
        items: list[AgendaItem] = []
        for entry in self.agenda:
            if entry.kind == "reports":
                for unit in self.onsite_units:
                    planned = self.unit_seconds(unit)
                    items.append(
                        AgendaItem("unit", unit.name, unit.name, "onsite", unit.reporter, planned)
                    )
                items.extend(
                    AgendaItem("unit", u.name, u.name, "written", u.reporter, None)
                    for u in self.written_units
                )
            else:
                title = entry.title or titles.default_title(entry.kind)
                items.append(
                    AgendaItem(entry.kind, title, None, None, entry.speaker, entry.duration)
                )
        return items

    def planned_seconds(self) -> float:
        return sum(item.planned or 0 for item in self.expanded_agenda())

    def planned_end(self) -> datetime | None:
        """When the meeting should end, or None without a start (or past what a date can hold)."""
        if not self.meeting.start or not self.meeting.date:
            return None
        try:
            start = datetime.fromisoformat(f"{self.meeting.date}T{self.meeting.start}")
            return start + timedelta(seconds=self.planned_seconds())
        except (ValueError, OverflowError):
            return None

    @cached_property
    def data(self) -> dict[str, Any]:
        """The plan as plain data: what the database stores, with its format version."""
        a = self.assessment
        return {
            "format": FORMAT,
            "meeting": self.meeting._asdict(),
            "timing": self.timing._asdict(),
            "leaders": list(self.leaders),
            "groups": [g._asdict() for g in self.groups],
            "representatives": [r._asdict() for r in self.representatives],
            "units": [{**u._asdict(), "aliases": list(u.aliases)} for u in self.units],
            "agenda": [e._asdict() for e in self.agenda],
            "assessment": {
                **{name: getattr(a, name) for name in scalar_names(F.ASSESSMENT)},
                "scale": [g._asdict() for g in a.scale],
                "items": [i._asdict() for i in a.items],
                "levels": [lv._asdict() for lv in a.levels],
                "veto": {"grades": list(a.veto.grades), "share": a.veto.share} if a.veto else None,
                "rules": {
                    **{name: getattr(a.rules, name) for name in scalar_names(F.RULES)},
                    "quota": [q._asdict() for q in a.rules.quota],
                },
                "warnings": [w._asdict() for w in a.warnings],
            },
        }

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, sort_keys=True)


def build(data: dict[str, Any], warnings: tuple[PlanError, ...] = ()) -> Plan:
    """The frozen plan from plain data of any format (older ones are upgraded, defaults filled)."""
    data = normalize(data)
    a = data["assessment"]
    veto = a.get("veto")
    return Plan(
        meeting=Meeting(**data["meeting"]),
        timing=Timing(**data["timing"]),
        leaders=tuple(data["leaders"]),
        groups=tuple(Group(**g) for g in data["groups"]),
        representatives=tuple(Representative(**r) for r in data["representatives"]),
        units=tuple(Unit(**{**u, "aliases": tuple(u["aliases"] or ())}) for u in data["units"]),
        agenda=tuple(AgendaEntry(**e) for e in data["agenda"]),
        assessment=Assessment(
            **{name: a[name] for name in scalar_names(F.ASSESSMENT)},
            scale=tuple(Grade(**g) for g in a["scale"]),
            items=tuple(FormItem(**i) for i in a["items"]),
            levels=tuple(Level(**lv) for lv in a["levels"]),
            veto=Veto(tuple(veto["grades"]), veto["share"]) if veto else None,
            rules=Rules(
                **{name: a["rules"][name] for name in scalar_names(F.RULES)},
                quota=tuple(Quota(**q) for q in a["rules"]["quota"]),
            ),
            warnings=tuple(WarningRule(**w) for w in a["warnings"]),
        ),
        warnings=warnings,
    )


def from_json(text: str) -> Plan:
    """Rebuild the plan stored in a database, of this format or an older one."""
    from reviewtui.plan.hints import hints

    plan = build(json.loads(text))
    return replace(plan, warnings=hints(plan))
