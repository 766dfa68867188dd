"""The assessment's commands: `ballots import`, `ballots export`, `results`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING

from reviewtui.cli.commands.options import entry_round
from reviewtui.cli.commands.output import _json_text, guard_output, say, show, tell
from reviewtui.i18n import t

if TYPE_CHECKING:
    from reviewtui.store import Store


def ballots_import(
    session: str,
    file: str,
    entry: int | str = 1,
    db: str | None = None,
    skip_conflicts: bool = False,
    entered_by: str | None = None,
    other_meeting: bool = False,
) -> None:
    from reviewtui.assessment.forms import Form
    from reviewtui.assessment.merge import import_ballots, summary
    from reviewtui.store import open_session
    from reviewtui.textsafe import clean

    entry = entry_round(entry)
    store = open_session(session, db, write=True)
    tell(store.notices)
    try:
        who = clean(entered_by).strip() if entered_by else None
        done = import_ballots(
            store, Path(file), entry=entry, entered_by=who, skip_conflicts=skip_conflicts,
            other_meeting=other_meeting,
        )  # fmt: skip
        lines = summary(Form.of(store.plan), done)
    finally:
        store.close()
    for line in lines:
        say(line)
    from reviewtui.present.rules import import_lines

    for line in import_lines(done.invalid):  # valid input that the rules void: said, not refused
        say(line)


def ballots_export(
    session: str, output: str | None = None, entry: int | str = 1, db: str | None = None
) -> None:
    from reviewtui.assessment.merge import default_export_path, export_ballots
    from reviewtui.output import in_folder, protected_paths
    from reviewtui.store import open_session

    entry = entry_round(entry)
    # Read-only, never creating a database: it runs beside the `run` that types the ballots.
    store = open_session(session, db, write=False, create=False)
    tell(store.notices)
    try:
        target = default_export_path(store, entry)
        if output:
            target = in_folder(output, target.name)
        protect = protected_paths(store.path, session, store.meta("source"))
        count = export_ballots(store, target, entry=entry, protect=protect)
    finally:
        store.close()
    say(t("merge.exported", count=count, entry=entry, path=target))
    say(t("merge.import_there", name=target.name, entry=entry))


def results(session: str, as_json: bool = False, db: str | None = None) -> None:
    from reviewtui.assessment.tally import tally_store
    from reviewtui.store import open_session

    store = open_session(session, db, write=False)
    tell(store.notices)
    try:
        outcome = tally_store(store)
        veto = store.plan.assessment.veto
        present = None if as_json else _present(store)
    finally:
        store.close()
    if as_json:
        text = _json_text(outcome.to_json())
        guard_output(lambda: (sys.stdout.write(text), sys.stdout.flush()))
        return
    from rich.console import Group

    from reviewtui.present.tables import ranking_table, summary_lines

    show(Group(ranking_table(outcome), *summary_lines(outcome, veto, present)))


def _present(store: Store) -> dict[str, int]:
    """实到 per group, where the secretary recorded it (settings screen)."""
    from reviewtui.attendance import attendance

    return {a.group: a.present for a in attendance(store) if a.present is not None}
