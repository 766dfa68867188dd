"""A session file's data written as a commented TOML session file, like the bundled sample.

The comments explain every section in the user's language, so the secretary who made the meeting
in a workbook can still read and adjust the file (timing, grades, levels) that the workbook does
not hold; those sections are written with their defaults.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from reviewtui.i18n import t

_SCALE = (("好", 100), ("较好", 80), ("一般", 60), ("差", 40))
_TABLES = ("leaders", "groups", "representatives", "units", "agenda")


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
    lines += [
        "[timing]",
        'report = "5:00"',
        'question = "1:00"',
        'answer = "2:00"',
        'comment = "3:00"',
        'warn = "1:00"',
    ]
    for table in _TABLES:
        rows = data.get(table, [])
        lines += _rule(f"book.toml_{table}")
        for row in rows:
            lines += ["", f"[[{table}]]"]
            lines += [f"{key} = {value(v)}" for key, v in row.items()]
    assessment = data.get("assessment", {})
    lines += _rule("book.toml_assessment")
    lines += ["[assessment]", *_comment("book.toml_scale")]
    lines += [
        "scale = [",
        '  { grade = "好", points = 100 },',
        '  { grade = "较好", points = 80 },',
        '  { grade = "一般", points = 60 },',
        '  { grade = "差", points = 40 },',
        "]",
    ]
    lines += _comment("book.toml_items")
    items = assessment.get("items") or [{"name": "总体评价"}]
    lines.append("items = [")
    lines += [f"  {value(item)}," for item in items]
    lines.append("]")
    lines += [*_comment("book.toml_trim"), "trim = 0"]
    onsite = assessment.get("onsite_weight", 1.0)  # the workbook's 现场测评占比
    lines += [*_comment("book.toml_onsite"), f"onsite_weight = {float(onsite)!r}"]
    lines += [*_comment("book.toml_levels"), "levels = ["]
    lines += [
        '  { level = "好", min = 90 },',
        '  { level = "较好", min = 80 },',
        '  { level = "一般", min = 60 },',
        '  { level = "差", min = 0 },',
        "]",
    ]
    lines += [*_comment("book.toml_double"), "double_entry = false", ""]
    return "\n".join(lines)
