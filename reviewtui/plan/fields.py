"""One declaration per session-file field: its key, kind, default and bounds.

The same declarations drive reading a session file (`validate`), the defaults a stored plan of an
older format gets (`normalize`), and the comparison "has the session file changed?" (`comparable`):
a field a later release learns is declared here once, with its default, and an older database's
plan then reads as if it had always said that default.
"""

from __future__ import annotations

import copy
import unicodedata
from dataclasses import dataclass
from typing import Any

from reviewtui.errors import UserError
from reviewtui.i18n import t
from reviewtui.textsafe import name_key, shown

FORMAT = 2
"""The stored plan's format: 1 (release 0.1, no "format" key) stored the same dict unversioned."""

DAY = 24 * 3600.0  # no duration of a meeting is longer than a day
# Weights are relative: a million to one is more than any meeting needs, and a weight near the
# smallest float would make weight × points underflow and falsify a mean.
MIN_WEIGHT, MAX_WEIGHT = 0.001, 1000.0
MAX_NUMBER = 1000.0  # the highest `max` of a numeric form item
MAX_COUNT = 100_000  # forms issued to one group
MAX_TRIM = 1000
MAX_NAME = 100  # characters of a name (unit, leader, grade...)
MAX_TEXT = 300  # characters of other text (title, topic, venue)
MAX_ENTRIES = 1000  # entries of one array of tables
FIRST_DATE, LAST_DATE = "1900-01-01", "2999-12-31"


@dataclass(frozen=True, slots=True)
class Field:
    """A scalar key of a table.

    kind: "name" (compared by `name_key`), "text", "number", "integer", "boolean", "duration",
    "date", "time", "choice".
    """

    name: str
    kind: str
    default: Any = None
    required: bool = False
    low: float | None = None
    high: float | None = None
    positive: bool = False  # `low` is exclusive: the value must be above it
    choices: tuple[str, ...] = ()

    @property
    def max_len(self) -> int:
        return MAX_NAME if self.kind == "name" else MAX_TEXT


@dataclass(frozen=True, slots=True)
class Table:
    """A table's keys: scalar fields and nested tables or arrays of tables."""

    fields: tuple[Field | Nested, ...]

    def names(self) -> list[str]:
        return [f.name for f in self.fields]

    def __getitem__(self, name: str) -> Field | Nested:
        return next(f for f in self.fields if f.name == name)


@dataclass(frozen=True, slots=True)
class Nested:
    """A sub-table (`many=False`) or an array of tables (`many=True`) and its value when absent.

    `stored` names the one field an entry is stored as, when the database keeps a list of plain
    values ([[leaders]] name = "..." is stored as ["..."]).
    """

    name: str
    table: Table
    many: bool
    default: Any
    stored: str | None = None


def _name(name: str, **kw: Any) -> Field:
    return Field(name, "name", **kw)


def _weight(name: str) -> Field:
    return Field(name, "number", default=1.0, low=MIN_WEIGHT, high=MAX_WEIGHT)


MEETING = Table(
    (
        Field("title", "text", default="", required=True),
        Field("date", "date", default="", required=True),
        Field("start", "time"),
        Field("venue", "text"),
        _name("chair"),
        Field("organizer", "text"),  # who issues the documents (发文机关)
        Field("recorder", "text"),  # who keeps the minutes (记录人)
        Field("headline", "text"),  # the banner of the column layout
        Field("previous", "text"),  # last year's database: its rectification list, read-only
    )
)
TIMING = Table(
    (
        *(
            Field(key, "duration", default=default, low=0, high=DAY, positive=True)
            for key, default in (
                ("report", 300.0),
                ("question", 60.0),
                ("answer", 120.0),
                ("comment", 180.0),
                ("warn", 60.0),
            )
        ),
        # Questions expected per on-site unit: its planned time budgets them.
        Field("questions", "integer", default=1, low=0, high=100),
    )
)
LEADER = Table((_name("name", required=True),))
GROUP = Table(
    (
        _name("name", required=True),
        _weight("weight"),
        Field("issued", "integer", low=0, high=MAX_COUNT),
        Field("expected", "integer", low=0, high=MAX_COUNT),  # 应到; default: issued
        Field("code", "text"),  # prefix of the group's form serials; default A, B, C…
    )
)
REPRESENTATIVE = Table((_name("name", required=True), _name("group")))
UNIT = Table(
    (
        _name("name", required=True),
        _name("reporter"),  # default: the unit's name
        Field("mode", "choice", default="onsite", choices=("onsite", "written")),
        _name("commenter"),
        Field("topic", "text"),
        Field("report", "duration", low=0, high=DAY, positive=True),
        Field("daily", "number", low=0, high=100),
        # The names the unit had in the meeting before (`[meeting] previous`): last year's
        # results are matched through them, never by guesswork.
        Field("aliases", "names", default=[]),
        # 分类排名: units of one category are ranked among themselves too.
        _name("category"),
    )
)
AGENDA = Table(
    (
        Field(
            "kind", "choice", default="speech", choices=("speech", "reports", "assessment", "break")
        ),
        Field("title", "text"),
        _name("speaker"),
        Field("duration", "duration", low=0, high=DAY, positive=True),
    )
)
GRADE = Table(
    (
        _name("grade", required=True),
        Field("points", "number", low=0, high=100),
        Field("counted", "boolean", default=True),
    )
)
ITEM = Table(
    (
        _name("name", required=True),
        Field("max", "number", low=0, high=MAX_NUMBER, positive=True),
        _weight("weight"),
    )
)
LEVEL = Table(
    (_name("level", required=True), Field("min", "number", low=0, high=100, required=True))
)
VETO = Table(
    (
        Field("grades", "names", required=True),
        Field("share", "number", default=1.0, low=0, high=1, required=True),
    )
)

DEFAULT_SCALE = [
    {"grade": "好", "points": 100.0, "counted": True},
    {"grade": "较好", "points": 80.0, "counted": True},
    {"grade": "一般", "points": 60.0, "counted": True},
    {"grade": "差", "points": 40.0, "counted": True},
]
DEFAULT_ITEMS = [{"name": "总体评价", "max": None, "weight": 1.0}]
DEFAULT_LEVELS = [
    {"level": "好", "min": 90.0},
    {"level": "较好", "min": 80.0},
    {"level": "一般", "min": 60.0},
    {"level": "差", "min": 0.0},
]
DEFAULT_GROUP = "all"
DEFAULT_AGENDA = [
    {"kind": "reports", "title": None, "speaker": None, "duration": None},
    {"kind": "assessment", "title": None, "speaker": None, "duration": None},
]
DEFAULT_TIMING = {f.name: f.default for f in TIMING.fields if isinstance(f, Field)}

QUOTA = Table(
    (_name("grade", required=True), Field("max_share", "number", low=0, high=1, required=True))
)
RULES = Table(
    (
        Field("all_same", "boolean", default=False),
        Field("min_marked", "number", default=0.0, low=0, high=1),
        Nested("quota", QUOTA, True, []),
    )
)

# 跨年度提醒 (issue 25): a rule read on the chain of earlier meetings (`[meeting] previous`).
MAX_YEARS = 5  # this meeting and the four before it: as far as the chain reaches
WARNING = Table(
    (
        # "level": at or below `level` in `years` meetings running; "bottom": among the last
        # `bottom` (of `category`, else of all units) in `years` meetings running; "rectify":
        # last year's 整改 lines still open.
        Field("rule", "choice", required=True, choices=("level", "bottom", "rectify")),
        _name("level"),
        Field("bottom", "integer", low=1, high=MAX_COUNT),
        _name("category"),
        Field("years", "integer", default=2, low=1, high=MAX_YEARS),
        Field("action", "choice", default="remind", choices=("remind", "talk")),  # 提醒 / 约谈
    )
)

ASSESSMENT = Table(
    (
        Nested("scale", GRADE, True, DEFAULT_SCALE),
        Nested("items", ITEM, True, DEFAULT_ITEMS),
        Field("trim", "integer", default=0, low=0, high=MAX_TRIM),
        Field("onsite_weight", "number", default=1.0, low=0, high=1),
        Nested("levels", LEVEL, True, DEFAULT_LEVELS),
        Field("double_entry", "boolean", default=False),
        Nested("veto", VETO, False, None),
        Field("opinions", "boolean", default=False),
        Field("quorum", "number", default=0.5, low=0, high=1),
        Nested("rules", RULES, False, {}),  # its keys' own defaults
        # How the results are laid out: one ranking ("all") or one per category ("category").
        Field("rank_by", "choice", default="all", choices=("all", "category")),
        Nested("warnings", WARNING, True, []),  # 跨年度提醒: none unless the plan asks
    )
)
PLAN = Table(
    (
        Nested("meeting", MEETING, False, {}),
        Nested("timing", TIMING, False, {}),
        Nested("leaders", LEADER, True, [], stored="name"),
        Nested("groups", GROUP, True, [{"name": DEFAULT_GROUP, "weight": 1.0, "issued": None}]),
        Nested("representatives", REPRESENTATIVE, True, []),
        Nested("units", UNIT, True, []),
        Nested("agenda", AGENDA, True, DEFAULT_AGENDA),
        Nested("assessment", ASSESSMENT, False, {}),
    )
)


def default(table: Table, name: str) -> Any:
    """The default of `table`'s key `name`: what the model's typed parts default to."""
    return copy.deepcopy(table[name].default)


def scalar_names(table: Table) -> tuple[str, ...]:
    """The names of `table`'s scalar keys (a typed part copies these as they are)."""
    return tuple(f.name for f in table.fields if isinstance(f, Field))


def defaults(table: Table) -> dict[str, Any]:
    """Every key of `table` at its default (nested tables filled)."""
    return _fill({}, table)


class NewerFormat(UserError):
    """A stored plan written by a later release than this one."""


def normalize(data: dict[str, Any]) -> dict[str, Any]:
    """Plain plan data of any known format, upgraded: every declared key present.

    Format 1 (release 0.1) is format 2 without the "format" key; a key it lacks takes its default.
    """
    version = data.get("format", 1)
    if not isinstance(version, int) or version > FORMAT:
        raise NewerFormat(t("plan.newer_format", version=shown(str(version))[:20]))
    out = _fill(data, PLAN)
    if version == 1 and isinstance(out["meeting"].get("start"), str):
        # Release 0.1 kept full-width minutes ("14:３０"): read them as the digits they are.
        out["meeting"]["start"] = unicodedata.normalize("NFKC", out["meeting"]["start"])
    out["format"] = FORMAT
    return out


def _fill(raw: dict[str, Any], table: Table) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for f in table.fields:
        value = raw.get(f.name, _ABSENT)
        if isinstance(f, Field):
            out[f.name] = copy.deepcopy(f.default) if value is _ABSENT else value
        elif value is _ABSENT:
            out[f.name] = copy.deepcopy(f.default)
            if isinstance(out[f.name], dict):
                out[f.name] = _fill(out[f.name], f.table)
        elif value is None or f.stored:
            out[f.name] = value
        elif f.many:
            out[f.name] = [_fill(entry, f.table) for entry in value]
        else:
            out[f.name] = _fill(value, f.table)
    return out


_ABSENT = object()


def comparable(data: dict[str, Any]) -> dict[str, Any]:
    """Normalized data with every name and text reduced to its identity (`name_key`).

    Two plans whose comparable forms are equal are the same plan: a session file that only adds
    a default, re-spaces a name or writes it full-width has not changed.
    """
    compared: dict[str, Any] = _compare(normalize(data), PLAN)
    return compared


def _compare(raw: Any, table: Table) -> Any:
    out: dict[str, Any] = {}
    for f in table.fields:
        value = raw.get(f.name)
        if isinstance(f, Field):
            if f.kind in ("name", "text") and isinstance(value, str):
                value = name_key(value)
            elif f.kind == "names" and isinstance(value, list):
                value = [name_key(v) if isinstance(v, str) else v for v in value]
            out[f.name] = value
        elif value is None:
            out[f.name] = None
        elif f.stored:
            out[f.name] = [name_key(v) if isinstance(v, str) else v for v in value]
        elif f.many:
            out[f.name] = [_compare(entry, f.table) for entry in value]
        else:
            out[f.name] = _compare(value, f.table)
    return out
