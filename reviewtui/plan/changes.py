"""What an amendment changed, as a person says it: lists diffed by name, changes in words.

`diff` (the plan's own comparison) walks lists by position, which is right for "has the file
changed?" but wrong for telling what changed: one representative inserted in the middle of the
list reads as every later one renamed into the next. Here a list of named entries (units,
representatives, leaders, groups, agenda items, the scale, items, levels) is aligned by name
first: a name in both lists is the same entry (its fields compared), a name only in the new list
is an insertion, only in the old one a removal, and a removal and an insertion at the same place
of the alignment, one for one, are a rename (a misspelt name corrected: what `amend` applies to
the records).

`describe` says one change in the user's language: "区农委述职限时由 5 分钟 改为 6 分钟",
"增加提问代表：党代表 孙立军".
"""

from __future__ import annotations

import re
from difflib import SequenceMatcher
from typing import Any, NamedTuple

from reviewtui.i18n import CATALOG, get_lang, t
from reviewtui.plan.fields import normalize
from reviewtui.textsafe import name_key

_MISSING = object()
# list key -> the key naming its entries (None: a list of names)
NAMED_LISTS: dict[str, str | None] = {
    "units": "name",
    "representatives": "name",
    "leaders": None,
    "groups": "name",
    "agenda": "title",
    "assessment.scale": "grade",
    "assessment.items": "name",
    "assessment.levels": "level",
}
_DURATIONS = {"report", "question", "answer", "comment", "warn", "duration"}
_ENTRY = re.compile(r"^([\w.]+)\[(\d+)\]$")
_FIELD = re.compile(r"^([\w.]+)\[(\d+)\]\.(\w+)$")


class PlanChange(NamedTuple):
    what: str  # key path in the new plan ("units[4].report"), or the old one for a removal
    old: Any
    new: Any
    subject: str = ""  # the entry's name before the change, or ""


def changes(old: dict[str, Any], new: dict[str, Any]) -> list[PlanChange]:
    """Every change from one plan (plain data) to another, named lists aligned by name.

    A unit's limit left unset is the meeting's (`timing.report`): said as that many minutes.
    (A file writing out the limit a unit had is still a change, as `diff` says.)"""
    before, after = normalize(old), normalize(new)
    out = []
    for c in _walk(before, after, ""):
        if re.fullmatch(r"units\[\d+\]\.report", c.what):
            c = c._replace(
                old=before["timing"]["report"] if c.old is None else c.old,
                new=after["timing"]["report"] if c.new is None else c.new,
            )
        out.append(c)
    return out


def renames(old: dict[str, Any], new: dict[str, Any], key: str) -> dict[str, str]:
    """Old name -> new name of the entries of one named list that were renamed."""
    field = NAMED_LISTS[key]
    path = re.compile(rf"{re.escape(key)}\[\d+\]" + (rf"\.{field}" if field else ""))
    return {
        c.old: c.new
        for c in changes(old, new)
        if path.fullmatch(c.what) and isinstance(c.old, str) and isinstance(c.new, str)
    }


def _walk(old: Any, new: Any, key: str) -> list[PlanChange]:
    if isinstance(old, dict) and isinstance(new, dict):
        out: list[PlanChange] = []
        for name in list(old) + [k for k in new if k not in old]:
            sub = f"{key}.{name}" if key else name
            out += _walk(old.get(name, _MISSING), new.get(name, _MISSING), sub)
        return out
    if isinstance(old, list) and isinstance(new, list) and key in NAMED_LISTS:
        return _named(old, new, key, NAMED_LISTS[key])
    if _same(old, new):
        return []
    return [PlanChange(key, _value(old), _value(new))]


def _same(old: Any, new: Any) -> bool:
    if isinstance(old, str) and isinstance(new, str):
        return name_key(old) == name_key(new)
    return bool(old == new)


def _value(value: Any) -> Any:
    return None if value is _MISSING else value


def _name(entry: Any, field: str | None) -> str:
    value = entry if field is None else entry.get(field) if isinstance(entry, dict) else None
    return value if isinstance(value, str) else ""


def _named(old: list[Any], new: list[Any], key: str, field: str | None) -> list[PlanChange]:
    a = [name_key(_name(e, field)) for e in old]
    b = [name_key(_name(e, field)) for e in new]
    out: list[PlanChange] = []
    matcher = SequenceMatcher(None, a, b, autojunk=False)
    for op, i1, i2, j1, j2 in matcher.get_opcodes():
        # a removal beside as many insertions is a rename, one for one
        if op == "equal" or (op == "replace" and i2 - i1 == j2 - j1):
            pairs = list(zip(range(i1, i2), range(j1, j2), strict=True))
        else:
            out += [PlanChange(f"{key}[{i}]", old[i], None, _name(old[i], field))
                    for i in range(i1, i2)]  # fmt: skip
            out += [PlanChange(f"{key}[{j}]", None, new[j], _name(new[j], field))
                    for j in range(j1, j2)]  # fmt: skip
            continue
        for i, j in pairs:
            subject = _name(old[i], field)
            if field is None:
                if not _same(old[i], new[j]):
                    out.append(PlanChange(f"{key}[{j}]", old[i], new[j], subject))
                continue
            out += [c._replace(subject=subject) for c in _walk(old[i], new[j], f"{key}[{j}]")]
    return out


# ------------------------------------------------------------------------------------------------
# In words


def describe(change: PlanChange) -> str:
    """One change as a sentence (without the time)."""
    what, old, new, subject = change
    entry = _ENTRY.match(what)
    if entry and (old is None) != (new is None) and f"amend.list.{entry.group(1)}" in CATALOG:
        listed = t(f"amend.list.{entry.group(1)}")
        name = subject or _shown(old if new is None else new)
        return t("amend.said.added" if old is None else "amend.said.removed", list=listed,
                 name=name)  # fmt: skip
    if entry and NAMED_LISTS.get(entry.group(1), "") is None:
        return t("amend.said.renamed", old=_shown(old), new=_shown(new))
    field = _FIELD.match(what)
    if field and field.group(3) == NAMED_LISTS.get(field.group(1)):
        return t("amend.said.renamed", old=_shown(old), new=_shown(new))
    name = field.group(3) if field else what.rsplit(".", 1)[-1]
    label = f"minutes.field.{name}" if field else f"amend.field.{what}"
    if label not in CATALOG:
        return t("amend.said.path", what=what, old=_shown(old, name), new=_shown(new, name))
    key = "amend.said.field" if field and subject else "amend.said.setting"
    return t(key, subject=subject, field=t(label), old=_shown(old, name), new=_shown(new, name))


def _shown(value: Any, field: str = "") -> str:
    if value is None:
        return t("amend.said.unset")
    if field in _DURATIONS and isinstance(value, int | float) and not isinstance(value, bool):
        return _minutes(float(value))
    if field == "mode" and f"amend.mode.{value}" in CATALOG:
        return t(f"amend.mode.{value}")
    if isinstance(value, bool):
        return t("amend.said.yes" if value else "amend.said.no")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dict):
        named = next((v for k, v in value.items() if k in ("name", "title", "grade", "level")), "")
        return str(named) if named else str(value)
    if isinstance(value, list):
        sep = "、" if get_lang() == "zh" else ", "
        return sep.join(_shown(v) for v in value)
    return str(value)


def _minutes(seconds: float) -> str:
    whole, rest = divmod(round(seconds), 60)
    if rest == 0:
        return t("amend.said.minutes", n=whole)
    if whole == 0:
        return t("amend.said.seconds", s=rest)
    return t("amend.said.minutes_seconds", n=whole, s=rest)
