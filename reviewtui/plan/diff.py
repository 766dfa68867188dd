"""Has the session file changed since its database was made? Normalized plans, compared.

Both sides are normalized first (an older stored format upgraded, every default filled, every
name reduced to its identity), so a release that learns a new optional key, or a session file
that only restates a default or re-spaces a name, reports no change.
"""

from __future__ import annotations

import re
from typing import Any

from reviewtui.plan.fields import comparable, normalize

_MISSING = object()
_STEP = re.compile(r"([^.\[\]]+)|\[(\d+)\]")


def diff(old: dict[str, Any], new: dict[str, Any]) -> list[tuple[str, Any, Any]]:
    """Key paths where two plans (plain data, any format) differ, with the old and new values.

    Compared by identity (`comparable`), shown as written (the normalized values).
    """
    old, new = normalize(old), normalize(new)
    return [
        (key, _at(old, key), _at(new, key))
        for key, _, _ in _diff(comparable(old), comparable(new), "")
    ]


def _at(data: Any, key: str) -> Any:
    for name, index in _STEP.findall(key):
        if name and isinstance(data, dict):
            data = data.get(name)
        elif index and isinstance(data, list) and int(index) < len(data):
            data = data[int(index)]
        else:
            return None
    return data


def _diff(old: Any, new: Any, key: str) -> list[tuple[str, Any, Any]]:
    if isinstance(old, dict) and isinstance(new, dict):
        out = []
        for name in list(old) + [k for k in new if k not in old]:
            sub = f"{key}.{name}" if key else name
            out += _diff(old.get(name, _MISSING), new.get(name, _MISSING), sub)
        return out
    if isinstance(old, list) and isinstance(new, list):
        out = []
        for index in range(max(len(old), len(new))):
            out += _diff(
                old[index] if index < len(old) else _MISSING,
                new[index] if index < len(new) else _MISSING,
                f"{key}[{index}]",
            )
        return out
    if old == new:
        return []
    return [(key, None if old is _MISSING else old, None if new is _MISSING else new)]
