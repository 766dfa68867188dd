"""From a command-line SESSION argument to an open store, and what to say when the session
file no longer matches its database."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any, NamedTuple

from reviewtui.errors import UserError
from reviewtui.i18n import Said, t
from reviewtui.plan import Plan, PlanInvalid, diff, from_json
from reviewtui.plan import load as load_plan
from reviewtui.store.database import DatabaseExists, Store


class Target(NamedTuple):
    """What a SESSION argument names: the database, and the session file if one was given."""

    db: Path
    toml: Path | None


def resolve(session: str | Path, db: str | Path | None = None) -> Target:
    """The one rule of what a SESSION argument is, for every command: `.toml` is a session file
    (its database beside it, or `db`); `.db`, `.sqlite`, `.sqlite3` a meeting database."""
    path = Path(session)
    if path.suffix.lower() == ".toml":
        return Target(Path(db) if db else path.with_suffix(".db"), path)
    if path.suffix.lower() in (".db", ".sqlite", ".sqlite3"):
        return Target(path, None)
    raise UserError(t("file.bad_suffix", path=path))


def open_session(
    session: str | Path, db: str | Path | None = None, *, write: bool, create: bool = True
) -> Store:
    """Open the meeting named by SESSION, creating its database from the session file if needed.

    A session file that changed since its database was made is refused, with the differences
    and what to do (nothing recorded is ever touched).
    """
    store, target, _, differences = open_and_compare(session, db, write=write, create=create)
    if differences:
        store.close()
        raise UserError(*plan_changed_message(target, differences))
    return store


def open_and_compare(
    session: str | Path, db: str | Path | None, *, write: bool, create: bool
) -> tuple[Store, Target, Plan | None, list[tuple[str, Any, Any]]]:
    """The store, and how the session file (if one was named) differs from its plan."""
    target = resolve(session, db)
    if target.toml is None:
        store = Store.open_writer(target.db) if write else Store.open_reader(target.db)
        return store, target, None, []
    try:
        plan = load_plan(target.toml)
    except PlanInvalid as exc:
        raise UserError(
            *exc.render(), t("plan.errors_found", path=exc.path, count=len(exc.errors))
        ) from None
    if not os.path.lexists(target.db):
        if not create:
            raise UserError(t("db.missing", db=target.db))
        made: Store | None
        try:
            made = Store.create(target.db, plan, target.toml)
        except DatabaseExists:
            made = None  # another process made it meanwhile: open theirs, as below
        if made is not None:
            if not write:
                made.close()
                return Store.open_reader(target.db), target, plan, []
            return made, target, plan, []
    store = Store.open_writer(target.db) if write else Store.open_reader(target.db)
    plan = as_made(store, target.toml, plan)
    differences = diff(store.plan.data, plan.data)
    if differences and _is_earlier(store, plan):
        # Amended in the meeting itself (settings, or `amend` undone since): the database is
        # newer than the session file, not in conflict with it. Its plan is the meeting's.
        store.notices.append(Said("db.file_older", toml=target.toml, count=len(differences)))
        return store, target, None, []
    return store, target, plan, differences


def as_made(store: Store, toml: Path, plan: Plan) -> Plan:
    """The session file as its meeting reads it. A database made before an English meeting's
    omitted grades became English (0.3) was made with the Chinese ones: for it the file still
    means those, so an unchanged file is never reported as changed (SPEC 3)."""
    grades = ("assessment.scale", "assessment.items", "assessment.levels")
    if not any(k.startswith(grades) for k, _, _ in diff(store.plan.data, plan.data)):
        return plan
    plain = load_plan(toml, localize=False)
    unlocalized = diff(store.plan.data, plain.data)
    return plain if not any(k.startswith(grades) for k, _, _ in unlocalized) else plan


def _is_earlier(store: Store, plan: Plan) -> bool:
    """Whether `plan` is one the database held before (at its creation, or before or after an
    amendment not undone): the session file was not edited, the meeting was amended."""
    rows = store.rows(
        "SELECT old, new FROM journal WHERE tbl = 'meta' AND row_key = ? AND undone_by IS NULL "
        "AND action IN ('create', 'amend') ORDER BY id",
        (json.dumps({"key": "plan"}),),
    )
    for row in rows:
        for side in (row["old"], row["new"]):
            value = json.loads(side).get("value") if side else None
            if isinstance(value, str) and not diff(from_json(value).data, plan.data):
                return True
    return False


def plan_changed_message(target: Target, differences: list[tuple[str, Any, Any]]) -> list[str]:
    def show(value: Any) -> str:
        return json.dumps(value, ensure_ascii=False) if not isinstance(value, str) else value

    lines = [t("db.plan_changed", toml=target.toml, db=target.db)]
    for key, old, new in differences[:12]:
        if old is None:
            lines.append(t("db.diff_added", key=key, new=show(new)))
        elif new is None:
            lines.append(t("db.diff_removed", key=key, old=show(old)))
        else:
            lines.append(t("db.diff_changed", key=key, old=show(old), new=show(new)))
    if len(differences) > 12:
        lines.append(t("db.diff_more", count=len(differences) - 12))
    lines.append(t("db.plan_changed_how", db=target.db, toml=target.toml))
    return lines
