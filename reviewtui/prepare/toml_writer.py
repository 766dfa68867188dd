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
from reviewtui.plan.language import EN_SCALE, is_english

_SCALE = (("好", 100), ("较好", 80), ("一般", 60), ("差", 40))
MINS = (90, 80, 60, 0)  # the levels' lowest scores, best first
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
    english = is_english(dict(data))  # an English meeting's grades are English (issue 26, 7)
    scale: list[dict[str, Any]] = [{"grade": g, "points": p} for g, p in _SCALE]
    scale = EN_SCALE if english else scale
    lines.append("scale = [")
    lines += [f"  {{ grade = {value(g['grade'])}, points = {int(g['points'])} }}," for g in scale]
    lines.append("]")
    lines += _comment("book.toml_items")
    items = assessment.get("items") or (
        [{"name": "Overall"}] if english else [{"name": "总体评价"}]
    )
    lines.append("items = [")
    lines += [f"  {value(item)}," for item in items]
    lines.append("]")
    lines += [*_comment("book.toml_trim"), "trim = 0"]
    lines += [*_comment("book.toml_onsite"), "onsite_weight = 1.0"]
    lines += [*_comment("book.toml_levels"), "levels = ["]
    names = [g["grade"] for g in scale]
    lines += [f"  {{ level = {value(n)}, min = {m} }}," for n, m in zip(names, MINS, strict=True)]
    lines.append("]")
    lines += [*_comment("book.toml_double"), "double_entry = false", ""]
    return "\n".join(lines)
