"""A session file's data written as a commented TOML session file, like the bundled sample.

The comments explain every section in the user's language, so the secretary who made the meeting
in a workbook can still read and adjust the file (timing, grades, levels) that the workbook does
not hold; those sections are written with their defaults, from the plan's field table
(`plan.fields`): a key declared there is written here without a line of its own.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from reviewtui.clock import format_duration
from reviewtui.i18n import t
from reviewtui.plan import fields as F
from reviewtui.plan.language import EN_ITEMS, EN_LEVELS, EN_SCALE, is_english

_TABLES = ("leaders", "groups", "representatives", "units", "agenda")
# The comment above a key of [assessment] (a key without one is written bare).
_ASSESSMENT_COMMENTS = {
    "scale": "book.toml_scale",
    "items": "book.toml_items",
    "trim": "book.toml_trim",
    "onsite_weight": "book.toml_onsite",
    "levels": "book.toml_levels",
    "double_entry": "book.toml_double",
    "warnings": "book.toml_warnings",
}


def value(v: Any) -> str:
    """A TOML value. JSON's strings are valid TOML basic strings (escapes included)."""
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, float)):
        return repr(v)
    if isinstance(v, str):
        return json.dumps(v, ensure_ascii=False)
    if isinstance(v, list):
        return "[" + ", ".join(value(x) for x in v) + "]"
    if isinstance(v, Mapping):
        return "{ " + ", ".join(f"{k} = {value(x)}" for k, x in v.items()) + " }"
    raise TypeError(type(v))


def _default(f: F.Field) -> str:
    """A key's default as the secretary would write it (a duration as "5:00")."""
    if f.kind == "duration" and isinstance(f.default, (int, float)):
        return value(format_duration(f.default))
    return value(f.default)


def _entry(row: Mapping[str, Any], table: F.Table) -> dict[str, Any]:
    """An array entry without what it would default to; whole numbers without ".0"."""
    out: dict[str, Any] = {}
    for key, v in row.items():
        declared = next((f for f in table.fields if f.name == key), None)
        if v is None or (
            isinstance(declared, F.Field) and not declared.required and v == declared.default
        ):
            continue
        out[key] = int(v) if isinstance(v, float) and v.is_integer() else v
    return out


def _comment(key: str) -> list[str]:
    return [f"# {line}".rstrip() for line in t(key).split("\n")]


def _rule(key: str) -> list[str]:
    bar = "# " + "-" * 75
    return ["", bar, *_comment(key), bar]


def render(data: Mapping[str, Any], source: str) -> str:
    lines = [
        "# " + "=" * 76,
        *_comment("book.toml_head"),
        f"# {t('book.toml_source', source=source)}",
        "# " + "=" * 76,
    ]
    lines += _rule("book.toml_meeting")
    lines.append("[meeting]")
    for key, v in data.get("meeting", {}).items():
        lines.append(f"{key} = {value(v)}")
    lines += _rule("book.toml_timing")
    lines.append("[timing]")
    lines += [f"{f.name} = {_default(f)}" for f in F.TIMING.fields if isinstance(f, F.Field)]
    for table in _TABLES:
        rows = data.get(table, [])
        lines += _rule(f"book.toml_{table}")
        for row in rows:
            lines += ["", f"[[{table}]]"]
            lines += [f"{key} = {value(v)}" for key, v in row.items()]
    assessment = data.get("assessment", {})
    lines += _rule("book.toml_assessment")
    lines.append("[assessment]")
    # An English meeting's grades, item and levels are English (plan/language.py).
    english = {"scale": EN_SCALE, "items": EN_ITEMS, "levels": EN_LEVELS}
    localized = english if is_english(dict(data)) else {}
    for f in F.ASSESSMENT.fields:
        if f.default is None or (isinstance(f, F.Nested) and not f.many):
            continue  # a sub-table ([assessment.rules]) absent is its keys' defaults
        if isinstance(f, F.Nested) and f.default == [] and not assessment.get(f.name):
            continue  # an optional list ([[assessment.warnings]]) the workbook left empty
        comment = _ASSESSMENT_COMMENTS.get(f.name)
        lines += _comment(comment) if comment else []
        if isinstance(f, F.Field):  # the workbook's own (现场测评占比), else the default
            given_value = assessment.get(f.name)
            shown = value(given_value) if given_value is not None else _default(f)
            lines.append(f"{f.name} = {shown}")
            continue
        given = assessment.get(f.name) if f.name in ("items", "warnings") else None
        rows = given or localized.get(f.name) or f.default
        lines.append(f"{f.name} = [")
        lines += [f"  {value(_entry(row, f.table))}," for row in rows]
        lines.append("]")
    lines.append("")
    return "\n".join(lines)
