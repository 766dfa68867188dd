"""The language a meeting is held in, known from its session file, and its default scale.

A meeting whose title has no Chinese character is an English one: its default scale, form
item and levels are English (Good / Fairly good / Fair / Poor), on the form, in the minutes, the
notice and the workbook; a Chinese meeting keeps 好 / 较好 / 一般 / 差. It is the file's own text
that decides, not the language of whoever runs a command, so loading the same file always gives
the same plan (the database stores the scale written out: a meeting's grades never change).
"""

from __future__ import annotations

import copy
import re
from typing import Any

_CJK = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")

EN_SCALE: list[dict[str, Any]] = [
    {"grade": "Good", "points": 100.0, "counted": True},
    {"grade": "Fairly good", "points": 80.0, "counted": True},
    {"grade": "Fair", "points": 60.0, "counted": True},
    {"grade": "Poor", "points": 40.0, "counted": True},
]
EN_ITEMS: list[dict[str, Any]] = [{"name": "Overall"}]
EN_LEVELS: list[dict[str, Any]] = [
    {"level": "Good", "min": 90.0},
    {"level": "Fairly good", "min": 80.0},
    {"level": "Fair", "min": 60.0},
    {"level": "Poor", "min": 0.0},
]


def is_english(raw: dict[str, Any]) -> bool:
    """A session file (raw TOML data) whose meeting title is written without Chinese."""
    meeting = raw.get("meeting")
    title = meeting.get("title") if isinstance(meeting, dict) else None
    return isinstance(title, str) and bool(title.strip()) and not _CJK.search(title)


def with_defaults(raw: dict[str, Any]) -> dict[str, Any]:
    """Raw session data with an English meeting's scale, items and levels where it sets none."""
    if not is_english(raw):
        return raw
    assessment = raw.get("assessment", {})
    if not isinstance(assessment, dict):
        return raw  # the validator says what is wrong with it
    filled = dict(assessment)
    for key, default in (("scale", EN_SCALE), ("items", EN_ITEMS), ("levels", EN_LEVELS)):
        filled.setdefault(key, copy.deepcopy(default))
    return {**raw, "assessment": filled}
