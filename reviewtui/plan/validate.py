"""Validation: the raw TOML dict -> normalized plan data, collecting every error on the way.

Each scalar is read by its declaration in `fields`; what a declaration cannot say (references
between sections, order of grades and levels, unique names) is checked here. Text is cleaned
before anything else sees it: a control character is refused with its key and line; white
space is folded and invisible characters dropped. Names are compared by `name_key` (NFKC, white
space, invisible characters): two names that look the same are the same name, and a reference
(`commenter`, `group`, `speaker`, a veto grade) is stored as the spelling of what it names.
"""

from __future__ import annotations

import datetime as dt
import difflib
import math
import re
import unicodedata
from typing import Any

from reviewtui.clock import parse_duration
from reviewtui.i18n import t
from reviewtui.plan import fields as F
from reviewtui.plan.errors import PlanError
from reviewtui.plan.toml_lines import KeyLines
from reviewtui.textsafe import clean, name_key, shown

_MISSING = object()
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")
_HUGE = 10**15  # integers beyond this are no count, weight or duration of a meeting


def show(value: object) -> str:
    """A value as an error message quotes it: visible, and short."""
    text = (
        _fmt(value)
        if isinstance(value, int | float) and not isinstance(value, bool)
        else str(value)
    )
    text = shown(text)
    return text if len(text) <= 40 else text[:37] + "…"


def _fmt(value: float | None) -> str:
    if value is None:
        return "∞"
    if isinstance(value, int):
        return str(value) if abs(value) < 10**40 else f"{value:.3e}"
    return str(int(value)) if value.is_integer() and abs(value) < 1e16 else str(value)


def type_name(value: object) -> str:
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


class Validator:
    """Walks the raw TOML dict, collects every error, and returns the normalized data."""

    def __init__(self, lines: KeyLines) -> None:
        self.lines = lines
        self.errors: list[PlanError] = []

    def error(self, key: str, message: str) -> None:
        self.errors.append(PlanError(key, message, self.lines.find(key)))

    # -- structure -----------------------------------------------------------------------

    def table(self, raw: dict, key: str, allowed: list[str]) -> dict:
        for name in raw:
            if name in allowed:
                continue
            hint = difflib.get_close_matches(name, allowed, n=1)
            where = f"{key}.{shown(name)}" if key else shown(name)
            if hint:
                self.error(where, t("plan.unknown_key_hint", key=show(name), hint=hint[0]))
            else:
                self.error(where, t("plan.unknown_key", key=show(name)))
        return raw

    def sub_table(self, raw: dict, name: str, key: str) -> dict:
        value = raw.get(name, {})
        if not isinstance(value, dict):
            self.error(key, t("plan.type.table", got=type_name(value)))
            return {}
        return value

    def list_of_tables(self, raw: dict, name: str, key: str) -> list[tuple[str, dict]]:
        value = raw.get(name, [])
        if not isinstance(value, list):
            self.error(key, t("plan.type.list_of_tables", got=type_name(value)))
            return []
        if len(value) > F.MAX_ENTRIES:
            self.error(key, t("plan.too_many", count=len(value), limit=F.MAX_ENTRIES))
            return []
        out = []
        for index, entry in enumerate(value):
            where = f"{key}[{index}]"
            if isinstance(entry, dict):
                out.append((where, entry))
            else:
                self.error(where, t("plan.type.table", got=type_name(entry)))
        return out

    def read(self, raw: dict, key: str, table: F.Table) -> dict[str, Any]:
        """Every scalar field of `table` from `raw`, as declared (defaults for what is absent)."""
        self.table(raw, key, table.names())
        return {
            f.name: self.field(raw, f"{key}.{f.name}" if key else f.name, f)
            for f in table.fields
            if isinstance(f, F.Field)
        }

    # -- one field, by its declaration ------------------------------------------------------

    def field(self, raw: dict, key: str, f: F.Field) -> Any:
        value = raw.get(f.name, _MISSING)
        if value is _MISSING:
            if f.required:
                self.error(key, t("plan.required"))
            return f.default
        result = getattr(self, f"_{f.kind}")(value, key, f)
        return f.default if result is _MISSING else result

    def _text(self, value: object, key: str, f: F.Field) -> Any:
        if not isinstance(value, str):
            self.error(key, t("plan.type.str", got=type_name(value)))
            return _MISSING
        found = _CONTROL.search(value)
        if found:
            self.error(key, t("plan.control_char", code=f"U+{ord(found.group()):04X}"))
            return _MISSING
        text = unicodedata.normalize("NFC", " ".join(clean(value).split()))
        if not text:
            self.error(key, t("plan.empty_text"))
            return None if f.kind == "name" or not f.required else _MISSING
        if len(text) > f.max_len:
            self.error(key, t("plan.too_long", count=len(text), limit=f.max_len))
            return _MISSING
        return text

    _name = _text

    def _number(self, value: object, key: str, f: F.Field) -> Any:
        if not _is_number(value):
            self.error(key, t("plan.type.number", got=type_name(value)))
            return _MISSING
        assert isinstance(value, int | float)
        number = float(value) if not isinstance(value, int) or abs(value) < _HUGE else math.inf
        if math.isnan(number) or (math.isinf(number) and isinstance(value, float)):
            self.error(key, t("plan.not_finite", value=show(value)))
            return _MISSING
        if f.name == "max" and number <= 0:
            self.error(key, t("plan.max_positive", value=show(value)))
            return _MISSING
        low, high = f.low, f.high
        if f.positive and low is not None and number <= low:
            if high is None:
                self.error(key, t("plan.positive", value=show(value)))
            else:
                self.error(
                    key, t("plan.range_open", value=show(value), low=_fmt(low), high=_fmt(high))
                )
            return _MISSING
        if (low is not None and number < low) or (high is not None and number > high):
            if f.positive:
                message = t("plan.range_open", value=show(value), low=_fmt(low), high=_fmt(high))
            else:
                message = t("plan.range", value=show(value), low=_fmt(low), high=_fmt(high))
            self.error(key, message)
            return _MISSING
        return number

    def _integer(self, value: object, key: str, f: F.Field) -> Any:
        if not isinstance(value, int) or isinstance(value, bool):
            self.error(key, t("plan.type.int", got=type_name(value)))
            return _MISSING
        if value < 0:
            self.error(key, t("plan.nonnegative", value=show(value)))
            return _MISSING
        if f.high is not None and value > f.high:
            self.error(key, t("plan.range", value=show(value), low=_fmt(f.low), high=_fmt(f.high)))
            return _MISSING
        return value

    def _boolean(self, value: object, key: str, f: F.Field) -> Any:
        if not isinstance(value, bool):
            self.error(key, t("plan.type.bool", got=type_name(value)))
            return _MISSING
        return value

    def _duration(self, value: object, key: str, f: F.Field) -> Any:
        if isinstance(value, str):
            value = unicodedata.normalize("NFKC", value).strip()  # "５:００" as typed in Chinese
        seconds = None
        if isinstance(value, int) and not isinstance(value, bool):
            seconds = float(min(value, _HUGE)) if value > -_HUGE else -1.0
        elif isinstance(value, str) and len(value) <= 12:
            seconds = parse_duration(value)
        if seconds is None:
            self.error(key, t("plan.bad_duration", value=show(value)))
            return _MISSING
        if seconds <= 0:
            self.error(key, t("plan.nonpositive_duration"))
            return _MISSING
        if seconds > F.DAY:
            self.error(key, t("plan.duration_too_long", value=show(value)))
            return _MISSING
        return seconds

    def _date(self, value: object, key: str, f: F.Field) -> Any:
        if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
            text = value.isoformat()
        elif isinstance(value, str):
            text = unicodedata.normalize("NFKC", value).strip()
            try:
                if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text, re.ASCII):
                    raise ValueError
                text = dt.date.fromisoformat(text).isoformat()
            except ValueError:
                self.error(key, t("plan.bad_date", value=show(value)))
                return _MISSING
        else:
            self.error(key, t("plan.bad_date", value=show(value)))
            return _MISSING
        if not F.FIRST_DATE <= text <= F.LAST_DATE:
            self.error(key, t("plan.date_range", value=text, low=F.FIRST_DATE, high=F.LAST_DATE))
            return _MISSING
        return text

    def _time(self, value: object, key: str, f: F.Field) -> Any:
        if isinstance(value, dt.time):
            return value.strftime("%H:%M")
        text = unicodedata.normalize("NFKC", value).strip() if isinstance(value, str) else ""
        match = re.fullmatch(r"(\d{1,2}):(\d{2})", text, re.ASCII)
        if not match or int(match.group(1)) > 23 or int(match.group(2)) > 59:
            self.error(key, t("plan.bad_time", value=show(value)))
            return _MISSING
        return f"{int(match.group(1)):02d}:{match.group(2)}"

    def _choice(self, value: object, key: str, f: F.Field) -> Any:
        chosen = name_key(value) if isinstance(value, str) else value
        if chosen not in f.choices:
            choices = "、".join(f'"{c}"' for c in f.choices)
            self.error(key, t("plan.choice", value=show(value), choices=choices))
            return _MISSING
        return chosen

    def _names(self, value: object, key: str, f: F.Field) -> Any:
        if not isinstance(value, list):
            self.error(key, t("plan.type.list", got=type_name(value)))
            return _MISSING
        if len(value) > F.MAX_ENTRIES:
            self.error(key, t("plan.too_many", count=len(value), limit=F.MAX_ENTRIES))
            return _MISSING
        names = [self._text(name, f"{key}[{index}]", f) for index, name in enumerate(value)]
        return [
            (f"{key}[{index}]", name) for index, name in enumerate(names) if isinstance(name, str)
        ]

    # -- names ---------------------------------------------------------------------------

    def unique(self, entries: list[tuple[str, str | None]], field_name: str) -> None:
        seen: dict[str, str] = {}
        for where, name in entries:
            if name is None:
                continue
            identity = name_key(name)
            if identity in seen:
                message = t("plan.duplicate", name=show(name), first=seen[identity])
                self.error(f"{where}.{field_name}", message)
            else:
                seen[identity] = where

    def resolve(
        self, name: str | None, known: dict[str, str], key: str, message: str
    ) -> str | None:
        """The spelling of the known name that `name` names, or an error (and None)."""
        if name is None:
            return None
        found = known.get(name_key(name))
        if found is None:
            self.error(key, t(message, name=show(name)))
        return found


def spellings(names: list[str]) -> dict[str, str]:
    """name_key -> the first spelling of it."""
    out: dict[str, str] = {}
    for name in names:
        out.setdefault(name_key(name), name)
    return out
