"""The assessment's commands: `ballots import`, `ballots export`, `results`."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reviewtui.cli.commands.options import entry_round
from reviewtui.cli.commands.output import _json_text, guard_output, say, show, tell
from reviewtui.i18n import t
from reviewtui.textsafe import shown

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


def ballots_scan(
    session: str,
    files: list[str],
    entry: int | str = 1,
    db: str | None = None,
    entered_by: str | None = None,
) -> None:
    from reviewtui.assessment.ballots import default_entered_by
    from reviewtui.assessment.scan.command import scan  # numpy and OpenCV: this command only
    from reviewtui.store import open_session
    from reviewtui.textsafe import clean

    entry = entry_round(entry)
    store = open_session(session, db, write=True)
    tell(store.notices)
    try:
        who = clean(entered_by).strip() if entered_by else default_entered_by()
        lines = scan(store, files, entry=entry, entered_by=who)
    finally:
        store.close()
    for line in lines:
        say(line)


def ballots_export(
    session: str, output: str | None = None, entry: int | str = 1, db: str | None = None
) -> None:
    from reviewtui import i18n
    from reviewtui.assessment.merge import default_export_path, export_ballots
    from reviewtui.output import in_folder, protected_paths
    from reviewtui.store import open_session

    entry = entry_round(entry)
    chinese = i18n.asked() and i18n.get_lang() == "zh"  # --lang zh: 编号,类别,单位,项目,评价
    # Read-only, never creating a database: it runs beside the `run` that types the ballots.
    store = open_session(session, db, write=False, create=False)
    tell(store.notices)
    try:
        target = default_export_path(store, entry)
        if output:
            target = in_folder(output, target.name)
        protect = protected_paths(store.path, session, store.meta("source"))
        count = export_ballots(store, target, entry=entry, protect=protect, chinese=chinese)
    finally:
        store.close()
    say(t("merge.exported", count=count, entry=entry, path=target))
    say(t("merge.import_there", name=target.name, entry=entry))


def results(
    session: str, as_json: bool = False, db: str | None = None, check: str | None = None
) -> None:
    from reviewtui.assessment.tally import tally_store
    from reviewtui.store import open_session
    from reviewtui.store.language import in_language, meeting_language

    store = open_session(session, db, write=False)
    tell(store.notices)
    extra: list[str] = []
    warned: tuple[Any, ...] = ()
    history = None
    try:
        lang = meeting_language(store)
        outcome = tally_store(store)
        if check is not None:  # 校验码: does this database still give the printed code?
            from reviewtui.assessment.check_code import verify

            say(verify(store, outcome, check))
            return
        if store.plan.meeting.previous:  # last year beside this year: only when it is named
            from reviewtui.assessment.history import with_history

            outcome, history = with_history(store, outcome)
            if history is not None:
                tell(list(history.warnings))
                extra = _withdrawn(history, outcome)
        veto = store.plan.assessment.veto
        present = None if as_json else _present(store)
        if not as_json and store.plan.assessment.warnings:  # 跨年度提醒
            from reviewtui.assessment.year_warnings import warnings_of

            warned = warnings_of(store, outcome, history if store.plan.meeting.previous else None)
    finally:
        store.close()
    if as_json:
        text = _json_text(outcome.to_json())
        guard_output(lambda: (sys.stdout.write(text), sys.stdout.flush()))
        return
    from rich.console import Group
    from rich.text import Text

    from reviewtui.present.tables import ranking_tables, summary_lines

    with in_language(lang):  # the results in the meeting's language; messages in the user's
        lines = summary_lines(outcome, veto, present) + [Text(shown(line)) for line in extra]
        tables = ranking_tables(outcome)
        if outcome.previous is not None:
            from reviewtui.present.tables import previous_table

            tables.append(previous_table(outcome))
        if warned:
            lines.append(Text(t("warnings.title", count=len(warned)), style="bold"))
            lines += [Text(shown(w.line())) for w in warned]
        shown_results = Group(*tables, *lines)
    show(shown_results)


def _withdrawn(history: Any, outcome: Any) -> list[str]:
    from reviewtui.i18n import get_lang

    gone = history.withdrawn([u.unit for u in outcome.units])
    sep = "、" if get_lang() == "zh" else ", "
    return [t("compare.withdrawn", units=sep.join(gone))] if gone else []


def _present(store: Store) -> dict[str, int]:
    """实到 per group, where the secretary recorded it (settings screen)."""
    from reviewtui.attendance import attendance

    return {a.group: a.present for a in attendance(store) if a.present is not None}
