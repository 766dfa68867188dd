"""The session file: read, validate, and freeze into a `Plan`.

Validation reports every error at once, each with the file, the line where it can be found, the
key path (`units[3].commenter`) and what is wrong, in the user's language. The validated plan is
kept as a normalized dict (defaults applied) so the database can store it and rebuild the very
same `Plan` later without the session file.
"""

from __future__ import annotations

import datetime as dt
import difflib
import json
import re
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, NamedTuple

from reviewtui.clock import parse_duration
from reviewtui.i18n import t

# ------------------------------------------------------------------------------------------------
# The frozen plan: named tuples, which Python makes ~6x faster than frozen dataclasses, and
# there are enough of them that this shows in the launch time (bench/bench_startup.py).


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


class Assessment(NamedTuple):
    scale: tuple[Grade, ...]
    items: tuple[FormItem, ...]
    trim: int
    onsite_weight: float
    levels: tuple[Level, ...]
    double_entry: bool
    veto: Veto | None

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


class Group(NamedTuple):
    name: str
    weight: float
    issued: int | None


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
    data: dict[str, Any] = field(repr=False, compare=False, hash=False)

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

    def expanded_agenda(self) -> list[AgendaItem]:
        """The agenda with `reports` expanded: on-site units in order, then written ones."""
        items: list[AgendaItem] = []
        for entry in self.agenda:
            if entry.kind == "reports":
                for unit in self.onsite_units:
                    planned = self.report_seconds(unit)
                    if unit.commenter:
                        planned += self.timing.comment
                    items.append(
                        AgendaItem("unit", unit.name, unit.name, "onsite", unit.reporter, planned)
                    )
                items.extend(
                    AgendaItem("unit", u.name, u.name, "written", u.reporter, None)
                    for u in self.written_units
                )
            else:
                title = entry.title or t(f"agenda.kind.{entry.kind}")
                items.append(
                    AgendaItem(entry.kind, title, None, None, entry.speaker, entry.duration)
                )
        return items

    def planned_seconds(self) -> float:
        return sum(item.planned or 0 for item in self.expanded_agenda())

    def to_json(self) -> str:
        return json.dumps(self.data, ensure_ascii=False, sort_keys=True)


# ------------------------------------------------------------------------------------------------
# Errors


class PlanError(NamedTuple):
    key: str  # key path, e.g. "units[3].commenter"; "" for the whole file
    message: str
    line: int | None = None

    def render(self, path: str) -> str:
        if not self.key:
            where = f"{path}:{self.line}: " if self.line else f"{path}: "
            return where + self.message
        if self.line:
            return t("plan.where", path=path, line=self.line, key=self.key) + self.message
        return t("plan.where_noline", path=path, key=self.key) + self.message


class PlanInvalid(Exception):
    """The session file cannot be used; `errors` says every reason."""

    def __init__(self, path: str, errors: list[PlanError]) -> None:
        super().__init__(f"{path}: {len(errors)} error(s)")
        self.path = path
        self.errors = errors

    def render(self) -> list[str]:
        return [error.render(self.path) for error in self.errors]


# ------------------------------------------------------------------------------------------------
# Defaults

DEFAULT_TIMING = {
    "report": 300.0,
    "question": 60.0,
    "answer": 120.0,
    "comment": 180.0,
    "warn": 60.0,
}
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

# ------------------------------------------------------------------------------------------------
# Reading


def read_source(path: Path) -> tuple[str | None, list[PlanError]]:
    """The file's text (UTF-8, a BOM allowed), or the errors that prevent reading it."""
    if not path.exists():
        return None, [PlanError("", _strip_path(t("file.missing", path=path), path))]
    try:
        raw = path.read_bytes()
    except OSError as exc:
        message = t("file.unreadable", path=path, reason=exc.strerror)
        return None, [PlanError("", _strip_path(message, path))]
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        message = t("file.not_utf8", path=path, line=line)
        return None, [PlanError("", _strip_path(message, path), line)]
    if not text.strip():
        return None, [PlanError("", _strip_path(t("file.empty", path=path), path))]
    return text, []


def _strip_path(message: str, path: Path) -> str:
    """Catalog file messages start with "{path}:"; PlanError adds the path itself.

    Only the path itself is cut, so a path with a colon in it stays whole.
    """
    prefix = str(path)
    if not message.startswith(prefix):
        return message
    rest = message[len(prefix) :]
    return (rest[1:] if rest[:1] in (":", ":") else rest).strip()


_TOML_LINE = re.compile(r"\(at line (\d+), column (\d+)\)")


def load(path: str | Path) -> Plan:
    """Read and validate a session file; raise `PlanInvalid` with every error."""
    path = Path(path)
    text, errors = read_source(path)
    if text is None:
        raise PlanInvalid(str(path), errors)
    return loads(text, str(path))


# tomllib's messages (Python 3.11–3.13), to say them in the user's language; one that is not
# here is shown as tomllib says it.
_TOML_MESSAGES = [
    (re.compile(pattern), key)
    for pattern, key in (
        (r"Cannot overwrite a value", "toml.overwrite"),
        (r"Unescaped '\\' in a string", "toml.backslash"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "toml.immutable"),
        (r"Unterminated string", "toml.unterminated"),
        (r"Unclosed inline table", "toml.unclosed_table"),
        (r"Unclosed array", "toml.unclosed_array"),
        (r"Invalid value", "toml.invalid_value"),
        (r"Invalid statement", "toml.invalid_statement"),
        (r"Invalid initial character for a key part", "toml.key_start"),
        (r"Invalid hex value", "toml.hex"),
        (r"Invalid date or datetime", "toml.date"),
        (r"Illegal character '\\n'", "toml.unterminated"),  # a string runs to the line's end
        (r"Illegal character (?P<char>.+)", "toml.illegal"),
        (r"Found invalid character (?P<char>.+)", "toml.invalid_char"),
        (r"Expected '\]\]' at the end of an array declaration", "toml.expected_aot_end"),
        (r"Expected '\]' at the end of a table declaration", "toml.expected_table_end"),
        (r"Expected '=' after a key in a key/value pair", "toml.expected_equals"),
        (r"Expected (?P<what>.+)", "toml.expected"),
        (r"Escaped character is not a Unicode scalar value", "toml.escape"),
        (r"Duplicate inline table key (?P<key>.+)", "toml.duplicate_inline"),
        (r"Cannot redefine namespace (?P<key>.+)", "toml.redefine"),
        (r"Cannot declare (?P<key>.+) twice", "toml.twice"),
    )
]


_TOML_AT_END = "(at end of document)"


def _toml_detail(message: str) -> str:
    for pattern, key in _TOML_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            return t(key, **found.groupdict())
    return message


def loads(text: str, path: str = "<session>") -> Plan:
    try:
        raw = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        match = _TOML_LINE.search(str(exc))
        line = int(match.group(1)) if match else None
        message = _TOML_LINE.sub("", str(exc)).strip()
        at_end = message.endswith(_TOML_AT_END)
        detail = _toml_detail(message.removesuffix(_TOML_AT_END).strip())
        if match:
            detail += t("plan.toml_column", column=match.group(2))
        elif at_end:
            detail += t("plan.toml_at_end")
            line = max(1, len(text.splitlines()))
        error = PlanError("", t("plan.toml_syntax", detail=detail), line)
        raise PlanInvalid(path, [error]) from None
    validator = _Validator(_KeyLines(text))
    data = validator.run(raw)
    if validator.errors:
        raise PlanInvalid(path, validator.errors)
    return build(data)


def from_json(text: str) -> Plan:
    """Rebuild the plan stored in a database."""
    return build(json.loads(text))


# ------------------------------------------------------------------------------------------------
# Line numbers for key paths: a light scan of the TOML text (tomllib keeps no positions).


class _KeyLines:
    _HEADER = re.compile(r"^\s*(\[\[?)\s*([^\]]+?)\s*\]\]?\s*(#.*)?$")
    _KEY = re.compile(r"""^\s*("[^"]*"|'[^']*'|[A-Za-z0-9_\-]+)\s*=\s*(.*)$""")
    _INLINE_KEY = re.compile(r"""([A-Za-z0-9_\-]+)\s*=""")

    def __init__(self, text: str) -> None:
        self.lines: dict[str, int] = {}
        counters: dict[str, int] = {}
        prefix = ""
        array_key: str | None = None  # inside a multi-line array value
        element = -1
        for number, line in enumerate(text.splitlines(), start=1):
            if array_key is not None:
                if "{" in line:
                    element += 1
                    base = f"{array_key}[{element}]"
                    self.lines.setdefault(base, number)
                    for key in self._INLINE_KEY.findall(line):
                        self.lines.setdefault(f"{base}.{key}", number)
                if line.strip().startswith("]"):
                    array_key = None
                continue
            header = self._HEADER.match(line)
            if header:
                name = header.group(2).strip()
                if header.group(1) == "[[":
                    index = counters.get(name, -1) + 1
                    counters[name] = index
                    prefix = f"{name}[{index}]"
                else:
                    prefix = name
                self.lines.setdefault(prefix, number)
                continue
            key = self._KEY.match(line)
            if key:
                name = key.group(1).strip("\"'")
                full = f"{prefix}.{name}" if prefix else name
                self.lines.setdefault(full, number)
                value = key.group(2).strip()
                if value.startswith("[") and not _closes(value):
                    array_key, element = full, -1
                elif value.startswith("["):
                    for index, chunk in enumerate(value.split("{")[1:]):
                        self.lines.setdefault(f"{full}[{index}]", number)
                        for inner in self._INLINE_KEY.findall(chunk):
                            self.lines.setdefault(f"{full}[{index}].{inner}", number)

    def find(self, key: str) -> int | None:
        while key:
            if key in self.lines:
                return self.lines[key]
            parent = re.sub(r"(\.[^.\[]+|\[\d+\])$", "", key)
            if parent == key:
                break
            key = parent
        return None


def _closes(value: str) -> bool:
    depth = 0
    for char in value.split("#", 1)[0]:
        depth += char == "["
        depth -= char == "]"
    return depth <= 0


# ------------------------------------------------------------------------------------------------
# Validation


def _type_name(value: object) -> str:
    if isinstance(value, bool):
        kind = "boolean"
    elif isinstance(value, int):
        kind = "integer"
    elif isinstance(value, float):
        kind = "float"
    elif isinstance(value, str):
        kind = "string"
    elif isinstance(value, dict):
        kind = "table"
    elif isinstance(value, list):
        kind = "array"
    elif isinstance(value, dt.datetime):
        kind = "datetime"
    elif isinstance(value, dt.date):
        kind = "date"
    else:
        kind = "time"
    return t(f"plan.type_name.{kind}")


def _is_number(value: object) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


_MISSING = object()


class _Validator:
    """Walks the raw TOML dict, collects every error, and returns the normalized data."""

    def __init__(self, lines: _KeyLines) -> None:
        self.lines = lines
        self.errors: list[PlanError] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(PlanError(key, message, self.lines.find(key)))

    # -- generic field readers --------------------------------------------------------------

    def table(self, raw: dict, key: str, allowed: Iterable[str]) -> dict:
        allowed = list(allowed)
        for name in raw:
            if name not in allowed:
                hint = difflib.get_close_matches(name, allowed, n=1)
                where = f"{key}.{name}" if key else name
                if hint:
                    self.error(where, t("plan.unknown_key_hint", key=name, hint=hint[0]))
                else:
                    self.error(where, t("plan.unknown_key", key=name))
        return raw

    def sub_table(self, raw: dict, name: str, key: str) -> dict:
        value = raw.get(name, {})
        if not isinstance(value, dict):
            self.error(key, t("plan.type.table", got=_type_name(value)))
            return {}
        return value

    def list_of_tables(self, raw: dict, name: str, key: str) -> list[tuple[str, dict]]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            self.error(key, t("plan.type.list_of_tables", got=_type_name(value)))
            return []
        out = []
        for index, entry in enumerate(value):
            where = f"{key}[{index}]"
            if isinstance(entry, dict):
                out.append((where, entry))
            else:
                self.error(where, t("plan.type.table", got=_type_name(entry)))
        return out

    def text(self, raw: dict, name: str, key: str, *, required: bool = False) -> str | None:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            if required:
                self.error(key, t("plan.required"))
            return None
        if not isinstance(value, str):
            self.error(key, t("plan.type.str", got=_type_name(value)))
            return None
        if not value.strip():
            self.error(key, t("plan.empty_text"))
            return None
        return value.strip()

    def number(
        self,
        raw: dict,
        name: str,
        key: str,
        *,
        default: float | None = None,
        low: float | None = None,
        high: float | None = None,
        positive: bool = False,
    ) -> float | None:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            return default
        if not _is_number(value):
            self.error(key, t("plan.type.number", got=_type_name(value)))
            return default
        number = float(value)
        if number != number or number in (float("inf"), float("-inf")):
            self.error(key, t("plan.type.number", got=value))
            return default
        if positive and number <= 0:
            self.error(key, t("plan.positive", value=value))
            return default
        if (low is not None and number < low) or (high is not None and number > high):
            self.error(key, t("plan.range", value=value, low=_fmt(low), high=_fmt(high)))
            return default
        return number

    def integer(self, raw: dict, name: str, key: str, *, default: int | None) -> int | None:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            return default
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(key, t("plan.type.int", got=_type_name(value)))
            return default
        if value < 0:
            self.error(key, t("plan.nonnegative", value=value))
            return default
        return value

    def boolean(self, raw: dict, name: str, key: str, *, default: bool) -> bool:
        value = raw.get(name, default)
        if not isinstance(value, bool):
            self.error(key, t("plan.type.bool", got=_type_name(value)))
            return default
        return value

    def duration(self, raw: dict, name: str, key: str, *, default: float | None) -> float | None:
        value = raw.get(name, _MISSING)
        if value is _MISSING:
            return default
        seconds = parse_duration(value)
        if seconds is None:
            self.error(key, t("plan.bad_duration", value=value))
            return default
        if seconds <= 0:
            self.error(key, t("plan.nonpositive_duration"))
            return default
        return seconds

    def choice(self, raw: dict, name: str, key: str, choices: tuple[str, ...], default: str) -> str:
        value = raw.get(name, default)
        if value not in choices:
            shown = "、".join(f'"{c}"' for c in choices)
            self.error(key, t("plan.choice", value=value, choices=shown))
            return default
        return value

    def unique(self, entries: list[tuple[str, str | None]], field_name: str) -> None:
        seen: dict[str, str] = {}
        for where, name in entries:
            if name is None:
                continue
            if name in seen:
                message = t("plan.duplicate", name=name, first=seen[name])
                self.error(f"{where}.{field_name}", message)
            else:
                seen[name] = where

    # -- sections ----------------------------------------------------------------------------

    def run(self, raw: dict) -> dict:
        self.table(
            raw,
            "",
            [
                "meeting",
                "timing",
                "leaders",
                "groups",
                "representatives",
                "units",
                "agenda",
                "assessment",
            ],
        )
        data: dict[str, Any] = {}
        data["meeting"] = self.meeting(raw)
        data["timing"] = self.timing(self.sub_table(raw, "timing", "timing"))
        data["leaders"] = self.leaders(raw)
        data["groups"] = self.groups(raw)
        data["representatives"] = self.representatives(raw, data["groups"])
        data["units"] = self.units(raw, set(data["leaders"]))
        data["agenda"] = self.agenda(raw, set(data["leaders"]) | {data["meeting"].get("chair")})
        data["assessment"] = self.assessment(self.sub_table(raw, "assessment", "assessment"))
        return data

    def meeting(self, raw: dict) -> dict:
        if "meeting" not in raw:
            self.error("meeting.title", t("plan.required"))
            self.error("meeting.date", t("plan.required"))
            return {"title": "", "date": "", "start": None, "venue": None, "chair": None}
        meeting = self.table(
            self.sub_table(raw, "meeting", "meeting"),
            "meeting",
            ["title", "date", "start", "venue", "chair"],
        )
        return {
            "title": self.text(meeting, "title", "meeting.title", required=True) or "",
            "date": self.date(meeting),
            "start": self.start(meeting),
            "venue": self.text(meeting, "venue", "meeting.venue"),
            "chair": self.text(meeting, "chair", "meeting.chair"),
        }

    def date(self, meeting: dict) -> str:
        value = meeting.get("date", _MISSING)
        if value is _MISSING:
            self.error("meeting.date", t("plan.required"))
            return ""
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            return value.isoformat()
        try:
            if not isinstance(value, str) or not re.fullmatch(r"\d{4}-\d{2}-\d{2}", value):
                raise ValueError
            return dt.date.fromisoformat(value).isoformat()
        except ValueError:
            self.error("meeting.date", t("plan.bad_date", value=value))
            return ""

    def start(self, meeting: dict) -> str | None:
        value = meeting.get("start", _MISSING)
        if value is _MISSING:
            return None
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", value) if isinstance(value, str) else None
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            self.error("meeting.start", t("plan.bad_time", value=value))
            return None
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def timing(self, raw: dict) -> dict:
        self.table(raw, "timing", DEFAULT_TIMING)
        return {
            name: self.duration(raw, name, f"timing.{name}", default=default)
            for name, default in DEFAULT_TIMING.items()
        }

    def leaders(self, raw: dict) -> list[str]:
        entries = []
        for where, entry in self.list_of_tables(raw, "leaders", "leaders"):
            self.table(entry, where, ["name"])
            entries.append((where, self.text(entry, "name", f"{where}.name", required=True)))
        self.unique(entries, "name")
        return [name for _, name in entries if name]

    def groups(self, raw: dict) -> list[dict]:
        entries = []
        for where, entry in self.list_of_tables(raw, "groups", "groups"):
            self.table(entry, where, ["name", "weight", "issued"])
            entries.append(
                (
                    where,
                    {
                        "name": self.text(entry, "name", f"{where}.name", required=True),
                        "weight": self.number(
                            entry, "weight", f"{where}.weight", default=1.0, positive=True
                        ),
                        "issued": self.integer(entry, "issued", f"{where}.issued", default=None),
                    },
                )
            )
        self.unique([(w, g["name"]) for w, g in entries], "name")
        groups = [g for _, g in entries if g["name"]]
        return groups or [{"name": DEFAULT_GROUP, "weight": 1.0, "issued": None}]

    def representatives(self, raw: dict, groups: list[dict]) -> list[dict]:
        names = {g["name"] for g in groups}
        entries = []
        for where, entry in self.list_of_tables(raw, "representatives", "representatives"):
            self.table(entry, where, ["name", "group"])
            group = self.text(entry, "group", f"{where}.group")
            if group is not None and group not in names:
                self.error(f"{where}.group", t("plan.unknown_group", name=group))
            entries.append(
                (
                    where,
                    {
                        "name": self.text(entry, "name", f"{where}.name", required=True),
                        "group": group,
                    },
                )
            )
        self.unique([(w, r["name"]) for w, r in entries], "name")
        return [r for _, r in entries if r["name"]]

    def units(self, raw: dict, leaders: set[str]) -> list[dict]:
        if "units" not in raw:
            self.error("units", t("plan.no_units"))
            return []
        entries = []
        for where, entry in self.list_of_tables(raw, "units", "units"):
            self.table(
                entry, where, ["name", "reporter", "mode", "commenter", "topic", "report", "daily"]
            )
            commenter = self.text(entry, "commenter", f"{where}.commenter")
            if commenter is not None and commenter not in leaders:
                self.error(f"{where}.commenter", t("plan.unknown_leader", name=commenter))
            name = self.text(entry, "name", f"{where}.name", required=True)
            entries.append(
                (
                    where,
                    {
                        "name": name,
                        "reporter": self.text(entry, "reporter", f"{where}.reporter") or name,
                        "mode": self.choice(
                            entry, "mode", f"{where}.mode", ("onsite", "written"), "onsite"
                        ),
                        "commenter": commenter,
                        "topic": self.text(entry, "topic", f"{where}.topic"),
                        "report": self.duration(entry, "report", f"{where}.report", default=None),
                        "daily": self.number(
                            entry, "daily", f"{where}.daily", low=0, high=100, default=None
                        ),
                    },
                )
            )
        if not entries and not any(k == "units" for k in (e.key for e in self.errors)):
            self.error("units", t("plan.no_units"))
        self.unique([(w, u["name"]) for w, u in entries], "name")
        return [u for _, u in entries if u["name"]]

    def agenda(self, raw: dict, speakers: set[str | None]) -> list[dict]:
        if "agenda" not in raw:
            return [
                {"kind": "reports", "title": None, "speaker": None, "duration": None},
                {"kind": "assessment", "title": None, "speaker": None, "duration": None},
            ]
        entries = []
        seen: dict[str, int] = {}
        for where, entry in self.list_of_tables(raw, "agenda", "agenda"):
            self.table(entry, where, ["kind", "title", "speaker", "duration"])
            kind = self.choice(
                entry,
                "kind",
                f"{where}.kind",
                ("speech", "reports", "assessment", "break"),
                "speech",
            )
            seen[kind] = seen.get(kind, 0) + 1
            if kind in ("reports", "assessment") and seen[kind] == 2:
                self.error(f"{where}.kind", t(f"plan.agenda_{kind}_twice"))
            speaker = self.text(entry, "speaker", f"{where}.speaker")
            if speaker is not None and speaker not in speakers:
                self.error(f"{where}.speaker", t("plan.unknown_speaker", name=speaker))
            title = self.text(entry, "title", f"{where}.title")
            if kind == "speech" and title is None and "title" not in entry:
                self.error(f"{where}.title", t("plan.agenda_title_needed", kind=kind))
            entries.append(
                {
                    "kind": kind,
                    "title": title,
                    "speaker": speaker,
                    "duration": self.duration(entry, "duration", f"{where}.duration", default=None),
                }
            )
        if "reports" not in seen:
            self.error("agenda", t("plan.agenda_no_reports"))
        return entries

    def assessment(self, raw: dict) -> dict:
        self.table(
            raw,
            "assessment",
            ["scale", "items", "trim", "onsite_weight", "levels", "double_entry", "veto"],
        )
        scale = self.scale(raw)
        grades = {g["grade"] for g in scale}
        return {
            "scale": scale,
            "items": self.items(raw),
            "trim": self.integer(raw, "trim", "assessment.trim", default=0),
            "onsite_weight": self.number(
                raw, "onsite_weight", "assessment.onsite_weight", default=1.0, low=0, high=1
            ),
            "levels": self.levels(raw),
            "double_entry": self.boolean(
                raw, "double_entry", "assessment.double_entry", default=False
            ),
            "veto": self.veto(raw, grades),
        }

    def scale(self, raw: dict) -> list[dict]:
        if "scale" not in raw:
            return [dict(g) for g in DEFAULT_SCALE]
        entries = self.list_of_tables(raw, "scale", "assessment.scale")
        if not entries and isinstance(raw["scale"], list):
            self.error("assessment.scale", t("plan.scale_empty"))
        if len(entries) > 9:
            self.error("assessment.scale", t("plan.scale_too_long"))
        scale = []
        previous: float | None = None
        for where, entry in entries:
            self.table(entry, where, ["grade", "points", "counted"])
            counted = self.boolean(entry, "counted", f"{where}.counted", default=True)
            points = self.number(entry, "points", f"{where}.points", low=0, high=100)
            name = self.text(entry, "grade", f"{where}.grade", required=True)
            if counted and points is None and "points" not in entry:
                self.error(f"{where}.points", t("plan.grade_points_missing"))
            if counted and points is not None:
                if previous is not None and points > previous:
                    self.error(
                        f"{where}.points", t("plan.scale_order", name=name, points=_fmt(points))
                    )
                previous = points
            scale.append(
                (where, {"grade": name, "points": points if counted else None, "counted": counted})
            )
        self.unique([(w, g["grade"]) for w, g in scale], "grade")
        if scale and not any(g["counted"] for _, g in scale):
            self.error("assessment.scale", t("plan.scale_none_counted"))
        return [g for _, g in scale if g["grade"]]

    def items(self, raw: dict) -> list[dict]:
        if "items" not in raw:
            return [dict(i) for i in DEFAULT_ITEMS]
        entries = self.list_of_tables(raw, "items", "assessment.items")
        if not entries and isinstance(raw["items"], list):
            self.error("assessment.items", t("plan.items_empty"))
        items = []
        for where, entry in entries:
            self.table(entry, where, ["name", "max", "weight"])
            maximum = entry.get("max")
            if maximum is not None and _is_number(maximum) and maximum <= 0:
                self.error(f"{where}.max", t("plan.max_positive", value=maximum))
                maximum = None
            else:
                maximum = self.number(entry, "max", f"{where}.max")
            items.append(
                (
                    where,
                    {
                        "name": self.text(entry, "name", f"{where}.name", required=True),
                        "max": maximum,
                        "weight": self.number(
                            entry, "weight", f"{where}.weight", default=1.0, positive=True
                        ),
                    },
                )
            )
        self.unique([(w, i["name"]) for w, i in items], "name")
        return [i for _, i in items if i["name"]]

    def levels(self, raw: dict) -> list[dict]:
        if "levels" not in raw:
            return [dict(level) for level in DEFAULT_LEVELS]
        entries = self.list_of_tables(raw, "levels", "assessment.levels")
        if not entries and isinstance(raw["levels"], list):
            self.error("assessment.levels", t("plan.levels_empty"))
        levels = []
        previous: float | None = None
        for where, entry in entries:
            self.table(entry, where, ["level", "min"])
            name = self.text(entry, "level", f"{where}.level", required=True)
            minimum = self.number(entry, "min", f"{where}.min", low=0, high=100)
            if "min" not in entry:
                self.error(f"{where}.min", t("plan.required"))
            if minimum is not None:
                if previous is not None and minimum >= previous:
                    self.error(
                        f"{where}.min", t("plan.levels_order", name=name, value=_fmt(minimum))
                    )
                previous = minimum
            levels.append((where, {"level": name, "min": minimum if minimum is not None else 0.0}))
        self.unique([(w, lv["level"]) for w, lv in levels], "level")
        return [lv for _, lv in levels if lv["level"]]

    def veto(self, raw: dict, grades: set[str]) -> dict | None:
        if "veto" not in raw:
            return None
        veto = self.table(
            self.sub_table(raw, "veto", "assessment.veto"), "assessment.veto", ["grades", "share"]
        )
        names = veto.get("grades", _MISSING)
        result: list[str] = []
        if names is _MISSING:
            self.error("assessment.veto.grades", t("plan.required"))
        elif not isinstance(names, list):
            self.error("assessment.veto.grades", t("plan.type.list", got=_type_name(names)))
        else:
            for index, name in enumerate(names):
                where = f"assessment.veto.grades[{index}]"
                if not isinstance(name, str):
                    self.error(where, t("plan.type.str", got=_type_name(name)))
                elif name not in grades:
                    self.error(where, t("plan.unknown_grade", name=name))
                else:
                    result.append(name)
        if "share" not in veto:
            self.error("assessment.veto.share", t("plan.required"))
        share = self.number(veto, "share", "assessment.veto.share", low=0, high=1, default=1.0)
        return {"grades": result, "share": share}


def _fmt(value: float | None) -> str:
    if value is None:
        return "∞"
    return str(int(value)) if float(value).is_integer() else str(value)


# ------------------------------------------------------------------------------------------------
# Building the frozen plan from normalized data


def build(data: dict[str, Any]) -> Plan:
    a = data["assessment"]
    veto = a.get("veto")
    return Plan(
        meeting=Meeting(**data["meeting"]),
        timing=Timing(**data["timing"]),
        leaders=tuple(data["leaders"]),
        groups=tuple(Group(**g) for g in data["groups"]),
        representatives=tuple(Representative(**r) for r in data["representatives"]),
        units=tuple(Unit(**u) for u in data["units"]),
        agenda=tuple(AgendaEntry(**e) for e in data["agenda"]),
        assessment=Assessment(
            scale=tuple(Grade(**g) for g in a["scale"]),
            items=tuple(FormItem(**i) for i in a["items"]),
            trim=a["trim"],
            onsite_weight=a["onsite_weight"],
            levels=tuple(Level(**lv) for lv in a["levels"]),
            double_entry=a["double_entry"],
            veto=Veto(tuple(veto["grades"]), veto["share"]) if veto else None,
        ),
        data=data,
    )


def diff(old: Any, new: Any, key: str = "") -> list[tuple[str, Any, Any]]:
    """Key paths where two normalized plans differ, with the old and new values."""
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for name in list(old) + [k for k in new if k not in old]:
            sub = f"{key}.{name}" if key else name
            out += diff(old.get(name, _MISSING), new.get(name, _MISSING), sub)
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for index in range(max(len(old), len(new))):
            out += diff(
                old[index] if index < len(old) else _MISSING,
                new[index] if index < len(new) else _MISSING,
                f"{key}[{index}]",
            )
        return out
    if old == new:
        return []
    return [(key, None if old is _MISSING else old, None if new is _MISSING else new)]
