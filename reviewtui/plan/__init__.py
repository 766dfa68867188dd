"""The session file: read, validate, and freeze into a `Plan`.

Validation reports every error at once, each with the file, the line where it can be found, the
key path (`units[3].commenter`) and what is wrong, in the user's language.

- `model`: the frozen, versioned `Plan` and its parts; `build` / `from_json` from stored data
- `fields`: one declaration per session-file key (kind, default, bounds); `normalize`
- `validate`, `sections`: the raw TOML dict -> plan data, every error collected
- `toml_lines`: reading the file safely, TOML syntax errors, key path -> line number
- `hints`: the warnings `check` prints; `diff`: has the session file changed?
"""

from __future__ import annotations

from pathlib import Path

from reviewtui.plan.diff import diff
from reviewtui.plan.errors import PlanError, PlanInvalid
from reviewtui.plan.fields import (
    DEFAULT_GROUP,
    DEFAULT_ITEMS,
    DEFAULT_LEVELS,
    DEFAULT_SCALE,
    DEFAULT_TIMING,
    NewerFormat,
    normalize,
)
from reviewtui.plan.model import (
    FORMAT,
    AgendaEntry,
    AgendaItem,
    Assessment,
    FormItem,
    Grade,
    Group,
    Level,
    Meeting,
    Plan,
    Representative,
    Timing,
    Unit,
    Veto,
    build,
    from_json,
)
from reviewtui.plan.toml_lines import read_source

__all__ = [
    "DEFAULT_GROUP", "DEFAULT_ITEMS", "DEFAULT_LEVELS", "DEFAULT_SCALE", "DEFAULT_TIMING",
    "FORMAT", "AgendaEntry", "AgendaItem", "Assessment", "FormItem", "Grade", "Group", "Level",
    "Meeting", "NewerFormat", "Plan", "PlanError", "PlanInvalid", "Representative", "Timing",
    "Unit", "Veto", "build", "diff", "from_json", "load", "loads", "normalize", "read_source",
]  # fmt: skip


def load(path: str | Path, *, localize: bool = True) -> Plan:
    """Read and validate a session file; raise `PlanInvalid` with every error. `localize`: an
    English meeting's omitted grades are English (plan/language.py)."""
    path = Path(path)
    text, errors = read_source(path)
    if text is None:
        raise PlanInvalid(str(path), errors)
    return loads(text, str(path), localize=localize)


def loads(text: str, path: str = "<session>", *, localize: bool = True) -> Plan:
    from reviewtui.plan.hints import hints
    from reviewtui.plan.language import with_defaults
    from reviewtui.plan.sections import Sections
    from reviewtui.plan.toml_lines import KeyLines, parse_toml

    raw = parse_toml(text, path)
    if localize:
        raw = with_defaults(raw)  # an English meeting's scale is English
    lines = KeyLines(text)
    validator = Sections(lines)
    data = validator.run(raw)
    if validator.errors:
        raise PlanInvalid(path, validator.errors)
    plan = build(data)
    return build(data, hints(plan, lines))
